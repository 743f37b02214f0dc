package org.escalon.model;

import java.util.List;
import java.util.Optional;

/**
 * Something done when a stage or outcome is entered: escalate, copy, inform, act, record, remind.
 * Obligations declared for every stage appear among each stage's steps, with their own span.
 */
public sealed interface Step {

  Optional<Condition> when();

  Optional<Citation> citation();

  SourceSpan span();

  /** How the step is done: its channels, and whether it is required or good practice. */
  default Manner manner() {
    return Manner.REQUIRED;
  }

  /**
   * Escalate to these roles (in both agencies when the protocol says so); {@code jointly}: each of
   * them must answer ({@code to A and B}), else either may ({@code to A or B}); {@code substitute}:
   * who is sent it, and answers in the addressee's place, once the host says the addressee is
   * unavailable ({@code to TeamManager, or DutyTeamManager when unavailable}; the line then names
   * one role).
   */
  record EscalateTo(List<String> roles, boolean bothAgencies, boolean jointly,
      Optional<Condition> when, Optional<Citation> citation, SourceSpan span,
      Optional<String> substitute) implements Step {
    public EscalateTo {
      roles = List.copyOf(roles);
    }

    /** Escalated to these roles, with no substitute. */
    public EscalateTo(List<String> roles, boolean bothAgencies, boolean jointly,
        Optional<Condition> when, Optional<Citation> citation, SourceSpan span) {
      this(roles, bothAgencies, jointly, when, citation, span, Optional.empty());
    }

    /** Escalated to these roles, either of whom may answer ({@code to A or B}). */
    public EscalateTo(List<String> roles, boolean bothAgencies, Optional<Condition> when,
        Optional<Citation> citation, SourceSpan span) {
      this(roles, bothAgencies, false, when, citation, span);
    }
  }

  /** Copy these roles in. */
  record Copy(List<String> roles, Optional<Condition> when, Optional<Citation> citation,
      SourceSpan span) implements Step {
    public Copy {
      roles = List.copyOf(roles);
    }
  }

  /**
   * Inform, advise or consult these roles; {@code from} is what {@code within} counts from when
   * it is not the start of the stage ({@code within 15 working days after meeting_held}).
   */
  record Inform(Kind kind, List<String> roles, Optional<String> what, Optional<String> by,
      Optional<Timespan> within,
      Optional<Condition> when, Optional<Citation> citation, SourceSpan span, Manner manner,
      Optional<Timescale.Anchor> from, Optional<Timescale.Firmness.Word> urgency)
      implements Step {
    public Inform {
      roles = List.copyOf(roles);
      within = Step.within(within, urgency);
    }

    /** A deadline written as a duration, or none. */
    public Inform(Kind kind, List<String> roles, Optional<String> what, Optional<String> by,
        Optional<Timespan> within, Optional<Condition> when, Optional<Citation> citation,
        SourceSpan span, Manner manner, Optional<Timescale.Anchor> from) {
      this(kind, roles, what, by, within, when, citation, span, manner, from, Optional.empty());
    }

    /** Counted from the start of the stage. */
    public Inform(Kind kind, List<String> roles, Optional<String> what, Optional<String> by,
        Optional<Timespan> within, Optional<Condition> when, Optional<Citation> citation,
        SourceSpan span, Manner manner) {
      this(kind, roles, what, by, within, when, citation, span, manner, Optional.empty());
    }

    /** Required, by no channel in particular. */
    public Inform(Kind kind, List<String> roles, Optional<String> what, Optional<String> by,
        Optional<Timespan> within, Optional<Condition> when, Optional<Citation> citation,
        SourceSpan span) {
      this(kind, roles, what, by, within, when, citation, span, Manner.REQUIRED);
    }

    /** How the role is told. */
    public enum Kind {
      NOTIFY,
      ADVISE,
      CONSULT
    }
  }

