package org.escalon.compiler.verify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.escalon.machine.AnchorCases;
import org.escalon.machine.Duty;
import org.escalon.machine.Guard;
import org.escalon.machine.Guards;
import org.escalon.machine.Interpreter;
import org.escalon.machine.Moves;
import org.escalon.machine.OperationalModel;
import org.escalon.machine.OutcomeRule;
import org.escalon.machine.PreconditionCases;
import org.escalon.machine.AbstractState;
import org.escalon.machine.RightsTable;
import org.escalon.machine.StageRule;
import org.escalon.machine.TargetCases;
import org.escalon.machine.TriggerRule;
import org.escalon.model.Attribute;
import org.escalon.model.Citation;
import org.escalon.model.ExtensionRule;
import org.escalon.model.Precondition;
import org.escalon.model.Right;
import org.escalon.model.SourceSpan;
import org.escalon.model.Stage;
import org.escalon.model.Target;
import org.escalon.model.Timescale;

/**
 * The verifier's states and moves, with every rule of the protocol asked of the
 * {@link Interpreter} the engine runs on: which moves are enabled ({@link Interpreter#enabled}),
 * where each arrives ({@code only if} skips, waits), how an escalation is raised. What is the
 * verifier's own is the abstraction: which facts a state keeps ({@link ProtocolIndex}), the facts
 * a case may have before the raise, and the changes of facts (agreements, advice, attributes,
 * events) offered as moves. Each move is offered once per distinct result.
 *
 * <p>Left out on purpose: withdrawal (not a rule of the protocol), declining a request for more
 * time (it leads back to the stay as it was before the request, which the search has), and
 * anything after the end (an ended escalation takes no more moves).
 */
final class AbstractRules {

  /** A move and the state it leads to. */
  record Next(Move move, State state) {}

  private final ProtocolIndex ix;
  private final OperationalModel model;
  private final Interpreter run;
  private final int stageCount;
  private final Map<Label, Integer> moveIds = new HashMap<>(256);
  private final List<Move> moves = new ArrayList<>();
  private final Labels labels;
  /** The moves that change a fact, by the fact (and value): numbered once, on first use. */
  private final int[] consentMoves;
  private final int[][] setMoves;
  private final int[] occurMoves;
  /**
   * A state packed into longs: two words of where it is, then a fixed number of words for each
   * set of facts (stages completed, consents, attribute values, events, timescales, role
   * actions), each from its offset here; {@link #width} in all.
   */
  private static final long ENDED = 1L << 60;
  private static final long PENDING = 1L << 61;
  private static final long ENTERED = 1L << 62;
  private final int completedAt;
  private final int consentsAt;
  private final int attributesAt;
  private final int occurredAt;
  private final int timescalesAt;
  private final int actsAt;
  private final int width;
  /** The stages the state being expanded has completed, with one more, by the added bit. */
  private final Bits[] completedPlus;
  /** The state being expanded, and the copy of it each move works on. */
  private final Draft source;
  private final Draft scratch;
  /** The state being expanded, as packed: what its successors' unchanged facts are copied from. */
  private final long[] sourceWords;
  /**
   * The signatures of the states expanded so far (see {@link #signature}), numbered, and for
   * each signature and each response, deadline or bypass (its slot: the two responses, the
   * deadline, then each bypass) that entered a stage or ended the escalation, the number of the
   * state it led to, or -1: every state of the same signature is led there by the same move, and
   * the interpreter is told so ({@link Moves#tookBypass} and the like) instead of building it.
   */
  private final StateTable signatures;
  private final long[] signatureWords;
  private final int rememberedSlots;
  private int[] successorOf = new int[0];
  private int sourceSignature;
  /**
   * For each stage, its timescales and role actions on entry when no fact can change them (no
   * conditional timescale, none counted from an event, no duty of a property's with a condition),
   * else null: entering a stage is the commonest thing a move does.
   */
  private final Bits[] fixedTimescales;
  private final Bits[] fixedActs;

  /**
   * For each consent (agreements, then advice), the one before it in its group, or -1. A group is
   * the consents required by exactly the same preconditions lists: to every rule they are one
   * fact, "all given", so only how many are given matters. They are given in order (the first not
   * yet given is the only one offered), which keeps n of them to n + 1 states instead of 2^n.
   */
  private final int[] consentBefore;

  AbstractRules(ProtocolIndex ix) {
    this.ix = ix;
    this.model = ix.model;
    this.run = new Interpreter(model);
    this.stageCount = ix.stages.size();
    this.consentBefore = consentGroups();
    this.labels = new Labels();
    this.consentMoves = unnumbered(ix.agreements.size() + ix.advice.size());
    this.setMoves = new int[ix.attributes.size()][];
    for (int a = 0; a < setMoves.length; a++) {
      setMoves[a] = unnumbered(ix.domains.get(a).size());
    }
    this.occurMoves = unnumbered(ix.anchorEvents.size());
    int completedBits = 0;
    for (int bit : ix.completedBit) {
      completedBits = Math.max(completedBits, bit + 1);
    }
    int timescaleBits = 0;
    for (Stage stage : ix.stages) {
      timescaleBits = Math.max(timescaleBits, stage.timescales().size());
    }
    if (stageCount + ix.outcomes.size() >= 1 << 20) {
      throw new IllegalArgumentException("too many stages and outcomes to verify");
    }
    this.completedPlus = new Bits[completedBits];
    this.completedAt = 2;
    this.consentsAt = completedAt + words(completedBits);
    this.attributesAt = consentsAt + words(ix.agreements.size() + ix.advice.size());
    this.occurredAt = attributesAt + words(ix.attributeBits);
    this.timescalesAt = occurredAt + words(ix.anchorEvents.size());
    this.actsAt = timescalesAt + words(timescaleBits);
    this.width = actsAt + words(ix.roleActions.size());
    this.source = new Draft();
    this.scratch = new Draft();
    this.sourceWords = new long[width];
    this.signatures = new StateTable(width);
    this.signatureWords = new long[width];
    this.rememberedSlots = 3 + model.rights().covers(Right.Kind.BYPASS).size();
    this.fixedTimescales = new Bits[stageCount];
    this.fixedActs = new Bits[stageCount];
    Draft none = new Draft(Bits.NONE, Bits.NONE, Bits.NONE, 0);
    for (StageRule stage : model.stages()) {
      boolean fixedTime = stage.timescales().conditional().isEmpty() && stage.timescales()
          .otherwise().stream().noneMatch(t -> t.anchor() instanceof Timescale.Anchor.Event);
      boolean fixedDuties = ix.roleActions.isEmpty()
          || stage.duties().stream().allMatch(d -> d.when() == Guard.ALWAYS);
      fixedTimescales[stage.index()] = fixedTime ? none.timescales(stage) : null;
      fixedActs[stage.index()] = fixedDuties ? none.acts(stage.duties()) : null;
    }
  }

