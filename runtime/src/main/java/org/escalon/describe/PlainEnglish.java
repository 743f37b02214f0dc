package org.escalon.describe;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.escalon.machine.AnchorCases;
import org.escalon.machine.ClaimCases;
import org.escalon.machine.Guard;
import org.escalon.machine.OperationalModel;
import org.escalon.machine.StepCases;
import org.escalon.machine.TargetCases;
import org.escalon.model.Claim;
import org.escalon.model.Condition;
import org.escalon.model.Manner;
import org.escalon.model.Precondition;
import org.escalon.model.Protocol;
import org.escalon.model.Right;
import org.escalon.model.Stage;
import org.escalon.model.Step;
import org.escalon.model.Target;
import org.escalon.model.TimeUnit;
import org.escalon.model.Timescale;

/**
 * The one describer of a protocol in plain English: its parts in the words a policy officer uses
 * (role titles, timescales, conditions, requirements, trigger rules, rights). Every condition,
 * requirement and trigger rule is described as the operational model's {@link Guard}, through
 * its visitor, so a new kind of guard does not compile here until it has its words. Shared by the
 * diagrams, the exports' labels, the report's plain English and the revision notes.
 */
public final class PlainEnglish {

  /** How the tools mark a step the policy recommends rather than requires. */
  public static final String GOOD_PRACTICE = "good practice, not required";


  private final Protocol protocol;
  private final boolean full;

  /** Words for labels: attributes by their names ("immediate risk"). */
  public PlainEnglish(Protocol protocol) {
    this(protocol, false);
  }

  private PlainEnglish(Protocol protocol, boolean full) {
    this.protocol = protocol;
    this.full = full;
  }

