package org.escalon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.escalon.model.Protocol;
import org.escalon.simulate.Behaviour;
import org.escalon.simulate.Population;
import org.escalon.simulate.PopulationAccess;
import org.escalon.simulate.PopulationReport;
import org.escalon.simulate.StageBehaviour;
import org.junit.jupiter.api.Test;

/**
 * A reminder falling due during a stay is not the stay's deadline: the answers planned for the
 * stay still come (the engine's cases once dropped them at the first reminder).
 */
class PopulationReminderTest {

  private static final Protocol REMINDING = OperationalModelTest.compile("""
      protocol "Reminders" {
        raised by IRO
        source "test"
        role IRO "Independent Reviewing Officer"
        role TeamManager "Team Manager"
        role Director "Director"
        stage 1 "One" {
          source "1"
          to TeamManager
          respond within 20 working days
          remind TeamManager every 1 week
        }
        stage 2 "Two" {
          source "2"
          to Director
          respond within 5 working days
          when not resolved go to referral
        }
        outcome referral "Referred" { to Director source "3" }
      }
      """);

  @Test
  void answersPlannedAfterAReminderStillCome() {
    // every case is answered, resolving, on the eighth working day, after the first reminder
    Behaviour eighth = Behaviour.everywhere("answered on day 8",
        new StageBehaviour(1.0, 8, 8, 1.0, 0, 0));
    Population population = new Population(REMINDING, eighth);
    Population.Settings settings = new Population.Settings(200, 7, LocalDate.of(2027, 1, 4),
        LocalDate.of(2027, 6, 30), 1);
    PopulationReport r = PopulationAccess.engine(population, settings);
    assertEquals(200, r.outcomes().stream().filter(c -> c.name().equals("resolved"))
        .mapToInt(PopulationReport.Count::cases).sum(), r.toString());
    PopulationReport.StageRecord one = r.stages().get(0);
    assertEquals(200, one.inTime(), r.toString());
    assertEquals(0, one.timedOut(), r.toString());
    assertEquals(8, r.toOutcome().worst(), r.toString());
  }
}
