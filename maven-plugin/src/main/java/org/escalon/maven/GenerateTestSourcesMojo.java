package org.escalon.maven;

import java.io.File;
import java.util.List;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.escalon.compiler.conformance.ConformanceTestWriter;
import org.escalon.compiler.generate.GeneratedFile;
import org.escalon.compiler.generate.JavaGenerator;
import org.escalon.model.Protocol;

/**
 * {@code escalon:generate-test-sources}: writes, for each protocol, the conformance test that
 * drives its generated machine with random events and checks the protocol's declared properties
 * (a jqwik test: the host's tests need jqwik). Use it beside {@code generate}, with the same
 * package.
 */
@Mojo(name = "generate-test-sources", defaultPhase = LifecyclePhase.GENERATE_TEST_SOURCES,
    threadSafe = true)
public final class GenerateTestSourcesMojo extends ProtocolMojo {

  /** Where the tests go; it is added to the project's test source roots. */
  @Parameter(defaultValue = "${project.build.directory}/generated-test-sources/escalon",
      required = true)
  private File testOutputDirectory;

  @Override
  File outputDirectory() {
    return testOutputDirectory;
  }

  @Override
  List<GeneratedFile> generate(Protocol protocol, String fileName) {
    ConformanceTestWriter writer = new ConformanceTestWriter(protocol, packageName, fileName)
        .driving(JavaGenerator.className(fileName));
    return List.of(new GeneratedFile(packageName, writer.className(), writer.write()));
  }

  @Override
  void addSourceRoot(String folder) {
    project.addTestCompileSourceRoot(folder);
  }
}
