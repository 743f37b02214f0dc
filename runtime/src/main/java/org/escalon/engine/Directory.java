package org.escalon.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The host's directories ("single points of contact", a liaison-officer search): for a role the
 * protocol looks up ({@code role SLO "..." looked up in directory "single points of contact" per
 * agency}), who holds it, in each agency when the lookup is per agency. Immutable; built with
 * {@link #builder()}. The runtime only reads it: keeping it current is the host's.
 */
public final class Directory {

  /** Who holds a role: a name and an address to send to (an e-mail, a team inbox, a phone). */
  public record Contact(String name, String address) {
    public Contact {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(address, "address");
    }
  }

  /** One entry: in {@code directory}, the holder of {@code role} in {@code agency} (if per agency). */
  private record Key(String directory, Optional<String> agency, String role) {}

  private final Map<Key, Contact> entries;

  private Directory(Map<Key, Contact> entries) {
    this.entries = Map.copyOf(entries);
  }

  /** A directory with no entries: every lookup finds no one. */
  public static Directory empty() {
    return new Directory(Map.of());
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Who holds {@code role} in {@code agency} according to the directory named {@code directory};
   * {@code agency} is empty for a lookup that is not per agency.
   */
  public Optional<Contact> lookUp(String directory, String role, Optional<String> agency) {
    return Optional.ofNullable(entries.get(new Key(directory, agency, role)));
  }

  /** Builds a {@link Directory}; a later entry for the same directory, agency and role wins. */
  public static final class Builder {
    private final Map<Key, Contact> entries = new LinkedHashMap<>();

    private Builder() {}

    /** In {@code directory}, {@code contact} holds {@code role} in {@code agency}. */
    public Builder add(String directory, String agency, String role, Contact contact) {
      entries.put(new Key(directory, Optional.of(agency), role), contact);
      return this;
    }

    /** In {@code directory}, {@code contact} holds {@code role} (a lookup not per agency). */
    public Builder add(String directory, String role, Contact contact) {
      entries.put(new Key(directory, Optional.empty(), role), contact);
      return this;
    }

    public Directory build() {
      return new Directory(entries);
    }
  }

  /** The agencies of one case: the raiser's own, and the other agency escalated to. */
  public record Agencies(String own, String other) {
    public Agencies {
      Objects.requireNonNull(own, "own");
      Objects.requireNonNull(other, "other");
    }

    /** In the order the engine looks them up for {@code in both agencies}: own, then other. */
    public List<String> both() {
      return own.equals(other) ? List.of(own) : List.of(own, other);
    }
  }
}
