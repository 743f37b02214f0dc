package org.escalon.compiler.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.escalon.compiler.Compilation;
import org.escalon.compiler.EscalonCompiler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code escalon check FILE...}: checks protocols and summarises the ones that pass. */
@Command(name = "check", description = "Checks protocol files (or every .esc file in a folder).")
final class CheckCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "protocol files or folders")
  List<Path> files;

  @Option(names = "--format", defaultValue = "rich", paramLabel = "rich|short",
      description = "how to print diagnostics: rich (with the source) or short (one line each)")
  String format;

  @Option(names = "--quiet", description = "print only diagnostics, no summaries")
  boolean quiet;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Reporter reporter = new Reporter(Reporter.Format.of(format), err);
    int failed = 0;
    int checked = 0;
    for (Inputs.Input input : Inputs.read(files)) {
      if (!input.readable()) {
        reporter.report(input.problem(), input.source());
        failed++;
        continue;
      }
      checked++;
      Compilation result = new EscalonCompiler().compile(input.source());
      reporter.report(result.diagnostics(), input.source());
      if (!result.succeeded()) {
        failed++;
      } else if (!quiet) {
        out.print(Summary.of(input.path(), result.protocol().orElseThrow()));
        // a protocol built on another: what it changes, as `escalon diff BASE FILE` says it
        org.escalon.compiler.derive.BaseChanges.of(result).ifPresent(b -> {
          out.println("  built on: " + b.base() + " (" + b.changes().size() + " change"
              + (b.changes().size() == 1 ? "" : "s") + ")");
          b.changes().forEach(c -> out.println("    " + c.text()));
        });
        out.println();
      }
    }
    err.flush();
    if (!quiet) {
      out.println(checked + " protocol" + (checked == 1 ? "" : "s") + " checked, " + failed
          + " with errors");
    }
    out.flush();
    return failed == 0 ? ExitCodes.OK : ExitCodes.FINDINGS;
  }
}
