package org.escalon.engine;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.escalon.calendar.WorkingCalendar;
import org.escalon.machine.AnchorCases;
import org.escalon.machine.OperationalModel;
import org.escalon.machine.StageRule;
import org.escalon.machine.Timescales;
import org.escalon.model.Timescale;

/**
 * When a stay's response is due, and under which timescale: the operational model chooses the
 * timescale that counts ({@link Timescales#earliest}), each counted from its anchor (the stage's
 * start, the raise, or the last time an event happened) on the calendar. The engine enters a
 * stage with it, and the history a generated machine records asks it too, so the timescale a
 * stay records (and every row and log line that cites it) is the one chosen here, once.
 */
final class ResponseDue {

  private ResponseDue() {}

  /**
   * The timescale that counts: its place among the stage's timescales as the protocol declares
   * them (from 0; a place, not the object, so that a stay reads the same under an equal protocol
   * whose lines have moved), and its deadline.
   */
  record Choice(int timescale, Instant deadline) {}

  /**
   * The timescale that counts on entering the stage at {@code entered}, and its deadline (one set
   * during the case counts its guide, or cap, until it is set; with neither, none).
   */
  static Optional<Choice> due(OperationalModel model, StageRule stage, Working w,
      Instant entered, WorkingCalendar calendar) {
    return stage.timescales().earliest(w, t -> anchor(w, t, entered).flatMap(from -> t.initial()
        .map(d -> calendar.deadline(from.atZone(calendar.zone()), d).toInstant())))
        .map(d -> new Choice(model.protocol().stage(stage.key()).orElseThrow().timescales()
            .indexOf(d.timescale()), d.at()));
  }

  private static Optional<Instant> anchor(Working w, Timescale t, Instant stageStart) {
    return AnchorCases.on(t.anchor(), new AnchorCases<>() {
      @Override
      public Optional<Instant> stageStart() {
        return Optional.of(stageStart);
      }

      @Override
      public Optional<Instant> escalationStart() {
        return w.raisedAt;
      }

      @Override
      public Optional<Instant> event(String name) {
        List<Instant> times = w.occurrences.getOrDefault(name, List.of());
        return times.isEmpty() ? Optional.empty() : Optional.of(times.get(times.size() - 1));
      }

      @Override
      public Optional<Instant> stage(String key) {
        return w.lastStart(key);
      }

      @Override
      public Optional<Instant> before(String date) {
        return Optional.empty(); // a stage's timescale never counts back from a date
      }
    });
  }
}
