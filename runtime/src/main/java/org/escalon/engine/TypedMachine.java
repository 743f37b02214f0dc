package org.escalon.engine;

import java.time.Instant;
import java.util.Optional;

/**
 * What every generated machine offers a host, typed with its protocol's places ({@code P}: stages
 * {@code S} and outcomes {@code O}) and roles {@code R}: the events every protocol has, time
 * passing, and where the escalation stands, each applied whole or refused with {@link
 * RefusedEvent}. Two versions of a protocol generate two classes with enums of their own; both
 * implement this interface, so a host can hold either as {@code TypedMachine<?, ?, ?, ?>} and
 * drive it without knowing which: a role is looked up by name with {@link #role}, and a stage or
 * outcome reads back by its {@link Keyed#key()}, which the versions share where they agree.
 */
public interface TypedMachine<P extends Keyed, S extends P, O extends P, R extends Keyed>
    extends EscalationMachine {

  /** The protocol's raiser raises the escalation at its first stage. */
  void raise(Instant at);

  /** {@code by} answers the present stage: resolving the concern, or not. */
  void respond(Instant at, R by, boolean resolving);

  /** {@code role} gives its agreement. */
  void agree(Instant at, R role);

  /** The advice of {@code role} has been sought and given. */
  void advise(Instant at, R role);

  /** {@code by} withdraws the escalation. */
  void withdraw(Instant at, R by);

  /** {@code by} withdraws the escalation, giving the reason. */
  void withdraw(Instant at, R by, String reason);

  /**
   * Lets time pass up to and including {@code now}: deadlines and reminders due by then fire.
   * Unlike {@link #advanceTo}, builds no state view.
   */
  void passTimeTo(Instant now);

  /** The role of this name in the machine's protocol, or null if it has none. */
  R role(String name);

  /** Whether the escalation has not been raised, is open, or has ended. */
  EscalationState.Status status();

  /** The stage the escalation is at, or ended at. */
  Optional<S> stage();

  /** When the present stage's response is due, if it has a timescale. */
  Optional<Instant> deadline();

  /** What the escalation waits to enter until its requirements hold. */
  Optional<P> waitingFor();

  /** The outcome the escalation ended in, unless it was withdrawn. */
  Optional<O> outcome();

  /** Whether the raiser withdrew the escalation. */
  boolean withdrawn();

  /**
   * The role that raised the escalation, the only one that may withdraw it; empty until it is
   * raised, and after a migration whose log does not say (then any role that may raise one may).
   */
  Optional<R> raisedBy();

  /** The escalation as text: the protocol it follows and its log, which restore reads back. */
  String snapshot();
}
