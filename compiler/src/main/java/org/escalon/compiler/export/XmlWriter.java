package org.escalon.compiler.export;

import org.escalon.compiler.diagram.Markup;

/**
 * Writes indented XML element by element, escaping text and attribute values. Attributes are
 * given as name, value pairs; a pair whose value is null is left out.
 */
final class XmlWriter {

  private final StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  private int depth;

  XmlWriter open(String name, String... attributes) {
    start(name, attributes);
    out.append(">\n");
    depth++;
    return this;
  }

  XmlWriter close(String name) {
    depth--;
    indent();
    out.append("</").append(name).append(">\n");
    return this;
  }

  XmlWriter empty(String name, String... attributes) {
    start(name, attributes);
    out.append("/>\n");
    return this;
  }

  XmlWriter text(String name, String text, String... attributes) {
    start(name, attributes);
    out.append('>').append(Markup.escape(text)).append("</").append(name).append(">\n");
    return this;
  }

  @Override
  public String toString() {
    return out.toString();
  }

  private void start(String name, String... attributes) {
    indent();
    out.append('<').append(name);
    for (int i = 0; i + 1 < attributes.length; i += 2) {
      if (attributes[i + 1] != null) {
        out.append(' ').append(attributes[i]).append("=\"").append(Markup.escape(attributes[i + 1]))
            .append('"');
      }
    }
  }

  private void indent() {
    out.append("  ".repeat(depth));
  }
}
