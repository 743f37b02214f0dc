package org.escalon.simulate;

/**
 * The rest of a population's stay on the fast path ({@link ModelCases}) once its soft deadline
 * was missed, as the engine's cases ({@link EngineCases}) play it: the stay goes on, the events
 * planned after the deadline still come (a late bypass, a late request for more time, which is
 * accepted but cannot be granted, a late answer), and while no answer or bypass is still to come
 * the simulator's escalator escalates when the interpreter says ({@link
 * org.escalon.machine.Interpreter#escalatesAt}), no earlier than the last event. Instants are
 * keys: four a day, a day's close being the next day's 00:00 ({@code (day + 1) * 4}) and its
 * events at noon ({@code day * 4 + 2}). The result is packed in a long, so a case makes no object.
 */
final class MissedStay {

  /** How the stay ends. */
  static final int BYPASSED = 0;
  static final int ANSWERED = 1;
  static final int ESCALATED = 2;
  /** The horizon comes first: the case stops, the stay open, at the last event before it. */
  static final int STOPPED = 3;

  private MissedStay() {}

  /**
   * How the stay ends and at which key. Each late event's day is -1 when none is planned after
   * the deadline (the last day of the stay, {@code lastDay}).
   *
   * @param escalatesDay the last day the escalator lets pass, from the interpreter: at least
   *     {@code lastDay}
   * @param bypassDay a late bypass, which {@code bypasses} or is refused; refused, the agreement
   *     given before it is still logged when {@code agreedFirst}
   * @param requestDay a late request for more time, logged when {@code requestLogged}
   * @param answerDay a late answer
   */
  static long end(int lastDay, int escalatesDay, int horizonDay, int bypassDay,
      boolean bypasses, boolean agreedFirst, int requestDay, boolean requestLogged,
      int answerDay) {
    int horizon = horizonDay * 4;
    int last = (lastDay + 1) * 4; // the deadline passing is logged: the last event so far
    int assumed = (escalatesDay + 1) * 4;
    int bypass = noon(bypassDay);
    int request = noon(requestDay);
    int answer = noon(answerDay);
    // with no answer or bypass to come, the escalator escalates, after the events of its instant
    int escalate = bypass < 0 && answer < 0 ? Math.max(assumed, last) : -1;
    while (true) {
      // the next event, in the engine's order at one instant: bypass, request, answer, escalation
      int at = Integer.MAX_VALUE;
      int which = -1;
      if (bypass >= 0) {
        at = bypass;
        which = 0;
      }
      if (request >= 0 && request < at) {
        at = request;
        which = 1;
      }
      if (answer >= 0 && answer < at) {
        at = answer;
        which = 2;
      }
      if (escalate >= 0 && escalate < at) {
        at = escalate;
        which = 3;
      }
      if (at > horizon) {
        return pack(STOPPED, last);
      }
      switch (which) {
        case 0 -> {
          if (bypasses) {
            return pack(BYPASSED, at);
          }
          bypass = -1;
          last = agreedFirst ? Math.max(last, at) : last;
          if (answer < 0) {
            escalate = Math.max(assumed, last);
          }
        }
        case 1 -> {
          request = -1;
          last = requestLogged ? Math.max(last, at) : last;
        }
        case 2 -> {
          return pack(ANSWERED, at);
        }
        default -> {
          return pack(ESCALATED, at);
        }
      }
    }
  }

  /** How a stay ended ({@link #BYPASSED} ... {@link #STOPPED}). */
  static int how(long end) {
    return (int) (end >>> 32);
  }

  /** The day of the instant the stay ended at (or, stopped, of its last event). */
  static int day(long end) {
    int key = (int) end;
    return key % 4 == 0 ? key / 4 - 1 : key / 4;
  }

  /** Whether the stay ended at the close of a day (00:00), not at an event of the day. */
  static boolean atMidnight(long end) {
    return (int) end % 4 == 0;
  }

  private static int noon(int day) {
    return day < 0 ? -1 : day * 4 + 2;
  }

  private static long pack(int how, int key) {
    return (long) how << 32 | key;
  }
}
