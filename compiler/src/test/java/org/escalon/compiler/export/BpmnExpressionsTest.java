package org.escalon.compiler.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.escalon.compiler.Compilation;
import org.escalon.compiler.EscalonCompiler;
import org.escalon.compiler.diagnostics.SourceText;
import org.escalon.machine.OperationalModel;
import org.escalon.model.Protocol;
import org.junit.jupiter.api.Test;

class BpmnExpressionsTest {

  private static final String PROTOCOL = """
      protocol "Timers" {
        raised by IRO
        role IRO "Independent Reviewing Officer"
        role TeamManager "Team Manager"
        attribute urgent "the case is urgent"
        attribute risk "the level of risk" one of low, high
        stage 1 "Plain" { to TeamManager respond within 5 working days source "a" }
        stage 2 "Weeks from the start" { to TeamManager respond by 2 weeks after the start
          respond within the same working day if urgent source "b" }
        stage 3 "Only conditional" { to TeamManager respond within 24 hours if risk is high
          respond within the same working day if urgent source "c" }
        stage 4 "None" { to TeamManager when not resolved go to ended source "d" }
        outcome ended "Ended" { source "e" }
      }
      """;

  private static Protocol protocol() {
    Compilation c = new EscalonCompiler().compile(SourceText.of("timers.esc", PROTOCOL));
    assertTrue(c.succeeded(), () -> c.diagnostics().sorted().toString());
    return c.protocol().orElseThrow();
  }

  private static Optional<BpmnExpressions.Timer> timer(String stage) {
    return BpmnExpressions.timer(OperationalModel.of(protocol()).stage(stage).orElseThrow()
        .timescales());
  }

  @Test
  void aPlainTimescaleIsAnIsoDurationReadAsWorkingDays() {
    assertEquals(Optional.of(new BpmnExpressions.Timer("P5D", "escalon-working-days")),
        timer("1"));
    assertEquals(Optional.empty(), timer("4"), "no timescale, no timer");
  }

  @Test
  void aConditionalTimescaleIsChosenWhenTheStageStartsEachMarkedWithItsCalendar() {
    assertEquals(Optional.of(new BpmnExpressions.Timer(
        "${(execution.getVariable('urgent') == 'yes') ? 'escalon-working-days:P0D' : "
            + "('escalon-calendar:'.concat(execution.getVariable('raisedAt')).concat('/P2W'))}",
        "escalon-working-days")), timer("2"));
  }

  @Test
  void everyConditionalTimescaleThatHoldsIsListedForTheCalendarToTakeTheEarliest() {
    BpmnExpressions.Timer t = timer("3").orElseThrow();
    String risk = "(execution.getVariable('risk') == 'high')";
    String urgent = "(execution.getVariable('urgent') == 'yes')";
    assertEquals("${" + risk + " or " + urgent + " ? ''.concat(" + risk
        + " ? ('escalon-calendar:PT24H').concat(';') : '').concat(" + urgent
        + " ? ('escalon-working-days:P0D').concat(';') : '') : ('never')}", t.description());
    assertEquals("escalon-working-days", t.calendar());
  }
}
