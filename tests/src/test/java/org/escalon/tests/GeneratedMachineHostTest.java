package org.escalon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.escalon.compiler.EscalonCompiler;
import org.escalon.compiler.diagnostics.SourceText;
import org.escalon.compiler.generate.GeneratedFile;
import org.escalon.compiler.generate.JavaGenerator;
import org.escalon.engine.CaseEvent;
import org.escalon.engine.Escalation;
import org.escalon.engine.EscalationMachine;
import org.escalon.engine.Fingerprint;
import org.escalon.engine.RefusedEvent;
import org.escalon.model.Canonical;
import org.escalon.model.Protocol;
import org.escalon.model.Stage;
import org.escalon.model.Target;
import org.escalon.model.Transitions;
import org.junit.jupiter.api.Test;

/**
 * The generated machine as a host developer meets it (issue 17's findings on the generated
 * machine), each finding a test: the generated Kent machine compiled in memory together with a
 * small host class written against it, as a host would write it.
 */
class GeneratedMachineHostTest {

  private static final String PACKAGE = "host.kent";

  /** Kent's machine and model, and the host sources, compiled in one javac run. */
  private static InMemoryJavac.Result compileWithHost(Map<String, String> host) {
    Protocol kent = ProtocolsTest.compile(Repository.root().resolve("protocols/kent-iro.esc"))
        .protocol().orElseThrow();
    Map<String, String> sources = new LinkedHashMap<>();
    for (GeneratedFile file : new JavaGenerator().generate(kent, PACKAGE, "KentIro")) {
      sources.put(file.qualifiedName(), file.text());
    }
    sources.putAll(host);
    return InMemoryJavac.compile(sources);
  }

  @SuppressWarnings("unchecked")
  private static <T> T run(InMemoryJavac.Result result, String hostClass) throws Exception {
    assertTrue(result.compiled(), String.join("\n", result.messages()));
    return ((Supplier<T>) result.loader().loadClass(hostClass).getConstructor().newInstance())
        .get();
  }

  @Test
  void aListenerMustTakeEveryEffectItDoesNotHandleItself() {
    // the host forgot escalate and everything else: it must at least implement heard
    InMemoryJavac.Result result = compileWithHost(Map.of("host.Forgetful", """
        package host;

        import host.kent.KentIro;
        import java.util.List;
        import java.util.Optional;
        import org.escalon.model.Citation;
        import org.escalon.model.Manner;

        class Forgetful implements KentIro.Listener {
          @Override
          public void act(KentIro.Place at, String id, String what,
              Optional<KentIro.Role> by, Manner how, Optional<Citation> source) {}
        }
        """));
    assertFalse(result.compiled(), "a listener without heard compiled");
    assertTrue(result.messages().stream().anyMatch(m -> m.contains("heard")),
        String.join("\n", result.messages()));
  }

  @Test
  void whatAListenerDoesNotHandleReachesHeardAsTheEnginesEffects() throws Exception {
    InMemoryJavac.Result result = compileWithHost(Map.of("host.CatchAll", """
        package host;

        import host.kent.KentIro;
        import java.time.Instant;
        import java.util.ArrayList;
        import java.util.List;
        import java.util.function.Supplier;
        import org.escalon.engine.Effect;

        public class CatchAll implements Supplier<List<Object>> {
          @Override
          public List<Object> get() {
            List<Object> heard = new ArrayList<>();
            KentIro machine = new KentIro(heard::add);
            machine.raise(Instant.parse("2026-03-02T09:00:00Z"));
            machine.respond(Instant.parse("2026-03-03T09:00:00Z"), KentIro.Role.SOCIAL_WORKER,
                false);
            return heard;
          }
        }
        """));
    List<Object> heard = run(result, "host.CatchAll");
    RecordingListener engineHeard = new RecordingListener();
    Protocol kent = ProtocolsTest.compile(Repository.root().resolve("protocols/kent-iro.esc"))
        .protocol().orElseThrow();
    Escalation engine = new Escalation(kent, Escalation.of(kent).calendar(), engineHeard);
    engine.apply(new CaseEvent.Raise(Instant.parse("2026-03-02T09:00:00Z"), "IRO",
        Optional.empty(), Optional.empty()));
    engine.apply(new CaseEvent.Respond(Instant.parse("2026-03-03T09:00:00Z"), "SocialWorker",
        false));
    assertFalse(heard.isEmpty());
    assertEquals(engineHeard.told, heard, "the catch-all heard other effects than the engine's");
  }

