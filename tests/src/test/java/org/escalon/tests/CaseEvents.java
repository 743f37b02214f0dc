package org.escalon.tests;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.escalon.engine.CaseEvent;
import org.escalon.model.Timespan;
import org.escalon.model.Protocol;
import org.escalon.model.Scale;
import org.escalon.model.TimeUnit;

/**
 * Random events a protocol could see, valid and not: right and wrong roles, stages that exist
 * and ones that do not, values out of range, events dated in the past, and deadlines or
 * reminders claimed by the caller. A null event means "let time pass".
 */
final class CaseEvents {

  private CaseEvents() {}

  /** How far time moves before the next event, from the same instant to about a month. */
  static Instant next(Instant now, int choice) {
    return switch (choice % 11) {
      case 0 -> now;
      case 1 -> now.minusSeconds(3_600);
      case 2, 3 -> now.plusSeconds(60L * (1 + choice % 600));
      case 4, 5, 6 -> now.plusSeconds(3_600L * (1 + choice % 97));
      default -> now.plusSeconds(86_400L * (1 + choice % 30) + choice % 7_200);
    };
  }

  /** A role some stage names as its escalator ({@code escalated by}), if any does. */
  private static Optional<String> escalator(Protocol p, int pick) {
    List<String> named = p.stages().stream().flatMap(s -> s.escalatedBy().stream())
        .map(e -> e.role()).toList();
    return named.isEmpty() ? Optional.empty() : Optional.of(named.get(pick % named.size()));
  }

  static CaseEvent event(Protocol p, int choice, Instant at) {
    int pick = choice / 17;
    List<String> roles = new ArrayList<>(p.roles().stream().map(r -> r.name()).toList());
    roles.add("Nobody");
    String role = roles.get(pick % roles.size());
    List<String> targets = new ArrayList<>(p.stages().stream().map(s -> s.key()).toList());
    p.outcomes().forEach(o -> targets.add(o.name()));
    targets.add("nowhere");
    String target = targets.get(pick % targets.size());
    // any of the roles that raise (one for most protocols, so their picks stay)
    String raiser = p.header().raisers().get(pick / 7 % p.header().raisers().size());
    String by = pick % 3 == 0 ? role : raiser;
    Optional<String> reason = pick % 4 == 0 ? Optional.empty()
        : Optional.of(pick % 4 == 1 ? " " : "reason " + pick);
    return switch (choice % 17) {
      case 0, 1 -> null;
      case 2, 3 -> new CaseEvent.Raise(at, pick % 3 == 0 ? role
          : pick % 3 == 1 ? starter(p, pick / 3, raiser) : raiser, pick % 3 == 0
          ? Optional.of(target) : Optional.empty(), reason);
      case 4, 5, 6 -> new CaseEvent.Respond(at, pick % 5 == 0 ? role : stageRole(p, pick),
          pick % 6 == 0);
      case 7 -> new CaseEvent.Bypass(at, pick % 2 == 0 ? holder(p, pick, role) : by, target,
          reason);
      case 8 -> new CaseEvent.Refer(at, pick % 2 == 0 ? holder(p, pick, role) : by, target,
          reason);
      case 9 -> new CaseEvent.RequestExtension(at, pick % 3 == 0 ? role
          : extensionRole(p, pick, true, role),
          new Timespan(1 + pick % 8, pick % 3 == 0
              ? TimeUnit.values()[pick % TimeUnit.values().length] : TimeUnit.WORKING_DAYS),
          pick % 5 != 0, pick % 7 == 0 ? Optional.empty() : Optional.of("because " + pick));
      case 10 -> new CaseEvent.GrantExtension(at, pick % 3 == 0 ? role
          : extensionRole(p, pick, false, role));
      case 11 -> pick % 2 == 0 ? new CaseEvent.Agree(at, role) : new CaseEvent.Advise(at, role);
      case 12 -> attribute(p, pick, at);
      case 13 -> grade(p, pick, at);
      case 14 -> p.events().isEmpty() || pick % 5 == 0 ? new CaseEvent.Occur(at, "nothing")
          : new CaseEvent.Occur(at, p.events().get(pick % p.events().size()).name());
      case 15 -> pick % 6 == 0 ? new CaseEvent.Withdraw(at, pick / 6 % 3 == 0 ? role
          : pick / 6 % 3 == 1 ? starter(p, pick / 18, raiser) : raiser, reason)
          : pick % 6 == 1 ? new CaseEvent.DeadlinePassed(at, target)
          : pick % 6 == 2 ? new CaseEvent.ReminderDue(at, target)
          : pick % 6 == 3 ? new CaseEvent.StepDone(at, by, step(p, pick / 6))
          : pick % 6 == 4 ? new CaseEvent.StepDeadlinePassed(at, target, step(p, pick / 6))
          : setDate(p, pick / 6, at);
      default -> pick % 3 == 0 ? setTimescale(p, pick, at, role)
          : pick % 3 == 1 ? new CaseEvent.Escalate(at, pick % 4 == 0 ? role
              : pick % 4 == 1 ? escalator(p, pick / 4).orElse(by) : by)
          : pick % 5 == 2 && !addressees(p).isEmpty()
              ? new CaseEvent.Unavailable(at, pick % 4 == 0 ? role
                  : addressees(p).get(pick / 5 % addressees(p).size()))
          : new CaseEvent.GrantExtension(at, extensionRole(p, pick, false, role));
    };
  }

