package org.escalon.compiler.ast;

import java.util.Optional;
import org.escalon.model.SourceSpan;
import org.escalon.model.Timescale;

/**
 * How firm a response timescale is, as written: {@code where possible}, {@code as a guide}, or an
 * urgency word that is the timescale itself ({@code respond immediately}, {@code respond as soon
 * as possible}, {@code respond without delay}); with {@code assume at most D}, the bound declared
 * for a soft one. Empty {@code word} with an assumption is an assumption on a firm timescale
 * (E0340).
 */
public record FirmnessExpr(Optional<Timescale.Firmness.Word> word, Optional<DurationExpr> assumed,
    SourceSpan span, Optional<SourceSpan> assumedSpan) {

  /** Whether the word makes the deadline soft. */
  public boolean soft() {
    return word.map(Timescale.Firmness.Word::soft).orElse(false);
  }
}