  private static int words(int bits) {
    return (bits + 63) >>> 6;
  }

  private static int[] unnumbered(int n) {
    int[] ids = new int[n];
    java.util.Arrays.fill(ids, -1);
    return ids;
  }

  /** How many longs a packed state takes. */
  int width() {
    return width;
  }

  /** The move numbered {@code id}. */
  Move move(int id) {
    return moves.get(id);
  }

  /** Every move numbered so far, by number. */
  List<Move> moves() {
    return List.copyOf(moves);
  }

  ProtocolIndex index() {
    return ix;
  }

  OperationalModel model() {
    return model;
  }

  private int[] consentGroups() {
    int n = ix.agreements.size() + ix.advice.size();
    List<List<Precondition>> lists = new ArrayList<>();
    ix.stages.forEach(s -> lists.add(s.preconditions()));
    ix.outcomes.forEach(o -> lists.add(o.preconditions()));
    ix.protocol.extension().ifPresent(x -> lists.add(x.preconditions()));
    ix.stages.forEach(s -> s.extension().ifPresent(x -> lists.add(x.preconditions())));
    List<Set<Integer>> requiredBy = new ArrayList<>();
    for (int b = 0; b < n; b++) {
      requiredBy.add(new TreeSet<>());
    }
    for (int l = 0; l < lists.size(); l++) {
      for (Precondition p : lists.get(l)) {
        int bit = consentBit(p);
        if (bit >= 0) {
          requiredBy.get(bit).add(l);
        }
      }
    }
    int[] before = new int[n];
    Map<Set<Integer>, Integer> last = new HashMap<>();
    for (int b = 0; b < n; b++) {
      Integer previous = last.put(requiredBy.get(b), b);
      before[b] = previous == null ? -1 : previous;
    }
    return before;
  }

  /** The consent bit a precondition asks for (agreements, then advice), or -1. */
  private int consentBit(Precondition p) {
    return PreconditionCases.on(p, new PreconditionCases<>() {
      @Override
      public Integer completed(Precondition.Completed c) {
        return -1;
      }

      @Override
      public Integer agreement(Precondition.Agreement a) {
        return ix.agreements.indexOf(a.role());
      }

      @Override
      public Integer advice(Precondition.Advice a) {
        return ix.agreements.size() + ix.advice.indexOf(a.role());
      }

      @Override
      public Integer holds(Precondition.Holds h) {
        return -1;
      }
    });
  }

  /** Whether the consents are given in their groups' order (see {@link #consentBefore}). */
  private boolean inOrder(Bits consents) {
    for (int b : consents.members()) {
      if (consentBefore[b] >= 0 && !consents.get(consentBefore[b])) {
        return false;
      }
    }
    return true;
  }

  // -------------------------------------------------------------------------------------------
  // Raising

  /**
   * Every state an escalation can be in just after it is raised: each way to raise it the
   * interpreter lists (the first stage, a right to start elsewhere, a trigger), for each set of
   * facts the case may already have (attributes, agreements and advice given, anchor events
   * happened).
   */
  List<Next> initial(SearchLimits.Budget budget) {
    Map<State, Integer> found = new LinkedHashMap<>();
    // Only the facts the raise itself can tell apart are set before it: an agreement no stage an
    // escalation starts at requires, or an event no such stage's timescale or trigger counts,
    // is given just after the raise by its own move instead, and the paths are the same. The
    // combinations are counted one by one against the budget, never all built first.
    List<Integer> consents = raiseConsents();
    List<Integer> events = raiseEvents();
    int[] digits = new int[ix.domains.size() + consents.size() + events.size()];
    int[] radix = new int[digits.length];
    for (int i = 0; i < radix.length; i++) {
      // a decision is taken during its stage, never before the raise
      radix[i] = i < ix.domains.size()
          ? (ix.attributes.get(i).decision().isPresent() ? 1 : ix.domains.get(i).size()) : 2;
    }
    budget.starts(combinations(radix));
    do {
      budget.start();
      Bits attributes = Bits.NONE;
      for (int i = 0; i < ix.domains.size(); i++) {
        attributes = ix.withValue(attributes, i, digits[i]);
      }
      Bits c = Bits.NONE;
      for (int i = 0; i < consents.size(); i++) {
        c = digits[ix.domains.size() + i] == 1 ? c.with(consents.get(i)) : c;
      }
      Bits occurred = Bits.NONE;
      for (int i = 0; i < events.size(); i++) {
        occurred = digits[ix.domains.size() + consents.size() + i] == 1
            ? occurred.with(events.get(i)) : occurred;
      }
      if (!inOrder(c)) {
        continue;
      }
      // setting the facts before a raise by hand must not already have fired a trigger
      CaseFacts set = new CaseFacts(ix, CaseFacts.View.MUST, Bits.NONE, c, attributes, occurred);
      boolean fired = model.triggers().stream().anyMatch(t -> Guards.holds(t.when(), set));
      CaseFacts history = new CaseFacts(ix, CaseFacts.View.MAY, Bits.NONE, c, attributes,
          occurred);
      for (Interpreter.Raise raise : run.raises(history)) {
        if (fired && raise.trigger().isEmpty()) {
          continue;
        }
        Draft d = new Draft(attributes, c, occurred, raise.at().index());
        // a raise that would leave the escalation open with an invariant broken is refused
        if (run.raise(raise.at(), d).isEmpty() && (d.ended || run.breaking(d).isEmpty())) {
          found.putIfAbsent(d.state(), move(raise));
          if (!d.ended && d.waiting < 0) {
            // a referral allowed only at the raise is made with it, or never
            int by = move(raise);
            run.atTheRaise(d, r -> found.putIfAbsent(r.state(), by));
          }
        }
      }
    } while (next(digits, radix));
    List<Next> out = new ArrayList<>();
    found.forEach((state, move) -> out.add(new Next(move(move), state)));
    return out;
  }