  @Test
  void storedKeysMapBackToStagesRolesAndForms() throws Exception {
    InMemoryJavac.Result result = compileWithHost(Map.of("host.Keys", """
        package host;

        import host.kent.KentIro;
        import java.util.List;
        import java.util.function.Supplier;

        public class Keys implements Supplier<List<Object>> {
          @Override
          public List<Object> get() {
            return List.of(KentIro.Stage.of("3"), KentIro.Role.of("QAManager"),
                KentIro.Form.of("LiberiEscalationForm"), KentIro.Outcome.of("cafcass"),
                String.valueOf(KentIro.Stage.of("no such stage")));
          }
        }
        """));
    List<Object> found = run(result, "host.Keys");
    assertEquals(List.of("STAGE_3", "QA_MANAGER", "LIBERI_ESCALATION_FORM", "CAFCASS", "null"),
        found.stream().map(String::valueOf).toList());
  }

  /** A protocol with a form field of every type (docs/language.md section 8). */
  private static final String FORMS = """
      protocol "Escalation notice and resolution record" {
        raised by Practitioner
        source "Example Safeguarding Partnership, escalation procedure"
        role Practitioner "Practitioner raising the concern"
        role TeamManager "Team Manager"
        form EscalationNotice "Escalation Notice" {
          field child_name "Name of child or young person" text
          field dob "Date of birth" date
          field main_concern "Main reason" one of threshold, need_for_action
          source "Appendix 1: Escalation Notice template"
        }
        form ResolutionRecord "Resolution Record" {
          field resolved_at "Level of resolution" stage
          field signed_by "Role of the person signing" role
          field on_time "Timescales adhered to" yes-no
          field days_taken "Number of working days taken" number
          source "Appendix 2: Resolution Record template"
        }
        stage 1 "To the Team Manager" {
          to TeamManager
          record EscalationNotice sent to TeamManager
          respond within 5 working days
          when not resolved go to referral
          source "Stage 1"
        }
        outcome referral "Referred to the LSCP" {
          source "Section 7"
        }
        outcome resolved "Resolved" {
          record ResolutionRecord
          source "Section 6: the Resolution Record"
        }
      }
      """;

  @Test
  void formFieldsAreTypesAHostFillsIn() throws Exception {
    Protocol forms = new EscalonCompiler().compile(SourceText.of("notice.esc", FORMS))
        .protocol().orElseThrow();
    Map<String, String> sources = new LinkedHashMap<>();
    for (GeneratedFile file : new JavaGenerator().generate(forms, "host.notice", "Notice")) {
      sources.put(file.qualifiedName(), file.text());
    }
    sources.put("host.Fills", """
        package host;

        import host.notice.Notice;
        import java.time.LocalDate;
        import java.util.List;
        import java.util.function.Supplier;

        public class Fills implements Supplier<List<Object>> {
          @Override
          public List<Object> get() {
            Notice.EscalationNotice notice = new Notice.EscalationNotice("A. Child",
                LocalDate.of(2015, 4, 1), Notice.EscalationNotice.MainConcern.of("need_for_action"));
            Notice.ResolutionRecord record = new Notice.ResolutionRecord(Notice.Stage.STAGE_1,
                Notice.Role.TEAM_MANAGER, true, 4L);
            return List.of(notice.dob(), notice.mainConcern().key(), record.signedBy().key(),
                record.onTime(), record.daysTaken());
          }
        }
        """);
    List<Object> filled = run(InMemoryJavac.compile(sources), "host.Fills");
    assertEquals(List.of(java.time.LocalDate.of(2015, 4, 1), "need_for_action", "TeamManager",
        true, 4L), filled);

    // a field is its type: a role's name where the role belongs does not compile
    sources.put("host.Fills", """
        package host;

        import host.notice.Notice;

        class Fills {
          Object wrong = new Notice.ResolutionRecord(Notice.Stage.STAGE_1, "TeamManager", true, 4L);
        }
        """);
    assertFalse(InMemoryJavac.compile(sources).compiled(), "a text compiled as a role");
  }

  private static final String FOLLOW_UP = """
      protocol "Follow-ups" {
        raised by IRO
        role IRO "Independent Reviewing Officer"
        role TeamManager "Team Manager"
        stage 1 "To the Team Manager" {
          to TeamManager
          ACTIONS
          respond within 5 working days
          when not resolved go to stage 1
          source "Stage 1"
        }
      }
      """;

