package org.escalon.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.escalon.compiler.Compilation;
import org.escalon.compiler.EscalonCompiler;
import org.escalon.compiler.diagnostics.Diagnostic;
import org.escalon.compiler.diagnostics.RichRenderer;
import org.escalon.compiler.diagnostics.Severity;
import org.escalon.compiler.diagnostics.ShortRenderer;
import org.escalon.compiler.diagnostics.SourceText;
import org.escalon.compiler.generate.GeneratedFile;
import org.escalon.compiler.generate.JavaGenerator;
import org.escalon.compiler.generate.SourcesWriter;
import org.escalon.model.Protocol;

/**
 * What the plugin's goals share: compile every protocol of a folder, report its diagnostics as
 * {@code file:line:col: error[CODE]: message} lines (which IDEs and CI annotate; the full
 * rendering follows under {@code -X}), apply the warning policy, and keep an output folder that
 * joins the build. Skipping generates nothing but still adds the folder, so that what an earlier
 * build generated still compiles.
 */
abstract class ProtocolMojo extends AbstractMojo {

  /** The folder whose {@code *.esc} files are compiled (its own files, not its subfolders). */
  @Parameter(defaultValue = "${project.basedir}/src/main/escalon", required = true)
  File sourceDirectory;

  /**
   * The protocol files to compile, by name (such as {@code kent-iro.esc}); every {@code *.esc}
   * file of the folder when empty. A name that is not there fails the build.
   */
  @Parameter
  List<String> includes = new ArrayList<>();

  /** The package of the generated classes. */
  @Parameter(required = true)
  String packageName;

  /** Skips generation; the output folder is still added to the build. */
  @Parameter(property = "escalon.skip", defaultValue = "false")
  boolean skip;

  /** Fails the build on a warning that is not accepted. */
  @Parameter(property = "escalon.failOnWarning", defaultValue = "false")
  boolean failOnWarning;

  /**
   * Warnings accepted for a protocol, each as {@code file.esc:CODE} (such as {@code
   * kent-iro.esc:W0503}): shown as accepted, never failing the build.
   */
  @Parameter
  List<String> acceptedWarnings = new ArrayList<>();

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  /** Where this goal's Java goes. */
  abstract File outputDirectory();

  /** The Java files of a protocol that checked, named after its file. */
  abstract List<GeneratedFile> generate(Protocol protocol, String fileName);

  /** Adds the output folder to the project's source roots. */
  abstract void addSourceRoot(String folder);

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("escalon: skipped");
      if (Files.isDirectory(outputDirectory().toPath())) {
        addSourceRoot(outputDirectory().getPath());
      }
      return;
    }
    if (!JavaGenerator.isPackageName(packageName)) {
      throw new MojoFailureException("escalon: `" + packageName + "` is not a Java package "
          + "name; set <packageName> to dotted lower-case words, such as org.example.escalation");
    }
    List<Path> files = ProtocolFiles.in(sourceDirectory.toPath());
    if (!includes.isEmpty()) {
      for (String name : includes) {
        if (files.stream().noneMatch(f -> f.getFileName().toString().equals(name))) {
          throw new MojoFailureException("escalon: <include>" + name + "</include> is not a"
              + " protocol file of " + sourceDirectory);
        }
      }
      files = files.stream().filter(f -> includes.contains(f.getFileName().toString())).toList();
    }
    if (files.isEmpty()) {
      getLog().warn("escalon: no protocol files (*.esc) in " + sourceDirectory);
    }
    Optional<String> clash = SourcesWriter.clash(files);
    if (clash.isPresent()) {
      throw new MojoFailureException("escalon: " + clash.get());
    }
    Set<String> unused = new LinkedHashSet<>(acceptedWarnings);
    OutputFolder out = new OutputFolder(outputDirectory().toPath());
    int failed = 0;
    int warned = 0;
    for (Path file : files) {
      SourceText source = ProtocolFiles.read(file);
      Compilation compilation = new EscalonCompiler().compile(source);
      String name = file.getFileName().toString();
      for (Diagnostic d : compilation.diagnostics().sorted()) {
        String line = new ShortRenderer().render(d, file.toString());
        String accepted = name + ":" + d.code().name();
        if (d.severity() == Severity.ERROR) {
          getLog().error(line);
        } else if (acceptedWarnings.contains(accepted)) {
          unused.remove(accepted);
          getLog().info(line + " (accepted)");
        } else {
          warned++;
          getLog().warn(line);
        }
        if (getLog().isDebugEnabled()) {
          getLog().debug(new RichRenderer().render(d, source));
        }
      }
      if (!compilation.succeeded()) {
        failed++;
        continue;
      }
      try {
        for (GeneratedFile generated : generate(compilation.protocol().orElseThrow(), name)) {
          out.write(generated);
        }
      } catch (IOException e) {
        throw new MojoExecutionException("escalon: cannot write the Java of " + file, e);
      } catch (IllegalArgumentException e) {
        throw new MojoFailureException("escalon: cannot generate Java for " + file + ": "
            + e.getMessage());
      }
    }
    for (String entry : unused) {
      getLog().warn("escalon: the accepted warning " + entry + " was not raised; remove it");
    }
    if (failed > 0) {
      throw new MojoFailureException("escalon: " + failed + " protocol" + (failed == 1 ? " has"
          : "s have") + " errors; see above");
    }
    if (failOnWarning && warned > 0) {
      throw new MojoFailureException("escalon: " + warned + " warning" + (warned == 1 ? "" : "s")
          + " and failOnWarning is set; fix them, or accept each for its protocol with"
          + " <acceptedWarnings><acceptedWarning>file.esc:CODE</acceptedWarning>");
    }
    try {
      for (Path stale : out.removeStale()) {
        getLog().info("escalon: removed " + stale + " (its protocol is gone)");
      }
    } catch (IOException e) {
      throw new MojoExecutionException("escalon: cannot clean " + outputDirectory(), e);
    }
    getLog().info("escalon: " + files.size() + " protocol" + (files.size() == 1 ? "" : "s") + ", "
        + out.written() + " Java file" + (out.written() == 1 ? "" : "s") + " written"
        + (out.written() == 0 ? " (all up to date)" : ""));
    addSourceRoot(outputDirectory().getPath());
  }
}