  private int move(Interpreter.Raise raise) {
    String at = raise.at().key();
    if (raise.right().isPresent()) {
      Right r = raise.right().get();
      return move(Move.Kind.RAISE, r.role(), at, "using the right to start there", r.citation(),
          r.span());
    }
    if (raise.trigger().isPresent()) {
      TriggerRule t = raise.trigger().get();
      return move(Move.Kind.RAISE, raise.role(), at, "trigger " + t.name(),
          t.citations().stream().findFirst(), t.span());
    }
    return move(Move.Kind.RAISE, raise.role(), at, "",
        ix.protocol.header().sources().stream().findFirst(), ix.protocol.span());
  }

  /** How many combinations the radices make, stopping at {@link Long#MAX_VALUE}. */
  private static long combinations(int[] radix) {
    long product = 1;
    for (int r : radix) {
      product = product > Long.MAX_VALUE / r ? Long.MAX_VALUE : product * r;
    }
    return product;
  }

  /** Counts {@code digits} up by one in mixed radix; false once it has gone all the way round. */
  private static boolean next(int[] digits, int[] radix) {
    for (int i = 0; i < digits.length; i++) {
      if (++digits[i] < radix[i]) {
        return true;
      }
      digits[i] = 0;
    }
    return false;
  }

  /**
   * Where a raise can arrive: every destination of the route from each stage an escalation can
   * be raised at (a stage that does not apply is walked past at the raise too).
   */
  private List<Target> raiseArrivals() {
    List<StageRule> raisedAt = new ArrayList<>(List.of(model.stages().get(0)));
    model.rights().entries(Right.Kind.START).forEach(e -> e.right().targets().stream()
        .filter(Target.ToStage.class::isInstance)
        .forEach(t -> raisedAt.add(model.stage(((Target.ToStage) t).key()).orElseThrow())));
    model.triggers().forEach(t -> raisedAt.add(model.stage(t.raiseAt()).orElseThrow()));
    List<Target> arrivals = new ArrayList<>();
    for (StageRule at : raisedAt) {
      model.route(new Target.ToStage(at.key())).branches().forEach(b -> arrivals.add(b.to()));
    }
    return arrivals;
  }

  /** The consents (agreements, then advice) a stage or outcome a raise arrives at requires. */
  private List<Integer> raiseConsents() {
    Set<Integer> bits = new TreeSet<>();
    for (Target t : raiseArrivals()) {
      for (Precondition p : preconditions(code(t))) {
        int bit = consentBit(p);
        if (bit >= 0) {
          bits.add(bit);
        }
      }
    }
    return List.copyOf(bits);
  }

  /** The anchor events a stage a raise arrives at counts from, or a trigger counts. */
  private List<Integer> raiseEvents() {
    Set<Integer> bits = new TreeSet<>();
    for (Target t : raiseArrivals()) {
      int at = code(t);
      if (at < stageCount) {
        for (Timescale ts : ix.stages.get(at).timescales()) {
          if (ts.anchor() instanceof Timescale.Anchor.Event e) {
            bits.add(ix.anchorEvents.indexOf(e.name()));
          }
        }
      }
    }
    if (!model.triggers().isEmpty()) {
      for (int e = 0; e < ix.anchorEvents.size(); e++) {
        bits.add(e);
      }
    }
    return List.copyOf(bits);
  }

  // -------------------------------------------------------------------------------------------
  // Moves from an open escalation

  /** Every move the engine would accept in this state, each with the state it leads to. */
  void successors(State s, Successors out) {
    long[] packed = new long[width];
    pack(s, packed, 0);
    successors(packed, 0, out);
  }

  /** The same, of the state packed in {@code words} from {@code at}. */
  void successors(long[] words, int at, Successors out) {
    if ((words[at] & ENDED) != 0) {
      return;
    }
    source.load(words, at);
    System.arraycopy(words, at, sourceWords, 0, width);
    if (out.remembers) {
      signature(words, at);
    }
    java.util.Arrays.fill(completedPlus, null);
    run.enabled(source, labels.into(out));
    labels.recorded();
    facts(out);
  }

  /** The moves from the state, each with the state it leads to, one by one (for walks). */
  List<Next> successors(State s) {
    Successors out = new Successors();
    successors(s, out);
    List<Next> next = new ArrayList<>();
    for (int k = 0; k < out.count; k++) {
      next.add(new Next(move(out.moves[k]), unpack(out.states, k * width)));
    }
    return next;
  }

  /** Packs the state into {@code out} from {@code at}. */
  void pack(State s, long[] out, int at) {
    Draft d = new Draft();
    d.load(s);
    pack(d, out, at);
  }

  private void pack(Draft d, long[] out, int at) {
    packPosition(d, out, at);
    put(d.completed, out, at + completedAt, consentsAt - completedAt);
    put(d.consents, out, at + consentsAt, attributesAt - consentsAt);
    put(d.attributes, out, at + attributesAt, occurredAt - attributesAt);
    put(d.occurred, out, at + occurredAt, timescalesAt - occurredAt);
    put(d.timescales, out, at + timescalesAt, actsAt - timescalesAt);
    put(d.acts, out, at + actsAt, width - actsAt);
  }

