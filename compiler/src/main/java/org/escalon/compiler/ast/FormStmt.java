package org.escalon.compiler.ast;

import java.util.List;
import java.util.Optional;
import org.escalon.model.SourceSpan;

/** A statement inside a form's block. */
public sealed interface FormStmt permits Comment, FormStmt.Field, FormStmt.Source {

  /** {@code field child_name "Name of Child" text}. */
  record Field(
      Name name, Optional<Text> title, FieldType type, Optional<SourceRef> citation, SourceSpan span)
      implements FormStmt {}

  /** A field's type; {@code choices} is only used by {@link Kind#CHOICE}. */
  record FieldType(Kind kind, List<Name> choices) {
    public FieldType {
      choices = List.copyOf(choices);
    }

    /** The kinds of value a form field holds. */
    public enum Kind {
      TEXT,
      DATE,
      NUMBER,
      YES_NO,
      STAGE,
      ROLE,
      CHOICE
    }
  }

  /** {@code source "..."}. */
  record Source(SourceRef citation) implements FormStmt {}
}
