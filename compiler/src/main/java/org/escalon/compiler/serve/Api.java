package org.escalon.compiler.serve;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.escalon.compiler.diagnostics.Diagnostic;
import org.escalon.compiler.report.ReportWriter;
import org.escalon.compiler.report.VerifierFindings;
import org.escalon.compiler.service.Analysis;
import org.escalon.compiler.service.Completion;
import org.escalon.compiler.service.Completions;
import org.escalon.compiler.service.DocumentService;
import org.escalon.compiler.service.Fix;
import org.escalon.compiler.service.Fixes;
import org.escalon.compiler.service.Hovers;
import org.escalon.compiler.service.CanonicalLayout;
import org.escalon.compiler.service.Position;
import org.escalon.compiler.verify.VerificationReport;
import org.escalon.compiler.verify.Verifier;
import org.escalon.model.Protocol;
import org.escalon.model.SourceSpan;
import org.escalon.simulate.Scenario;
import org.escalon.simulate.Simulator;
import org.escalon.simulate.TimelineFormat;

/**
 * The workspace's JSON API: one method per request the page makes, each answered from the
 * compiler service or the command line's own libraries (diagram, simulator, verifier, report).
 */
final class Api {

  /** The verifier stops after this many states: a findings panel must answer within seconds. */
  static final int VERIFY_MAX_STATES = 200_000;

  private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

  private final Workspace workspace;
  private final DocumentService documents = new DocumentService();
  private final AtomicInteger versions = new AtomicInteger();

  Api(Workspace workspace) {
    this.workspace = workspace;
  }

  /** An answer: its content type and bytes. */
  record Reply(String contentType, byte[] body) {
    static Reply json(Object value) {
      String text = value instanceof JsonElement e ? e.toString() : GSON.toJson(value);
      return new Reply("application/json", text.getBytes(StandardCharsets.UTF_8));
    }
  }

  Reply answer(String method, JsonObject request) throws IOException {
    return switch (method) {
      case "files" -> files();
      case "open" -> Reply.json(java.util.Map.of("path", string(request, "path"),
          "text", workspace.read(string(request, "path"))));
      case "save" -> save(request);
      case "check" -> check(request);
      case "complete" -> complete(request);
      case "hover" -> hover(request);
      case "format" -> format(request);
      case "timeline" -> Reply.json(com.google.gson.JsonParser.parseString(
          TimelineFormat.JSON.render(new Simulator(model(request)).run(Scenario.worstCase(),
              start(request)))));
      case "verify" -> verify(request);
      case "play" -> play(request);
      case "report" -> new Reply("text/html; charset=utf-8", new ReportWriter(
          new VerifierFindings()).write(model(request), start(request), Optional.empty())
          .getBytes(StandardCharsets.UTF_8));
      default -> throw new Workspace.Refused(404, "no API method `" + method + "`");
    };
  }

  private Reply files() throws IOException {
    JsonObject out = new JsonObject();
    JsonArray files = new JsonArray();
    workspace.protocols().forEach(files::add);
    out.add("files", files);
    out.addProperty("first", workspace.first());
    out.addProperty("folder", workspace.root().getFileName() == null ? "/"
        : workspace.root().getFileName().toString());
    return Reply.json(out);
  }

  private Reply save(JsonObject request) throws IOException {
    String path = string(request, "path");
    workspace.write(path, string(request, "text"));
    return Reply.json(java.util.Map.of("saved", path));
  }

  private Analysis analyse(JsonObject request) {
    String path = request.has("path") ? string(request, "path") : "untitled.esc";
    // The server numbers the versions itself: two pages (or a reloaded one) count their own
    // versions from 1, and each answer must be about the text its request sent. A page drops
    // the answers to requests it has since overtaken.
    try {
      return documents.update(path, versions.incrementAndGet(), string(request, "text"));
    } catch (DocumentService.DocumentTooLarge e) {
      throw new Workspace.Refused(413, e.getMessage());
    }
  }

  private Reply check(JsonObject request) {
    Analysis a = analyse(request);
    JsonObject out = new JsonObject();
    JsonArray diagnostics = new JsonArray();
    for (Diagnostic d : a.diagnostics()) {
      diagnostics.add(diagnostic(d));
    }
    out.add("diagnostics", diagnostics);
    out.addProperty("current", a.current());
    out.addProperty("ladder", a.ladder().orElse(""));
    return Reply.json(out);
  }

