package org.escalon.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the reference data copied into src/test/resources/calendar. */
final class TestData {

  private TestData() {}

  static String read(String name) {
    try (InputStream in = TestData.class.getResourceAsStream("/calendar/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource /calendar/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
