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
    this.err = err;
    this.total = total;
    this.shown = shown && total >= 10_000;
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