  /**
   * An action someone must take; {@code id} is its stable id, kept when its words are reworded
   * (the name the author gave it, or one made from its words), which a host stores.
   */
  record Act(String id, String what, Optional<String> by, Optional<Timespan> within,
      Optional<Condition> when, Optional<Citation> citation, SourceSpan span, Manner manner,
      Optional<Timescale.Anchor> from, Optional<Timescale.Firmness.Word> urgency,
      List<String> alsoBy)
      implements Step {
    public Act {
      within = Step.within(within, urgency);
      alsoBy = List.copyOf(alsoBy);
    }

    /** Done by one role ({@code by}), or by whoever the host says. */
    public Act(String id, String what, Optional<String> by, Optional<Timespan> within,
        Optional<Condition> when, Optional<Citation> citation, SourceSpan span, Manner manner,
        Optional<Timescale.Anchor> from, Optional<Timescale.Firmness.Word> urgency) {
      this(id, what, by, within, when, citation, span, manner, from, urgency, List.of());
    }

    /**
     * Who must do it: {@code by} and, for a joint step ({@code by A and B}), {@code alsoBy}; the
     * step is done when each of them has reported it. Empty when the step names no one.
     */
    public List<String> doers() {
      List<String> all = new java.util.ArrayList<>();
      by.ifPresent(all::add);
      all.addAll(alsoBy);
      return List.copyOf(all);
    }

    /** Whether each of several roles must do it ({@code by A and B}). */
    public boolean joint() {
      return !alsoBy.isEmpty();
    }

    /** A deadline written as a duration, or none. */
    public Act(String id, String what, Optional<String> by, Optional<Timespan> within,
        Optional<Condition> when, Optional<Citation> citation, SourceSpan span, Manner manner,
        Optional<Timescale.Anchor> from) {
      this(id, what, by, within, when, citation, span, manner, from, Optional.empty());
    }

    /** Counted from the start of the stage. */
    public Act(String id, String what, Optional<String> by, Optional<Timespan> within,
        Optional<Condition> when, Optional<Citation> citation, SourceSpan span, Manner manner) {
      this(id, what, by, within, when, citation, span, manner, Optional.empty());
    }

    /** Required, by no channel in particular. */
    public Act(String id, String what, Optional<String> by, Optional<Timespan> within,
        Optional<Condition> when, Optional<Citation> citation, SourceSpan span) {
      this(id, what, by, within, when, citation, span, Manner.REQUIRED);
    }
  }

  /**
   * Record a form (by name) or a note (in words), possibly sending it to roles; {@code by} names
   * who records it when it is not the raiser.
   */
  record Keep(Optional<String> form, Optional<String> note, List<String> sentTo,
      Optional<Timespan> within, Optional<Condition> when, Optional<Citation> citation,
      SourceSpan span, Optional<String> by, Manner manner, Optional<Timescale.Anchor> from,
      Optional<Timescale.Firmness.Word> urgency)
      implements Step {
    public Keep {
      sentTo = List.copyOf(sentTo);
      within = Step.within(within, urgency);
    }

    /** A deadline written as a duration, or none. */
    public Keep(Optional<String> form, Optional<String> note, List<String> sentTo,
        Optional<Timespan> within, Optional<Condition> when, Optional<Citation> citation,
        SourceSpan span, Optional<String> by, Manner manner, Optional<Timescale.Anchor> from) {
      this(form, note, sentTo, within, when, citation, span, by, manner, from, Optional.empty());
    }

    /** Counted from the start of the stage. */
    public Keep(Optional<String> form, Optional<String> note, List<String> sentTo,
        Optional<Timespan> within, Optional<Condition> when, Optional<Citation> citation,
        SourceSpan span, Optional<String> by, Manner manner) {
      this(form, note, sentTo, within, when, citation, span, by, manner, Optional.empty());
    }

    /** Recorded by the raiser, required, by no channel in particular. */
    public Keep(Optional<String> form, Optional<String> note, List<String> sentTo,
        Optional<Timespan> within, Optional<Condition> when, Optional<Citation> citation,
        SourceSpan span) {
      this(form, note, sentTo, within, when, citation, span, Optional.empty(), Manner.REQUIRED);
    }
  }

  /**
   * A step's deadline written with a word for urgency ({@code action "acknowledge" immediately}):
   * the word stands for the timescale it stands for at a stage ({@link
   * Timescale.Firmness.Word#span}), counted from what the step's deadline counts from; the one
   * meaning, for steps and stages alike. A step's clock records a miss and never escalates, so
   * the word's firmness changes nothing a step does: it is kept for what the tools say.
   */
  private static Optional<Timespan> within(Optional<Timespan> within,
      Optional<Timescale.Firmness.Word> urgency) {
    if (urgency.isPresent() && !urgency.get().promptly()) {
      throw new IllegalArgumentException("not a word for urgency: " + urgency.get().words());
    }
    return urgency.map(Timescale.Firmness.Word::span).or(() -> within);
  }

  /** Remind roles at a fixed interval, until the escalation is resolved when so said. */
  record Remind(List<String> roles, Timespan every, boolean untilResolved, List<String> copying,
      Optional<Condition> when, Optional<Citation> citation, SourceSpan span) implements Step {
    public Remind {
      roles = List.copyOf(roles);
      copying = List.copyOf(copying);
    }
  }
}
