package org.example.kent;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.escalon.engine.CaseEvent;
import org.escalon.model.Protocol;
import org.escalon.store.Command;
import org.escalon.store.EscalationStore;
import org.escalon.store.OutboxItem;
import org.escalon.store.Receipt;
import org.escalon.store.Scheduler;
import org.escalon.store.Waiting;
import org.example.kent.escalation.KentIro;

/**
 * What the case-management system's web layer and timer call: every request carries its own id,
 * which becomes the command's idempotency key, so a request retried after a time-out is applied
 * once. Everything durable is in the store; this class holds nothing between calls, so any number
 * of processes may run it against one database.
 */
public final class EscalationService {

  /** The protocol, as the generated machine carries it. */
  public static final Protocol KENT = new KentIro().protocol();

  private final EscalationStore store;
  private final Scheduler scheduler;

  public EscalationService(DataSource data) {
    this.store = EscalationStore.open(data, List.of(KENT));
    this.scheduler = new Scheduler(store, 500);
  }

  /** The IRO raises an escalation about a child's case. */
  public Receipt raise(String caseId, String requestId, String user, Instant at, String reason) {
    return submit(caseId, Command.of(requestId, user, new CaseEvent.Raise(at, "IRO",
        Optional.empty(), Optional.of(reason))));
  }

  /**
   * The social worker's reply, received at {@code receivedOn} and keyed in at {@code keyedIn}:
   * a reply keyed in later than it came is recorded with its real date.
   */
  public Receipt reply(String caseId, String requestId, String user, Instant receivedOn,
      Instant keyedIn, boolean resolves) {
    Command command = new Command(requestId, user, new CaseEvent.Respond(receivedOn,
        "SocialWorker", resolves), Map.of("channel", "email"), Optional.empty());
    return submit(caseId, keyedIn.isAfter(receivedOn) ? command.enteredAt(keyedIn) : command);
  }

  /** A role's agreement or advice, one of the requirements of a referral to Cafcass. */
  public Receipt agree(String caseId, String requestId, String user, String role, Instant at) {
    return submit(caseId, Command.of(requestId, user, new CaseEvent.Agree(at, role)));
  }

  public Receipt advise(String caseId, String requestId, String user, String role, Instant at) {
    return submit(caseId, Command.of(requestId, user, new CaseEvent.Advise(at, role)));
  }

  /** The timer: lets deadlines and reminders pass for every escalation due. */
  public Scheduler.Tick tick(Instant now) {
    return scheduler.tick(now);
  }

  /** The escalations a person must unblock, and what each waits for. */
  public List<Waiting> waiting() {
    return scheduler.waiting();
  }

  /** Carries out what the escalations owe: every undelivered effect, oldest first. */
  public int deliver(Notifier notifier) {
    int total = 0;
    for (int n = store.deliver(100, notifier::send); n > 0; n = store.deliver(100,
        notifier::send)) {
      total += n;
    }
    return total;
  }

  /** Where an escalation stands, for the case page. */
  public Optional<org.escalon.engine.EscalationState> state(String caseId) {
    return store.load(caseId).map(l -> l.escalation().state());
  }

  private Receipt submit(String caseId, Command command) {
    return store.submit(caseId, KENT.name(), command);
  }

  /** Sends what the outbox holds: e-mails, tasks. Called at least once per item. */
  public interface Notifier {
    void send(OutboxItem item);
  }
}
