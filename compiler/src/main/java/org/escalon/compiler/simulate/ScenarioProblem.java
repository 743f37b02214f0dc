package org.escalon.compiler.simulate;

import java.util.Optional;

/** A mistake in a scenario or behaviour file: where, what, and how to put it right. */
public record ScenarioProblem(String file, int line, int column, int length, String message,
    Optional<String> help) {

  /** The problem as a person reads it, with the line and a caret under what is wrong. */
  public String render(String source) {
    String[] lines = source.split("\r?\n", -1);
    String text = line >= 1 && line <= lines.length ? lines[line - 1] : "";
    String number = Integer.toString(line);
    String pad = " ".repeat(number.length());
    StringBuilder out = new StringBuilder();
    out.append("error: ").append(message).append('\n');
    out.append(pad).append("--> ").append(file).append(':').append(line).append(':')
        .append(column).append('\n');
    out.append(pad).append(" |\n");
    out.append(number).append(" | ").append(text).append('\n');
    out.append(pad).append(" | ").append(" ".repeat(Math.max(0, column - 1)))
        .append("^".repeat(Math.max(1, length))).append('\n');
    help.ifPresent(h -> out.append(pad).append(" |\n").append(pad).append(" = help: ").append(h)
        .append('\n'));
    return out.toString();
  }
}
