package org.escalon.compiler.diagram;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.escalon.model.Condition;
import org.escalon.model.Precondition;
import org.escalon.model.Protocol;
import org.escalon.model.Right;
import org.escalon.model.Stage;
import org.escalon.model.Step;
import org.escalon.model.Target;
import org.escalon.model.TimeUnit;
import org.escalon.model.Timescale;

/**
 * The protocol's parts in the words a policy officer uses: role titles, timescales, conditions and
 * preconditions. Shared by the diagrams, the exports' labels and the report's plain English.
 */
public final class Words {

  private final Protocol protocol;
  private final boolean full;

  /** Words for labels: attributes by their names ("immediate risk"). */
  public Words(Protocol protocol) {
    this(protocol, false);
  }

  private Words(Protocol protocol, boolean full) {
    this.protocol = protocol;
    this.full = full;
  }

  /** Words for prose: attributes by their titles ("the child is at immediate risk"). */
  public static Words inFull(Protocol protocol) {
    return new Words(protocol, true);
  }

  /** "a", "a and b", "a, b and c". */
  public static String list(List<String> items) {
    if (items.isEmpty()) {
      return "";
    }
    if (items.size() == 1) {
      return items.get(0);
    }
    return String.join(", ", items.subList(0, items.size() - 1)) + " and "
        + items.get(items.size() - 1);
  }

  /**
   * A role's display title, or its name if the protocol has no such role. In prose a title that
   * begins with an article ("The young person") is written mid-sentence ("the young person").
   */
  public String role(String name) {
    String title = protocol.role(name).map(r -> r.title()).orElse(name);
    return full && title.startsWith("The ") ? "the " + title.substring(4) : title;
  }

  /** Role titles joined into a phrase. */
  public String roles(List<String> names) {
    return list(names.stream().map(this::role).toList());
  }

  /** A stage as the protocol numbers it: "stage 4", "stage informal". */
  public static String stage(String key) {
    return "stage " + key;
  }

  /** Several stages: "stage 4", "stages 4, 5 and 6". */
  public static String stages(List<String> keys) {
    return keys.size() == 1 ? stage(keys.get(0)) : "stages " + list(keys);
  }

  /** A stage or outcome by its key or name. */
  public String target(Target target) {
    if (target instanceof Target.ToStage s) {
      return stage(s.key());
    }
    String name = ((Target.ToOutcome) target).name();
    return name.equals(Target.RESOLVED) ? "resolved" : name;
  }

  /** A stage's or outcome's title. */
  public String title(Target target) {
    if (target instanceof Target.ToStage s) {
      return protocol.stage(s.key()).map(Stage::title).orElse(stage(s.key()));
    }
    String name = ((Target.ToOutcome) target).name();
    return protocol.outcome(name).map(o -> o.title()).orElse(name);
  }

  /** When a timescale ends, relative to the stage: "within 5 working days", "the same working day". */
  public String due(Timescale t) {
    String amount = t.duration().unit() == TimeUnit.SAME_WORKING_DAY ? "the same working day"
        : t.duration().toString();
    String due;
    if (t.anchor() instanceof Timescale.Anchor.EscalationStart) {
      due = "by " + amount + " after the start";
    } else if (t.anchor() instanceof Timescale.Anchor.Event e) {
      due = "by " + amount + " after " + eventTitle(e.name());
    } else {
      due = t.duration().unit() == TimeUnit.SAME_WORKING_DAY ? amount : "within " + amount;
    }
    return t.when().map(c -> due + " if " + condition(c)).orElse(due);
  }

  /** Every timescale of a stage in one phrase; empty when it has none. */
  public String timescales(Stage stage) {
    return String.join("; ", stage.timescales().stream().map(this::due).toList());
  }

  /** A condition, with attribute names as written ("immediate risk"). */
  public String condition(Condition c) {
    if (c instanceof Condition.Holds h) {
      return attribute(h.attribute());
    } else if (c instanceof Condition.Is i) {
      return attribute(i.attribute()) + " is " + i.value().replace('_', ' ');
    } else if (c instanceof Condition.Not n) {
      return "not " + bracketed(n.operand());
    } else if (c instanceof Condition.And a) {
      return bracketed(a.left()) + " and " + bracketed(a.right());
    }
    Condition.Or o = (Condition.Or) c;
    return bracketed(o.left()) + " or " + bracketed(o.right());
  }

