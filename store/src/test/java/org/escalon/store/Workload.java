package org.escalon.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.escalon.engine.CaseEvent;
import org.escalon.engine.Escalation;
import org.escalon.engine.EscalationListener;
import org.escalon.engine.EscalationState;
import org.escalon.engine.EventRecord;
import org.escalon.engine.RefusedEvent;
import org.escalon.engine.CallResult;
import org.escalon.engine.TimedEffect;

/**
 * A host's day, made from a seed: commands to a few Kent escalations, scheduler ticks and outbox
 * deliveries, in time order. Made by running the engine in memory, which keeps only commands it
 * accepts and says what the store must end with: each escalation's log and the effects it owed.
 * Running the same workload again from the start is harmless: commands are idempotent, ticks
 * find nothing due that has not passed, deliveries find nothing new.
 */
final class Workload {

  static final String PROTOCOL = Kent.PROTOCOL.name();
  private static final String[] STAGES = {"informal", "1", "2", "3", "4", "5", "6"};
  private static final String[] RESPONDENTS = {"SocialWorker", "TeamManager", "ServiceManager",
      "AreaAssistantDirector", "SocialWorkLead", "CorporateDirector"};

  sealed interface Action {}

  record Submit(String escalation, Command command) implements Action {}

  record Tick(Instant now) implements Action {}

  record Deliver() implements Action {}

  final List<Action> actions = new ArrayList<>();
  final Map<String, List<EventRecord>> logs = new LinkedHashMap<>();
  final Map<String, List<TimedEffect>> effects = new LinkedHashMap<>();
  int commands;

  static Workload of(long seed, int escalations, int steps) {
    Workload w = new Workload();
    Random random = new Random(seed);
    Map<String, Escalation> model = new LinkedHashMap<>();
    for (int e = 0; e < escalations; e++) {
      String id = "esc-" + seed + "-" + e;
      model.put(id, new Escalation(Kent.PROTOCOL, Kent.CALENDAR, new EscalationListener() {}));
      w.effects.put(id, new ArrayList<>());
    }
    List<String> ids = List.copyOf(model.keySet());
    Instant now = Instant.parse("2026-12-14T09:00:00Z");
    for (int i = 0; i < steps; i++) {
      now = now.plus(Duration.ofHours(1 + random.nextInt(40)));
      int kind = random.nextInt(100);
      if (kind < 25) {
        w.actions.add(new Tick(now));
        for (String id : ids) {
          w.effects.get(id).addAll(model.get(id).stepTo(now).effects());
        }
      } else if (kind < 40) {
        w.actions.add(new Deliver());
      } else {
        String id = ids.get(random.nextInt(ids.size()));
        Escalation escalation = model.get(id);
        CaseEvent event = event(escalation.state(), now, random);
        Command command = new Command("cmd-" + seed + "-" + i, "user-" + random.nextInt(5),
            event, Map.of("step", Integer.toString(i)), Optional.empty());
        try {
          CallResult step = escalation.step(command.record());
          w.effects.get(id).addAll(step.effects());
          w.actions.add(new Submit(id, command));
          w.commands++;
        } catch (RefusedEvent refused) {
          // the host would have shown the refusal; nothing to store
        }
      }
    }
    w.actions.add(new Deliver());
    for (String id : ids) {
      w.logs.put(id, model.get(id).records());
    }
    return w;
  }

  private static CaseEvent event(EscalationState state, Instant at, Random random) {
    if (state.status() == EscalationState.Status.NOT_RAISED) {
      if (random.nextInt(3) == 0) {
        // the IRO's judgement that lets it start higher (Kent row 23)
        return new CaseEvent.Decide(at, "IRO", "proportionate", true);
      }
      return new CaseEvent.Raise(at, "IRO", random.nextBoolean() ? Optional.empty()
          : Optional.of(STAGES[3 + random.nextInt(4)]), Optional.of("serious concerns"));
    }
    // a response is accepted from the stage's respondent only: one of Kent's, the engine decides
    String anyone = RESPONDENTS[random.nextInt(RESPONDENTS.length)];
    return switch (random.nextInt(8)) {
      case 0 -> new CaseEvent.Respond(at, anyone, random.nextInt(4) == 0);
      case 1 -> new CaseEvent.Agree(at, "QAAssistantDirector");
      case 2 -> new CaseEvent.Advise(at, "LegalCounsel");
      case 3 -> new CaseEvent.SetAttribute(at, "for_alert", random.nextBoolean() ? "yes" : "no");
      case 4 -> new CaseEvent.Bypass(at, "IRO", STAGES[2 + random.nextInt(5)],
          Optional.of("urgent"));
      case 5 -> new CaseEvent.Respond(at, anyone, false);
      case 6 -> new CaseEvent.Decide(at, "IRO", "serious", true); // lets the IRO bypass (row 40)
      default -> new CaseEvent.SetAttribute(at, "obstacles_outside_control", "yes");
    };
  }

  /** Runs the workload against a store, from the start; what a host process does. */
  void run(EscalationStore store) {
    Scheduler scheduler = new Scheduler(store, 100);
    for (Action action : actions) {
      if (action instanceof Submit s) {
        store.submit(s.escalation(), PROTOCOL, s.command());
      } else if (action instanceof Tick t) {
        scheduler.tick(t.now());
      } else {
        store.deliver(25, item -> {});
      }
    }
    while (store.deliver(100, item -> {}) > 0) {
      // the rest of the outbox
    }
  }
}
