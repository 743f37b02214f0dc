package org.escalon.compiler.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.escalon.compiler.conformance.ConformanceTestWriter;
import org.escalon.compiler.generate.GeneratedFile;
import org.escalon.compiler.generate.JavaGenerator;
import org.escalon.compiler.generate.SourcesWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code escalon compile FILE... --out DIR --package P}: Java state machines for a host. */
@Command(name = "compile", description = "Generates a typed Java state machine for each protocol "
    + "(one class per file, plus its model), for a host system to build with escalon-runtime.")
final class CompileCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "protocol files or folders")
  List<Path> files;

  @Option(names = "--out", required = true, paramLabel = "DIR",
      description = "the source folder to write into (package folders are made below it)")
  Path out;

  @Option(names = "--package", required = true, paramLabel = "P",
      description = "the Java package of the generated classes, such as org.example.escalation")
  String packageName;

  @Option(names = "--conformance-tests", paramLabel = "DIR",
      description = "also write, into this test source folder, a jqwik test class per protocol "
          + "that drives the generated machine with random events and checks the protocol's "
          + "declared properties (see docs/verifier.md)")
  Path conformance;

  @Option(names = "--format", defaultValue = "rich", paramLabel = "rich|short",
      description = "how to print diagnostics: rich (with the source) or short (one line each)")
  String format;

  @Option(names = "--quiet", description = "print only diagnostics")
  boolean quiet;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!JavaGenerator.isPackageName(packageName)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "`" + packageName
          + "` is not a Java package name: write dotted lower-case words, such as "
          + "org.example.escalation");
    }
    List<Inputs.Input> inputs = Inputs.read(files);
    Optional<String> clash = SourcesWriter.clash(inputs.stream().filter(Inputs.Input::readable)
        .map(i -> Path.of(i.path())).toList());
    if (clash.isPresent()) {
      throw new CommandLine.ParameterException(spec.commandLine(), clash.get());
    }
    Reporter reporter = new Reporter(Reporter.Format.of(format), err);
    SourcesWriter writer = new SourcesWriter(this.out, packageName);
    int failed = 0;
    int compiled = 0;
    for (Inputs.Input input : inputs) {
      if (!input.readable()) {
        reporter.report(input.problem(), input.source());
        failed++;
        continue;
      }
      try {
        SourcesWriter.Result result = writer.write(input.source());
        reporter.report(result.compilation().diagnostics(), input.source());
        if (!result.succeeded()) {
          failed++;
          continue;
        }
        compiled++;
        List<Path> written = new ArrayList<>(result.written());
        if (conformance != null) {
          written.add(conformanceTest(input.path(),
              result.compilation().protocol().orElseThrow()));
        }
        if (!quiet) {
          out.println(input.path() + " -> " + String.join(", ", written.stream()
              .map(this::shown).toList()));
        }
      } catch (IOException e) {
        err.println("escalon: cannot write the Java of " + input.path() + ": " + e.getMessage());
        failed++;
      } catch (IllegalArgumentException e) {
        err.println("escalon: cannot generate Java for " + input.path() + ": " + e.getMessage());
        failed++;
      }
    }
    err.flush();
    if (!quiet) {
      out.println(compiled + " protocol" + (compiled == 1 ? "" : "s") + " compiled to Java, "
          + failed + " with errors");
    }
    out.flush();
    return failed == 0 ? ExitCodes.OK : ExitCodes.FINDINGS;
  }

  /** Writes the conformance test class of a protocol, driving its generated machine. */
  private Path conformanceTest(String file, org.escalon.model.Protocol protocol)
      throws IOException {
    String name = Path.of(file).getFileName().toString();
    ConformanceTestWriter writer = new ConformanceTestWriter(protocol, packageName, name)
        .driving(JavaGenerator.className(name));
    return new GeneratedFile(packageName, writer.className(), writer.write())
        .writeTo(conformance);
  }

  /** A written file, relative to the folder it was written below. */
  private String shown(Path p) {
    Path root = conformance != null && p.startsWith(conformance) ? conformance : out;
    return root.relativize(p).toString().replace('\\', '/');
  }
}
