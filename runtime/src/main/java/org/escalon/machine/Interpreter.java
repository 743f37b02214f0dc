package org.escalon.machine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.escalon.calendar.WorkingCalendar;
import org.escalon.model.Citation;
import org.escalon.model.ExtensionRule;
import org.escalon.model.Right;
import org.escalon.model.SourceSpan;
import org.escalon.model.Target;
import org.escalon.model.TimeUnit;
import org.escalon.model.Timescale;
import org.escalon.model.Timespan;

/**
 * Runs an operational model on facts: where a move arrives, what blocks it, which duties are done,
 * which right applies, who may answer, which triggers fire, what each move does and which moves
 * are enabled. It holds no state of an escalation: the engine asks it about concrete facts and
 * carries its moves out on a concrete {@link Course}; the verifier's state exploration asks
 * {@link #enabled} about abstract {@link AbstractState}s, so the two agree by construction.
 */
public final class Interpreter {

  /** A requirement that does not hold, and why, in words. */
  public record Unmet(Requirement requirement, String reason) {}

  /**
   * Where a move arrives: the branch of its route that is taken and, when the stage or outcome
   * arrived at requires what does not hold yet, the first such requirement: the move waits there.
   */
  public record Arrival(Route.Branch branch, Optional<Unmet> blocked) {
    public Target to() {
      return branch.to();
    }
  }

  /** Why a request is refused, and the line and paragraph to cite. */
  public record Refusal(String reason, SourceSpan span, Optional<Citation> citation) {}

  /**
   * One way an escalation can be raised: by the role that raises escalations at the first stage,
   * by a role with a right to start at a stage, or by a trigger.
   */
  public record Raise(String role, StageRule at, Optional<Right> right,
      Optional<TriggerRule> trigger) {}

  private final OperationalModel model;
  private final Map<String, StageRule> stages = new HashMap<>();
  /** The triggers whose rules wait for time, with what each waits for; most protocols have none. */
  private final Map<TriggerRule, Set<Guard.Elapsed>> waits = new LinkedHashMap<>();
  private final Map<String, OutcomeRule> outcomes = new HashMap<>();
  /**
   * Each route's branches with their destinations resolved, by the route object (the stages'
   * routes are the model's own) and by target: a move walks them without looking anything up.
   */
  private final Map<Route, Leg[]> legs = new IdentityHashMap<>();
  private final Map<Target, Leg[]> legsTo = new HashMap<>();
  /** For each stage, the legs of its resolved, unsatisfactory and no-response routes. */
  private final Leg[][][] stageLegs;
  /** Each target of each bypass right, with the legs of its route. */
  private final List<Choice> bypasses = new ArrayList<>();

  /** One branch of a route: its guard, what its destination requires, how a course arrives. */
  private record Leg(Route.Branch branch, List<Requirement> requires, Consumer<Course> reach) {}

  /** A right's target, and the route a move there takes. */
  private record Choice(RightsTable.Cover cover, Leg[] legs) {}

  public Interpreter(OperationalModel model) {
    this.model = model;
    model.triggers().forEach(t -> {
      Set<Guard.Elapsed> w = new GuardReads().add(t.when()).waits();
      if (!w.isEmpty()) {
        waits.put(t, w);
      }
    });
    model.stages().forEach(s -> stages.put(s.key(), s));
    model.outcomes().forEach(o -> outcomes.put(o.name(), o));
    model.routes().forEach((target, route) -> {
      Leg[] compiled = route.branches().stream().map(this::leg).toArray(Leg[]::new);
      legs.put(route, compiled);
      legsTo.put(target, compiled);
    });
    stageLegs = new Leg[model.stages().size()][][];
    for (StageRule s : model.stages()) {
      stageLegs[s.index()] = new Leg[][] {legs(s.onResolved()), legs(s.onUnsatisfactory()),
          legs(s.onNoResponse())};
    }
    model.rights().covers(Right.Kind.BYPASS)
        .forEach(c -> bypasses.add(new Choice(c, legsTo.get(c.target()))));
  }

  private Leg leg(Route.Branch branch) {
    return TargetCases.on(branch.to(), new TargetCases<>() {
      @Override
      public Leg stage(String key) {
        StageRule stage = stages.get(key);
        return new Leg(branch, stage.requires(), c -> c.enter(stage));
      }

      @Override
      public Leg outcome(String name) {
        OutcomeRule outcome = outcomes.get(name);
        return new Leg(branch, outcome.requires(), c -> c.conclude(outcome));
      }
    });
  }

  private Leg[] legs(Route route) {
    Leg[] found = legs.get(route);
    return found != null ? found
        : route.branches().stream().map(this::leg).toArray(Leg[]::new);
  }

  public OperationalModel model() {
    return model;
  }

  /**
   * Where a move towards the target arrives: {@code only if} is decided first (a stage that does
   * not apply is walked past, whatever it requires), then the requirements of where it arrives,
   * which make the move wait there when they do not hold yet.
   */
  public Arrival arrive(Target target, Facts facts) {
    return arrive(model.route(target), facts);
  }

  public Arrival arrive(Route route, Facts facts) {
    Leg leg = taken(legs(route), facts);
    return new Arrival(leg.branch(), unmet(leg.requires(), facts));
  }

  /** The branch taken: the first whose guard holds. */
  private static Leg taken(Leg[] legs, Facts facts) {
    for (Leg leg : legs) {
      if (Guards.holds(leg.branch().when(), facts)) {
        return leg;
      }
    }
    // the last branch's guard is the negation of all before it, so one always holds
    throw new IllegalStateException("no branch of the route to "
        + TargetCases.describe(legs[0].branch().to()) + " holds");
  }

  // -------------------------------------------------------------------------------------------
  // What each move does, on any course

  /**
   * Goes towards a target: arrives where its route says and enters the stage or ends in the
   * outcome, or waits there when its requirements do not hold yet (and returns the first unmet).
   */
  public Optional<Unmet> go(Target target, Course course) {
    Leg[] to = legsTo.get(target);
    return to != null ? go(to, course) : go(model.route(target), course);
  }

