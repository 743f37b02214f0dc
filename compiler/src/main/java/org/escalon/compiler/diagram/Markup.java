package org.escalon.compiler.diagram;

import org.escalon.simulate.Escapes;

/** Escaping for XML, SVG and HTML text and attribute values. */
public final class Markup {

  private Markup() {}

  /**
   * Text safe in element content and in double-quoted attribute values. A character XML 1.0
   * does not allow, even as a reference (a control character, U+FFFE, U+FFFF, half a surrogate
   * pair), becomes U+FFFD, so the document stays well formed; so do the other characters {@link
   * Escapes#unsafe} names (line separators, bidirectional overrides that reorder what a reader
   * sees).
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
        default -> out.append(c != '\r' && Escapes.unsafe(s, i) ? '\uFFFD' : c);
      }
    }
    return out.toString();
  }
}
