package org.escalon.engine;

import java.util.Optional;

/**
 * A stored escalation was written under another protocol than the one it is being restored
 * against: another name, another version, or rules that differ (another {@link Fingerprint}).
 * Restoring would reinterpret its log, so it is refused; a host moves it to the new version with
 * a migration instead. Names both sides.
 */
public final class ProtocolMismatch extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String storedName;
  private final String storedVersion;
  private final Optional<Fingerprint> stored;
  private final String currentName;
  private final String currentVersion;
  private final Fingerprint current;

  ProtocolMismatch(String storedName, String storedVersion, Optional<Fingerprint> stored,
      String currentName, String currentVersion, Fingerprint current) {
    this("the snapshot", storedName, storedVersion, stored, currentName, currentVersion,
        current);
  }

  /**
   * A stored escalation ({@code what}, for example "escalation k-17") that was written under
   * another protocol than {@code current}: for stores of escalations other than snapshots.
   */
  public ProtocolMismatch(String what, String storedName, String storedVersion,
      Optional<Fingerprint> stored, String currentName, String currentVersion,
      Fingerprint current) {
    super(what + " is of \"" + storedName + "\" version \"" + storedVersion + "\""
        + stored.map(f -> " (" + f + ")").orElse("") + ", not of \"" + currentName
        + "\" version \"" + currentVersion + "\" (" + current + "); restoring it would "
        + "reinterpret its log: restore it against the version it was written under, or "
        + "migrate it to this one");
    this.storedName = storedName;
    this.storedVersion = storedVersion;
    this.stored = stored;
    this.currentName = currentName;
    this.currentVersion = currentVersion;
    this.current = current;
  }

  public String storedName() {
    return storedName;
  }

  public String storedVersion() {
    return storedVersion;
  }

  /** The fingerprint the snapshot carries; empty for a snapshot written before fingerprints. */
  public Optional<Fingerprint> stored() {
    return stored;
  }

  public String currentName() {
    return currentName;
  }

  public String currentVersion() {
    return currentVersion;
  }

  public Fingerprint current() {
    return current;
  }
}
