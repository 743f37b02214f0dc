package org.escalon.simulate;

import java.util.List;

/** The little JSON the simulator and the verifier write: strings escaped, lists of strings. */
public final class Json {

  private Json() {}

  /** A JSON string: quotes, backslashes and control characters escaped, the rest as it is. */
  public static String string(String s) {
    return org.escalon.json.JsonTree.string(s);
  }

  /** A JSON array of strings. */
  public static String strings(List<String> list) {
    return "[" + String.join(", ", list.stream().map(Json::string).toList()) + "]";
  }
}
