package org.escalon.model;

import java.util.List;
import java.util.Optional;

/**
 * Who may ask for more time (and what must hold first), who grants it, how much and how often, and
 * what is recorded. {@code askedOf} stands beside {@code preconditions}, one list each: the roles
 * whose request needs that precondition ({@code requires ... when requested by SocialWorker or
 * CaseHoldingManager}), empty when every request needs it.
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
    List<List<String>> askedOf,
    List<Citation> citations,
    SourceSpan span) {

  /** A rule whose every precondition is needed by every request. */
  public ExtensionRule(List<String> requestedBy, boolean inWriting, boolean withRationale,
      List<String> grantedBy, Optional<Timespan> upTo, Optional<Integer> maxPerStage,
      Optional<Integer> maxInTotal, List<String> records, List<String> informed,
      List<Precondition> preconditions, List<Citation> citations, SourceSpan span) {
    this(requestedBy, inWriting, withRationale, grantedBy, upTo, maxPerStage, maxInTotal, records,
        informed, preconditions, preconditions.stream().map(p -> List.<String>of()).toList(),
        citations, span);
  }

  public ExtensionRule {
    requestedBy = List.copyOf(requestedBy);
    grantedBy = List.copyOf(grantedBy);
    records = List.copyOf(records);
    informed = List.copyOf(informed);
    preconditions = List.copyOf(preconditions);
    askedOf = askedOf.stream().map(List::copyOf).toList();
    if (askedOf.size() != preconditions.size()) {
      throw new IllegalArgumentException("one askedOf list for each precondition");
    }
    citations = List.copyOf(citations);
  }
}
