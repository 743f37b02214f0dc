package org.escalon.maven;

import java.io.File;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.escalon.compiler.diagnostics.Diagnostic;
import org.escalon.compiler.diagnostics.RichRenderer;
import org.escalon.compiler.diagnostics.Severity;
import org.escalon.compiler.diagnostics.SourceText;
import org.escalon.compiler.generate.JavaGenerator;
import org.escalon.compiler.generate.SourcesWriter;

/**
 * {@code escalon:generate}: compiles every protocol file ({@code *.esc}) of a folder and writes
 * its Java state machine into a generated-sources folder that joins the build. A protocol with
 * errors fails the build, with the compiler's own messages.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public final class GenerateMojo extends AbstractMojo {

  /** The folder whose {@code *.esc} files are compiled (its own files, not its subfolders). */
  @Parameter(defaultValue = "${project.basedir}/src/main/escalon", required = true)
  private File sourceDirectory;

  /** Where the Java goes; it is added to the project's compile source roots. */
  @Parameter(defaultValue = "${project.build.directory}/generated-sources/escalon",
      required = true)
  private File outputDirectory;

  /** The package of the generated classes. */
  @Parameter(required = true)
  private String packageName;

  /** Skips generation. */
  @Parameter(property = "escalon.skip", defaultValue = "false")
  private boolean skip;

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  private MavenProject project;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("escalon: skipped");
      return;
    }
    if (!JavaGenerator.isPackageName(packageName)) {
      throw new MojoFailureException("escalon: `" + packageName + "` is not a Java package "
          + "name; set <packageName> to dotted lower-case words, such as org.example.escalation");
    }
    List<Path> files = protocols(sourceDirectory.toPath());
    if (files.isEmpty()) {
      getLog().warn("escalon: no protocol files (*.esc) in " + sourceDirectory);
    }
    Optional<String> clash = SourcesWriter.clash(files);
    if (clash.isPresent()) {
      throw new MojoFailureException("escalon: " + clash.get());
    }
    SourcesWriter writer = new SourcesWriter(outputDirectory.toPath(), packageName);
    int failed = 0;
    for (Path file : files) {
      SourceText source = read(file);
      SourcesWriter.Result result;
      try {
        result = writer.write(source);
      } catch (IOException e) {
        throw new MojoExecutionException("escalon: cannot write the Java of " + file, e);
      } catch (IllegalArgumentException e) {
        throw new MojoFailureException("escalon: cannot generate Java for " + file + ": "
            + e.getMessage());
      }
      for (Diagnostic d : result.compilation().diagnostics().sorted()) {
        String text = new RichRenderer().render(d, source);
        if (d.severity() == Severity.ERROR) {
          getLog().error(text);
        } else {
          getLog().warn(text);
        }
      }
      if (result.succeeded()) {
        getLog().info("escalon: " + file.getFileName() + " -> " + result.written().size()
            + " Java files");
      } else {
        failed++;
      }
    }
    if (failed > 0) {
      throw new MojoFailureException("escalon: " + failed + " protocol" + (failed == 1 ? " has"
          : "s have") + " errors; see above");
    }
    project.addCompileSourceRoot(outputDirectory.getPath());
  }

  private static List<Path> protocols(Path folder) throws MojoExecutionException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(p -> p.toString().endsWith(".esc") && Files.isRegularFile(p))
          .sorted().toList();
    } catch (IOException e) {
      throw new MojoExecutionException("escalon: cannot list " + folder, e);
    }
  }

  private static SourceText read(Path file) throws MojoFailureException {
    try {
      String text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
      return SourceText.of(file.toString(), text.startsWith("\uFEFF") ? text.substring(1) : text);
    } catch (CharacterCodingException e) {
      throw new MojoFailureException("escalon: " + file + " is not UTF-8 text");
    } catch (IOException e) {
      throw new MojoFailureException("escalon: cannot read " + file + ": " + e.getMessage());
    }
  }
}
