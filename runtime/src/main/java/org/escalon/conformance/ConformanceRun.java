package org.escalon.conformance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntPredicate;
import org.escalon.calendar.WorkingCalendar;
import org.escalon.engine.CaseEvent;
import org.escalon.engine.EscalationMachine;
import org.escalon.engine.EscalationState;
import org.escalon.engine.RefusedEvent;
import org.escalon.machine.ClaimMeaning;
import org.escalon.machine.Duty;
import org.escalon.machine.Facts;
import org.escalon.machine.Interpreter;
import org.escalon.machine.OperationalModel;
import org.escalon.machine.StageRule;
import org.escalon.machine.RoleActions;
import org.escalon.model.Attribute;
import org.escalon.model.Claim;
import org.escalon.model.ExtensionRule;
import org.escalon.model.Property;
import org.escalon.model.Protocol;
import org.escalon.model.Right;
import org.escalon.model.Scale;
import org.escalon.model.Target;
import org.escalon.model.Timespan;

/**
 * One run of an escalation machine for a generated conformance test ({@code escalon compile
 * --tests}): random moves drive it (responses, deadlines passing, bypasses, referrals, more time,
 * agreement and advice, facts of the case), then time passes with nobody acting until it ends,
 * waits with nothing due, or has run a year. A declared property is then checked on the points
 * the run went through, with the meaning {@link ClaimMeaning} gives each word of a claim (the
 * verifier's, read along one run).
 */
public final class ConformanceRun {

  /**
   * One move of a run, {@code days} working days after the one before: {@code kind} says what
   * happens (0-1 a response, 2 a bypass, 3 a referral, 4 a request for more time, 5 a grant, 6
   * agreement, 7 advice, 8 a fact, 9 an event or a grading, 10 nothing), {@code a} and {@code b}
   * choose who and what.
   */
  public record Move(int kind, int a, int b, int days) {}

  private static final Optional<String> REASON = Optional.of("conformance run");

  private final EscalationMachine machine;
  private final Protocol protocol;
  private final OperationalModel model;
  private final Interpreter interpreter;
  private final WorkingCalendar calendar;
  private final LocalDate start = LocalDate.of(2027, 1, 4);
  private final List<EscalationState> states = new ArrayList<>();
  private final List<Boolean> entered = new ArrayList<>();
  private final List<Set<String>> acts = new ArrayList<>();
  private final List<Long> days = new ArrayList<>();
  private Instant now;

  private ConformanceRun(EscalationMachine machine) {
    this.machine = machine;
    this.protocol = machine.protocol();
    this.model = OperationalModel.of(protocol);
    this.interpreter = new Interpreter(model);
    this.calendar = WorkingCalendar.of(protocol.header().calendar(), protocol.header().zone());
    this.now = start.atTime(9, 0).atZone(calendar.zone()).toInstant();
  }

  /** A new machine, not yet raised, driven through the moves. */
  public static ConformanceRun of(EscalationMachine machine, List<Move> moves) {
    ConformanceRun run = new ConformanceRun(machine);
    run.raise(moves.isEmpty() ? null : moves.get(0));
    for (Move m : moves) {
      run.advance(m.days());
      run.take(m);
    }
    run.idle();
    return run;
  }

  /**
   * Checks the machine's protocol's property of this title on the run.
   *
   * @throws AssertionError when it does not hold, with the run
   */
  public void check(String title) {
    Property property = protocol.properties().stream().filter(p -> p.title().equals(title))
        .findFirst().orElseThrow(() -> new AssertionError("the machine's protocol has no "
            + "property \"" + title + "\""));
    if (!holds(property.claim())) {
      throw new AssertionError("property \"" + title + "\" does not hold on this run:\n" + this);
    }
  }

  /** Whether the claim holds from the start of the run. */
  public boolean holds(Claim claim) {
    return ClaimMeaning.of(claim, new Along()).test(0);
  }

  // -------------------------------------------------------------------------------------------
  // Driving the machine

  private void raise(Move first) {
    String by = model.raisedBy();
    Optional<String> stage = Optional.empty();
    List<String[]> starts = pairs(Right.Kind.START);
    if (first != null && !starts.isEmpty() && first.b() % 2 == 0) {
      String[] s = starts.get(first.a() % starts.size());
      by = s[0];
      stage = Optional.of(s[1]);
    }
    apply(new CaseEvent.Raise(now, by, stage, REASON));
    if (states.isEmpty()) {
      apply(new CaseEvent.Raise(now, model.raisedBy(), Optional.empty(), REASON));
    }
  }

