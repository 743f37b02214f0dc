package org.escalon.compiler.revision;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.escalon.simulate.PopulationReport;
import org.escalon.simulate.Timeline;
import org.escalon.simulate.TimelineRow;

/**
 * What a revision does to a concern, under the old and the new version: the worst case from a
 * date side by side with the first date that differs, the working days to each outcome, the
 * verdicts of the limits and properties, the verifier's findings that appear or disappear, and,
 * when a population was run, its figures under both from the same seed.
 */
public record Consequences(
    LocalDate start,
    Timeline before,
    Timeline after,
    List<Pair> sideBySide,
    Optional<LocalDate> firstDifference,
    List<OutcomeShift> outcomes,
    List<VerdictShift> verdicts,
    List<String> findingsGone,
    List<String> findingsNew,
    Optional<PopulationReport> populationBefore,
    Optional<PopulationReport> populationAfter) {

  public Consequences {
    sideBySide = List.copyOf(sideBySide);
    outcomes = List.copyOf(outcomes);
    verdicts = List.copyOf(verdicts);
    findingsGone = List.copyOf(findingsGone);
    findingsNew = List.copyOf(findingsNew);
  }

  /** A milestone of the worst case under each version, aligned by stage; one side may be empty. */
  public record Pair(Optional<TimelineRow> before, Optional<TimelineRow> after) {}

  /**
   * The working days from the raise to an outcome, as the verifier bounds them over every path:
   * at best and at worst (without extensions); empty when the version cannot reach it, and
   * {@code Long.MAX_VALUE} when there is no bound.
   */
  public record OutcomeShift(String outcome, String title, Optional<Long> bestBefore,
      Optional<Long> bestAfter, Optional<Long> worstBefore, Optional<Long> worstAfter) {}

  /**
   * A limit or property under both versions: holds or not, and what the verifier said (for a
   * limit, both figures: the sum of the declared timescales and the working days on the
   * calendar); empty on the side that does not declare it.
   */
  public record VerdictShift(String kind, String title, Optional<Boolean> holdsBefore,
      Optional<Boolean> holdsAfter, Optional<String> before, Optional<String> after) {}
}
