package org.escalon.maven;

import java.io.File;
import java.util.List;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.escalon.compiler.generate.GeneratedFile;
import org.escalon.compiler.generate.JavaGenerator;
import org.escalon.model.Protocol;

/**
 * {@code escalon:generate}: compiles every protocol file ({@code *.esc}) of a folder and writes
 * its Java state machine into a generated-sources folder that joins the build. A protocol with
 * errors fails the build, with the compiler's own messages.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public final class GenerateMojo extends ProtocolMojo {

  /** Where the Java goes; it is added to the project's compile source roots. */
  @Parameter(defaultValue = "${project.build.directory}/generated-sources/escalon",
      required = true)
  private File outputDirectory;

  @Override
  File outputDirectory() {
    return outputDirectory;
  }

  @Override
  List<GeneratedFile> generate(Protocol protocol, String fileName) {
    return new JavaGenerator().generate(protocol, packageName, JavaGenerator.className(fileName));
  }

  @Override
  void addSourceRoot(String folder) {
    project.addCompileSourceRoot(folder);
  }
}
