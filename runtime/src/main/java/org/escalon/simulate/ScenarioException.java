package org.escalon.simulate;

/** A scenario or behaviour file that cannot be read: what is wrong, on which line and column. */
public final class ScenarioException extends Exception {

  private static final long serialVersionUID = 1L;

  private final String file;
  private final int line;
  private final int column;
  private final String help;

  public ScenarioException(String file, int line, int column, String message, String help) {
    super(message);
    this.file = file;
    this.line = line;
    this.column = column;
    this.help = help;
  }

  public String file() {
    return file;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }

  /** How to put it right; empty when there is nothing to add. */
  public String help() {
    return help;
  }
}
