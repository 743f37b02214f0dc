package org.escalon.model;

import java.util.List;
import java.util.Optional;

/**
 * Who may ask for more time (and what must hold first), who grants it, how much and how often, and
 * what is recorded.
 */
public record ExtensionRule(
    List<String> requestedBy,
    boolean inWriting,
    boolean withRationale,
    List<String> grantedBy,
    Optional<Timespan> upTo,
    Optional<Integer> maxPerStage,
    Optional<Integer> maxInTotal,
    List<String> records,
    List<String> informed,
    List<Precondition> preconditions,
    List<Citation> citations,
    SourceSpan span) {

  public ExtensionRule {
    requestedBy = List.copyOf(requestedBy);
    grantedBy = List.copyOf(grantedBy);
    records = List.copyOf(records);
    informed = List.copyOf(informed);
    preconditions = List.copyOf(preconditions);
    citations = List.copyOf(citations);
  }
}