  private static void packPosition(Draft d, long[] out, int at) {
    out[at] = d.stage | (long) (d.waiting + 1) << 20 | (long) (d.outcome + 1) << 40
        | (d.ended ? ENDED : 0) | (d.pending ? PENDING : 0) | (d.entered ? ENTERED : 0);
    out[at + 1] = (d.extensionsAtStage & 0xFFFF_FFFFL) | (long) d.extensionsInTotal << 32;
  }

  /**
   * Packs a successor of the state being expanded: a set of facts the move left as it was (the
   * same object as the source's) is copied from the source's words, not read out of the set
   * again; a move changes one or two of them.
   */
  private void packSuccessor(Draft d, long[] out, int at) {
    packPosition(d, out, at);
    copyOrPut(d.completed, source.completed, out, at, completedAt, consentsAt);
    copyOrPut(d.consents, source.consents, out, at, consentsAt, attributesAt);
    copyOrPut(d.attributes, source.attributes, out, at, attributesAt, occurredAt);
    copyOrPut(d.occurred, source.occurred, out, at, occurredAt, timescalesAt);
    copyOrPut(d.timescales, source.timescales, out, at, timescalesAt, actsAt);
    copyOrPut(d.acts, source.acts, out, at, actsAt, width);
  }

  private void copyOrPut(Bits bits, Bits was, long[] out, int at, int from, int to) {
    if (bits == was) {
      for (int i = from; i < to; i++) {
        out[at + i] = sourceWords[i];
      }
    } else {
      put(bits, out, at + from, to - from);
    }
  }

  private static void put(Bits bits, long[] out, int at, int words) {
    if (bits.wordCount() > words) {
      // a fact outside the layout would be dropped, and two states told apart would be one
      throw new IllegalStateException("a fact beyond the packed state's layout: " + bits);
    }
    for (int i = 0; i < words; i++) {
      out[at + i] = bits.word(i);
    }
  }

  /** The state packed in {@code words} from {@code at}. */
  State unpack(long[] words, int at) {
    long where = words[at];
    long counts = words[at + 1];
    return new State((where & ENDED) != 0, (int) (where & 0xFFFFF),
        (int) (where >>> 20 & 0xFFFFF) - 1, (int) (where >>> 40 & 0xFFFFF) - 1,
        Bits.read(words, at + completedAt, consentsAt - completedAt),
        Bits.read(words, at + consentsAt, attributesAt - consentsAt),
        Bits.read(words, at + attributesAt, occurredAt - attributesAt),
        (int) counts, (int) (counts >>> 32), (where & PENDING) != 0,
        Bits.read(words, at + occurredAt, timescalesAt - occurredAt),
        Bits.read(words, at + timescalesAt, actsAt - timescalesAt),
        Bits.read(words, at + actsAt, width - actsAt), (where & ENTERED) != 0);
  }

  /**
   * The moves from one state, each with the state it leads to packed: a buffer used again. A
   * buffer that {@link #remembers} gives, for a move by which a state of the same
   * {@link #signature} has already been led somewhere, that state's number ({@code known})
   * instead, and says which successors to remember once they are numbered.
   */
  final class Successors {
    long[] states = new long[width * 32];
    int[] moves = new int[32];
    /** The number of the state each move leads to when it is known already, else -1. */
    int[] known = new int[32];
    /** Where to remember the number of the state each move leads to once found, else -1. */
    int[] remember = new int[32];
    int count;
    private final boolean remembers;

    /** A buffer that packs every successor (for walks, which have no numbered states). */
    Successors() {
      this(false);
    }

    /** A buffer for a search whose states are numbered, which may give known successors. */
    Successors(boolean remembers) {
      this.remembers = remembers;
    }

    void clear() {
      count = 0;
    }

    private void add(int move, Draft next) {
      add(move, next, -1);
    }

    /**
     * Adds a move and where it leads; {@code slot} is the move's place among the moves that
     * {@link #remember} (-1 for one that does not).
     */
    private void add(int move, Draft next, int slot) {
      int at = grow();
      moves[at] = move;
      known[at] = -1;
      remember[at] = remembers && slot >= 0 && (next.entered || next.ended)
          ? sourceSignature * rememberedSlots + slot : -1;
      packSuccessor(next, states, at * width);
      count++;
    }

    /** Whether the move in {@code slot} is known to lead somewhere from the state's signature. */
    private boolean knows(int slot) {
      return remembers && successorOf[sourceSignature * rememberedSlots + slot] >= 0;
    }

    /** Takes the move to the state it is known to lead to (see {@link #knows}); true. */
    private boolean takeKnown(int move, int slot) {
      int at = grow();
      moves[at] = move;
      known[at] = successorOf[sourceSignature * rememberedSlots + slot];
      remember[at] = -1;
      count++;
      return true;
    }

    /** Room for one more move; its place. */
    private int grow() {
      if (count == moves.length) {
        moves = java.util.Arrays.copyOf(moves, count * 2);
        known = java.util.Arrays.copyOf(known, count * 2);
        remember = java.util.Arrays.copyOf(remember, count * 2);
        states = java.util.Arrays.copyOf(states, count * 2 * width);
      }
      return count;
    }
  }

  /** Remembers the number of the state a move leads to (see {@link Successors#remember}). */
  void remember(int at, int state) {
    successorOf[at] = state;
  }

