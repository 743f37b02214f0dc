package org.escalon.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.escalon.calendar.WorkingCalendar;
import org.escalon.compiler.EscalonCompiler;
import org.escalon.compiler.diagnostics.SourceText;
import org.escalon.model.Protocol;

/** Kent's IRO protocol, compiled from the repository, and its calendar. */
final class Kent {

  static final Protocol PROTOCOL = compile();
  static final WorkingCalendar CALENDAR = WorkingCalendar.of(PROTOCOL.header().calendar(),
      PROTOCOL.header().zone());

  private Kent() {}

  private static Protocol compile() {
    Path file = Path.of(System.getProperty("escalon.root", "..")).resolve("protocols/kent-iro.esc");
    try {
      return new EscalonCompiler().compile(SourceText.of(file.getFileName().toString(),
          Files.readString(file))).protocol().orElseThrow();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
