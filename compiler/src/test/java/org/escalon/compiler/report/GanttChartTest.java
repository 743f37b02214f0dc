package org.escalon.compiler.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.escalon.calendar.WorkingCalendar;
import org.escalon.compiler.Compilation;
import org.escalon.compiler.EscalonCompiler;
import org.escalon.compiler.diagnostics.SourceText;
import org.escalon.model.Protocol;
import org.escalon.simulate.Scenario;
import org.escalon.simulate.Simulator;
import org.escalon.simulate.Timeline;
import org.junit.jupiter.api.Test;

class GanttChartTest {

  private static final String PROTOCOL = """
      protocol "Over Christmas" {
        calendar england-and-wales
        raised by IRO
        role IRO "Independent Reviewing Officer"
        role TeamManager "Team Manager"
        role Director "Director"
        stage 1 "To the Team Manager" { to TeamManager respond within 5 working days source "a" }
        stage 2 "To the Director" { to Director respond within 5 working days
          when not resolved go to unresolved source "b" }
        outcome unresolved "Not resolved" { source "c" }
      }
      """;

  private static Protocol protocol() {
    Compilation c = new EscalonCompiler().compile(SourceText.of("christmas.esc", PROTOCOL));
    assertTrue(c.succeeded(), () -> c.diagnostics().sorted().toString());
    return c.protocol().orElseThrow();
  }

  private static Timeline worstCase() {
    return new Simulator(protocol()).run(Scenario.worstCase(), LocalDate.of(2026, 12, 21));
  }

  @Test
  void aBarForEachStayFromEnteringToLeaving() {
    List<GanttChart.Bar> bars = GanttChart.bars(worstCase());
    assertEquals(2, bars.size());
    GanttChart.Bar first = bars.get(0);
    assertEquals("1", first.stage());
    assertEquals(Instant.parse("2026-12-21T09:00:00Z"), first.from());
    // 5 working days from Monday 21 December skip Christmas Day and the Boxing Day substitute
    assertEquals(Optional.of(Instant.parse("2026-12-31T00:00:00Z")), first.to());
    assertEquals(first.to(), first.deadline());
    // day 0 is Thursday 31 December; New Year's Day is not counted: the close of Friday 8 January
    assertEquals(Optional.of(Instant.parse("2027-01-09T00:00:00Z")), bars.get(1).to());
  }

  @Test
  void bankHolidaysAreShadedAndNamed() {
    Protocol p = protocol();
    String svg = new GanttChart(p, WorkingCalendar.of(p.header().calendar(), p.header().zone()))
        .render(worstCase());
    assertTrue(svg.contains("Fri 25 Dec 2026: Christmas Day"), svg);
    assertTrue(svg.contains("Mon 28 Dec 2026: Boxing Day (substitute day)"), svg);
    assertTrue(svg.contains("Fri 1 Jan 2027: New Year"), svg);
    assertEquals(2, count(svg, "class=\"stay\""));
    assertEquals(2, count(svg, "class=\"deadline\""));
    assertEquals(1, count(svg, "class=\"outcome\""), "the diamond where it ended");
    assertEquals(svg, new GanttChart(p, WorkingCalendar.of(p.header().calendar(),
        p.header().zone())).render(worstCase()), "the same timeline, the same bytes");
  }

  private static int count(String text, String what) {
    return text.split(java.util.regex.Pattern.quote(what), -1).length - 1;
  }
}