  private String bracketed(Condition c) {
    boolean compound = c instanceof Condition.And || c instanceof Condition.Or;
    return compound ? "(" + condition(c) + ")" : condition(c);
  }

  private String attribute(String name) {
    if (full) {
      return protocol.attributes().stream().filter(a -> a.name().equals(name)).findFirst()
          .map(a -> a.title()).orElse(name.replace('_', ' '));
    }
    return name.replace('_', ' ');
  }

  /** A declared event by its title. */
  public String eventTitle(String name) {
    return protocol.events().stream().filter(e -> e.name().equals(name)).findFirst()
        .map(e -> e.title()).orElse(name.replace('_', ' '));
  }

  /** What must hold before a stage or outcome is entered: "completed stage 4 and stage 5". */
  public String precondition(Precondition p) {
    if (p instanceof Precondition.Completed c) {
      return "completed " + stages(c.stages());
    } else if (p instanceof Precondition.Agreement a) {
      return "agreement of " + role(a.role());
    } else if (p instanceof Precondition.Advice a) {
      return "advice of " + role(a.role());
    }
    return "if " + condition(((Precondition.Holds) p).condition());
  }

  /** The preconditions of a stage or outcome, and its condition, one phrase each. */
  public List<String> requirements(Target target) {
    List<String> out = new ArrayList<>();
    if (target instanceof Target.ToStage s) {
      protocol.stage(s.key()).ifPresent(stage -> {
        stage.preconditions().forEach(p -> out.add(precondition(p)));
        stage.onlyIf().ifPresent(c -> out.add("only if " + condition(c)));
      });
    } else {
      protocol.outcome(((Target.ToOutcome) target).name())
          .ifPresent(o -> o.preconditions().forEach(p -> out.add(precondition(p))));
    }
    return out;
  }

  /** Who a stage or outcome goes to: "to Team Manager", one phrase per statement. */
  public List<String> recipients(List<Step> steps) {
    List<String> out = new ArrayList<>();
    for (Step step : steps) {
      if (step instanceof Step.EscalateTo e) {
        out.add("to " + roles(e.roles()) + (e.bothAgencies() ? " in both agencies" : "")
            + e.when().map(c -> " if " + condition(c)).orElse(""));
      }
    }
    return out;
  }

  /** The reminders a stage sends: "remind Director every 2 weeks until resolved". */
  public List<String> reminders(List<Step> steps) {
    List<String> out = new ArrayList<>();
    for (Step step : steps) {
      if (step instanceof Step.Remind r) {
        out.add("remind " + roles(r.roles()) + " every " + r.every()
            + (r.untilResolved() ? " until resolved" : "")
            + r.when().map(c -> " if " + condition(c)).orElse(""));
      }
    }
    return out;
  }

  /** A right as one sentence: "IRO may bypass to stage 2, stage 3 and stage 4, with reason". */
  public String right(Right r) {
    String verb = switch (r.kind()) {
      case START -> "start at ";
      case BYPASS -> "bypass to ";
      case REFER -> "refer to ";
    };
    boolean allStages = r.kind() != Right.Kind.REFER && r.targets().size() > 1
        && r.targets().size() == protocol.stages().size();
    boolean onlyStages = r.targets().stream().allMatch(Target.ToStage.class::isInstance);
    String targets = r.laterOnly() ? "any later stage" : allStages ? "any stage"
        : onlyStages ? stages(r.targets().stream().map(t -> ((Target.ToStage) t).key()).toList())
        : list(r.targets().stream().map(this::target).toList());
    StringBuilder out = new StringBuilder(r.role()).append(" may ").append(verb).append(targets);
    if (r.kind() == Right.Kind.REFER) {
      out.append(" at any time");
    }
    if (r.concurrently()) {
      out.append(", concurrently");
    }
    if (r.reasonRequired()) {
      out.append(", with reason");
    }
    r.when().ifPresent(c -> out.append(", if ").append(condition(c)));
    return out.toString();
  }

  /** The lower-case name of an enum constant, for labels. */
  public static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
