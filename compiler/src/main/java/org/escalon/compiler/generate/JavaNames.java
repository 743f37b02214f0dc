package org.escalon.compiler.generate;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

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
    List<String> words = words(text);
    String name = String.join("_", words).toUpperCase(Locale.ROOT);
    if (name.isEmpty() || Character.isDigit(name.charAt(0))) {
      name = name.isEmpty() ? prefix : prefix + "_" + name;
    }
    return unique(name, "_");
  }

  /** An UpperCamel type name; {@code fallback} when the text has no letters or digits. */
  String type(String text, String fallback) {
    String name = camel(words(text), true);
    if (name.isEmpty()) {
      name = fallback;
    } else if (Character.isDigit(name.charAt(0))) {
      name = fallback + name;
    }
    return unique(name, "");
  }

  /** A lowerCamel member name, with {@code prefix} (itself lowerCamel) in front when given. */
  String member(String prefix, String text, String fallback) {
    List<String> words = new ArrayList<>(words(prefix));
    words.addAll(words(text));
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

  /**
   * The words of a text: accents dropped, split at anything that is not an ASCII letter or digit
   * and between a lower-case letter and a capital ({@code QAAssistantDirector} gives QA,
   * Assistant, Director).
   */
  static List<String> words(String text) {
    String ascii = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < ascii.length(); i++) {
      char c = ascii.charAt(i);
      boolean letterOrDigit = c < 128 && Character.isLetterOrDigit(c);
      if (!letterOrDigit) {
        flush(word, words);
        continue;
      }
      if (word.length() > 0 && startsWord(ascii, i)) {
        flush(word, words);
      }
      word.append(c);
    }
    flush(word, words);
    return words;
  }

  private static boolean startsWord(String s, int i) {
    char c = s.charAt(i);
    char before = s.charAt(i - 1);
    if (Character.isUpperCase(c) && Character.isDigit(before)) {
      return true;
    }
    if (!Character.isUpperCase(c)) {
      return Character.isDigit(c) != Character.isDigit(before) && !Character.isDigit(c);
    }
    if (Character.isLowerCase(before)) {
      return true;
    }
    // the last capital of an acronym starts the next word: QAAssistant -> QA, Assistant
    return Character.isUpperCase(before) && i + 1 < s.length()
        && Character.isLowerCase(s.charAt(i + 1));
  }

  private static void flush(StringBuilder word, List<String> words) {
    if (word.length() > 0) {
      words.add(word.toString());
      word.setLength(0);
    }
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
