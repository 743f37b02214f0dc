package org.escalon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.escalon.compiler.Compilation;
import org.escalon.compiler.EscalonCompiler;
import org.escalon.compiler.derive.BaseChanges;
import org.escalon.compiler.diagnostics.Diagnostic;
import org.escalon.compiler.diagnostics.SourceText;
import org.escalon.compiler.verify.Verdict;
import org.escalon.compiler.verify.Verifier;
import org.escalon.engine.CaseEvent;
import org.escalon.engine.Escalation;
import org.escalon.model.Canonical;
import org.escalon.model.Protocol;
import org.escalon.model.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reuse (issue 14, point 9): a protocol built on another is its base with its changes applied,
 * one ordinary protocol every tool takes; the changes are checked and can be listed.
 */
class ReuseTest {

  private static final Path REUSE = Path.of("src/test/resources/reuse");

  static final String SUPPLEMENT = """
      protocol "Local supplement: resolving professional differences" {
        based on "regional-policy.esc"
        source "Local supplement to the regional procedures, 2026"
        version "2026-01"
        role HeadOfService "Head of Service"
        replace stage 2 "Head of Service" {
          to HeadOfService
          respond within 3 working days
          source "Local supplement, Stage 2"
        }
        remove role LineManager
        invariant "the child stays where they live until it is resolved" {
          child_at_home
        }
        attribute child_at_home "the child lives at home"
      }
      """;

  private static Compilation compile(Path file, String text) {
    return new EscalonCompiler().compile(SourceText.of(file.toString(), text));
  }

  private static List<String> codes(Compilation c) {
    return c.diagnostics().sorted().stream().map(Diagnostic::code).map(Enum::name).toList();
  }

  @Test
  void theDerivedProtocolIsTheBaseWithItsChanges() {
    Compilation c = compile(REUSE.resolve("local-supplement.esc"), SUPPLEMENT);
    assertTrue(c.succeeded(), c.diagnostics().sorted().toString());
    Protocol p = c.protocol().orElseThrow();
    assertEquals("Local supplement: resolving professional differences", p.name());
    assertEquals(List.of("1", "2", "3"), p.stages().stream().map(Stage::key).toList(),
        "a replaced stage keeps its place on the ladder");
    assertEquals("Head of Service", p.stage("2").orElseThrow().title());
    assertTrue(p.role("LineManager").isEmpty(), "removed");
    assertTrue(p.role("HeadOfService").isPresent(), "added");
    assertEquals(Optional.of("2026-01"), p.header().version(), "its own header line");
    assertEquals("Practitioner", p.header().raisedBy(), "the base's header line");
    assertEquals(1, p.invariants().size());
    // the base's declarations keep their place in the base file
    assertTrue(p.stage("1").orElseThrow().span().file().endsWith("regional-policy.esc"));
    assertTrue(p.stage("2").orElseThrow().span().file().endsWith("local-supplement.esc"));
  }

  @Test
  void everyToolTakesItAsAnOrdinaryProtocol() {
    Protocol derived = compile(REUSE.resolve("local-supplement.esc"), SUPPLEMENT).protocol()
        .orElseThrow();
    // the same protocol written out whole means the same: the canonical text (which leaves out
    // where each part is written) is equal
    Protocol whole = ProtocolsTest.compile(REUSE.resolve("local-supplement-whole.esc"))
        .protocol().orElseThrow();
    assertEquals(Canonical.of(whole), Canonical.of(derived));
    Escalation e = Escalation.of(derived);
    e.apply(new CaseEvent.SetAttribute(Instant.parse("2026-12-14T09:00:00Z"), "child_at_home",
        "yes"));
    e.apply(new CaseEvent.Raise(Instant.parse("2026-12-14T09:00:00Z"), "Practitioner",
        Optional.empty(), Optional.empty()));
    assertEquals(Optional.of("1"), e.state().stage());
    var v = new Verifier().verify(derived, LocalDate.of(2026, 12, 14));
    assertTrue(v.checks().stream().allMatch(Verdict::holds));
  }

  @Test
  void itsChangesAreListedAsTheRevisionNotesSayThem() {
    BaseChanges b = BaseChanges.of(compile(REUSE.resolve("local-supplement.esc"), SUPPLEMENT))
        .orElseThrow();
    assertTrue(b.base().endsWith("regional-policy.esc"), b.base());
    String all = String.join("\n", b.changes().stream().map(c -> c.text()).toList());
    assertTrue(all.contains("Head of Service"), all);
    assertTrue(all.contains("invariant"), all);
  }

  @Test
  void aChainOfBasesThatComesBackIsRefused(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("a.esc"), "protocol \"A\" {\n  based on \"b.esc\"\n}\n");
    Files.writeString(dir.resolve("b.esc"), "protocol \"B\" {\n  based on \"a.esc\"\n}\n");
    Compilation c = compile(dir.resolve("a.esc"), Files.readString(dir.resolve("a.esc")));
    assertEquals(List.of("E0353"), codes(c));
  }

  @Test
  void removingWhatTheBaseStillUsesIsAnErrorInTheBase() {
    Compilation c = compile(REUSE.resolve("local-supplement.esc"), """
        protocol "Local supplement" {
          based on "regional-policy.esc"
          remove outcome partnership
        }
        """);
    assertFalse(c.succeeded());
    Diagnostic d = c.diagnostics().sorted().get(0);
    assertTrue(d.span().file().endsWith("regional-policy.esc"), d.toString());
  }
}
