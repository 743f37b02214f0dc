package org.escalon.compiler.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads an input file (a protocol, scenario or behaviour) as UTF-8 text, refusing what is not an
 * ordinary file of a sane size before reading a byte: a FIFO blocks for ever and {@code /dev/zero}
 * never ends, so both are refused by kind, and a file past {@link #MAX_BYTES} by size.
 */
final class TextFile {

  /** The largest input read: far more than any policy, far less than the heap. */
  static final int MAX_BYTES = 8 * 1024 * 1024;

  /** Why a file could not be read, in words for the person who gave it, and how to fix it. */
  static final class Unreadable extends Exception {
    private static final long serialVersionUID = 1L;
    private final String help;

    Unreadable(String message, String help) {
      super(message, null, false, false);
      this.help = help;
    }

    String help() {
      return help;
    }
  }

  private TextFile() {}

  /** The text of {@code file}; {@code what} names it in messages ("the scenario"). */
  static String read(Path file, String what) throws Unreadable {
    String name = "`" + file + "`";
    if (!Files.exists(file)) {
      throw new Unreadable("there is no file " + name, "check the name and the folder");
    }
    if (!Files.isRegularFile(file)) {
      throw new Unreadable(name + " is not an ordinary file, so it cannot be " + what,
          "give the path of a text file (not a folder, pipe or device)");
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(MAX_BYTES + 1);
    } catch (IOException e) {
      throw new Unreadable(name + " cannot be read: " + e.getMessage(),
          "check that the file exists and can be read");
    }
    if (bytes.length > MAX_BYTES) {
      throw new Unreadable(name + " is larger than " + MAX_BYTES / (1024 * 1024)
          + " MiB, too large to be " + what, "give the path of the text file itself");
    }
    try {
      String text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      throw new Unreadable(name + " is not UTF-8 text",
          "save the file as UTF-8 (in Word: Save As, Plain Text, Unicode (UTF-8))");
    }
  }
}
