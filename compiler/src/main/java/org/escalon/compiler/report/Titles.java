package org.escalon.compiler.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.escalon.model.Outcome;
import org.escalon.model.Protocol;
import org.escalon.model.Role;
import org.escalon.model.Stage;

/**
 * Puts titles where text from elsewhere (the verifier's messages, the simulator's rows) names a
 * role, stage or outcome by its code name: "QAAssistantDirector has not agreed" becomes
 * "Assistant Director of QA has not agreed". A board reads titles; the code names are for the
 * file. A code name that is a word of its own title (`IRO` in "Independent Reviewing Officer
 * (IRO)") is left as it is, since the policy itself uses it.
 */
final class Titles {

  private final Map<Pattern, String> replacements = new LinkedHashMap<>();
  private final List<String> titles = new ArrayList<>();

  Titles(Protocol protocol) {
    for (Stage stage : protocol.stages()) {
      if (!stage.key().chars().allMatch(Character::isDigit)) {
        put("\\bstage " + Pattern.quote(stage.key()) + "\\b", "\u201C" + stage.title() + "\u201D");
      }
    }
    for (Role role : protocol.roles()) {
      if (!containsWord(role.title(), role.name())) {
        put("\\b" + Pattern.quote(role.name()) + "\\b", role.title());
      }
    }
    for (Role role : protocol.roles()) {
      titles.add(role.title());
    }
    titles.add(protocol.name());
    protocol.limits().forEach(l -> titles.add(l.title()));
    protocol.properties().forEach(p -> titles.add(p.title()));
    for (Outcome outcome : protocol.outcomes()) {
      if (!outcome.builtIn() && !containsWord(outcome.title(), outcome.name())) {
        put("(?<![\\w\"])" + Pattern.quote(outcome.name()) + "\\b", outcome.title());
      }
    }
  }

  private void put(String regex, String title) {
    titles.add(title);
    replacements.put(Pattern.compile(regex), title);
  }

  private static boolean containsWord(String title, String name) {
    return Pattern.compile("\\b" + Pattern.quote(name) + "\\b").matcher(title).find();
  }

  /**
   * The text with each code name replaced by its title. Titles already in the text are set aside
   * first, so that a code name inside another title ("IRO" in "IRO legal counsel") stays; so is
   * each title put in, so that a later code name is not found inside it (the outcome `mscb` in
   * the role title "Medway Safeguarding Children Board (mscb@medway.gov.uk)").
   */
  String in(String text) {
    titles.sort(Comparator.comparingInt(String::length).reversed());
    List<String> kept = new ArrayList<>();
    String out = text;
    for (String title : titles) {
      if (out.contains(title)) {
        out = out.replace(title, "\u0000" + kept.size() + "\u0000");
        kept.add(title);
      }
    }
    for (Map.Entry<Pattern, String> r : replacements.entrySet()) {
      out = r.getKey().matcher(out).replaceAll(m -> {
        kept.add(r.getValue());
        return "\u0000" + (kept.size() - 1) + "\u0000";
      });
    }
    for (int i = 0; i < kept.size(); i++) {
      out = out.replace("\u0000" + i + "\u0000", kept.get(i));
    }
    return out;
  }
}
