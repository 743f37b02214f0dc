package org.escalon.engine;

import java.util.List;
import java.util.Optional;
import org.escalon.model.Citation;
import org.escalon.model.Manner;

/**
 * What a host does when a generated machine's protocol asks for something: one callback per kind
 * of step, typed with the protocol's own places ({@code P}: stages {@code S} and outcomes
 * {@code O}), roles {@code R} and forms {@code F}, called once the event that caused it has been
 * accepted, in the protocol's order. A callback the host does not override hands the engine's
 * own {@link Effect} record to {@link #heard}, the one method every host implements: forgetting
 * {@code escalate} cannot drop an escalation unseen.
 */
public interface TypedListener<P extends Keyed, S extends P, O extends P, R extends Keyed,
    F extends Keyed> {

  /** Every effect whose own callback is not overridden, as the engine would tell it. */
  void heard(Effect effect);

  /** Send the escalation to roles at a stage (or outcome), in both agencies when so said. */
  default void escalate(P at, List<R> to, boolean bothAgencies, Optional<Citation> source) {
    heard(new Effect.EscalateTo(at.key(), Keyed.keys(to), bothAgencies, source));
  }

  /** Copy roles in. */
  default void copy(P at, List<R> roles, Optional<Citation> source) {
    heard(new Effect.CopyTo(at.key(), Keyed.keys(roles), source));
  }

  /**
   * Notify roles, of {@code what} when given, by {@code by} when not the raiser; {@code how} says
   * by what channels, and whether the policy requires it or calls it good practice.
   */
  default void notifyRoles(P at, List<R> roles, Optional<String> what, Optional<R> by,
      Manner how, Optional<Citation> source) {
    heard(new Effect.Inform(at.key(), "notify", Keyed.keys(roles), what, by.map(Keyed::key),
        source, how));
  }

  /** Advise roles, of {@code what} when given, by {@code by} when not the raiser. */
  default void advise(P at, List<R> roles, Optional<String> what, Optional<R> by,
      Manner how, Optional<Citation> source) {
    heard(new Effect.Inform(at.key(), "advise", Keyed.keys(roles), what, by.map(Keyed::key),
        source, how));
  }

  /** Consult roles, of {@code what} when given, by {@code by} when not the raiser. */
  default void consult(P at, List<R> roles, Optional<String> what, Optional<R> by,
      Manner how, Optional<Citation> source) {
    heard(new Effect.Inform(at.key(), "consult", Keyed.keys(roles), what, by.map(Keyed::key),
        source, how));
  }

  /**
   * Someone (the raiser unless {@code by} says) must take an action, or should as good practice;
   * {@code how} says which, and by what channels. {@code id} is the action's stable id (kept when
   * the policy rewords {@code what}), the one for a host to store.
   */
  default void act(P at, String id, String what, Optional<R> by, Manner how,
      Optional<Citation> source) {
    heard(new Effect.Act(at.key(), id, what, by.map(Keyed::key), source, how));
  }

  /** Record a form the protocol declares (by {@code by} when not the raiser), send it to roles. */
  default void recordForm(P at, F form, List<R> sentTo, Optional<R> by, Manner how,
      Optional<Citation> source) {
    heard(new Effect.Keep(at.key(), form.key(), Keyed.keys(sentTo), source, by.map(Keyed::key),
        how));
  }

  /** Record a note in words (by {@code by} when not the raiser), and send it to roles. */
  default void recordNote(P at, String note, List<R> sentTo, Optional<R> by, Manner how,
      Optional<Citation> source) {
    heard(new Effect.Keep(at.key(), note, Keyed.keys(sentTo), source, by.map(Keyed::key), how));
  }

  /** Remind roles, copying others in: a repeating reminder set up at {@code stage} is due. */
  default void remind(S stage, List<R> roles, List<R> copying) {
    heard(new Effect.Remind(stage.key(), Keyed.keys(roles), Keyed.keys(copying),
        Optional.empty()));
  }

  /**
   * The escalation cannot go on to {@code target} until what {@code missing} names is given (an
   * agreement, advice, a stage completed, a fact about the case); it has no deadline meanwhile,
   * so a scheduler that looks at {@code nextDue} alone would not come back to it.
   */
  default void waiting(P at, P target, List<String> missing) {
    heard(new Effect.WaitingFor(at.key(), target.named(), missing, Optional.empty()));
  }

  /** The escalation has ended in an outcome. */
  default void concluded(O outcome, Optional<Citation> source) {
    heard(new Effect.Concluded(outcome.key(), outcome.key(), source));
  }
}
