package org.escalon.tests;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.escalon.model.Attribute;
import org.escalon.model.CalendarSpec;
import org.escalon.model.Citation;
import org.escalon.model.Condition;
import org.escalon.model.Timespan;
import org.escalon.model.EventType;
import org.escalon.model.ExtensionRule;
import org.escalon.model.Form;
import org.escalon.model.Header;
import org.escalon.model.HistoryRule;
import org.escalon.model.AtOnce;
import org.escalon.model.Invariant;
import org.escalon.model.Outcome;
import org.escalon.model.Phase;
import org.escalon.model.Precondition;
import org.escalon.model.Protocol;
import org.escalon.model.Right;
import org.escalon.model.Role;
import org.escalon.model.Scale;
import org.escalon.model.SourceSpan;
import org.escalon.model.Judges;
import org.escalon.model.KnownDate;
import org.escalon.model.Stage;
import org.escalon.model.Manner;
import org.escalon.model.Step;
import org.escalon.model.Target;
import org.escalon.model.TimeUnit;
import org.escalon.model.Timescale;
import org.escalon.model.Transitions;
import org.escalon.model.Trigger;

/**
 * Random protocols, built as the model the compiler would lower to: every reference resolves, but
 * any mix of features may meet (conditional timescales counted from events, stages that apply
 * only sometimes, requirements that make routes wait, rights with conditions, extension rules
 * per stage, triggers, reminders), including routes that loop. Made from a seed, so a failure
 * names the protocol that shows it.
 */
final class RandomProtocols {

  private final Random random;
  private final List<String> words;
  private int nextWord;
  private final String file;
  private int line = 1;
  private final List<String> roles = new ArrayList<>();
  private final List<String> stages = new ArrayList<>();
  private final List<String> outcomes = new ArrayList<>();
  private final List<Attribute> attributes = new ArrayList<>();
  private final List<String> events = new ArrayList<>();
  private final List<String> forms = new ArrayList<>();
  private Scale scale;

  /**
   * Draws for timescales set during the case, apart from {@link #random} so that the protocols
   * drawn before they were added stay as they were, with such timescales added.
   */
  private final Random setting;
  private final Random firming;
  private final Random guiding;

  /** Draws for invariants, apart as well, so that earlier protocols only gain them. */
  private final Random invariant;
  /** Draws for who answers ({@code to A and B}), apart too, so that earlier protocols only gain it. */
  private final Random answering;
  /** Step deadlines draw from their own sequence, so other draws stay as they were. */
  private final Random clocking;

  /** Draws for duties done at once ({@code when C ...}), apart as well. */
  private final Random atOnce;
  /** Draws decisions taken during a stage, apart, so that other protocols' picks stay. */
  private final Random deciding;
  /** Who else raises ({@code raised by A or B}) and which raiser a trigger names. */
  private final Random raising;
  /** Clocks on raising ({@code raise within D after EVENT}), drawn apart too. */
  private final Random raiseClocks;
  /** Who escalates a stage ({@code escalated by}), drawn apart like the others. */
  private final Random escalating;

  /** Draws for substitutes ({@code to A, or B when unavailable}), apart as well. */
  private final Random standing;
  /** Known dates and steps due before them (issue 14, point 5), drawn apart. */
  private final Random dating;
  /** Whose request for more time a requirement is asked of ({@code when requested by}), apart. */
  private final Random asking;
  private boolean dated;

  private RandomProtocols(long seed, List<String> words) {
    this.random = new Random(seed);
    this.setting = new Random(seed ^ 0x5e77_1e5L);
    this.firming = new Random(seed ^ 0xf1_2a5L);
    this.guiding = new Random(seed ^ 0x6_01deL);
    this.invariant = new Random(seed ^ 0x1a7a_1a17L);
    this.answering = new Random(seed ^ 0x70_a45L);
    this.clocking = new Random(seed ^ 0xc10c_5L);
    this.atOnce = new Random(seed ^ 0xa7_0_ce11L);
    this.raising = new Random(seed ^ 0x4a15_e45L);
    this.raiseClocks = new Random(seed ^ 0x4a15_ec10cL);
    this.standing = new Random(seed ^ 0x5_7a_d1L);
    this.deciding = new Random(seed ^ 0xdec1_de5L);
    this.escalating = new Random(seed ^ 0xe5ca_1a7eL);
    this.dating = new Random(seed ^ 0xda7e_5L);
    this.asking = new Random(seed ^ 0xa5c_1a6L);
    this.words = words;
    this.file = words.isEmpty() ? "random-" + seed + ".esc"
        : word("x").replace('/', '_').replace('\0', '_') + ".esc";
  }

  static Protocol make(long seed) {
    return new RandomProtocols(seed, List.of()).protocol();
  }