  /**
   * A known date set or moved (issue 14 point 5): usually one the protocol declares, from an hour
   * to three weeks ahead, sometimes one that has passed or that it does not declare; none (no
   * event) for most protocols, which declare no date, so their event streams stay as they were.
   */
  private static CaseEvent setDate(Protocol p, int pick, Instant at) {
    if (p.dates().isEmpty() && pick % 4 != 0) {
      return null;
    }
    String date = p.dates().isEmpty() || pick % 7 == 0 ? "hearing"
        : p.dates().get(pick % p.dates().size()).name();
    return new CaseEvent.SetDate(at, date, pick % 5 == 0 ? at.minusSeconds(3_600)
        : at.plusSeconds(3_600L * (1 + pick % 500)));
  }

  /** A step's id: usually one of the protocol's steps (one with a deadline most often). */
  private static String step(Protocol p, int pick) {
    List<org.escalon.model.Step> steps = java.util.stream.Stream.concat(p.stages().stream()
        .flatMap(s -> s.steps().stream()), p.outcomes().stream().flatMap(o -> o.steps().stream()))
        .filter(s -> !org.escalon.machine.StepClocks.id(s).isEmpty()).toList();
    List<org.escalon.model.Step> timed = steps.stream()
        .filter(s -> org.escalon.machine.StepClocks.within(s).isPresent()).toList();
    List<org.escalon.model.Step> from = pick % 3 != 0 && !timed.isEmpty() ? timed : steps;
    return from.isEmpty() || pick % 7 == 0 ? "nothing"
        : org.escalon.machine.StepClocks.id(from.get(pick % from.size()));
  }

  /**
   * A timescale set during the case: usually by a role that sets one somewhere, in working days
   * or another unit, from nothing to past most caps.
   */
  private static CaseEvent setTimescale(Protocol p, int pick, Instant at, String otherwise) {
    List<String> setters = p.stages().stream().flatMap(s -> s.timescales().stream())
        .flatMap(t -> t.setBy().stream()).flatMap(s -> s.roles().stream()).distinct().toList();
    String by = setters.isEmpty() || pick % 5 == 0 ? otherwise
        : setters.get(pick % setters.size());
    TimeUnit unit = pick % 4 == 0 ? TimeUnit.values()[pick % TimeUnit.values().length]
        : TimeUnit.WORKING_DAYS;
    return new CaseEvent.SetTimescale(at, by, new Timespan(pick % 11, unit));
  }

  /**
   * A role with a right to start an escalation, or {@code otherwise}: one such role raises and
   * another, which also may raise, tries to withdraw what it did not raise.
   */
  private static String starter(Protocol p, int pick, String otherwise) {
    List<String> starters = p.rights().stream()
        .filter(r -> r.kind() == org.escalon.model.Right.Kind.START).map(r -> r.role()).distinct()
        .toList();
    return starters.isEmpty() || pick % 3 == 0 ? otherwise : starters.get(pick % starters.size());
  }

