package org.escalon.compiler.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code escalon lsp} driven as an editor drives it: a separate process, JSON-RPC over its pipes,
 * every feature on the seed protocols and on broken ones. One server for the class, ended with
 * {@code shutdown} and {@code exit} last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LanguageServerTest {

  private static final Path PROTOCOLS = Path.of("../protocols");
  private static JsonRpcClient client;
  private static int version;

  @BeforeAll
  static void start() throws IOException, InterruptedException {
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-cp", System.getProperty("java.class.path"),
        "org.escalon.compiler.cli.EscalonCommand", "lsp").start();
    client = new JsonRpcClient(p);
    JsonObject init = client.request("initialize",
        Map.of("processId", ProcessHandle.current().pid(), "rootUri", "file:///protocols",
            "capabilities", Map.of()));
    JsonObject caps = init.getAsJsonObject("result").getAsJsonObject("capabilities");
    for (String c : List.of("hoverProvider", "completionProvider", "definitionProvider",
        "referencesProvider", "renameProvider", "documentFormattingProvider",
        "documentSymbolProvider", "codeActionProvider")) {
      assertTrue(caps.has(c), c + " in " + caps);
    }
    client.notify("initialized", Map.of());
  }

  @AfterAll
  static void stop() {
    client.close();
  }

  static String uri(String name) {
    return "file:///protocols/" + name;
  }

  /** Opens (or re-sends) a document and returns the diagnostics the server publishes for it. */
  static JsonArray open(String name, String text) throws IOException, InterruptedException {
    client.notify("textDocument/didOpen", Map.of("textDocument", Map.of("uri", uri(name),
        "languageId", "escalon", "version", ++version, "text", text)));
    return diagnostics(name);
  }

  static JsonArray change(String name, String text) throws IOException, InterruptedException {
    client.notify("textDocument/didChange", Map.of(
        "textDocument", Map.of("uri", uri(name), "version", ++version),
        "contentChanges", List.of(Map.of("text", text))));
    return diagnostics(name);
  }

  private static JsonArray diagnostics(String name) throws InterruptedException {
    while (true) {
      JsonObject params = client.notification("textDocument/publishDiagnostics")
          .getAsJsonObject("params");
      if (params.get("uri").getAsString().equals(uri(name))) {
        return params.getAsJsonArray("diagnostics");
      }
    }
  }

  static String kent() throws IOException {
    return Files.readString(PROTOCOLS.resolve("kent-iro.esc"));
  }

  /** The 0-based position of {@code word} first found after {@code after}. */
  static Map<String, Integer> at(String text, String after, String word) {
    int i = text.indexOf(word, text.indexOf(after));
    String before = text.substring(0, i);
    return Map.of("line", (int) before.chars().filter(c -> c == '\n').count(),
        "character", i - before.lastIndexOf('\n') - 1);
  }

  static Map<String, Object> doc(String name, Map<String, Integer> position) {
    return Map.of("textDocument", Map.of("uri", uri(name)), "position", position);
  }

  static List<String> codes(JsonArray diagnostics) {
    List<String> codes = new ArrayList<>();
    diagnostics.forEach(d -> codes.add(d.getAsJsonObject().get("code").getAsString()));
    return codes;
  }

  @Test
  @Order(1)
  void everySeedProtocolChecksWithoutErrors() throws IOException, InterruptedException {
    try (Stream<Path> files = Files.list(PROTOCOLS)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".esc")).sorted().toList()) {
        JsonArray diagnostics = open(p.getFileName().toString(), Files.readString(p));
        for (JsonElement d : diagnostics) {
          assertEquals(2, d.getAsJsonObject().get("severity").getAsInt(), p + ": " + d);
        }
      }
    }
    assertTrue(codes(open("kent-iro.esc", kent())).contains("W0601"));
  }

  @Test
  @Order(2)
  void hoverGivesTheResolvedMeaningOfAStage() throws IOException, InterruptedException {
    String kent = kent();
    open("kent-iro.esc", kent);
    JsonObject hover = client.request("textDocument/hover",
        doc("kent-iro.esc", at(kent, "when not resolved go to stage 2", "2")));
    String value = hover.getAsJsonObject("result").getAsJsonObject("contents").get("value")
        .getAsString();
    assertEquals("stage 2 \"Stage 2: to Team Manager\": to TeamManager, respond within 5 working "
        + "days, then stage 3 when no response", value);
  }

  @Test
  @Order(3)
  void definitionAndReferencesOfARole() throws IOException, InterruptedException {
    String kent = kent();
    open("kent-iro.esc", kent);
    Map<String, Object> params = doc("kent-iro.esc", at(kent, "stage 2 \"", "TeamManager"));
    JsonArray definition = client.request("textDocument/definition", params)
        .getAsJsonArray("result");
    assertEquals(at(kent, "role TeamManager", "TeamManager"), Map.of(
        "line", definition.get(0).getAsJsonObject().getAsJsonObject("range")
            .getAsJsonObject("start").get("line").getAsInt(),
        "character", definition.get(0).getAsJsonObject().getAsJsonObject("range")
            .getAsJsonObject("start").get("character").getAsInt()));
    Map<String, Object> refs = new java.util.HashMap<>(params);
    refs.put("context", Map.of("includeDeclaration", true));
    JsonArray references = client.request("textDocument/references", refs)
        .getAsJsonArray("result");
    long written = kent.lines().filter(l -> !l.stripLeading().startsWith("#"))
        .mapToLong(l -> l.split("\\bTeamManager\\b", -1).length - 1).sum();
    assertEquals(written, references.size());
  }

  @Test
  @Order(4)
  void renameAStageEverywhereAndRefuseATakenName() throws IOException, InterruptedException {
    String kent = kent();
    open("kent-iro.esc", kent);
    Map<String, Object> params = new java.util.HashMap<>(
        doc("kent-iro.esc", at(kent, "when not resolved go to stage 2", "2")));
    params.put("newName", "team");
    JsonArray edits = client.request("textDocument/rename", params).getAsJsonObject("result")
        .getAsJsonObject("changes").getAsJsonArray(uri("kent-iro.esc"));
    assertTrue(edits.size() >= 2, edits.toString());
    edits.forEach(e -> assertEquals("team", e.getAsJsonObject().get("newText").getAsString()));
    params.put("newName", "3");
    JsonObject refused = client.request("textDocument/rename", params);
    assertTrue(refused.getAsJsonObject("error").get("message").getAsString()
        .contains("already declared"), refused.toString());
  }

  @Test
  @Order(5)
  void completionOffersTheRolesAfterTo() throws IOException, InterruptedException {
    String typing = kent().replace("    to TeamManager\n", "    to Team\n");
    change("kent-iro.esc", typing);
    Map<String, Integer> p = at(typing, "stage 2 \"", "Team\n");
    JsonArray items = client.request("textDocument/completion",
        doc("kent-iro.esc", Map.of("line", p.get("line"), "character", p.get("character") + 4)))
        .getAsJsonArray("result");
    assertEquals("TeamManager", items.get(0).getAsJsonObject().get("label").getAsString());
    assertEquals(1, items.size());
  }

  @Test
  @Order(6)
  void aMisspeltRoleHasAQuickFix() throws IOException, InterruptedException {
    String text = kent().replace("    to TeamManager\n", "    to TeamManagr\n");
    JsonArray diagnostics = change("kent-iro.esc", text);
    JsonObject d = diagnostics.get(0).getAsJsonObject();
    assertTrue(d.get("message").getAsString().contains("did you mean `TeamManager`?"), d.toString());
    JsonArray actions = client.request("textDocument/codeAction", Map.of(
        "textDocument", Map.of("uri", uri("kent-iro.esc")), "range", d.get("range"),
        "context", Map.of("diagnostics", List.of(d)))).getAsJsonArray("result");
    JsonObject edit = actions.get(0).getAsJsonObject().getAsJsonObject("edit")
        .getAsJsonObject("changes").getAsJsonArray(uri("kent-iro.esc")).get(0).getAsJsonObject();
    assertEquals("TeamManager", edit.get("newText").getAsString());
    assertEquals(d.get("range"), edit.get("range"));
    JsonObject hover = client.request("textDocument/hover",
        doc("kent-iro.esc", at(text, "stage 2 \"", "TeamManagr")));
    assertTrue(hover.toString().contains("E0201") || hover.toString().contains("did you mean"));
  }

  @Test
  @Order(7)
  void daysWithoutAUnitOffersWorkingOrCalendarDays() throws IOException, InterruptedException {
    String text = kent().replaceFirst("respond within 5 working days", "respond within 5 days");
    JsonArray diagnostics = change("kent-iro.esc", text);
    assertEquals(List.of("E0301"), codes(diagnostics));
    JsonObject d = diagnostics.get(0).getAsJsonObject();
    JsonArray actions = client.request("textDocument/codeAction", Map.of(
        "textDocument", Map.of("uri", uri("kent-iro.esc")), "range", d.get("range"),
        "context", Map.of("diagnostics", List.of(d)))).getAsJsonArray("result");
    List<String> replacements = new ArrayList<>();
    actions.forEach(a -> replacements.add(a.getAsJsonObject().getAsJsonObject("edit")
        .getAsJsonObject("changes").getAsJsonArray(uri("kent-iro.esc")).get(0).getAsJsonObject()
        .get("newText").getAsString()));
    assertEquals(List.of("5 working days", "5 calendar days"), replacements);
  }

  @Test
  @Order(8)
  void aBrokenFileHasASyntaxErrorAndKeepsItsOutline() throws IOException, InterruptedException {
    String kent = kent();
    change("kent-iro.esc", kent);
    JsonArray diagnostics = change("kent-iro.esc", kent.replace("stage 3 \"", "stage 3 {{ \""));
    assertTrue(codes(diagnostics).stream().anyMatch(c -> c.startsWith("E01")), diagnostics.toString());
    JsonArray symbols = client.request("textDocument/documentSymbol",
        Map.of("textDocument", Map.of("uri", uri("kent-iro.esc")))).getAsJsonArray("result");
    assertEquals("stage informal \"Informal Resolution\"",
        symbols.get(0).getAsJsonObject().get("name").getAsString());
    assertTrue(symbols.get(3).getAsJsonObject().get("detail").getAsString()
        .contains("respond within 5 working days"));
    assertTrue(open("garbage.esc", "this is not a protocol {").size() > 0);
  }

  @Test
  @Order(9)
  void formattingGivesTheCanonicalLayout() throws IOException, InterruptedException {
    String messy = kent().replace("    to TeamManager\n", "        to    TeamManager\n");
    change("kent-iro.esc", messy);
    JsonArray edits = client.request("textDocument/formatting", Map.of(
        "textDocument", Map.of("uri", uri("kent-iro.esc")),
        "options", Map.of("tabSize", 2, "insertSpaces", true))).getAsJsonArray("result");
    String formatted = edits.get(0).getAsJsonObject().get("newText").getAsString();
    assertTrue(formatted.contains("\n    to TeamManager\n"));
    assertFalse(formatted.contains("        to    TeamManager"));
  }

  @Test
  @Order(10)
  void shutdownThenExitEndsTheServerWithZero() throws IOException, InterruptedException {
    JsonObject down = client.request("shutdown", null);
    assertTrue(down.has("result"), down.toString());
    client.notify("exit", null);
    assertTrue(client.process().waitFor(20, TimeUnit.SECONDS));
    assertEquals(0, client.process().exitValue(), client.stderr());
  }
}
