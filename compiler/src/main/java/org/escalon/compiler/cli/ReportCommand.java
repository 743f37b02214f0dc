package org.escalon.compiler.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.escalon.compiler.Compilation;
import org.escalon.compiler.format.CanonicalFingerprint;
import org.escalon.compiler.report.PolicyMap;
import org.escalon.compiler.report.Provenance;
import org.escalon.compiler.report.ReportInput;
import org.escalon.compiler.report.ReportWriter;
import org.escalon.compiler.report.VerifierFindings;
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

  @Option(names = "--generated-at", paramLabel = "TIME",
      description = "the time the report says it was generated, such as 2026-12-14T09:00:00Z "
          + "(default: SOURCE_DATE_EPOCH if set, otherwise now), for reports that must be "
          + "reproducible byte for byte")
  String generatedAt;

  @Mixin OutputFile output;

  @Mixin PopulationOptions population;

  private static final DateTimeFormatter STAMP = DateTimeFormatter
      .ofPattern("uuuu-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  /** The policy-to-protocol map beside the file ({@code kent-iro.md} for {@code kent-iro.esc}). */
  private PolicyMap policyMap() {
    String name = file.getFileName().toString().replaceFirst("\\.esc$", "") + ".md";
    Path map = file.toAbsolutePath().resolveSibling(name);
    if (!Files.isRegularFile(map)) {
      return PolicyMap.none();
    }
    try {
      return PolicyMap.parse(TextFile.read(map, "the policy map"));
    } catch (TextFile.Unreadable e) {
      throw new UsageError(e.getMessage() + "; " + e.help());
    }
  }

  private Instant generated() {
    if (generatedAt != null) {
      try {
        return Instant.parse(generatedAt);
      } catch (DateTimeParseException e) {
        throw new UsageError("--generated-at takes an instant such as 2026-12-14T09:00:00Z, "
            + "not `" + generatedAt + "`");
      }
    }
    String epoch = System.getenv("SOURCE_DATE_EPOCH");
    if (epoch != null && epoch.matches("\\d{1,12}")) {
      return Instant.ofEpochSecond(Long.parseLong(epoch));
    }
    return Instant.now();
  }

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    try {
      LocalDate day = start == null ? LocalDate.now() : DateOption.parse(start, "--start");
      if (Files.isDirectory(file)) {
        throw new UsageError("`" + file + "` is a folder; give one protocol file (.esc)");
      }
      Instant generated = generated();
      Optional<Compilation> compiled = ProtocolLoader.compile(file,
          new Reporter(Reporter.Format.rich, err));
      err.flush();
      if (compiled.isEmpty()) {
        return ExitCodes.FINDINGS;
      }
      Protocol protocol = compiled.get().protocol().orElseThrow();
      Optional<PopulationReport> cases = Optional.empty();
      if (population.cases != null) {
        if (population.from == null) {
          population.from = day.toString();
        }
        cases = population.report(protocol, err);
        if (cases.isEmpty()) {
          return ExitCodes.FINDINGS;
        }
      }
      Provenance provenance = new Provenance(STAMP.format(generated),
          new EscalonCommand.Version().getVersion()[0].replaceFirst("^escalon ", ""),
          file.getFileName().toString(),
          CanonicalFingerprint.of(compiled.get().ast().orElseThrow()));
      ReportInput input = new ReportInput(protocol, compiled.get().source().text(),
          policyMap(), provenance, cases.isPresent() ? population.caveat() : Optional.empty());
      String html = new ReportWriter(new VerifierFindings()).write(input, day, cases);
      output.write(html, spec.commandLine().getOut());
      return ExitCodes.OK;
    } catch (UsageError e) {
      err.println("escalon: " + e.getMessage());
      err.flush();
      return ExitCodes.USAGE;
    }
  }
}
