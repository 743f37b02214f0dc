package org.escalon.compiler.verify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.escalon.machine.Interpreter;
import org.escalon.machine.OperationalModel;
import org.escalon.machine.OutcomeRule;
import org.escalon.machine.RightsTable;
import org.escalon.machine.StageRule;
import org.escalon.machine.TargetCases;
import org.escalon.machine.TriggerRule;
import org.escalon.model.Citation;
import org.escalon.model.ExtensionRule;
import org.escalon.model.Right;
import org.escalon.model.SourceSpan;
import org.escalon.model.Stage;
import org.escalon.model.Timescale;

/**
 * The verifier's moves, labelled for counterexamples and numbered: one number per distinct label,
 * made on first use. A label depends on the rule behind the move and where it goes, never on the
 * state (a deadline's, on the timescales of the stay), so each rule's is looked up by the rule.
 */
final class MoveLabels {

  private final ProtocolIndex ix;
  private final OperationalModel model;
  private final Interpreter run;
  private final Map<Label, Integer> ids = new HashMap<>(256);
  private final List<Move> moves = new ArrayList<>();
  private final int[][] responses;
  private final List<Map<Bits, Integer>> deadlines = new ArrayList<>();
  /**
   * The same for timescales held in one word, by the word: each stage has one or two sets, and
   * a scan of a few longs is cheaper than hashing a set per state.
   */
  private final long[][] deadlineWords;
  private final int[][] deadlineMoves;
  private final int[] bypasses;
  private final int[] referrals;
  private final int[][] time;
  private final int[] consents;
  private final int[][] sets;
  private final int[] occurrences;

  /** The labels of the moves of {@code ix}'s protocol, asking {@code run} who escalates. */
  MoveLabels(ProtocolIndex ix, Interpreter run) {
    this.ix = ix;
    this.model = ix.model;
    this.run = run;
    int stages = ix.stages.size();
    this.responses = new int[stages][];
    this.time = new int[stages][];
    this.deadlineWords = new long[stages][0];
    this.deadlineMoves = new int[stages][0];
    for (int i = 0; i < stages; i++) {
      deadlines.add(new HashMap<>());
      responses[i] = unnumbered(2);
      time[i] = unnumbered(2);
    }
    this.bypasses = unnumbered(model.rights().covers(Right.Kind.BYPASS).size());
    this.referrals = unnumbered(model.rights().covers(Right.Kind.REFER).size());
    this.consents = unnumbered(ix.consents());
    this.sets = new int[ix.attributes.size()][];
    for (int a = 0; a < sets.length; a++) {
      sets[a] = unnumbered(ix.domains.get(a).size());
    }
    this.occurrences = unnumbered(ix.anchorEvents.size());
  }

  private static int[] unnumbered(int n) {
    int[] ids = new int[n];
    Arrays.fill(ids, -1);
    return ids;
  }

  /** The move numbered {@code id}. */
  Move move(int id) {
    return moves.get(id);
  }

  /** Every move numbered so far, by number. */
  List<Move> moves() {
    return List.copyOf(moves);
  }

