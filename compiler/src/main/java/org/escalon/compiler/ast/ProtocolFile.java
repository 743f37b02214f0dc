package org.escalon.compiler.ast;

import java.util.List;
import org.escalon.model.SourceSpan;

/**
 * A whole protocol file: the protocol's name, its statements in source order, and the comments
 * that stand before and after the {@code protocol} block.
 */
public record ProtocolFile(
    List<Comment> leadingComments,
    Text name,
    List<Decl> decls,
    List<Comment> trailingComments,
    SourceSpan span) {

  public ProtocolFile {
    leadingComments = List.copyOf(leadingComments);
    decls = List.copyOf(decls);
    trailingComments = List.copyOf(trailingComments);
  }

  /** The declarations of one kind, in source order. */
  public <T extends Decl> List<T> all(Class<T> kind) {
    return decls.stream().filter(kind::isInstance).map(kind::cast).toList();
  }
}
