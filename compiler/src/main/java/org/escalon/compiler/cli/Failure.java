package org.escalon.compiler.cli;

import java.io.PrintWriter;

/**
 * Why a command stopped: a usage error (exit 2) or a problem with the input or the output file
 * (exit 1). Carries no stack trace: it is reported as one line, or as the diagnostics already
 * printed.
 */
final class Failure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int exitCode;

  private Failure(String message, int exitCode) {
    super(message, null, false, false);
    this.exitCode = exitCode;
  }

  static Failure usage(String message) {
    return new Failure(message, ExitCodes.USAGE);
  }

  static Failure input(String message) {
    return new Failure(message, ExitCodes.FINDINGS);
  }

  /** Prints the message (if any) and returns the exit code. */
  int report(PrintWriter err) {
    if (getMessage() != null && !getMessage().isEmpty()) {
      err.println("escalon: " + getMessage());
    }
    err.flush();
    return exitCode;
  }
}
