package org.escalon.compiler.lsp;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An editor's end of the language server's pipes: JSON-RPC messages framed with {@code
 * Content-Length}, as VS Code writes and reads them, with nothing of LSP4J in between.
 */
final class JsonRpcClient implements Closeable {

  private static final Gson GSON = new Gson();

  private final Process process;
  private final OutputStream out;
  private final BlockingQueue<JsonObject> responses = new LinkedBlockingQueue<>();
  private final BlockingQueue<JsonObject> notifications = new LinkedBlockingQueue<>();
  private final Thread reader;
  private int nextId;

  JsonRpcClient(Process process) {
    this.process = process;
    this.out = process.getOutputStream();
    this.reader = new Thread(this::read, "lsp-client-reader");
    reader.setDaemon(true);
    reader.start();
  }

  /** Sends a request and waits (at most 30 s) for its response. */
  JsonObject request(String method, Object params) throws IOException, InterruptedException {
    int id = ++nextId;
    JsonObject message = message(method, params);
    message.addProperty("id", id);
    send(message);
    JsonObject response = responses.poll(30, TimeUnit.SECONDS);
    if (response == null) {
      throw new IllegalStateException("no response to " + method + "; stderr: " + stderr());
    }
    if (response.get("id").getAsInt() != id) {
      throw new IllegalStateException("response to another request: " + response);
    }
    return response;
  }

  void notify(String method, Object params) throws IOException {
    send(message(method, params));
  }

  /** The next notification the server sends with this method, waiting at most 30 s. */
  JsonObject notification(String method) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < until) {
      JsonObject n = notifications.poll(1, TimeUnit.SECONDS);
      if (n != null && method.equals(n.get("method").getAsString())) {
        return n;
      }
    }
    throw new IllegalStateException("no " + method + " notification");
  }

  private static JsonObject message(String method, Object params) {
    JsonObject message = new JsonObject();
    message.addProperty("jsonrpc", "2.0");
    message.addProperty("method", method);
    message.add("params", params instanceof JsonElement e ? e : GSON.toJsonTree(params));
    return message;
  }

  private synchronized void send(JsonObject message) throws IOException {
    byte[] body = message.toString().getBytes(StandardCharsets.UTF_8);
    out.write(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    out.write(body);
    out.flush();
  }

  private void read() {
    InputStream in = process.getInputStream();
    try {
      while (true) {
        int length = -1;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
          if (header.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
            length = Integer.parseInt(header.substring(15).trim());
          }
        }
        if (length < 0) {
          return;
        }
        JsonObject message = JsonParser.parseString(
            new String(in.readNBytes(length), StandardCharsets.UTF_8)).getAsJsonObject();
        (message.has("id") && !message.has("method") ? responses : notifications).add(message);
      }
    } catch (IOException | RuntimeException e) {
      // the server has gone; the waiting side times out and says so
    }
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new IOException("end of stream");
      }
      if (c != '\r') {
        line.write(c);
      }
    }
    return line.toString(StandardCharsets.US_ASCII);
  }

  String stderr() {
    try {
      return process.getErrorStream().available() > 0
          ? new String(process.getErrorStream().readNBytes(process.getErrorStream().available()),
              StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      return "";
    }
  }

  Process process() {
    return process;
  }

  @Override
  public void close() {
    process.destroy();
  }
}
