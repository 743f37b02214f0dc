package org.escalon.engine;

import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.escalon.machine.Interpreter;
import org.escalon.machine.OperationalModel;
import org.escalon.machine.StepClocks;
import org.escalon.machine.TargetCases;
import org.escalon.model.Attribute;
import org.escalon.model.ExtensionRule;
import org.escalon.model.Protocol;
import org.escalon.model.Right;
import org.escalon.model.Scale;
import org.escalon.model.Stage;
import org.escalon.model.Target;

/**
 * Decides the {@link RefusedEvent.Kind} of a refusal from the event, the protocol and the state it
 * was refused in, so that the rules themselves only say why. The first test that applies wins:
 * malformed (the event alone is wrong), unknown (it names what the protocol lacks), out of order
 * (dated before the last event), forbidden (who acts never holds the right), else not now.
 */
public final class Refusals {

  private Refusals() {}

  static RefusedEvent.Kind kind(Protocol protocol, EscalationState state, CaseEvent event) {
    return kind(protocol, state.lastEventAt().orElse(null), state.raisedBy(), event);
  }

  /**
   * The kind of a refusal of {@code event}, given when the escalation's last event happened
   * ({@code null} if none has) and who raised it (if it has been, and the log says): what
   * generated machines, which keep no {@code EscalationState}, ask so that their refusals are of
   * the engine's kinds.
   */
  public static RefusedEvent.Kind kind(Protocol protocol, java.time.Instant lastEventAt,
      Optional<String> raisedBy, CaseEvent event) {
    Tests tests = CaseEventCases.on(event, new Tested(protocol, raisedBy));
    if (tests.malformed()) {
      return RefusedEvent.Kind.MALFORMED;
    }
    if (!tests.names().get().allMatch(known -> known)) {
      return RefusedEvent.Kind.UNKNOWN;
    }
    if (lastEventAt != null && event.at().isBefore(lastEventAt)) {
      return RefusedEvent.Kind.OUT_OF_ORDER;
    }
    return tests.forbidden().getAsBoolean() ? RefusedEvent.Kind.FORBIDDEN
        : RefusedEvent.Kind.NOT_NOW;
  }

  /**
   * The tests of one event, in the order they apply: whether the event alone is wrong (a required
   * text blank, a negative amount, a value the attribute does not take); for each name it uses,
   * whether the protocol has it; whether who acts never holds what the event needs, whatever the
   * state. The last two are asked only if the ones before pass.
   */
  private record Tests(boolean malformed, Supplier<Stream<Boolean>> names,
      BooleanSupplier forbidden) {

    Tests(boolean malformed, Supplier<Stream<Boolean>> names) {
      this(malformed, names, () -> false);
    }
  }

  /**
   * The tests of each kind of event. Who may be forbidden: for a response, a role that answers no
   * stage; for a withdrawal, one that is not the raiser (who raised an escalation never changes),
   * or, before the raise or when the log does not say who raised it, a role that may never raise
   * one. Who answers and who withdraws are the operational model's to say.
   */
  private record Tested(Protocol p, Optional<String> raisedBy) implements CaseEventCases<Tests> {
    @Override
    public Tests raise(CaseEvent.Raise r) {
      return new Tests(blank(r.by()), () -> Stream.concat(Stream.of(role(p, r.by())),
          r.stage().map(s -> p.stage(s).isPresent()).stream()),
          () -> new Interpreter(OperationalModel.of(p)).mayRaise(r.by()).isPresent());
    }

    @Override
    public Tests respond(CaseEvent.Respond r) {
      return new Tests(blank(r.by()), () -> Stream.of(role(p, r.by())), () -> {
        Interpreter rules = new Interpreter(OperationalModel.of(p));
        // a substitute answers a stage once its addressee is said to be unavailable
        return rules.model().stages().stream().noneMatch(s -> rules.mayNotRespond(s, r.by(),
            s.respondents().roles()).isEmpty());
      });
    }