  /**
   * A random protocol whose names and texts (roles, stage keys, outcomes, attributes, titles,
   * citations, the file name...) are taken from {@code words}, in turn.
   */
  static Protocol make(long seed, List<String> words) {
    return new RandomProtocols(seed, words).protocol();
  }

  /** The next of the given words, or {@code usual} when there are none. */
  private String word(String usual) {
    return words.isEmpty() ? usual : words.get(nextWord++ % words.size());
  }

  /** A name not yet in {@code taken}, from the words. */
  private String name(String usual, List<String> taken) {
    String name = word(usual);
    while (name.isEmpty() || taken.contains(name) || name.equals(Target.RESOLVED)) {
      name = name + "#" + taken.size();
    }
    return name;
  }

  private Protocol protocol() {
    List<String> rolePool = new ArrayList<>(List.of("IRO", "TeamManager", "Iro", "class",
        "Social-Worker", "QA", "DCS", "_x"));
    java.util.Collections.shuffle(rolePool, random);
    rolePool.subList(0, 2 + random.nextInt(4)).forEach(r -> roles.add(name(r, roles)));
    // keys as policies number them: `3A`, `4a` and `4b` besides numbers and names
    List<String> keyPool = new ArrayList<>(List.of("informal", "1", "2", "3", "4", "week-2",
        "Informal", "final", "3A", "4a", "4b"));
    java.util.Collections.shuffle(keyPool, random);
    keyPool.subList(0, 1 + random.nextInt(5)).forEach(k -> stages.add(name(k, stages)));
    outcomes.add(Target.RESOLVED);
    for (String o : List.of("cafcass", "board")) {
      if (random.nextBoolean()) {
        List<String> taken = new ArrayList<>(outcomes);
        taken.addAll(stages);
        outcomes.add(name(o, taken));
      }
    }
    for (String a : List.of("cp_plan", "looked_after")) {
      if (random.nextInt(3) > 0) {
        List<String> choices = new ArrayList<>();
        if (random.nextBoolean()) {
          for (String c : List.of("yes", "foster", "home")) {
            choices.add(name(c, choices));
          }
        }
        List<String> taken = attributes.stream().map(Attribute::name).toList();
        attributes.add(new Attribute(name(a, taken), word("The case: " + a), choices, span()));
      }
    }
    dated = dating.nextInt(3) == 0;
    for (String e : List.of("sw_changed", "review")) {
      if (random.nextBoolean()) {
        events.add(name(e, events));
      }
    }
    if (random.nextBoolean()) {
      String bad = word("inadequate");
      String good = name("good", List.of(bad));
      scale = new Scale(word("grading"), word("Grading"), List.of(new Scale.Grade(bad,
          Optional.of(1)), new Scale.Grade(good, Optional.empty())), span());
    }
    if (random.nextBoolean()) {
      forms.add(word("Notice"));
    }
    List<Stage> stageList = new ArrayList<>();
    for (int i = 0; i < stages.size(); i++) {
      stageList.add(stage(i));
    }
    List<Outcome> outcomeList = new ArrayList<>();
    for (String o : outcomes) {
      boolean builtIn = o.equals(Target.RESOLVED);
      outcomeList.add(new Outcome(o, builtIn ? "Resolved" : word("Outcome " + o), builtIn, builtIn && random.nextBoolean()
          ? List.of() : steps(0, 2), builtIn ? List.of() : preconditions(0, 2), citations(),
          builtIn ? SourceSpan.NONE : span()));
    }
    List<Right> rights = new ArrayList<>();
    for (int i = random.nextInt(4); i > 0; i--) {
      rights.add(right());
    }
    List<Trigger> triggers = new ArrayList<>();
    for (int i = random.nextInt(3); i > 0; i--) {
      List<String> taken = triggers.stream().map(Trigger::name).toList();
      triggers.add(new Trigger(name("t" + i, taken), word("Trigger " + i), history(2),
          pick(stages), citations(), span()));
    }
    // sometimes a yes/no fact is a decision a role takes at one stage (`decision ... by ROLE`)
    for (int i = 0; i < attributes.size(); i++) {
      Attribute a = attributes.get(i);
      if (a.isYesNo() && deciding.nextInt(3) == 0) {
        // a stage's decision, or (one in three) the protocol's, taken at any time
        Optional<String> at = deciding.nextInt(3) == 0 ? Optional.empty()
            : Optional.of(stages.get(deciding.nextInt(stages.size())));
        List<String> by = new ArrayList<>(List.of(roles.get(deciding.nextInt(roles.size()))));
        if (deciding.nextInt(3) == 0 && !by.contains(roles.get(0))) {
          by.add(roles.get(0));
        }
        attributes.set(i, new Attribute(a.name(), a.title(), a.choices(), a.span(),
            Optional.of(new Attribute.Decision(at, by, List.of()))));
      }
    }
    // sometimes more than one role raises, and a trigger says which of them raises it
    List<String> alsoRaisedBy = new ArrayList<>();
    if (roles.size() > 1 && raising.nextInt(3) == 0) {
      alsoRaisedBy.add(roles.get(1 + raising.nextInt(roles.size() - 1)));
      List<Trigger> named = new ArrayList<>();
      for (Trigger t : triggers) {
        named.add(raising.nextBoolean() ? t : new Trigger(t.name(), t.title(), t.rule(),
            t.raiseAt(), Optional.of(alsoRaisedBy.get(0)), t.citations(), t.span()));
      }
      triggers = named;
    }
    Header header = new Header(Optional.of(word("1")), Header.Status.DRAFT, Optional.empty(),
        Optional.empty(), Optional.empty(), new CalendarSpec(CalendarSpec.Region.ENGLAND_AND_WALES,
            List.of(), List.of()), ZoneId.of("Europe/London"), roles.get(0), citations(), List.of(),
        alsoRaisedBy, raiseClocks());
    return new Protocol(word("Random protocol " + file), header, List.of(),
        roles.stream().map(r -> new Role(r, word("Role " + r), random.nextBoolean(), List.of(),
            citations(), span(), lookup())).toList(),
        attributes, events.stream().map(e -> new EventType(e, word("Event " + e), span()))
            .toList(),
        scale == null ? List.of() : List.of(scale),
        forms.stream().map(f -> new Form(f, word("Form " + f), List.of(), citations(), span()))
            .toList(),
        stageList, outcomeList, rights, random.nextInt(3) == 0 ? Optional.empty()
            : Optional.of(extension()), triggers, List.of(), List.of(), phases(),
        invariants(), atOnce(), new SourceSpan(file, 1, 1, 99, 2), dated
            ? List.of(new KnownDate("conference", word("The conference"), span())) : List.of());
  }

