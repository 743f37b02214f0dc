package org.escalon.tests;

import static org.escalon.tests.InMemoryJava.compile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.escalon.compiler.conformance.ConformanceTestWriter;
import org.escalon.engine.Escalation;
import org.escalon.engine.EscalationMachine;
import org.escalon.model.Protocol;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The generated conformance test classes compile, and, run by jqwik against the engine, pass on a
 * protocol whose properties the verifier proves and fail exactly on the property the verifier
 * refutes (Kent: "every path reaches resolution or Cafcass", which waits for ever on the QA
 * Assistant Director's agreement).
 */
public class ConformanceTestsTest {

  /** The machine under test of the generated classes: the engine, on the protocol set here. */
  public static final class Host {
    private static Protocol protocol;

    private Host() {}

    public static EscalationMachine machine() {
      return Escalation.of(protocol);
    }
  }

  @Test
  void bexleyCpChairConformsOnTheEngine() throws Exception {
    Map<String, String> results = run("bexley-cp-chair.esc");
    assertEquals(Map.of(
        "everyEscalationEndsResolvedOrNotResolvedByTheDirector", "SUCCESSFUL",
        "theChildIsAdvisedOfTheirRightsAtEveryStage", "SUCCESSFUL",
        "theDirectorIsReachedOnlyAfterStages1To3", "SUCCESSFUL"), results);
  }

  @Test
  void kentFailsOnlyWhereTheVerifierSaysSo() throws Exception {
    Map<String, String> results = run("kent-iro.esc");
    assertEquals(Map.of(
        "everyPathReachesResolutionOrCafcass", "FAILED",
        "cafcassOnlyAfterStages45And6", "SUCCESSFUL"), results);
  }

  private static Map<String, String> run(String file) throws Exception {
    Path path = Repository.root().resolve("protocols").resolve(file);
    Protocol protocol = VerifierMutationTest.compile(path);
    ConformanceTestWriter writer = new ConformanceTestWriter(protocol, "generated.conformance",
        file);
    String host = "package generated.conformance;\n"
        + "public class EngineConformance extends " + writer.className() + " {\n"
        + "  @Override\n"
        + "  protected org.escalon.engine.EscalationMachine newMachine() {\n"
        + "    return org.escalon.tests.ConformanceTestsTest.Host.machine();\n"
        + "  }\n"
        + "}\n";
    ClassLoader loader = compile(Map.of(
        "generated/conformance/" + writer.className() + ".java", writer.write(),
        "generated/conformance/EngineConformance.java", host));
    Host.protocol = protocol;
    Class<?> tests = loader.loadClass("generated.conformance.EngineConformance");
    Map<String, String> results = new TreeMap<>();
    ClassLoader before = Thread.currentThread().getContextClassLoader();
    Thread.currentThread().setContextClassLoader(loader);
    try {
      LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
          .selectors(selectClass(tests)).build();
      Launcher launcher = LauncherFactory.create();
      launcher.execute(request, new TestExecutionListener() {
        @Override
        public void executionFinished(TestIdentifier id, TestExecutionResult result) {
          if (id.isTest()) {
            results.put(id.getDisplayName(), result.getStatus().name());
          }
        }
      });
    } finally {
      Thread.currentThread().setContextClassLoader(before);
    }
    assertTrue(!results.isEmpty(), "jqwik ran no property of " + file);
    return results;
  }
}
