package org.escalon.compiler.cli;

import java.util.concurrent.Callable;
import org.escalon.compiler.diagnostics.Code;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code escalon explain E0201}: the long explanation of a diagnostic code. */
@Command(name = "explain", description = "Explains a diagnostic code, such as E0201.")
final class ExplainCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "CODE", description = "a code such as E0201")
  String code;

  @Override
  public Integer call() {
    return Code.parse(code)
        .map(c -> {
          spec.commandLine().getOut().print(c.explanation());
          spec.commandLine().getOut().flush();
          return ExitCodes.OK;
        })
        .orElseGet(() -> {
          spec.commandLine().getErr().println(
              "escalon: `" + code + "` is not a diagnostic code; codes look like E0201 or W0501");
          return ExitCodes.USAGE;
        });
  }
}