  private void advance(int workingDays) {
    LocalDate day = calendar.addWorkingDays(calendar.dayOf(now), workingDays);
    Instant target = max(now, day.atTime(12, 0).atZone(calendar.zone()).toInstant());
    passUntil(target);
    now = target;
  }

  private void passUntil(Instant target) {
    // a deadline that comes back at the same instant for ever is the machine's fault, not the run's
    for (int i = 0; i < 1_000; i++) {
      Optional<Instant> due = machine.nextDue();
      if (due.isEmpty() || due.get().isAfter(target)) {
        return;
      }
      int visits = machine.state().visits().size();
      try {
        machine.advanceTo(due.get());
      } catch (RefusedEvent e) {
        return;
      }
      now = max(now, due.get());
      record(visits);
    }
  }

  // after the last move nobody acts: deadlines and reminders pass for up to a year
  private void idle() {
    passUntil(now.plusSeconds(366L * 24 * 3600));
  }

  private void take(Move m) {
    EscalationState s = machine.state();
    if (s.status() != EscalationState.Status.OPEN) {
      return;
    }
    String stage = s.stage().orElse("");
    Optional<CaseEvent> event = switch (m.kind()) {
      case 0, 1 -> Optional.of(new CaseEvent.Respond(now, respondent(stage), m.kind() == 0));
      case 2 -> pick(pairs(Right.Kind.BYPASS), m.a())
          .map(p -> new CaseEvent.Bypass(now, p[0], p[1], REASON));
      case 3 -> pick(pairs(Right.Kind.REFER), m.a())
          .map(p -> new CaseEvent.Refer(now, p[0], p[1], REASON));
      case 4 -> Optional.of(new CaseEvent.RequestExtension(now, requester(stage, m.a()),
          Timespan.workingDays(1 + m.b() % 10), true, REASON));
      case 5 -> Optional.of(new CaseEvent.GrantExtension(now, granter(stage)));
      case 6 -> Optional.of(new CaseEvent.Agree(now, role(m.a())));
      case 7 -> Optional.of(new CaseEvent.Advise(now, role(m.a())));
      case 8 -> fact(m);
      case 9 -> happening(m);
      default -> Optional.empty();
    };
    event.ifPresent(this::apply);
  }

  private Optional<CaseEvent> fact(Move m) {
    List<Attribute> attributes = protocol.attributes();
    if (attributes.isEmpty()) {
      return Optional.empty();
    }
    Attribute a = attributes.get(m.a() % attributes.size());
    List<String> values = a.isYesNo() ? List.of("yes", "no") : a.choices();
    return Optional.of(new CaseEvent.SetAttribute(now, a.name(), values.get(m.b()
        % values.size())));
  }

  private Optional<CaseEvent> happening(Move m) {
    if (!protocol.events().isEmpty() && m.b() % 2 == 0) {
      return Optional.of(new CaseEvent.Occur(now, protocol.events()
          .get(m.a() % protocol.events().size()).name()));
    } else if (!protocol.scales().isEmpty()) {
      Scale scale = protocol.scales().get(m.a() % protocol.scales().size());
      return Optional.of(new CaseEvent.Grade(now, scale.name(), "section " + m.b() % 3,
          scale.grades().get(m.b() % scale.grades().size()).name()));
    }
    return Optional.empty();
  }

  private void apply(CaseEvent event) {
    int visits = machine.state().visits().size();
    try {
      machine.apply(event);
    } catch (RefusedEvent refused) {
      return; // the protocol does not allow it: the run goes on as before
    }
    now = max(now, event.at());
    record(visits);
  }

  private void record(int visitsBefore) {
    EscalationState s = machine.state();
    boolean in = s.visits().size() > visitsBefore && s.status() == EscalationState.Status.OPEN;
    states.add(s);
    entered.add(in);
    Set<String> did = new LinkedHashSet<>();
    Facts facts = s.facts(calendar, now);
    if (s.status() == EscalationState.Status.ENDED) {
      s.outcome().flatMap(model::outcome).ifPresent(o -> did.addAll(does(o.duties(), facts)));
    } else if (in) {
      did.addAll(does(stageRule(s.stage().orElseThrow()).duties(), facts));
    } else if (!acts.isEmpty()) {
      did.addAll(acts.get(acts.size() - 1));
    }
    acts.add(did);
    days.add((long) calendar.workingDaysBetween(start, calendar.dayOf(now)));
  }

  /** What the duties done on entry do with roles: "TeamManager:ESCALATED_TO". */
  private Set<String> does(List<Duty> duties, Facts facts) {
    Set<String> did = new LinkedHashSet<>();
    for (Duty duty : interpreter.duties(duties, facts)) {
      RoleActions.of(duty.step()).forEach(a -> did.add(a.role() + ":" + a.action()));
    }
    return did;
  }

