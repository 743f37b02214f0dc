package org.escalon.compiler.verify;

import org.escalon.machine.Moves;
import org.escalon.machine.OutcomeRule;
import org.escalon.machine.RightsTable;
import org.escalon.machine.StageRule;
import org.escalon.model.ExtensionRule;

/**
 * The moves the interpreter lists from the state being expanded, labelled and added to a buffer;
 * a move that a state of the same signature was led somewhere by is taken to where it led
 * ({@link SuccessorMemo}), by its slot: the two responses, the deadline, then each bypass.
 */
final class EnabledMoves implements Moves<Draft> {

  private final MoveLabels labels;
  private final Expansion x;
  private final SuccessorMemo memo;
  private Successors out;
  private final StateSpace.IntList recording = new StateSpace.IntList(8);
  /** Whether the bypasses enabled from the state being expanded are being recorded. */
  private boolean records;

  EnabledMoves(MoveLabels labels, Expansion x, SuccessorMemo memo) {
    this.labels = labels;
    this.x = x;
    this.memo = memo;
  }

  EnabledMoves into(Successors into) {
    this.out = into;
    return this;
  }

  @Override
  public boolean tookResponse(StageRule stage, String role, boolean resolving) {
    int k = resolving ? 0 : 1;
    return out.knows(k) && out.takeKnown(labels.response(stage, role, resolving), k);
  }

  @Override
  public void respond(StageRule stage, String role, boolean resolving, Draft next) {
    out.add(labels.response(stage, role, resolving), next, resolving ? 0 : 1);
  }

  @Override
  public boolean tookDeadline(StageRule stage) {
    return out.knows(2) && out.takeKnown(labels.deadline(stage, x.source.timescales), 2);
  }

  @Override
  public void deadlinePasses(StageRule stage, Draft next) {
    out.add(labels.deadline(stage, x.source.timescales), next, 2);
  }

  @Override
  public void setTime(StageRule stage, String role, Draft next) {
    out.add(labels.setTime(stage, role), next);
  }

  @Override
  public boolean tookBypasses(StageRule stage) {
    records = false;
    if (!out.remembers) {
      return false;
    }
    int[] enabled = memo.bypasses();
    if (enabled == null || !knowsAll(enabled)) {
      records = true;
      recording.clear();
      return false;
    }
    for (int c : enabled) {
      out.takeKnown(labels.bypass(c), 3 + c);
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
    if (records) {
      records = false;
      memo.bypasses(recording.toArray());
    }
  }

  @Override
  public boolean tookBypass(RightsTable.Cover c) {
    if (records) {
      recording.add(c.index());
    }
    return out.knows(3 + c.index()) && out.takeKnown(labels.bypass(c), 3 + c.index());
  }

  @Override
  public void bypass(RightsTable.Cover c, Draft next) {
    out.add(labels.bypass(c), next, 3 + c.index());
  }

  @Override
  public void refer(RightsTable.Cover c, OutcomeRule outcome, Draft next) {
    out.add(labels.referral(c, outcome), next);
  }

  @Override
  public void askForTime(StageRule stage, ExtensionRule rule, String role, Draft next) {
    out.add(labels.askForTime(stage, rule, role), next);
  }

  @Override
  public void grantTime(StageRule stage, ExtensionRule rule, String role, Draft next) {
    out.add(labels.grantTime(stage, rule, role), next);
  }

  @Override
  public void declineTime(StageRule stage, ExtensionRule rule, String role, Draft next) {
    // back to the stay as it was before the request: a state the search already has
  }
}