  /**
   * The state being expanded with what a move that enters a stage or ends the escalation sets
   * anew cleared: the stay (waiting, pending request, extensions at the stage, timescales, role
   * actions, just entered). Such a move reads only what is left (the stage it leaves, the facts,
   * extensions in total) and overwrites the rest, so two states with the same signature lead by
   * it to the same state. What is cleared is listed here, field by field: any other part of the
   * state, including one added later, stays in the signature.
   */
  private void signature(long[] words, int at) {
    long[] sig = signatureWords;
    System.arraycopy(words, at, sig, 0, width);
    sig[0] &= ~((0xFFFFFL << 20) | PENDING | ENTERED); // waiting, pending request, entered
    sig[1] &= ~0xFFFF_FFFFL; // extensions at the stage (those in total stay)
    for (int i = timescalesAt; i < width; i++) {
      sig[i] = 0; // timescales and role actions: enter and conclude set both
    }
    int id = signatures.find(sig, 0);
    sourceSignature = id >= 0 ? id : signatures.add(sig, 0);
    int needed = signatures.size() * rememberedSlots;
    if (successorOf.length < needed) {
      int was = successorOf.length;
      successorOf = java.util.Arrays.copyOf(successorOf, Math.max(needed, was * 2));
      java.util.Arrays.fill(successorOf, was, successorOf.length, -1);
    }
  }

  /**
   * The interpreter's moves as the verifier's, labelled for counterexamples. A label depends on
   * the rule behind the move and where it goes, never on the state, so each is numbered once.
   */
  private final class Labels implements Moves<Draft> {
    private Successors out;
    private final int[][] responses = new int[stageCount][];
    private final List<Map<Bits, Integer>> deadlines = new ArrayList<>();
    /**
     * The same for timescales held in one word, by the word: each stage has one or two sets, and
     * a scan of a few longs is cheaper than hashing a set per state.
     */
    private final long[][] deadlineWords = new long[stageCount][0];
    private final int[][] deadlineMoves = new int[stageCount][0];
    private final int[] bypasses = unnumbered(model.rights().covers(Right.Kind.BYPASS).size());
    private final int[] referrals = unnumbered(model.rights().covers(Right.Kind.REFER).size());
    private final int[][] time = new int[stageCount][];
    /**
     * For each signature, the bypasses (by cover) enabled from a state of it, in order, once a
     * state of it has been expanded; and those of the state being expanded, while it is.
     */
    private int[][] bypassesOf = new int[16][];
    private final StateSpace.IntList recording = new StateSpace.IntList(8);
    private boolean records;

    Labels() {
      for (int i = 0; i < stageCount; i++) {
        deadlines.add(new HashMap<>());
        responses[i] = unnumbered(2);
        time[i] = unnumbered(2);
      }
    }

    Labels into(Successors into) {
      this.out = into;
      return this;
    }

    @Override
    public boolean tookResponse(StageRule stage, String role, boolean resolving) {
      int k = resolving ? 0 : 1;
      return out.knows(k) && out.takeKnown(response(stage, role, resolving), k);
    }

    @Override
    public void respond(StageRule stage, String role, boolean resolving, Draft next) {
      out.add(response(stage, role, resolving), next, resolving ? 0 : 1);
    }

    private int response(StageRule stage, String role, boolean resolving) {
      int[] known = responses[stage.index()];
      int k = resolving ? 0 : 1;
      if (known[k] < 0) {
        known[k] = move(resolving ? Move.Kind.RESOLVE : Move.Kind.UNSATISFACTORY, role,
            stage.key(), "", first(stage.citations()), stage.span());
      }
      return known[k];
    }

    @Override
    public boolean tookDeadline(StageRule stage) {
      return out.knows(2) && out.takeKnown(deadline(stage), 2);
    }

    @Override
    public void deadlinePasses(StageRule stage, Draft next) {
      out.add(deadline(stage), next, 2);
    }

    // the citation is that of the timescale that applies, so it depends on the stay
    private int deadline(StageRule stage) {
      if (source.timescales.wordCount() <= 1) {
        return deadlineByWord(stage, source.timescales.word(0));
      }
      Map<Bits, Integer> known = deadlines.get(stage.index());
      Integer m = known.get(source.timescales);
      if (m == null) {
        m = deadlineMove(stage);
        known.put(source.timescales, m);
      }
      return m;
    }

    private int deadlineByWord(StageRule stage, long word) {
      long[] words = deadlineWords[stage.index()];
      for (int i = 0; i < words.length; i++) {
        if (words[i] == word) {
          return deadlineMoves[stage.index()][i];
        }
      }
      int m = deadlineMove(stage);
      deadlineWords[stage.index()] = java.util.Arrays.copyOf(words, words.length + 1);
      deadlineWords[stage.index()][words.length] = word;
      deadlineMoves[stage.index()] = java.util.Arrays.copyOf(deadlineMoves[stage.index()],
          words.length + 1);
      deadlineMoves[stage.index()][words.length] = m;
      return m;
    }

    private int deadlineMove(StageRule stage) {
      // past a soft deadline, moving on is the escalator's choice (the raiser), not time's
      boolean soft = ix.stages.get(stage.index()).timescales().stream()
          .anyMatch(org.escalon.model.Timescale::soft);
      Optional<Citation> cited = timescaleCitation(ix.stages.get(stage.index()),
          source.timescales);
      return move(Move.Kind.DEADLINE, soft ? model.raisedBy() : "", stage.key(), "",
          cited.isPresent() ? cited : first(stage.citations()), stage.span());
    }

    @Override
    public boolean tookBypasses(StageRule stage) {
      records = false;
      if (!out.remembers) {
        return false;
      }
      int[] enabled = sourceSignature < bypassesOf.length ? bypassesOf[sourceSignature] : null;
      if (enabled == null || !knowsAll(enabled)) {
        records = true;
        recording.clear();
        return false;
      }
      for (int c : enabled) {
        out.takeKnown(bypasses[c], 3 + c);
      }
      return true;
    }

    private boolean knowsAll(int[] covers) {
      for (int c : covers) {
        if (!out.knows(3 + c)) {
          return false;
        }
      }
      return true;
    }

    /** Keeps the bypasses enabled from the state just expanded, if they were being recorded. */
    void recorded() {
      if (!records) {
        return;
      }
      records = false;
      if (sourceSignature >= bypassesOf.length) {
        bypassesOf = java.util.Arrays.copyOf(bypassesOf,
            Math.max(sourceSignature + 1, bypassesOf.length * 2));
      }
      bypassesOf[sourceSignature] = recording.toArray();
    }

