package org.escalon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.escalon.compiler.conformance.ConformanceTestWriter;
import org.escalon.compiler.generate.GeneratedFile;
import org.escalon.compiler.generate.JavaGenerator;
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
 * The generated conformance test classes compile with the generated Java machine of their
 * protocol, and, run by jqwik, pass on a protocol whose properties the verifier proves, fail
 * exactly on the property the verifier refutes (Kent: "every path reaches resolution or
 * Cafcass", which waits for ever for the QA Assistant Director's agreement), and fail on a
 * machine generated from a mutant that breaks a property (a bypass widened to the Director).
 */
public class ConformanceTestsTest {

  private static final String PACKAGE = "generated.conformance";

  /** The machine under test of the abstract classes: the engine, on the protocol set here. */
  public static final class Host {
    private static Protocol protocol;

    private Host() {}

    public static EscalationMachine machine() {
      return Escalation.of(protocol);
    }
  }

  @Test
  void bexleyCpChairConformsOnItsGeneratedMachine() {
    assertEquals(Map.of(
        "everyEscalationEndsResolvedOrNotResolvedByTheDirector", "SUCCESSFUL",
        "theChildIsAdvisedOfTheirRightsAtEveryStage", "SUCCESSFUL",
        "theDirectorIsReachedOnlyAfterStages1To3", "SUCCESSFUL"),
        onGeneratedMachine("bexley-cp-chair.esc", compile("bexley-cp-chair.esc")));
  }

  @Test
  void kentFailsOnlyWhereTheVerifierSaysSo() {
    assertEquals(Map.of(
        "everyPathReachesResolutionOrCafcass", "FAILED",
        "cafcassOnlyAfterStages45And6", "SUCCESSFUL"),
        onGeneratedMachine("kent-iro.esc", compile("kent-iro.esc")));
  }

  @Test
  void aMachineThatSkipsToTheDirectorFailsPrecedence() {
    Protocol mutant = Mutants.bypassWidened(compile("bexley-cp-chair.esc")).protocol();
    Map<String, String> results = onGeneratedMachine("bexley-cp-chair.esc", mutant);
    assertEquals("FAILED", results.get("theDirectorIsReachedOnlyAfterStages1To3"), "" + results);
    assertFalse(VerifierMutationTest.verify(mutant).verdict(
        "the Director is reached only after stages 1 to 3").holds(), "the verifier agrees");
  }

  @Test
  void theAbstractClassTestsAHostsOwnMachine() throws Exception {
    Protocol protocol = compile("kent-iro.esc");
    ConformanceTestWriter writer = new ConformanceTestWriter(protocol, PACKAGE, "kent-iro.esc");
    String host = "package " + PACKAGE + ";\n"
        + "public class EngineConformance extends " + writer.className() + " {\n"
        + "  @Override\n"
        + "  protected org.escalon.engine.EscalationMachine newMachine() {\n"
        + "    return org.escalon.tests.ConformanceTestsTest.Host.machine();\n"
        + "  }\n"
        + "}\n";
    Map<String, String> sources = new LinkedHashMap<>();
    sources.put(PACKAGE + "." + writer.className(), writer.write());
    sources.put(PACKAGE + ".EngineConformance", host);
    Host.protocol = protocol;
    assertEquals(Map.of(
        "everyPathReachesResolutionOrCafcass", "FAILED",
        "cafcassOnlyAfterStages45And6", "SUCCESSFUL"),
        run(sources, PACKAGE + ".EngineConformance"));
  }

  private static Protocol compile(String file) {
    return VerifierMutationTest.compile(Repository.root().resolve("protocols").resolve(file));
  }

  /** Generates the machine of {@code machine} and the conformance class, and runs the latter. */
  private static Map<String, String> onGeneratedMachine(String file, Protocol machine) {
    String name = JavaGenerator.className(file);
    Map<String, String> sources = new LinkedHashMap<>();
    for (GeneratedFile f : new JavaGenerator().generate(machine, PACKAGE, name)) {
      sources.put(f.qualifiedName(), f.text());
    }
    ConformanceTestWriter writer = new ConformanceTestWriter(machine, PACKAGE, file)
        .driving(name);
    sources.put(PACKAGE + "." + writer.className(), writer.write());
    return run(sources, PACKAGE + "." + writer.className());
  }

  private static Map<String, String> run(Map<String, String> sources, String testClass) {
    InMemoryJavac.Result compiled = InMemoryJavac.compile(sources);
    assertTrue(compiled.compiled(), "the generated code compiles: " + compiled.messages());
    Class<?> tests;
    try {
      tests = compiled.loader().loadClass(testClass);
    } catch (ClassNotFoundException e) {
      throw new AssertionError(e);
    }
    Map<String, String> results = new TreeMap<>();
    ClassLoader before = Thread.currentThread().getContextClassLoader();
    Thread.currentThread().setContextClassLoader(compiled.loader());
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
    assertFalse(results.isEmpty(), "jqwik ran no property of " + testClass);
    return results;
  }
}
