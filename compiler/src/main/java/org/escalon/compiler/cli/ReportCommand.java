package org.escalon.compiler.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.escalon.compiler.report.VerifierFindings;
import org.escalon.compiler.report.ReportWriter;
import org.escalon.model.Protocol;
import org.escalon.simulate.PopulationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code escalon report FILE -o report.html [--start DATE] [--cases N ...]}: the ratification
 * report, one self-contained HTML page for a board.
 */
@Command(name = "report",
    description = "Writes the ratification report of a protocol: one self-contained HTML page.",
    footer = {"", "Examples:",
        "  escalon report protocols/kent-iro.esc --start 2026-12-14 -o kent-report.html",
        "  escalon report protocols/kent-iro.esc --start 2026-12-14 --cases 10000 \\",
        "      --behaviour protocols/scenarios/illustrative.behaviour -o kent-report.html"})
final class ReportCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "the protocol file")
  Path file;

  @Option(names = "--start", paramLabel = "DATE",
      description = "the date the worst case is raised, such as 2026-12-14 (default: today)")
  String start;

  @Mixin OutputFile output;

  @Mixin PopulationOptions population;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    try {
      LocalDate day = start == null ? LocalDate.now() : DateOption.parse(start, "--start");
      Optional<Protocol> protocol = OutputFile.load(file, err);
      if (protocol.isEmpty()) {
        return ExitCodes.FINDINGS;
      }
      Optional<PopulationReport> cases = Optional.empty();
      if (population.cases != null) {
        if (population.from == null) {
          population.from = day.toString();
        }
        cases = population.report(protocol.get(), err);
        if (cases.isEmpty()) {
          return ExitCodes.FINDINGS;
        }
      }
      String html = new ReportWriter(new VerifierFindings()).write(protocol.get(), day, cases);
      output.write(html, spec.commandLine().getOut());
      return ExitCodes.OK;
    } catch (UsageError e) {
      err.println("escalon: " + e.getMessage());
      err.flush();
      return ExitCodes.USAGE;
    }
  }
}
