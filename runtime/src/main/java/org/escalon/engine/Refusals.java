package org.escalon.engine;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.escalon.machine.Interpreter;
import org.escalon.machine.OperationalModel;
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
    if (malformed(protocol, event)) {
      return RefusedEvent.Kind.MALFORMED;
    }
    if (!names(protocol, event).allMatch(known -> known)) {
      return RefusedEvent.Kind.UNKNOWN;
    }
    if (lastEventAt != null && event.at().isBefore(lastEventAt)) {
      return RefusedEvent.Kind.OUT_OF_ORDER;
    }
    return forbidden(protocol, raisedBy, event) ? RefusedEvent.Kind.FORBIDDEN
        : RefusedEvent.Kind.NOT_NOW;
  }

  private static boolean malformed(Protocol protocol, CaseEvent e) {
    if (e instanceof CaseEvent.RequestExtension r) {
      return r.amount().amount() < 0 || blank(r.by());
    } else if (e instanceof CaseEvent.SetTimescale t) {
      return t.amount().amount() < 0 || blank(t.by());
    } else if (e instanceof CaseEvent.SetAttribute s) {
      Optional<Attribute> attribute = attribute(protocol, s.attribute());
      return blank(s.value()) || attribute.filter(a -> a.isYesNo()
          ? !s.value().equals("yes") && !s.value().equals("no")
          : !a.choices().contains(s.value())).isPresent();
    }
    return fields(e).anyMatch(Refusals::blank);
  }

  /** The required text fields of an event. */
  private static Stream<String> fields(CaseEvent e) {
    if (e instanceof CaseEvent.Raise r) {
      return Stream.of(r.by());
    } else if (e instanceof CaseEvent.Respond r) {
      return Stream.of(r.by());
    } else if (e instanceof CaseEvent.Bypass b) {
      return Stream.of(b.by(), b.target());
    } else if (e instanceof CaseEvent.Refer r) {
      return Stream.of(r.by(), r.outcome());
    } else if (e instanceof CaseEvent.GrantExtension g) {
      return Stream.of(g.by());
    } else if (e instanceof CaseEvent.SetTimescale t) {
      return Stream.of(t.by());
    } else if (e instanceof CaseEvent.Agree a) {
      return Stream.of(a.role());
    } else if (e instanceof CaseEvent.Advise a) {
      return Stream.of(a.role());
    } else if (e instanceof CaseEvent.Grade g) {
      return Stream.of(g.scale(), g.section(), g.grade());
    } else if (e instanceof CaseEvent.Occur o) {
      return Stream.of(o.event());
    } else if (e instanceof CaseEvent.Withdraw w) {
      return Stream.of(w.by());
    } else if (e instanceof CaseEvent.DeadlinePassed d) {
      return Stream.of(d.stage());
    } else if (e instanceof CaseEvent.ReminderDue r) {
      return Stream.of(r.stage());
    }
    return Stream.empty();
  }

  /** For each name the event uses, whether the protocol has it. */
  private static Stream<Boolean> names(Protocol p, CaseEvent e) {
    if (e instanceof CaseEvent.Raise r) {
      return Stream.concat(Stream.of(role(p, r.by())), r.stage().map(s -> p.stage(s).isPresent())
          .stream());
    } else if (e instanceof CaseEvent.Respond r) {
      return Stream.of(role(p, r.by()));
    } else if (e instanceof CaseEvent.Bypass b) {
      return Stream.of(role(p, b.by()),
          p.stage(b.target()).isPresent() || p.outcome(b.target()).isPresent()
              || b.target().equals(Target.RESOLVED));
    } else if (e instanceof CaseEvent.Refer r) {
      return Stream.of(role(p, r.by()), p.outcome(r.outcome()).isPresent());
    } else if (e instanceof CaseEvent.RequestExtension r) {
      return Stream.of(role(p, r.by()));
    } else if (e instanceof CaseEvent.GrantExtension g) {
      return Stream.of(role(p, g.by()));
    } else if (e instanceof CaseEvent.SetTimescale t) {
      return Stream.of(role(p, t.by()));
    } else if (e instanceof CaseEvent.Agree a) {
      return Stream.of(role(p, a.role()));
    } else if (e instanceof CaseEvent.Advise a) {
      return Stream.of(role(p, a.role()));
    } else if (e instanceof CaseEvent.SetAttribute s) {
      return Stream.of(attribute(p, s.attribute()).isPresent());
    } else if (e instanceof CaseEvent.Grade g) {
      Optional<Scale> scale = p.scales().stream().filter(s -> s.name().equals(g.scale()))
          .findFirst();
      return Stream.of(scale.filter(s -> s.grades().stream()
          .anyMatch(x -> x.name().equals(g.grade()))).isPresent());
    } else if (e instanceof CaseEvent.Occur o) {
      return Stream.of(p.events().stream().anyMatch(x -> x.name().equals(o.event())));
    } else if (e instanceof CaseEvent.Withdraw w) {
      return Stream.of(role(p, w.by()));
    } else if (e instanceof CaseEvent.DeadlinePassed d) {
      return Stream.of(p.stage(d.stage()).isPresent());
    } else if (e instanceof CaseEvent.ReminderDue r) {
      return Stream.of(p.stage(r.stage()).isPresent());
    } else if (e instanceof CaseEvent.Migrated m) {
      return Stream.concat(Stream.of(p.stage(m.stage()).isPresent()),
          m.raisedBy().map(r -> p.role(r).isPresent()).stream());
    }
    return Stream.empty();
  }

  /**
   * Whether who acts never holds what the event needs, whatever the state: for a response, a role
   * that answers no stage; for a withdrawal, one that is not the raiser (who raised an escalation
   * never changes), or, before the raise or when the log does not say who raised it, a role that
   * may never raise one. Who answers and who withdraws are the operational model's to say.
   */
  private static boolean forbidden(Protocol p, Optional<String> raisedBy, CaseEvent e) {
    if (e instanceof CaseEvent.Respond r) {
      Interpreter rules = new Interpreter(OperationalModel.of(p));
      return rules.model().stages().stream().noneMatch(s -> rules.mayRespond(s, r.by()));
    } else if (e instanceof CaseEvent.Raise r) {
      return !r.by().equals(p.header().raisedBy()) && rights(p, r.by(), Right.Kind.START)
          .isEmpty();
    } else if (e instanceof CaseEvent.Bypass b) {
      return rights(p, b.by(), Right.Kind.BYPASS).stream().noneMatch(r -> r.targets().stream()
          .anyMatch(t -> names(t, b.target())));
    } else if (e instanceof CaseEvent.Refer r) {
      return rights(p, r.by(), Right.Kind.REFER).stream().noneMatch(x -> x.targets()
          .contains(new Target.ToOutcome(r.outcome())));
    } else if (e instanceof CaseEvent.RequestExtension r) {
      return extensionRules(p).noneMatch(x -> x.requestedBy().contains(r.by()));
    } else if (e instanceof CaseEvent.GrantExtension g) {
      return extensionRules(p).noneMatch(x -> x.grantedBy().contains(g.by()));
    } else if (e instanceof CaseEvent.SetTimescale t) {
      return p.stages().stream().flatMap(s -> s.timescales().stream())
          .noneMatch(x -> x.setBy().map(b -> b.roles().contains(t.by())).orElse(false));
    } else if (e instanceof CaseEvent.Withdraw w) {
      return new Interpreter(OperationalModel.of(p)).withdrawal(w.by(), raisedBy).isPresent();
    }
    return false;
  }

  private static boolean names(Target target, String text) {
    return target instanceof Target.ToStage s ? s.key().equals(text)
        : ((Target.ToOutcome) target).name().equals(text);
  }

  private static Stream<ExtensionRule> extensionRules(Protocol p) {
    return Stream.concat(p.extension().stream(),
        p.stages().stream().map(Stage::extension).flatMap(Optional::stream));
  }

  private static List<Right> rights(Protocol p, String role, Right.Kind kind) {
    return p.rights().stream().filter(r -> r.role().equals(role) && r.kind() == kind).toList();
  }

  private static boolean role(Protocol p, String name) {
    return p.role(name).isPresent() || name.equals(p.header().raisedBy());
  }

  private static Optional<Attribute> attribute(Protocol p, String name) {
    return p.attributes().stream().filter(a -> a.name().equals(name)).findFirst();
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
