package org.escalon.compiler.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.escalon.compiler.simulate.ScenarioChecker;
import org.escalon.compiler.simulate.ScenarioProblem;
import org.escalon.model.Protocol;
import org.escalon.simulate.Scenario;
import org.escalon.simulate.Simulator;
import org.escalon.simulate.Timeline;
import org.escalon.simulate.TimelineFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code escalon simulate FILE --start DATE}: the timeline of one escalation on real dates (the
 * worst case, or a scenario file), or with {@code --cases N} a population's report.
 */
@Command(name = "simulate",
    description = "Simulates an escalation on real dates: one case (the worst case or a "
        + "scenario) or a population of cases.",
    footer = {"", "Examples:",
        "  escalon simulate protocols/kent-iro.esc --start 2026-12-14",
        "  escalon simulate protocols/kent-iro.esc --scenario protocols/scenarios/"
            + "kent-iro-extension.scenario --format ics > deadlines.ics",
        "  escalon simulate protocols/kent-iro.esc --cases 100000 --seed 7 "
            + "--from 2027-01-01 --to 2027-12-31"})
final class SimulateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
  boolean help;

  @Parameters(index = "0", paramLabel = "FILE", description = "the protocol (.esc)")
  Path file;

  @Option(names = "--start", paramLabel = "DATE",
      description = "the date the escalation is raised (09:00), such as 2026-12-14; "
          + "defaults to the scenario's start")
  String start;

  @Option(names = "--scenario", paramLabel = "FILE",
      description = "what happens besides the passing of time (default: the worst case: "
          + "nobody responds, no bypass); see docs/simulator.md")
  Path scenario;

  @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
      description = "table (default), csv, json or ics (the deadlines as calendar events)")
  String format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "write to this file instead of the terminal")
  Path output;

  @picocli.CommandLine.Mixin PopulationOptions population;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      Reporter reporter = new Reporter(Reporter.Format.rich, err);
      Optional<Protocol> protocol = ProtocolLoader.load(file, reporter);
      if (protocol.isEmpty()) {
        err.flush();
        return ExitCodes.FINDINGS;
      }
      if (population.cases != null) {
        if (population.from == null && start != null) {
          population.from = start;
        }
        return population.run(protocol.get(), format, output, out, err);
      }
      TimelineFormat how = TimelineFormat.named(format).orElseThrow(() -> new UsageError(
          "`--format " + format + "` is not a format; write table, csv, json or ics"));
      Optional<Scenario> chosen = scenario == null ? Optional.of(Scenario.worstCase())
          : readScenario(protocol.get(), err);
      if (chosen.isEmpty()) {
        err.flush();
        return ExitCodes.FINDINGS;
      }
      LocalDate day = start != null ? DateOption.parse(start, "--start")
          : chosen.get().start().orElseThrow(() -> new UsageError(
              "say when the escalation is raised: --start DATE, such as --start 2026-12-14"));
      Timeline timeline = new Simulator(protocol.get()).run(chosen.get(), day);
      Output.write(how.render(timeline), output, out);
      return ExitCodes.OK;
    } catch (UsageError e) {
      err.println("escalon: " + e.getMessage());
      err.flush();
      return ExitCodes.USAGE;
    }
  }

  private Optional<Scenario> readScenario(Protocol protocol, PrintWriter err) {
    String text;
    try {
      text = TextFile.read(scenario, "a scenario");
    } catch (TextFile.Unreadable e) {
      throw new UsageError(e.getMessage() + "; " + e.help());
    }
    ScenarioChecker.Result result = ScenarioChecker.check(protocol, scenario.toString(), text);
    for (ScenarioProblem p : result.problems()) {
      err.print(p.render(text));
    }
    return result.scenario();
  }
}
