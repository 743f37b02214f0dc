package org.escalon.machine;

import java.util.List;
import org.escalon.model.Citation;
import org.escalon.model.SourceSpan;

/** An outcome as the interpreter runs it: what entry needs and the duties done on arrival. */
public record OutcomeRule(String name, String title, List<Requirement> requires,
    List<Duty> duties, List<Citation> citations, SourceSpan span) {

  public OutcomeRule {
    requires = List.copyOf(requires);
    duties = List.copyOf(duties);
    citations = List.copyOf(citations);
  }
}