  /**
   * Sometimes a duty to go at once ({@code when C go to stage N}, to a stage after the first or
   * an outcome) and sometimes steps done at once ({@code when C { notify ... }}), over a fact that
   * holds only when set, so a population's cases (which set none) never meet them.
   */
  private List<AtOnce> atOnce() {
    if (attributes.isEmpty() || atOnce.nextInt(3) != 0) {
      return List.of();
    }
    List<AtOnce> rules = new ArrayList<>();
    for (int i = 1 + atOnce.nextInt(2); i > 0; i--) {
      Attribute a = attributes.get(atOnce.nextInt(attributes.size()));
      Condition c = a.isYesNo() || atOnce.nextBoolean() ? new Condition.Holds(a.name())
          : new Condition.Is(a.name(), a.choices().get(atOnce.nextInt(a.choices().size())));
      Optional<Target> to = Optional.empty();
      if (atOnce.nextBoolean() && stages.size() > 1) {
        to = Optional.of(new Target.ToStage(stages.get(1 + atOnce.nextInt(stages.size() - 1))));
      } else if (atOnce.nextBoolean()) {
        to = Optional.of(new Target.ToOutcome(outcomes.get(atOnce.nextInt(outcomes.size()))));
      }
      List<Step> steps = to.isPresent() && atOnce.nextBoolean() ? List.of()
          : List.of(new Step.Inform(Step.Inform.Kind.NOTIFY,
              List.of(roles.get(atOnce.nextInt(roles.size()))), Optional.of(word("at once")),
              Optional.empty(), Optional.empty(), Optional.empty(), citation(), span(),
              org.escalon.model.Manner.REQUIRED));
      rules.add(new AtOnce(c, to, steps, citations(), span()));
    }
    return rules;
  }

  /**
   * Sometimes an invariant over the attributes: one does not hold, has not a value, or holds
   * unless another does. Setting a fact can break it, and the engine refuses that.
   */
  private List<Invariant> invariants() {
    if (attributes.isEmpty() || invariant.nextInt(3) != 0) {
      return List.of();
    }
    Attribute a = attributes.get(invariant.nextInt(attributes.size()));
    Attribute b = attributes.get(invariant.nextInt(attributes.size()));
    // one that holds with no fact set, so that a population's cases (which set none) are raised
    Condition c = switch (invariant.nextInt(3)) {
      case 0 -> new Condition.Not(new Condition.Holds(a.name()));
      case 1 -> a.isYesNo() ? new Condition.Not(new Condition.Is(a.name(), "yes"))
          : new Condition.Not(new Condition.Is(a.name(),
              a.choices().get(invariant.nextInt(a.choices().size()))));
      default -> new Condition.Or(new Condition.Holds(a.name()),
          new Condition.Not(new Condition.Holds(b.name())));
    };
    return List.of(new Invariant(word("The case stays as it is"), c, citations(), span()));
  }

