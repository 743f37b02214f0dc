package org.escalon.compiler.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.escalon.describe.PlainEnglish;
import org.escalon.machine.TargetCases;
import org.escalon.model.Outcome;
import org.escalon.model.Protocol;
import org.escalon.model.Role;
import org.escalon.model.Stage;
import org.escalon.model.Step;
import org.escalon.model.Target;

/**
 * What a declared name resolves to in the checked model, in one line for a hover: {@code stage 2
 * "To Team Manager": to TeamManager, respond within 5 working days, then stage 3}.
 */
public final class Meanings {

  private Meanings() {}

  /** The meaning of a symbol in a model; only its declaration when the model does not have it. */
  public static String of(Symbol symbol, Optional<Protocol> model) {
    String head = symbol.kind().word() + " " + symbol.name()
        + symbol.title().map(t -> " \"" + t + "\"").orElse("");
    Optional<String> more = model.flatMap(p -> switch (symbol.kind()) {
      case STAGE -> p.stage(symbol.name()).map(s -> stage(s, new PlainEnglish(p)));
      case ROLE -> p.role(symbol.name()).map(r -> role(r, p));
      case OUTCOME -> p.outcome(symbol.name()).map(o -> outcome(o, p));
      case ATTRIBUTE, FORM, EVENT, SCALE, AGENCY, TRIGGER -> Optional.empty();
    });
    return more.map(m -> head + ": " + m).orElse(head);
  }

  static String stage(Stage stage, PlainEnglish words) {
    List<String> parts = new ArrayList<>();
    List<String> to = new ArrayList<>();
    for (Step step : stage.steps()) {
      if (step instanceof Step.EscalateTo e) {
        to.addAll(e.roles());
      }
    }
    if (!to.isEmpty()) {
      parts.add("to " + String.join(", ", to));
    }
    stage.defaultTimescale().ifPresentOrElse(
        t -> parts.add("respond " + words.due(t)),
        () -> parts.add("no timescale"));
    stage.transitions().choices().stream().map(c -> target(c.to()) + " when "
        + c.on().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " under a condition")
        .distinct().forEach(parts::add);
    parts.add("then " + target(stage.transitions().onNoResponse()) + " when no response");
    if (!stage.transitions().onResolved().equals(new Target.ToOutcome(Target.RESOLVED))) {
      parts.add(target(stage.transitions().onResolved()) + " when resolved");
    }
    return String.join(", ", parts);
  }

  private static String role(Role role, Protocol protocol) {
    List<String> receives = new ArrayList<>();
    for (Stage stage : protocol.stages()) {
      for (Step step : stage.steps()) {
        if (step instanceof Step.EscalateTo e && e.roles().contains(role.name())) {
          receives.add(stage.key());
        }
      }
    }
    String kind = role.external() ? "external" : "internal";
    return receives.isEmpty() ? kind + ", receives no stage"
        : kind + ", receives stage " + String.join(", ", receives);
  }

  private static String outcome(Outcome outcome, Protocol protocol) {
    Target self = new Target.ToOutcome(outcome.name());
    List<String> from = new ArrayList<>();
    for (Stage stage : protocol.stages()) {
      if (stage.transitions().onNoResponse().equals(self)) {
        from.add("stage " + stage.key() + " when no response");
      }
      if (stage.transitions().onUnsatisfactory().equals(self)) {
        from.add("stage " + stage.key() + " when unsatisfactory");
      }
    }
    return from.isEmpty() ? "ends the escalation"
        : "ends the escalation, from " + String.join("; ", from);
  }

  static String target(Target target) {
    return TargetCases.describe(target);
  }
}