  public Optional<Unmet> go(Route route, Course course) {
    return go(legs(route), course);
  }

  private Optional<Unmet> go(Leg[] legs, Course course) {
    Leg leg = taken(legs, course.facts());
    Optional<Unmet> blocked = unmet(leg.requires(), course.facts());
    if (blocked.isPresent()) {
      course.waitFor(leg.branch().to());
      return blocked;
    }
    leg.reach().accept(course);
    return Optional.empty();
  }

  /**
   * Raises the escalation at a stage: {@code only if} holds at the raise too, so a stage that
   * does not apply is walked past. Returns what blocks the raise (it is then refused).
   */
  public Optional<Unmet> raise(StageRule at, Course course) {
    return go(new Target.ToStage(at.key()), course);
  }

  /** A respondent answers: a response that does not resolve the concern completes the stage. */
  public void respond(StageRule stage, boolean resolving, Course course) {
    if (!resolving) {
      course.complete(stage);
    }
    go(stageLegs[stage.index()][resolving ? 0 : 1], course);
  }

  /** The stage's deadline passes: the stage is completed and its no-response route taken. */
  public void deadlinePasses(StageRule stage, Course course) {
    course.complete(stage);
    go(stageLegs[stage.index()][2], course);
  }

  /**
   * Whether the stay's deadline is soft: the timescale that set it ({@code timescale}, its place
   * among the stage's as declared) says {@code where possible} or {@code as a guide} (or an
   * urgency word of that meaning). Its passing is then recorded as missed, and the stay goes on
   * until someone answers or the escalator escalates ({@link #escalation}).
   */
  public boolean soft(StageRule stage, Optional<Integer> timescale) {
    return timescale.map(i -> model.protocol().stages().get(stage.index()).timescales().get(i)
        .soft()).orElse(false);
  }

  /**
   * Why {@code role} may not escalate now; empty when it may. After a soft deadline is missed the
   * escalation moves on when the escalator decides: the role that raised it (the protocol's
   * raising role when the log does not say), and only while the stay whose soft deadline was
   * missed goes on ({@code missed}). The escalation then goes where no response goes
   * ({@link #deadlinePasses}).
   */
  public Optional<Refusal> escalation(StageRule stage, boolean missed, String role,
      Optional<String> raisedBy) {
    String escalator = escalator(stage, raisedBy);
    Optional<Citation> cite = stage.citations().stream().findFirst();
    if (!role.equals(escalator)) {
      Optional<org.escalon.model.EscalatedBy> named = escalatedBy(stage);
      return Optional.of(new Refusal("after a soft deadline is missed, the escalation is moved "
          + "on by " + (named.isPresent() ? "the role that escalates stage " + stage.key()
              : "the role that raised it") + " (" + escalator + "), not " + role,
          named.map(org.escalon.model.EscalatedBy::span).orElse(stage.span()),
          named.isPresent() ? named.get().citation() : cite));
    }
    if (!missed) {
      boolean any = model.protocol().stages().get(stage.index()).timescales().stream()
          .anyMatch(org.escalon.model.Timescale::soft);
      return Optional.of(new Refusal(any ? "the soft deadline of stage " + stage.key()
          + " has not been missed: the escalator escalates only after it passes"
          : "stage " + stage.key() + " has no soft deadline: its deadline escalates by itself",
          stage.span(), cite));
    }
    return Optional.empty();
  }

  /**
   * When the escalator moves on a stay whose soft deadline was missed at {@code missed}, if
   * nobody answers first: once the bound its timescale ({@code timescale}, its place among the
   * stage's) assumes has run ({@code assume at most D}, {@code counted} from the stay's start as
   * a deadline is), else at the miss itself. The event is dated no earlier than the last one
   * (EscalationState#notBeforeLastEvent), as every event is.
   */
  public <T extends Comparable<? super T>> T escalatesAt(StageRule stage,
      Optional<Integer> timescale, T missed, Function<Timespan, T> counted) {
    Optional<T> assumed = timescale.map(model.protocol().stages().get(stage.index())
        .timescales()::get).flatMap(Timescale::firmness).flatMap(Timescale.Firmness::assumed)
        .map(counted);
    return assumed.filter(a -> a.compareTo(missed) > 0).orElse(missed);
  }

  /**
   * Who takes the case further from the stage when it is not resolved: the stage's own escalator
   * ({@code escalated by TeamManager}), else the role that raised the case (the protocol's first
   * raising role when the log does not say).
   */
  public String escalator(StageRule stage, Optional<String> raisedBy) {
    return escalatedBy(stage).map(org.escalon.model.EscalatedBy::role)
        .orElseGet(() -> raisedBy.orElse(model.raisedBy()));
  }

  private Optional<org.escalon.model.EscalatedBy> escalatedBy(StageRule stage) {
    return model.protocol().stages().get(stage.index()).escalatedBy();
  }

  /**
   * A bypass from the stage: it is completed and the target is gone to. Returns what blocks the
   * target (the bypass is then refused).
   */
  public Optional<Unmet> bypass(StageRule from, Target to, Course course) {
    course.complete(from);
    return go(to, course);
  }

  /** A fact of the case changed: a move that waits for a requirement tries again. */
  public void retry(Target waitingFor, Course course) {
    go(waitingFor, course);
  }

  /**
   * The duty to go at once that moves an escalation at the stage on now: the first, in the order
   * written, whose condition holds and whose target is an outcome or a stage later in the ladder.
   * A move that arrives at a stage asks the same of its route (the model unrolls it there), so
   * this is for an escalation already at the stage when the facts change.
   */
  public Optional<AtOnceRule> atOnce(StageRule at, Facts facts) {
    List<AtOnceRule> rules = model.atOnce();
    for (int i = 0; i < rules.size(); i++) { // by index: the engine asks after every event
      AtOnceRule rule = rules.get(i);
      if (rule.goTo().isPresent() && ModelBuilder.later(rule.goTo(), model.protocol().stages(),
          at.key()) && Guards.holds(rule.when(), facts)) {
        return Optional.of(rule);
      }
    }
    return Optional.empty();
  }

