package org.escalon.compiler.generate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.escalon.model.Words;

/**
 * Turns protocol names (role names, stage keys, file names, any text) into Java identifiers that
 * cannot break the generated code: ASCII only, never a keyword or a literal, never starting with
 * a digit, and unique within one scope even when the names differ only in case or punctuation.
 * One allocator is one scope: an enum's constants, a class's members, a file's types.
 */
final class JavaNames {

  private static final Set<String> KEYWORDS = Set.of(
      "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const",
      "continue", "default", "do", "double", "else", "enum", "extends", "final", "finally",
      "float", "for", "goto", "if", "implements", "import", "instanceof", "int", "interface",
      "long", "native", "new", "package", "private", "protected", "public", "return", "short",
      "static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws",
      "transient", "try", "void", "volatile", "while", "true", "false", "null", "_", "var",
      "yield", "record", "sealed", "permits", "non-sealed");

  private final Set<String> taken = new HashSet<>();

  /** A scope where {@code reserved} names are already taken (compared ignoring case). */
  JavaNames(String... reserved) {
    for (String name : reserved) {
      taken.add(name.toLowerCase(Locale.ROOT));
    }
  }

  /** Marks a name as taken in this scope. */
  void reserve(String name) {
    taken.add(name.toLowerCase(Locale.ROOT));
  }

  /** An UPPER_SNAKE constant name; {@code prefix} goes first if the name starts with a digit. */
  String constant(String text, String prefix) {
    return unique(Words.snake(text, prefix).toUpperCase(Locale.ROOT), "_");
  }

  /** An UpperCamel type name; {@code fallback} when the text has no letters or digits. */
  String type(String text, String fallback) {
    String name = camel(Words.of(text), true);
    if (name.isEmpty()) {
      name = fallback;
    } else if (Character.isDigit(name.charAt(0))) {
      name = fallback + name;
    }
    return unique(name, "");
  }

  /** A lowerCamel member name, with {@code prefix} (itself lowerCamel) in front when given. */
  String member(String prefix, String text, String fallback) {
    List<String> words = new ArrayList<>(Words.of(prefix));
    words.addAll(Words.of(text));
    String name = camel(words, false);
    if (name.isEmpty()) {
      name = fallback;
    } else if (Character.isDigit(name.charAt(0))) {
      name = fallback + camel(words, true);
    }
    return unique(name, "");
  }

  private String unique(String name, String separator) {
    String candidate = name;
    for (int n = 2; KEYWORDS.contains(candidate) || !taken.add(candidate.toLowerCase(Locale.ROOT));
        n++) {
      candidate = name + separator + n;
    }
    return candidate;
  }

  private static String camel(List<String> words, boolean upperFirst) {
    StringBuilder out = new StringBuilder();
    for (String w : words) {
      String lower = w.toLowerCase(Locale.ROOT);
      boolean upper = upperFirst || out.length() > 0;
      out.append(upper ? Character.toUpperCase(lower.charAt(0)) + lower.substring(1) : lower);
    }
    return out.toString();
  }
}
