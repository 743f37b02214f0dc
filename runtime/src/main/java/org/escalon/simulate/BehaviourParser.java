package org.escalon.simulate;

import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a behaviour file: a {@code population} name, then an {@code every stage:} line and any
 * {@code stage KEY:} lines, each a list of {@code responds 70% within 1 to 7 working days},
 * {@code resolves 40%}, {@code bypass 5%}, {@code more time 10%}. A stage line starts from the
 * every-stage values and changes only what it names.
 */
public final class BehaviourParser {

  private BehaviourParser() {}

  public static Behaviour parse(String text, String file) throws ScenarioException {
    String name = "";
    StageBehaviour every = StageBehaviour.NOBODY;
    Map<String, ScenarioLine> stageLines = new TreeMap<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      ScenarioLine w = ScenarioLine.of(file, i + 1, lines[i]);
      if (w.isEmpty()) {
        continue;
      }
      if (w.accept("population")) {
        name = w.text("the population's name");
        w.end();
      } else if (w.accept("every", "stage")) {
        w.expect(":", "after `every stage`");
        every = fields(w, every);
      } else if (w.accept("stage")) {
        String stage = w.name("a stage");
        w.expect(":", "after the stage");
        if (stageLines.put(stage, w) != null) {
          throw w.error("stage " + stage + " has two lines", "put what it says on one line");
        }
      } else {
        throw w.error("expected `population`, `every stage:` or `stage KEY:`",
            "see docs/simulator.md");
      }
    }
    Map<String, StageBehaviour> stages = new TreeMap<>();
    for (Map.Entry<String, ScenarioLine> e : stageLines.entrySet()) {
      stages.put(e.getKey(), fields(e.getValue(), every));
    }
    if (name.isEmpty()) {
      throw new ScenarioException(file, 1, 1, "a behaviour file needs a name",
          "begin the file with: population \"what these rates are\"");
    }
    return new Behaviour(name, every, stages);
  }

  private static StageBehaviour fields(ScenarioLine w, StageBehaviour from) throws ScenarioException {
    double respond = from.respond();
    int fastest = from.fastest();
    int slowest = from.slowest();
    double resolve = from.resolve();
    double bypass = from.bypass();
    double extension = from.extension();
    do {
      if (w.accept("responds")) {
        respond = w.percent("the chance of a response");
        w.expect("within", "then: 1 to 7 working days");
        fastest = w.number("the fewest working days");
        w.expect("to", "between the fewest and the most working days");
        slowest = w.number("the most working days");
        if (slowest < fastest) {
          throw w.error("the most working days is fewer than the fewest", "");
        }
        if (!w.accept("working", "days")) {
          w.expect("working", "day");
          w.expect("day", "");
        }
      } else if (w.accept("resolves")) {
        resolve = w.percent("the chance a response resolves");
      } else if (w.accept("bypass")) {
        bypass = w.percent("the chance of a bypass");
      } else if (w.accept("more", "time")) {
        extension = w.percent("the chance of asking for more time");
      } else {
        throw w.error("expected `responds`, `resolves`, `bypass` or `more time`", "");
      }
    } while (w.accept(","));
    w.end();
    return new StageBehaviour(respond, fastest, slowest, resolve, bypass, extension);
  }
}