  /**
   * A fact of the case changed while the escalation is at the stage: a duty to go at once that
   * now holds moves it there (the stage is completed, as by a bypass, and the target's route
   * taken; a target that requires what does not hold yet is waited for). Returns the rule.
   */
  public Optional<AtOnceRule> movesAtOnce(StageRule at, Course course) {
    Optional<AtOnceRule> rule = atOnce(at, course.facts());
    if (rule.isPresent()) {
      course.complete(at);
      go(rule.get().goTo().get(), course);
    }
    return rule;
  }

  /** The rules with steps whose condition holds on these facts, in the order written. */
  public List<AtOnceRule> holding(Facts facts) {
    if (model.atOnce().isEmpty()) {
      return List.of(); // most protocols have none, and the engine asks around every event
    }
    return model.atOnce().stream().filter(r -> !r.duties().isEmpty()
        && Guards.holds(r.when(), facts)).toList();
  }

  /**
   * The rules whose steps are due now: their condition holds on {@code after} and did not before
   * the event ({@code before}, from {@link #holding}). Each is done once each time its condition
   * comes to hold, whether an escalation is running or not.
   */
  public List<AtOnceRule> comingToHold(List<AtOnceRule> before, Facts after) {
    List<AtOnceRule> now = holding(after);
    return now.isEmpty() ? now : now.stream().filter(r -> !before.contains(r)).toList();
  }

  /**
   * Why {@code by} may not ask for {@code asked} more time now under the stage's rule, in this
   * order: the rule names who asks, wants the request in writing or with its rationale; then
   * {@link #askForTime(StageRule, ExtensionRule, String, Optional, boolean, int, int, Facts)}'s
   * reasons.
   * The engine and the generated machines refuse a {@code RequestExtension} with these words.
   */
  public Optional<Refusal> askForTime(StageRule stage, ExtensionRule rule, String by,
      boolean inWriting, Optional<String> rationale, Timespan asked, boolean pending,
      int atStage, int inTotal, Facts facts) {
    Optional<Citation> cited = rule.citations().stream().findFirst();
    if (!rule.requestedBy().isEmpty() && !rule.requestedBy().contains(by)) {
      return Optional.of(new Refusal("more time is requested by " + String.join(", ",
          rule.requestedBy()) + ", not " + by, rule.span(), cited));
    }
    if (rule.inWriting() && !inWriting) {
      return Optional.of(new Refusal("a request for more time must be in writing", rule.span(),
          cited));
    }
    if (rule.withRationale() && rationale.map(String::isBlank).orElse(true)) {
      return Optional.of(new Refusal("a request for more time must give its rationale",
          rule.span(), cited));
    }
    return askForTime(stage, rule, by, Optional.of(asked), pending, atStage, inTotal, facts);
  }

  /**
   * Why {@code by} may not answer the request for more time ({@code granting} it, or declining
   * it) now, if so: the rule names who answers, and a request must be waiting ({@code pending}).
   */
  public Optional<Refusal> answerTime(ExtensionRule rule, String by, boolean granting,
      boolean pending) {
    Optional<Citation> cited = rule.citations().stream().findFirst();
    if (!rule.grantedBy().contains(by)) {
      return Optional.of(new Refusal("more time is " + (granting ? "granted" : "declined")
          + " by " + String.join(", ", rule.grantedBy()) + ", not " + by, rule.span(), cited));
    }
    if (!pending) {
      return Optional.of(new Refusal("there is no request for more time to "
          + (granting ? "grant" : "decline"), rule.span(), cited));
    }
    return Optional.empty();
  }

  /**
   * Why more time may not be asked for now under the stage's rule, in this order: one waits for
   * an answer, the amount asked is not positive or over the rule's {@code up to}, a limit is
   * reached, a requirement asked of a request by {@code by} does not hold ({@code requires ...
   * when requested by} names whose); empty when it may. {@code asked} is empty where the amount
   * is abstract (the verifier asks for an amount the rule allows).
   */
  public Optional<Refusal> askForTime(StageRule stage, ExtensionRule rule, String by,
      Optional<Timespan> asked, boolean pending, int atStage, int inTotal, Facts facts) {
    Optional<Citation> cited = rule.citations().isEmpty() ? Optional.empty()
        : Optional.of(rule.citations().get(0));
    if (pending) {
      return Optional.of(new Refusal("a request for more time is already waiting for an answer",
          rule.span(), cited));
    }
    if (asked.isPresent() && asked.get().amount() < 1) {
      return Optional.of(new Refusal("more time must be a positive length of time, not "
          + asked.get(), rule.span(), cited));
    }
    if (asked.isPresent() && rule.upTo().isPresent() && exceeds(asked.get(), rule.upTo().get())) {
      return Optional.of(new Refusal("an extension may be up to " + rule.upTo().get() + ", not "
          + asked.get(), rule.span(), cited));
    }
    if (rule.maxPerStage().isPresent() && atStage >= rule.maxPerStage().get()) {
      return Optional.of(new Refusal("at most " + rule.maxPerStage().get()
          + " extension(s) per stage", rule.span(), cited));
    }
    if (rule.maxInTotal().isPresent() && inTotal >= rule.maxInTotal().get()) {
      return Optional.of(new Refusal("at most " + rule.maxInTotal().get()
          + " extension(s) in total", rule.span(), cited));
    }
    return unmet(stage.extensionRequires().stream().filter(r -> r.askedOf(by)).toList(), facts)
        .map(u -> new Refusal(
        "cannot ask for more time: " + u.reason(), u.requirement().span(), Optional.empty()));
  }

  /**
   * Why {@code by} may not take the decision named now, if so: a decision is taken by one of its
   * roles; a stage's while the escalation is at its stage ({@code at}: the stage it is at, none
   * when it is not at a stage), the protocol's at any time ({@link #anyTime}). The engine and the
   * generated machines refuse a {@code Decide} event with these words; the verifier offers the
   * decision only where none is given.
   */
  public Optional<Refusal> deciding(Optional<String> at, String by, String decision) {
    Optional<org.escalon.model.Attribute> fact = decision(decision);
    if (fact.isEmpty()) {
      return unknownDecision(decision);
    }
    org.escalon.model.Attribute.Decision d = fact.get().decision().orElseThrow();
    Optional<Citation> cite = d.citations().stream().findFirst();
    if (!d.by().contains(by)) {
      return Optional.of(new Refusal(decision + " is decided by " + String.join(" or ", d.by())
          + ", not " + by, fact.get().span(), cite));
    }
    if (d.stage().isPresent() && !at.equals(d.stage())) {
      return Optional.of(new Refusal(decision + " is decided at stage " + d.stage().get()
          + ", and the escalation is " + at.map(k -> "at stage " + k).orElse("not at a stage"),
          fact.get().span(), cite));
    }
    return Optional.empty();
  }

