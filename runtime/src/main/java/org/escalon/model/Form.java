package org.escalon.model;

import java.util.List;

/** A record the protocol keeps (an escalation notice, a resolution record) and its fields. */
public record Form(String name, String title, List<Field> fields, List<Citation> citations,
    SourceSpan span) {

  public Form {
    fields = List.copyOf(fields);
    citations = List.copyOf(citations);
  }

  /** A field of a form. */
  public record Field(String name, String title, FieldType type, List<String> choices) {
    public Field {
      choices = List.copyOf(choices);
    }
  }

  /** The kinds of value a field holds. */
  public enum FieldType {
    TEXT,
    DATE,
    NUMBER,
    YES_NO,
    STAGE,
    ROLE,
    CHOICE
  }
}
