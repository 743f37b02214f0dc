package org.escalon.compiler.verify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import org.escalon.machine.AnchorCases;
import org.escalon.machine.ClaimMeaning;
import org.escalon.machine.Duty;
import org.escalon.machine.Guard;
import org.escalon.machine.InvariantRule;
import org.escalon.machine.OperationalModel;
import org.escalon.machine.Requirement;
import org.escalon.machine.RightsTable;
import org.escalon.machine.Route;
import org.escalon.machine.StageRule;
import org.escalon.machine.TargetCases;
import org.escalon.machine.Timescales;
import org.escalon.machine.TriggerRule;
import org.escalon.model.Claim;
import org.escalon.model.ExtensionRule;
import org.escalon.model.Limit;
import org.escalon.model.Outcome;
import org.escalon.model.Property;
import org.escalon.model.Protocol;
import org.escalon.model.Right;
import org.escalon.model.Stage;
import org.escalon.model.Target;
import org.escalon.model.Transitions;
import org.escalon.model.Timescale;
import org.escalon.model.Timespan;

/**
 * Writes a protocol's state machine and properties for the SPIN model checker, as a second
 * opinion on the verifier. The model is printed from the protocol's operational model, not from
 * the verifier's states: one process raises the escalation (every start a right or a trigger
 * allows, with any facts of the case) and then takes one move at a time. Every move towards a
 * stage or outcome follows its {@link Route} (the {@code only if} skips unrolled, so no skip is
 * counted), then waits there while a requirement does not hold; guards are printed by {@link
 * PromelaGuard}. It keeps the same facts the verifier keeps (see {@code ProtocolIndex}).
 *
 * <p>Fairness: {@code quiet} may become true once, after which nobody acts and only deadlines
 * pass; every liveness claim reads {@code <> quiet -> ...}, so that paths on which people act for
 * ever are not counted, as in the verifier. Working days are counted the verifier's way: {@code
 * elapsed} is the latest time the current stay can end, {@code spent_N} the time charged to limit
 * N, both without bypasses back down the ladder ({@code poisoned}) or extensions ({@code
 * extended}), which the claims about time leave out.
 *
 * <p>Claims: {@code ends} (every path reaches an outcome), {@code reach_...} (violated when the
 * stage or outcome is reached), {@code property_N}, {@code limit_N}, and, when the verifier's
 * totals are given, {@code worst_...} (holds when no path exceeds the verifier's worst total)
 * and {@code worst_..._reached} (violated when a path reaches it). A property with a bound in
 * time is not exported.
 */
public final class PromelaExporter {

  private final ProtocolIndex ix;
  private final OperationalModel model;
  private final PromelaGuard guards;
  private final int stages;
  private final long cap;
  private final StringBuilder out = new StringBuilder();

  public PromelaExporter(Protocol protocol) {
    this.ix = new ProtocolIndex(protocol);
    this.model = OperationalModel.of(protocol);
    this.guards = new PromelaGuard(ix);
    this.stages = ix.stages.size();
    long total = 0;
    long offsets = 0;
    for (Stage s : ix.stages) {
      long longest = 0;
      for (Timescale t : s.timescales()) {
        longest = Math.max(longest, WorkingDays.of(t.duration()));
      }
      total += longest;
      offsets = Math.max(offsets, longest);
    }
    this.cap = Math.min(30_000, 2 * (total + offsets) + 2);
  }

  /**
   * Why the model cannot be written, if it cannot: Promela keeps each set of facts in one 32-bit
   * int, one bit a fact, so a set of more than 31 would wrap and SPIN would check another
   * protocol. The verifier itself has no such limit.
   */
  public Optional<String> tooWide() {
    int completed = 0;
    for (int bit : ix.completedBit) {
      completed = Math.max(completed, bit + 1);
    }
    int timescales = ix.stages.stream().mapToInt(st -> st.timescales().size()).max().orElse(0);
    int[] widths = {completed, ix.consents(), ix.anchorEvents.size(),
        ix.roleActions.size(), timescales, ix.outcomes.size()};
    String[] names = {"stages whose completion is tracked",
        "agreements, advice and steps done before a stage",
        "events a timescale counts from", "role actions the properties speak of",
        "timescales on one stage", "outcomes"};
    for (int i = 0; i < widths.length; i++) {
      if (widths[i] > 31) {
        return Optional.of("the Promela model keeps each set of facts in a 32-bit int, and this "
            + "protocol has " + widths[i] + " " + names[i] + " (at most 31)");
      }
    }
    return Optional.empty();
  }

  /** The names of the claims written, with what the verifier says of each, for a comparison. */
  public record ClaimName(String name, String says) {}

  /** The model; with a verification, claims that confirm its totals too. */
  public String export(Optional<Verification> verification) {
    Protocol p = ix.protocol;
    line("/* " + p.name().replace("*/", "* /") + " */");
    line("/* exported by escalon verify --export promela; check a claim with:");
    line("   spin -a FILE.pml && gcc -O2 -o pan pan.c && ./pan -a -m100000 -N CLAIM */");
    line("");
    declarations();
    macros();
    moves();
    proctype();
    claims(verification);
    return out.toString();
  }