  /**
   * Whether the decision named is the protocol's, not a stage's: its role takes it at any time,
   * before the raise and after the end too, like a fact of the case the host sets (a judgement of
   * the issue, such as "more serious or urgent", that a right's condition reads when it is used).
   * The engines ask whether the escalation is open only of a stage's decision.
   */
  public boolean anyTime(String decision) {
    return decision(decision).flatMap(org.escalon.model.Attribute::decision)
        .map(d -> d.stage().isEmpty()).orElse(false);
  }

  private Optional<org.escalon.model.Attribute> decision(String name) {
    return model.protocol().attributes().stream()
        .filter(a -> a.name().equals(name) && a.decision().isPresent()).findFirst();
  }

  /**
   * A decision the protocol does not have is refused first, before anything about the escalation
   * is asked (so a protocol with no decision refuses every {@code Decide} in these words).
   */
  public Optional<Refusal> unknownDecision(String decision) {
    return decision(decision).isPresent() ? Optional.empty()
        : Optional.of(new Refusal("the protocol has no decision " + decision,
            model.protocol().span(), Optional.empty()));
  }

  /**
   * Why the host may not set the attribute named as a fact of the case, if so: a decision is
   * taken by its role ({@link #deciding}), not set.
   */
  public Optional<Refusal> setting(String attribute) {
    return decision(attribute).map(a -> new Refusal(attribute + " is a decision: "
        + String.join(" or ", a.decision().orElseThrow().by()) + " takes it "
        + a.decision().orElseThrow().stage().map(k -> "at stage " + k).orElse("at any time")
        + " (a Decide event), it is not set",
        a.span(), a.decision().orElseThrow().citations().stream().findFirst()));
  }

  /**
   * What setting a timescale during the case comes to: refused, or the deadline it gives and the
   * timescale that now counts ({@code timescale}: its place among the stage's as declared), which
   * decides from then on whether the stay's deadline is soft ({@link #soft}).
   */
  public record TimeSet<T>(Optional<Refusal> refused, Optional<T> deadline,
      Optional<Integer> timescale) {

    /** The deadline, or the refusal made into what {@code refuse} throws. */
    public <X extends RuntimeException> Optional<T> or(
        java.util.function.Function<Refusal, X> refuse) {
      if (refused.isPresent()) {
        throw refuse.apply(refused.get());
      }
      return deadline;
    }
  }

  /**
   * {@code by} sets the stage's timescale to {@code amount}: refused (see {@link #mayNotSetTime}),
   * or the deadline counted again by {@code counted} from the start of the stay, the value set
   * standing for that role's timescales ({@link Timescales#afterSetting}).
   */
  public <T extends Comparable<? super T>> TimeSet<T> setTime(String stageKey, String by,
      Timespan amount, Facts facts, java.util.function.Function<Timespan, T> counted) {
    StageRule stage = model.stage(stageKey).orElseThrow();
    Optional<Refusal> refused = model.protocol().role(by).isEmpty()
        ? Optional.of(new Refusal("the protocol has no role " + by, model.protocol().span(),
            Optional.empty()))
        : mayNotSetTime(stage, by, amount, facts);
    Optional<Timescales.Due<T>> due = refused.isPresent() ? Optional.empty()
        : stage.timescales().afterSetting(facts, by, amount, counted);
    return new TimeSet<>(refused, due.map(Timescales.Due::at), due.map(d -> model.protocol()
        .stages().get(stage.index()).timescales().indexOf(d.timescale())));
  }

  /**
   * Why {@code by} may not set the stage's timescale to {@code amount} now, if so: a timescale
   * that applies must be set by that role, and the value must be a positive length; where there is
   * a cap ({@link Timescale#cap}), in its unit and no longer than it.
   */
  private Optional<Refusal> mayNotSetTime(StageRule stage, String by, Timespan amount,
      Facts facts) {
    List<Timescale> applying = stage.timescales().applying(facts);
    List<Timescale> settable = applying.stream().filter(t -> t.setBy().isPresent()).toList();
    if (settable.isEmpty()) {
      return Optional.of(nothingToSet(stage));
    }
    Timescale t = settable.get(0);
    List<String> setters = settable.stream().flatMap(x -> x.setBy().orElseThrow().roles()
        .stream()).distinct().toList();
    if (!setters.contains(by)) {
      return Optional.of(new Refusal("the timescale of stage " + stage.key() + " is set by "
          + String.join(", ", setters) + ", not " + by, t.span(), t.citation()));
    }
    Optional<Timespan> cap = stage.timescales().setBy(facts, by).get(0).cap();
    if (amount.amount() < 1 && amount.unit() != TimeUnit.SAME_WORKING_DAY) {
      return Optional.of(new Refusal("a timescale must be a positive length of time, not "
          + amount, t.span(), t.citation()));
    }
    // with no cap (`assume at most D`) any positive value stands: the assumption is the tools'
    // bound, not a rule of the policy
    if (cap.isPresent() && exceeds(amount, cap.get())) {
      return Optional.of(new Refusal("the timescale of stage " + stage.key()
          + " may be set up to " + cap.get() + ", not " + amount, t.span(), t.citation()));
    }
    return Optional.empty();
  }

