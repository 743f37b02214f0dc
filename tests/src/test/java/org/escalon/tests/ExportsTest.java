package org.escalon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.InputSource;

/**
 * The diagrams and the BPMN export of every protocol against golden files beside this suite
 * ({@code src/test/resources/exports}); refresh them with {@code -Dgolden.update=true} and review
 * the diff. The BPMN also validates against the OMG BPMN 2.0 schema (the copy in Flowable's jar).
 */
class ExportsTest {

  private static final Path GOLDEN = Path.of("src/test/resources/exports");

  /** An output of the command line, and the extension of its golden file. */
  private record Kind(String extension, String... args) {}

  private static final List<Kind> KINDS = List.of(
      new Kind("mmd", "diagram", "--format", "mermaid"),
      new Kind("dot", "diagram", "--format", "dot"),
      new Kind("svg", "diagram", "--format", "svg"),
      new Kind("bpmn", "export", "--format", "bpmn"));

  @TempDir Path dir;

  @TestFactory
  Stream<DynamicTest> everyProtocolExportsAsItsGoldenFiles() {
    return Repository.protocols().stream().flatMap(p -> KINDS.stream().map(k ->
        DynamicTest.dynamicTest(p.getFileName() + " as " + k.extension(), () -> golden(p, k))));
  }

