package org.escalon.simulate;

import java.util.List;

/** The little JSON the simulator and the verifier write: strings escaped, lists of strings. */
public final class Json {

  private Json() {}

  /** A JSON string: quotes, backslashes and control characters escaped, the rest as it is. */
  public static String string(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  /** A JSON array of strings. */
  public static String strings(List<String> list) {
    return "[" + String.join(", ", list.stream().map(Json::string).toList()) + "]";
  }
}
