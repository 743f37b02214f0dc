package org.escalon.compiler.serve;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * The page and what it loads: the workspace's own files (this package's {@code web/} resources)
 * and CodeMirror from its web jar on the class path. Only those two places are served; a path
 * with {@code ..} or anything else is not found.
 */
final class Assets {

  /** CodeMirror's web jar version, as the build put it on the class path. */
  static final String CODEMIRROR = "5.65.20";

  private static final String OWN = "/org/escalon/compiler/serve/web/";
  private static final String WEBJAR = "/META-INF/resources/webjars/codemirror/" + CODEMIRROR + "/";
  private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
      "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8",
      "svg", "image/svg+xml");

  record Asset(String contentType, byte[] bytes) {}

  Asset get(String path) throws IOException {
    String resource;
    if (path.equals("/")) {
      resource = OWN + "index.html";
    } else if (path.startsWith("/codemirror/")) {
      resource = WEBJAR + path.substring("/codemirror/".length());
    } else {
      resource = OWN + path.substring(1);
    }
    int dot = resource.lastIndexOf('.');
    String type = dot < 0 ? null : TYPES.get(resource.substring(dot + 1));
    if (path.contains("..") || path.contains("//") || type == null) {
      throw new Workspace.Refused(404, "not found: " + path);
    }
    try (InputStream in = Assets.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new Workspace.Refused(404, "not found: " + path);
      }
      return new Asset(type, in.readAllBytes());
    }
  }
}