  /**
   * The roles a stay at the stage waits for to set its timescale, when it does: a timescale that
   * applies is set during the case with neither guide nor cap ({@link Timescale#initial} none),
   * and none that applies gives a deadline before a value is set. Until one of them sets it, the
   * stay has no deadline (the assumption bounds the tools, never the engine), as an untimed stage
   * waits. Empty when a deadline runs from the start, or the stage has nothing to set.
   */
  public List<String> awaitingTime(StageRule stage, Facts facts) {
    List<Timescale> applying = stage.timescales().applying(facts);
    for (int i = 0; i < applying.size(); i++) { // a loop: the verifier asks it of every state
      if (applying.get(i).initial().isPresent()) {
        return List.of();
      }
    }
    return applying.stream().filter(Timescale::awaitsValue)
        .flatMap(t -> t.setBy().orElseThrow().roles().stream()).distinct().toList();
  }

  /**
   * What a stay just entered at the stage waits for before it has a deadline, in words (the
   * engine and the generated machine tell the host, {@code Effect.WaitingFor}): "its timescale,
   * set by IRO"; empty when a deadline runs ({@link #awaitingTime}).
   */
  public List<String> awaiting(StageRule stage, Facts facts) {
    List<String> setters = awaitingTime(stage, facts);
    return setters.isEmpty() ? List.of()
        : List.of("its timescale, set by " + String.join(" or ", setters));
  }

  /**
   * Why a stay at the stage has no deadline, in the words every tool uses: "has no timescale", or,
   * for a timescale set during the case with neither guide nor cap, "has no deadline until IRO
   * sets its timescale" (what the stay waits for).
   */
  public static String noDeadline(org.escalon.model.Stage stage) {
    List<String> setters = stage.timescales().stream().filter(Timescale::awaitsValue)
        .flatMap(t -> t.setBy().orElseThrow().roles().stream()).distinct().toList();
    return setters.isEmpty() ? "has no timescale" : "has no deadline until "
        + String.join(" or ", setters) + " sets its timescale";
  }

  /** The refusal of a timescale set at a stage that has none set during the case now. */
  public Refusal nothingToSet(StageRule stage) {
    return new Refusal("stage " + stage.key() + " has no timescale set during the case",
        stage.span(), Optional.empty());
  }

  private static boolean exceeds(Timespan asked, Timespan limit) {
    return asked.unit() != limit.unit() || asked.amount() > limit.amount();
  }

  // -------------------------------------------------------------------------------------------
  // The moves enabled in a state

  /**
   * The ways to raise an escalation given the facts: the role that raises escalations at the
   * first stage, each right to start elsewhere whose condition holds, each trigger whose rule
   * holds. Where each arrives (and whether it is refused) is {@link #raise}'s to say.
   */
  public List<Raise> raises(Facts facts) {
    List<Raise> raises = new ArrayList<>();
    raises.add(new Raise(model.raisedBy(), model.stages().get(0), Optional.empty(),
        Optional.empty()));
    for (RightsTable.Entry e : model.rights().entries(Right.Kind.START)) {
      if (Guards.holds(e.when(), facts)) {
        for (Target t : e.right().targets()) {
          if (t instanceof Target.ToStage s) {
            raises.add(new Raise(e.right().role(), model.stage(s.key()).orElseThrow(),
                Optional.of(e.right()), Optional.empty()));
          }
        }
      }
    }
    for (TriggerRule t : model.triggers()) {
      if (Guards.holds(t.when(), facts)) {
        raises.add(new Raise(t.raisedBy(), model.stage(t.raiseAt()).orElseThrow(),
            Optional.empty(), Optional.of(t)));
      }
    }
    return raises;
  }

  /**
   * The same, for a case whose facts {@code set} before the raise (only what is set, nothing a
   * history might add) may already make a trigger's rule hold: that trigger raised the escalation
   * the moment they did, so only the triggers raise it (a raise by hand finds it raised).
   */
  public List<Raise> raises(Facts facts, Facts set) {
    List<Raise> all = raises(facts);
    return firing(List.of(), set).isEmpty() ? all
        : all.stream().filter(r -> r.trigger().isPresent()).toList();
  }

  /**
   * Everywhere a raise can arrive, whatever the facts: every destination of the route to each
   * stage an escalation can be raised at (the first, each a right to start names, each a trigger
   * raises at), as a stage that does not apply is walked past at the raise too.
   */
  public List<Target> raiseArrivals() {
    List<Target> arrivals = new ArrayList<>();
    for (String at : raiseStages()) {
      model.route(new Target.ToStage(at)).branches().forEach(b -> arrivals.add(b.to()));
    }
    return arrivals;
  }

  /**
   * The stages an escalation can be raised at, each once, in this order: the first, each a right
   * to start names, each a trigger raises at. Before the {@code only if} of any of them is read.
   */
  public List<String> raiseStages() {
    Set<String> raisedAt = new LinkedHashSet<>(List.of(model.stages().get(0).key()));
    model.rights().entries(Right.Kind.START).forEach(e -> e.right().targets().stream()
        .filter(Target.ToStage.class::isInstance)
        .forEach(t -> raisedAt.add(((Target.ToStage) t).key())));
    model.triggers().forEach(t -> raisedAt.add(t.raiseAt()));
    return List.copyOf(raisedAt);
  }

