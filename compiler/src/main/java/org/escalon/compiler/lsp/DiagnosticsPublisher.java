package org.escalon.compiler.lsp;

import java.util.List;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticRelatedInformation;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.escalon.compiler.diagnostics.SpanLabel;
import org.escalon.compiler.diagnostics.Severity;
import org.escalon.compiler.service.Analysis;

/** An analysis's diagnostics as the protocol publishes them: message, help, code, related spans. */
final class DiagnosticsPublisher {

  private DiagnosticsPublisher() {}

  static PublishDiagnosticsParams of(String uri, Analysis analysis) {
    List<Diagnostic> out = analysis.diagnostics().stream().map(d -> of(uri, d)).toList();
    return new PublishDiagnosticsParams(uri, out, analysis.version());
  }

  static Diagnostic of(String uri, org.escalon.compiler.diagnostics.Diagnostic d) {
    String text = d.message() + d.help().map(h -> "\nhelp: " + h).orElse("");
    Diagnostic out = new Diagnostic(Ranges.of(d.span()), text, severity(d.severity()), "escalon",
        d.code().name());
    out.setRelatedInformation(d.labels().stream().filter(l -> !l.primary())
        .filter(l -> l.span().isKnown())
        .map((SpanLabel l) -> new DiagnosticRelatedInformation(
            new Location(uri, Ranges.of(l.span())), l.message()))
        .toList());
    return out;
  }

  private static DiagnosticSeverity severity(Severity s) {
    return switch (s) {
      case ERROR -> DiagnosticSeverity.Error;
      case WARNING -> DiagnosticSeverity.Warning;
    };
  }
}