  /** Sometimes the first stages grouped into a phase and the rest into another. */
  private List<Phase> phases() {
    if (stages.size() < 2 || random.nextBoolean()) {
      return List.of();
    }
    int split = 1 + random.nextInt(stages.size() - 1);
    return List.of(new Phase(word("informal"), word("Informal resolution"),
            stages.subList(0, split), citations(), span()),
        new Phase(word("formal"), word("The formal process"), stages.subList(split,
            stages.size()), citations(), span()));
  }

  private Stage stage(int i) {
    String key = stages.get(i);
    Target next = i + 1 < stages.size() ? new Target.ToStage(stages.get(i + 1))
        : new Target.ToOutcome(pick(outcomes));
    Target unsatisfactory = random.nextInt(4) == 0 ? target() : next;
    // no response only ever moves on: a loop of stages whose deadlines count from the start of
    // the escalation (or an event) would pass deadline after deadline without end
    Target noResponse = random.nextInt(4) == 0 ? later(i) : next;
    Target resolved = random.nextInt(6) == 0 ? target() : new Target.ToOutcome(Target.RESOLVED);
    List<Timescale> timescales = new ArrayList<>();
    for (int n = random.nextInt(3); n > 0; n--) {
      Timescale.Anchor anchor = switch (random.nextInt(6)) {
        case 0 -> new Timescale.Anchor.EscalationStart();
        case 1 -> events.isEmpty() ? new Timescale.Anchor.StageStart()
            : new Timescale.Anchor.Event(pick(events));
        default -> new Timescale.Anchor.StageStart();
      };
      timescales.add(new Timescale(duration(), anchor, random.nextInt(3) == 0 ? condition(2)
          : Optional.empty(), citation(), span()));
    }
    setDuringTheCase(timescales);
    soften(timescales);
    return new Stage(key, word("Stage " + key + " \"title\""), substitutes(steps(0, 4)), timescales,
        i > 0 && random.nextInt(4) == 0 ? stagePreconditions() : List.of(),
        random.nextInt(5) == 0 ? condition(2) : Optional.empty(),
        new Transitions(resolved, unsatisfactory, noResponse, choices(i)),
        random.nextInt(5) == 0 ? Optional.of(extension()) : Optional.empty(), citations(), span(),
        judges(), escalatedBy());
  }

  /**
   * A quarter of the stages have soft timescales (`where possible`, `as a guide`, or an urgency
   * word), each timescale soft or not on its own, sometimes with an assumed bound (never shorter
   * than the timescale, E0341): the generated machine must follow which one counts.
   */
  private void soften(List<Timescale> timescales) {
    if (timescales.isEmpty() || firming.nextInt(4) != 0) {
      return;
    }
    Timescale.Firmness.Word[] words = Timescale.Firmness.Word.values();
    for (int i = 0; i < timescales.size(); i++) {
      if (firming.nextInt(3) == 0) {
        continue;
      }
      Timescale t = timescales.get(i);
      Timescale.Firmness.Word w = words[firming.nextInt(words.length)];
      // an urgency word is its own timescale, counted from the stage's start
      boolean promptly = t.setBy().isEmpty()
          && t.anchor() instanceof Timescale.Anchor.StageStart;
      if (w.promptly() && !promptly) {
        w = Timescale.Firmness.Word.WHERE_POSSIBLE;
      }
      Timespan d = w.promptly() ? w.span() : t.duration();
      Optional<Timespan> assumed = w.soft() && firming.nextBoolean()
          ? Optional.of(new Timespan((int) Math.max(1, d.inWorkingDays()) + firming.nextInt(10),
              TimeUnit.WORKING_DAYS)) : Optional.empty();
      timescales.set(i, new Timescale(d, t.anchor(), t.when(), t.citation(), t.span(),
          t.setBy(), Optional.of(new Timescale.Firmness(w, assumed))));
    }
  }

  /**
   * A third of the stages whose timescales all count from the stage's start (as the checker
   * requires, E0408) have one set during the case by a role or two, with a guide half the time,
   * up to a cap or (a third of them) bounded by an assumption instead, so that any value may be
   * set; some have the earlier of that and a fixed one.
   */
  private void setDuringTheCase(List<Timescale> timescales) {
    if (timescales.isEmpty() || setting.nextInt(3) != 0 || timescales.stream()
        .anyMatch(t -> !(t.anchor() instanceof Timescale.Anchor.StageStart))) {
      return;
    }
    Timescale t = timescales.get(0);
    List<String> by = new ArrayList<>(List.of(roles.get(setting.nextInt(roles.size()))));
    if (setting.nextInt(3) == 0) {
      String other = roles.get(setting.nextInt(roles.size()));
      if (!by.contains(other)) {
        by.add(other);
      }
    }
    Timespan cap = t.duration();
    Optional<Timespan> guide = cap.amount() > 1 && setting.nextBoolean()
        ? Optional.of(new Timespan(1 + setting.nextInt(cap.amount()), cap.unit()))
        : Optional.empty();
    Timescale set = new Timescale(cap, t.anchor(), t.when(), t.citation(), t.span(),
        Optional.of(new Timescale.SetBy(by, guide, setting.nextInt(3) == 0)));
    timescales.set(0, set);
    if (setting.nextInt(3) == 0) {
      timescales.add(1, new Timescale(new Timespan(1 + setting.nextInt(8),
          TimeUnit.WORKING_DAYS), t.anchor(), t.when(), t.citation(), t.span()));
    }
  }

