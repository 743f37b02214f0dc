package org.escalon.compiler.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a protocol's policy-to-protocol map (the `.md` beside the `.esc`) says: the policy's
 * rule-bearing sentences with the protocol lines that encode them, what was not encoded and why,
 * and the codifier's choices where the policy is unclear or contradicts itself. A missing or
 * differently laid out map gives empty lists: the report then says so rather than guessing.
 */
public record PolicyMap(List<Sentence> sentences, List<NotEncoded> notEncoded,
    List<String> choices) {

  public PolicyMap {
    sentences = List.copyOf(sentences);
    notEncoded = List.copyOf(notEncoded);
    choices = List.copyOf(choices);
  }

  /** A sentence of the policy, where it stands, and the protocol lines that encode it. */
  public record Sentence(String text, String where, Set<Integer> lines) {
    public Sentence {
      lines = Set.copyOf(lines);
    }
  }

  /** Something the policy says that the protocol does not encode, and why. */
  public record NotEncoded(String what, String why) {}

  public static PolicyMap none() {
    return new PolicyMap(List.of(), List.of(), List.of());
  }

  private static final Pattern LINES = Pattern.compile("(\\d+)(?:\\s*[–-]\\s*(\\d+))?");
  private static final Pattern NUMBERED = Pattern.compile("^\\d+\\.\\s+(.*)$");

  /** Reads the map's Markdown. */
  public static PolicyMap parse(String markdown) {
    List<Sentence> sentences = new ArrayList<>();
    List<NotEncoded> notEncoded = new ArrayList<>();
    List<String> choices = new ArrayList<>();
    String section = "";
    StringBuilder choice = null;
    for (String line : markdown.split("\n", -1)) {
      if (line.startsWith("## ")) {
        flush(choice, choices);
        choice = null;
        section = line.substring(3).toLowerCase(Locale.ROOT);
        continue;
      }
      List<String> cells = cells(line);
      if (section.startsWith("rule-bearing") && cells.size() >= 4 && cells.get(0).matches("\\d+")) {
        sentences.add(new Sentence(plain(cells.get(1)), plain(cells.get(2)),
            lines(cells.get(cells.size() - 1))));
      } else if (section.startsWith("not encoded") && cells.size() >= 2
          && !cells.get(0).equals("What") && !cells.get(0).matches("-+")) {
        notEncoded.add(new NotEncoded(plain(cells.get(0)), plain(cells.get(1))));
      } else if (section.startsWith("contradictions")) {
        Matcher m = NUMBERED.matcher(line);
        if (m.matches()) {
          flush(choice, choices);
          choice = new StringBuilder(m.group(1));
        } else if (choice != null && !line.isBlank()) {
          choice.append(' ').append(line.strip());
        } else if (line.isBlank()) {
          flush(choice, choices);
          choice = null;
        }
      }
    }
    flush(choice, choices);
    return new PolicyMap(sentences, notEncoded, choices);
  }

  /** The policy sentences that the protocol line {@code line} encodes. */
  public List<Sentence> encodedAt(int line) {
    return sentences.stream().filter(s -> s.lines().contains(line)).toList();
  }

  private static void flush(StringBuilder choice, List<String> choices) {
    if (choice != null) {
      choices.add(plain(choice.toString()));
    }
  }

  private static List<String> cells(String line) {
    String t = line.strip();
    if (!t.startsWith("|") || !t.endsWith("|") || t.length() < 2) {
      return List.of();
    }
    List<String> cells = new ArrayList<>();
    for (String c : t.substring(1, t.length() - 1).split("\\|", -1)) {
      cells.add(c.strip());
    }
    return cells;
  }

  /** Protocol line numbers in a cell such as "119, 127; 230–233 (comment 5)". */
  private static Set<Integer> lines(String cell) {
    Set<Integer> lines = new LinkedHashSet<>();
    Matcher m = LINES.matcher(cell.replaceAll("`[^`]*`", ""));
    while (m.find()) {
      int from = Integer.parseInt(m.group(1).length() > 6 ? "0" : m.group(1));
      int to = m.group(2) == null || m.group(2).length() > 6 ? from : Integer.parseInt(m.group(2));
      for (int i = from; i <= Math.min(to, from + 500); i++) {
        lines.add(i);
      }
    }
    return lines;
  }

  /** Markdown emphasis and code marks taken out: the report escapes and sets the text itself. */
  private static String plain(String s) {
    return s.replace("**", "").replace("`", "").strip();
  }
}