    @Override
    public boolean tookBypass(RightsTable.Cover c) {
      if (records) {
        recording.add(c.index());
      }
      return out.knows(3 + c.index()) && out.takeKnown(bypass(c), 3 + c.index());
    }

    @Override
    public void bypass(RightsTable.Cover c, Draft next) {
      out.add(bypass(c), next, 3 + c.index());
    }

    private int bypass(RightsTable.Cover c) {
      if (bypasses[c.index()] < 0) {
        bypasses[c.index()] = move(Move.Kind.BYPASS, c.right().role(),
            TargetCases.describe(c.target()), "", c.right().citation(), c.right().span());
      }
      return bypasses[c.index()];
    }

    @Override
    public void refer(RightsTable.Cover c, OutcomeRule outcome, Draft next) {
      if (referrals[c.index()] < 0) {
        referrals[c.index()] = move(c.right().concurrently() ? Move.Kind.REFER_CONCURRENTLY
            : Move.Kind.REFER, c.right().role(), outcome.name(), "", c.right().citation(),
            c.right().span());
      }
      out.add(referrals[c.index()], next);
    }

    @Override
    public void askForTime(StageRule stage, ExtensionRule rule, String role, Draft next) {
      int[] known = time[stage.index()];
      if (known[0] < 0) {
        known[0] = move(Move.Kind.ASK_FOR_TIME, role, stage.key(),
            rule.upTo().isPresent() ? "up to " + rule.upTo().get() : "", first(rule.citations()),
            rule.span());
      }
      out.add(known[0], next);
    }

    @Override
    public void grantTime(StageRule stage, ExtensionRule rule, String role, Draft next) {
      int[] known = time[stage.index()];
      if (known[1] < 0) {
        known[1] = move(Move.Kind.GRANT_TIME, role, stage.key(), "",
            first(rule.citations()), rule.span());
      }
      out.add(known[1], next);
    }

    @Override
    public void declineTime(StageRule stage, ExtensionRule rule, String role, Draft next) {
      // back to the stay as it was before the request: a state the search already has
    }
  }

  /** The facts of the case changing: agreements and advice, attributes, anchor events. */
  private void facts(Successors out) {
    for (int i = 0; i < ix.agreements.size(); i++) {
      consent(i, Move.Kind.AGREE, ix.agreements.get(i), out);
    }
    for (int i = 0; i < ix.advice.size(); i++) {
      consent(ix.agreements.size() + i, Move.Kind.ADVISE, ix.advice.get(i), out);
    }
    for (int a = 0; a < ix.attributes.size(); a++) {
      int current = ix.value(source.attributes, a);
      Attribute attribute = ix.attributes.get(a);
      boolean yesNo = attribute.isYesNo();
      // a decision is taken, either way, by its role while the escalation is at its stage
      Optional<Attribute.Decision> decision = attribute.decision();
      if (decision.isPresent() && (source.ended || source.stage < 0
          || !model.stages().get(source.stage).key().equals(decision.get().stage()))) {
        continue;
      }
      for (int v = yesNo ? 0 : 1; v < ix.domains.get(a).size(); v++) {
        if (v == current) {
          continue;
        }
        if (setMoves[a][v] < 0) {
          setMoves[a][v] = decision.isPresent()
              ? move(Move.Kind.DECIDE, decision.get().by().get(0), attribute.name(),
                  v == 0 ? "no" : "yes", decision.get().citations().stream().findFirst(),
                  attribute.span())
              : move(Move.Kind.SET, "", attribute.name(), ix.domains.get(a).get(v),
                  Optional.empty(), attribute.span());
        }
        Draft d = source.successor();
        d.attributes = ix.withValue(d.attributes, a, v);
        if (run.breaking(d).isPresent()) {
          continue; // the engine refuses a change that breaks an invariant of an open escalation
        }
        d.retryWaiting();
        d.moveAtOnce();
        out.add(setMoves[a][v], d);
      }
    }
    // an event only starts a count: nothing waits for one (a trigger fires before the raise)
    for (int e = 0; e < ix.anchorEvents.size(); e++) {
      if (!source.occurred.get(e)) {
        if (occurMoves[e] < 0) {
          occurMoves[e] = move(Move.Kind.OCCUR, "", ix.anchorEvents.get(e), "", Optional.empty(),
              SourceSpan.NONE);
        }
        Draft d = source.successor();
        d.occurred = d.occurred.with(e);
        out.add(occurMoves[e], d);
      }
    }
  }

  /** A change of facts an invariant forbids, in words, and the refusal that forbids it. */
  record Forbidden(String change, Interpreter.Refusal refusal) {}

  /**
   * A change of one attribute that would let the waiting escalation in {@code s} go on but that
   * an invariant forbids, in words ("child_in_placement set to no"); empty if there is none, or
   * if the escalation is not waiting. This is where an invariant can be broken by the protocol
   * itself: a requirement that only a forbidden fact would meet.
   */
  Optional<Forbidden> releasedOnlyByBreaking(State s) {
    if (s.ended() || !s.isWaiting()) {
      return Optional.empty();
    }
    long[] packed = new long[width];
    pack(s, packed, 0);
    source.load(packed, 0);
    for (int a = 0; a < ix.attributes.size(); a++) {
      int current = ix.value(source.attributes, a);
      for (int v = ix.attributes.get(a).isYesNo() ? 0 : 1; v < ix.domains.get(a).size(); v++) {
        if (v == current) {
          continue;
        }
        Draft d = source.successor();
        d.attributes = ix.withValue(d.attributes, a, v);
        Optional<Interpreter.Refusal> broken = run.breaking(d);
        if (broken.isEmpty()) {
          continue;
        }
        int waited = d.waiting;
        d.retryWaiting();
        if (d.ended || d.waiting != waited) {
          return Optional.of(new Forbidden(ix.attributes.get(a).name() + " set to "
              + ix.domains.get(a).get(v), broken.get()));
        }
      }
    }
    return Optional.empty();
  }

