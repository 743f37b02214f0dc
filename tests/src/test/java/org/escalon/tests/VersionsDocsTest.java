package org.escalon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.escalon.engine.Snapshot;
import org.escalon.model.Protocol;
import org.junit.jupiter.api.Test;

/**
 * The examples of docs/versions.md: each {@code console} block's command is run and prints the
 * lines shown, in order, and exits as the block's last line says; the {@code snapshot} block is
 * what Kent's snapshot begins with (hashes aside); the {@code java} block compiles and runs, and
 * prints the {@code text} block.
 */
class VersionsDocsTest {

  private static final Pattern BLOCK = Pattern.compile("^```(\\w+)\\s*\\n(.*?)^```",
      Pattern.MULTILINE | Pattern.DOTALL);
  private static final String PAGE = Repository.read(Repository.root().resolve(
      "docs/versions.md"));

  @Test
  void theCommandsPrintWhatThePageSays() {
    int commands = 0;
    for (String block : blocks("console")) {
      List<String> lines = new ArrayList<>(block.lines().toList());
      String command = lines.remove(0);
      assertTrue(command.startsWith("$ escalon "), command);
      String exit = lines.remove(lines.size() - 1);
      List<String> args = new ArrayList<>();
      for (String word : command.substring("$ escalon ".length()).split(" +")) {
        args.add(word.endsWith(".esc") ? Repository.root().resolve(word).toString() : word);
      }
      Repository.Run run = Repository.cli(args.toArray(String[]::new));
      assertEquals(exit, "[exit " + run.exitCode() + "]", command + "\n" + run.err());
      inOrder(lines, run.out(), command);
      commands++;
    }
    assertTrue(commands >= 4, "the page runs its commands: " + commands);
  }

  @Test
  void theSnapshotIsWhatKentWrites() {
    String snapshot = Snapshot.write(VersionsTest.kentUntil(VersionsTest.KENT,
        Instant.parse("2027-01-12T12:00:00Z")));
    String shown = blocks("snapshot").get(0);
    assertTrue(hashless(snapshot).startsWith(hashless(shown)), snapshot);
  }

  @Test
  void theMigrationExampleCompilesRunsAndPrintsWhatThePageSays() throws Exception {
    InMemoryJavac.Result result = InMemoryJavac.compile(Map.of("org.example.host.MoveToVersion2",
        blocks("java").get(0)));
    assertTrue(result.compiled(), String.join("\n", result.messages()));
    Object printed = result.loader().loadClass("org.example.host.MoveToVersion2")
        .getMethod("run", Protocol.class, Protocol.class)
        .invoke(null, VersionsTest.KENT, MigrationTest.KENT_V2);
    assertEquals(blocks("text").get(0), printed);
  }

  private static String hashless(String text) {
    return text.replaceAll("[0-9a-f]{16}", "HASH");
  }

  private static void inOrder(List<String> lines, String out, String command) {
    int from = 0;
    for (String line : lines) {
      if (line.isBlank()) {
        continue;
      }
      int at = out.indexOf(line.strip(), from);
      assertTrue(at >= 0, command + " prints \"" + line.strip() + "\" after the line before:\n"
          + out);
      from = at + line.strip().length();
    }
  }

  private static List<String> blocks(String language) {
    List<String> found = new ArrayList<>();
    Matcher m = BLOCK.matcher(PAGE);
    while (m.find()) {
      if (m.group(1).equals(language)) {
        found.add(m.group(2));
      }
    }
    return found;
  }

}
