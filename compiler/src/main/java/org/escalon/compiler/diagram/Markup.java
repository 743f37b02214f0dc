package org.escalon.compiler.diagram;

/** Escaping for XML, SVG and HTML text and attribute values. */
public final class Markup {

  private Markup() {}

  /**
   * Text safe in element content and in double-quoted attribute values. A control character XML
   * 1.0 does not allow, even as a reference, becomes U+FFFD, so the document stays well formed.
   */
  public static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        default -> out.append(c < 0x20 && c != '\t' && c != '\n' && c != '\r' ? '\uFFFD' : c);
      }
    }
    return out.toString();
  }
}
