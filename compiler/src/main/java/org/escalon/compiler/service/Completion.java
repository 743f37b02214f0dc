package org.escalon.compiler.service;

/** One thing that may be written at a caret: a declared name, or a keyword when none fits. */
public record Completion(String label, String detail, Kind kind) {

  /** What a completion inserts. */
  public enum Kind {
    NAME,
    KEYWORD
  }
}
