package org.escalon.compiler;

import java.util.Optional;
import org.escalon.compiler.ast.ProtocolFile;
import org.escalon.compiler.diagnostics.Diagnostics;
import org.escalon.compiler.diagnostics.SourceText;
import org.escalon.model.Protocol;

/** What compiling one file gave: its AST if it parsed, its model if it checked, and the diagnostics. */
public record Compilation(
    SourceText source,
    Optional<ProtocolFile> ast,
    Optional<Protocol> protocol,
    Diagnostics diagnostics) {

  public boolean succeeded() {
    return protocol.isPresent() && !diagnostics.hasErrors();
  }
}
