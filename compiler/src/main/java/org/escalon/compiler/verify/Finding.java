package org.escalon.compiler.verify;

import java.util.List;
import java.util.Optional;
import org.escalon.compiler.diagnostics.Code;
import org.escalon.compiler.diagnostics.Diagnostic;
import org.escalon.model.SourceSpan;

/**
 * One thing the verifier found wrong, with the line it concerns and, where a path shows it, the
 * shortest such path (or, for a bound in time, the slowest).
 *
 * @param subject the check, limit or property it belongs to, as the report names it
 * @param path the counterexample as states of the verifier's model
 * @param timing how the counterexample spends time: at once, or as late as allowed
 * @param counterexample the path as a scenario the simulator replays, with the policy behind each step
 */
public record Finding(
    Code code,
    String subject,
    String message,
    SourceSpan span,
    String label,
    List<String> notes,
    Optional<String> help,
    Optional<StatePath> path,
    Timing timing,
    Optional<Counterexample> counterexample) {

  /** When the people on a counterexample's path act. */
  public enum Timing {
    /** As soon as they can: the shortest way to the problem. */
    AT_ONCE,
    /** On the last day they have: the slowest way. */
    AT_THE_LAST_MOMENT
  }

  public Finding {
    notes = List.copyOf(notes);
  }

  Finding(Code code, String subject, String message, SourceSpan span, String label,
      List<String> notes, Optional<String> help, Optional<StatePath> path, Timing timing) {
    this(code, subject, message, span, label, notes, help, path, timing, Optional.empty());
  }

  /** The same finding with its counterexample spelt out. */
  Finding with(Counterexample c) {
    return new Finding(code, subject, message, span, label, notes, help, path, timing,
        Optional.of(c));
  }

  /** The finding as a diagnostic. */
  public Diagnostic diagnostic() {
    Diagnostic.Builder b = Diagnostic.of(code, message);
    if (span.isKnown()) {
      b.at(span, label);
    }
    notes.forEach(b::note);
    help.ifPresent(b::help);
    return b.build();
  }
}
