package org.escalon.compiler.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.escalon.compiler.Compilation;
import org.escalon.compiler.EscalonCompiler;
import org.escalon.compiler.diagnostics.SourceText;
import org.escalon.model.Protocol;
import org.junit.jupiter.api.Test;

class ProtocolDescriberTest {

  private static final String PROTOCOL = """
      protocol "Told" {
        raised by IRO
        role IRO "Independent Reviewing Officer"
        role TeamManager "Team Manager"
        role ServiceManager "Service Manager"
        role YoungPerson "The young person"
        at every stage { advise YoungPerson "of the escalation" source "every" }
        stage 1 "To the Team Manager" { to TeamManager respond within 5 working days
          source "one" }
        stage 2 "To the Service Manager" { to ServiceManager copy TeamManager
          respond within 5 working days when unsatisfactory go to stage 1
          when no response go to ended source "two" }
        outcome ended "Ended without agreement" { source "ended" }
        IRO may bypass to stage 2 with reason source "bypass"
      }
      """;

  private static Prose prose() {
    Compilation c = new EscalonCompiler().compile(SourceText.of("told.esc", PROTOCOL));
    assertTrue(c.succeeded(), () -> c.diagnostics().sorted().toString());
    Protocol p = c.protocol().orElseThrow();
    return new ProtocolDescriber(p).describe();
  }

  private static Prose.Section section(String id) {
    return prose().sections().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
  }

  private static List<String> texts(Prose.Section s) {
    return s.blocks().stream().flatMap(b -> b instanceof Prose.Paragraph p ? List.of(p).stream()
        : b instanceof Prose.Items i ? i.items().stream() : List.<Prose.Paragraph>of().stream())
        .map(Prose.Paragraph::text).toList();
  }

  @Test
  void whatEveryStageDoesIsToldOnce() {
    assertEquals(List.of("Advise the young person of the escalation."), texts(section("every-stage")));
    assertTrue(texts(section("stages")).stream().noneMatch(t -> t.contains("young person")));
  }

  @Test
  void eachStageSaysWhoWhenAndWhereNext() {
    assertEquals(List.of(
        "The escalation goes to Team Manager. A response is due within 5 working days. If "
            + "resolved, the escalation ends. If not, it goes on to stage 2 (To the Service "
            + "Manager).",
        "The escalation goes to Service Manager. Copied: Team Manager. A response is due within "
            + "5 working days. If resolved, the escalation ends. If the response does not "
            + "resolve it, it goes on to stage 1 "
            + "(To the Team Manager); if there is no response in time, it ends in Ended without agreement."),
        texts(section("stages")));
  }

  @Test
  void rightsAreSentencesWithTheirSources() {
    Prose.Items rights = (Prose.Items) section("rights").blocks().get(0);
    assertEquals("The Independent Reviewing Officer may bypass to stage 2, with reason.",
        rights.items().get(0).text());
    assertEquals("bypass", rights.items().get(0).citations().get(0).text());
  }

  @Test
  void aStepDeadlineSaysWhatItCountsFrom() {
    Compilation c = new EscalonCompiler().compile(SourceText.of("anchored.esc", """
        protocol "Anchored" {
          raised by IRO
          role IRO "Independent Reviewing Officer"
          role TeamManager "Team Manager"
          role ServiceManager "Service Manager"
          event meeting_held "the meeting was held"
          stage 1 "To the Team Manager" { to TeamManager respond within 5 working days
            source "one" }
          stage 2 "To the Service Manager" { to ServiceManager respond within 10 working days
            action "discuss the plan" by ServiceManager within 5 working days after stage 1
            record "the minutes" by TeamManager within 15 working days after meeting_held
            when not resolved go to ended source "two" }
          outcome ended "Ended without agreement" { source "ended" }
        }
        """));
    assertTrue(c.succeeded(), () -> c.diagnostics().sorted().toString());
    List<String> stages = texts(new ProtocolDescriber(c.protocol().orElseThrow()).describe()
        .sections().stream().filter(s -> s.id().equals("stages")).findFirst().orElseThrow());
    assertTrue(stages.contains("Discuss the plan (by Service Manager), within 5 working days"
        + " after the start of stage 1."), stages::toString);
    assertTrue(stages.contains("Record the minutes (by Team Manager), within 15 working days"
        + " after the meeting was held."), stages::toString);
  }
}
