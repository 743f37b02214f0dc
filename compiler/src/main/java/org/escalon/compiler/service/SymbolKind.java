package org.escalon.compiler.service;

/** The kinds of declared name an editor can point at, rename and complete. */
public enum SymbolKind {
  ROLE("role"),
  STAGE("stage"),
  OUTCOME("outcome"),
  ATTRIBUTE("attribute"),
  FORM("form"),
  EVENT("event"),
  SCALE("scale"),
  AGENCY("agency"),
  TRIGGER("trigger");

  private final String word;

  SymbolKind(String word) {
    this.word = word;
  }

  /** The keyword that declares a name of this kind. */
  public String word() {
    return word;
  }
}
