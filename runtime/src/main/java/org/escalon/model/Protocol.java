package org.escalon.model;

import java.util.List;
import java.util.Optional;

/**
 * A checked escalation protocol: everything the engine, the simulator, the verifier and generated
 * code need, with names resolved and defaults applied. Stages are in ladder order.
 */
public record Protocol(
    String name,
    Header header,
    List<Agency> agencies,
    List<Role> roles,
    List<Attribute> attributes,
    List<EventType> events,
    List<Scale> scales,
    List<Form> forms,
    List<Stage> stages,
    List<Outcome> outcomes,
    List<Right> rights,
    Optional<ExtensionRule> extension,
    List<Trigger> triggers,
    List<Limit> limits,
    List<Property> properties,
    List<Phase> phases,
    List<Invariant> invariants,
    List<AtOnce> atOnce,
    SourceSpan span,
    List<KnownDate> dates) {

  public Protocol {
    agencies = List.copyOf(agencies);
    roles = List.copyOf(roles);
    attributes = List.copyOf(attributes);
    events = List.copyOf(events);
    scales = List.copyOf(scales);
    forms = List.copyOf(forms);
    stages = List.copyOf(stages);
    outcomes = List.copyOf(outcomes);
    rights = List.copyOf(rights);
    triggers = List.copyOf(triggers);
    limits = List.copyOf(limits);
    properties = List.copyOf(properties);
    phases = List.copyOf(phases);
    invariants = List.copyOf(invariants);
    atOnce = List.copyOf(atOnce);
    dates = List.copyOf(dates);
  }

  /** A protocol that declares no known date ({@code date conference "..."}). */
  public Protocol(String name, Header header, List<Agency> agencies, List<Role> roles,
      List<Attribute> attributes, List<EventType> events, List<Scale> scales, List<Form> forms,
      List<Stage> stages, List<Outcome> outcomes, List<Right> rights,
      Optional<ExtensionRule> extension, List<Trigger> triggers, List<Limit> limits,
      List<Property> properties, List<Phase> phases, List<Invariant> invariants,
      List<AtOnce> atOnce, SourceSpan span) {
    this(name, header, agencies, roles, attributes, events, scales, forms, stages, outcomes,
        rights, extension, triggers, limits, properties, phases, invariants, atOnce, span,
        List.of());
  }

  /** A protocol that says nothing to be done at once whatever the stage ({@code when C ...}). */
  public Protocol(String name, Header header, List<Agency> agencies, List<Role> roles,
      List<Attribute> attributes, List<EventType> events, List<Scale> scales, List<Form> forms,
      List<Stage> stages, List<Outcome> outcomes, List<Right> rights,
      Optional<ExtensionRule> extension, List<Trigger> triggers, List<Limit> limits,
      List<Property> properties, List<Phase> phases, List<Invariant> invariants,
      SourceSpan span) {
    this(name, header, agencies, roles, attributes, events, scales, forms, stages, outcomes,
        rights, extension, triggers, limits, properties, phases, invariants, List.of(), span);
  }

  /** A protocol that states no invariant over the case. */
  public Protocol(String name, Header header, List<Agency> agencies, List<Role> roles,
      List<Attribute> attributes, List<EventType> events, List<Scale> scales, List<Form> forms,
      List<Stage> stages, List<Outcome> outcomes, List<Right> rights,
      Optional<ExtensionRule> extension, List<Trigger> triggers, List<Limit> limits,
      List<Property> properties, List<Phase> phases, SourceSpan span) {
    this(name, header, agencies, roles, attributes, events, scales, forms, stages, outcomes,
        rights, extension, triggers, limits, properties, phases, List.of(), span);
  }

  /** A protocol whose stages are not grouped into phases. */
  public Protocol(String name, Header header, List<Agency> agencies, List<Role> roles,
      List<Attribute> attributes, List<EventType> events, List<Scale> scales, List<Form> forms,
      List<Stage> stages, List<Outcome> outcomes, List<Right> rights,
      Optional<ExtensionRule> extension, List<Trigger> triggers, List<Limit> limits,
      List<Property> properties, SourceSpan span) {
    this(name, header, agencies, roles, attributes, events, scales, forms, stages, outcomes,
        rights, extension, triggers, limits, properties, List.of(), span);
  }

  /** The phase a stage is grouped in, if any (the checker lets a stage be in at most one). */
  public Optional<Phase> phaseOf(String stageKey) {
    return phases.stream().filter(p -> p.stages().contains(stageKey)).findFirst();
  }

  public Optional<Stage> stage(String key) {
    return stages.stream().filter(s -> s.key().equals(key)).findFirst();
  }

  /** The known date declared with this name, if any. */
  public Optional<KnownDate> date(String name) {
    return dates.stream().filter(d -> d.name().equals(name)).findFirst();
  }

  public Optional<Outcome> outcome(String name) {
    return outcomes.stream().filter(o -> o.name().equals(name)).findFirst();
  }

  public Optional<Role> role(String name) {
    return roles.stream().filter(r -> r.name().equals(name)).findFirst();
  }
}