  /**
   * Every move the protocol allows from an open escalation, each with the state it leads to, in
   * a fixed order: the responses, the deadline (or, with none until a value is set, its setting),
   * bypasses, referrals, then more time. A move the
   * engine would refuse (a bypass or referral to what requires what does not hold, more time
   * beyond the limits) is not reported. What the case's facts may do besides (agreements, advice,
   * attributes, events) is the explorer's to choose; {@link #retry} says what they do to a wait.
   */
  public <P> void enabled(AbstractState<P> at, Moves<P> out) {
    StageRule stage = model.stages().get(at.stage());
    List<String> roles = stage.respondents().roles();
    String respondent = roles.isEmpty() ? model.raisedBy() : roles.get(0);
    for (boolean resolving : new boolean[] {true, false}) {
      if (out.tookResponse(stage, respondent, resolving)) {
        continue;
      }
      AbstractState.Successor<P> next = at.successor();
      respond(stage, resolving, next);
      out.respond(stage, respondent, resolving, next.freeze());
    }
    if (at.deadlineRunning() && !out.tookDeadline(stage)) {
      AbstractState.Successor<P> next = at.successor();
      if (stage.timescales().applying(at).stream().allMatch(Timescale::soft)) {
        // the move is the soft deadline missed, then the escalator's: as the engine's miss, it
        // leaves no request waiting (time abstract, the timescales that apply stand for the one
        // that counts, which soft() reads)
        next.requestLapses();
      }
      deadlinePasses(stage, next);
      out.deadlinePasses(stage, next.freeze());
    }
    List<String> setters = at.deadlineRunning() ? List.of() : awaitingTime(stage, at);
    if (!setters.isEmpty()) {
      // the stay has no deadline until a value is set; once one is, its deadline runs (its
      // length is the tools' to bound, the assumption: time is abstract here)
      AbstractState.Successor<P> next = at.successor();
      next.setTime(stage, setters.get(0));
      out.setTime(stage, setters.get(0), next.freeze());
    }
    if (!bypasses.isEmpty() && !out.tookBypasses(stage)) {
      for (Choice c : bypasses) {
        if (applies(c.cover(), stage, at, false) && !out.tookBypass(c.cover())) {
          AbstractState.Successor<P> next = at.successor();
          next.complete(stage);
          if (go(c.legs(), next).isEmpty()) {
            out.bypass(c.cover(), next.freeze());
          }
        }
      }
    }
    for (RightsTable.Cover c : model.rights().covers(Right.Kind.REFER)) {
      if (!(c.target() instanceof Target.ToOutcome o) || c.right().atRaise()
          || !applies(c, stage, at, false)) {
        continue; // a referral only at the raise is a way to raise (see atTheRaise)
      }
      OutcomeRule outcome = outcomes.get(o.name());
      if (unmet(outcome.requires(), at).isPresent()) {
        continue;
      }
      AbstractState.Successor<P> next = at.successor();
      if (c.entry().right().concurrently()) {
        next.referConcurrently(outcome);
      } else {
        next.conclude(outcome);
      }
      out.refer(c, outcome, next.freeze());
    }
    if (stage.extension().isEmpty()) {
      return;
    }
    ExtensionRule rule = stage.extension().get();
    if (!at.extensionPending()) {
      // the request leads to the same state whoever makes it: the first who may make it now
      for (String by : rule.requestedBy().isEmpty() ? List.of(respondent) : rule.requestedBy()) {
        if (askForTime(stage, rule, by, Optional.empty(), false, at.extensionsAtStage(),
            at.extensionsInTotal(), at).isEmpty()) {
          AbstractState.Successor<P> next = at.successor();
          next.askForTime();
          out.askForTime(stage, rule, by, next.freeze());
          break;
        }
      }
      return;
    }
    // time is granted against a running deadline; a request can always be declined
    if (at.deadlineRunning()) {
      AbstractState.Successor<P> next = at.successor();
      next.grantTime();
      out.grantTime(stage, rule, rule.grantedBy().get(0), next.freeze());
    }
    AbstractState.Successor<P> next = at.successor();
    next.declineTime();
    out.declineTime(stage, rule, rule.grantedBy().get(0), next.freeze());
  }

  /**
   * The referrals a role may make at the raise ({@code refer to X at the raise}) from the stage
   * the escalation was raised into, each state it leads to handed to {@code out} (frozen from a
   * successor that the next may reuse): the verifier's ways to be raised, besides the raise alone.
   * A move the engine would refuse is not reported.
   */
  public <P> void atTheRaise(AbstractState<P> raised, Consumer<P> out) {
    StageRule stage = model.stages().get(raised.stage());
    for (RightsTable.Cover c : model.rights().covers(Right.Kind.REFER)) {
      if (!c.right().atRaise() || !(c.target() instanceof Target.ToOutcome o)
          || !applies(c, stage, raised, true)) {
        continue;
      }
      OutcomeRule outcome = outcomes.get(o.name());
      if (unmet(outcome.requires(), raised).isPresent()) {
        continue;
      }
      AbstractState.Successor<P> next = raised.successor();
      if (c.entry().right().concurrently()) {
        next.referConcurrently(outcome);
      } else {
        next.conclude(outcome);
      }
      out.accept(next.freeze());
    }
  }

  /**
   * Whether the right applies to its target now: it holds, and no earlier one of the role that
   * may be used now does ({@link RightsTable#usable}: one only at the raise shadows nothing later).
   */
  private boolean applies(RightsTable.Cover c, StageRule from, Facts facts, boolean atTheRaise) {
    Optional<String> at = Optional.of(from.key());
    if (!model.rights().reaches(c.right(), at, c.target())
        || !Guards.holds(c.entry().when(), facts)) {
      return false;
    }
    // the first right of the role that covers the target applies; one that cannot reach it from
    // here (`any later stage`) counts as one whose condition does not hold, as in RightsTable.find
    List<RightsTable.Entry> earlier = c.earlier();
    for (int i = 0; i < earlier.size(); i++) { // by index: the verifier asks this of every state
      RightsTable.Entry e = earlier.get(i);
      if (model.rights().reaches(e.right(), at, c.target()) && Guards.holds(e.when(), facts)
          && RightsTable.usable(e.right(), atTheRaise)) {
        return false;
      }
    }
    return true;
  }

  /** The first requirement that does not hold, in the order written. */
  public Optional<Unmet> unmet(List<Requirement> requirements, Facts facts) {
    // by index: most targets require nothing, and every move asks (no iterator each time)
    for (int i = 0; i < requirements.size(); i++) {
      Requirement r = requirements.get(i);
      Optional<String> why = Guards.unmet(r.guard(), facts);
      if (why.isPresent()) {
        return Optional.of(new Unmet(r, why.get()));
      }
    }
    return Optional.empty();
  }

  /** Every requirement that does not hold, in the order written. */
  public List<Unmet> unmetAll(List<Requirement> requirements, Facts facts) {
    return requirements.stream().flatMap(r -> Guards.unmet(r.guard(), facts).stream()
        .map(why -> new Unmet(r, why))).toList();
  }