  int raise(Interpreter.Raise raise) {
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

  int response(StageRule stage, String role, boolean resolving) {
    int[] known = responses[stage.index()];
    int k = resolving ? 0 : 1;
    if (known[k] < 0) {
      known[k] = move(resolving ? Move.Kind.RESOLVE : Move.Kind.UNSATISFACTORY, role,
          stage.key(), "", first(stage.citations()), stage.span());
    }
    return known[k];
  }

  /** The deadline of a stay with these timescales: cited by the timescale that applies. */
  int deadline(StageRule stage, Bits timescales) {
    if (timescales.wordCount() <= 1) {
      return deadlineByWord(stage, timescales);
    }
    Map<Bits, Integer> known = deadlines.get(stage.index());
    Integer m = known.get(timescales);
    if (m == null) {
      m = deadlineMove(stage, timescales);
      known.put(timescales, m);
    }
    return m;
  }

  private int deadlineByWord(StageRule stage, Bits timescales) {
    long word = timescales.word(0);
    long[] words = deadlineWords[stage.index()];
    for (int i = 0; i < words.length; i++) {
      if (words[i] == word) {
        return deadlineMoves[stage.index()][i];
      }
    }
    int m = deadlineMove(stage, timescales);
    deadlineWords[stage.index()] = Arrays.copyOf(words, words.length + 1);
    deadlineWords[stage.index()][words.length] = word;
    deadlineMoves[stage.index()] = Arrays.copyOf(deadlineMoves[stage.index()], words.length + 1);
    deadlineMoves[stage.index()][words.length] = m;
    return m;
  }

  private int deadlineMove(StageRule stage, Bits timescales) {
    Stage declared = ix.stages.get(stage.index());
    // past a soft deadline, moving on is the escalator's choice (the raiser), not time's
    boolean soft = declared.timescales().stream().anyMatch(org.escalon.model.Timescale::soft);
    Optional<Citation> cited = Optional.empty();
    for (int i = 0; i < declared.timescales().size() && cited.isEmpty(); i++) {
      if (timescales.get(i)) {
        cited = declared.timescales().get(i).citation();
      }
    }
    // the stage's escalator (`escalated by`), else the raiser
    return move(Move.Kind.DEADLINE, soft ? run.escalator(stage, Optional.empty()) : "", stage.key(), "",
        cited.isPresent() ? cited : first(stage.citations()), stage.span());
  }

  int bypass(RightsTable.Cover c) {
    if (bypasses[c.index()] < 0) {
      bypasses[c.index()] = move(Move.Kind.BYPASS, c.right().role(),
          TargetCases.describe(c.target()), "", c.right().citation(), c.right().span());
    }
    return bypasses[c.index()];
  }

  /** The bypass by the cover numbered {@code cover}, once labelled. */
  int bypass(int cover) {
    return bypasses[cover];
  }

  int referral(RightsTable.Cover c, OutcomeRule outcome) {
    if (referrals[c.index()] < 0) {
      referrals[c.index()] = move(c.right().concurrently() ? Move.Kind.REFER_CONCURRENTLY
          : Move.Kind.REFER, c.right().role(), outcome.name(), "", c.right().citation(),
          c.right().span());
    }
    return referrals[c.index()];
  }

  int askForTime(StageRule stage, ExtensionRule rule, String role) {
    int[] known = time[stage.index()];
    if (known[0] < 0) {
      known[0] = move(Move.Kind.ASK_FOR_TIME, role, stage.key(),
          rule.upTo().isPresent() ? "up to " + rule.upTo().get() : "", first(rule.citations()),
          rule.span());
    }
    return known[0];
  }

  int grantTime(StageRule stage, ExtensionRule rule, String role) {
    int[] known = time[stage.index()];
    if (known[1] < 0) {
      known[1] = move(Move.Kind.GRANT_TIME, role, stage.key(), "", first(rule.citations()),
          rule.span());
    }
    return known[1];
  }

  /**
   * {@code role} setting the stage's timescale that waits for a value: labelled with the tools'
   * bound (the assumption), the value a counterexample sets.
   */
  int setTime(StageRule stage, String role) {
    var t = stage.timescales().otherwise().stream().filter(Timescale::awaitsValue).findFirst()
        .or(() -> stage.timescales().conditional().stream().map(c -> c.timescale())
            .filter(Timescale::awaitsValue).findFirst()).orElseThrow();
    return move(Move.Kind.SET_TIME, role, stage.key(), t.boundWords(), t.citation(), t.span());
  }

  /**
   * Giving the consent (agreements, advice, then steps done before a stage: the step's id is the
   * move's target), where {@code requirer} asks for it.
   */
  int consent(int bit, SourceSpan requirer) {
    if (consents[bit] < 0) {
      int advice = bit - ix.agreements.size();
      int done = advice - ix.advice.size();
      consents[bit] = advice < 0 ? move(Move.Kind.AGREE, ix.agreements.get(bit), "", "",
              Optional.empty(), requirer)
          : done < 0 ? move(Move.Kind.ADVISE, ix.advice.get(advice), "", "", Optional.empty(),
              requirer)
          : move(Move.Kind.REPORT_DONE, ix.done.get(done).by(), ix.done.get(done).step(), "",
              Optional.empty(), requirer);
    }
    return consents[bit];
  }

  /** Setting attribute {@code a} to its value numbered {@code v}. */
  int set(int a, int v) {
    if (sets[a][v] < 0) {
      var decision = ix.attributes.get(a).decision();
      // a decision is taken by its role: its first role stands for them in a counterexample
      sets[a][v] = decision.isPresent()
          ? move(Move.Kind.DECIDE, decision.get().by().get(0), ix.attributes.get(a).name(),
              v == 0 ? "no" : "yes", decision.get().citations().stream().findFirst(),
              ix.attributes.get(a).span())
          : move(Move.Kind.SET, "", ix.attributes.get(a).name(),
              ix.domains.get(a).get(v), Optional.empty(), ix.attributes.get(a).span());
    }
    return sets[a][v];
  }

  /** Anchor event {@code e} happening. */
  int occur(int e) {
    if (occurrences[e] < 0) {
      occurrences[e] = move(Move.Kind.OCCUR, "", ix.anchorEvents.get(e), "", Optional.empty(),
          SourceSpan.NONE);
    }
    return occurrences[e];
  }

  // a move is labelled once per rule and search, yet some hundred rules a search: no stream
  private static Optional<Citation> first(List<Citation> citations) {
    return citations.isEmpty() ? Optional.empty() : Optional.of(citations.get(0));
  }

  /** What tells two moves apart (the citation goes with the span). */
  private record Label(Move.Kind kind, String role, String target, String detail,
      SourceSpan span) {}

  private int move(Move.Kind kind, String role, String target, String detail,
      Optional<Citation> citation, SourceSpan span) {
    Label label = new Label(kind, role, target, detail, span);
    Integer id = ids.get(label);
    if (id == null) {
      id = moves.size();
      moves.add(new Move(kind, role, target, detail, citation, span));
      ids.put(label, id);
    }
    return id;
  }
}
