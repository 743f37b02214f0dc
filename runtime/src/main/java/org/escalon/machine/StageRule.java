package org.escalon.machine;

import java.util.List;
import java.util.Optional;
import org.escalon.model.Citation;
import org.escalon.model.ExtensionRule;
import org.escalon.model.SourceSpan;

/**
 * A stage as the interpreter runs it: what entry needs, where each kind of response arrives (skips
 * unrolled), the timescale choice, the duties done on entry, who responds and the extension rule
 * in force.
 *
 * @param index the stage's place in the ladder, from 0
 * @param onlyIf when the stage applies ({@link Guard#ALWAYS} without {@code only if})
 * @param respondents the roles the stage is escalated to: they answer it
 * @param extension the stage's own extension rule, else the protocol's
 * @param extensionRequires what must hold before more time may be asked for
 */
public record StageRule(
    String key,
    int index,
    String title,
    Guard onlyIf,
    List<Requirement> requires,
    Route onResolved,
    Route onUnsatisfactory,
    Route onNoResponse,
    Timescales timescales,
    List<Duty> duties,
    Respondents respondents,
    Optional<ExtensionRule> extension,
    List<Requirement> extensionRequires,
    List<Citation> citations,
    SourceSpan span) {

  public StageRule {
    requires = List.copyOf(requires);
    duties = List.copyOf(duties);
    extensionRequires = List.copyOf(extensionRequires);
    citations = List.copyOf(citations);
  }
}
