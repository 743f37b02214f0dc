package org.escalon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.escalon.engine.Addressing;
import org.escalon.engine.CaseEvent;
import org.escalon.engine.Directory;
import org.escalon.engine.Escalation;
import org.escalon.engine.EscalationMachine;
import org.escalon.model.Protocol;
import org.escalon.model.Role;
import org.junit.jupiter.api.Test;

/**
 * A recipient looked up in a directory per agency (issue 14, point 7): {@code role
 * LiaisonOfficer "..." looked up in directory "single points of contact" per agency}. The host
 * supplies the directory ({@link Directory}); {@link Addressing} records who was addressed, for
 * the engine and the generated machine alike, and hands every effect on unchanged.
 */
class DirectoryTest {

  static final String SPOC = """
      protocol "Single points of contact" {
        raised by Practitioner
        source "test"
        agency social_care "Children's Social Care"
        agency police "Police"
        role Practitioner "Practitioner"
        role TeamManager "Team Manager"
        role LiaisonOfficer "Senior liaison officer" looked up in directory "single points of contact" per agency
        role Chair "Partnership chair" looked up in directory "duty rota"
        stage 1 "Team Managers" {
          to TeamManager
          respond within 5 working days
          source "Step 1"
        }
        stage 2 "Senior liaison officers" {
          to LiaisonOfficer in both agencies
          respond within 2 working days
          source "Step 2"
        }
        stage 3 "The other agency's officer and the chair" {
          to LiaisonOfficer
          to Chair
          respond within 2 working days
          when not resolved go to resolved
          source "Step 3"
        }
      }
      """;

  private static final Protocol PROTOCOL = OperationalModelTest.compile(SPOC);
  private static final GeneratedMachines MACHINES = new GeneratedMachines(List.of(PROTOCOL));
  private static final Instant T0 = Instant.parse("2026-12-14T09:00:00Z");
  private static final Directory.Contact SOCIAL = new Directory.Contact("A. Jones",
      "slo@council.example");
  private static final Directory.Contact POLICE = new Directory.Contact("DS B. Smith",
      "slo@police.example");
  private static final Directory DIRECTORY = Directory.builder()
      .add("single points of contact", "social_care", "LiaisonOfficer", SOCIAL)
      .add("single points of contact", "police", "LiaisonOfficer", POLICE)
      .build();

  @Test
  void theModelKeepsTheLookup() {
    assertEquals(Optional.of(new Role.Lookup("single points of contact", true)),
        PROTOCOL.role("LiaisonOfficer").flatMap(Role::lookup));
    assertEquals(Optional.of(new Role.Lookup("duty rota", false)),
        PROTOCOL.role("Chair").flatMap(Role::lookup));
  }

  @Test
  void whoWasAddressedIsLookedUpPerAgencyByTheEngineAndTheGeneratedMachineAlike() {
    List<List<Addressing.Addressed>> seen = new ArrayList<>();
    List<List<org.escalon.engine.Effect>> told = new ArrayList<>();
    for (int which = 0; which < 2; which++) {
      RecordingListener host = new RecordingListener();
      Addressing addressing = new Addressing(PROTOCOL, DIRECTORY,
          new Directory.Agencies("social_care", "police"), host);
      EscalationMachine m = which == 0
          ? new Escalation(PROTOCOL, Escalation.of(PROTOCOL).calendar(), addressing)
          : MACHINES.machine(0, addressing);
      m.apply(new CaseEvent.Raise(T0, "Practitioner", Optional.empty(), Optional.empty()));
      m.apply(new CaseEvent.Respond(T0.plusSeconds(60), "TeamManager", false));
      m.apply(new CaseEvent.Respond(T0.plusSeconds(120), "LiaisonOfficer", false));
      seen.add(addressing.addressed());
      told.add(host.told);
    }
    assertEquals(List.of(
        new Addressing.Addressed("2", "LiaisonOfficer", Optional.of("social_care"),
            "single points of contact", Optional.of(SOCIAL)),
        new Addressing.Addressed("2", "LiaisonOfficer", Optional.of("police"),
            "single points of contact", Optional.of(POLICE)),
        new Addressing.Addressed("3", "LiaisonOfficer", Optional.of("police"),
            "single points of contact", Optional.of(POLICE)),
        new Addressing.Addressed("3", "Chair", Optional.empty(), "duty rota", Optional.empty())),
        seen.get(0));
    assertEquals(seen.get(0), seen.get(1), "the generated machine addresses the same people");
    assertEquals(told.get(0), told.get(1), "and the host is told the same");
    assertEquals("LiaisonOfficer of police, from the directory \"single points of contact\": "
        + "DS B. Smith <slo@police.example>", seen.get(0).get(2).describe());
    assertEquals("Chair, from the directory \"duty rota\": no entry",
        seen.get(0).get(3).describe());
  }

  @Test
  void aCaseBetweenAgenciesTheProtocolDoesNotNameIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Addressing(PROTOCOL, DIRECTORY, new Directory.Agencies("social_care",
            "education"), new RecordingListener()));
    assertEquals("the protocol has no agency education", e.getMessage());
  }
}
