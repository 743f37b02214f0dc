package org.escalon.compiler.revision;

import java.util.Optional;

/**
 * One thing a revision changes, in the protocol's terms: its group, whether something was added,
 * removed or changed, what it concerns ("stage 3", "the right of IRO to bypass"), a sentence a
 * board can read, and the ladder levels it marks in the old and the new diagram (ids as
 * {@link org.escalon.compiler.diagram.LadderBuilder#id} gives them).
 */
public record Change(Group group, Kind kind, String subject, String text, Optional<String> before,
    Optional<String> after) {

  /** How the thing changed; a stage renumbered or retitled is {@code RENAMED}. */
  public enum Kind {
    ADDED,
    REMOVED,
    CHANGED,
    RENAMED,
    MOVED
  }

  /** The groups of the change list, in the order a board reads them. */
  public enum Group {
    STAGES("Stages and outcomes"),
    TIMESCALES("Timescales"),
    RECIPIENTS("Recipients and copy lists"),
    DUTIES("What is done at each level"),
    RIGHTS("Rights"),
    PRECONDITIONS("Preconditions"),
    EXTENSIONS("Extensions"),
    TRIGGERS("Triggers"),
    CHECKS("Limits and properties"),
    CALENDAR("Calendar and closures"),
    PEOPLE("Roles, case facts and records"),
    HEADER("Header"),
    CITATIONS("Citations");

    private final String title;

    Group(String title) {
      this.title = title;
    }

    public String title() {
      return title;
    }
  }
}
