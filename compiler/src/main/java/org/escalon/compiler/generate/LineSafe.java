package org.escalon.compiler.generate;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Optional;

/**
 * Keeps U+2028 and U+2029 (line and paragraph separators) from breaking generated code. JavaPoet
 * breaks its output into lines at every line terminator Java's regular expressions know, these
 * two included, even inside a string literal. So the protocol's texts go to the writers with each
 * separator spelled as {@code MARK} and a digit ({@code MARK} itself doubled), and the finished
 * source spells them back as the escapes {@code \}{@code u2028} and {@code \}{@code u2029}, which
 * javac reads as the characters themselves.
 */
final class LineSafe {

  /** A private-use character that marks an encoded separator. */
  private static final char MARK = '\uE000';

  private LineSafe() {}

  /** The same model with every text encoded. */
  @SuppressWarnings("unchecked")
  static <T> T encode(T value) {
    if (value instanceof String s) {
      return (T) encodeText(s);
    } else if (value instanceof List<?> list) {
      return (T) list.stream().map(LineSafe::encode).toList();
    } else if (value instanceof Optional<?> o) {
      return (T) o.map(LineSafe::encode);
    } else if (value != null && value.getClass().isRecord()) {
      return (T) record(value);
    }
    return value;
  }

  private static Object record(Object record) {
    RecordComponent[] components = record.getClass().getRecordComponents();
    Object[] values = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    try {
      for (int i = 0; i < components.length; i++) {
        values[i] = encode(components[i].getAccessor().invoke(record));
        types[i] = components[i].getType();
      }
      Constructor<?> canonical = record.getClass().getDeclaredConstructor(types);
      return canonical.newInstance(values);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot copy " + record.getClass(), e);
    }
  }

  private static String encodeText(String s) {
    if (s.indexOf('\u2028') < 0 && s.indexOf('\u2029') < 0 && s.indexOf(MARK) < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder();
    for (char c : s.toCharArray()) {
      switch (c) {
        case '\u2028' -> out.append(MARK).append('1');
        case '\u2029' -> out.append(MARK).append('2');
        case MARK -> out.append(MARK).append(MARK);
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** The generated source with the encoded separators spelled as Unicode escapes. */
  static String decode(String source) {
    if (source.indexOf(MARK) < 0) {
      return source;
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < source.length(); i++) {
      char c = source.charAt(i);
      if (c != MARK || i + 1 == source.length()) {
        out.append(c);
        continue;
      }
      char next = source.charAt(++i);
      out.append(next == '1' ? "\\u2028" : next == '2' ? "\\u2029" : String.valueOf(MARK));
    }
    return out.toString();
  }
}
