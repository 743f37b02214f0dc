package org.escalon.model;

import java.util.List;
import java.util.Optional;

/**
 * Who may ask for more time (and what must hold first), who grants it, how much and how often, and
 * what is recorded. {@code askedOf} stands beside {@code preconditions}, one list each: the roles
 * whose request needs that precondition ({@code requires ... when requested by SocialWorker or
 * CaseHoldingManager}), empty when every request needs it. {@code upTo} is a rule (a request past
 * it is refused) and the bound the tools count with; {@code guide} is the usual most ("usually up
 * to another 5 working days"): a request past it is allowed, its grant recorded as beyond the usual
 * time, and it bounds nothing.
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
    SourceSpan span,
    Optional<Timespan> guide) {

  /** With no guide. */
  public ExtensionRule(List<String> requestedBy, boolean inWriting, boolean withRationale,
      List<String> grantedBy, Optional<Timespan> upTo, Optional<Integer> maxPerStage,
      Optional<Integer> maxInTotal, List<String> records, List<String> informed,
      List<Precondition> preconditions, List<List<String>> askedOf, List<Citation> citations,
      SourceSpan span) {
    this(requestedBy, inWriting, withRationale, grantedBy, upTo, maxPerStage, maxInTotal,
        records, informed, preconditions, askedOf, citations, span, Optional.empty());
  }

  /**
   * Whether granting {@code amount} goes beyond the usual time ({@code guide}): allowed, and
   * recorded as such by every tool that tells of the grant. The meaning is decided here, once.
   */
  public boolean beyondGuide(Timespan amount) {
    return guide.filter(g -> amount.unit() == g.unit() ? amount.amount() > g.amount()
        : amount.inWorkingDays() > g.inWorkingDays()).isPresent();
  }

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
