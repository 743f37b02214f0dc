package org.escalon.compiler.serve;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The workspace's HTTP server, on the JDK's {@code com.sun.net.httpserver}: the page and its
 * assets, and the JSON API ({@link Api}). Bounded: a few worker threads, requests of at most
 * {@link #MAX_BODY} bytes, every failure answered with a status and a message in JSON.
 */
public final class WorkspaceServer implements AutoCloseable {

  /** The largest request body read; a protocol is far smaller, a longer body is refused. */
  public static final int MAX_BODY = 2 * 1024 * 1024;

  /** How much of an oversized body is read and dropped before the refusal is sent. */
  private static final long MAX_DRAIN = 64L * 1024 * 1024;

  private static final Gson GSON = new Gson();

  private final HttpServer http;
  private final ExecutorService workers;
  private final Api api;
  private final Assets assets = new Assets();

  /**
   * @param host the address to listen on: {@code 127.0.0.1} unless told otherwise
   * @param port the port, or 0 for any free one
   */
  public WorkspaceServer(java.nio.file.Path root, String first, String host, int port)
      throws IOException {
    this.api = new Api(new Workspace(root, first));
    this.http = HttpServer.create(new InetSocketAddress(host, port), 64);
    // four workers: edits from one page come one at a time; more pages wait their turn
    this.workers = Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "escalon-serve");
      t.setDaemon(true);
      return t;
    });
    http.setExecutor(workers);
    http.createContext("/", this::handle);
  }

  public void start() {
    http.start();
  }

  public int port() {
    return http.getAddress().getPort();
  }

  @Override
  public void close() {
    http.stop(0);
    workers.shutdownNow();
    try {
      workers.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      try {
        if (path.startsWith("/api/")) {
          if (!"POST".equals(exchange.getRequestMethod())) {
            throw new Workspace.Refused(405, "the API takes POST requests with a JSON body");
          }
          JsonObject request = body(exchange);
          Api.Reply reply = api.answer(path.substring(5), request);
          send(exchange, 200, reply.contentType(), reply.body());
        } else if ("GET".equals(exchange.getRequestMethod())) {
          Assets.Asset asset = assets.get(path);
          send(exchange, 200, asset.contentType(), asset.bytes());
        } else {
          throw new Workspace.Refused(405, "only GET for pages and POST for the API");
        }
      } catch (Workspace.Refused e) {
        error(exchange, e.status, e.getMessage());
      } catch (JsonParseException | IllegalStateException | IllegalArgumentException
          | UnsupportedOperationException | ClassCastException | NullPointerException e) {
        error(exchange, 400, "malformed request: " + e.getMessage());
      } catch (NoSuchFileException e) {
        error(exchange, 404, "no such file or folder: " + e.getMessage());
      } catch (IOException e) {
        error(exchange, 500, "cannot read or write: " + e.getMessage());
      } catch (RuntimeException | StackOverflowError e) {
        error(exchange, 500, "internal error: " + e);
      }
    }
  }

  private static JsonObject body(HttpExchange exchange) throws IOException {
    InputStream in = exchange.getRequestBody();
    byte[] bytes = in.readNBytes(MAX_BODY + 1);
    if (bytes.length > MAX_BODY) {
      // read the rest (up to a bound) so that the client hears the refusal, not a reset
      byte[] drop = new byte[64 * 1024];
      long dropped = 0;
      for (int n = in.read(drop); n >= 0 && dropped < MAX_DRAIN; n = in.read(drop)) {
        dropped += n;
      }
      throw new Workspace.Refused(413, "the request is larger than " + MAX_BODY
          + " bytes; a protocol is far smaller");
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.isBlank()) {
      return new JsonObject();
    }
    return JsonParser.parseString(text).getAsJsonObject();
  }

  private static void error(HttpExchange exchange, int status, String message) throws IOException {
    JsonObject e = new JsonObject();
    e.addProperty("error", message);
    send(exchange, status, "application/json", GSON.toJson(e).getBytes(StandardCharsets.UTF_8));
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }
}
