package org.escalon.model;

import java.util.List;

/** What must be true before a stage or an outcome may be entered. */
public sealed interface Precondition {

  SourceSpan span();

  /** These stages have been completed (entered and left without resolution). */
  record Completed(List<String> stages, SourceSpan span) implements Precondition {
    public Completed {
      stages = List.copyOf(stages);
    }
  }

  /** The role has agreed. */
  record Agreement(String role, SourceSpan span) implements Precondition {}

  /** The role's advice has been sought. */
  record Advice(String role, SourceSpan span) implements Precondition {}

  /**
   * A step done before the stage is entered ({@code requires notify QAServiceManager "..." by
   * QAManager}): every move into the stage waits until its role has reported it done.
   */
  record Done(Step step, SourceSpan span) implements Precondition {}

  /** A condition on the case holds. */
  record Holds(Condition condition, SourceSpan span) implements Precondition {}
}
