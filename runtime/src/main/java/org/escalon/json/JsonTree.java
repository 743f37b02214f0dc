package org.escalon.json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict JSON reader (RFC 8259) giving plain values: {@link Map} (keys in order), {@link List},
 * {@link String}, {@link BigDecimal}, {@link Boolean} and {@code null} (as {@link #NULL}). Bad
 * input is an {@link IllegalArgumentException} naming the offset, never anything else.
 */
public final class JsonTree {

  /** JSON's {@code null}, so that a map can hold it. */
  public static final Object NULL = new Object() {
    @Override
    public String toString() {
      return "null";
    }
  };

  private static final int MAX_DEPTH = 64;

  private final String text;
  private int at;

  private JsonTree(String text) {
    this.text = text;
  }

  /** The value of a JSON text. */
  public static Object parse(String text) {
    JsonTree reader = new JsonTree(text);
    Object value = reader.value(0);
    reader.space();
    if (reader.at != text.length()) {
      throw reader.error("unexpected text after the value");
    }
    return value;
  }

  /** A JSON string literal: quotes, backslashes and control characters escaped. */
  public static String string(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x2028 || c == 0x2029) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  private Object value(int depth) {
    if (depth > MAX_DEPTH) {
      throw error("nested more than " + MAX_DEPTH + " deep");
    }
    space();
    if (at >= text.length()) {
      throw error("expected a value, found the end");
    }
    char c = text.charAt(at);
    return switch (c) {
      case '{' -> object(depth);
      case '[' -> array(depth);
      case '"' -> string();
      case 't' -> word("true", Boolean.TRUE);
      case 'f' -> word("false", Boolean.FALSE);
      case 'n' -> word("null", NULL);
      default -> number();
    };
  }

  private Map<String, Object> object(int depth) {
    Map<String, Object> map = new LinkedHashMap<>();
    at++;
    space();
    if (peek('}')) {
      at++;
      return map;
    }
    while (true) {
      space();
      if (!peek('"')) {
        throw error("expected a quoted key");
      }
      String key = string();
      space();
      expect(':');
      if (map.put(key, value(depth + 1)) != null) {
        throw error("the key \"" + key + "\" appears twice");
      }
      space();
      if (peek(',')) {
        at++;
      } else {
        expect('}');
        return map;
      }
    }
  }

  private List<Object> array(int depth) {
    List<Object> list = new ArrayList<>();
    at++;
    space();
    if (peek(']')) {
      at++;
      return list;
    }
    while (true) {
      list.add(value(depth + 1));
      space();
      if (peek(',')) {
        at++;
      } else {
        expect(']');
        return list;
      }
    }
  }

  private String string() {
    at++;
    StringBuilder b = new StringBuilder();
    while (true) {
      if (at >= text.length()) {
        throw error("a string is not closed");
      }
      char c = text.charAt(at++);
      if (c == '"') {
        return b.toString();
      } else if (c < 0x20) {
        throw error("a control character in a string");
      } else if (c != '\\') {
        b.append(c);
      } else if (at >= text.length()) {
        throw error("a string is not closed");
      } else {
        char e = text.charAt(at++);
        switch (e) {
          case '"', '\\', '/' -> b.append(e);
          case 'b' -> b.append('\b');
          case 'f' -> b.append('\f');
          case 'n' -> b.append('\n');
          case 'r' -> b.append('\r');
          case 't' -> b.append('\t');
          case 'u' -> {
            if (at + 4 > text.length()) {
              throw error("a \\u escape needs four hex digits");
            }
            try {
              b.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
            } catch (NumberFormatException ex) {
              throw error("a \\u escape needs four hex digits");
            }
            at += 4;
          }
          default -> throw error("unknown escape \\" + e);
        }
      }
    }
  }

  private BigDecimal number() {
    int start = at;
    while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
      at++;
    }
    String n = text.substring(start, at);
    if (n.isEmpty() || !n.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
      at = start;
      throw error("expected a value");
    }
    return new BigDecimal(n);
  }

  private Object word(String word, Object value) {
    if (!text.startsWith(word, at)) {
      throw error("expected a value");
    }
    at += word.length();
    return value;
  }

  private void space() {
    while (at < text.length() && " \t\r\n".indexOf(text.charAt(at)) >= 0) {
      at++;
    }
  }

  private boolean peek(char c) {
    return at < text.length() && text.charAt(at) == c;
  }

  private void expect(char c) {
    if (!peek(c)) {
      throw error("expected '" + c + "'");
    }
    at++;
  }

  private IllegalArgumentException error(String what) {
    return new IllegalArgumentException("JSON at offset " + at + ": " + what);
  }
}