  private static JsonObject diagnostic(Diagnostic d) {
    JsonObject o = new JsonObject();
    o.addProperty("code", d.code().name());
    o.addProperty("severity", d.severity().label());
    o.addProperty("message", d.message());
    d.help().ifPresent(h -> o.addProperty("help", h));
    o.add("span", span(d.span()));
    JsonArray fixes = new JsonArray();
    for (Fix f : Fixes.of(d)) {
      JsonObject fix = new JsonObject();
      fix.addProperty("title", f.title());
      fix.addProperty("replacement", f.replacement());
      fix.add("span", span(f.span()));
      fixes.add(fix);
    }
    o.add("fixes", fixes);
    return o;
  }

  private static JsonObject span(SourceSpan s) {
    JsonObject o = new JsonObject();
    o.addProperty("line", s.line());
    o.addProperty("column", s.column());
    o.addProperty("endLine", s.endLine());
    o.addProperty("endColumn", s.endColumn());
    return o;
  }

  private Reply complete(JsonObject request) {
    Analysis a = analyse(request);
    List<JsonObject> items = new ArrayList<>();
    for (Completion c : Completions.at(a, caret(request))) {
      JsonObject item = new JsonObject();
      item.addProperty("label", c.label());
      item.addProperty("detail", c.detail());
      items.add(item);
    }
    JsonObject out = new JsonObject();
    out.add("items", GSON.toJsonTree(items));
    return Reply.json(out);
  }

  private Reply hover(JsonObject request) {
    Analysis a = analyse(request);
    JsonObject out = new JsonObject();
    Hovers.at(a, caret(request)).ifPresent(h -> {
      out.addProperty("markdown", h.markdown());
      out.add("span", span(h.span()));
    });
    return Reply.json(out);
  }

  private Reply format(JsonObject request) {
    String text = string(request, "text");
    if (text.length() > DocumentService.MAX_CHARS) {
      throw new Workspace.Refused(413, "the document is too long to format");
    }
    String formatted = CanonicalLayout.of("untitled.esc", text).orElseThrow(() -> new Workspace.Refused(400, "the protocol does not parse, so it "
            + "cannot be laid out: fix the syntax errors first"));
    return Reply.json(java.util.Map.of("text", formatted));
  }

  private Reply verify(JsonObject request) {
    Protocol p = model(request);
    LocalDate day = start(request);
    String path = request.has("path") ? string(request, "path") : "untitled.esc";
    return Reply.json(java.util.Map.of("text", VerificationReport.render(path,
        new Verifier(VERIFY_MAX_STATES).verify(p, day), day, true)));
  }

  private Reply play(JsonObject request) {
    List<PlayAction> actions = new ArrayList<>();
    if (request.has("actions")) {
      for (JsonElement e : request.getAsJsonArray("actions")) {
        actions.add(GSON.fromJson(e, PlayAction.class));
      }
    }
    if (actions.size() > 500) {
      throw new Workspace.Refused(413, "a play of more than 500 clicks is not replayed");
    }
    for (PlayAction a : actions) {
      if (a == null || a.kind() == null) {
        throw new IllegalArgumentException("each action needs a `kind`");
      }
    }
    return Reply.json(new Play(model(request), start(request)).replay(actions));
  }

  /** The model of the request's text; a protocol with errors cannot be simulated or verified. */
  private Protocol model(JsonObject request) {
    Analysis a = analyse(request);
    return a.protocol().orElseThrow(() -> new Workspace.Refused(422, "the protocol has errors: "
        + "fix them first (see the diagnostics)"));
  }

  private static LocalDate start(JsonObject request) {
    if (!request.has("start") || string(request, "start").isBlank()) {
      // the next Monday: a stable default that the page shows and can change
      LocalDate d = LocalDate.now();
      while (d.getDayOfWeek() != DayOfWeek.MONDAY) {
        d = d.plusDays(1);
      }
      return d;
    }
    try {
      return LocalDate.parse(string(request, "start"));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("`start` is not a date such as 2026-12-14");
    }
  }

  private static Position caret(JsonObject request) {
    return new Position(Math.max(1, request.get("line").getAsInt()),
        Math.max(1, request.get("column").getAsInt()));
  }

  private static String string(JsonObject request, String name) {
    JsonElement e = request.get(name);
    if (e == null || !e.isJsonPrimitive()) {
      throw new IllegalArgumentException("`" + name + "` is missing or not a string");
    }
    return e.getAsString();
  }
}
