package org.escalon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.escalon.engine.CaseEvent;
import org.escalon.engine.Escalation;
import org.escalon.engine.EscalationListener;
import org.escalon.engine.EscalationState;
import org.escalon.engine.EventLog;
import org.escalon.engine.RefusedEvent;
import org.escalon.engine.Snapshot;
import org.escalon.model.Timespan;
import org.escalon.model.Protocol;
import org.escalon.model.Scale;
import org.escalon.model.TimeUnit;

/**
 * Random event sequences on every protocol in {@code protocols/}: the state rebuilt from the log
 * equals the state; a refused event leaves the state and log as they were; the text log and the
 * snapshot round-trip; no accepted event is ever missing from the log.
 */
class EngineProperties {

  private static final List<Protocol> PROTOCOLS = Repository.protocols().stream()
      .map(p -> ProtocolsTest.compile(p).protocol().orElseThrow()).toList();

  @Property(tries = 150)
  void theLogTellsTheWholeStory(@ForAll("sequences") List<Integer> choices) {
    for (Protocol protocol : PROTOCOLS) {
      run(protocol, choices);
    }
  }

  @Provide
  Arbitrary<List<Integer>> sequences() {
    return Arbitraries.integers().between(0, Integer.MAX_VALUE - 1).list().ofMinSize(1)
        .ofMaxSize(60);
  }

  private static void run(Protocol protocol, List<Integer> choices) {
    Escalation escalation = Escalation.of(protocol);
    Instant now = Instant.parse("2026-03-02T09:00:00Z");
    List<CaseEvent> accepted = new ArrayList<>();
    for (int choice : choices) {
      now = now.plusSeconds(3_600L * (1 + choice % 97));
      CaseEvent event = event(protocol, choice, now);
      EscalationState before = escalation.state();
      List<CaseEvent> logBefore = escalation.log();
      try {
        if (event == null) {
          escalation.advanceTo(now);
        } else {
          escalation.apply(event);
          accepted.add(event);
        }
      } catch (RefusedEvent refused) {
        assertEquals(before, escalation.state(), "a refused event changed the state: " + refused);
        assertEquals(logBefore, escalation.log(), "a refused event changed the log");
        assertTrue(refused.getMessage() != null && !refused.getMessage().isBlank());
      }
    }
    List<CaseEvent> log = escalation.log();
    assertTrue(log.containsAll(accepted), "an accepted event is missing from the log");
    assertEquals(escalation.state(), Escalation.replay(protocol, escalation.calendar(), log));
    assertEquals(log, EventLog.parse(EventLog.format(log, protocol)));
    Escalation restored = Snapshot.restore(Snapshot.write(escalation), protocol,
        escalation.calendar(), new EscalationListener() {});
    assertEquals(escalation.state(), restored.state());
  }

  /** One random event that the protocol could plausibly see; null means "let time pass". */
  private static CaseEvent event(Protocol p, int choice, Instant at) {
    int pick = choice / 97;
    List<String> roles = p.roles().stream().map(r -> r.name()).toList();
    String role = roles.get(pick % roles.size());
    List<String> targets = new ArrayList<>(p.stages().stream().map(s -> s.key()).toList());
    p.outcomes().forEach(o -> targets.add(o.name()));
    String target = targets.get(pick % targets.size());
    Optional<String> reason = pick % 3 == 0 ? Optional.empty() : Optional.of("reason " + pick);
    return switch (choice % 13) {
      case 0, 1 -> null;
      case 2 -> new CaseEvent.Raise(at, pick % 2 == 0 ? p.header().raisedBy() : role,
          pick % 3 == 0 ? Optional.of(p.stages().get(pick % p.stages().size()).key())
              : Optional.empty(), reason);
      case 3, 4 -> new CaseEvent.Respond(at, role, pick % 4 == 0);
      case 5 -> new CaseEvent.Bypass(at, p.header().raisedBy(), target, reason);
      case 6 -> p.outcomes().size() < 2 ? null : new CaseEvent.Refer(at, p.header().raisedBy(),
          p.outcomes().get(1 + pick % (p.outcomes().size() - 1)).name(), reason);
      case 7 -> new CaseEvent.RequestExtension(at, role,
          new Timespan(1 + pick % 8, pick % 5 == 0 ? TimeUnit.CALENDAR_DAYS : TimeUnit.WORKING_DAYS),
          pick % 2 == 0, reason);
      case 8 -> new CaseEvent.GrantExtension(at, role);
      case 9 -> pick % 2 == 0 ? new CaseEvent.Agree(at, role) : new CaseEvent.Advise(at, role);
      case 10 -> p.attributes().isEmpty() ? null : attribute(p, pick, at);
      case 11 -> grade(p, pick, at);
      default -> pick % 20 == 0 ? new CaseEvent.Withdraw(at, p.header().raisedBy(), reason)
          : p.events().isEmpty() ? null
              : new CaseEvent.Occur(at, p.events().get(pick % p.events().size()).name());
    };
  }

  private static CaseEvent attribute(Protocol p, int pick, Instant at) {
    var attribute = p.attributes().get(pick % p.attributes().size());
    List<String> values = attribute.isYesNo() ? List.of("yes", "no") : attribute.choices();
    return new CaseEvent.SetAttribute(at, attribute.name(), values.get(pick % values.size()));
  }

  private static CaseEvent grade(Protocol p, int pick, Instant at) {
    if (p.scales().isEmpty()) {
      return null;
    }
    Scale scale = p.scales().get(pick % p.scales().size());
    String section = List.of("health", "education", "placement").get(pick % 3);
    return new CaseEvent.Grade(at, scale.name(), section,
        scale.grades().get(pick % scale.grades().size()).name());
  }
}
