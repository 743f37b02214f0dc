package org.escalon.compiler.ast;

import java.util.List;

/**
 * How a step is written to be done: {@code via telephone or email} (the channels as written, each
 * checked against the language's channels) and {@code as good practice}.
 */
public record MannerExpr(List<Name> channels, boolean goodPractice) {

  /** A step that says neither. */
  public static final MannerExpr NONE = new MannerExpr(List.of(), false);

  public MannerExpr {
    channels = List.copyOf(channels);
  }
}
