package org.escalon.engine;

import org.escalon.machine.Facts;
import org.escalon.machine.Interpreter;
import org.escalon.machine.AtOnceRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.escalon.machine.Duty;
import org.escalon.machine.Guard;
import org.escalon.machine.OperationalModel;
import org.escalon.machine.StepCases;
import org.escalon.model.Citation;
import org.escalon.model.Step;

/**
 * The steps a protocol declares as calls on a generated machine's {@link TypedListener}: which
 * callback each kind of step makes is decided here, once, for every generated machine, which
 * reads its stages' and outcomes' steps from its operational model as tables instead of writing
 * their texts again.
 */
public final class StepCalls {

  /** The condition of a step the protocol always takes. */
  public static final int ALWAYS = -1;

  private StepCalls() {}

  /**
   * The conditions the model's steps are taken under, each once, in the order the stages and
   * then the outcomes first take them: a generated machine prints each as Java, numbered by its
   * place in this list, and {@link StepCall#condition} is numbered the same way.
   */
  public static List<Guard> conditions(OperationalModel model) {
    List<Guard> conditions = new ArrayList<>();
    Stream.concat(model.stages().stream().flatMap(s -> s.duties().stream()),
            model.outcomes().stream().flatMap(o -> o.duties().stream()))
        .map(Duty::when)
        .filter(g -> !(g instanceof Guard.Always) && !conditions.contains(g))
        .forEach(conditions::add);
    return conditions;
  }

  /**
   * What each stage or outcome asks of the host, in order: {@code rules} are the model's stages
   * (their {@code duties}) or its outcomes, and {@code places} the machine's constants for them,
   * in the same order. Each step is bound to its place once, its roles and forms looked up then.
   */
  public static <T, P extends Keyed, R extends Keyed, F extends Keyed,
      L extends TypedListener<P, ?, ?, R, F>> List<List<StepCall<L>>> told(
          OperationalModel model, List<T> rules, Function<T, List<Duty>> duties, P[] places,
          Function<String, R> role, Function<String, F> form) {
    List<Guard> conditions = conditions(model);
    return IntStream.range(0, places.length).mapToObj(i -> StepCalls.<P, R, F, L>told(
        duties.apply(rules.get(i)), conditions, places[i], role, form)).toList();
  }

  /**
   * The host's news that an escalation ended in each outcome, by outcome, citing the outcome's
   * first paragraph.
   */
  public static <P extends Keyed, O extends P, L extends TypedListener<P, ?, O, ?, ?>>
      List<Consumer<L>> concluded(OperationalModel model, O[] outcomes) {
    return IntStream.range(0, outcomes.length).mapToObj(i -> {
      O outcome = outcomes[i];
      Optional<Citation> source = model.outcomes().get(i).citations().stream().findFirst();
      return (Consumer<L>) l -> l.concluded(outcome, source);
    }).toList();
  }

  /**
   * The steps a place's duties ask of the host, in order, each bound to the place once (a
   * reminder is set up on entering, not told, and is left out).
   */
  private static <P extends Keyed, R extends Keyed, F extends Keyed,
      L extends TypedListener<P, ?, ?, R, F>> List<StepCall<L>> told(List<Duty> duties,
          List<Guard> conditions, P at, Function<String, R> role, Function<String, F> form) {
    return duties.stream().filter(d -> !(d.step() instanceof Step.Remind))
        .map(d -> new StepCall<L>(d.when() instanceof Guard.Always ? ALWAYS
            : conditions.indexOf(d.when()), call(d.step(), at, role, form)))
        .toList();
  }

  /**
   * The call the step makes on a listener at a place, its roles and forms looked up by name
   * ({@code null} for one the protocol does not declare: a note in words, or no role). Every
   * argument is looked up here, once, so that a call told to the host allocates nothing.
   */
  public static <P extends Keyed, R extends Keyed, F extends Keyed>
      Consumer<TypedListener<P, ?, ?, R, F>> call(Step step, P at, Function<String, R> role,
          Function<String, F> form) {
    Function<List<String>, List<R>> roles = names -> names.stream().map(role).toList();
    return StepCases.on(step, new StepCases<Consumer<TypedListener<P, ?, ?, R, F>>>() {
      @Override
      public Consumer<TypedListener<P, ?, ?, R, F>> escalateTo(Step.EscalateTo s) {
        List<R> to = roles.apply(s.roles());
        return l -> l.escalate(at, to, s.bothAgencies(), s.citation());
      }

      @Override
      public Consumer<TypedListener<P, ?, ?, R, F>> copy(Step.Copy s) {
        List<R> to = roles.apply(s.roles());
        return l -> l.copy(at, to, s.citation());
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
        var by = s.by().map(role);
        return l -> l.act(at, s.id(), s.what(), by, s.manner(), s.citation());
      }

      @Override
      public Consumer<TypedListener<P, ?, ?, R, F>> keep(Step.Keep s) {
        F declared = s.form().map(form).orElse(null);
        List<R> sentTo = roles.apply(s.sentTo());
        var by = s.by().map(role);
        String note = s.form().or(s::note).orElse("");
        return declared != null
            ? l -> l.recordForm(at, declared, sentTo, by, s.manner(), s.citation())
            : l -> l.recordNote(at, note, sentTo, by, s.manner(), s.citation());
      }

      @Override
      public Consumer<TypedListener<P, ?, ?, R, F>> remind(Step.Remind s) {
        throw new IllegalArgumentException("a reminder is set up on entering its stage, not told");
      }
    });
  }

  /**
   * What the host is asked when an addressee of the stage is said to be unavailable: to send the
   * escalation to the substitute the stage names for it, citing its {@code to} line.
   */
  public static Effect substitute(org.escalon.machine.StageRule stage, String addressee) {
    org.escalon.machine.Respondents.Substitute s = stage.respondents().substituteOf(addressee)
        .orElseThrow();
    return new Effect.EscalateTo(stage.key(), List.of(s.role()), false, s.citation());
  }

  /**
   * What the rules done at once ({@code when C { steps }}) whose condition came to hold with the
   * event ask of the host, each step whose own condition holds, in order: the effects the
   * engine tells, and a generated machine hands to its listener's {@code heard}. The steps name
   * the rule ({@link AtOnceRule#where}), not a stage: they belong to none.
   */
  public static List<Effect> atOnce(Interpreter run, List<AtOnceRule> before, Facts after) {
    List<AtOnceRule> due = run.comingToHold(before, after);
    if (due.isEmpty()) {
      return List.of();
    }
    List<Effect> effects = new ArrayList<>();
    for (AtOnceRule rule : due) {
      for (Duty duty : run.duties(rule.duties(), after)) {
        if (!(duty.step() instanceof Step.Remind)) { // the checker allows none (E0421)
          effects.add(Rules.told(rule.where(), duty.step()));
        }
      }
    }
    return List.copyOf(effects);
  }
}