  private static void golden(Path protocol, Kind kind) throws IOException {
    String[] args = Stream.concat(Stream.of(kind.args()[0], protocol.toString()),
        Stream.of(kind.args()).skip(1)).toArray(String[]::new);
    Repository.Run run = Repository.cli(args);
    assertEquals(0, run.exitCode(), run.err());
    assertEquals("", run.err());
    Path golden = GOLDEN.resolve(protocol.getFileName().toString()
        .replaceAll("\\.esc$", "." + kind.extension()));
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(GOLDEN);
      Files.writeString(golden, run.out());
    }
    assertTrue(Files.exists(golden), golden + " is missing: run with -Dgolden.update=true");
    assertEquals(Files.readString(golden), run.out(), kind.extension() + " of " + protocol);
    assertEquals(run.out(), Repository.cli(args).out(), "the same input gives the same bytes");
  }

  @TestFactory
  Stream<DynamicTest> everyBpmnExportIsValidBpmn20() throws Exception {
    Schema schema = bpmnSchema();
    return Repository.protocols().stream().map(p -> DynamicTest.dynamicTest(
        p.getFileName().toString(), () -> {
          Repository.Run run = Repository.cli("export", p.toString(), "--format", "bpmn");
          assertEquals(0, run.exitCode(), run.err());
          schema.newValidator().validate(new StreamSource(new StringReader(run.out())));
        }));
  }

  @TestFactory
  Stream<DynamicTest> everyBpmnElementIsDrawnInTheDiagram() {
    return Repository.protocols().stream().map(p -> DynamicTest.dynamicTest(
        p.getFileName().toString(), () -> {
          String bpmn = Repository.cli("export", p.toString(), "--format", "bpmn").out();
          var factory = DocumentBuilderFactory.newInstance();
          factory.setNamespaceAware(true);
          var document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(bpmn)));
          java.util.Set<String> elements = new java.util.TreeSet<>();
          var process = document.getElementsByTagNameNS(BPMN, "process").item(0);
          var all = ((org.w3c.dom.Element) process).getElementsByTagNameNS(BPMN, "*");
          for (int i = 0; i < all.getLength(); i++) {
            org.w3c.dom.Element e = (org.w3c.dom.Element) all.item(i);
            if (!e.getAttribute("id").isEmpty()) {
              elements.add(e.getAttribute("id"));
            }
          }
          java.util.Set<String> drawn = new java.util.TreeSet<>();
          for (String tag : List.of("BPMNShape", "BPMNEdge")) {
            var shapes = document.getElementsByTagNameNS(DI, tag);
            for (int i = 0; i < shapes.getLength(); i++) {
              String ref = ((org.w3c.dom.Element) shapes.item(i)).getAttribute("bpmnElement");
              assertTrue(drawn.add(ref), ref + " is drawn once in " + p);
            }
          }
          assertEquals(elements, drawn, "every element of the process, and nothing else, is drawn");
        }));
  }

  private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  private static final String DI = "http://www.omg.org/spec/BPMN/20100524/DI";

  @Test
  void theSchemaCheckCatchesInvalidBpmn() throws Exception {
    Repository.Run run = Repository.cli("export",
        Repository.root().resolve("protocols/medway.esc").toString(), "--format", "bpmn");
    String broken = run.out().replaceFirst("<userTask ", "<userTask bogus=\"1\" ");
    boolean rejected = false;
    try {
      bpmnSchema().newValidator().validate(new StreamSource(new StringReader(broken)));
    } catch (org.xml.sax.SAXException e) {
      rejected = true;
    }
    assertTrue(rejected, "an attribute the schema does not know is rejected");
  }

  @TestFactory
  Stream<DynamicTest> everySvgIsWellFormedAndDrawsEveryStage() {
    return Repository.protocols().stream().map(p -> DynamicTest.dynamicTest(
        p.getFileName().toString(), () -> {
          String svg = Repository.cli("diagram", p.toString(), "--format", "svg").out();
          var factory = DocumentBuilderFactory.newInstance();
          factory.setNamespaceAware(true);
          var document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
          assertEquals("svg", document.getDocumentElement().getLocalName());
          var protocol = new org.escalon.compiler.EscalonCompiler().compile(
              org.escalon.compiler.diagnostics.SourceText.of(p.toString(), Repository.read(p)))
              .protocol().orElseThrow();
          for (var stage : protocol.stages()) {
            assertTrue(svg.contains("id=\"esc-stage_" + stage.key() + "\""),
                "stage " + stage.key() + " is drawn in " + p);
          }
          assertFalse(svg.contains("<script"), "no scripts in " + p);
        }));
  }

  @Test
  void writesToAFileWithDashO() throws IOException {
    Path out = dir.resolve("kent.svg");
    Repository.Run run = Repository.cli("diagram",
        Repository.root().resolve("protocols/kent-iro.esc").toString(), "-o", out.toString());
    assertEquals(0, run.exitCode(), run.err());
    assertEquals("", run.out());
    assertTrue(Files.readString(out).startsWith("<svg "), "svg is the default format");
  }

  @Test
  void badFormatsAndFilesSayWhatIsWrongWithoutAStackTrace() throws IOException {
    String kent = Repository.root().resolve("protocols/kent-iro.esc").toString();
    Repository.Run format = Repository.cli("diagram", kent, "--format", "png");
    assertEquals(2, format.exitCode());
    assertEquals("escalon: `--format png` is not a diagram format; write `--format mermaid`, "
        + "`--format dot` or `--format svg`\n", format.err());
    Repository.Run export = Repository.cli("export", kent, "--format", "xpdl");
    assertEquals(2, export.exitCode());
    assertTrue(export.err().contains("`--format xpdl` is not an export format"), export.err());
    assertEquals(2, Repository.cli("export", kent).exitCode(), "no format");
    assertEquals(2, Repository.cli("export", "--format", "bpmn").exitCode(), "no file");
    Repository.Run missing = Repository.cli("diagram", dir.resolve("nope.esc").toString());
    assertEquals(1, missing.exitCode());
    assertTrue(missing.err().contains("error[E0107]"), missing.err());
    Path broken = dir.resolve("broken.esc");
    Files.writeString(broken, "protocol \"P\" { raised by IRO role IRO \"I\" stage 1 \"S\" "
        + "{ to IRO respond within 5 days } }\n");
    Repository.Run bad = Repository.cli("export", broken.toString(), "--format", "json");
    assertEquals(1, bad.exitCode());
    assertTrue(bad.err().contains("error[E0301]"), bad.err());
    assertEquals("", bad.out());
    Repository.Run folder = Repository.cli("diagram", dir.toString());
    assertEquals(2, folder.exitCode());
    assertTrue(folder.err().contains("is a folder"), folder.err());
    for (Repository.Run run : List.of(format, export, missing, bad, folder)) {
      assertFalse(run.err().contains("Exception"), run.err());
    }
  }

  /** The OMG BPMN 2.0 schema (BPMN20.xsd with Semantic.xsd and the DI schemas) from the class path. */
  static Schema bpmnSchema() throws Exception {
    URL xsd = ExportsTest.class.getResource("/org/flowable/impl/bpmn/parser/BPMN20.xsd");
    assertNotNull(xsd, "the BPMN 2.0 schema is in flowable-bpmn-converter");
    SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    return factory.newSchema(xsd);
  }
}
