package org.escalon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The timeline table keeps its columns: in every golden timeline (the seeds' and the
 * constructs'), each deadline starts under the header's "Deadline", however long the step's words
 * or the list of recipients before it; a long cell wraps onto the lines below within its own
 * column. Before the fix, Kent's and St Helens' step rows pushed their deadlines to the right.
 */
class TimelineLayoutTest {

  @Test
  void everyDeadlineStandsInItsColumn() throws IOException {
    List<Path> goldens;
    try (Stream<Path> seeds = Files.list(Repository.root().resolve("protocols/timelines"));
        Stream<Path> constructs = Files.list(Path.of("src/test/resources/constructs/timelines"))) {
      goldens = Stream.concat(seeds, constructs).filter(p -> p.toString().endsWith(".txt"))
          .sorted().toList();
    }
    assertTrue(goldens.size() > 20, "goldens read: " + goldens.size());
    int rows = 0;
    for (Path golden : goldens) {
      List<String> lines = Files.readAllLines(golden);
      int header = lines.indexOf(lines.stream().filter(l -> l.startsWith("When ")).findFirst()
          .orElseThrow());
      int deadline = lines.get(header).indexOf("Deadline");
      int to = lines.get(header).indexOf("To ");
      for (String line : lines.subList(header + 1, lines.size())) {
        // a deadline cell is the last "close of" on a line, right of the What column
        int close = line.lastIndexOf("close of ");
        if (close > to) {
          assertEquals(deadline, close, golden + ": the deadline is out of its column in\n" + line);
          rows++;
        }
      }
    }
    assertTrue(rows > 100, "deadlines checked: " + rows);
  }
}
