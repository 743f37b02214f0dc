package org.escalon.simulate;

/**
 * What a protocol's text may not carry into an output as it is. Titles, citations and names come
 * from whoever wrote the protocol, and a hostile one holds terminal escapes (ESC, BEL), NUL,
 * bidirectional overrides that reorder what a reader sees, line separators and non-characters.
 * Each output format escapes in one place (CSV cells in {@link TimelineCsv}, iCalendar text in
 * {@link TimelineIcs}, DOT, Mermaid and XML in the compiler's exporters, the terminal in the
 * command line's writer), and each starts from {@link #visible}.
 */
public final class Escapes {

  private Escapes() {}

  /**
   * Whether a character is unsafe to show as it is: a control character other than tab and line
   * feed, a line or paragraph separator, a bidirectional control, a non-character or half a
   * surrogate pair.
   */
  public static boolean unsafe(String s, int i) {
    char c = s.charAt(i);
    if (c == '\t' || c == '\n') {
      return false;
    }
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
    }
    int type = Character.getType(c);
    return type == Character.CONTROL || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR || bidi(c) || c == '\uFFFE' || c == '\uFFFF';
  }

  private static boolean bidi(char c) {
    return c == '\u061C' || c == '\u200E' || c == '\u200F' || (c >= '\u202A' && c <= '\u202E')
        || (c >= '\u2066' && c <= '\u2069');
  }

  /**
   * The text with each unsafe character written as {@code \\u} and its four hex digits, which
   * anyone can read.
   */
  public static String visible(String s) {
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      if (unsafe(s, i)) {
        if (out == null) {
          out = new StringBuilder(s.length() + 8).append(s, 0, i);
        }
        out.append(String.format("\\u%04X", (int) s.charAt(i)));
      } else if (out != null) {
        out.append(s.charAt(i));
      }
    }
    return out == null ? s : out.toString();
  }

  /**
   * A CSV cell a spreadsheet shows as text, as OWASP recommends against formula injection: a cell
   * that starts with {@code = + - @}, a tab or a carriage return gets a leading apostrophe, and
   * every cell that could be read otherwise is quoted. Unsafe characters are made visible first.
   */
  public static String csvCell(String s) {
    String v = visible(s);
    boolean formula = !v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0;
    if (formula) {
      v = "'" + v;
    }
    boolean quote = formula || v.contains(",") || v.contains("\"") || v.contains("\n")
        || v.contains("\r");
    return quote ? '"' + v.replace("\"", "\"\"") + '"' : v;
  }
}