  /** The claims the model states, each with the verdict the verifier gives it. */
  public List<ClaimName> claimNames(Verification v) {
    List<ClaimName> names = new ArrayList<>();
    names.add(new ClaimName("ends", verdict(v.verdict(Checks.ENDS).holds())));
    for (int k = 0; k < stages; k++) {
      String key = ix.stages.get(k).key();
      boolean reached = !v.neverReached().contains(new Target.ToStage(key));
      names.add(new ClaimName("reach_stage_" + safe(key), reached ? "fails" : "holds"));
    }
    for (Outcome o : ix.outcomes) {
      boolean reached = !v.neverReached().contains(new Target.ToOutcome(o.name()));
      names.add(new ClaimName("reach_outcome_" + safe(o.name()), reached ? "fails" : "holds"));
    }
    for (int i = 0; i < ix.protocol.properties().size(); i++) {
      Property property = ix.protocol.properties().get(i);
      if (!hasBound(property.claim())) {
        names.add(new ClaimName("property_" + (i + 1), verdict(v.properties().get(i).holds())));
      }
    }
    for (int i = 0; i < ix.protocol.limits().size(); i++) {
      names.add(new ClaimName("limit_" + (i + 1), verdict(v.limits().get(i).holds())));
    }
    for (OutcomeTotals t : v.totals()) {
      if (!OutcomeTotals.unbounded(t.worst())) {
        names.add(new ClaimName("worst_" + safe(t.outcome()), "holds"));
        names.add(new ClaimName("worst_" + safe(t.outcome()) + "_reached", "fails"));
      }
    }
    return names;
  }

  private static String verdict(boolean holds) {
    return holds ? "holds" : "fails";
  }

  // -------------------------------------------------------------------------------------------
  // The state

  private void declarations() {
    line("#define NONE 255");
    line("#define CAP " + cap);
    line("#define MIN(a, b) ((a) < (b) -> (a) : (b))");
    line("#define MAX(a, b) ((a) > (b) -> (a) : (b))");
    line("");
    line("byte stage;            /* the stage, by index: " + stageList() + " */");
    line("bool ended;");
    line("byte outcome = NONE;   /* " + outcomeList() + " */");
    line("byte waitFor = NONE;   /* a stage, or " + stages + " + an outcome */");
    line("int completed;         /* tracked stages completed, one bit each */");
    line("int consents;          /* agreements, advice, steps done before a stage: a bit each */");
    if (!ix.attributes.isEmpty()) {
      line("byte attr[" + ix.attributes.size() + "];   /* " + String.join(", ",
          ix.attributes.stream().map(a -> a.name()).toList()) + "; 0 = unset or no */");
    }
    line("byte extStage;");
    line("byte extTotal;");
    line("bool pending;");
    line("int occurred;");
    line("int timescales;        /* the timescales of the stay that apply, one bit each */");
    line("int acts;              /* what the stay does with the roles the properties name */");
    line("bool entered;");
    line("int referred;          /* outcomes referred to concurrently */");
    line("bool quiet;            /* from now on nobody acts */");
    line("short elapsed;");
    line("bool poisoned;");
    line("bool extended;");
    for (int i = 0; i < ix.protocol.limits().size(); i++) {
      line("short spent_" + (i + 1) + ";");
    }
    line("byte nxt;");
    line("short tmp;");
    line("");
  }

  private void macros() {
    line("#define ONRES " + exits(Transitions.Response.RESOLVED));
    line("#define ONUNSAT " + exits(Transitions.Response.UNSATISFACTORY));
    line("#define ONNR " + exits(Transitions.Response.NO_RESPONSE));
    line("#define CBIT " + byStage(s -> {
      int bit = ix.completedBit[ix.stage(s.key())];
      return bit < 0 ? "0" : Integer.toString(1 << bit);
    }));
    for (int k = 0; k < stages; k++) {
      Stage s = ix.stages.get(k);
      line("#define PRE_S" + k + "(c) (" + requirements(model.requires(stageTarget(k)), "c")
          + ")");
      line("#define TS_S" + k + " (" + timescaleMask(s, false) + ")");
      if (s.timescales().stream().anyMatch(Timescale::awaitsValue)) {
        line("#define SET_S" + k + " (" + timescaleMask(s, true) + ")");
      }
      line("#define ACTS_S" + k + " (" + actsMask(rule(s).duties()) + ")");
    }
    for (int j = 0; j < ix.outcomes.size(); j++) {
      Outcome o = ix.outcomes.get(j);
      line("#define PRE_O" + j + "(c) (" + requirements(model.requires(outcomeTarget(j)), "c")
          + ")");
      line("#define ACTS_O" + j + " (" + actsMask(model.outcome(o.name()).orElseThrow()
          .duties()) + ")");
    }
    for (int t = 0; t < stages + ix.outcomes.size(); t++) {
      line("#define ARRIVES_" + t + "(c) (" + arrives(model.route(target(t))) + ")");
    }
    line("#define ASKOK " + byStage(s -> extension(s).map(r -> "(" + askable(r,
        rule(s).extensionRequires()) + ")").orElse("false")));
    line("#define HASRULE " + byStage(s -> extension(s).isPresent() ? "true" : "false"));
    line("#define UPTO " + byStage(s -> Long.toString(Math.min(cap,
        extension(s).flatMap(ExtensionRule::upTo).map(WorkingDays::of).orElse(cap)))));
    for (int i = 0; i < ix.protocol.limits().size(); i++) {
      Limit limit = ix.protocol.limits().get(i);
      line("#define INL_" + (i + 1) + " " + byStage(s -> limit.stages().contains(s.key())
          ? "true" : "false"));
    }
    line("");
  }

