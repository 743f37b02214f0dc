package org.escalon.compiler.cli;

import java.io.PrintWriter;
import org.escalon.compiler.diagnostics.Diagnostic;
import org.escalon.compiler.diagnostics.Diagnostics;
import org.escalon.compiler.diagnostics.RichRenderer;
import org.escalon.compiler.diagnostics.ShortRenderer;
import org.escalon.compiler.diagnostics.SourceText;

/** Prints diagnostics in the chosen form: rich (source and carets) or short (one line each). */
final class Reporter {

  /** How diagnostics are printed. */
  enum Format {
    rich,
    short_;

    static Format of(String name) {
      return "short".equals(name) ? short_ : rich;
    }
  }

  private final Format format;
  private final PrintWriter err;

  Reporter(Format format, PrintWriter err) {
    this.format = format;
    this.err = err;
  }

  void report(Diagnostics diagnostics, SourceText source) {
    for (Diagnostic d : diagnostics.sorted()) {
      report(d, source);
    }
  }

  void report(Diagnostic d, SourceText source) {
    if (format == Format.short_) {
      err.println(new ShortRenderer().render(d, source.path()));
    } else {
      err.println(new RichRenderer().render(d, source));
    }
  }
}
