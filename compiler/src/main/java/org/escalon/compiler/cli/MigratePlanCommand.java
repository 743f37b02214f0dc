package org.escalon.compiler.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.escalon.migration.MigrationPlan;
import org.escalon.model.Protocol;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code escalon migrate-plan OLD.esc NEW.esc [--map OLD=NEW]...}: the plan that moves live
 * escalations from one version to the next, and the stages it cannot map. Exits 0 when every old
 * stage maps, 1 when one does not, 2 for usage or a version that does not compile.
 */
@Command(name = "migrate-plan",
    description = "Prints how live escalations move from one version of a protocol to the next.",
    footer = {"", "Exit codes: 0 every stage maps, 1 a stage is not mapped, 2 usage error or a "
        + "protocol with errors.", "", "Examples:",
        "  escalon migrate-plan kent-iro.esc kent-iro-v2.esc",
        "  escalon migrate-plan kent-iro-v2.esc kent-iro.esc --map practice=3"})
final class MigratePlanCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "OLD", description = "the version escalations run under")
  Path oldFile;

  @Parameters(index = "1", paramLabel = "NEW", description = "the version they move to")
  Path newFile;

  @Option(names = "--map", paramLabel = "OLD=NEW",
      description = "map an old stage to a new one (a stage removed or renamed); repeatable")
  List<String> maps = new ArrayList<>();

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter out = spec.commandLine().getOut();
    try {
      Optional<Protocol> from = OutputFile.load(oldFile, err);
      Optional<Protocol> to = from.isEmpty() ? Optional.empty() : OutputFile.load(newFile, err);
      if (from.isEmpty() || to.isEmpty()) {
        return ExitCodes.USAGE;
      }
      MigrationPlan.Builder builder = MigrationPlan.between(from.get(), to.get());
      for (String m : maps) {
        int eq = m.indexOf('=');
        if (eq < 1 || eq == m.length() - 1) {
          throw new UsageError("--map takes OLD=NEW, such as --map practice=3, not `" + m + "`");
        }
        try {
          builder.map(m.substring(0, eq).strip(), m.substring(eq + 1).strip());
        } catch (IllegalArgumentException e) {
          throw new UsageError("--map " + m + ": " + e.getMessage());
        }
      }
      MigrationPlan plan = builder.mapEqualStages().build();
      out.println("Migration plan: " + oldFile + " (version "
          + from.get().header().version().orElse("not stated") + ") -> " + newFile
          + " (version " + to.get().header().version().orElse("not stated") + ")");
      out.println();
      plan.describe().forEach(l -> out.println("  " + l));
      out.println();
      if (plan.unmapped().isEmpty()) {
        out.println("Every stage maps: a live escalation at any stage can move.");
      } else {
        out.println("Not mapped: " + String.join(", ", plan.unmapped().stream()
            .map(k -> "stage " + k).toList()) + ". An escalation standing there cannot move "
            + "until --map says where it goes.");
      }
      out.flush();
      return plan.unmapped().isEmpty() ? ExitCodes.OK : ExitCodes.FINDINGS;
    } catch (UsageError e) {
      err.println("escalon: " + e.getMessage());
      err.flush();
      return ExitCodes.USAGE;
    }
  }
}
