package org.escalon.store;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/hosting.md cannot drift from the example host: every Java block in it is a verbatim part
 * of a source file of examples/kent-host, which the build compiles and tests.
 */
class HostingDocTest {

  private static final Pattern JAVA = Pattern.compile("^```java\\n(.*?)^```",
      Pattern.MULTILINE | Pattern.DOTALL);

  @Test
  void everyJavaBlockOfTheGuideIsCodeOfTheExampleHost() throws IOException {
    Path root = Path.of(System.getProperty("escalon.root", ".."));
    String guide = Files.readString(root.resolve("docs/hosting.md"));
    List<String> sources = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root.resolve("examples/kent-host/src"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        sources.add(Files.readString(f));
      }
    }
    Matcher m = JAVA.matcher(guide);
    int blocks = 0;
    while (m.find()) {
      String block = m.group(1);
      blocks++;
      assertTrue(sources.stream().anyMatch(s -> s.contains(block)),
          "docs/hosting.md has Java the example host does not:\n" + block);
    }
    assertTrue(blocks >= 5, "the guide shows the example's code: " + blocks + " blocks");
  }
}
