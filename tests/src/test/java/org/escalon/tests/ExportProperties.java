package org.escalon.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import org.escalon.compiler.Compilation;
import org.escalon.compiler.EscalonCompiler;
import org.escalon.compiler.diagnostics.SourceText;
import org.escalon.compiler.diagram.SvgRenderer;
import org.escalon.compiler.export.BpmnExporter;
import org.escalon.compiler.export.DotExporter;
import org.escalon.compiler.export.JsonExporter;
import org.escalon.compiler.export.MermaidExporter;
import org.escalon.compiler.report.LimitFindings;
import org.escalon.compiler.report.ReportWriter;
import org.escalon.model.Protocol;

/**
 * Every protocol that compiles can be drawn, exported and reported on: mutations of the seed
 * protocols that still check (names swapped, statements duplicated or dropped) never make an
 * exporter throw, their BPMN stays valid BPMN 2.0 and their JSON valid against the schema.
 */
class ExportProperties {

  private static final List<String> SEEDS =
      Repository.protocols().stream().map(Repository::read).toList();
  private static final Schema BPMN = bpmn();
  private static final JsonSchema JSON = json();

  @Property(tries = 400, edgeCases = EdgeCasesMode.NONE)
  @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
  void everyProtocolThatChecksIsDrawnExportedAndReported(
      @ForAll("mutations") MutationProperties.Mutation mutation) throws Exception {
    String text = MutationProperties.mutate(SEEDS.get(mutation.seed() % SEEDS.size()), mutation);
    Compilation result = new EscalonCompiler().compile(SourceText.of("mutant.esc", text));
    Statistics.label("checks").collect(result.succeeded());
    Statistics.label("checks").coverage(c -> c.check(true).percentage(p -> p >= 5.0));
    if (!result.succeeded()) {
      return;
    }
    Protocol protocol = result.protocol().orElseThrow();
    assertTrue(new MermaidExporter().export(protocol).startsWith("%% "));
    assertTrue(new DotExporter().export(protocol).startsWith("digraph ladder {"));
    assertTrue(new SvgRenderer().render(protocol).startsWith("<svg "));
    BPMN.newValidator().validate(new StreamSource(new StringReader(
        new BpmnExporter().export(protocol))));
    var problems = JSON.validate(new ObjectMapper().readTree(new JsonExporter().export(protocol)));
    assertTrue(problems.isEmpty(), problems.toString());
    String html = new ReportWriter(new LimitFindings()).write(protocol, LocalDate.of(2027, 3, 22),
        Optional.empty());
    assertTrue(html.endsWith("</html>\n"));
  }

  @Provide
  Arbitrary<MutationProperties.Mutation> mutations() {
    return new MutationProperties().mutations();
  }

  private static Schema bpmn() {
    try {
      return ExportsTest.bpmnSchema();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonSchema json() {
    try {
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
          .getSchema(new ObjectMapper().readTree(JsonExporter.schema()));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
