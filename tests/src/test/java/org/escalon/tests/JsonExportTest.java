package org.escalon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.Set;
import java.util.stream.Stream;
import org.escalon.compiler.export.JsonExporter;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The JSON export against its published schema (networknt's validator, draft 2020-12): every
 * protocol's export is valid, and the schema is strict enough to reject what the model cannot be.
 */
class JsonExportTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonSchema schema() throws Exception {
    return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
        .getSchema(JSON.readTree(JsonExporter.schema()));
  }

  private static JsonNode export(String protocol) throws Exception {
    Repository.Run run = Repository.cli("export",
        Repository.root().resolve("protocols/" + protocol).toString(), "--format", "json");
    assertEquals(0, run.exitCode(), run.err());
    return JSON.readTree(run.out());
  }

  @TestFactory
  Stream<DynamicTest> everyProtocolsJsonIsValidAgainstTheSchema() throws Exception {
    JsonSchema schema = schema();
    return Repository.protocols().stream().map(p -> DynamicTest.dynamicTest(
        p.getFileName().toString(), () -> {
          JsonNode json = export(p.getFileName().toString());
          Set<ValidationMessage> problems = schema.validate(json);
          assertEquals(Set.of(), problems, p + " against the schema");
        }));
  }

  @Test
  void theExportCarriesTheModel() throws Exception {
    JsonNode kent = export("kent-iro.esc").get("protocol");
    assertEquals("Kent County Council: IRO practice escalation and dispute resolution",
        kent.get("name").asText());
    assertEquals("informal", kent.at("/stages/0/key").asText());
    assertEquals(7, kent.get("stages").size(), "informal and stages 1 to 6");
    JsonNode six = kent.at("/stages/6");
    assertEquals("6", six.get("key").asText());
    assertEquals("to_outcome", six.at("/transitions/onNoResponse/type").asText());
    assertEquals("cafcass", six.at("/transitions/onNoResponse/name").asText());
    assertEquals("working_days", six.at("/timescales/0/duration/unit").asText());
    assertEquals(5, six.at("/timescales/0/duration/amount").asInt());
    assertEquals("stage_start", six.at("/timescales/0/anchor/type").asText());
    assertTrue(kent.at("/extension/inWriting").asBoolean());
    assertEquals("england_and_wales", kent.at("/header/calendar/region").asText());
  }

  @Test
  void theSchemaRejectsWhatTheModelCannotBe() throws Exception {
    JsonSchema schema = schema();
    JsonNode valid = export("medway.esc");
    assertTrue(schema.validate(valid).isEmpty());
    ObjectNode unknownUnit = valid.deepCopy();
    ((ObjectNode) unknownUnit.at("/protocol/stages/1/timescales/0/duration")).put("unit", "fortnights");
    assertFalse(schema.validate(unknownUnit).isEmpty(), "an unknown unit");
    ObjectNode extraField = valid.deepCopy();
    ((ObjectNode) extraField.at("/protocol/stages/1")).put("colour", "red");
    assertFalse(schema.validate(extraField).isEmpty(), "a field the model does not have");
    ObjectNode missing = valid.deepCopy();
    ((ObjectNode) missing.at("/protocol/header")).remove("raisedBy");
    assertFalse(schema.validate(missing).isEmpty(), "a missing field");
  }

  @Test
  void schemaOptionPrintsThePublishedSchema() throws Exception {
    Repository.Run run = Repository.cli("export", "--schema");
    assertEquals(0, run.exitCode(), run.err());
    assertEquals(JsonExporter.schema(), run.out());
    assertEquals(JsonExporter.SCHEMA_ID, JSON.readTree(run.out()).get("$id").asText());
    assertEquals(2, Repository.cli("export", "--schema", "--format", "json").exitCode());
  }
}
