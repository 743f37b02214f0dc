package org.escalon.compiler.verify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import org.escalon.model.Claim;
import org.escalon.model.Condition;
import org.escalon.model.ExtensionRule;
import org.escalon.model.HistoryRule;
import org.escalon.model.Limit;
import org.escalon.model.Outcome;
import org.escalon.model.Precondition;
import org.escalon.model.Property;
import org.escalon.model.Protocol;
import org.escalon.model.Right;
import org.escalon.model.Stage;
import org.escalon.model.Step;
import org.escalon.model.Target;
import org.escalon.model.Timescale;
import org.escalon.model.Trigger;

/**
 * Writes a protocol's state machine and properties for the SPIN model checker, as a second
 * opinion on the verifier. The model is written from the protocol's rules, not from the
 * verifier's states: one process raises the escalation (every start a right or a trigger allows,
 * with any facts of the case) and then takes one move at a time, as the engine's rules say. It
 * keeps the same facts the verifier keeps (see {@code ProtocolIndex}).
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
  private final AbstractRules rules;
  private final int stages;
  private final long cap;
  private final StringBuilder out = new StringBuilder();

  public PromelaExporter(Protocol protocol) {
    this.ix = new ProtocolIndex(protocol);
    this.rules = new AbstractRules(ix);
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
    int[] widths = {completed, ix.agreements.size() + ix.advice.size(), ix.anchorEvents.size(),
        ix.roleActions.size(), timescales, ix.outcomes.size()};
    String[] names = {"stages whose completion is tracked", "agreements and advice",
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
    goInline("go", false);
    goInline("probe", true);
    line("");
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
      boolean reached = v.verdict(Checks.REACHABLE).findings().stream()
          .noneMatch(f -> f.message().startsWith("stage " + key + " is never entered"));
      names.add(new ClaimName("reach_stage_" + safe(key), reached ? "fails" : "holds"));
    }
    for (Outcome o : ix.outcomes) {
      boolean reached = v.verdict(Checks.REACHABLE).findings().stream()
          .noneMatch(f -> f.message().startsWith("outcome " + o.name() + " is never reached"));
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
    line("int consents;          /* agreements then advice, one bit each */");
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
    line("short skips;");
    line("bool probeWaits;");
    line("int probeCompleted;");
    line("short tmp;");
    line("");
  }

  private void macros() {
    line("#define ONRES " + byStage(s -> Integer.toString(rules.code(s.transitions().onResolved()))));
    line("#define ONUNSAT " + byStage(s -> Integer.toString(rules.code(s.transitions()
        .onUnsatisfactory()))));
    line("#define ONNR " + byStage(s -> Integer.toString(rules.code(s.transitions()
        .onNoResponse()))));
    line("#define CBIT " + byStage(s -> {
      int bit = ix.completedBit[ix.stage(s.key())];
      return bit < 0 ? "0" : Integer.toString(1 << bit);
    }));
    for (int k = 0; k < stages; k++) {
      Stage s = ix.stages.get(k);
      line("#define PRE_S" + k + "(c) (" + preconditions(s.preconditions(), "c") + ")");
      line("#define ONLYIF_S" + k + " (" + s.onlyIf().map(this::condition).orElse("true") + ")");
      line("#define TS_S" + k + " (" + timescaleMask(s) + ")");
      line("#define ACTS_S" + k + " (" + actsMask(s.steps()) + ")");
    }
    for (int j = 0; j < ix.outcomes.size(); j++) {
      Outcome o = ix.outcomes.get(j);
      line("#define PRE_O" + j + "(c) (" + preconditions(o.preconditions(), "c") + ")");
      line("#define ACTS_O" + j + " (" + actsMask(o.steps()) + ")");
    }
    line("#define ASKOK " + byStage(s -> rule(s).map(r -> "(" + askable(r) + ")")
        .orElse("false")));
    line("#define HASRULE " + byStage(s -> rule(s).isPresent() ? "true" : "false"));
    line("#define UPTO " + byStage(s -> Long.toString(Math.min(cap,
        rule(s).flatMap(ExtensionRule::upTo).map(WorkingDays::of).orElse(cap)))));
    for (int i = 0; i < ix.protocol.limits().size(); i++) {
      Limit limit = ix.protocol.limits().get(i);
      line("#define INL_" + (i + 1) + " " + byStage(s -> limit.stages().contains(s.key())
          ? "true" : "false"));
    }
    line("");
  }

  private Optional<ExtensionRule> rule(Stage s) {
    return s.extension().or(() -> ix.protocol.extension());
  }

  private String askable(ExtensionRule r) {
    List<String> parts = new ArrayList<>();
    r.maxPerStage().ifPresent(m -> parts.add("extStage < " + m));
    r.maxInTotal().ifPresent(m -> parts.add("extTotal < " + m));
    parts.add(preconditions(r.preconditions(), "completed"));
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

  private String timescaleMask(Stage s) {
    List<Timescale> all = s.timescales();
    List<String> conditionals = new ArrayList<>();
    for (Timescale t : all) {
      t.when().ifPresent(c -> conditionals.add(condition(c)));
    }
    String anyConditional = conditionals.isEmpty() ? "false"
        : "(" + String.join(" || ", conditionals) + ")";
    List<String> bits = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      Timescale t = all.get(i);
      String applies = t.when().map(c -> condition(c)).orElse("!" + anyConditional);
      String anchored = t.anchor() instanceof Timescale.Anchor.Event e
          ? "(occurred & " + (1 << ix.anchorEvents.indexOf(e.name())) + ") != 0" : "true";
      bits.add("((" + applies + ") && (" + anchored + ") -> " + (1 << i) + " : 0)");
    }
    return bits.isEmpty() ? "0" : String.join(" + ", bits);
  }

  private String actsMask(List<Step> steps) {
    List<String> bits = new ArrayList<>();
    for (int i = 0; i < ix.roleActions.size(); i++) {
      List<String> when = new ArrayList<>();
      for (Step step : steps) {
        if (ProtocolIndex.does(step, ix.roleActions.get(i))) {
          when.add(step.when().map(this::condition).orElse("true"));
        }
      }
      if (!when.isEmpty()) {
        bits.add("((" + String.join(" || ", when) + ") -> " + (1 << i) + " : 0)");
      }
    }
    return bits.isEmpty() ? "0" : String.join(" + ", bits);
  }

  private String preconditions(List<Precondition> list, String completedVar) {
    if (list.isEmpty()) {
      return "true";
    }
    StringJoiner all = new StringJoiner(" && ");
    for (Precondition p : list) {
      if (p instanceof Precondition.Completed c) {
        int mask = 0;
        for (String key : c.stages()) {
          mask |= 1 << ix.completedBit[ix.stage(key)];
        }
        all.add("((" + completedVar + " & " + mask + ") == " + mask + ")");
      } else if (p instanceof Precondition.Agreement a) {
        all.add("((consents & " + (1 << ix.agreements.indexOf(a.role())) + ") != 0)");
      } else if (p instanceof Precondition.Advice a) {
        all.add("((consents & " + (1 << (ix.agreements.size() + ix.advice.indexOf(a.role())))
            + ") != 0)");
      } else {
        all.add(condition(((Precondition.Holds) p).condition()));
      }
    }
    return all.toString();
  }

  private String condition(Condition c) {
    if (c instanceof Condition.Holds h) {
      return ix.attribute(h.attribute()).map(i -> "(attr[" + i + "] == 1)").orElse("false");
    } else if (c instanceof Condition.Is is) {
      return ix.attribute(is.attribute()).map(i -> "(attr[" + i + "] == "
          + ix.domains.get(i).indexOf(is.value()) + ")").orElse("false");
    } else if (c instanceof Condition.Not n) {
      return "!" + condition(n.operand());
    } else if (c instanceof Condition.And a) {
      return "(" + condition(a.left()) + " && " + condition(a.right()) + ")";
    }
    Condition.Or o = (Condition.Or) c;
    return "(" + condition(o.left()) + " || " + condition(o.right()) + ")";
  }

  // -------------------------------------------------------------------------------------------
  // Moving: going to a target, entering a stage, concluding

  /** {@code go}: the engine's way to a target; {@code probe}: only whether it would wait. */
  private void goInline(String name, boolean probe) {
    line("inline " + name + "(t) {");
    line("  nxt = t;");
    line("  skips = 0;");
    if (probe) {
      line("  probeWaits = false;");
    }
    line("  do");
    String c = probe ? "probeCompleted" : "completed";
    for (int k = 0; k < stages; k++) {
      Stage s = ix.stages.get(k);
      line("  :: nxt == " + k + " ->");
      line("     if");
      line("     :: !PRE_S" + k + "(" + c + ") -> " + (probe ? "probeWaits = true"
          : "waitFor = " + k + "; timescales = 0; entered = false") + "; break");
      line("     :: else ->");
      line("        if");
      line("        :: ONLYIF_S" + k + " || skips >= 1000 -> " + (probe ? "break" : "skip"));
      if (!probe) {
        enter(k, "           ");
        line("           break");
      }
      line("        :: else -> skips++; nxt = " + rules.code(s.transitions().onNoResponse()));
      line("        fi");
      line("     fi");
    }
    for (int j = 0; j < ix.outcomes.size(); j++) {
      line("  :: nxt == " + (stages + j) + " ->");
      line("     if");
      line("     :: PRE_O" + j + "(" + c + ") -> " + (probe ? "break" : "skip"));
      if (!probe) {
        conclude(j, "        ");
        line("        break");
      }
      line("     :: else -> " + (probe ? "probeWaits = true"
          : "waitFor = " + (stages + j) + "; timescales = 0; entered = false") + "; break");
      line("     fi");
    }
    line("  od");
    line("}");
    line("");
  }

  private void enter(int k, String indent) {
    Stage s = ix.stages.get(k);
    line(indent + "stage = " + k + "; waitFor = NONE; pending = false; extStage = 0;");
    line(indent + "timescales = TS_S" + k + "; acts = ACTS_S" + k + "; entered = true;");
    // the latest the stay can end: the earliest deadline that applies, from the entry
    line(indent + "tmp = CAP;");
    for (int i = 0; i < s.timescales().size(); i++) {
      Timescale t = s.timescales().get(i);
      long d = Math.min(cap, WorkingDays.of(t.duration()));
      String due = t.anchor() instanceof Timescale.Anchor.EscalationStart
          ? "MAX(elapsed, " + d + ")" : "MIN(elapsed + " + d + ", CAP)";
      line(indent + "if :: (timescales & " + (1 << i) + ") -> tmp = MIN(tmp, " + due
          + ") :: else -> skip fi;");
    }
    line(indent + "if :: tmp == CAP && timescales == 0 -> skip :: else -> elapsed = tmp fi;");
    for (int l = 0; l < ix.protocol.limits().size(); l++) {
      if (ix.protocol.limits().get(l).stages().contains(s.key())) {
        long longest = 0;
        line(indent + "tmp = CAP;");
        for (int i = 0; i < s.timescales().size(); i++) {
          long d = Math.min(cap, WorkingDays.of(s.timescales().get(i).duration()));
          line(indent + "if :: (timescales & " + (1 << i) + ") -> tmp = MIN(tmp, " + d
              + ") :: else -> skip fi;");
          longest = Math.max(longest, d);
        }
        line(indent + "if :: timescales != 0 -> spent_" + (l + 1) + " = MIN(spent_" + (l + 1)
            + " + tmp, CAP) :: else -> skip fi;");
      }
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
    line("inline retry() {");
    line("  if");
    line("  :: waitFor != NONE -> nxt = waitFor; waitFor = NONE; go(nxt)");
    line("  :: else -> skip");
    line("  fi");
    line("}");
    line("");
    line("active proctype escalation() {");
    line("  atomic {");
    for (int a = 0; a < ix.attributes.size(); a++) {
      StringBuilder choice = new StringBuilder("    if");
      for (int v = 0; v < ix.domains.get(a).size(); v++) {
        choice.append(" :: attr[").append(a).append("] = ").append(v);
      }
      line(choice.append(" fi;").toString());
    }
    int consents = ix.agreements.size() + ix.advice.size();
    for (int b = 0; b < consents; b++) {
      line("    if :: skip :: consents = consents | " + (1 << b) + " fi;");
    }
    for (int e = 0; e < ix.anchorEvents.size(); e++) {
      line("    if :: skip :: occurred = occurred | " + (1 << e) + " fi;");
    }
    line("    if");
    String fired = firedByAny();
    line("    :: !(" + fired + ") && PRE_S0(completed) -> skip");
    enter(0, "       ");
    for (Right r : ix.protocol.rights()) {
      if (r.kind() != Right.Kind.START) {
        continue;
      }
      for (Target t : r.targets()) {
        if (t instanceof Target.ToStage s) {
          int k = ix.stage(s.key());
          line("    :: !(" + fired + ") && " + r.when().map(this::condition).orElse("true")
              + " && PRE_S" + k + "(completed) -> skip /* " + r.role() + " starts at stage "
              + s.key() + " */");
          enter(k, "       ");
        }
      }
    }
    for (Trigger t : ix.protocol.triggers()) {
      int k = ix.stage(t.raiseAt());
      line("    :: " + canFire(t.rule()) + " && PRE_S" + k + "(completed) -> skip /* trigger "
          + t.name() + " */");
      enter(k, "       ");
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
      String who = b < ix.agreements.size() ? ix.agreements.get(b) + " agrees"
          : ix.advice.get(b - ix.agreements.size()) + " gives advice";
      line("  :: atomic { !ended && !quiet && (consents & " + (1 << b) + ") == 0 -> "
          + "entered = false; consents = consents | " + (1 << b) + "; retry() }  /* " + who
          + " */");
    }
    for (int a = 0; a < ix.attributes.size(); a++) {
      boolean yesNo = ix.attributes.get(a).isYesNo();
      for (int v = yesNo ? 0 : 1; v < ix.domains.get(a).size(); v++) {
        line("  :: atomic { !ended && !quiet && attr[" + a + "] != " + v + " -> entered = false; "
            + "attr[" + a + "] = " + v + "; retry() }  /* " + ix.attributes.get(a).name() + " = "
            + ix.domains.get(a).get(v) + " */");
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

  private void bypasses() {
    // a bypass is allowed when any of the role's rights that cover the target has its condition
    Map<String, List<String>> conditions = new LinkedHashMap<>();
    for (Right r : ix.protocol.rights()) {
      if (r.kind() == Right.Kind.BYPASS) {
        for (Target t : r.targets()) {
          // `any later stage` (RightsTable.reaches): only to a stage after the current one
          String when = r.when().map(this::condition).orElse("true");
          conditions.computeIfAbsent(r.role() + " " + rules.code(t), k -> new ArrayList<>())
              .add(r.laterOnly() ? "(stage < " + rules.code(t) + " && " + when + ")" : when);
        }
      }
    }
    for (Map.Entry<String, List<String>> e : conditions.entrySet()) {
      String key = e.getKey();
      int target = Integer.parseInt(key.substring(key.lastIndexOf(' ') + 1));
      String back = target < stages ? "(" + target + " <= stage)" : "false";
      line("  :: atomic { !ended && !quiet && (" + String.join(" || ", e.getValue())
          + ") -> probeCompleted = completed | CBIT; probe(" + target + ");");
      line("       if :: !probeWaits -> entered = false; completed = completed | CBIT; "
          + "poisoned = poisoned || " + back + "; go(" + target + ") :: else -> skip fi }  /* "
          + key.substring(0, key.lastIndexOf(' ')) + " bypasses to " + rules.name(target)
          + " */");
    }
  }

  private void referrals() {
    Map<String, Right> first = new LinkedHashMap<>();
    Map<String, List<String>> conditions = new LinkedHashMap<>();
    for (Right r : ix.protocol.rights()) {
      if (r.kind() != Right.Kind.REFER) {
        continue;
      }
      for (Target t : r.targets()) {
        if (t instanceof Target.ToOutcome o) {
          String key = r.role() + " " + o.name();
          first.putIfAbsent(key, r);
          conditions.computeIfAbsent(key, k -> new ArrayList<>())
              .add(r.when().map(this::condition).orElse("true"));
        }
      }
    }
    for (Map.Entry<String, Right> e : first.entrySet()) {
      String name = e.getKey().substring(e.getKey().indexOf(' ') + 1);
      int j = ix.outcome(name);
      // which of the role's rights applies decides whether the referral is concurrent
      List<Right> rights = ix.protocol.rights().stream().filter(r -> r.kind() == Right.Kind.REFER
          && r.role().equals(e.getValue().role())
          && r.targets().contains(new Target.ToOutcome(name))).toList();
      String guardSoFar = "true";
      for (Right r : rights) {
        String when = r.when().map(this::condition).orElse("true");
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

  private String canFire(HistoryRule rule) {
    if (rule instanceof HistoryRule.Holds h) {
      return ix.attribute(h.attribute()).map(i -> "(attr[" + i + "] == 1)").orElse("true");
    } else if (rule instanceof HistoryRule.And a) {
      return "(" + canFire(a.left()) + " && " + canFire(a.right()) + ")";
    } else if (rule instanceof HistoryRule.Or o) {
      return "(" + canFire(o.left()) + " || " + canFire(o.right()) + ")";
    }
    return "true";
  }

  private String firedByAny() {
    List<String> any = new ArrayList<>();
    for (Trigger t : ix.protocol.triggers()) {
      any.add(firedBy(t.rule()));
    }
    return any.isEmpty() ? "false" : String.join(" || ", any);
  }

  private String firedBy(HistoryRule rule) {
    if (rule instanceof HistoryRule.Holds h) {
      return ix.attribute(h.attribute()).map(i -> "(attr[" + i + "] == 1)").orElse("false");
    } else if (rule instanceof HistoryRule.Count c) {
      int bit = ix.anchorEvents.indexOf(c.event());
      return c.atLeast() <= 1 && bit >= 0 ? "((occurred & " + (1 << bit) + ") != 0)" : "false";
    } else if (rule instanceof HistoryRule.And a) {
      return "(" + firedBy(a.left()) + " && " + firedBy(a.right()) + ")";
    } else if (rule instanceof HistoryRule.Or o) {
      return "(" + firedBy(o.left()) + " || " + firedBy(o.right()) + ")";
    }
    return "false";
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

  private String ltl(Claim c) {
    if (c instanceof Claim.Always x) {
      return "[] (" + ltl(x.operand()) + ")";
    } else if (c instanceof Claim.Never x) {
      return "[] !(" + ltl(x.operand()) + ")";
    } else if (c instanceof Claim.AtEveryStage x) {
      return "[] (entered -> (" + ltl(x.operand()) + "))";
    } else if (c instanceof Claim.Eventually x) {
      return "<> (" + ltl(x.operand()) + ")";
    } else if (c instanceof Claim.Reaches x) {
      return "<> (ended && (" + ltl(x.operand()) + "))";
    } else if (c instanceof Claim.OnlyAfter x) {
      String subject = ltl(x.subject());
      String condition = ltl(x.condition());
      return "!((!(" + condition + ")) U ((" + subject + ") && !(" + condition + ")))";
    } else if (c instanceof Claim.Not x) {
      return "!(" + ltl(x.operand()) + ")";
    } else if (c instanceof Claim.And x) {
      return "(" + ltl(x.left()) + ") && (" + ltl(x.right()) + ")";
    } else if (c instanceof Claim.Or x) {
      return "(" + ltl(x.left()) + ") || (" + ltl(x.right()) + ")";
    } else if (c instanceof Claim.InOutcome x) {
      return "(ended && outcome == " + ix.outcome(x.name()) + ")";
    } else if (c instanceof Claim.InStage x) {
      return "(!ended && stage == " + ix.stage(x.key()) + ")";
    } else if (c instanceof Claim.AttributeHolds x) {
      return ix.attribute(x.attribute()).map(i -> "(attr[" + i + "] == 1)").orElse("false");
    } else if (c instanceof Claim.Completed x) {
      int mask = 0;
      for (String key : x.stages()) {
        mask |= 1 << ix.completedBit[ix.stage(key)];
      }
      return "((completed & " + mask + ") == " + mask + ")";
    } else if (c instanceof Claim.RoleAction x) {
      return "((acts & " + (1 << ix.roleActions.indexOf(x)) + ") != 0)";
    }
    throw new IllegalStateException("not exported: " + c);
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
