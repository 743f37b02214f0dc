package org.escalon.compiler.lower;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.escalon.compiler.Compilation;
import org.escalon.compiler.EscalonCompiler;
import org.escalon.compiler.diagnostics.SourceText;
import org.escalon.model.Timespan;
import org.escalon.model.Precondition;
import org.escalon.model.Protocol;
import org.escalon.model.Right;
import org.escalon.model.Stage;
import org.escalon.model.Step;
import org.escalon.model.Target;
import org.escalon.model.TimeUnit;
import org.escalon.model.Timescale;
import org.junit.jupiter.api.Test;

class LoweringTest {

  private static final String PROTOCOL = """
      protocol "Lowered" {
        raised by IRO
        role IRO "Independent Reviewing Officer"
        role SocialWorker "Social Worker"
        role TeamManager "Team Manager"
        role QAManager "QA Manager"
        role YoungPerson "Young person"
        at every stage { advise YoungPerson "of the delay" }
        at every stage from stage 3 { consult QAManager }
        stage informal "Informal" { to SocialWorker source "Informal" }
        stage 1 "One" { to SocialWorker respond within 1 working week source "One" }
        stage 3 "Three" { to TeamManager respond by 3 weeks after the start source "Three" }
        stage 4 "Four" { to TeamManager respond within 5 working days
          when no response go to stage 3 when unsatisfactory go to cafcass source "Four" }
        outcome cafcass "Referral to Cafcass" { requires completed stage 1..4 source "Final" }
        IRO may bypass to stage 1..3, cafcass with reason
      }
      """;

  private static Protocol lower() {
    Compilation c = new EscalonCompiler().compile(SourceText.of("l.esc", PROTOCOL));
    assertTrue(c.succeeded(), () -> c.diagnostics().sorted().toString());
    return c.protocol().orElseThrow();
  }

  @Test
  void stagesKeepTheLadderOrderAndDefaultRoutesBecomeExplicit() {
    Protocol p = lower();
    assertEquals(List.of("informal", "1", "3", "4"), p.stages().stream().map(Stage::key).toList());
    Stage informal = p.stage("informal").orElseThrow();
    assertEquals(new Target.ToOutcome("resolved"), informal.transitions().onResolved());
    assertEquals(new Target.ToStage("1"), informal.transitions().onNoResponse());
    Stage four = p.stage("4").orElseThrow();
    assertEquals(new Target.ToStage("3"), four.transitions().onNoResponse());
    assertEquals(new Target.ToOutcome("cafcass"), four.transitions().onUnsatisfactory());
  }

  @Test
  void obligationsBecomeStepsOfTheStagesTheyApplyAt() {
    Protocol p = lower();
    assertEquals(2, p.stage("informal").orElseThrow().steps().size(), "to + advise");
    List<Step> three = p.stage("3").orElseThrow().steps();
    assertEquals(3, three.size(), "to + advise + consult from stage 3");
    assertTrue(three.get(2) instanceof Step.Inform i && i.kind() == Step.Inform.Kind.CONSULT);
  }

  @Test
  void timescalesAreTypedAndAnchored() {
    Protocol p = lower();
    Timescale one = p.stage("1").orElseThrow().defaultTimescale().orElseThrow();
    assertEquals(new Timespan(5, TimeUnit.WORKING_DAYS), one.duration(), "a working week");
    assertTrue(one.anchor() instanceof Timescale.Anchor.StageStart);
    Timescale three = p.stage("3").orElseThrow().defaultTimescale().orElseThrow();
    assertEquals(new Timespan(3, TimeUnit.WEEKS), three.duration());
    assertTrue(three.anchor() instanceof Timescale.Anchor.EscalationStart);
  }

  @Test
  void rangesExpandToTheStagesTheyCover() {
    Protocol p = lower();
    Right bypass = p.rights().get(0);
    assertEquals(List.of(new Target.ToStage("1"), new Target.ToStage("3"),
        new Target.ToOutcome("cafcass")), bypass.targets());
    assertTrue(bypass.reasonRequired());
    Precondition completed = p.outcome("cafcass").orElseThrow().preconditions().get(0);
    assertEquals(List.of("1", "3", "4"), ((Precondition.Completed) completed).stages());
  }

  @Test
  void theBuiltInOutcomeIsAlwaysThereAndLoweringIsDeterministic() {
    Protocol p = lower();
    assertEquals(List.of("resolved", "cafcass"),
        p.outcomes().stream().map(o -> o.name()).toList());
    assertEquals(p, lower());
  }
}
