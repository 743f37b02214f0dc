package org.escalon.model;

import java.util.List;

/**
 * A named part of the ladder, as policies group their stages ("informal stages 1 and 2, the
 * formal process stages 3 to 5"): the keys of the stages it groups, in ladder order. A phase
 * changes no route or deadline; limits, preconditions, rights, obligations and properties that
 * name it were expanded to its stages when the protocol was lowered.
 */
public record Phase(String name, String title, List<String> stages, List<Citation> citations,
    SourceSpan span) {

  public Phase {
    stages = List.copyOf(stages);
    citations = List.copyOf(citations);
  }
}
