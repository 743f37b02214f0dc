package org.escalon.compiler.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.escalon.compiler.revision.Changes;
import org.escalon.compiler.revision.ConsequenceFinder;
import org.escalon.compiler.revision.Revision;
import org.escalon.compiler.revision.RevisionJson;
import org.escalon.compiler.revision.RevisionPage;
import org.escalon.compiler.revision.RevisionText;
import org.escalon.compiler.verify.Verifier;
import org.escalon.model.Protocol;
import org.escalon.simulate.PopulationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code escalon diff OLD.esc NEW.esc}: what a revision changes, in the protocol's terms, and what
 * that does to a concern. Exits like {@code diff}: 0 when the versions mean the same, 1 when they
 * do not, 2 for a usage error or a version that does not compile.
 */
@Command(name = "diff",
    description = "Says what a revision of a protocol changes, and what it does to a concern.",
    footer = {"", "Exit codes: 0 nothing changed, 1 something changed, 2 usage error or a "
        + "protocol with errors.", "", "Examples:",
        "  escalon diff kent-iro.esc kent-iro-v2.esc --start 2026-12-14",
        "  escalon diff kent-iro.esc kent-iro-v2.esc --format html -o kent-v2.html",
        "  escalon diff kent-iro.esc kent-iro-v2.esc --cases 2000 \\",
        "      --behaviour protocols/scenarios/illustrative.behaviour"})
final class DiffCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "OLD", description = "the protocol as it was")
  Path oldFile;

  @Parameters(index = "1", paramLabel = "NEW", description = "the protocol as revised")
  Path newFile;

  @Option(names = "--start", paramLabel = "DATE",
      description = "the date the worst case is raised, such as 2026-12-14 (default: today)")
  String start;

  @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
      description = "text (default), json or html (one self-contained page)")
  String format;

  @Mixin OutputFile output;

  @Mixin PopulationOptions population;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    try {
      String how = format.toLowerCase(Locale.ROOT);
      if (!how.equals("text") && !how.equals("json") && !how.equals("html")) {
        throw new UsageError("--format is text, json or html, not `" + format + "`");
      }
      if (population.behaviour != null && population.cases == null) {
        throw new UsageError("--behaviour describes a population: give --cases N as well");
      }
      LocalDate day = start == null ? LocalDate.now() : DateOption.parse(start, "--start");
      Optional<Protocol> before = OutputFile.load(oldFile, err);
      Optional<Protocol> after = before.isEmpty() ? Optional.empty()
          : OutputFile.load(newFile, err);
      if (before.isEmpty() || after.isEmpty()) {
        return ExitCodes.USAGE;
      }
      Optional<PopulationReport> casesBefore = Optional.empty();
      Optional<PopulationReport> casesAfter = Optional.empty();
      if (population.cases != null) {
        if (population.from == null) {
          population.from = day.toString();
        }
        casesBefore = population.report(before.get(), err);
        casesAfter = casesBefore.isEmpty() ? Optional.empty()
            : population.report(after.get(), err);
        if (casesAfter.isEmpty()) {
          return ExitCodes.USAGE;
        }
      }
      Revision revision = new Revision(before.get(), after.get(), oldFile.toString(),
          newFile.toString(), Changes.between(before.get(), after.get()),
          new ConsequenceFinder(new Verifier()).find(before.get(), after.get(), day,
              casesBefore, casesAfter),
          Optional.ofNullable(population.behaviour).map(Path::toString));
      String text = switch (how) {
        case "json" -> new RevisionJson().render(revision);
        case "html" -> new RevisionPage().render(revision);
        default -> new RevisionText().render(revision);
      };
      output.write(text, spec.commandLine().getOut());
      return revision.changed() ? ExitCodes.FINDINGS : ExitCodes.OK;
    } catch (UsageError e) {
      err.println("escalon: " + e.getMessage());
      err.flush();
      return ExitCodes.USAGE;
    }
  }
}
