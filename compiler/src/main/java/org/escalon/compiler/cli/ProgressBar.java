package org.escalon.compiler.cli;

import java.io.PrintWriter;
import java.util.Locale;

/** A progress bar on the terminal for long population runs; silent when output is not a terminal. */
final class ProgressBar {

  private static final int WIDTH = 30;

  private final PrintWriter err;
  private final long total;
  private final boolean shown;
  private int lastPercent = -1;

  ProgressBar(PrintWriter err, long total, boolean shown) {
    this.total = total;
    this.shown = shown && total >= 10_000;
    // the bar is drawn only when standard error is a terminal, with carriage returns of its own;
    // everything else on it goes through TerminalText, which shows a carriage return as \r
    this.err = this.shown ? new PrintWriter(System.err, true) : err;
  }

  /**
   * Whether standard error is a terminal. Java 17 can ask only about standard output (through
   * {@link System#console}), and a report is often redirected to a file while the bar should still
   * show, so on Linux the bar asks where file descriptor 2 leads.
   */
  static boolean stderrIsTerminal() {
    try {
      String target = java.nio.file.Files.readSymbolicLink(
          java.nio.file.Path.of("/proc/self/fd/2")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (java.io.IOException | UnsupportedOperationException | SecurityException e) {
      return System.console() != null;
    }
  }

  synchronized void update(long done) {
    if (!shown) {
      return;
    }
    int percent = (int) (100 * done / total);
    if (percent == lastPercent) {
      return;
    }
    lastPercent = percent;
    int filled = percent * WIDTH / 100;
    err.print(String.format(Locale.ROOT, "\r[%s%s] %3d%%  %,d of %,d cases", "#".repeat(filled),
        " ".repeat(WIDTH - filled), percent, done, total));
    err.flush();
  }

  void finish() {
    if (shown) {
      err.print("\r" + " ".repeat(WIDTH + 40) + "\r");
      err.flush();
    }
  }
}