  /**
   * Sometimes routes the case chooses ({@code when ... if}) on some kinds of response; on no
   * response only onwards, for the reason {@link #stage} gives.
   */
  private List<Transitions.Choice> choices(int i) {
    List<Transitions.Choice> choices = new ArrayList<>();
    if (attributes.isEmpty() || random.nextInt(3) != 0) {
      return choices;
    }
    for (int n = 1 + random.nextInt(3); n > 0; n--) {
      Transitions.Response on = Transitions.Response.values()[random.nextInt(3)];
      Target to = on == Transitions.Response.NO_RESPONSE ? later(i) : target();
      choices.add(new Transitions.Choice(on, condition(2).orElseThrow(), to, citation(), span()));
    }
    return choices;
  }

  /** A stage after stage {@code i}, or an outcome. */
  private Target later(int i) {
    return i + 1 < stages.size() && random.nextBoolean()
        ? new Target.ToStage(stages.get(i + 1 + random.nextInt(stages.size() - i - 1)))
        : new Target.ToOutcome(pick(outcomes));
  }

  private Target target() {
    return random.nextBoolean() ? new Target.ToStage(pick(stages))
        : new Target.ToOutcome(pick(outcomes));
  }

  private Timespan duration() {
    return switch (random.nextInt(7)) {
      case 0 -> new Timespan(0, TimeUnit.SAME_WORKING_DAY);
      case 1 -> new Timespan(1 + random.nextInt(10), TimeUnit.CALENDAR_DAYS);
      case 2 -> new Timespan(1 + random.nextInt(3), TimeUnit.WEEKS);
      case 3 -> new Timespan(1 + random.nextInt(48), TimeUnit.HOURS);
      case 4 -> new Timespan(1, TimeUnit.MONTHS);
      default -> new Timespan(1 + random.nextInt(8), TimeUnit.WORKING_DAYS);
    };
  }

  /** How a step is done: half the steps name channels, a third are good practice. */
  private Manner manner() {
    List<Manner.Channel> channels = new ArrayList<>();
    if (random.nextBoolean()) {
      List<Manner.Channel> all = new ArrayList<>(List.of(Manner.Channel.values()));
      java.util.Collections.shuffle(all, random);
      channels.addAll(all.subList(0, 1 + random.nextInt(2)));
    }
    return new Manner(channels, random.nextInt(3) != 0);
  }

  /**
   * A step's deadline (issue 14, point 4) a third of the time: a clock of its own, in working
   * days, hours or the same working day.
   */
  private Optional<Timespan> within() {
    return switch (clocking.nextInt(9)) {
      case 0 -> Optional.of(Timespan.workingDays(1 + clocking.nextInt(6)));
      case 1 -> Optional.of(new Timespan(12 + clocking.nextInt(60), TimeUnit.HOURS));
      case 2 -> Optional.of(new Timespan(0, TimeUnit.SAME_WORKING_DAY));
      default -> Optional.empty();
    };
  }

  /**
   * An action, by one role, by whoever the host says, or now and then jointly by two roles
   * ({@code by A and B}: done when each has reported it).
   */
  private Step.Act act(Optional<Condition> when) {
    String id = word("act \"id\"");
    String what = word("do \"something\"");
    Optional<String> by = random.nextBoolean() ? Optional.of(pick(roles)) : Optional.empty();
    Optional<Timespan> within = within();
    Optional<Timescale.Firmness.Word> urgency = urgency();
    List<String> alsoBy = by.isPresent() && roles.size() > 1 && clocking.nextInt(4) == 0
        ? List.of(roles.stream().filter(r -> !r.equals(by.get())).findFirst().orElseThrow())
        : List.of();
    return new Step.Act(id, what, by, within, when, citation(), span(), manner(),
        Optional.empty(), urgency, alsoBy);
  }

  /**
   * In a protocol that declares a date, half of the actions with a deadline in working days or
   * hours fall due before it ({@code within 2 working days before conference}).
   */
  private Step dated(Step.Act a) {
    if (!dated || a.within().isEmpty() || a.urgency().isPresent()
        || a.within().get().unit() == TimeUnit.SAME_WORKING_DAY || !dating.nextBoolean()) {
      return a;
    }
    return new Step.Act(a.id(), a.what(), a.by(), a.within(), a.when(), a.citation(), a.span(),
        a.manner(), Optional.of(new Timescale.Anchor.Before("conference")), a.urgency(),
        a.alsoBy());
  }

