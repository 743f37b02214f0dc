package org.escalon.compiler.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.escalon.compiler.EscalonCompiler;
import org.escalon.compiler.diagnostics.SourceText;
import org.escalon.model.Protocol;
import org.escalon.simulate.ScenarioParser;
import org.escalon.simulate.Simulator;
import org.escalon.simulate.Timeline;
import org.escalon.simulate.TimelineRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workspace's API over real HTTP: its answers, and what it refuses without falling over. */
class WorkspaceServerTest {

  private static final Gson GSON = new Gson();
  @TempDir Path folder;
  private WorkspaceServer server;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
      .build();
  private String kent;

  @BeforeEach
  void start() throws IOException {
    kent = Files.readString(Path.of("../protocols/kent-iro.esc"));
    Files.createDirectories(folder.resolve("work"));
    Files.writeString(folder.resolve("work/kent-iro.esc"), kent);
    Files.writeString(folder.resolve("secret.esc"), "outside");
    server = new WorkspaceServer(folder.resolve("work"), "kent-iro.esc", "127.0.0.1", 0);
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  HttpResponse<String> post(String method, String body) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
        + "/api/" + method)).timeout(Duration.ofSeconds(60))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  JsonObject ok(String method, Object body) throws IOException, InterruptedException {
    HttpResponse<String> r = post(method, GSON.toJson(body));
    assertEquals(200, r.statusCode(), r.body());
    return JsonParser.parseString(r.body()).getAsJsonObject();
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
        + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void listsOpensChecksAndServesThePageAndEditor() throws IOException, InterruptedException {
    JsonObject files = ok("files", Map.of());
    assertEquals("[\"kent-iro.esc\"]", files.get("files").toString());
    assertEquals(kent, ok("open", Map.of("path", "kent-iro.esc")).get("text").getAsString());
    JsonObject check = ok("check", Map.of("path", "kent-iro.esc", "text", kent));
    assertTrue(check.get("ladder").getAsString().startsWith("<svg"));
    assertTrue(check.get("diagnostics").toString().contains("W0601"));
    assertTrue(get("/").body().contains("<title>Escalon workspace</title>"));
    assertEquals(200, get("/codemirror/lib/codemirror.js").statusCode());
  }

  @Test
  void refusesFilesOutsideItsFolder() throws IOException, InterruptedException {
    for (String path : List.of("../secret.esc", "/etc/passwd", "../../etc/hostname.esc",
        folder.resolve("secret.esc").toString(), "kent-iro.esc/../../secret.esc")) {
      HttpResponse<String> r = post("open", GSON.toJson(Map.of("path", path)));
      assertEquals(403, r.statusCode(), path + ": " + r.body());
      HttpResponse<String> w = post("save", GSON.toJson(Map.of("path", path, "text", "x")));
      assertEquals(403, w.statusCode(), path + ": " + w.body());
    }
    assertEquals("outside", Files.readString(folder.resolve("secret.esc")));
    assertEquals(404, get("/../../etc/passwd").statusCode());
    assertEquals(404, get("/codemirror/../../../../etc/passwd").statusCode());
  }

  @Test
  void savesOnlyProtocolsInItsFolder() throws IOException, InterruptedException {
    ok("save", Map.of("path", "kent-iro.esc", "text", kent + "\n# saved\n"));
    assertTrue(Files.readString(folder.resolve("work/kent-iro.esc")).endsWith("# saved\n"));
    assertEquals(403, post("save", GSON.toJson(Map.of("path", "run.sh", "text", "x")))
        .statusCode());
  }

  @Test
  void aHugeDocumentMalformedJsonAndNonsenseAreErrorsNotCrashes()
      throws IOException, InterruptedException {
    String tenMegabytes = "#".repeat(10 * 1024 * 1024);
    assertEquals(413, post("check", GSON.toJson(Map.of("text", tenMegabytes))).statusCode());
    assertEquals(400, post("check", "{\"text\": ").statusCode());
    assertEquals(400, post("check", "[1, 2]").statusCode());
    assertEquals(400, post("check", "{\"text\": {\"a\": 1}}").statusCode());
    assertEquals(400, post("play", GSON.toJson(Map.of("text", kent, "start", "yesterday")))
        .statusCode());
    assertEquals(422, post("timeline", GSON.toJson(Map.of("text", "protocol {"))).statusCode());
    assertEquals(404, post("nothing", "{}").statusCode());
    // and it still answers
    ok("check", Map.of("path", "kent-iro.esc", "text", kent));
  }

  @Test
  void aHundredConcurrentEditsAreAllAnswered() throws IOException, InterruptedException {
    List<CompletableFuture<HttpResponse<String>>> edits = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      String text = kent.replaceFirst("respond within 5 working days",
          "respond within " + (1 + i % 9) + " working days");
      edits.add(http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
              + server.port() + "/api/check")).timeout(Duration.ofSeconds(120))
              .POST(HttpRequest.BodyPublishers.ofString(GSON.toJson(
                  Map.of("path", "kent-iro.esc", "text", text, "version", i + 1)))).build(),
          HttpResponse.BodyHandlers.ofString()));
    }
    for (CompletableFuture<HttpResponse<String>> edit : edits) {
      assertEquals(200, edit.join().statusCode());
    }
    // a page opened afterwards counts its versions from 1 again, and is answered about its text
    JsonObject broken = ok("check", Map.of("path", "kent-iro.esc", "version", 1,
        "text", kent.replaceFirst("respond within 5 working days", "respond within 5 days")));
    assertTrue(broken.get("diagnostics").toString().contains("E0301"));
    assertTrue(ok("check", Map.of("path", "kent-iro.esc", "text", kent, "version", 1))
        .get("current").getAsBoolean());
  }

  @Test
  void playGivesTheStagesAndDeadlinesTheSimulatorGivesForItsScenario()
      throws IOException, InterruptedException, Exception {
    List<Map<String, Object>> clicks = List.of(Map.of("kind", "raise"), Map.of("kind", "pass"),
        Map.of("kind", "pass"), Map.of("kind", "decide", "target", "serious"),
        Map.of("kind", "bypass", "target", "5", "reason", "the child's placement is at risk"));
    JsonObject view = ok("play", Map.of("path", "kent-iro.esc", "text", kent,
        "start", "2026-12-14", "actions", clicks));
    assertEquals("5", view.get("stage").getAsString(), view.toString());
    assertEquals("", view.get("refusal").getAsString());

    Protocol protocol = new EscalonCompiler().compile(SourceText.of("kent-iro.esc", kent))
        .protocol().orElseThrow();
    Timeline simulated = new Simulator(protocol).run(
        ScenarioParser.parse(view.get("scenario").getAsString(), "played.scenario"),
        LocalDate.of(2026, 12, 14));
    List<String> entered = simulated.rows().stream()
        .filter(r -> r.kind() == TimelineRow.Kind.RAISED || r.kind() == TimelineRow.Kind.ESCALATED)
        .map(TimelineRow::stage).toList();
    assertEquals(List.of("informal", "1", "2", "5"), entered.subList(0, 4));
    List<String> played = new ArrayList<>();
    view.getAsJsonArray("log").forEach(r -> played.add(
        r.getAsJsonObject().get("stage").getAsString() + " "
            + r.getAsJsonObject().get("what").getAsString()));
    List<String> fromSimulator = simulated.rows().stream().limit(played.size())
        .map(r -> r.stage() + " " + r.what()).toList();
    assertEquals(fromSimulator, played);
    // the deadline the panel shows is the one the simulator's table gives on entering stage 5
    String deadline = view.get("deadline").getAsString();
    String stage5 = org.escalon.simulate.TimelineFormat.TABLE.render(simulated).lines()
        .filter(l -> l.contains("escalated to Stage 5")).findFirst().orElseThrow();
    assertTrue(deadline.startsWith("close of ") && stage5.endsWith(deadline), stage5 + " / "
        + deadline);
  }

  @Test
  void aRefusedClickSaysWhyWithItsRule() throws IOException, InterruptedException {
    List<Map<String, Object>> clicks = List.of(Map.of("kind", "raise"),
        Map.of("kind", "bypass", "target", "5"));
    JsonObject view = ok("play", Map.of("path", "kent-iro.esc", "text", kent,
        "start", "2026-12-14", "actions", clicks));
    assertTrue(view.get("refusal").getAsString().contains("refused"), view.toString());
    assertEquals("informal", view.get("stage").getAsString());
  }

  @Test
  void formatsTimelinesVerifiesAndReports() throws IOException, InterruptedException {
    String messy = kent.replace("    to TeamManager\n", "      to    TeamManager\n");
    assertTrue(ok("format", Map.of("text", messy)).get("text").getAsString()
        .contains("\n    to TeamManager\n"));
    assertEquals(400, post("format", GSON.toJson(Map.of("text", "protocol {"))).statusCode());
    JsonObject timeline = ok("timeline", Map.of("text", kent, "start", "2026-12-14"));
    assertEquals(41, timeline.get("workingDays").getAsInt());
    assertTrue(ok("verify", Map.of("text", kent, "start", "2026-12-14")).get("text")
        .getAsString().contains("states"));
    HttpResponse<String> report = post("report", GSON.toJson(Map.of("text", kent,
        "start", "2026-12-14")));
    assertEquals(200, report.statusCode());
    assertTrue(report.body().startsWith("<!DOCTYPE html>"), report.body().substring(0, 40));
    int toTeamManager = kent.lines().toList().indexOf("    to TeamManager") + 1;
    JsonObject hover = ok("hover", Map.of("text", kent, "line", toTeamManager, "column", 9));
    assertTrue(hover.get("markdown").getAsString().startsWith("role TeamManager"),
        hover.toString());
  }
}
