package org.escalon.model;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * The canonical text of a part of the model: every component of every record, in declaration
 * order, without the {@link SourceSpan}s. Two parts that mean the same have the same text however
 * the protocol file was laid out or commented, which is what the revision diff compares and what
 * a protocol's fingerprint is a hash of. Walking the records by reflection means a component added
 * to the model later is compared without anyone remembering to add it here.
 */
public final class Canonical {

    /** The canonical text of a model value (a record, a list, an optional, a plain value). */
  public static String of(Object value) {
    StringBuilder out = new StringBuilder();
    new Canonical(true).write(value, out);
    return out.toString();
  }

  /**
   * The canonical text with every citation (and every list or optional of citations) written as
   * {@code _}: what a part says, apart from the policy paragraphs it cites.
   */
  public static String withoutCitations(Object value) {
    StringBuilder out = new StringBuilder();
    new Canonical(false).write(value, out);
    return out.toString();
  }

  private final boolean citations;

  private Canonical(boolean citations) {
    this.citations = citations;
  }

  private void write(Object value, StringBuilder out) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof SourceSpan || (!citations && value instanceof Citation)) {
      out.append('_');
    } else if (value instanceof Record r) {
      record(r, out);
    } else if (value instanceof Optional<?> o) {
      out.append(o.isPresent() ? "some(" : "none");
      o.ifPresent(v -> {
        write(v, out);
        out.append(')');
      });
    } else if (value instanceof Collection<?> c) {
      out.append('[');
      boolean first = true;
      for (Object item : c) {
        out.append(first ? "" : ",");
        first = false;
        write(item, out);
      }
      out.append(']');
    } else if (value instanceof Map<?, ?> m) {
      out.append('{');
      m.forEach((k, v) -> {
        write(k, out);
        out.append(':');
        write(v, out);
        out.append(';');
      });
      out.append('}');
    } else if (value instanceof String s) {
      quoted(s, out);
    } else if (value instanceof Enum<?> e) {
      out.append(e.getDeclaringClass().getSimpleName()).append('.').append(e.name());
    } else if (value instanceof Number || value instanceof Boolean || value instanceof LocalDate
        || value instanceof MonthDay || value instanceof ZoneId || value instanceof Character) {
      out.append(value);
    } else {
      throw new IllegalArgumentException("no canonical form for " + value.getClass().getName());
    }
  }

  /**
   * Parts the model gained after protocols were first fingerprinted, written only when a protocol
   * uses them: a protocol that does not has the canonical text, and so the fingerprint, it had
   * before them, and escalations stored under it still match.
   */
  private static final java.util.Set<String> ADDED_LATER = java.util.Set.of(
      "Protocol.phases", "Protocol.invariants", "Protocol.atOnce", "Right.laterOnly", "Right.atRaise", "Header.about", "Transitions.choices", "Inform.manner",
      "Act.manner", "Keep.manner", "Keep.by", "Timescale.setBy",
      "EscalateTo.jointly", "Stage.judges", "Timescale.firmness", "Inform.from", "Act.from", "Keep.from",
      "Header.alsoRaisedBy", "Trigger.raisedBy", "Stage.escalatedBy", "Header.raiseWithin",
      "EscalateTo.substitute", "Role.lookup",
      "Attribute.decision", "Protocol.dates", "Inform.urgency", "Act.urgency", "Keep.urgency", "Act.alsoBy",
      "SetBy.assumed", "ExtensionRule.guide");

  private static boolean addedAndUnused(Record r, RecordComponent c) {
    // an action's id, added later, is written only when it is not the one its words give, so a
    // protocol whose actions have no names keeps the fingerprint it had before ids
    if (r instanceof Step.Act a && c.getName().equals("id")) {
      return a.id().equals(Words.snake(a.what(), "action"));
    }
    if (!ADDED_LATER.contains(r.getClass().getSimpleName() + "." + c.getName())) {
      return false;
    }
    try {
      Object value = c.getAccessor().invoke(r);
      return Boolean.FALSE.equals(value) || (value instanceof Collection<?> v && v.isEmpty())
          || Manner.REQUIRED.equals(value) || (value instanceof java.util.Optional<?> o && o.isEmpty());
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + c.getName(), e);
    }
  }

  private void record(Record r, StringBuilder out) {
    out.append(r.getClass().getSimpleName()).append('(');
    boolean first = true;
    for (RecordComponent c : r.getClass().getRecordComponents()) {
      if (c.getType() == SourceSpan.class || addedAndUnused(r, c)) {
        continue;
      }
      out.append(first ? "" : ",").append(c.getName()).append('=');
      first = false;
      if (!citations && c.getGenericType().getTypeName().contains(Citation.class.getName())) {
        out.append('_');
        continue;
      }
      try {
        c.getAccessor().setAccessible(true);
        write(c.getAccessor().invoke(r), out);
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("cannot read " + c.getName() + " of "
            + r.getClass().getName(), e);
      }
    }
    out.append(')');
  }

  private static void quoted(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == '"' || ch == '\\') {
        out.append('\\');
      }
      out.append(ch);
    }
    out.append('"');
  }
}
