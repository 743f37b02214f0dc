package org.escalon.compiler.verify;

import org.escalon.machine.Guard;

/**
 * The operational model's guards as Promela expressions over the variables of the exported model
 * (see {@link PromelaExporter}). The model keeps the case's attributes, the completed stages,
 * agreement and advice, and whether each event a timescale counts from has happened; it keeps no
 * counts of events, no gradings and no time since an event, which only a trigger's rule reads. A
 * trigger's rule is therefore read two ways: whether it may hold at the raise (what the model
 * does not keep may be so) and whether it surely holds (what the model does not keep is not
 * known to be so).
 */
final class PromelaGuard {

  /** How a guard is read. */
  private enum Reading {
    /** Exactly: the guard speaks only of what the model keeps. */
    EXACT,
    /** Whether it may hold. */
    MAY,
    /** Whether it surely holds. */
    SURE
  }

  private final ProtocolIndex ix;

  PromelaGuard(ProtocolIndex ix) {
    this.ix = ix;
  }

  /** The guard, with the completed stages read from the variable {@code completed}. */
  String exact(Guard guard, String completed) {
    return guard.accept(new Printer(Reading.EXACT, completed));
  }

  /** Whether a trigger's rule may hold at the raise. */
  String may(Guard guard) {
    return guard.accept(new Printer(Reading.MAY, "completed"));
  }

  /** Whether a trigger's rule surely holds at the raise. */
  String sure(Guard guard) {
    return guard.accept(new Printer(Reading.SURE, "completed"));
  }

  private final class Printer implements Guard.Visitor<String> {
    private final Reading reading;
    private final String completed;

    Printer(Reading reading, String completed) {
      this.reading = reading;
      this.completed = completed;
    }

    /** What a part the model does not keep reads as. */
    private String unknown(Guard g) {
      return switch (reading) {
        case EXACT -> throw new IllegalArgumentException(
            "the Promela model keeps no history of a case for " + g);
        case MAY -> "true";
        case SURE -> "false";
      };
    }

    @Override
    public String always() {
      return "true";
    }

    @Override
    public String attribute(Guard.Attribute g) {
      int i = ix.attribute(g.name()).orElse(-1);
      if (i < 0) {
        // an attribute nothing reads is not kept: unset
        return reading == Reading.MAY ? "true" : "false";
      }
      int value = ix.domains.get(i).indexOf(g.value());
      return value < 0 ? "false" : "(attr[" + i + "] == " + value + ")";
    }

    @Override
    public String completed(Guard.Completed g) {
      int mask = 1 << ix.completedBit[ix.stage(g.stage())];
      return "((" + completed + " & " + mask + ") == " + mask + ")";
    }

    @Override
    public String agreed(Guard.Agreed g) {
      return "((consents & " + (1 << ix.agreements.indexOf(g.role())) + ") != 0)";
    }

    @Override
    public String advised(Guard.Advised g) {
      return "((consents & " + (1 << (ix.agreements.size() + ix.advice.indexOf(g.role())))
          + ") != 0)";
    }

    @Override
    public String done(Guard.Done g) {
      return "((consents & " + (1 << ix.doneBit(g.step())) + ") != 0)";
    }

    @Override
    public String occurred(Guard.Occurred g) {
      int bit = ix.anchorEvents.indexOf(g.event());
      // the model keeps whether an event a timescale counts from has happened, not how often
      return g.atLeast() <= 1 && bit >= 0 && reading == Reading.SURE
          ? "((occurred & " + (1 << bit) + ") != 0)" : unknown(g);
    }

    @Override
    public String graded(Guard.Graded g) {
      return unknown(g);
    }

    @Override
    public String elapsed(Guard.Elapsed g) {
      return unknown(g);
    }

    @Override
    public String not(Guard.Not g) {
      Reading opposite = switch (reading) {
        case EXACT -> Reading.EXACT;
        case MAY -> Reading.SURE;
        case SURE -> Reading.MAY;
      };
      return "!" + g.operand().accept(new Printer(opposite, completed));
    }

    @Override
    public String and(Guard.And g) {
      return "(" + g.left().accept(this) + " && " + g.right().accept(this) + ")";
    }

    @Override
    public String or(Guard.Or g) {
      return "(" + g.left().accept(this) + " || " + g.right().accept(this) + ")";
    }
  }
}