  /**
   * Where each stage sends a response, as a code: the routes the case chooses ({@code when ...
   * if}) asked in the order written, then the route without a condition; {@code go} unrolls each.
   * One chain whose conditions nest only in their else parts: SPIN does not parse a conditional
   * expression inside the then part of another when it is an inline's argument.
   */
  private String exits(Transitions.Response on) {
    StringBuilder b = new StringBuilder();
    int open = 0;
    for (int k = 0; k < stages; k++) {
      Stage s = ix.stages.get(k);
      for (Transitions.Choice c : s.transitions().choices(on)) {
        b.append("(stage == ").append(k).append(" && ")
            .append(guards.exact(OperationalModel.guard(c.when()), "completed")).append(" -> ")
            .append(code(c.to())).append(" : ");
        open++;
      }
      int otherwise = code(s.transitions().otherwise(on));
      if (k < stages - 1) {
        b.append("(stage == ").append(k).append(" -> ").append(otherwise).append(" : ");
        open++;
      } else {
        b.append(otherwise);
      }
    }
    return "(" + b + ")".repeat(open) + ")";
  }

  /** Whether a move along the route arrives without waiting, completed stages read from c. */
  private String arrives(Route route) {
    List<String> branches = new ArrayList<>();
    for (Route.Branch b : route.branches()) {
      String requirements = preName(b.to()) + "(c)";
      branches.add(b.when().equals(Guard.ALWAYS) ? requirements
          : "(" + guards.exact(b.when(), "c") + " && " + requirements + ")");
    }
    return String.join(" || ", branches);
  }

  private StageRule rule(Stage s) {
    return model.stages().get(ix.stage(s.key()));
  }

  private Optional<ExtensionRule> extension(Stage s) {
    return rule(s).extension();
  }

  private String askable(ExtensionRule r, List<Requirement> requirements) {
    List<String> parts = new ArrayList<>();
    r.maxPerStage().ifPresent(m -> parts.add("extStage < " + m));
    r.maxInTotal().ifPresent(m -> parts.add("extTotal < " + m));
    if (requirements.stream().allMatch(q -> q.askedOf().isEmpty())) {
      parts.add(requirements(requirements, "completed"));
    } else {
      // `requires ... when requested by`: some requester's requirements hold (the model's rule,
      // Interpreter.askForTime, filters them by the requester)
      parts.add("(" + r.requestedBy().stream().map(by -> "(" + requirements(requirements.stream()
          .filter(q -> q.askedOf(by)).toList(), "completed") + ")").distinct()
          .collect(java.util.stream.Collectors.joining(" || ")) + ")");
    }
    return String.join(" && ", parts);
  }

  /** A value chosen by the current stage: {@code (stage == 0 -> a : (stage == 1 -> b : ...))}. */
  private String byStage(java.util.function.Function<Stage, String> value) {
    StringBuilder b = new StringBuilder();
    for (int k = 0; k < stages - 1; k++) {
      b.append("(stage == ").append(k).append(" -> ").append(value.apply(ix.stages.get(k)))
          .append(" : ");
    }
    b.append(value.apply(ix.stages.get(stages - 1)));
    b.append(")".repeat(stages - 1));
    return "(" + b + ")";
  }

