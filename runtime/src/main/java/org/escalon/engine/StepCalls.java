package org.escalon.engine;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.escalon.machine.StepCases;
import org.escalon.model.Protocol;
import org.escalon.model.Step;

/**
 * The steps a protocol declares as calls on a generated machine's {@link TypedListener}: which
 * callback each kind of step makes is decided here, once, for every generated machine, which
 * reads each step from its model by where it is written instead of writing its texts again.
 */
public final class StepCalls {

  private StepCalls() {}

  /** The step a stage or outcome of the protocol declares at this line and column. */
  public static Step declaredAt(Protocol protocol, int line, int column) {
    return Stream.concat(protocol.stages().stream().flatMap(s -> s.steps().stream()),
            protocol.outcomes().stream().flatMap(o -> o.steps().stream()))
        .filter(s -> s.span().line() == line && s.span().column() == column)
        .findFirst().orElseThrow(() -> new IllegalArgumentException("the protocol declares no "
            + "step at " + line + ":" + column));
  }

  /**
   * The call the step makes on a listener at a place, its roles and forms looked up by name
   * ({@code null} for one the protocol does not declare: a note in words, or no role).
   */
  public static <P extends Keyed, R extends Keyed, F extends Keyed>
      Consumer<TypedListener<P, ?, ?, R, F>> call(Step step, P at, Function<String, R> role,
          Function<String, F> form) {
    Function<List<String>, List<R>> roles = names -> names.stream().map(role).toList();
    return StepCases.on(step, new StepCases<Consumer<TypedListener<P, ?, ?, R, F>>>() {
      @Override
      public Consumer<TypedListener<P, ?, ?, R, F>> escalateTo(Step.EscalateTo s) {
        return l -> l.escalate(at, roles.apply(s.roles()), s.bothAgencies(), s.citation());
      }

      @Override
      public Consumer<TypedListener<P, ?, ?, R, F>> copy(Step.Copy s) {
        return l -> l.copy(at, roles.apply(s.roles()), s.citation());
      }

      @Override
      public Consumer<TypedListener<P, ?, ?, R, F>> inform(Step.Inform s) {
        List<R> to = roles.apply(s.roles());
        var by = s.by().map(role);
        return switch (s.kind()) {
          case NOTIFY -> l -> l.notifyRoles(at, to, s.what(), by, s.manner(), s.citation());
          case ADVISE -> l -> l.advise(at, to, s.what(), by, s.manner(), s.citation());
          case CONSULT -> l -> l.consult(at, to, s.what(), by, s.manner(), s.citation());
        };
      }

      @Override
      public Consumer<TypedListener<P, ?, ?, R, F>> act(Step.Act s) {
        return l -> l.act(at, s.what(), s.by().map(role), s.manner(), s.citation());
      }

      @Override
      public Consumer<TypedListener<P, ?, ?, R, F>> keep(Step.Keep s) {
        F declared = s.form().map(form).orElse(null);
        List<R> sentTo = roles.apply(s.sentTo());
        var by = s.by().map(role);
        return declared != null
            ? l -> l.recordForm(at, declared, sentTo, by, s.manner(), s.citation())
            : l -> l.recordNote(at, s.form().or(s::note).orElse(""), sentTo, by, s.manner(),
                s.citation());
      }

      @Override
      public Consumer<TypedListener<P, ?, ?, R, F>> remind(Step.Remind s) {
        throw new IllegalArgumentException("a reminder is set up on entering its stage, not told");
      }
    });
  }
}
