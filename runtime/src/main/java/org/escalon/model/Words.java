package org.escalon.model;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The words of a protocol's text, and its snake case: the one derivation behind the generated
 * Java constant names and the ids of actions written without a name (the compiler's
 * {@code ActionIds}), which the model's canonical text leaves out ({@link Canonical}).
 */
public final class Words {

  private Words() {}

  /**
   * The snake case of a text ({@code "Follow up by e-mail"} gives {@code follow_up_by_e_mail}),
   * with {@code prefix} in front when the text starts with a digit or has no letters or digits.
   */
  public static String snake(String text, String prefix) {
    String name = String.join("_", of(text)).toLowerCase(Locale.ROOT);
    if (name.isEmpty() || Character.isDigit(name.charAt(0))) {
      String lower = prefix.toLowerCase(Locale.ROOT);
      name = name.isEmpty() ? lower : lower + "_" + name;
    }
    return name;
  }

  /**
   * The words of a text: accents dropped, split at anything that is not an ASCII letter or digit
   * and between a lower-case letter and a capital ({@code QAAssistantDirector} gives QA,
   * Assistant, Director).
   */
  public static List<String> of(String text) {
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

}
