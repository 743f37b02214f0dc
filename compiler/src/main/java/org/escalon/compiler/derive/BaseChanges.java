package org.escalon.compiler.derive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.escalon.compiler.Compilation;
import org.escalon.compiler.EscalonCompiler;
import org.escalon.compiler.diagnostics.SourceText;
import org.escalon.compiler.revision.Change;
import org.escalon.compiler.revision.Changes;

/**
 * What a protocol built on another changes, in words: the revision notes between its base and
 * itself, both as the tools see them. {@code check} and the report show them, {@code escalon diff
 * BASE DERIVED} prints them in full.
 *
 * @param base the base's path, as the derived file's {@code based on} resolves it
 * @param changes every difference, grouped as the revision notes group them
 */
public record BaseChanges(String base, List<Change> changes) {

  public BaseChanges {
    changes = List.copyOf(changes);
  }

  /** The changes of a compiled protocol from its base; empty if it is built on nothing. */
  public static Optional<BaseChanges> of(Compilation derived) {
    if (derived.ast().isEmpty() || derived.protocol().isEmpty()) {
      return Optional.empty();
    }
    return Derivation.basedOn(derived.ast().get()).flatMap(on -> {
      Path base = Path.of(derived.source().path()).resolveSibling(on.path().value()).normalize();
      try {
        Compilation b = new EscalonCompiler().compile(SourceText.of(base.toString(),
            Files.readString(base)));
        return b.protocol().map(p -> new BaseChanges(base.toString(),
            Changes.between(p, derived.protocol().get())));
      } catch (IOException e) {
        return Optional.empty(); // the derived protocol compiled, so its base was read: raced
      }
    });
  }
}