  /**
   * Now and then a step's deadline written with a word for urgency ({@code action "..."
   * immediately}): the step then has the timescale the word stands for, whatever {@link #within}
   * gave.
   */
  private Optional<Timescale.Firmness.Word> urgency() {
    int n = clocking.nextInt(12);
    return n < 3 ? Optional.of(List.of(Timescale.Firmness.Word.IMMEDIATELY,
        Timescale.Firmness.Word.WITHOUT_DELAY, Timescale.Firmness.Word.AS_SOON_AS_POSSIBLE).get(n))
        : Optional.empty();
  }

  /**
   * A {@code to} line; one of several roles without {@code if} is answered jointly a third of
   * the time ({@code to A and B}: each must answer), as the checker allows.
   */
  private Step.EscalateTo escalateTo(List<String> to, boolean bothAgencies,
      Optional<Condition> when) {
    boolean jointly = to.size() > 1 && when.isEmpty() && answering.nextInt(3) == 0;
    return new Step.EscalateTo(to, bothAgencies, jointly, when, citation(), span());
  }

  /**
   * Sometimes a clock on raising, counted from one of the events: a late raise is recorded, and
   * the generated machine must keep the raise and the events as the engine does.
   */
  private List<org.escalon.model.RaiseClock> raiseClocks() {
    if (events.isEmpty() || raiseClocks.nextInt(3) != 0) {
      return List.of();
    }
    Timespan d = raiseClocks.nextBoolean() ? new Timespan(1 + raiseClocks.nextInt(4),
        TimeUnit.WORKING_DAYS) : new Timespan(0, TimeUnit.SAME_WORKING_DAY);
    return List.of(new org.escalon.model.RaiseClock(d, List.of(events.get(
        raiseClocks.nextInt(events.size()))), Optional.empty(), Optional.empty(), span()));
  }

  /** Sometimes who takes the case further from the stage ({@code escalated by}). */
  private Optional<org.escalon.model.EscalatedBy> escalatedBy() {
    return escalating.nextInt(4) != 0 ? Optional.empty()
        : Optional.of(new org.escalon.model.EscalatedBy(roles.get(escalating.nextInt(
            roles.size())), Optional.empty(), span()));
  }

  /**
   * A role looked up in a directory a quarter of the time ({@code looked up in directory "..."}),
   * not per agency: a random protocol declares no agency (E0424).
   */
  private Optional<Role.Lookup> lookup() {
    return standing.nextInt(4) == 0 ? Optional.of(new Role.Lookup(
        List.of("single points of contact", "duty rota").get(standing.nextInt(2)), false))
        : Optional.empty();
  }

  /**
   * A stage's {@code to} lines of one role, a third of the time with a substitute, another role
   * ({@code to A, or B when unavailable}), as the checker allows (E0447, E0448).
   */
  private List<Step> substitutes(List<Step> steps) {
    List<Step> out = new ArrayList<>();
    for (Step step : steps) {
      if (step instanceof Step.EscalateTo e && e.roles().size() == 1 && roles.size() > 1
          && standing.nextInt(3) == 0) {
        List<String> others = roles.stream().filter(r -> !r.equals(e.roles().get(0))).toList();
        step = new Step.EscalateTo(e.roles(), e.bothAgencies(), e.jointly(), e.when(),
            e.citation(), e.span(), Optional.of(others.get(standing.nextInt(others.size()))));
      }
      out.add(step);
    }
    return out;
  }

  /**
   * Sometimes who judges the stage ({@code judged by}), in place of those it goes to: either of
   * them, or each ({@code and}); drawn apart, so that earlier protocols only gain it.
   */
  private Optional<Judges> judges() {
    if (answering.nextInt(5) != 0) {
      return Optional.empty();
    }
    List<String> judges = new ArrayList<>();
    for (int n = 1 + answering.nextInt(2); n > 0; n--) {
      String r = roles.get(answering.nextInt(roles.size()));
      if (!judges.contains(r)) {
        judges.add(r);
      }
    }
    return Optional.of(new Judges(judges, judges.size() > 1 && answering.nextBoolean(),
        Optional.empty(), span()));
  }

  /** Who records: the raiser (none said) half the time. */
  private Optional<String> recorder() {
    return random.nextBoolean() ? Optional.of(pick(roles)) : Optional.empty();
  }