    /** Forbidden when no stage names a substitute for the role; not now at any other stage. */
    @Override
    public Tests unavailable(CaseEvent.Unavailable u) {
      return new Tests(blank(u.role()), () -> Stream.of(role(p, u.role())),
          () -> OperationalModel.of(p).stages().stream()
              .allMatch(s -> s.respondents().substituteOf(u.role()).isEmpty()));
    }

    @Override
    public Tests bypass(CaseEvent.Bypass b) {
      return new Tests(blank(b.by()) || blank(b.target()), () -> Stream.of(role(p, b.by()),
          p.stage(b.target()).isPresent() || p.outcome(b.target()).isPresent()
              || b.target().equals(Target.RESOLVED)),
          () -> rights(p, b.by(), Right.Kind.BYPASS).stream().noneMatch(r -> r.targets().stream()
              .anyMatch(t -> names(t, b.target()))));
    }

    @Override
    public Tests refer(CaseEvent.Refer r) {
      return new Tests(blank(r.by()) || blank(r.outcome()),
          () -> Stream.of(role(p, r.by()), p.outcome(r.outcome()).isPresent()),
          () -> rights(p, r.by(), Right.Kind.REFER).stream().noneMatch(x -> x.targets()
              .contains(new Target.ToOutcome(r.outcome()))));
    }

    @Override
    public Tests requestExtension(CaseEvent.RequestExtension r) {
      return new Tests(r.amount().amount() < 0 || blank(r.by()), () -> Stream.of(role(p, r.by())),
          () -> extensionRules(p).noneMatch(x -> x.requestedBy().contains(r.by())));
    }

    @Override
    public Tests grantExtension(CaseEvent.GrantExtension g) {
      return new Tests(blank(g.by()), () -> Stream.of(role(p, g.by())),
          () -> extensionRules(p).noneMatch(x -> x.grantedBy().contains(g.by())));
    }

    @Override
    public Tests declineExtension(CaseEvent.DeclineExtension d) {
      return new Tests(false, Stream::empty);
    }

    @Override
    public Tests setTimescale(CaseEvent.SetTimescale t) {
      return new Tests(t.amount().amount() < 0 || blank(t.by()), () -> Stream.of(role(p, t.by())),
          () -> p.stages().stream().flatMap(s -> s.timescales().stream())
              .noneMatch(x -> x.setBy().map(b -> b.roles().contains(t.by())).orElse(false)));
    }

    /**
     * Forbidden when the protocol has no soft deadline, or the role can never be the escalator
     * (the role that raised it, or one that may raise one); not now before a soft deadline of the
     * stay is missed.
     */
    @Override
    public Tests escalate(CaseEvent.Escalate x) {
      return new Tests(blank(x.by()), () -> Stream.of(role(p, x.by())),
          () -> p.stages().stream().flatMap(s -> s.timescales().stream())
              .noneMatch(org.escalon.model.Timescale::soft)
              || !raisedBy.map(x.by()::equals).orElseGet(() ->
                  new Interpreter(OperationalModel.of(p)).mayRaise(x.by()).isEmpty())
                  && p.stages().stream().noneMatch(s -> s.escalatedBy()
                      .filter(e -> e.role().equals(x.by())).isPresent()));
    }

    @Override
    public Tests agree(CaseEvent.Agree a) {
      return new Tests(blank(a.role()), () -> Stream.of(role(p, a.role())));
    }

    @Override
    public Tests advise(CaseEvent.Advise a) {
      return new Tests(blank(a.role()), () -> Stream.of(role(p, a.role())));
    }

    @Override
    public Tests setAttribute(CaseEvent.SetAttribute s) {
      Optional<Attribute> attribute = attribute(p, s.attribute());
      return new Tests(blank(s.value()) || attribute.filter(a -> a.isYesNo()
          ? !s.value().equals("yes") && !s.value().equals("no")
          : !a.choices().contains(s.value())).isPresent(),
          () -> Stream.of(attribute.isPresent()),
          () -> attribute.flatMap(Attribute::decision).isPresent());
    }

