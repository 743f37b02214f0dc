package org.escalon.compiler.cli;

/** Bad input on the command line: reported as one {@code escalon: ...} line, exit code 2. */
final class UsageError extends RuntimeException {

  private static final long serialVersionUID = 1L;

  UsageError(String message) {
    super(message, null, false, false);
  }
}