  /**
   * The timescales of the stay that apply, one bit each in the order declared: by the model's
   * rule ({@link Timescales}), the conditional ones that hold, else the unconditional one; one
   * counted from an event only once the event has happened; one that waits for its value to be
   * set ({@link Timescale#awaitsValue}) only in the mask its setting adds ({@code awaiting}).
   */
  private String timescaleMask(Stage s, boolean awaiting) {
    Timescales timescales = rule(s).timescales();
    List<String> conditionals = timescales.conditional().stream()
        .map(c -> guards.exact(c.when(), "completed")).toList();
    String anyConditional = conditionals.isEmpty() ? "false"
        : "(" + String.join(" || ", conditionals) + ")";
    List<String> bits = new ArrayList<>();
    List<Timescale> all = s.timescales();
    for (int i = 0; i < all.size(); i++) {
      Timescale t = all.get(i);
      if (t.awaitsValue() != awaiting) {
        continue;
      }
      String applies = timescales.conditional().stream().filter(c -> c.timescale() == t)
          .map(c -> guards.exact(c.when(), "completed")).findFirst()
          .orElse("!" + anyConditional);
      String anchored = AnchorCases.on(t.anchor(), new AnchorCases<>() {
        @Override
        public String stageStart() {
          return "true";
        }

        @Override
        public String escalationStart() {
          return "true";
        }

        @Override
        public String event(String name) {
          return "(occurred & " + (1 << ix.anchorEvents.indexOf(name)) + ") != 0";
        }

        @Override
        public String stage(String key) {
          throw new IllegalStateException("a stage's response timescale never counts from a stage: only a step's deadline does (the grammar has no way to say it)");
        }

        @Override
        public String before(String date) {
          throw new IllegalStateException("a stage's response timescale never counts back from a date: only a step's deadline does (the grammar has no way to say it)");
        }
      });
      bits.add("((" + applies + ") && (" + anchored + ") -> " + (1 << i) + " : 0)");
    }
    return bits.isEmpty() ? "0" : String.join(" + ", bits);
  }

  private String actsMask(List<Duty> duties) {
    List<String> bits = new ArrayList<>();
    for (int i = 0; i < ix.roleActions.size(); i++) {
      List<String> when = new ArrayList<>();
      for (Duty duty : duties) {
        if (ProtocolIndex.does(duty.step(), ix.roleActions.get(i))) {
          when.add(guards.exact(duty.when(), "completed"));
        }
      }
      if (!when.isEmpty()) {
        bits.add("((" + String.join(" || ", when) + ") -> " + (1 << i) + " : 0)");
      }
    }
    return bits.isEmpty() ? "0" : String.join(" + ", bits);
  }

  private String requirements(List<Requirement> requirements, String completedVar) {
    if (requirements.isEmpty()) {
      return "true";
    }
    StringJoiner all = new StringJoiner(" && ");
    requirements.forEach(r -> all.add(guards.exact(r.guard(), completedVar)));
    return all.toString();
  }

  // -------------------------------------------------------------------------------------------
  // Moving  // -------------------------------------------------------------------------------------------
  // Moving: going to a target, entering a stage, concluding

  /**
   * {@code go(t)}: a move towards target {@code t} (a stage's index, or the number of stages plus
   * an outcome's), along its route: the first branch whose guard holds, then waiting there while
   * what it requires does not hold. One inline per stage entered and outcome concluded.
   */
  private void moves() {
    for (int k = 0; k < stages; k++) {
      line("inline enter_" + k + "() {");
      enter(k, "  ");
      line("}");
    }
    for (int j = 0; j < ix.outcomes.size(); j++) {
      line("inline conclude_" + j + "() {");
      conclude(j, "  ");
      line("}");
    }
    line("inline go(t) {");
    line("  nxt = t;");
    line("  if");
    for (int t = 0; t < stages + ix.outcomes.size(); t++) {
      line("  :: nxt == " + t + " -> " + route(model.route(target(t))));
    }
    line("  fi");
    line("}");
    line("");
  }