    /** Forbidden when the role never takes that decision; not now at another stage. */
    @Override
    public Tests decide(CaseEvent.Decide d) {
      Optional<Attribute.Decision> decision = attribute(p, d.decision())
          .flatMap(Attribute::decision);
      return new Tests(blank(d.by()) || blank(d.decision()),
          () -> Stream.of(role(p, d.by()), decision.isPresent()),
          () -> decision.filter(x -> x.by().contains(d.by())).isEmpty());
    }

    @Override
    public Tests grade(CaseEvent.Grade g) {
      return new Tests(Stream.of(g.scale(), g.section(), g.grade()).anyMatch(Refusals::blank),
          () -> {
            Optional<Scale> scale = p.scales().stream().filter(s -> s.name().equals(g.scale()))
                .findFirst();
            return Stream.of(scale.filter(s -> s.grades().stream()
                .anyMatch(x -> x.name().equals(g.grade()))).isPresent());
          });
    }

    @Override
    public Tests occur(CaseEvent.Occur o) {
      return new Tests(blank(o.event()),
          () -> Stream.of(p.events().stream().anyMatch(x -> x.name().equals(o.event()))));
    }

    /** Malformed when the date is not after the event (it has passed); unknown if undeclared. */
    @Override
    public Tests setDate(CaseEvent.SetDate d) {
      return new Tests(blank(d.date()) || !d.on().isAfter(d.at()),
          () -> Stream.of(p.date(d.date()).isPresent()));
    }

    @Override
    public Tests withdraw(CaseEvent.Withdraw w) {
      return new Tests(blank(w.by()), () -> Stream.of(role(p, w.by())),
          () -> new Interpreter(OperationalModel.of(p)).withdrawal(w.by(), raisedBy).isPresent());
    }

    @Override
    public Tests deadlinePassed(CaseEvent.DeadlinePassed d) {
      return new Tests(blank(d.stage()), () -> Stream.of(p.stage(d.stage()).isPresent()));
    }

    @Override
    public Tests reminderDue(CaseEvent.ReminderDue r) {
      return new Tests(blank(r.stage()), () -> Stream.of(p.stage(r.stage()).isPresent()));
    }

    @Override
    public Tests triggerDue(CaseEvent.TriggerDue t) {
      return new Tests(blank(t.trigger()), () -> Stream.of(p.triggers().stream()
          .anyMatch(x -> x.name().equals(t.trigger()))));
    }

    @Override
    public Tests stepDone(CaseEvent.StepDone d) {
      return new Tests(blank(d.by()) || blank(d.step()), () -> Stream.of(role(p, d.by()),
          StepClocks.known(OperationalModel.of(p), d.step())),
          () -> StepClocks.neverDoneBy(OperationalModel.of(p), d.step(), d.by()));
    }

    @Override
    public Tests stepDeadlinePassed(CaseEvent.StepDeadlinePassed d) {
      return new Tests(blank(d.stage()) || blank(d.step()),
          () -> Stream.of(p.stage(d.stage()).isPresent()));
    }

    @Override
    public Tests migrated(CaseEvent.Migrated m) {
      return new Tests(false, () -> Stream.concat(Stream.of(p.stage(m.stage()).isPresent()),
          m.raisedBy().map(r -> p.role(r).isPresent()).stream()));
    }
  }

  private static boolean names(Target target, String text) {
    return TargetCases.name(target).equals(text);
  }

  private static Stream<ExtensionRule> extensionRules(Protocol p) {
    return Stream.concat(p.extension().stream(),
        p.stages().stream().map(Stage::extension).flatMap(Optional::stream));
  }

  private static List<Right> rights(Protocol p, String role, Right.Kind kind) {
    return p.rights().stream().filter(r -> r.role().equals(role) && r.kind() == kind).toList();
  }

  private static boolean role(Protocol p, String name) {
    return p.role(name).isPresent() || p.header().raisers().contains(name);
  }

  private static Optional<Attribute> attribute(Protocol p, String name) {
    return p.attributes().stream().filter(a -> a.name().equals(name)).findFirst();
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
