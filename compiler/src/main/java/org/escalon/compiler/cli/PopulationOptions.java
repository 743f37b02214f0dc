package org.escalon.compiler.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.LongConsumer;
import org.escalon.model.Protocol;
import org.escalon.simulate.Behaviour;
import org.escalon.simulate.BehaviourParser;
import org.escalon.simulate.Population;
import org.escalon.simulate.PopulationFormat;
import org.escalon.simulate.PopulationReport;
import org.escalon.simulate.ScenarioException;
import picocli.CommandLine.Option;

/** The options of {@code simulate --cases N}: a population, its behaviour and its period. */
final class PopulationOptions {

  @Option(names = "--cases", paramLabel = "N",
      description = "simulate N escalations and report on them (a population)")
  Integer cases;

  @Option(names = "--seed", defaultValue = "1", paramLabel = "S",
      description = "the random seed: the same seed gives the same report (default: 1)")
  long seed;

  @Option(names = "--from", paramLabel = "DATE",
      description = "the first day cases may be raised (default: --start, or today's date)")
  String from;

  @Option(names = "--to", paramLabel = "DATE",
      description = "the last day cases may be raised (default: a year after --from)")
  String to;

  @Option(names = "--behaviour", paramLabel = "FILE",
      description = "how people respond at each stage (see docs/simulator.md); default: the worst"
          + " case, nobody responds")
  Path behaviour;

  @Option(names = "--threads", paramLabel = "T",
      description = "how many threads (default: every core); the report does not depend on it")
  Integer threads;

  @Option(names = "--no-progress", description = "no progress bar on the terminal")
  boolean noProgress;

  int run(Protocol protocol, String format, Path output, PrintWriter out, PrintWriter err) {
    PopulationFormat how = switch (format.toLowerCase(Locale.ROOT)) {
      case "table" -> PopulationFormat.TABLE;
      case "json" -> PopulationFormat.JSON;
      default -> throw new UsageError("a population report is written as table or json, not `"
          + format + "`");
    };
    Optional<PopulationReport> report = report(protocol, err);
    if (report.isEmpty()) {
      return ExitCodes.FINDINGS;
    }
    Output.write(how.render(report.get()), output, out);
    return ExitCodes.OK;
  }

  /**
   * What the behaviour file says about where its rates come from: its opening comment lines
   * (such as "Illustrative response rates (not measured)"), empty when it has none or there is
   * no behaviour file.
   */
  Optional<String> caveat() {
    if (behaviour == null) {
      return Optional.of("no behaviour file: nobody ever responds (the worst case)");
    }
    String text;
    try {
      text = TextFile.read(behaviour, "a behaviour file");
    } catch (TextFile.Unreadable e) {
      throw new UsageError(e.getMessage() + "; " + e.help());
    }
    StringBuilder words = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      if (!line.strip().startsWith("#")) {
        break;
      }
      words.append(words.isEmpty() ? "" : " ").append(line.strip().substring(1).strip());
    }
    return words.isEmpty() ? Optional.empty() : Optional.of(words.toString());
  }

  /** The population's report; empty once a problem in the behaviour file has been reported. */
  Optional<PopulationReport> report(Protocol protocol, PrintWriter err) {
    if (cases < 1) {
      throw new UsageError("--cases must be at least 1");
    }
    LocalDate first = from != null ? DateOption.parse(from, "--from")
        : LocalDate.of(2027, 1, 1);
    LocalDate last = to != null ? DateOption.parse(to, "--to") : first.plusYears(1).minusDays(1);
    if (last.isBefore(first)) {
      throw new UsageError("--to " + last + " is before --from " + first);
    }
    if (last.plusYears(2).isAfter(org.escalon.calendar.WorkingCalendar.lastDay())) {
      throw new UsageError("--to " + last + " leaves too little of the calendar (it ends "
          + org.escalon.calendar.WorkingCalendar.lastDay() + ") to follow the cases");
    }
    int t = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    if (t < 1) {
      throw new UsageError("--threads must be at least 1");
    }
    Behaviour b = behaviour == null ? Behaviour.worstCase() : readBehaviour(protocol, err);
    if (b == null) {
      return Optional.empty();
    }
    Population.unraisable(protocol).ifPresent(why -> {
      throw new UsageError(why);
    });
    Population population = new Population(protocol, b);
    ProgressBar bar = new ProgressBar(err, cases, !noProgress && ProgressBar.stderrIsTerminal());
    PopulationReport report = population.run(
        new Population.Settings(cases, seed, first, last, t), (LongConsumer) bar::update);
    bar.finish();
    return Optional.of(report);
  }

  private Behaviour readBehaviour(Protocol protocol, PrintWriter err) {
    String text;
    try {
      text = TextFile.read(behaviour, "a behaviour file");
    } catch (TextFile.Unreadable e) {
      throw new UsageError(e.getMessage() + "; " + e.help());
    }
    try {
      Behaviour parsed = BehaviourParser.parse(text, behaviour.toString());
      checkStages(parsed, protocol, text);
      return parsed;
    } catch (ScenarioException e) {
      err.print(new org.escalon.compiler.simulate.ScenarioProblem(e.file(), e.line(),
          e.column(), 1, e.getMessage(), e.help().isEmpty() ? java.util.Optional.empty()
              : java.util.Optional.of(e.help())).render(text));
      err.flush();
      return null;
    } catch (IllegalArgumentException e) {
      throw new UsageError("in `" + behaviour + "`: " + e.getMessage());
    }
  }

  /** A stage line for a stage the protocol does not have is a mistake, not a rate never used. */
  private void checkStages(Behaviour parsed, Protocol protocol, String text)
      throws ScenarioException {
    List<String> keys = protocol.stages().stream().map(org.escalon.model.Stage::key).toList();
    for (String key : parsed.stages().keySet()) {
      if (keys.contains(key)) {
        continue;
      }
      String[] lines = text.split("\r?\n", -1);
      java.util.regex.Pattern line = java.util.regex.Pattern.compile(
          "^\\s*stage\\s+(" + java.util.regex.Pattern.quote(key) + ")\\s*:");
      int at = 0;
      int column = 1;
      for (int i = 0; i < lines.length; i++) {
        java.util.regex.Matcher m = line.matcher(lines[i]);
        if (m.find()) {
          at = i;
          column = m.start(1) + 1;
          break;
        }
      }
      throw new ScenarioException(behaviour.toString(), at + 1, column,
          "there is no stage `" + key + "` in " + protocol.name(),
          org.escalon.compiler.check.Suggestions.closest(key, keys)
              .map(n -> "did you mean `" + n + "`?")
              .orElse("the stages are " + String.join(", ", keys)));
    }
  }
}