  private String route(Route route) {
    List<Route.Branch> branches = route.branches();
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < branches.size() - 1; i++) {
      b.append("if :: ").append(guards.exact(branches.get(i).when(), "completed")).append(" -> ")
          .append(arrive(branches.get(i).to())).append(" :: else -> ");
    }
    b.append(arrive(branches.get(branches.size() - 1).to()));
    b.append(" fi".repeat(branches.size() - 1));
    return b.toString();
  }

  private String arrive(Target to) {
    int t = code(to);
    String enter = t < stages ? "enter_" + t + "()" : "conclude_" + (t - stages) + "()";
    return "if :: " + preName(to) + "(completed) -> " + enter + " :: else -> waitFor = " + t
        + "; timescales = 0; entered = false fi";
  }

  /** The macro of what a stage or outcome requires. */
  private String preName(Target to) {
    int t = code(to);
    return t < stages ? "PRE_S" + t : "PRE_O" + (t - stages);
  }

  private int code(Target target) {
    return ix.code(target);
  }

  private Target target(int code) {
    return ix.target(code);
  }

  private Target stageTarget(int k) {
    return ix.target(k);
  }

  private Target outcomeTarget(int j) {
    return ix.target(stages + j);
  }

  private void enter(int k, String indent) {
    Stage s = ix.stages.get(k);
    line(indent + "stage = " + k + "; waitFor = NONE; pending = false; extStage = 0;");
    line(indent + "timescales = TS_S" + k + "; acts = ACTS_S" + k + "; entered = true;");
    // the latest the stay can end: the earliest deadline that applies, from the entry
    line(indent + "tmp = CAP;");
    for (int i = 0; i < s.timescales().size(); i++) {
      Timescale t = s.timescales().get(i);
      long d = Math.min(cap, WorkingDays.bound(t));
      // one counted from the raise falls at its offset, any other that long after the entry
      String fromEntry = "MIN(elapsed + " + d + ", CAP)";
      String due = AnchorCases.on(t.anchor(), new AnchorCases<>() {
        @Override
        public String stageStart() {
          return fromEntry;
        }

        @Override
        public String escalationStart() {
          return "MAX(elapsed, " + d + ")";
        }

        @Override
        public String event(String name) {
          return fromEntry;
        }

        @Override
        public String stage(String key) {
          throw new IllegalStateException("a stage's response timescale never counts from a stage: only a step's deadline does (the grammar has no way to say it)");
        }

        @Override
        public String before(String date) {
          throw new IllegalStateException("a stage's response timescale never counts back from a date: only a step's deadline does (the grammar has no way to say it)");
        }
      });
      line(indent + "if :: (timescales & " + (1 << i) + ") -> tmp = MIN(tmp, " + due
          + ") :: else -> skip fi;");
    }
    line(indent + "if :: tmp == CAP && timescales == 0 -> skip :: else -> elapsed = tmp fi;");
    for (int l = 0; l < ix.protocol.limits().size(); l++) {
      if (ix.protocol.limits().get(l).stages().contains(s.key())) {
        long longest = 0;
        line(indent + "tmp = CAP;");
        for (int i = 0; i < s.timescales().size(); i++) {
          long d = Math.min(cap, WorkingDays.bound(s.timescales().get(i)));
          line(indent + "if :: (timescales & " + (1 << i) + ") -> tmp = MIN(tmp, " + d
              + ") :: else -> skip fi;");
          longest = Math.max(longest, d);
        }
        line(indent + "if :: timescales != 0 -> spent_" + (l + 1) + " = MIN(spent_" + (l + 1)
            + " + tmp, CAP) :: else -> skip fi;");
      }
    }
  }

  /**
   * A timescale that waits for its value is set (Interpreter#awaitingTime): the stay, which had
   * no deadline, now has one, at its longest the bound the tools take (the assumption), counted
   * from the entry (where {@code elapsed} stands while a stay has no deadline).
   */
  private void setTime() {
    for (int k = 0; k < stages; k++) {
      Stage s = ix.stages.get(k);
      if (s.timescales().stream().noneMatch(Timescale::awaitsValue)) {
        continue;
      }
      String who = s.timescales().stream().filter(Timescale::awaitsValue).findFirst()
          .orElseThrow().setBy().orElseThrow().roles().get(0);
      line("  :: atomic { !ended && !quiet && stage == " + k + " && waitFor == NONE && "
          + "timescales == 0 && SET_S" + k + " != 0 -> entered = false; timescales = SET_S" + k
          + ";");
      line("       tmp = CAP;");
      for (int i = 0; i < s.timescales().size(); i++) {
        long d = Math.min(cap, WorkingDays.bound(s.timescales().get(i)));
        line("       if :: (timescales & " + (1 << i) + ") -> tmp = MIN(tmp, " + d
            + ") :: else -> skip fi;");
      }
      line("       elapsed = MIN(elapsed + tmp, CAP);");
      for (int l = 0; l < ix.protocol.limits().size(); l++) {
        if (ix.protocol.limits().get(l).stages().contains(s.key())) {
          line("       spent_" + (l + 1) + " = MIN(spent_" + (l + 1) + " + tmp, CAP);");
        }
      }
      line("     }  /* " + who + " sets the timescale of stage " + s.key() + " */");
    }
  }

  private void conclude(int j, String indent) {
    line(indent + "ended = true; outcome = " + j + "; waitFor = NONE; pending = false;");
    line(indent + "timescales = 0; extStage = 0; extTotal = 0; consents = 0; occurred = 0;");
    line(indent + "acts = ACTS_O" + j + "; entered = false;");
  }

  // -------------------------------------------------------------------------------------------
  // The process: the raise, then one move at a time

  private void proctype() {
    atOnce();
    line("inline retry() {");
    line("  if");
    line("  :: waitFor != NONE -> nxt = waitFor; waitFor = NONE; go(nxt)");
    line("  :: else -> atonce()");
    line("  fi");
    line("}");
    line("");
    line("active proctype escalation() {");
    line("  atomic {");
    for (int a = 0; a < ix.attributes.size(); a++) {
      StringBuilder choice = new StringBuilder("    if");
      // a stage's decision is taken during its stage, never before the raise; the protocol's
      // may have been taken either way before it
      int values = ix.attributes.get(a).decision().flatMap(d -> d.stage()).isPresent() ? 1
          : ix.domains.get(a).size();
      for (int v = 0; v < values; v++) {
        choice.append(" :: attr[").append(a).append("] = ").append(v);
      }
      line(choice.append(" fi;").toString());
    }
    int consents = ix.consents();
    for (int b = 0; b < consents; b++) {
      line("    if :: skip :: consents = consents | " + (1 << b) + " fi;");
    }
    for (int e = 0; e < ix.anchorEvents.size(); e++) {
      line("    if :: skip :: occurred = occurred | " + (1 << e) + " fi;");
    }
    line("    if");
    String fired = firedByAny();
    line("    :: !(" + fired + ") && ARRIVES_0(completed)" + keeps(-1, 0) + " -> go(0)");
    for (RightsTable.Entry e : model.rights().entries(Right.Kind.START)) {
      Right r = e.right();
      for (Target t : r.targets()) {
        int k = code(t);
        line("    :: !(" + fired + ") && " + guards.exact(e.when(), "completed") + " && ARRIVES_"
            + k + "(completed)" + keeps(-1, 0) + " -> go(" + k + ") /* " + r.role() + " starts at "
            + TargetCases.describe(t) + " */");
      }
    }
    for (TriggerRule t : model.triggers()) {
      int k = ix.stage(t.raiseAt());
      line("    :: " + guards.may(t.when()) + " && ARRIVES_" + k + "(completed)" + keeps(-1, 0)
          + " -> go(" + k + ") /* trigger " + t.name() + " */");
    }
    line("    fi");
    line("  }");
    line("end:");
    line("  do");
    line("  :: atomic { !quiet -> quiet = true }  /* from now on, nobody acts */");
    line("  :: atomic { !ended && !quiet -> entered = false; go(ONRES) }  /* resolved */");
    line("  :: atomic { !ended && !quiet -> entered = false; completed = completed | CBIT; "
        + "go(ONUNSAT) }  /* unsatisfactory */");
    line("  :: atomic { !ended && timescales != 0 -> entered = false; completed = completed | "
        + "CBIT; go(ONNR) }  /* the deadline passes */");
    setTime();
    bypasses();
    referrals();
    line("  :: atomic { !ended && !quiet && !pending && ASKOK -> entered = false; pending = true }"
        + "  /* more time asked for */");
    line("  :: atomic { !ended && !quiet && pending && timescales != 0 && HASRULE -> "
        + "entered = false; pending = false;");
    line("       extStage = MIN(extStage + 1, " + ix.extensionsPerStageCap + "); extTotal = "
        + "MIN(extTotal + 1, " + ix.extensionsInTotalCap + "); extended = true;");
    line("       elapsed = MIN(elapsed + UPTO, CAP);");
    for (int l = 0; l < ix.protocol.limits().size(); l++) {
      line("       if :: INL_" + (l + 1) + " -> spent_" + (l + 1) + " = MIN(spent_" + (l + 1)
          + " + UPTO, CAP) :: else -> skip fi;");
    }
    line("     }  /* more time granted */");
    for (int b = 0; b < consents; b++) {
      int advice = b - ix.agreements.size();
      int done = advice - ix.advice.size();
      String who = advice < 0 ? ix.agreements.get(b) + " agrees"
          : done < 0 ? ix.advice.get(advice) + " gives advice"
          : ix.done.get(done).by() + " reports " + ix.done.get(done).step() + " done";
      line("  :: atomic { !ended && !quiet && (consents & " + (1 << b) + ") == 0 -> "
          + "entered = false; consents = consents | " + (1 << b) + "; retry() }  /* " + who
          + " */");
    }
    for (int a = 0; a < ix.attributes.size(); a++) {
      boolean yesNo = ix.attributes.get(a).isYesNo();
      // a stage's decision is taken (either way) only while the escalation is at its stage
      String at = ix.attributes.get(a).decision().flatMap(d -> d.stage())
          .map(k -> " && stage == " + ix.stage(k)).orElse("");
      for (int v = yesNo ? 0 : 1; v < ix.domains.get(a).size(); v++) {
        line("  :: atomic { !ended && !quiet" + at + " && attr[" + a + "] != " + v + keeps(a, v)
            + " -> entered = false; attr[" + a + "] = " + v + "; retry() }  /* "
            + ix.attributes.get(a).name() + " = " + ix.domains.get(a).get(v) + " */");
      }
    }
    for (int e = 0; e < ix.anchorEvents.size(); e++) {
      line("  :: atomic { !ended && !quiet && (occurred & " + (1 << e) + ") == 0 -> "
          + "entered = false; occurred = occurred | " + (1 << e) + " }  /* "
          + ix.anchorEvents.get(e) + " happens */");
    }
    line("  od");
    line("}");
    line("");
  }

  /**
   * {@code atonce()}: after a change of facts, an escalation at a stage where a duty to go at
   * once now holds goes on (the stage completed), as {@code Interpreter.movesAtOnce} decides:
   * the first rule, in the order written, whose target is later than the stage.
   */
  private void atOnce() {
    line("inline atonce() {");
    line("  if");
    for (int k = 0; k < stages; k++) {
      String earlier = "";
      for (org.escalon.machine.AtOnceRule rule : model.atOnce()) {
        Stage s = ix.stages.get(k);
        if (rule.goTo().isEmpty() || rule.goTo().get() instanceof Target.ToStage to
            && ix.stage(to.key()) <= k) {
          continue;
        }
        String holds = guards.exact(rule.when(), "completed");
        line("  :: !ended && stage == " + k + earlier + " && " + holds
            + " -> completed = completed | CBIT; go(" + code(rule.goTo().get()) + ")  /* "
            + s.key() + " */");
        earlier += " && !(" + holds + ")";
      }
    }
    line("  :: else -> skip");
    line("  fi");
    line("}");
    line("");
  }

  /**
   * {@code && INVARIANTS}, the protocol's invariants as the model evaluates them, with attribute
   * {@code a} read as value {@code v} (none when {@code a} is negative): the engine refuses a
   * change of facts, or a raise, after which an open escalation would break one. Empty when the
   * protocol has none.
   */
  private String keeps(int a, int v) {
    StringBuilder out = new StringBuilder();
    for (InvariantRule invariant : model.invariants()) {
      String holds = guards.exact(invariant.holds(), "completed");
      out.append(" && ").append(a < 0 ? holds : holds.replace("attr[" + a + "]", "" + v));
    }
    return out.toString();
  }

  private void bypasses() {
    // a bypass is allowed when any of the role's rights that cover the target has its condition
    Map<String, List<String>> conditions = new LinkedHashMap<>();
    for (RightsTable.Entry e : model.rights().entries(Right.Kind.BYPASS)) {
      for (Target t : e.right().targets()) {
        // `any later stage` (RightsTable.reaches): only to a stage after the current one
        String when = guards.exact(e.when(), "completed");
        conditions.computeIfAbsent(e.right().role() + " " + code(t), k -> new ArrayList<>())
            .add(e.right().laterOnly() ? "(stage < " + code(t) + " && " + when + ")" : when);
      }
    }
    for (Map.Entry<String, List<String>> e : conditions.entrySet()) {
      String key = e.getKey();
      int target = Integer.parseInt(key.substring(key.lastIndexOf(' ') + 1));
      String back = target < stages ? "(" + target + " <= stage)" : "false";
      line("  :: atomic { !ended && !quiet && (" + String.join(" || ", e.getValue())
          + ") && ARRIVES_" + target + "(completed | CBIT) ->");
      line("       entered = false; completed = completed | CBIT; poisoned = poisoned || " + back
          + "; go(" + target + ") }  /* " + key.substring(0, key.lastIndexOf(' '))
          + " bypasses to " + TargetCases.describe(target(target)) + " */");
    }
  }

  private void referrals() {
    Map<String, Right> first = new LinkedHashMap<>();
    // a referral only at the raise is not among SPIN's moves of an open escalation (docs)
    List<RightsTable.Entry> refer = model.rights().entries(Right.Kind.REFER).stream()
        .filter(x -> !x.right().atRaise()).toList();
    for (RightsTable.Entry e : refer) {
      for (Target t : e.right().targets()) {
        first.putIfAbsent(e.right().role() + " " + TargetCases.name(t), e.right());
      }
    }
    for (Map.Entry<String, Right> e : first.entrySet()) {
      String name = e.getKey().substring(e.getKey().indexOf(' ') + 1);
      int j = ix.outcome(name);
      // which of the role's rights applies decides whether the referral is concurrent
      List<RightsTable.Entry> rights = refer.stream()
          .filter(x -> x.right().role().equals(e.getValue().role())
              && x.right().targets().contains(new Target.ToOutcome(name))).toList();
      String guardSoFar = "true";
      for (RightsTable.Entry x : rights) {
        Right r = x.right();
        String when = guards.exact(x.when(), "completed");
        String guard = "(" + guardSoFar + ") && " + when;
        line("  :: atomic { !ended && !quiet && " + guard + " && PRE_O" + j + "(completed) ->");
        if (r.concurrently()) {
          line("       entered = false; referred = referred | " + (1 << j) + " }  /* "
              + r.role() + " refers to " + name + ", concurrently */");
        } else {
          conclude(j, "       ");
          line("     }  /* " + r.role() + " refers to " + name + " */");
        }
        guardSoFar = "(" + guardSoFar + ") && !" + when;
      }
    }
  }

  /** Whether some trigger surely fired at the raise: then nobody raises it by hand. */
  private String firedByAny() {
    List<String> any = model.triggers().stream().map(t -> guards.sure(t.when())).toList();
    return any.isEmpty() ? "false" : String.join(" || ", any);
  }

  // -------------------------------------------------------------------------------------------
  // Claims

  private void claims(Optional<Verification> verification) {
    line("/* every path reaches an outcome */");
    line("ltl ends { <> quiet -> <> ended }");
    for (int k = 0; k < stages; k++) {
      line("ltl reach_stage_" + safe(ix.stages.get(k).key()) + " { [] !(entered && stage == " + k
          + ") }");
    }
    for (int j = 0; j < ix.outcomes.size(); j++) {
      line("ltl reach_outcome_" + safe(ix.outcomes.get(j).name()) + " { [] !((ended && outcome == "
          + j + ") || (referred & " + (1 << j) + ") != 0) }");
    }
    List<Property> properties = ix.protocol.properties();
    for (int i = 0; i < properties.size(); i++) {
      Property p = properties.get(i);
      line("/* property \"" + p.title().replace("*/", "* /") + "\": " + Claims.words(p.claim())
          .replace("*/", "* /") + " */");
      if (hasBound(p.claim())) {
        line("/* (a bound in working days is not exported) */");
        continue;
      }
      line("ltl property_" + (i + 1) + " { <> quiet -> (" + ltl(p.claim()) + ") }");
    }
    List<Limit> limits = ix.protocol.limits();
    for (int i = 0; i < limits.size(); i++) {
      Limit l = limits.get(i);
      long bound = WorkingDays.of(l.atMost());
      line("/* limit \"" + l.title().replace("*/", "* /") + "\" */");
      line("ltl limit_" + (i + 1) + " { [] (poisoned || extended || (spent_" + (i + 1) + " <= "
          + bound + " && !(!ended && waitFor == NONE && timescales == 0 && " + inLimit(l)
          + "))) }");
    }
    verification.ifPresent(v -> {
      for (OutcomeTotals t : v.totals()) {
        if (OutcomeTotals.unbounded(t.worst())) {
          continue;
        }
        int j = ix.outcome(t.outcome());
        String other = "poisoned || extended || !(ended && outcome == " + j + ")";
        line("/* the verifier: at worst " + t.worst() + " working days to " + t.outcome() + " */");
        line("ltl worst_" + safe(t.outcome()) + " { [] (" + other + " || elapsed <= " + t.worst()
            + ") }");
        line("ltl worst_" + safe(t.outcome()) + "_reached { [] (" + other + " || elapsed < "
            + t.worst() + ") }");
      }
    });
  }

  private String inLimit(Limit l) {
    List<String> in = new ArrayList<>();
    for (String key : l.stages()) {
      in.add("stage == " + ix.stage(key));
    }
    return in.isEmpty() ? "false" : "(" + String.join(" || ", in) + ")";
  }

  private static boolean hasBound(Claim c) {
    return c instanceof Claim.Within || Claims.operands(c).stream()
        .anyMatch(PromelaExporter::hasBound);
  }

  /** A claim in LTL: {@link ClaimMeaning} gives each word, this prints its primitives. */
  private String ltl(Claim c) {
    return ClaimMeaning.of(c, new ClaimMeaning.Reading<String>() {
      @Override
      public String inStage(String key) {
        return "(!ended && stage == " + ix.stage(key) + ")";
      }

      @Override
      public String inOutcome(String name) {
        return "(ended && outcome == " + ix.outcome(name) + ")";
      }

      @Override
      public String attributeHolds(String attribute) {
        return ix.attribute(attribute).map(i -> "(attr[" + i + "] == 1)").orElse("false");
      }

      @Override
      public String completed(List<String> stages) {
        int mask = 0;
        for (String key : stages) {
          mask |= 1 << ix.completedBit[ix.stage(key)];
        }
        return "((completed & " + mask + ") == " + mask + ")";
      }

      @Override
      public String does(String role, Claim.Action action) {
        return "((acts & " + (1 << ix.roleActions.indexOf(new Claim.RoleAction(role, action)))
            + ") != 0)";
      }

      @Override
      public String entered() {
        return "entered";
      }

      @Override
      public String ended() {
        return "ended";
      }

      @Override
      public String not(String operand) {
        return "!(" + operand + ")";
      }

      @Override
      public String and(String left, String right) {
        return "(" + left + ") && (" + right + ")";
      }

      @Override
      public String or(String left, String right) {
        return "(" + left + ") || (" + right + ")";
      }

      @Override
      public String always(String operand) {
        return "[] (" + operand + ")";
      }

      @Override
      public String eventually(String operand) {
        return "<> (" + operand + ")";
      }

      @Override
      public String onlyAfter(String subject, String condition) {
        return "!((!(" + condition + ")) U ((" + subject + ") && !(" + condition + ")))";
      }

      @Override
      public String within(String goal, Timespan bound) {
        throw new IllegalStateException("a bound in working days is not exported");
      }
    });
  }

  /** A name SPIN accepts for a stage key or an outcome. */
  static String safe(String name) {
    return name.replaceAll("[^A-Za-z0-9_]", "_").toLowerCase(Locale.ROOT);
  }

  private String stageList() {
    List<String> all = new ArrayList<>();
    for (int k = 0; k < stages; k++) {
      all.add(k + " = " + ix.stages.get(k).key());
    }
    return String.join(", ", all);
  }

  private String outcomeList() {
    List<String> all = new ArrayList<>();
    for (int j = 0; j < ix.outcomes.size(); j++) {
      all.add(j + " = " + ix.outcomes.get(j).name());
    }
    return String.join(", ", all);
  }

  private void line(String s) {
    out.append(s).append('\n');
  }
}
