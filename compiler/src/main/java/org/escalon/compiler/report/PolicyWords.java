package org.escalon.compiler.report;

import java.util.Locale;

/**
 * A citation's text as the report shows it beside the policy map's sentence: a citation is
 * written {@code "Section: the words"}, and where the sentence holds the words they are marked in
 * it rather than quoted a second time.
 */
final class PolicyWords {

  /** Shorter words are too common to say which part of a sentence a rule comes from. */
  private static final int SHORTEST = 12;

  private PolicyWords() {}

  /** The part of the policy a citation names ("IRO responsibilities"), or "" if it names none. */
  static String section(String citation) {
    int colon = citation.indexOf(": ");
    return colon < 0 ? "" : citation.substring(0, colon);
  }

  /** The cited words, without the section they are in. */
  static String words(String citation) {
    int colon = citation.indexOf(": ");
    return colon < 0 ? citation : citation.substring(colon + 2);
  }

  /**
   * The sentence with the words marked where it holds them (compared without regard to case),
   * or the sentence unchanged. Both are HTML already escaped the same way.
   */
  static String mark(String sentence, String words) {
    if (words.length() < SHORTEST) {
      return sentence;
    }
    int at = sentence.toLowerCase(Locale.ROOT).indexOf(words.toLowerCase(Locale.ROOT));
    // words already inside another citation's mark are left to be quoted on their own
    if (at < 0 || marks(sentence.substring(0, at), "<mark>")
        != marks(sentence.substring(0, at), "</mark>")
        || sentence.substring(at, at + words.length()).contains("mark>")) {
      return sentence;
    }
    return sentence.substring(0, at) + "<mark>" + sentence.substring(at, at + words.length())
        + "</mark>" + sentence.substring(at + words.length());
  }

  private static int marks(String html, String tag) {
    int n = 0;
    for (int i = html.indexOf(tag); i >= 0; i = html.indexOf(tag, i + 1)) {
      n++;
    }
    return n;
  }
}
