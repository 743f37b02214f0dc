package org.escalon.compiler.diagram;

import java.util.List;
import org.escalon.model.Outcome;
import org.escalon.model.Protocol;
import org.escalon.model.Step;
import org.escalon.model.Target;

/**
 * What an outcome means for the local process, which is what its colour says in every picture:
 * resolved (the concern was dealt with), escalated outside the process (the matter goes to
 * someone outside the organisation, such as Cafcass: the local process failed to resolve it), or
 * another ending. Inferred from the protocol: `resolved` is resolved; an outcome that escalates
 * only to roles declared `external` goes outside; anything else is other.
 */
public enum OutcomeMeaning {
  RESOLVED("resolved", "#2e7d32", "#e8f5e9"),
  OUTSIDE("escalated outside the process", "#b45309", "#fff4e0"),
  OTHER("another ending", "#616161", "#eeeeee");

  private final String words;
  private final String stroke;
  private final String fill;

  OutcomeMeaning(String words, String stroke, String fill) {
    this.words = words;
    this.stroke = stroke;
    this.fill = fill;
  }

  public String words() {
    return words;
  }

  /** The colour of its marks and outlines. */
  public String stroke() {
    return stroke;
  }

  /** The colour of its boxes. */
  public String fill() {
    return fill;
  }

  public static OutcomeMeaning of(Protocol protocol, String outcome) {
    if (outcome.equals(Target.RESOLVED)) {
      return RESOLVED;
    }
    List<String> recipients = protocol.outcome(outcome).map(Outcome::steps).orElse(List.of())
        .stream().filter(Step.EscalateTo.class::isInstance)
        .flatMap(s -> ((Step.EscalateTo) s).roles().stream()).toList();
    boolean outside = !recipients.isEmpty() && recipients.stream()
        .allMatch(r -> protocol.role(r).map(x -> x.external()).orElse(false));
    return outside ? OUTSIDE : OTHER;
  }
}
