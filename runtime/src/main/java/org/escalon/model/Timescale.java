package org.escalon.model;

import java.util.List;
import java.util.Optional;

/**
 * When a response is due: a duration counted from an anchor, applying when its condition holds
 * (a stage's unconditional timescale has none). A timescale set during the case ({@code setBy})
 * has its cap as its duration (or, with no cap, its declared assumption): the bound every tool
 * that does not follow the case (the verifier, limits, BPMN timers) counts with.
 */
public record Timescale(
    Timespan duration, Anchor anchor, Optional<Condition> when, Optional<Citation> citation,
    SourceSpan span, Optional<SetBy> setBy, Optional<Firmness> firmness) {

  /** A timescale fixed by the protocol. */
  public Timescale(Timespan duration, Anchor anchor, Optional<Condition> when,
      Optional<Citation> citation, SourceSpan span) {
    this(duration, anchor, when, citation, span, Optional.empty());
  }

  /** A timescale that must be met, written with no word for its firmness. */
  public Timescale(Timespan duration, Anchor anchor, Optional<Condition> when,
      Optional<Citation> citation, SourceSpan span, Optional<SetBy> setBy) {
    this(duration, anchor, when, citation, span, setBy, Optional.empty());
  }

  /**
   * How firm the timescale is, in the policy's word (none: it must be met, and missing it
   * escalates). A soft one ({@link Word#soft}) is a guide: missing it is recorded, and the
   * escalation moves on only when the escalator decides ({@code CaseEvent.Escalate}). {@code
   * assumed} is the declared bound on a soft one ({@code assume at most D}): the longest the
   * tools that do not follow the case (the verifier's limits, the simulator's escalator) take the
   * stage to last; a soft one without it bounds no time.
   */
  public record Firmness(Word word, Optional<Timespan> assumed) {

    /** The words, each with one meaning (docs/language.md, section 10). */
    public enum Word {
      /** {@code where possible}: a soft deadline. */
      WHERE_POSSIBLE("where possible", true),
      /** {@code as a guide}: a soft deadline. */
      AS_A_GUIDE("as a guide", true),
      /** {@code immediately}: by the close of the working day the stage starts; must be met. */
      IMMEDIATELY("immediately", false),
      /** {@code without delay}: by the close of the working day the stage starts, where possible. */
      WITHOUT_DELAY("without delay", true),
      /** {@code as soon as possible}: by the close of the next working day, where possible. */
      AS_SOON_AS_POSSIBLE("as soon as possible", true);

      private final String words;
      private final boolean soft;

      Word(String words, boolean soft) {
        this.words = words;
        this.soft = soft;
      }

      /** As the protocol writes it. */
      public String words() {
        return words;
      }

      /** Whether missing the deadline waits for the escalator rather than escalating. */
      public boolean soft() {
        return soft;
      }

      /** Whether the word is the timescale itself ({@code respond immediately}). */
      public boolean promptly() {
        return this == IMMEDIATELY || this == WITHOUT_DELAY || this == AS_SOON_AS_POSSIBLE;
      }

      /** The timescale an urgency word stands for, counted from the start of the stage. */
      public Timespan span() {
        return this == AS_SOON_AS_POSSIBLE ? new Timespan(1, TimeUnit.WORKING_DAYS)
            : new Timespan(0, TimeUnit.SAME_WORKING_DAY);
      }
    }
  }

  /** Whether missing this deadline waits for the escalator's decision (a soft deadline). */
  public boolean soft() {
    return firmness.map(f -> f.word().soft()).orElse(false);
  }

  /**
   * The longest the stage can last under this timescale, for the tools that do not follow the
   * case: its duration (the cap of one set during the case, or the assumption of one with no
   * cap), the assumption of a soft one, and none for a soft one with no assumption (it bounds no
   * time).
   */
  public Optional<Timespan> bound() {
    return soft() ? firmness.flatMap(Firmness::assumed) : Optional.of(duration);
  }

  /**
   * Whether {@link #bound()} is a declared assumption rather than a rule the engine enforces: a
   * soft deadline's {@code assume at most D}, or the assumption of a timescale set during the case
   * with no cap. The tools that count it say "assumed".
   */
  public boolean boundAssumed() {
    return soft() ? firmness.flatMap(Firmness::assumed).isPresent()
        : setBy.map(SetBy::assumed).orElse(false);
  }

  /**
   * The longest value the roles may set, which the engine refuses to pass: the duration of a
   * timescale set during the case with a cap; none for one bounded by an assumption (any positive
   * value may be set) or one fixed by the protocol.
   */
  public Optional<Timespan> cap() {
    return setBy.filter(s -> !s.assumed()).map(s -> duration);
  }

  /**
   * The bound of a timescale set during the case as every tool says it: "up to D" for a cap,
   * "assumed at most D" for a declared assumption (the policy names no cap); a fixed one's
   * duration.
   */
  public String boundWords() {
    return setBy.map(s -> (s.assumed() ? "assumed at most " : "up to ") + duration)
        .orElse(duration.toString());
  }

  /**
   * "The IRO sets the timescale": the roles that set it during the case (any one of them records
   * the value set or agreed), the policy's guide (the timescale until one is set), and whether
   * {@link Timescale#duration()} is a cap that a value set may not pass ({@code assumed} false)
   * or, where the policy names no cap, the declared assumption ({@code assume at most D}) that the
   * tools that do not follow the case count with, while the engine accepts any positive value.
   */
  public record SetBy(List<String> roles, Optional<Timespan> guide, boolean assumed) {
    public SetBy {
      roles = List.copyOf(roles);
    }

    /** Set during the case up to a cap. */
    public SetBy(List<String> roles, Optional<Timespan> guide) {
      this(roles, guide, false);
    }
  }

  /**
   * The span the engine counts on entering the stage, before any value is set: a fixed
   * timescale's duration; for one set during the case, the policy's guide, else its cap. None for
   * one with neither (no guide, bounded only by an assumption): the assumption is the tools'
   * figure, never the engine's, so the stage has no deadline until a value is set.
   */
  public Optional<Timespan> initial() {
    return setBy.isEmpty() ? Optional.of(duration)
        : setBy.get().guide().or(() -> setBy.get().assumed() ? Optional.empty()
            : Optional.of(duration));
  }

  /** Whether the stage waits for a value to be set before this timescale gives a deadline. */
  public boolean awaitsValue() {
    return initial().isEmpty();
  }

  /** What a timescale counts from. */
  public sealed interface Anchor {
    /** The start of the stage (the usual case). */
    record StageStart() implements Anchor {}

    /** The start of the escalation. */
    record EscalationStart() implements Anchor {}

    /** The last time a declared event happened. */
    record Event(String name) implements Anchor {}

    /**
     * The last start of a stage: a step's deadline only ("within five working days of step 1");
     * a stage's response timescale never counts from one.
     */
    record Stage(String key) implements Anchor {}

    /**
     * Counted back from a known date the host supplies ("2 working days before the
     * conference"): a step's deadline only; the clock runs once the date is set.
     */
    record Before(String date) implements Anchor {}
  }
}