  private void consent(int bit, Move.Kind kind, String role, Successors out) {
    Bits given = source.consents;
    if (given.get(bit) || consentBefore[bit] >= 0 && !given.get(consentBefore[bit])) {
      return;
    }
    if (consentMoves[bit] < 0) {
      consentMoves[bit] = move(kind, role, "", "", Optional.empty(), requirer(bit));
    }
    Draft d = source.successor();
    d.consents = d.consents.with(bit);
    d.retryWaiting();
    d.moveAtOnce();
    out.add(consentMoves[bit], d);
  }

  // -------------------------------------------------------------------------------------------
  // Look-ups

  /** The outcome's index: the model lists the outcomes in the protocol's order. */
  private int outcomeIndex(OutcomeRule rule) {
    List<OutcomeRule> all = model.outcomes();
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i) == rule) {
        return i;
      }
    }
    return ix.outcome(rule.name());
  }

  private Optional<Citation> timescaleCitation(Stage stage, Bits mask) {
    for (int i = 0; i < stage.timescales().size(); i++) {
      if (mask.get(i) && stage.timescales().get(i).citation().isPresent()) {
        return stage.timescales().get(i).citation();
      }
    }
    return Optional.empty();
  }

  /** Where the first outcome or stage that asks for the consent asks for it. */
  private SourceSpan requirer(int bit) {
    List<List<Precondition>> all = new ArrayList<>();
    ix.outcomes.forEach(o -> all.add(o.preconditions()));
    ix.stages.forEach(s -> all.add(s.preconditions()));
    for (List<Precondition> list : all) {
      for (Precondition p : list) {
        if (consentBit(p) == bit) {
          return p.span();
        }
      }
    }
    return SourceSpan.NONE;
  }

  /** The preconditions of a target's code, as the protocol writes them. */
  List<Precondition> preconditions(int target) {
    return target < stageCount ? ix.stages.get(target).preconditions()
        : ix.outcomes.get(target - stageCount).preconditions();
  }

  int code(Target t) {
    return ix.code(t);
  }

  private Target target(int code) {
    return ix.target(code);
  }

  String name(int target) {
    return TargetCases.describe(target(target));
  }

  // a move is labelled once per rule and search, yet some hundred rules a search: no stream
  private static Optional<Citation> first(List<Citation> citations) {
    return citations.isEmpty() ? Optional.empty() : Optional.of(citations.get(0));
  }

  /** What tells two moves apart (the citation goes with the span). */
  private record Label(Move.Kind kind, String role, String target, String detail,
      SourceSpan span) {}

  /** The number of the move: one per distinct label, made on first use. */
  private int move(Move.Kind kind, String role, String target, String detail,
      Optional<Citation> citation, SourceSpan span) {
    Label label = new Label(kind, role, target, detail, span);
    Integer id = moveIds.get(label);
    if (id == null) {
      id = moves.size();
      moves.add(new Move(kind, role, target, detail, citation, span));
      moveIds.put(label, id);
    }
    return id;
  }

  /** Whether the guard holds in the state. */
  boolean holds(Guard guard, State s) {
    return Guards.holds(guard, CaseFacts.of(ix, s));
  }

  /** Whether the precondition holds in the state. */
  boolean met(Precondition p, State s) {
    return holds(OperationalModel.guard(p), s);
  }

  /** Why the precondition does not hold in the state, as the engine says it; empty if it does. */
  Optional<String> unmet(Precondition p, State s) {
    return Guards.unmet(OperationalModel.guard(p), CaseFacts.of(ix, s));
  }

  // -------------------------------------------------------------------------------------------

  /**
   * A state one move works on, as the engine's working copy: the interpreter moves it as a
   * {@link org.escalon.machine.Course}, and it is the {@link AbstractState} the moves are listed
   * from.
   */
  private final class Draft extends CaseFacts implements AbstractState<Draft>,
      AbstractState.Successor<Draft> {
    boolean ended;
    int stage;
    int waiting;
    int outcome;
    int extensionsAtStage;
    int extensionsInTotal;
    boolean pending;
    Bits timescales = Bits.NONE;
    Bits acts = Bits.NONE;
    boolean entered;

    /** Before a raise at the stage, with the facts set by then. */
    Draft(Bits attributes, Bits consents, Bits occurred, int stage) {
      super(AbstractRules.this.ix, View.TRACKED, Bits.NONE, consents, attributes, occurred);
      this.stage = stage;
      this.waiting = -1;
      this.outcome = -1;
    }

    /** A draft to load states into. */
    Draft() {
      super(AbstractRules.this.ix, View.TRACKED, Bits.NONE, Bits.NONE, Bits.NONE, Bits.NONE);
    }

    /** Loads the state packed in {@code words} from {@code at} (this draft expands it). */
    void load(long[] words, int at) {
      long where = words[at];
      long counts = words[at + 1];
      completed = Bits.read(words, at + completedAt, consentsAt - completedAt);
      consents = Bits.read(words, at + consentsAt, attributesAt - consentsAt);
      attributes = Bits.read(words, at + attributesAt, occurredAt - attributesAt);
      occurred = Bits.read(words, at + occurredAt, timescalesAt - occurredAt);
      ended = (where & ENDED) != 0;
      stage = (int) (where & 0xFFFFF);
      waiting = (int) (where >>> 20 & 0xFFFFF) - 1;
      outcome = (int) (where >>> 40 & 0xFFFFF) - 1;
      extensionsAtStage = (int) counts;
      extensionsInTotal = (int) (counts >>> 32);
      pending = (where & PENDING) != 0;
      timescales = Bits.read(words, at + timescalesAt, actsAt - timescalesAt);
      acts = Bits.read(words, at + actsAt, width - actsAt);
      entered = false;
    }

    /** Starts as a copy of the state the other draft holds, before a move. */
    void copy(Draft d) {
      completed = d.completed;
      consents = d.consents;
      attributes = d.attributes;
      occurred = d.occurred;
      ended = d.ended;
      stage = d.stage;
      waiting = d.waiting;
      outcome = d.outcome;
      extensionsAtStage = d.extensionsAtStage;
      extensionsInTotal = d.extensionsInTotal;
      pending = d.pending;
      timescales = d.timescales;
      acts = d.acts;
      entered = false;
    }

    /** Loads the state as it is (to pack it). */
    void load(State s) {
      completed = s.completed();
      consents = s.consents();
      attributes = s.attributes();
      occurred = s.occurred();
      ended = s.ended();
      stage = s.stage();
      waiting = s.waiting();
      outcome = s.outcome();
      extensionsAtStage = s.extensionsAtStage();
      extensionsInTotal = s.extensionsInTotal();
      pending = s.pending();
      timescales = s.timescales();
      acts = s.acts();
      entered = s.entered();
    }

    // the interpreter hands each successor on before it asks for the next, so one draft serves
    @Override
    public Draft freeze() {
      return this;
    }

    State state() {
      return new State(ended, stage, waiting, outcome, completed, consents, attributes,
          extensionsAtStage, extensionsInTotal, pending, occurred, timescales, acts, entered);
    }

    // --- the position

    @Override
    public int stage() {
      return stage;
    }

    @Override
    public boolean deadlineRunning() {
      return !timescales.isEmpty();
    }

    @Override
    public boolean extensionPending() {
      return pending;
    }

    @Override
    public int extensionsAtStage() {
      return extensionsAtStage;
    }

    @Override
    public int extensionsInTotal() {
      return extensionsInTotal;
    }

    @Override
    public Draft successor() {
      scratch.copy(this);
      return scratch;
    }

    // --- what a move does

    @Override
    public void complete(StageRule rule) {
      int bit = ix.completedBit[rule.index()];
      if (bit < 0) {
        return;
      }
      if (completed != source.completed) {
        completed = completed.with(bit);
        return;
      }
      // most moves from a state complete its stage: the set is made once per state expanded
      if (completedPlus[bit] == null) {
        completedPlus[bit] = completed.with(bit);
      }
      completed = completedPlus[bit];
    }

    @Override
    public void enter(StageRule rule) {
      stage = rule.index();
      waiting = -1;
      pending = false;
      extensionsAtStage = 0;
      Bits fixed = fixedTimescales[rule.index()];
      timescales = fixed != null ? fixed : timescales(rule);
      fixed = fixedActs[rule.index()];
      acts = fixed != null ? fixed : acts(rule.duties());
      entered = true;
    }

    @Override
    public void waitFor(Target target) {
      waiting = code(target);
      timescales = Bits.NONE;
      entered = false;
    }

    // an ended escalation keeps only what a claim can see: where it ended, what was completed
    @Override
    public void conclude(OutcomeRule rule) {
      ended = true;
      outcome = outcomeIndex(rule);
      waiting = -1;
      pending = false;
      timescales = Bits.NONE;
      extensionsAtStage = 0;
      extensionsInTotal = 0;
      consents = Bits.NONE;
      occurred = Bits.NONE;
      acts = acts(rule.duties());
      entered = false;
    }

    @Override
    public void askForTime() {
      pending = true;
    }

    @Override
    public void grantTime() {
      pending = false;
      extensionsAtStage = Math.min(extensionsAtStage + 1, ix.extensionsPerStageCap);
      extensionsInTotal = Math.min(extensionsInTotal + 1, ix.extensionsInTotalCap);
    }

    @Override
    public void declineTime() {
      pending = false;
    }

    @Override
    public void referConcurrently(OutcomeRule rule) {
      // the escalation goes on where it is; the claims see no referral
    }

    void retryWaiting() {
      if (ended || waiting < 0) {
        return;
      }
      int target = waiting;
      waiting = -1;
      run.retry(target(target), this);
    }

    /**
     * A fact changed: a duty to go at once that now holds moves the escalation on from its
     * stage (the interpreter decides where, as for the engine), unless it waits or has ended.
     */
    void moveAtOnce() {
      if (!ended && waiting < 0 && !model.atOnce().isEmpty()) {
        run.movesAtOnce(model.stages().get(stage), this);
      }
    }

    /** The role actions of the properties that the duties done now do. */
    Bits acts(List<Duty> duties) {
      Bits mask = Bits.NONE;
      if (ix.roleActions.isEmpty()) {
        return mask; // no property speaks of what a stage does
      }
      List<Duty> done = run.duties(duties, this);
      for (int i = 0; i < ix.roleActions.size(); i++) {
        for (Duty duty : done) {
          if (ProtocolIndex.does(duty.step(), ix.roleActions.get(i))) {
            mask = mask.with(i);
            break;
          }
        }
      }
      return mask;
    }

    /**
     * The stage's timescales that apply on entry, as the interpreter chooses them, and can be
     * counted (one from an event that has not happened cannot): one bit each, by their place in
     * the stage.
     */
    Bits timescales(StageRule rule) {
      List<Timescale> all = ix.stages.get(rule.index()).timescales();
      List<Timescale> applying = rule.timescales().applying(this);
      Bits mask = Bits.NONE;
      for (int i = 0; i < all.size(); i++) {
        Timescale t = all.get(i);
        if (contains(applying, t) && counted(t)) {
          mask = mask.with(i);
        }
      }
      return mask;
    }

    private static boolean contains(List<Timescale> list, Timescale t) {
      for (Timescale x : list) {
        if (x == t) {
          return true;
        }
      }
      return false;
    }

    private boolean counted(Timescale t) {
      return AnchorCases.on(t.anchor(), new AnchorCases<Boolean>() {
        @Override
        public Boolean stageStart() {
          return true;
        }

        @Override
        public Boolean escalationStart() {
          return true;
        }

        @Override
        public Boolean event(String name) {
          return occurred.get(ix.anchorEvents.indexOf(name));
        }

        @Override
        public Boolean stage(String key) {
          throw new IllegalStateException("a stage's response timescale never counts from a stage: only a step's deadline does (the grammar has no way to say it)");
        }
      });
    }
  }
}