  /** The ids and words of the actions a protocol's generated machine and its engine tell. */
  private static List<List<String>> actsTold(String actions) throws Exception {
    Protocol p = new EscalonCompiler()
        .compile(SourceText.of("follow-up.esc", FOLLOW_UP.replace("ACTIONS", actions)))
        .protocol().orElseThrow();
    Map<String, String> sources = new LinkedHashMap<>();
    for (GeneratedFile file : new JavaGenerator().generate(p, "host.follow", "FollowUp")) {
      sources.put(file.qualifiedName(), file.text());
    }
    sources.put("host.Acts", """
        package host;

        import host.follow.FollowUp;
        import java.time.Instant;
        import java.util.ArrayList;
        import java.util.List;
        import java.util.Optional;
        import java.util.function.Supplier;
        import org.escalon.engine.Effect;
        import org.escalon.model.Citation;
        import org.escalon.model.Manner;

        public class Acts implements Supplier<List<List<String>>> {
          @Override
          public List<List<String>> get() {
            List<List<String>> told = new ArrayList<>();
            FollowUp machine = new FollowUp(new FollowUp.Listener() {
              @Override
              public void heard(Effect effect) { }

              @Override
              public void act(FollowUp.Place at, String id, String what,
                  Optional<FollowUp.Role> by, Manner how, Optional<Citation> source) {
                told.add(List.of(id, what));
              }
            });
            machine.raise(Instant.parse("2026-03-02T09:00:00Z"));
            return told;
          }
        }
        """);
    List<List<String>> machine = run(InMemoryJavac.compile(sources), "host.Acts");
    RecordingListener engineHeard = new RecordingListener();
    new Escalation(p, Escalation.of(p).calendar(), engineHeard).apply(new CaseEvent.Raise(
        Instant.parse("2026-03-02T09:00:00Z"), "IRO", Optional.empty(), Optional.empty()));
    List<List<String>> engine = engineHeard.told.stream()
        .filter(org.escalon.engine.Effect.Act.class::isInstance)
        .map(org.escalon.engine.Effect.Act.class::cast).map(a -> List.of(a.id(), a.what()))
        .toList();
    assertEquals(engine, machine, "the machine told other actions than the engine");
    return machine;
  }

  @Test
  void aRewordedActionWithItsOldIdAsNameKeepsItsId() throws Exception {
    String id = "follow_the_escalation_up_with_a_phone_call";
    assertEquals(List.of(List.of(id, "follow the escalation up with a phone call")),
        actsTold("action \"follow the escalation up with a phone call\" by IRO"));
    // reworded, with the old id as its name; the old words, now unnamed, are numbered away
    assertEquals(List.of(List.of(id, "phone the Team Manager to follow up"),
            List.of(id + "_2", "Follow the escalation up, with a phone call!")),
        actsTold("action " + id + " \"phone the Team Manager to follow up\" by IRO\n"
            + "    action \"Follow the escalation up, with a phone call!\" by TeamManager"));
  }

  @Test
  void anIdTheWordsGiveIsLeftOutOfTheFingerprint() {
    Protocol plain = new EscalonCompiler().compile(SourceText.of("f.esc",
        FOLLOW_UP.replace("ACTIONS", "action \"chase it\" by IRO"))).protocol().orElseThrow();
    assertTrue(Canonical.of(plain).contains("Act(what=\"chase it\""), Canonical.of(plain));
    Protocol renamed = new EscalonCompiler().compile(SourceText.of("f.esc",
        FOLLOW_UP.replace("ACTIONS", "action chase \"chase it\" by IRO"))).protocol()
        .orElseThrow();
    assertTrue(Canonical.of(renamed).contains("Act(id=\"chase\""), Canonical.of(renamed));
    assertFalse(Fingerprint.of(plain).equals(Fingerprint.of(renamed)), "a new id is a change");
  }

  @Test
  void aHostsClosureDaysMoveTheDeadlinesAsTheEnginesCalendarDoes() throws Exception {
    InMemoryJavac.Result result = compileWithHost(Map.of("host.Closures", """
        package host;

        import host.kent.KentIro;
        import java.time.Instant;
        import java.time.LocalDate;
        import java.util.List;
        import java.util.function.Supplier;

        public class Closures implements Supplier<List<Object>> {
          @Override
          public List<Object> get() {
            Instant raised = Instant.parse("2026-03-02T09:00:00Z");
            KentIro usual = new KentIro(effect -> { });
            usual.raise(raised);
            KentIro shut = new KentIro(effect -> { },
                KentIro.calendar(List.of(LocalDate.of(2026, 3, 4))));
            shut.raise(raised);
            return List.of(usual.deadline().orElseThrow(), shut.deadline().orElseThrow(),
                shut.state());
          }
        }
        """));
    List<Object> deadlines = run(result, "host.Closures");
    Instant usual = (Instant) deadlines.get(0);
    Instant shut = (Instant) deadlines.get(1);
    assertEquals(usual.plus(java.time.Duration.ofDays(1)), shut,
        "one closure day inside the window moves the deadline a working day on");
    assertEquals(Optional.of(shut), ((org.escalon.engine.EscalationState) deadlines.get(2))
        .deadline(), "the state the machine reports counts in the host's calendar too");
  }

