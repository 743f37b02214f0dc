package org.escalon.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.escalon.model.Protocol;
import org.escalon.model.Role;

/**
 * A listener that looks up, in the host's {@link Directory}, who holds each role the protocol
 * looks up ({@code looked up in directory "..." per agency}) when an escalation is sent to it,
 * records who was addressed, and hands every effect on to the host's listener unchanged. It wraps
 * the listener of the engine ({@link Escalation}) or of a generated machine alike, so both record
 * the same. Who is addressed is looked up when the effect is told: a log replayed later looks up
 * again in the directory as it is then.
 *
 * <p>Which agencies: a role looked up per agency is looked up in each agency of the case when the
 * step says {@code in both agencies}, else in the other agency (the one escalated to); a role not
 * looked up per agency is looked up once.
 */
public final class Addressing implements EscalationListener {

  /**
   * One role addressed at a stage: who holds it in the agency ({@code agency} empty for a lookup
   * not per agency), from the directory named; {@code contact} empty when the directory has no
   * entry, which the host must then resolve by hand.
   */
  public record Addressed(String where, String role, Optional<String> agency, String directory,
      Optional<Directory.Contact> contact) {

    /** In words, as a timeline or a report says it: "LiaisonOfficer of police, from ...". */
    public String describe() {
      return role + agency.map(a -> " of " + a).orElse("") + ", from the directory \""
          + directory + "\": " + contact.map(c -> c.name() + " <" + c.address() + ">")
              .orElse("no entry");
    }
  }

  private final Protocol protocol;
  private final Directory directory;
  private final Directory.Agencies agencies;
  private final EscalationListener host;
  private final List<Addressed> addressed = new ArrayList<>();

  /**
   * Looks up the protocol's roles in {@code directory} for a case between {@code agencies}, both
   * of which the protocol must declare when it looks a role up per agency.
   */
  public Addressing(Protocol protocol, Directory directory, Directory.Agencies agencies,
      EscalationListener host) {
    this.protocol = Objects.requireNonNull(protocol, "protocol");
    this.directory = Objects.requireNonNull(directory, "directory");
    this.agencies = Objects.requireNonNull(agencies, "agencies");
    this.host = Objects.requireNonNull(host, "host");
    boolean perAgency = protocol.roles().stream()
        .anyMatch(r -> r.lookup().map(Role.Lookup::perAgency).orElse(false));
    for (String a : agencies.both()) {
      if (perAgency && protocol.agencies().stream().noneMatch(x -> x.name().equals(a))) {
        throw new IllegalArgumentException("the protocol has no agency " + a);
      }
    }
  }

  /** Who was addressed, in the order the escalation was sent. */
  public List<Addressed> addressed() {
    return List.copyOf(addressed);
  }

  /** Who the roles of one {@code to} effect are, from the directories: none for other roles. */
  public List<Addressed> lookUp(Effect.EscalateTo e) {
    List<Addressed> out = new ArrayList<>();
    for (String name : e.roles()) {
      Optional<Role.Lookup> lookup = protocol.role(name).flatMap(Role::lookup);
      if (lookup.isEmpty()) {
        continue;
      }
      List<Optional<String>> in = !lookup.get().perAgency() ? List.of(Optional.empty())
          : e.bothAgencies() ? agencies.both().stream().map(Optional::of).toList()
          : List.of(Optional.of(agencies.other()));
      for (Optional<String> agency : in) {
        out.add(new Addressed(e.where(), name, agency, lookup.get().directory(),
            directory.lookUp(lookup.get().directory(), name, agency)));
      }
    }
    return out;
  }

  @Override
  public void escalate(Effect.EscalateTo effect) {
    addressed.addAll(lookUp(effect));
    host.escalate(effect);
  }

  /** Every other effect, to the host's callback of its kind. */
  @Override
  public void heard(Effect effect) {
    EscalationListener.deliver(effect, host);
  }
}
