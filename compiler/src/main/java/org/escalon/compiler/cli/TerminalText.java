package org.escalon.compiler.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;
import org.escalon.simulate.Escapes;

/**
 * Everything a command prints to standard output or error goes through here, so no protocol text
 * (a stage title with ESC, BEL or NUL in it, a bidirectional override) can drive the terminal:
 * each character {@link Escapes#unsafe} names is shown as {@code \\u} and its four hex digits. A
 * carriage return stays only before a line feed, as CSV ends its lines. Files written with
 * {@code -o} are escaped by their own format instead.
 */
final class TerminalText extends FilterWriter {

  private boolean carriageReturn;
  private char highSurrogate;

  TerminalText(Writer out) {
    super(out);
  }

  @Override
  public void write(int c) throws IOException {
    char ch = (char) c;
    if (carriageReturn) {
      carriageReturn = false;
      if (ch == '\n') {
        out.write("\r\n");
        return;
      }
      out.write("\\u000D");
    }
    if (highSurrogate != 0) {
      char high = highSurrogate;
      highSurrogate = 0;
      if (Character.isLowSurrogate(ch)) {
        out.write(high);
        out.write(ch);
        return;
      }
      out.write(Escapes.visible(String.valueOf(high)));
    }
    if (ch == '\r') {
      carriageReturn = true;
    } else if (Character.isHighSurrogate(ch)) {
      highSurrogate = ch;
    } else {
      out.write(Escapes.visible(String.valueOf(ch)));
    }
  }

  @Override
  public void write(char[] buffer, int offset, int length) throws IOException {
    for (int i = 0; i < length; i++) {
      write(buffer[offset + i]);
    }
  }

  @Override
  public void write(String s, int offset, int length) throws IOException {
    if (!carriageReturn && highSurrogate == 0 && plain(s, offset, length)) {
      out.write(s, offset, length); // the usual case: nothing to escape
      return;
    }
    for (int i = 0; i < length; i++) {
      write(s.charAt(offset + i));
    }
  }

  private static boolean plain(String s, int offset, int length) {
    for (int i = offset; i < offset + length; i++) {
      char c = s.charAt(i);
      if (c < 0x20 && c != '\n' && c != '\t' || c >= 0x7F && (c <= 0x9F || c >= 0x2000)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void flush() throws IOException {
    // a carriage return or half a pair held back is written once it is known what follows
    out.flush();
  }

  @Override
  public void close() throws IOException {
    if (carriageReturn) {
      out.write("\\u000D");
    }
    if (highSurrogate != 0) {
      out.write(Escapes.visible(String.valueOf(highSurrogate)));
    }
    carriageReturn = false;
    highSurrogate = 0;
    out.close();
  }
}