  @Test
  void aHostImportingTheJavaTypesOfTheSameNamesCompilesCleanly() throws Exception {
    // java.time.Duration, java.util.concurrent.TimeUnit, java.util.* and java.time.* beside the
    // machine: nothing the host must name clashes (the model's length of time is a Timespan)
    InMemoryJavac.Result result = compileWithHost(Map.of("host.Imports", """
        package host;

        import host.kent.KentIro;
        import host.kent.KentIro.Listener;
        import host.kent.KentIro.Role;
        import host.kent.KentIro.Stage;
        import java.time.*;
        import java.time.Duration;
        import java.util.*;
        import java.util.concurrent.TimeUnit;
        import java.util.function.Supplier;
        import org.escalon.model.Timespan;

        public class Imports implements Supplier<List<Object>> {
          @Override
          public List<Object> get() {
            Listener quiet = effect -> { };
            KentIro machine = new KentIro(quiet);
            Instant raised = Instant.parse("2026-03-02T09:00:00Z");
            machine.raise(raised);
            machine.requestExtension(raised.plus(Duration.ofHours(1)), Role.SOCIAL_WORKER,
                Timespan.workingDays(5), true, "waiting for a report");
            Optional<Stage> stage = machine.stage();
            return List.of(stage.orElseThrow(), TimeUnit.SECONDS.toMillis(1));
          }
        }
        """));
    assertTrue(result.compiled(), String.join("\n", result.messages()));
  }

  @Test
  void deadlinesPassingForEverAtOneInstantAreRefusedAsTheEngineRefusesThem() throws Exception {
    // E0414's runtime twin: a hand-built model (the compiler refuses it) whose stage 1, counted
    // from the start, sends no response back to itself; once its deadline has passed it would
    // pass again at once, for ever
    Protocol checked = new EscalonCompiler().compile(SourceText.of("loop.esc", """
        protocol "Round and round" {
          raised by CPChair
          role CPChair "Child Protection Conference Chair"
          role TeamManager "Team Manager"
          stage 1 "Actions from the review conference" {
            to TeamManager
            respond by 10 working days after the start
            source "Section 4"
          }
          stage 2 "Second" {
            to TeamManager
            respond within 5 working days
            when not resolved go to referred
            source "Section 5"
          }
          outcome referred "Referred to the director" {
            source "Section 6"
          }
        }
        """)).protocol().orElseThrow();
    Stage first = checked.stages().get(0);
    Stage looping = new Stage(first.key(), first.title(), first.steps(), first.timescales(),
        first.preconditions(), first.onlyIf(), new Transitions(first.transitions().onResolved(),
            first.transitions().onUnsatisfactory(), new Target.ToStage(first.key())),
        first.extension(), first.citations(), first.span());
    Protocol loop = new Protocol(checked.name(), checked.header(), checked.agencies(),
        checked.roles(), checked.attributes(), checked.events(), checked.scales(),
        checked.forms(), List.of(looping, checked.stages().get(1)), checked.outcomes(),
        checked.rights(), checked.extension(), checked.triggers(), checked.limits(),
        checked.properties(), checked.span());
    EscalationMachine machine = new GeneratedMachines(List.of(loop)).machine(0,
        new RecordingListener());
    Escalation engine = Escalation.of(loop);
    Instant raised = Instant.parse("2026-03-02T09:00:00Z");
    CaseEvent raise = new CaseEvent.Raise(raised, "CPChair", Optional.empty(), Optional.empty());
    engine.apply(raise);
    machine.apply(raise);
    Instant later = raised.plus(java.time.Duration.ofDays(30));
    RefusedEvent byEngine = assertThrows(RefusedEvent.class, () -> engine.advanceTo(later));
    RefusedEvent byMachine = assertThrows(RefusedEvent.class, () -> machine.advanceTo(later));
    assertTrue(byEngine.rule().contains("(E0414)"), byEngine.rule());
    assertEquals(byEngine.event(), byMachine.event());
    assertEquals(byEngine.rule(), byMachine.rule());
    assertEquals(byEngine.span(), byMachine.span());
    assertEquals(engine.state(), machine.state(), "the state changed");
    assertEquals(engine.log(), machine.log());
    assertEquals(List.of(raise), machine.log());
  }
}