  private List<Step> steps(int min, int max) {
    List<Step> steps = new ArrayList<>();
    for (int n = min + random.nextInt(max - min + 1); n > 0; n--) {
      Optional<Condition> when = random.nextInt(4) == 0 ? condition(2) : Optional.empty();
      steps.add(switch (random.nextInt(7)) {
        case 0 -> escalateTo(some(roles), random.nextBoolean(), when);
        case 1 -> new Step.Copy(some(roles), when, citation(), span());
        case 2 -> new Step.Inform(Step.Inform.Kind.values()[random.nextInt(3)], some(roles),
            random.nextBoolean() ? Optional.of(word("of it")) : Optional.empty(),
            random.nextBoolean() ? Optional.of(pick(roles)) : Optional.empty(),
            Optional.empty(), when, citation(), span(), manner());
        case 3 -> dated(act(when));
        case 4 -> !forms.isEmpty() && random.nextBoolean()
            ? new Step.Keep(Optional.of(pick(forms)), Optional.empty(), some(roles),
                Optional.empty(), when, citation(), span(), recorder(), manner())
            : new Step.Keep(Optional.empty(), Optional.of(word("a note")), List.of(),
                within(),
                when, citation(), span(), recorder(), manner(), Optional.empty(), urgency());
        default -> new Step.Remind(some(roles), random.nextBoolean()
            ? new Timespan(1 + random.nextInt(2), TimeUnit.WEEKS)
            : new Timespan(24 + random.nextInt(48), TimeUnit.HOURS), random.nextBoolean(),
            some(roles), when, citation(), span());
      });
    }
    return steps;
  }

  /** A stage's preconditions: some of any kind, and at times a step done before entry. */
  private List<Precondition> stagePreconditions() {
    List<Precondition> list = new ArrayList<>(preconditions(1, 2));
    if (random.nextBoolean()) {
      // `requires action before_N "..." by ROLE`: an id of its own, one role, no deadline
      list.add(random.nextInt(list.size() + 1), new Precondition.Done(new Step.Act(
          "before_" + (++stepsBefore), word("tell the manager"), Optional.of(pick(roles)),
          Optional.empty(), Optional.empty(), citation(), span()), span()));
    }
    return list;
  }

  private int stepsBefore;

  private List<Precondition> preconditions(int min, int max) {
    List<Precondition> list = new ArrayList<>();
    for (int n = min + random.nextInt(max - min + 1); n > 0; n--) {
      list.add(switch (random.nextInt(attributes.isEmpty() ? 3 : 4)) {
        case 0 -> new Precondition.Completed(some(stages), span());
        case 1 -> new Precondition.Agreement(pick(roles), span());
        case 2 -> new Precondition.Advice(pick(roles), span());
        default -> new Precondition.Holds(condition(2).orElseThrow(), span());
      });
    }
    return list;
  }

  private Optional<Condition> condition(int depth) {
    if (attributes.isEmpty()) {
      return Optional.empty();
    }
    Attribute a = attributes.get(random.nextInt(attributes.size()));
    int kind = random.nextInt(depth > 0 ? 5 : 2);
    return Optional.of(switch (kind) {
      case 0 -> new Condition.Holds(a.name());
      case 1 -> new Condition.Is(a.name(), pick(a.isYesNo() ? List.of("yes", "no", "maybe")
          : java.util.stream.Stream.concat(a.choices().stream(), java.util.stream.Stream.of("no",
              "elsewhere")).toList()));
      case 2 -> new Condition.Not(condition(depth - 1).orElseThrow());
      case 3 -> new Condition.And(condition(depth - 1).orElseThrow(),
          condition(depth - 1).orElseThrow());
      default -> new Condition.Or(condition(depth - 1).orElseThrow(),
          condition(depth - 1).orElseThrow());
    });
  }

  private HistoryRule history(int depth) {
    List<Integer> kinds = new ArrayList<>();
    if (scale != null) {
      kinds.add(0);
    }
    if (!events.isEmpty()) {
      kinds.add(1);
      kinds.add(2);
    }
    if (attributes.stream().anyMatch(Attribute::isYesNo)) {
      kinds.add(3);
    }
    if (depth > 0) {
      kinds.add(4);
      kinds.add(5);
    }
    if (kinds.isEmpty()) {
      return new HistoryRule.Holds("nothing_declared");
    }
    return switch (pick(kinds)) {
      case 0 -> new HistoryRule.Graded("grading", random.nextBoolean() ? "inadequate" : "good",
          1 + random.nextInt(2), random.nextBoolean());
      case 1 -> new HistoryRule.Count(pick(events), 1 + random.nextInt(3));
      case 2 -> new HistoryRule.Since(duration(), pick(events));
      case 3 -> new HistoryRule.Holds(attributes.stream().filter(Attribute::isYesNo).findFirst()
          .orElseThrow().name());
      case 4 -> new HistoryRule.And(history(depth - 1), history(depth - 1));
      default -> new HistoryRule.Or(history(depth - 1), history(depth - 1));
    };
  }

