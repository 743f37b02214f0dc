package org.escalon.compiler.service;

import java.util.List;
import java.util.regex.Pattern;
import org.escalon.model.SourceSpan;

/**
 * Renaming a declared name everywhere it is written. A new name must be one the grammar reads as
 * a name of that kind (a stage key may also be a number); anything else is refused, with why.
 */
public final class Renames {

  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
  private static final Pattern STAGE_KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_]*");

  private Renames() {}

  /** The spans to replace with {@code newName}: the declaration and every use. */
  public static List<SourceSpan> of(Analysis analysis, Symbol symbol, String newName) {
    Pattern allowed = symbol.kind() == SymbolKind.STAGE ? STAGE_KEY : NAME;
    if (!allowed.matcher(newName).matches()) {
      throw new IllegalArgumentException("`" + newName + "` is not a " + symbol.kind().word()
          + " name: use letters, digits and _, starting with a letter"
          + (symbol.kind() == SymbolKind.STAGE ? " or digit" : ""));
    }
    if (analysis.index().symbol(symbol.kind(), newName).isPresent()) {
      throw new IllegalArgumentException("a " + symbol.kind().word() + " `" + newName
          + "` is already declared");
    }
    return analysis.index().occurrencesOf(symbol).stream().map(Occurrence::span).toList();
  }
}