  /** A role that holds some right, or {@code otherwise}. */
  private static String holder(Protocol p, int pick, String otherwise) {
    List<String> holders = p.rights().stream().map(r -> r.role()).distinct().toList();
    return holders.isEmpty() ? otherwise : holders.get(pick % holders.size());
  }

  /** A role that may ask for (or grant) more time under some rule, or {@code otherwise}. */
  private static String extensionRole(Protocol p, int pick, boolean asks, String otherwise) {
    List<org.escalon.model.ExtensionRule> rules = new ArrayList<>();
    p.extension().ifPresent(rules::add);
    p.stages().forEach(s -> s.extension().ifPresent(rules::add));
    List<String> roles = rules.stream().flatMap(r -> (asks ? r.requestedBy() : r.grantedBy())
        .stream()).distinct().toList();
    return roles.isEmpty() ? otherwise : roles.get(pick % roles.size());
  }

  /** The addressees a stage names a substitute for ({@code to A, or B when unavailable}). */
  private static List<String> addressees(Protocol p) {
    return p.stages().stream().flatMap(s -> s.steps().stream())
        .filter(org.escalon.model.Step.EscalateTo.class::isInstance)
        .map(org.escalon.model.Step.EscalateTo.class::cast)
        .filter(e -> e.substitute().isPresent()).map(e -> e.roles().get(0)).toList();
  }

  /** Usually a role a stage escalates to, so that responses come from whom they should. */
  private static String stageRole(Protocol p, int pick) {
    List<String> roles = p.stages().stream().flatMap(s -> s.steps().stream())
        .filter(org.escalon.model.Step.EscalateTo.class::isInstance)
        .flatMap(s -> ((org.escalon.model.Step.EscalateTo) s).roles().stream()).toList();
    // and those who judge a stage (`judged by`), after them so that other protocols' picks stay
    List<String> judges = p.stages().stream().flatMap(s -> s.judges().stream())
        .flatMap(j -> j.roles().stream()).toList();
    if (!judges.isEmpty()) {
      roles = java.util.stream.Stream.concat(roles.stream(), judges.stream()).toList();
    }
    // and the substitutes (`to A, or B when unavailable`), after them likewise
    List<String> substitutes = p.stages().stream().flatMap(s -> s.steps().stream())
        .filter(org.escalon.model.Step.EscalateTo.class::isInstance)
        .flatMap(s -> ((org.escalon.model.Step.EscalateTo) s).substitute().stream()).toList();
    if (!substitutes.isEmpty()) {
      roles = java.util.stream.Stream.concat(roles.stream(), substitutes.stream()).toList();
    }
    return roles.isEmpty() ? p.header().raisedBy() : roles.get(pick % roles.size());
  }

  private static CaseEvent attribute(Protocol p, int pick, Instant at) {
    if (p.attributes().isEmpty() || pick % 7 == 0) {
      return new CaseEvent.SetAttribute(at, "unknown_fact", "yes");
    }
    var attribute = p.attributes().get(pick % p.attributes().size());
    if (attribute.decision().isPresent() && pick % 5 != 0) {
      // a decision: usually by its role (either way), now and then by another, or set
      List<String> by = attribute.decision().get().by();
      String role = pick % 11 == 0 ? p.header().raisedBy() : by.get(pick % by.size());
      return new CaseEvent.Decide(at, role, attribute.name(), pick % 2 == 0);
    }
    List<String> values = new ArrayList<>(attribute.isYesNo() ? List.of("yes", "no")
        : attribute.choices());
    values.add("maybe");
    return new CaseEvent.SetAttribute(at, attribute.name(), values.get(pick % values.size()));
  }

  private static CaseEvent grade(Protocol p, int pick, Instant at) {
    if (p.scales().isEmpty() || pick % 7 == 0) {
      return new CaseEvent.Grade(at, "nothing", "health", "good");
    }
    Scale scale = p.scales().get(pick % p.scales().size());
    String section = List.of("health", "education", "placement").get(pick % 3);
    List<String> grades = new ArrayList<>(scale.grades().stream().map(g -> g.name()).toList());
    grades.add("superb");
    return new CaseEvent.Grade(at, scale.name(), section, grades.get(pick % grades.size()));
  }
}