  /**
   * What an escalation waiting for these requirements waits for, in words: the reason of each
   * that does not hold, in the order written (a loop: a machine asks it whenever it starts to
   * wait).
   */
  public List<String> missing(List<Requirement> requirements, Facts facts) {
    List<String> missing = new ArrayList<>(requirements.size());
    for (Requirement r : requirements) {
      Guards.unmet(r.guard(), facts).ifPresent(missing::add);
    }
    return List.copyOf(missing);
  }

  /**
   * The step with this id that a stage requires done before it is entered ({@code requires
   * notify ... by ROLE}), if one does. Its role reports it done (before the raise too, as advice
   * may be given), and a move waiting at the stage's door tries again.
   */
  public Optional<Guard.Done> requiredBefore(String step) {
    for (StageRule stage : model.stages()) {
      for (Requirement r : stage.requires()) {
        for (Guard.Done d : new GuardReads().add(r.guard()).done()) {
          if (d.step().equals(step)) {
            return Optional.of(d);
          }
        }
      }
    }
    return Optional.empty();
  }

  /** Whether {@code by} may report the step required before a stage done: its role only. */
  public Optional<Refusal> reporting(Guard.Done step, String by) {
    return step.by().equals(by) ? Optional.empty() : Optional.of(new Refusal("step "
        + step.step() + " is reported done by " + step.by(), model.protocol().span(),
        Optional.empty()));
  }

  /** The duties whose guard holds, in order. */
  public List<Duty> duties(List<Duty> duties, Facts facts) {
    // a loop, not a stream: the engine asks this on every entry, and most duties always hold
    List<Duty> holding = null;
    for (int i = 0; i < duties.size(); i++) {
      boolean holds = Guards.holds(duties.get(i).when(), facts);
      if (!holds && holding == null) {
        holding = new ArrayList<>(duties.subList(0, i));
      } else if (holds && holding != null) {
        holding.add(duties.get(i));
      }
    }
    return holding == null ? List.copyOf(duties) : List.copyOf(holding);
  }

  /**
   * The step clocks entering a stage or outcome starts: its steps with a {@code within} whose
   * guard holds ({@link StepClocks}). A clock never moves the escalation: a missed step deadline
   * is recorded, and the stage's response timescale alone escalates.
   */
  public List<StepClocks.Clock> stepClocks(List<Duty> duties, Facts facts) {
    return StepClocks.of(duties(duties, facts));
  }

  /**
   * Which right, if any, lets the role do this to the target now; {@code atTheRaise}: the move is
   * dated the raise's instant ({@link RightsTable#find}).
   */
  public RightsTable.Lookup right(Right.Kind kind, String role, Target target,
      Optional<String> from, Facts facts, boolean atTheRaise) {
    return model.rights().find(kind, role, target, from, facts, atTheRaise);
  }

  /**
   * Why the right may not be used now, if so: a referral allowed only at the raise ({@code refer
   * to cafcass at the raise}, "at the same time as the dispute is instigated") is refused once the
   * moment of the raise has passed; {@code atTheRaise} says whether the request comes at the raise
   * (the engine and the generated machine: dated the raise's instant; the verifier: with the raise).
   */
  public Optional<Refusal> tooLate(Right right, boolean atTheRaise) {
    if (!right.atRaise() || atTheRaise) {
      return Optional.empty();
    }
    return Optional.of(new Refusal(right.role() + " may refer to "
        + right.targets().stream().map(TargetCases::describe).reduce((a, b) -> a + ", " + b)
            .orElse("") + " only at the raise, at the same time as the escalation is raised",
        right.span(), right.citation()));
  }

  /**
   * Who may answer a stage: the roles it is escalated to. A stage escalated to no one (W0503)
   * may be answered by any role of the protocol.
   */
  public boolean mayRespond(StageRule stage, String role) {
    List<String> roles = stage.respondents().roles();
    return roles.isEmpty() || roles.contains(role);
  }

  /**
   * Who may answer a stage once the host has said that the addressees in {@code unavailable} are
   * unavailable this stay: those {@link #mayRespond(StageRule, String)} names, and the substitute
   * of each unavailable addressee who answers ({@code to TeamManager, or DutyTeamManager when
   * unavailable}). Empty when the role may answer; else why not, citing the {@code to} line.
   */
  public Optional<Refusal> mayNotRespond(StageRule stage, String role, List<String> unavailable) {
    Respondents to = stage.respondents();
    if (mayRespond(stage, role)) {
      return Optional.empty();
    }
    for (Respondents.Substitute s : to.substitutes()) {
      if (s.role().equals(role) && to.roles().contains(s.addressee())) {
        if (unavailable.contains(s.addressee())) {
          return Optional.empty();
        }
        return Optional.of(new Refusal("stage " + stage.key() + " is answered by "
            + String.join(", ", to.roles()) + ", not " + role + ": " + role + " answers in "
            + s.addressee() + "'s place only once " + s.addressee() + " is said to be unavailable",
            s.span(), s.citation()));
      }
    }
    return Optional.of(new Refusal("stage " + stage.key() + " is answered by "
        + String.join(", ", to.roles()) + ", not " + role, to.span(), to.citation()));
  }

  /**
   * Why the host may not say that {@code role} is unavailable at the stage now: the stage names
   * no substitute for that role, or it has been said already this stay ({@code unavailable}).
   * Empty when it may: the substitute is then sent the escalation, and answers in the role's
   * place for the rest of the stay ({@link #mayNotRespond}).
   */
  public Optional<Refusal> unavailable(StageRule stage, String role, List<String> unavailable) {
    Optional<Respondents.Substitute> s = stage.respondents().substituteOf(role);
    if (s.isEmpty()) {
      return Optional.of(new Refusal("stage " + stage.key() + " names no substitute for " + role
          + ": only an addressee with one (`to " + role + ", or ROLE when unavailable`) may be "
          + "said to be unavailable", stage.span(), stage.citations().stream().findFirst()));
    }
    if (unavailable.contains(role)) {
      return Optional.of(new Refusal(role + " has already been said to be unavailable at stage "
          + stage.key() + ": " + s.get().role() + " stands in", s.get().span(),
          s.get().citation()));
    }
    return Optional.empty();
  }