  private Right right() {
    Right.Kind kind = Right.Kind.values()[random.nextInt(3)];
    List<Target> targets = new ArrayList<>();
    for (int n = 1 + random.nextInt(3); n > 0; n--) {
      Target t = kind == Right.Kind.START ? new Target.ToStage(pick(stages))
          : kind == Right.Kind.REFER ? new Target.ToOutcome(pick(outcomes)) : target();
      if (!targets.contains(t)) {
        targets.add(t);
      }
    }
    // `bypass to any later stage`: every stage after the first, as the lowering lists them
    boolean later = kind == Right.Kind.BYPASS && stages.size() > 1 && random.nextInt(3) == 0;
    if (later) {
      targets = stages.stream().skip(1).map(k -> (Target) new Target.ToStage(k)).toList();
    }
    String role = random.nextBoolean() ? roles.get(0) : pick(roles);
    Right drawn = new Right(role, kind, targets,
        random.nextBoolean(), kind == Right.Kind.REFER && random.nextBoolean(), later,
        random.nextInt(4) == 0 ? condition(1) : Optional.empty(), citation(), span());
    // sometimes the raiser's referral only at the raise (drawn apart, earlier draws unchanged)
    boolean atRaise = kind == Right.Kind.REFER && role.equals(roles.get(0))
        && atOnce.nextInt(3) == 0;
    return atRaise ? new Right(drawn.role(), drawn.kind(), drawn.targets(),
        drawn.reasonRequired(), drawn.concurrently(), drawn.laterOnly(), drawn.when(),
        drawn.citation(), drawn.span(), true) : drawn;
  }

  private ExtensionRule extension() {
    ExtensionRule drawn = new ExtensionRule(random.nextInt(4) == 0 ? List.of() : some(roles),
        random.nextBoolean(), random.nextBoolean(), some(roles),
        random.nextBoolean() ? Optional.of(Timespan.workingDays(1 + random.nextInt(5)))
            : Optional.empty(),
        random.nextBoolean() ? Optional.of(1 + random.nextInt(2)) : Optional.empty(),
        random.nextBoolean() ? Optional.of(1 + random.nextInt(3)) : Optional.empty(),
        random.nextBoolean() ? List.of() : forms.isEmpty() || random.nextBoolean()
            ? List.of(word("the reason for the delay")) : List.of(forms.get(0), "a case note"),
        random.nextBoolean() ? List.of() : some(roles),
        random.nextInt(4) == 0 ? preconditions(1, 1) : List.of(), citations(), span());
    // sometimes a requirement is asked only of some of those who may ask (`requires ... when
    // requested by A`), which needs a `requested by` line (E0344)
    if (!drawn.requestedBy().isEmpty() && !drawn.preconditions().isEmpty()
        && asking.nextInt(2) != 0) {
      List<String> of = List.of(drawn.requestedBy().get(asking.nextInt(
          drawn.requestedBy().size())));
      drawn = new ExtensionRule(drawn.requestedBy(), drawn.inWriting(), drawn.withRationale(),
          drawn.grantedBy(), drawn.upTo(), drawn.maxPerStage(), drawn.maxInTotal(),
          drawn.records(), drawn.informed(), drawn.preconditions(),
          drawn.preconditions().stream().map(p -> of).toList(), drawn.citations(), drawn.span());
    }
    // a third have a guide (the usual time, never past `up to`, E0347), from their own stream so
    // that the other protocols stay as they were
    if (guiding.nextInt(3) != 0) {
      return drawn;
    }
    int most = drawn.upTo().map(Timespan::amount).orElse(10);
    return new ExtensionRule(drawn.requestedBy(), drawn.inWriting(), drawn.withRationale(),
        drawn.grantedBy(), drawn.upTo(), drawn.maxPerStage(), drawn.maxInTotal(), drawn.records(),
        drawn.informed(), drawn.preconditions(), drawn.askedOf(), drawn.citations(), drawn.span(),
        Optional.of(Timespan.workingDays(1 + guiding.nextInt(most))));
  }

  private List<String> some(List<String> from) {
    List<String> some = new ArrayList<>();
    for (String s : from) {
      if (random.nextInt(3) == 0) {
        some.add(s);
      }
    }
    if (some.isEmpty()) {
      some.add(pick(from));
    }
    return some;
  }

  private <T> T pick(List<T> from) {
    return from.get(random.nextInt(from.size()));
  }

  private List<Citation> citations() {
    return citation().stream().toList();
  }

  private Optional<Citation> citation() {
    return random.nextBoolean() ? Optional.empty()
        : Optional.of(new Citation(word("Paragraph " + line + ": \"quoted\" */ \\u000a"),
            span()));
  }

  private SourceSpan span() {
    line++;
    return new SourceSpan(file, line, 3, line, 40);
  }
}
