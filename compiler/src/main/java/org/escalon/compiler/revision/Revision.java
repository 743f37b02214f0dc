package org.escalon.compiler.revision;

import java.util.List;
import java.util.Optional;
import org.escalon.model.Protocol;

/**
 * A revision of a protocol as a board reviews it: the two versions (and the files they came
 * from), what changed, and what that does to a concern.
 */
public record Revision(Protocol before, Protocol after, String beforeFile, String afterFile,
    List<Change> changes, Consequences consequences, Optional<String> behaviour) {

  public Revision {
    changes = List.copyOf(changes);
  }

  /** Whether anything changed (the versions mean the same when nothing did). */
  public boolean changed() {
    return !changes.isEmpty();
  }
}