  /** Words for prose: attributes by their titles ("the child is at immediate risk"). */
  public static PlainEnglish inFull(Protocol protocol) {
    return new PlainEnglish(protocol, true);
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

  /**
   * Who raises escalations: the role's title, or the titles joined by "or" when several may
   * ({@code raised by IRO or CPChair}).
   */
  public String raisers() {
    return anyOf(protocol.header().raisers());
  }

  /** Roles any one of whom will do, by title: "Social Worker, Case-holding manager or ...". */
  public String anyOf(List<String> names) {
    List<String> titles = names.stream().map(this::role).toList();
    return titles.size() == 1 ? titles.get(0)
        : String.join(", ", titles.subList(0, titles.size() - 1)) + " or "
            + titles.get(titles.size() - 1);
  }

  /**
   * Who decides to escalate after a soft deadline: the role that raises escalations, or, when
   * several may, whichever of them raised the case.
   */
  public String escalator() {
    return protocol.header().alsoRaisedBy().isEmpty() ? role(protocol.header().raisedBy())
        : "whichever of " + raisers() + " raised it";
  }

  /**
   * Who takes the case further from a stage, when the stage says ({@code escalated by}): "If it
   * is not resolved, the Team Manager decides to escalate it".
   */
  public Optional<String> escalating(Stage stage) {
    return stage.escalatedBy().map(e -> "If it is not resolved here, " + role(e.role())
        + " decides to escalate it, not the one who raised it");
  }

  /**
   * The clocks on raising, in words: "An escalation must be raised within 2 working days of
   * disagreement or decision (a late raise is recorded, never refused)."
   */
  public List<String> raiseClocks() {
    return protocol.header().raiseWithin().stream().map(c -> "An escalation "
        + (c.soft() ? "should" : "must") + " be raised "
        + c.firmness().filter(f -> f.word().promptly()).map(f -> f.word().words() + " (by the "
            + "close of " + (org.escalon.machine.RaiseClocks.span(c).amount() == 1
                ? "the next working day)" : "the same working day)"))
            .orElse("within " + (c.duration().unit() == TimeUnit.SAME_WORKING_DAY
                ? "the same working day" : c.duration().toString())) + " after " + String.join(" or ", c.after())
        + " (a late raise is recorded, never refused)").toList();
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
    return TargetCases.on(target, new TargetCases<>() {
      @Override
      public String stage(String key) {
        return PlainEnglish.stage(key);
      }

      @Override
      public String outcome(String name) {
        return name.equals(Target.RESOLVED) ? "resolved" : name;
      }
    });
  }

  /** A stage's or outcome's title. */
  public String title(Target target) {
    return TargetCases.on(target, new TargetCases<>() {
      @Override
      public String stage(String key) {
        return protocol.stage(key).map(Stage::title).orElse(PlainEnglish.stage(key));
      }

      @Override
      public String outcome(String name) {
        return protocol.outcome(name).map(o -> o.title()).orElse(name);
      }
    });
  }

  /** When a timescale ends, relative to the stage: "within 5 working days", "the same working day". */
  public String due(Timescale t) {
    String due = plainDue(t);
    return t.firmness().map(f -> firmness(t, f) + t.when().map(c -> " if " + condition(c))
        .orElse("")).orElse(due);
  }

  /**
   * A step's deadline written with a word for urgency: "immediately (by the close of the working
   * day its clock starts)"; the span is the word's, as at a stage ({@code Word.span}).
   */
  public static String stepUrgency(Timescale.Firmness.Word w) {
    return w.words() + " (by the close of the " + (w.span().unit() == TimeUnit.SAME_WORKING_DAY
        ? "working day its clock starts" : "next working day after its clock starts")
        + (w.soft() ? ", where possible" : "") + ")";
  }

  /**
   * A timescale with a word for its firmness: "within 5 working days, where possible (soft: if
   * missed, it is recorded and Independent Reviewing Officer decides when to escalate)",
   * "immediately (by the close of the working day the stage starts)".
   */
  private String firmness(Timescale t, Timescale.Firmness f) {
    Timescale.Firmness.Word w = f.word();
    String by = t.duration().unit() == TimeUnit.SAME_WORKING_DAY
        ? "by the close of the working day the stage starts"
        : "by the close of the " + (t.duration().amount() == 1 ? "next working day"
            : t.duration() + " after the stage starts");
    String when = w.promptly() ? w.words() + " (" + by + (w.soft() ? ", where possible" : "")
        + ")" : plainDue(t.when().isPresent() ? new Timescale(t.duration(), t.anchor(),
            java.util.Optional.empty(), t.citation(), t.span(), t.setBy()) : t) + ", "
        + w.words();
    if (!w.soft()) {
      return when;
    }
    // the stage's own escalator (`escalated by`), else whoever raised it
    String escalator = protocol.stages().stream().filter(x -> x.timescales().contains(t))
        .findFirst().flatMap(Stage::escalatedBy).map(e -> role(e.role())).orElse(escalator());
    return when + " (soft: if missed, it is recorded and " + escalator
        + " decides when to escalate" + f.assumed().map(a -> "; assumed at most " + a)
            .orElse("") + ")";
  }

  private String plainDue(Timescale t) {
    if (t.setBy().isPresent()) {
      String due = "within " + length(t);
      return t.when().map(c -> due + " if " + condition(c)).orElse(due);
    }
    String amount = t.duration().unit() == TimeUnit.SAME_WORKING_DAY ? "the same working day"
        : t.duration().toString();
    String due = t.anchor() instanceof Timescale.Anchor.StageStart
        ? (t.duration().unit() == TimeUnit.SAME_WORKING_DAY ? amount : "within " + amount)
        : "by " + amount + countedFrom(t.anchor());
    return t.when().map(c -> due + " if " + condition(c)).orElse(due);
  }

  /**
   * What a deadline counts from, as the words that follow its length: nothing for the start of its
   * own stage (the usual case), else " after the escalation was raised", " after the meeting",
   * " after the start of stage 1" or " before the conference (a date the host sets during the
   * case)". Stage timescales and step deadlines both say it this way.
   */
  public String countedFrom(Timescale.Anchor anchor) {
    return AnchorCases.on(anchor, new AnchorCases<>() {
      @Override
      public String stageStart() {
        return "";
      }

      @Override
      public String escalationStart() {
        return " after the escalation was raised";
      }

      @Override
      public String event(String name) {
        return " after " + eventTitle(name);
      }

      @Override
      public String stage(String key) {
        return " after the start of stage " + key;
      }

      @Override
      public String before(String date) {
        return " before " + dateTitle(date) + " (a date the host sets during the case)";
      }
    });
  }

  /**
   * How long a timescale counted from the stage's start is: "5 working days", "the same working
   * day", "the time set by the IRO (guide 5 working days, up to 20 working days)".
   */
  private String length(Timescale t) {
    if (t.setBy().isPresent()) {
      Timescale.SetBy set = t.setBy().get();
      return "the time set by " + String.join(" or ", set.roles().stream().map(this::role)
          .toList()) + " (" + set.guide().map(g -> "guide " + g + ", ").orElse("")
          + t.boundWords() + ")";
    }
    return t.duration().unit() == TimeUnit.SAME_WORKING_DAY ? "the same working day"
        : t.duration().toString();
  }

  /** Every timescale of a stage in one phrase; empty when it has none. */
  public String timescales(Stage stage) {
    List<Timescale> always = stage.timescales().stream().filter(t -> t.when().isEmpty()).toList();
    if (always.size() > 1) {
      // the earlier of two (or more) that always apply: the earliest deadline counts
      List<String> parts = new ArrayList<>(List.of("within the earlier of " + String.join(
          " and ", always.stream().map(this::length).toList())));
      stage.timescales().stream().filter(t -> t.when().isPresent()).map(this::due)
          .forEach(parts::add);
      return String.join("; ", parts);
    }
    return String.join("; ", stage.timescales().stream().map(this::due).toList());
  }

  /** A condition, with attribute names as written ("immediate risk"). */
  public String condition(Condition c) {
    return guard(OperationalModel.guard(c));
  }

  /**
   * A guard of the operational model: a condition ("immediate risk and not court proceedings"),
   * a requirement ("completed stages 4 and 5", "agreement of the QA Manager") or a trigger's rule
   * ("a section is graded inadequate 2 times in a row").
   */
  public String guard(Guard guard) {
    return guard.accept(new Guard.Visitor<String>() {
      @Override
      public String always() {
        return "always";
      }

      @Override
      public String attribute(Guard.Attribute g) {
        return g.value().equals("yes") ? PlainEnglish.this.attribute(g.name())
            : PlainEnglish.this.attribute(g.name()) + " is " + g.value().replace('_', ' ');
      }

      @Override
      public String completed(Guard.Completed g) {
        return "completed " + stage(g.stage());
      }

      @Override
      public String agreed(Guard.Agreed g) {
        return "agreement of " + role(g.role());
      }

      @Override
      public String advised(Guard.Advised g) {
        return "advice of " + role(g.role());
      }

      @Override
      public String done(Guard.Done g) {
        return role(g.by()) + " reporting step " + g.step() + " done";
      }

      @Override
      public String occurred(Guard.Occurred g) {
        return eventTitle(g.event()) + " has happened at least " + g.atLeast() + " times";
      }

      @Override
      public String graded(Guard.Graded g) {
        String grade = g.grade().replace('_', ' ');
        return g.times() == 1 ? "a section is graded " + grade
            : "a " + (g.sameSection() ? "section is" : "grading is") + " " + grade + " "
                + g.times() + " times in a row";
      }

      @Override
      public String elapsed(Guard.Elapsed g) {
        return "at least " + g.duration() + " have passed since " + eventTitle(g.event());
      }

      @Override
      public String not(Guard.Not g) {
        return "not " + bracketed(g.operand());
      }

      @Override
      public String and(Guard.And g) {
        List<String> stages = completedStages(g);
        return stages.isEmpty() ? bracketed(g.left()) + " and " + bracketed(g.right())
            : "completed " + stages(stages);
      }

      @Override
      public String or(Guard.Or g) {
        return bracketed(g.left()) + " or " + bracketed(g.right());
      }
    });
  }

  /** A part of a compound guard: in brackets when it is itself "and" or "or". */
  private String bracketed(Guard g) {
    return shape(g) == Shape.COMPOUND ? "(" + guard(g) + ")" : guard(g);
  }

  /** How a guard reads: on its own, as a compound, or as a requirement that names its thing. */
  private enum Shape { PLAIN, COMPOUND, NAMED }

  private static Shape shape(Guard g) {
    return g.accept(new Guard.Visitor<Shape>() {
      @Override
      public Shape always() {
        return Shape.PLAIN;
      }

      @Override
      public Shape attribute(Guard.Attribute g) {
        return Shape.PLAIN;
      }

      @Override
      public Shape completed(Guard.Completed g) {
        return Shape.NAMED;
      }

      @Override
      public Shape agreed(Guard.Agreed g) {
        return Shape.NAMED;
      }

      @Override
      public Shape advised(Guard.Advised g) {
        return Shape.NAMED;
      }

      @Override
      public Shape done(Guard.Done g) {
        return Shape.NAMED;
      }

      @Override
      public Shape occurred(Guard.Occurred g) {
        return Shape.PLAIN;
      }

      @Override
      public Shape graded(Guard.Graded g) {
        return Shape.PLAIN;
      }

      @Override
      public Shape elapsed(Guard.Elapsed g) {
        return Shape.PLAIN;
      }

      @Override
      public Shape not(Guard.Not g) {
        return Shape.PLAIN;
      }

      @Override
      public Shape and(Guard.And g) {
        return completedStages(g).isEmpty() ? Shape.COMPOUND : Shape.NAMED;
      }

      @Override
      public Shape or(Guard.Or g) {
        return Shape.COMPOUND;
      }
    });
  }

  /** The stages of a conjunction of completed stages ("completed stages 4 and 5"), else none. */
  private static List<String> completedStages(Guard g) {
    return g.accept(new Guard.Visitor<List<String>>() {
      @Override
      public List<String> always() {
        return List.of();
      }

      @Override
      public List<String> attribute(Guard.Attribute g) {
        return List.of();
      }

      @Override
      public List<String> completed(Guard.Completed g) {
        return List.of(g.stage());
      }

      @Override
      public List<String> agreed(Guard.Agreed g) {
        return List.of();
      }

      @Override
      public List<String> advised(Guard.Advised g) {
        return List.of();
      }

      @Override
      public List<String> done(Guard.Done g) {
        return List.of();
      }

      @Override
      public List<String> occurred(Guard.Occurred g) {
        return List.of();
      }

      @Override
      public List<String> graded(Guard.Graded g) {
        return List.of();
      }

      @Override
      public List<String> elapsed(Guard.Elapsed g) {
        return List.of();
      }

      @Override
      public List<String> not(Guard.Not g) {
        return List.of();
      }

      @Override
      public List<String> and(Guard.And g) {
        List<String> left = g.left().accept(this);
        List<String> right = g.right().accept(this);
        if (left.isEmpty() || right.isEmpty()) {
          return List.of();
        }
        List<String> all = new ArrayList<>(left);
        all.addAll(right);
        return all;
      }

      @Override
      public List<String> or(Guard.Or g) {
        return List.of();
      }
    });
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

  /** A known date's title ("the child protection conference"), its name when it has none. */
  public String dateTitle(String name) {
    return protocol.date(name).map(d -> d.title()).orElse(name.replace('_', ' '));
  }

  /** What must hold before a stage or outcome is entered: "completed stages 4 and 5". */
  public String precondition(Precondition p) {
    return requirement(OperationalModel.guard(p));
  }

  /** A requirement: what it names ("agreement of ..."), or "if" and the condition it is. */
  public String requirement(Guard g) {
    return shape(g) == Shape.NAMED ? guard(g) : "if " + guard(g);
  }

  /** The preconditions of a stage or outcome, and its condition, one phrase each. */
  public List<String> requirements(Target target) {
    List<String> out = new ArrayList<>();
    TargetCases.on(target, new TargetCases<Void>() {
      @Override
      public Void stage(String key) {
        protocol.stage(key).ifPresent(stage -> {
          stage.preconditions().forEach(p -> out.add(precondition(p)));
          stage.onlyIf().ifPresent(c -> out.add("only if " + condition(c)));
        });
        return null;
      }

      @Override
      public Void outcome(String name) {
        protocol.outcome(name)
            .ifPresent(o -> o.preconditions().forEach(p -> out.add(precondition(p))));
        return null;
      }
    });
    return out;
  }

  /**
   * Who a stage or outcome goes to: "to Team Manager", one phrase per statement; a stage each of
   * several roles must answer says so ({@link #answering}).
   */
  public List<String> recipients(List<Step> steps) {
    List<String> out = new ArrayList<>();
    StepCases<Optional<String>> to = new StepCases<>() {
      @Override
      public Optional<String> escalateTo(Step.EscalateTo e) {
        return Optional.of("to " + answering(e) + (e.bothAgencies() ? " in both agencies" : "")
            + e.when().map(c -> " if " + condition(c)).orElse(""));
      }

      @Override
      public Optional<String> copy(Step.Copy s) {
        return Optional.empty();
      }

      @Override
      public Optional<String> inform(Step.Inform s) {
        return Optional.empty();
      }

      @Override
      public Optional<String> act(Step.Act s) {
        return Optional.empty();
      }

      @Override
      public Optional<String> keep(Step.Keep s) {
        return Optional.empty();
      }

      @Override
      public Optional<String> remind(Step.Remind s) {
        return Optional.empty();
      }
    };
    for (Step step : steps) {
      StepCases.on(step, to).ifPresent(out::add);
    }
    return out;
  }

  /**
   * The decisions taken at a stage ({@code decision justified "..." by ServiceManager}): "The
   * Service Manager decides whether the challenge is justified (justified; until it is decided, it
   * does not hold)"; with no stage, the protocol's, taken at any time, whose shared meaning
   * {@link #JUDGEMENTS} says once for them all: "The IRO decides whether ... (serious)".
   */
  public List<String> decisions(List<org.escalon.model.Attribute> attributes,
      Optional<String> stage) {
    return attributes.stream().filter(a -> a.decision().map(d -> d.stage().equals(stage))
            .orElse(false))
        .map(a -> roles(a.decision().orElseThrow().by()).replaceFirst("^the ", "The ")
            + (a.decision().orElseThrow().by().size() > 1 ? " (either)" : "") + " decides "
            + (a.title().equals(a.name()) ? a.name() : "whether " + a.title()) + " ("
            + a.name() + (stage.isEmpty() ? ")" : "; until it is decided, it does not hold)"))
        .toList();
  }

  /** What every judgement of the protocol's means, said once before them. */
  public static final String JUDGEMENTS = "Judgements, each taken at any time (before the "
      + "escalation is raised too); until one is taken, it does not hold:";

  /**
   * Who judges a stage resolved, when the stage says ({@code judged by}): "Whether it is resolved
   * is judged by the IRO", "... by the CP Chair and the Head of QA, each of whom must judge it
   * resolved".
   */
  public Optional<String> judging(Stage stage) {
    return stage.judges().map(j -> "Whether it is resolved is judged by " + roles(j.roles())
        + (j.jointly() && j.roles().size() > 1 ? ", each of whom must judge it resolved"
            : j.roles().size() > 1 ? " (either may)" : "")
        + ", not by those it is escalated to");
  }

  /**
   * Who a {@code to} line escalates to, and who answers: "Team Manager"; "CP Chair and Head of
   * QA, each of whom must answer (resolved when all have answered resolving)" for {@code to A and
   * B}; "Team Manager and Service Manager, either of whom may answer" for {@code to A or B}
   * (the escalation goes to each, and the first answer takes the stage's route, as the reference
   * says), so that "and" never reads as a joint answer where the policy asks for one.
   */
  public String answering(Step.EscalateTo e) {
    int n = e.roles().size();
    return roles(e.roles()) + looked(e) + (n < 2 ? ""
        : e.jointly() ? ", each of whom must answer (resolved only when all have answered resolving)"
        : n == 2 ? ", either of whom may answer" : ", any one of whom may answer")
        + e.substitute().map(s -> ", or " + role(s) + " in " + roles(e.roles())
            + "'s place when " + roles(e.roles()) + " is unavailable").orElse("");
  }

  /**
   * Where the holders of a {@code to} line's roles are found, for the roles looked up in a
   * directory: " (the Senior Liaison Officer of each agency, from the directory \"single points
   * of contact\")", "of the other agency" without {@code in both agencies}; empty for others.
   */
  public String looked(Step.EscalateTo e) {
    List<String> out = new ArrayList<>();
    for (String name : e.roles()) {
      protocol.role(name).flatMap(org.escalon.model.Role::lookup).ifPresent(l -> out.add(
          "the " + role(name) + (!l.perAgency() ? "" : e.bothAgencies() ? " of each agency"
              : " of the other agency") + ", from the directory \"" + l.directory() + "\""));
    }
    return out.isEmpty() ? "" : " (" + String.join("; ", out) + ")";
  }

  /**
   * The steps that say how they are done or that they are good practice, one phrase each: "notify
   * Head of Service by telephone", "record the minutes (by Chair) (good practice, not required)".
   */
  public List<String> manners(List<Step> steps) {
    List<String> out = new ArrayList<>();
    for (Step step : steps) {
      Manner m = step.manner();
      if (m.isPlain() && !(step instanceof Step.Keep k && k.by().isPresent())) {
        continue;
      }
      String what = StepCases.on(step, new StepCases<String>() {
        @Override
        public String escalateTo(Step.EscalateTo s) {
          return "to " + roles(s.roles());
        }

        @Override
        public String copy(Step.Copy s) {
          return "copy " + roles(s.roles());
        }

        @Override
        public String inform(Step.Inform s) {
          return lower(s.kind()) + " " + roles(s.roles())
              + s.by().map(b -> " (by " + role(b) + ")").orElse("");
        }

        @Override
        public String act(Step.Act s) {
          return s.what() + s.by().map(b -> " (by " + role(b) + ")").orElse("");
        }

        @Override
        public String keep(Step.Keep s) {
          return "record " + s.form().or(s::note).orElse("")
              + s.by().map(b -> " (by " + role(b) + ")").orElse("");
        }

        @Override
        public String remind(Step.Remind s) {
          return "remind " + roles(s.roles());
        }
      });
      out.add(what + (m.channels().isEmpty() ? "" : " " + m.channelPhrase())
          + (m.required() ? "" : " (" + GOOD_PRACTICE + ")"));
    }
    return out;
  }

  /**
   * How a stage's steps are done, in one short line for a diagram: "steps by telephone, by email;
   * 1 good practice, not required"; none when no step names a channel or is good practice.
   */
  public java.util.Optional<String> mannerSummary(List<Step> steps) {
    java.util.Set<Manner.Channel> channels = new java.util.LinkedHashSet<>();
    long goodPractice = 0;
    for (Step step : steps) {
      channels.addAll(step.manner().channels());
      goodPractice += step.manner().required() ? 0 : 1;
    }
    List<String> parts = new ArrayList<>();
    if (!channels.isEmpty()) {
      parts.add("steps " + String.join(", ", channels.stream().map(Manner.Channel::phrase)
          .toList()));
    }
    if (goodPractice > 0) {
      parts.add(goodPractice + (goodPractice == 1 ? " step " : " steps ") + GOOD_PRACTICE);
    }
    return parts.isEmpty() ? java.util.Optional.empty()
        : java.util.Optional.of(String.join("; ", parts));
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
      out.append(r.atRaise() ? " only at the raise, when the escalation is instigated"
          : " at any time");
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

  /** A property's claim as words: "every path ends with resolved or Referral to Cafcass". */
  public String claim(Claim claim) {
    return ClaimCases.on(claim, new ClaimCases<String>() {
      @Override
      public String always(Claim.Always c) {
        return "always, " + claim(c.operand());
      }

      @Override
      public String eventually(Claim.Eventually c) {
        return "eventually, " + claim(c.operand());
      }

      @Override
      public String never(Claim.Never c) {
        return "never " + claim(c.operand());
      }

      @Override
      public String atEveryStage(Claim.AtEveryStage c) {
        return "at every stage, " + claim(c.operand());
      }

      @Override
      public String reaches(Claim.Reaches c) {
        return "every path ends with " + claim(c.operand());
      }

      @Override
      public String within(Claim.Within c) {
        return claim(c.operand()) + ", within " + c.bound();
      }

      @Override
      public String onlyAfter(Claim.OnlyAfter c) {
        return claim(c.subject()) + " only after " + claim(c.condition());
      }

      @Override
      public String not(Claim.Not c) {
        return "not (" + claim(c.operand()) + ")";
      }

      @Override
      public String and(Claim.And c) {
        return claim(c.left()) + " and " + claim(c.right());
      }

      @Override
      public String or(Claim.Or c) {
        return claim(c.left()) + " or " + claim(c.right());
      }

      @Override
      public String completed(Claim.Completed c) {
        return stages(c.stages()) + " completed";
      }

      @Override
      public String inStage(Claim.InStage c) {
        return stage(c.key());
      }

      @Override
      public String inOutcome(Claim.InOutcome c) {
        return title(new Target.ToOutcome(c.name()));
      }

      @Override
      public String attributeHolds(Claim.AttributeHolds c) {
        return attribute(c.attribute());
      }

      @Override
      public String roleAction(Claim.RoleAction c) {
        return role(c.role()) + " is " + lower(c.action());
      }
    });
  }

  /** The lower-case name of an enum constant, for labels. */
  public static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
