package org.escalon.compiler.syntax;

/** Quoting of protocol strings: only {@code \"} and {@code \\} are escapes. */
public final class Strings {

  private Strings() {}

  public static String unquote(String literal) {
    String body = literal.substring(1, literal.length() - 1);
    StringBuilder out = new StringBuilder(body.length());
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '\\' && i + 1 < body.length()) {
        c = body.charAt(++i);
      }
      out.append(c);
    }
    return out.toString();
  }

  public static String quote(String value) {
    return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
