package org.escalon.compiler.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.escalon.compiler.ast.ProtocolFile;
import org.escalon.compiler.diagnostics.Diagnostics;
import org.escalon.compiler.format.AstPrinter;
import org.escalon.compiler.syntax.SourceParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code escalon fmt FILE...}: rewrites protocols in the canonical layout. A file with syntax
 * errors is left exactly as it was.
 */
@Command(name = "fmt", description = "Formats protocol files in the canonical layout.")
final class FmtCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "protocol files or folders")
  List<Path> files;

  @Option(names = "--check", description = "change nothing; report files that are not formatted")
  boolean check;

  @Option(names = "--stdout", description = "print the formatted text instead of writing files")
  boolean stdout;

  @Option(names = "--format", defaultValue = "rich", paramLabel = "rich|short",
      description = "how to print diagnostics")
  String format;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Reporter reporter = new Reporter(Reporter.Format.of(format), err);
    boolean errors = false;
    boolean unformatted = false;
    for (Inputs.Input input : Inputs.read(files)) {
      if (!input.readable()) {
        reporter.report(input.problem(), input.source());
        errors = true;
        continue;
      }
      Diagnostics diagnostics = new Diagnostics();
      Optional<ProtocolFile> ast =
          new SourceParser().parse(input.path(), input.source().text(), diagnostics);
      if (ast.isEmpty()) {
        reporter.report(diagnostics, input.source());
        errors = true;
        continue;
      }
      String formatted = new AstPrinter().print(ast.get());
      if (stdout) {
        out.print(formatted);
      } else if (!formatted.equals(input.source().text())) {
        if (check) {
          out.println("would reformat " + input.path());
          unformatted = true;
        } else {
          Files.writeString(Path.of(input.path()), formatted, StandardCharsets.UTF_8);
          out.println("formatted " + input.path());
        }
      }
    }
    out.flush();
    err.flush();
    return errors || unformatted ? ExitCodes.FINDINGS : ExitCodes.OK;
  }
}
