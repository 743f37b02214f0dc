package org.escalon.compiler.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.escalon.compiler.Compilation;
import org.escalon.compiler.EscalonCompiler;
import org.escalon.compiler.diagnostics.Diagnostics;
import org.escalon.compiler.verify.Finding;
import org.escalon.compiler.verify.PromelaExporter;
import org.escalon.compiler.verify.Verification;
import org.escalon.compiler.verify.VerificationJson;
import org.escalon.compiler.verify.VerificationReport;
import org.escalon.compiler.verify.SearchLimits;
import org.escalon.compiler.verify.Verifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code escalon verify FILE...}: explores every path of each protocol, runs the built-in checks,
 * decides its limits and properties, and shows each failure as a dated timeline.
 */
@Command(name = "verify",
    description = "Proves a protocol's properties over every path: the built-in checks, the "
        + "totals to each outcome, the declared limits and properties, with a dated "
        + "counterexample for each failure.",
    footer = {"", "Examples:",
        "  escalon verify protocols/kent-iro.esc --start 2026-12-14",
        "  escalon verify protocols/ --format json",
        "  escalon verify protocols/bexley-iro.esc --scenarios out/",
        "  escalon verify protocols/kent-iro.esc --export promela -o kent.pml"})
final class VerifyCommand implements Callable<Integer> {

  /** The start date of counterexample timelines when none is given. */
  static final LocalDate DEFAULT_START = LocalDate.of(2026, 12, 14);

  @Spec CommandSpec spec;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
  boolean help;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "protocol files or folders")
  List<Path> files;

  @Option(names = "--start", paramLabel = "DATE",
      description = "the date counterexamples are raised on (09:00), such as 2026-12-14 "
          + "(default: 2026-12-14)")
  String start;

  @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
      description = "text (default) or json")
  String format;

  @Option(names = "--scenarios", paramLabel = "DIR",
      description = "write each counterexample as a scenario file into this folder, to replay "
          + "with `escalon simulate FILE --scenario ...`")
  Path scenarios;

  @Option(names = "--no-time", description = "leave out the time the search took, so that the "
      + "output is the same on every run")
  boolean noTime;

  @Option(names = "--quiet", description = "print only the diagnostics")
  boolean quiet;

  @Option(names = "--export", paramLabel = "FORMAT",
      description = "instead of the report, write the protocol's state machine and properties "
          + "for another tool: promela (for the SPIN model checker)")
  String export;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "with --export, write to this file instead of the terminal")
  Path output;

  @Option(names = "--max-states", defaultValue = "2000000", paramLabel = "N",
      description = "stop after this many states (default: 2,000,000)")
  int maxStates;

  @Option(names = "--max-transitions", defaultValue = "20000000", paramLabel = "N",
      description = "stop after this many transitions (default: 20,000,000)")
  long maxTransitions;

  @Option(names = "--max-seconds", defaultValue = "120", paramLabel = "S",
      description = "stop exploring after this many seconds (default: 120)")
  long maxSeconds;

  private SearchLimits limits() {
    if (maxStates < 1 || maxTransitions < 1 || maxSeconds < 1) {
      throw new UsageError("--max-states, --max-transitions and --max-seconds must be at least 1");
    }
    return SearchLimits.defaults().withStates(maxStates).withTransitions(maxTransitions)
        .withTime(java.time.Duration.ofSeconds(maxSeconds));
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      LocalDate day = start == null ? DEFAULT_START : DateOption.parse(start, "--start");
      boolean json = switch (format.toLowerCase(Locale.ROOT)) {
        case "text" -> false;
        case "json" -> true;
        default -> throw new UsageError("`--format " + format + "` is not a format; write text "
            + "or json");
      };
      if (export != null && !export.equalsIgnoreCase("promela")) {
        throw new UsageError("`--export " + export + "` is not a format; write promela");
      }
      if (export != null && (files.size() != 1 || java.nio.file.Files.isDirectory(files.get(0)))) {
        throw new UsageError("--export writes one protocol: give one file");
      }
      Reporter reporter = new Reporter(Reporter.Format.rich, err);
      int failed = 0;
      StringBuilder jsonOut = new StringBuilder();
      for (Inputs.Input input : Inputs.read(files)) {
        if (!input.readable()) {
          reporter.report(input.problem(), input.source());
          failed++;
          continue;
        }
        Compilation c = new EscalonCompiler().compile(input.source());
        if (!c.succeeded()) {
          reporter.report(c.diagnostics(), input.source());
          failed++;
          continue;
        }
        Verification v = new Verifier(limits()).verify(c.protocol().orElseThrow(), day);
        if (export != null) {
          PromelaExporter exporter = new PromelaExporter(v.protocol());
          java.util.Optional<String> tooWide = exporter.tooWide();
          if (tooWide.isPresent()) {
            err.println("error[" + org.escalon.compiler.diagnostics.Code.E0609 + "]: "
                + tooWide.get());
            err.println("  = help: check this protocol with `escalon verify` alone");
            err.flush();
            return ExitCodes.FINDINGS;
          }
          Output.write(exporter.export(java.util.Optional.of(v)), output, out);
          return ExitCodes.OK;
        }
        Diagnostics findings = v.diagnostics();
        reporter.report(findings, input.source());
        if (v.failed()) {
          failed++;
        }
        if (scenarios != null) {
          writeScenarios(input.path(), v, day);
        }
        if (json) {
          jsonOut.append(jsonOut.length() == 0 ? "" : ",\n")
              .append(VerificationJson.render(input.path(), v, day, !noTime));
        } else if (!quiet) {
          out.print(VerificationReport.render(input.path(), v, day, !noTime));
          out.println();
        }
      }
      err.flush();
      if (json) {
        out.print("[\n" + jsonOut + "\n]\n");
      }
      out.flush();
      return failed == 0 ? ExitCodes.OK : ExitCodes.FINDINGS;
    } catch (UsageError e) {
      err.println("escalon: " + e.getMessage());
      err.flush();
      return ExitCodes.USAGE;
    }
  }

  private void writeScenarios(String file, Verification v, LocalDate day) {
    String base = Path.of(file).getFileName().toString().replaceAll("\\.esc$", "");
    int n = 0;
    try {
      Files.createDirectories(scenarios);
      for (Finding f : v.findings()) {
        if (f.counterexample().isEmpty()) {
          continue;
        }
        n++;
        Path to = scenarios.resolve(base + "-" + n + "-" + slug(f.subject()) + ".scenario");
        Files.writeString(to, VerificationReport.scenarioText(f.counterexample().get(), day),
            StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UsageError("cannot write scenarios into `" + scenarios + "`: " + e.getMessage());
    }
  }

  private static String slug(String s) {
    String slug = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
        .replaceAll("^-|-$", "");
    return slug.length() > 40 ? slug.substring(0, 40).replaceAll("-$", "") : slug;
  }
}
