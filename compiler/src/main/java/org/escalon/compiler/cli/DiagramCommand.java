package org.escalon.compiler.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.escalon.compiler.diagram.SvgRenderer;
import org.escalon.compiler.export.DotExporter;
import org.escalon.compiler.export.MermaidExporter;
import org.escalon.model.Protocol;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code escalon diagram FILE --format mermaid|dot|svg [-o OUT]}: the escalation ladder as the
 * policies draw it. The SVG is laid out by Escalon itself; DOT needs Graphviz to be drawn.
 */
@Command(name = "diagram", description = "Draws a protocol's escalation ladder.",
    footer = {"", "Examples:", "  escalon diagram protocols/kent-iro.esc --format svg -o kent.svg",
        "  escalon diagram protocols/medway.esc --format mermaid"})
final class DiagramCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "the protocol file")
  Path file;

  @Option(names = "--format", defaultValue = "svg", paramLabel = "mermaid|dot|svg",
      description = "mermaid (for Markdown), dot (for Graphviz) or svg (a picture); "
          + "default: ${DEFAULT-VALUE}")
  String format;

  @Mixin OutputFile output;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    try {
      if (!format.equals("mermaid") && !format.equals("dot") && !format.equals("svg")) {
        throw new UsageError("`--format " + format + "` is not a diagram format; write "
            + "`--format mermaid`, `--format dot` or `--format svg`");
      }
      Optional<Protocol> protocol = OutputFile.load(file, err);
      if (protocol.isEmpty()) {
        return ExitCodes.FINDINGS;
      }
      String text = switch (format) {
        case "mermaid" -> new MermaidExporter().export(protocol.get());
        case "dot" -> new DotExporter().export(protocol.get());
        default -> new SvgRenderer().render(protocol.get());
      };
      output.write(text, spec.commandLine().getOut());
      return ExitCodes.OK;
    } catch (UsageError e) {
      err.println("escalon: " + e.getMessage());
      err.flush();
      return ExitCodes.USAGE;
    }
  }
}
