package org.escalon.compiler.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.escalon.compiler.export.BpmnExporter;
import org.escalon.compiler.export.JsonExporter;
import org.escalon.model.Protocol;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code escalon export FILE --format bpmn|json [-o OUT]}: the protocol for other systems, as a
 * BPMN 2.0 process for a workflow engine or as the JSON of its model; {@code escalon export
 * --schema} prints the JSON Schema the JSON follows.
 */
@Command(name = "export", description = "Exports a protocol as BPMN 2.0 or as JSON.",
    footer = {"", "Examples:", "  escalon export protocols/kent-iro.esc --format bpmn -o kent.bpmn",
        "  escalon export protocols/kent-iro.esc --format json",
        "  escalon export --schema > protocol.schema.json"})
final class ExportCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(arity = "0..1", paramLabel = "FILE", description = "the protocol file")
  Path file;

  @Option(names = "--format", paramLabel = "bpmn|json",
      description = "bpmn (a BPMN 2.0 process) or json (the protocol model)")
  String format;

  @Option(names = "--schema", description = "print the JSON Schema of the JSON export")
  boolean schema;

  @Mixin OutputFile output;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    try {
      if (schema) {
        if (file != null || format != null) {
          throw new UsageError("--schema prints the schema alone; give no FILE and no --format");
        }
        output.write(JsonExporter.schema(), spec.commandLine().getOut());
        return ExitCodes.OK;
      }
      if (file == null) {
        throw new UsageError("say which protocol to export, such as "
            + "`escalon export protocols/kent-iro.esc --format bpmn`");
      }
      if (format == null || !format.equals("bpmn") && !format.equals("json")) {
        throw new UsageError(format == null ? "say which format: `--format bpmn` or `--format json`"
            : "`--format " + format + "` is not an export format; write `--format bpmn` or "
                + "`--format json`");
      }
      Optional<Protocol> protocol = OutputFile.load(file, err);
      if (protocol.isEmpty()) {
        return ExitCodes.FINDINGS;
      }
      String text = format.equals("bpmn") ? new BpmnExporter().export(protocol.get())
          : new JsonExporter().export(protocol.get());
      output.write(text, spec.commandLine().getOut());
      return ExitCodes.OK;
    } catch (UsageError e) {
      err.println("escalon: " + e.getMessage());
      err.flush();
      return ExitCodes.USAGE;
    }
  }
}