  private StageRule stageRule(String key) {
    return model.stage(key).orElseThrow();
  }

  /** Who answers the stage: its first respondent, else the role that raises escalations. */
  private String respondent(String stage) {
    return model.stage(stage).flatMap(s -> s.respondents().roles().stream().findFirst())
        .orElse(model.raisedBy());
  }

  private String requester(String stage, int which) {
    Optional<ExtensionRule> rule = model.stage(stage).flatMap(StageRule::extension);
    if (rule.isEmpty() || rule.get().requestedBy().isEmpty()) {
      return respondent(stage);
    }
    List<String> by = rule.get().requestedBy();
    return by.get(which % by.size());
  }

  private String granter(String stage) {
    return model.stage(stage).flatMap(StageRule::extension).map(r -> r.grantedBy().get(0))
        .orElse(model.raisedBy());
  }

  private String role(int which) {
    return protocol.roles().get(which % protocol.roles().size()).name();
  }

  /** Every (role, target) a right of the kind names, in the order declared. */
  private List<String[]> pairs(Right.Kind kind) {
    List<String[]> pairs = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (Right r : protocol.rights()) {
      if (r.kind() == kind) {
        for (Target t : r.targets()) {
          String name = org.escalon.machine.TargetCases.name(t);
          if (kind != Right.Kind.START || seen.add(r.role() + " " + name)) {
            pairs.add(new String[] {r.role(), name});
          }
        }
      }
    }
    return pairs;
  }

  private static Optional<String[]> pick(List<String[]> pairs, int which) {
    return pairs.isEmpty() ? Optional.empty() : Optional.of(pairs.get(which % pairs.size()));
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  // -------------------------------------------------------------------------------------------
  // The words of claims, along the run: a value says whether it holds from point i on

  private boolean isEnded(int i) {
    return states.get(i).status() == EscalationState.Status.ENDED;
  }

  private final class Along implements ClaimMeaning.Reading<IntPredicate> {
    @Override
    public IntPredicate inStage(String key) {
      return i -> !isEnded(i) && states.get(i).stage().equals(Optional.of(key));
    }

    @Override
    public IntPredicate inOutcome(String name) {
      return i -> isEnded(i) && states.get(i).outcome().equals(Optional.of(name));
    }

    @Override
    public IntPredicate attributeHolds(String attribute) {
      return i -> "yes".equals(states.get(i).attributes().get(attribute));
    }

    @Override
    public IntPredicate completed(List<String> stages) {
      return i -> states.get(i).completed().containsAll(stages);
    }

    @Override
    public IntPredicate does(String role, Claim.Action action) {
      return i -> acts.get(i).contains(role + ":" + action);
    }

    @Override
    public IntPredicate entered() {
      return entered::get;
    }

    @Override
    public IntPredicate ended() {
      return ConformanceRun.this::isEnded;
    }

    @Override
    public IntPredicate not(IntPredicate operand) {
      return operand.negate();
    }

    @Override
    public IntPredicate and(IntPredicate left, IntPredicate right) {
      return left.and(right);
    }

    @Override
    public IntPredicate or(IntPredicate left, IntPredicate right) {
      return left.or(right);
    }

    @Override
    public IntPredicate always(IntPredicate operand) {
      return i -> {
        for (int j = i; j < states.size(); j++) {
          if (!operand.test(j)) {
            return false;
          }
        }
        return true;
      };
    }

    @Override
    public IntPredicate eventually(IntPredicate operand) {
      return always(operand.negate()).negate();
    }

    @Override
    public IntPredicate onlyAfter(IntPredicate subject, IntPredicate condition) {
      return i -> {
        boolean seen = false;
        for (int j = i; j < states.size(); j++) {
          seen |= condition.test(j);
          if (subject.test(j) && !seen) {
            return false;
          }
        }
        return true;
      };
    }

    @Override
    public IntPredicate within(IntPredicate goal, Timespan bound) {
      return i -> {
        for (int j = i; j < states.size(); j++) {
          if (goal.test(j)) {
            return days.get(j) - days.get(i) <= bound.inWorkingDays();
          }
        }
        return false;
      };
    }
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    for (int j = 0; j < states.size(); j++) {
      EscalationState s = states.get(j);
      b.append("  day ").append(days.get(j)).append(": ")
          .append(isEnded(j) ? "ended in " + s.outcome().orElse("")
              : "stage " + s.stage().orElse("") + (entered.get(j) ? " (entered)" : ""))
          .append(s.waitingFor().map(w -> ", waiting").orElse(""))
          .append(", completed ").append(s.completed()).append('\n');
    }
    return b.toString();
  }
}
