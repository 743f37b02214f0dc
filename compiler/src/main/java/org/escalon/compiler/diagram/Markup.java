package org.escalon.compiler.diagram;

/** Escaping for XML, SVG and HTML text and attribute values. */
public final class Markup {

  private Markup() {}

  /** Text safe in element content and in double-quoted attribute values. */
  public static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