  /**
   * Whether this answer ends the stay, so that the stage takes its route for it. Any answer of a
   * stage either respondent may answer does ({@code to A or B}); on a stage each must answer
   * ({@code to A and B}) an unsatisfactory answer does at once, and a resolving one only when every
   * respondent has answered resolving: {@code answered}, those who already have this stay, with
   * {@code role}.
   */
  public boolean endsStay(StageRule stage, List<String> answered, String role,
      boolean resolving) {
    Respondents to = stage.respondents();
    if (!to.jointly() || !resolving) {
      return true;
    }
    for (String r : to.roles()) {
      if (!r.equals(role) && !answered.contains(r)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Who answers, in order, when a move of {@link #enabled} says that {@code role} answers the
   * stage: on a stage each must answer, a resolving answer is every respondent's; else the role's
   * alone. Those who replay a path of moves (counterexamples, agreement tests) apply one response
   * for each.
   */
  public static List<String> answerers(StageRule stage, String role, boolean resolving) {
    return resolving && stage.respondents().jointly() ? stage.respondents().roles()
        : List.of(role);
  }

  /**
   * Why the role may not answer the stage again: on a stage each must answer, it has already
   * answered resolving this stay ({@code answered}) and the others have not yet. Empty when it
   * may.
   */
  public Optional<Refusal> answeredAgain(StageRule stage, List<String> answered, String role) {
    Respondents to = stage.respondents();
    if (!to.jointly() || !answered.contains(role)) {
      return Optional.empty();
    }
    List<String> waiting = to.roles().stream().filter(r -> !answered.contains(r)).toList();
    return Optional.of(new Refusal("stage " + stage.key() + " is resolved when " + to.joined()
        + " have each answered: " + role + " has answered, waiting for "
        + String.join(", ", waiting), to.span(), to.citation()));
  }

  /**
   * Why the role may not raise an escalation; empty when it may: a role the protocol names on its
   * {@code raised by} line ({@code raised by IRO or CPChair}), or one with a right to start one
   * (where it may start is {@link #raise}'s and the rights' to say). The refusal cites the
   * protocol's first source (the lowered header keeps no citation of {@code raised by}).
   */
  public Optional<Refusal> mayRaise(String role) {
    if (model.raisers().contains(role) || !model.rights().held(role, Right.Kind.START).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Refusal("escalations are raised by "
        + String.join(" or ", model.raisers()) + ", not " + role, model.protocol().span(),
        model.protocol().header().sources().stream().findFirst()));
  }

  /**
   * Why the role may not withdraw the escalation; empty when it may. Only the role that raised it
   * withdraws it (the raise recorded who: {@code raisedBy}). When the log does not say who raised
   * it (a migration written before migrations recorded it), any role that may raise one withdraws
   * it: the role that raises escalations, or one with a right to start one. The refusal cites what
   * made the raiser a raiser: the raiser's right to start, else the protocol's first source (the
   * lowered header keeps no citation of {@code raised by} of its own).
   */
  public Optional<Refusal> withdrawal(String role, Optional<String> raisedBy) {
    boolean may = raisedBy.map(role::equals).orElseGet(() -> mayRaise(role).isEmpty());
    if (may) {
      return Optional.empty();
    }
    String who = raisedBy.orElse(String.join(" or ", model.raisers())
        + ", or a role that may start one: the log does not say which");
    Optional<Right> start = raisedBy.filter(r -> !model.raisers().contains(r))
        .flatMap(r -> model.rights().held(r, Right.Kind.START).stream().findFirst());
    return Optional.of(new Refusal("an escalation is withdrawn by the role that raised it ("
        + who + "), not " + role,
        start.map(Right::span).orElse(model.protocol().span()),
        start.isPresent() ? start.get().citation()
            : model.protocol().header().sources().stream().findFirst()));
  }

  /** The triggers, not yet fired, whose rule holds now, in the order declared. */
  public List<TriggerRule> firing(List<String> fired, Facts facts) {
    if (model.triggers().isEmpty()) {
      return List.of(); // most protocols have none, and the engine asks after every event
    }
    return model.triggers().stream()
        .filter(t -> !fired.contains(t.name()) && Guards.holds(t.when(), facts)).toList();
  }

  /**
   * When the triggers must next be asked again though nothing has happened: the first instant
   * after {@code after} at which an {@code at least D since EVENT} in the rule of a trigger not yet
   * fired is reached, counted from the event's first time ({@code firstTime}) as {@link
   * Facts#elapsed} counts it. The engine and the generated machines wake then and ask {@link
   * #firing}, so a rule that becomes true while nothing happens raises when it becomes true, not
   * at whatever event comes next.
   */
  public Optional<TriggerRule.Due> triggerDue(Predicate<String> fired,
      Function<String, Optional<Instant>> firstTime, Instant after, WorkingCalendar calendar) {
    TriggerRule.Due next = null;
    for (Map.Entry<TriggerRule, Set<Guard.Elapsed>> e : waits.entrySet()) {
      TriggerRule t = e.getKey();
      if (fired.test(t.name())) {
        continue; // asked only of a trigger that waits for time
      }
      for (Guard.Elapsed wait : e.getValue()) {
        Optional<Instant> at = firstTime.apply(wait.event()).map(first -> calendar.deadline(
            first.atZone(calendar.zone()), wait.duration()).toInstant());
        if (at.isPresent() && at.get().isAfter(after)
            && (next == null || at.get().isBefore(next.at()))) {
          next = new TriggerRule.Due(t.name(), at.get());
        }
      }
    }
    return Optional.ofNullable(next);
  }

  /**
   * The first invariant an open escalation with these facts would break, as a refusal that names
   * and cites it; empty when every invariant holds. The one place an
   * invariant is decided: the engine and the generated machines refuse the event, the verifier
   * leaves out the move.
   */
  public Optional<Refusal> breaking(Facts facts) {
    for (InvariantRule invariant : model.invariants()) {
      if (!Guards.holds(invariant.holds(), facts)) {
        return Optional.of(new Refusal("this would break the invariant \"" + invariant.title()
            + "\", which holds until the escalation ends", invariant.span(),
            invariant.citation()));
      }
    }
    return Optional.empty();
  }
}
