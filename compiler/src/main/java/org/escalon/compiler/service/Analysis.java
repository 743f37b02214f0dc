package org.escalon.compiler.service;

import java.util.List;
import java.util.Optional;
import org.escalon.compiler.ast.ProtocolFile;
import org.escalon.compiler.diagnostics.Diagnostic;
import org.escalon.compiler.diagnostics.SourceText;
import org.escalon.model.Protocol;

/**
 * One check of one version of a document.
 *
 * @param ast the AST of this version, if it parsed
 * @param protocol the model of this version, if it checked without errors
 * @param diagnostics every finding about this version, in source order
 * @param index the names of this version, or of the last version that parsed when this one did not
 * @param lastGood the model of the last version that checked, this one or an earlier one
 * @param ladder the ladder of {@code lastGood} as SVG, if there is a good model
 */
public record Analysis(
    int version,
    SourceText source,
    Optional<ProtocolFile> ast,
    Optional<Protocol> protocol,
    List<Diagnostic> diagnostics,
    NameIndex index,
    Optional<Protocol> lastGood,
    Optional<String> ladder) {

  public Analysis {
    diagnostics = List.copyOf(diagnostics);
  }

  /** The same analysis for a later version of the same text (an edit that changed nothing). */
  public Analysis at(int newVersion) {
    return new Analysis(newVersion, source, ast, protocol, diagnostics, index, lastGood, ladder);
  }

  /** Whether this version itself checked (the ladder and model are of this text). */
  public boolean current() {
    return protocol.isPresent();
  }
}
