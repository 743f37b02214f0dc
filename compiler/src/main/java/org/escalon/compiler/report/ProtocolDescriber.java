package org.escalon.compiler.report;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.escalon.describe.PlainEnglish;
import org.escalon.machine.AnchorCases;
import org.escalon.machine.OperationalModel;
import org.escalon.machine.StepCases;
import org.escalon.machine.StepClocks;
import org.escalon.model.Citation;
import org.escalon.model.Claim;
import org.escalon.model.ExtensionRule;
import org.escalon.model.HistoryRule;
import org.escalon.model.Limit;
import org.escalon.model.Outcome;
import org.escalon.model.Property;
import org.escalon.model.Protocol;
import org.escalon.model.Right;
import org.escalon.model.Role;
import org.escalon.model.SourceSpan;
import org.escalon.model.Stage;
import org.escalon.model.Step;
import org.escalon.model.Target;
import org.escalon.model.Timescale;
import org.escalon.model.Trigger;

/**
 * Tells a protocol in plain English, generated from the model alone: who raises it and in which
 * calendar, the roles, what is done at every stage, each stage and outcome in order with its
 * recipients, timescale, preconditions and where it goes next, the rights, extensions, automatic
 * triggers, limits and properties. Every sentence carries the citations behind it.
 */
public final class ProtocolDescriber {

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM uuuu",
      Locale.UK);

  private final Protocol protocol;
  private final PlainEnglish words;

  public ProtocolDescriber(Protocol protocol) {
    this.protocol = protocol;
    this.words = PlainEnglish.inFull(protocol);
  }

  /** The protocol in plain English. */
  public Prose describe() {
    List<Prose.Section> sections = new ArrayList<>();
    sections.add(new Prose.Section("overview", "Overview", overview()));
    sections.add(new Prose.Section("roles", "Who is involved", roles()));
    List<Prose.Block> everyStage = everyStage();
    if (!everyStage.isEmpty()) {
      sections.add(new Prose.Section("every-stage", "At every stage", everyStage));
    }
    List<Prose.Block> atOnce = atOnce();
    if (!atOnce.isEmpty()) {
      sections.add(new Prose.Section("at-once", "At once, whatever the stage", atOnce));
    }
    sections.add(new Prose.Section("stages", "The stages, in order", stages()));
    sections.add(new Prose.Section("outcomes", "How an escalation ends", outcomes()));
    List<Prose.Block> rights = rights();
    if (!rights.isEmpty()) {
      sections.add(new Prose.Section("rights", "Rights, more time and automatic escalation",
          rights));
    }
    List<Prose.Block> checks = checks();
    if (!checks.isEmpty()) {
      sections.add(new Prose.Section("checks", "Limits and properties", checks));
    }
    return new Prose(sections);
  }

  // ---------------------------------------------------------------------------------------------

  private List<Prose.Block> overview() {
    var header = protocol.header();
    StringBuilder about = new StringBuilder("This protocol is ").append(protocol.name());
    // a version often says "Version 2" itself
    header.version().ifPresent(v -> about.append(v.toLowerCase(Locale.ROOT).startsWith("version")
        ? ", " + v : ", version " + v));
    about.append(". It is ").append(header.status() == org.escalon.model.Header.Status.RATIFIED
        ? "ratified" : "a draft").append('.');
    header.owner().ifPresent(o -> about.append(" It belongs to ").append(o).append('.'));
    if (!header.about().isEmpty()) {
      about.append(" It is about ").append(String.join(" and ", header.about().stream()
          .map(org.escalon.model.Header.Subject::word).toList())).append('.');
    }
    header.effective().ifPresent(d -> about.append(" It takes effect on ")
        .append(DATE.format(d)).append('.'));
    header.review().ifPresent(d -> about.append(" It is to be reviewed by ")
        .append(DATE.format(d)).append('.'));
    List<Prose.Block> blocks = new ArrayList<>();
    blocks.add(new Prose.Paragraph(about.toString(), header.sources()));
    StringBuilder how = new StringBuilder("Escalations are raised by ")
        .append(the(words.raisers())).append(". Timescales in working days count ")
        .append("Monday to Friday, leaving out the bank holidays of ")
        .append(region(header.calendar().region()));
    int closures = header.calendar().closures().size() + header.calendar().yearly().size();
    if (closures > 0) {
      how.append(" and the protocol's own closure days");
    }
    how.append("; a stage's timescale starts on the day it is entered, and ends at the close of ")
        .append("its last day. There are ").append(protocol.stages().size())
        .append(protocol.stages().size() == 1 ? " stage" : " stages").append(" and ")
        .append(protocol.outcomes().size()).append(" ways for an escalation to end.");
    if (!protocol.phases().isEmpty()) {
      how.append(" The stages are grouped into ").append(protocol.phases().stream()
          .map(p -> p.title() + " (" + PlainEnglish.stages(p.stages()) + ")").collect(
              java.util.stream.Collectors.joining("; "))).append('.');
    }
    blocks.add(new Prose.Paragraph(how.toString(), List.of()));
    List<String> clocks = words.raiseClocks();
    for (int i = 0; i < clocks.size(); i++) {
      blocks.add(new Prose.Paragraph(clocks.get(i) + ".", header.raiseWithin().get(i).citation()
          .stream().toList()));
    }
    return blocks;
  }

  private static String region(org.escalon.model.CalendarSpec.Region region) {
    return switch (region) {
      case ENGLAND_AND_WALES -> "England and Wales";
      case SCOTLAND -> "Scotland";
      case NORTHERN_IRELAND -> "Northern Ireland";
    };
  }

  private List<Prose.Block> roles() {
    List<Prose.Paragraph> items = new ArrayList<>();
    for (Role role : protocol.roles()) {
      StringBuilder text = new StringBuilder(role.title())
          .append(role.external() ? " (outside the organisation)" : "");
      role.lookup().ifPresent(l -> text.append("; who holds it is looked up in the directory \"")
          .append(l.directory()).append("\"").append(l.perAgency() ? ", in each agency" : "")
          .append(", which the host supplies"));
      for (Role.Equivalent e : role.equivalents()) {
        text.append("; in ").append(agency(e.agency())).append(": ")
            .append(String.join(" or ", e.titles()));
      }
      items.add(new Prose.Paragraph(text.toString(), role.citations()));
    }
    return List.of(new Prose.Items("", items));
  }

  private String agency(String name) {
    return protocol.agencies().stream().filter(a -> a.name().equals(name)).findFirst()
        .map(a -> a.title()).orElse(name);
  }

  // ---------------------------------------------------------------------------------------------
  // What is done at every stage: steps that several stages share come from one declaration

  /** The spans of steps declared once for several stages, with the stages they apply at. */
  private Map<SourceSpan, List<String>> shared() {
    Map<SourceSpan, List<String>> where = new LinkedHashMap<>();
    for (Stage stage : protocol.stages()) {
      for (Step step : stage.steps()) {
        if (step.span().isKnown()) {
          where.computeIfAbsent(step.span(), s -> new ArrayList<>()).add(stage.key());
        }
      }
    }
    where.values().removeIf(stages -> stages.size() < 2);
    return where;
  }

  private List<Prose.Block> everyStage() {
    Map<SourceSpan, List<String>> shared = shared();
    Map<List<String>, List<Prose.Paragraph>> byStages = new LinkedHashMap<>();
    for (Stage stage : protocol.stages()) {
      for (Step step : stage.steps()) {
        List<String> stages = shared.remove(step.span());
        if (stages != null) {
          byStages.computeIfAbsent(stages, k -> new ArrayList<>()).add(step(step));
        }
      }
    }
    List<Prose.Block> blocks = new ArrayList<>();
    byStages.forEach((stages, steps) -> blocks.add(new Prose.Items(
        stages.size() == protocol.stages().size() ? "At every stage:"
            : "At " + PlainEnglish.stages(stages) + ":", steps)));
    return blocks;
  }

  // ---------------------------------------------------------------------------------------------
  // Stages and outcomes

  private List<Prose.Block> stages() {
    Map<SourceSpan, List<String>> shared = shared();
    List<Prose.Block> blocks = new ArrayList<>();
    for (Stage stage : protocol.stages()) {
      protocol.phaseOf(stage.key()).filter(p -> p.stages().get(0).equals(stage.key()))
          .ifPresent(p -> blocks.add(new Prose.Paragraph(p.title() + ": "
              + PlainEnglish.stages(p.stages()) + ".", p.citations())));
      blocks.add(new Prose.Heading("stage-" + stage.key(), stage.title()));
      List<Step> own = stage.steps().stream().filter(s -> !shared.containsKey(s.span())).toList();
      List<String> to = words.recipients(own);
      List<Citation> cited = new ArrayList<>(stage.citations());
      StringBuilder text = new StringBuilder();
      if (!to.isEmpty()) {
        text.append("The escalation goes ").append(String.join("; ", to)).append('.');
      }
      words.judging(stage).ifPresent(j -> text.append(' ').append(j).append('.'));
      stage.judges().flatMap(org.escalon.model.Judges::citation).ifPresent(cited::add);
      for (String d : words.decisions(protocol.attributes(), Optional.of(stage.key()))) {
        text.append(' ').append(d).append('.');
      }
      protocol.attributes().stream().flatMap(a -> a.decision().stream())
          .filter(d -> d.stage().equals(Optional.of(stage.key())))
          .flatMap(d -> d.citations().stream())
          .forEach(cited::add);
      words.escalating(stage).ifPresent(j -> text.append(' ').append(j).append('.'));
      stage.escalatedBy().flatMap(org.escalon.model.EscalatedBy::citation).ifPresent(cited::add);
      for (Step step : own) {
        if (step instanceof Step.Copy c) {
          text.append(" Copied: ").append(words.roles(c.roles()))
              .append(c.when().map(w -> ", if " + words.condition(w)).orElse("")).append('.');
          c.citation().ifPresent(cited::add);
        } else if (step instanceof Step.EscalateTo e) {
          e.citation().ifPresent(cited::add);
        }
      }
      requirements(new Target.ToStage(stage.key())).ifPresent(r -> text.append(' ').append(r));
      if (stage.timescales().isEmpty()) {
        text.append(" There is no timescale: the stage waits for a response.");
      } else {
        text.append(" A response is due ").append(words.timescales(stage)).append('.');
        stage.timescales().forEach(t -> t.citation().ifPresent(cited::add));
      }
      text.append(' ').append(next(stage));
      blocks.add(new Prose.Paragraph(text.toString().strip(), cited));
      List<Prose.Paragraph> steps = own.stream()
          .filter(s -> !(s instanceof Step.EscalateTo) && !(s instanceof Step.Copy))
          .map(this::step).toList();
      // a step required before entry (`requires notify ... by ROLE`) is said as a step is
      List<Prose.Paragraph> before = stage.preconditions().stream()
          .filter(org.escalon.model.Precondition.Done.class::isInstance)
          .map(p -> step(((org.escalon.model.Precondition.Done) p).step())).toList();
      if (!before.isEmpty()) {
        blocks.add(new Prose.Items("Before this stage is entered:", before));
      }
      if (!steps.isEmpty()) {
        blocks.add(new Prose.Items("On entering this stage:", steps));
      }
      stage.extension().ifPresent(e -> blocks.add(extension(e, "At this stage, more time")));
    }
    return blocks;
  }

  /** Where a stage goes on each kind of response. */
  private String next(Stage stage) {
    var t = stage.transitions();
    // the usual route is said in few words: it is the same at most stages of most ladders
    String resolved = t.onResolved() instanceof Target.ToOutcome o
        && o.name().equals(Target.RESOLVED) ? "If resolved, the escalation ends."
        : "If the response resolves the concern, " + go(t.onResolved()) + ".";
    String unsatisfactory = t.onUnsatisfactory().equals(t.onNoResponse())
        || stage.timescales().isEmpty()
        ? "If not, " + go(t.onUnsatisfactory()) + "."
        : "If the response does not resolve it, " + go(t.onUnsatisfactory())
            + "; if there is no response in time, " + go(t.onNoResponse()) + ".";
    String chosen = chosen(t);
    if (chosen.isEmpty()) {
      return resolved + " " + unsatisfactory;
    }
    return resolved + " " + chosen + (unsatisfactory.startsWith("If not, ")
        ? "Otherwise, " + unsatisfactory.substring("If not, ".length())
        : "Otherwise: " + Character.toLowerCase(unsatisfactory.charAt(0))
            + unsatisfactory.substring(1));
  }

  /**
   * The routes the case chooses, before the usual ones: "If the concern is not resolved and
   * there is immediate risk to the child, the escalation goes to stage 3 (...)." The usual
   * routes then say where it goes otherwise.
   */
  private String chosen(org.escalon.model.Transitions t) {
    StringBuilder text = new StringBuilder();
    List<org.escalon.model.Transitions.Choice> seen = new ArrayList<>();
    for (org.escalon.model.Transitions.Choice c : t.choices()) {
      boolean both = c.on() == org.escalon.model.Transitions.Response.NO_RESPONSE
          && seen.stream().anyMatch(x -> x.span().equals(c.span()) && x.to().equals(c.to()));
      seen.add(c);
      if (both) {
        continue; // `when not resolved ... if` was said once, for both kinds of response
      }
      boolean notResolved = c.on() == org.escalon.model.Transitions.Response.UNSATISFACTORY
          && t.choices().stream().anyMatch(x -> x != c && x.span().equals(c.span())
              && x.to().equals(c.to()));
      String on = switch (c.on()) {
        case RESOLVED -> "If the response resolves the concern";
        case UNSATISFACTORY -> notResolved ? "If the concern is not resolved"
            : "If the response does not resolve it";
        case NO_RESPONSE -> "If there is no response in time";
      };
      String condition = words.condition(c.when());
      boolean sentenceCase = condition.length() > 1 && Character.isUpperCase(condition.charAt(0))
          && Character.isLowerCase(condition.charAt(1));
      text.append(on).append(" and ").append(sentenceCase
              ? Character.toLowerCase(condition.charAt(0)) + condition.substring(1) : condition)
          .append(", ").append(go(c.to())).append(". ");
    }
    return text.toString();
  }

  /** "stage 1 (To the Social Worker)", or for a stage keyed by a name, its title in quotes. */
  private String stageNamed(String key) {
    String title = protocol.stage(key).map(x -> x.title()).orElse(key);
    if (!key.chars().allMatch(Character::isDigit)) {
      return "\u201C" + title + "\u201D";
    }
    return title.toLowerCase(Locale.ROOT).startsWith("stage ") ? title
        : PlainEnglish.stage(key) + " (" + title + ")";
  }

  private String go(Target target) {
    if (target instanceof Target.ToOutcome o && o.name().equals(Target.RESOLVED)) {
      return "the escalation ends, resolved at this stage";
    }
    if (target instanceof Target.ToStage s) {
      String title = words.title(target);
      boolean numbered = s.key().chars().allMatch(Character::isDigit);
      return "it goes on to " + (title.toLowerCase(Locale.ROOT).startsWith("stage ") ? title
          : numbered ? PlainEnglish.stage(s.key()) + " (" + title + ")" : title);
    }
    return "it ends in " + words.title(target);
  }

  private Optional<String> requirements(Target target) {
    List<String> requires = words.requirements(target);
    return requires.isEmpty() ? Optional.empty()
        : Optional.of("It may be entered only with " + PlainEnglish.list(requires) + ".");
  }

  private List<Prose.Block> outcomes() {
    List<Prose.Block> blocks = new ArrayList<>();
    for (Outcome outcome : protocol.outcomes()) {
      blocks.add(new Prose.Heading("outcome-" + outcome.name(), outcome.title()));
      StringBuilder text = new StringBuilder(outcome.name().equals(Target.RESOLVED)
          ? "The concern is resolved; the record says at which stage."
          : "The escalation ends here.");
      List<String> to = words.recipients(outcome.steps());
      if (!to.isEmpty()) {
        text.append(" It goes ").append(String.join("; ", to)).append('.');
      }
      requirements(new Target.ToOutcome(outcome.name()))
          .ifPresent(r -> text.append(' ').append(r.replace("entered", "reached")));
      blocks.add(new Prose.Paragraph(text.toString(), outcome.citations()));
      List<Prose.Paragraph> steps = outcome.steps().stream()
          .filter(s -> !(s instanceof Step.EscalateTo)).map(this::step).toList();
      if (!steps.isEmpty()) {
        blocks.add(new Prose.Items("Then:", steps));
      }
    }
    return blocks;
  }

  /** One step as an instruction: "Notify the QA Service Manager of ... (by the QA Manager)". */
  public Prose.Paragraph step(Step step) {
    StringBuilder text = new StringBuilder(StepCases.on(step, new StepCases<String>() {
      @Override
      public String escalateTo(Step.EscalateTo e) {
        return "Escalate to " + words.roles(e.roles()) + (e.bothAgencies() ? " in both agencies"
            : "") + e.substitute().map(s -> ", or to " + words.role(s) + " when "
            + words.roles(e.roles()) + " is unavailable (" + words.role(s)
            + " then answers in their place)").orElse("");
      }

      @Override
      public String copy(Step.Copy c) {
        return "Copy in " + words.roles(c.roles());
      }

      @Override
      public String inform(Step.Inform i) {
        return capital(PlainEnglish.lower(i.kind())) + ' ' + words.roles(i.roles())
            + i.what().map(w -> " " + w).orElse("");
      }

      @Override
      public String act(Step.Act a) {
        return capital(a.what());
      }

      @Override
      public String keep(Step.Keep k) {
        return "Record " + k.form().flatMap(ProtocolDescriber.this::formTitle)
            .orElse(k.note().orElse("")) + (k.sentTo().isEmpty() ? ""
            : ", and send it to " + words.roles(k.sentTo()));
      }

      @Override
      public String remind(Step.Remind r) {
        return words.reminders(List.of(r)).get(0).replaceFirst("^remind", "Remind")
            + (r.copying().isEmpty() ? "" : ", copying " + words.roles(r.copying()));
      }
    }));
    if (step instanceof Step.Act a && a.joint()) {
      text.append(" (jointly by ").append(String.join(" and ", a.doers().stream()
          .map(words::role).toList())).append(": done when each has done it)");
    } else {
      StepClocks.by(step).ifPresent(b -> text.append(" (by ").append(words.role(b)).append(')'));
    }
    if (!step.manner().channels().isEmpty()) {
      text.append(' ').append(step.manner().channelPhrase());
    }
    Optional<Timescale.Firmness.Word> urgency = StepClocks.urgency(step);
    if (urgency.isPresent()) {
      text.append(", ").append(PlainEnglish.stepUrgency(urgency.get()));
    } else {
      StepClocks.within(step).ifPresent(d -> text.append(", within ").append(d));
    }
    StepClocks.from(step).ifPresent(a -> text.append(words.countedFrom(a)));
    if (!(step instanceof Step.Remind)) {
      step.when().ifPresent(c -> text.append(", if ").append(words.condition(c)));
    }
    if (!step.manner().required()) {
      text.append(" (").append(PlainEnglish.GOOD_PRACTICE).append(')');
    }
    return new Prose.Paragraph(text.append('.').toString(), step.citation().stream().toList());
  }

  private Optional<String> formTitle(String name) {
    return protocol.forms().stream().filter(f -> f.name().equals(name)).findFirst()
        .map(f -> "the " + f.title() + " (fields: " + String.join(", ",
            f.fields().stream().map(x -> x.title()).toList()) + ")");
  }

  /** A title with "the" before it, unless it has one. */
  private static String the(String title) {
    return title.startsWith("the ") ? title : "the " + title;
  }

  private static String capital(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  // ---------------------------------------------------------------------------------------------
  // Rights, extensions, triggers

  private List<Prose.Block> rights() {
    List<Prose.Block> blocks = new ArrayList<>();
    // the protocol's decisions: judgements its rights and routes may read, taken at any time
    List<org.escalon.model.Attribute> judged = protocol.attributes().stream()
        .filter(a -> a.decision().filter(d -> d.stage().isEmpty()).isPresent()).toList();
    List<String> judgements = words.decisions(judged, Optional.empty());
    if (!judgements.isEmpty()) {
      List<Prose.Paragraph> items = new ArrayList<>();
      for (int i = 0; i < judged.size(); i++) {
        items.add(new Prose.Paragraph(judgements.get(i) + ".",
            judged.get(i).decision().orElseThrow().citations()));
      }
      blocks.add(new Prose.Items(PlainEnglish.JUDGEMENTS, items));
    }
    List<Prose.Paragraph> rights = new ArrayList<>();
    for (Right r : protocol.rights()) {
      rights.add(new Prose.Paragraph(capital(the(words.role(r.role()))
          + words.right(r).substring(r.role().length())) + ".", r.citation().stream().toList()));
    }
    if (!rights.isEmpty()) {
      blocks.add(new Prose.Items("Rights:", rights));
    }
    protocol.extension().ifPresent(e -> blocks.add(extension(e, "More time")));
    List<Prose.Paragraph> triggers = new ArrayList<>();
    for (Trigger t : protocol.triggers()) {
      triggers.add(new Prose.Paragraph(capital(t.title()) + ": raised automatically at "
          + stageNamed(t.raiseAt()) + " when " + history(t.rule()) + ".", t.citations()));
    }
    if (!triggers.isEmpty()) {
      blocks.add(new Prose.Items("Automatic escalation:", triggers));
    }
    return blocks;
  }

  public Prose.Paragraph extension(ExtensionRule e, String lead) {
    StringBuilder text = new StringBuilder(lead).append(" may be asked for");
    if (!e.requestedBy().isEmpty()) {
      text.append(" by ").append(words.roles(e.requestedBy()));
    }
    if (e.inWriting()) {
      text.append(", in writing");
    }
    if (e.withRationale()) {
      text.append(", with the rationale");
    }
    text.append(", and granted by ").append(words.roles(e.grantedBy()));
    e.guide().ifPresent(d -> text.append(", usually up to ").append(d));
    e.upTo().ifPresent(d -> text.append(e.guide().isPresent() ? " and never more than " : ", up to ")
        .append(d));
    e.maxPerStage().ifPresent(n -> text.append(", at most ").append(n).append(" a stage"));
    e.maxInTotal().ifPresent(n -> text.append(", at most ").append(n).append(" in all"));
    text.append('.');
    if (!e.preconditions().isEmpty()) {
      List<String> needs = new ArrayList<>();
      for (int i = 0; i < e.preconditions().size(); i++) {
        List<String> of = e.askedOf().get(i);
        needs.add(words.precondition(e.preconditions().get(i)) + (of.isEmpty() ? ""
            : " (when requested by " + words.anyOf(of) + ")"));
      }
      text.append(" It needs ").append(PlainEnglish.list(needs)).append('.');
    }
    if (!e.records().isEmpty()) {
      text.append(" Recorded: ").append(String.join("; ", e.records())).append('.');
    }
    if (!e.informed().isEmpty()) {
      text.append(" Informed: ").append(words.roles(e.informed())).append('.');
    }
    return new Prose.Paragraph(text.toString(), e.citations());
  }

  /** A trigger's rule in words, as the describer says every guard. */
  public String history(HistoryRule rule) {
    return words.guard(OperationalModel.guard(rule));
  }

  /**
   * {@code when C go to stage N} and {@code when C { steps }}: what happens at once when a
   * condition holds, whatever the stage.
   */
  private List<Prose.Block> atOnce() {
    List<Prose.Block> blocks = new ArrayList<>();
    for (org.escalon.model.AtOnce a : protocol.atOnce()) {
      String when = "When " + condition(a.when());
      a.goTo().ifPresent(t -> blocks.add(new Prose.Paragraph(when + ", an escalation at an "
          + "earlier stage goes straight to " + words.target(t) + ", at the raise or as "
          + "soon as it holds, whatever the stage.", a.citations())));
      List<Prose.Paragraph> steps = a.steps().stream().map(this::step).toList();
      if (!steps.isEmpty()) {
        blocks.add(new Prose.Items(when + ", at once, whether or not an escalation is running:",
            steps));
      }
    }
    return blocks;
  }

  // ---------------------------------------------------------------------------------------------
  // Limits and properties

  private List<Prose.Block> checks() {
    List<Prose.Paragraph> items = new ArrayList<>();
    for (Limit limit : protocol.limits()) {
      boolean all = limit.stages().size() == protocol.stages().size();
      items.add(new Prose.Paragraph("Limit, " + limit.title() + ": the timescales of "
          + (all ? "all the stages" : PlainEnglish.stages(limit.stages())) + " may add up to at most "
          + limit.atMost() + ".", limit.citations()));
    }
    for (Property property : protocol.properties()) {
      items.add(new Prose.Paragraph("Property, " + property.title() + ": "
          + claim(property.claim()) + ".", property.citations()));
    }
    for (org.escalon.model.Invariant invariant : protocol.invariants()) {
      items.add(new Prose.Paragraph("Invariant, " + invariant.title() + ": while the escalation "
          + "is open, " + condition(invariant.condition()) + " holds; an event that would "
          + "break it is refused.", invariant.citations()));
    }
    return items.isEmpty() ? List.of() : List.of(new Prose.Items("", items));
  }

  /** A condition as words, with attribute names as written: "child in placement". */
  public String condition(org.escalon.model.Condition c) {
    return words.condition(c);
  }

  /** A claim as words: "every path ends with resolved or cafcass". */
  public String claim(Claim c) {
    return words.claim(c);
  }

}
