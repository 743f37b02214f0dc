package org.escalon.tests;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Headless Chromium, for the tests that look at the report as a reader would: each run has a new
 * empty profile and no network beyond the page's own file.
 */
final class Chromium {

  /** What a run printed. */
  record Run(int exitCode, String out, String err) {}

  private final Path executable;
  private final Path profiles;

  private Chromium(Path executable, Path profiles) {
    this.executable = executable;
    this.profiles = profiles;
  }

  /** Chromium from the PATH, if it is installed; profiles go under {@code work}. */
  static Optional<Chromium> find(Path work) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
        Path candidate = Path.of(dir, name);
        if (Files.isExecutable(candidate)) {
          return Optional.of(new Chromium(candidate, work));
        }
      }
    }
    return Optional.empty();
  }

  /** Loads a page with extra flags (such as {@code --dump-dom}), console messages on stderr. */
  Run run(Path page, String... flags) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory(Files.createDirectories(profiles), "profile");
    List<String> command = new ArrayList<>(List.of(executable.toString(), "--headless",
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0"));
    command.addAll(List.of(flags));
    command.add(page.toUri().toString());
    Path out = profile.resolve("stdout.txt");
    Path err = profile.resolve("stderr.txt");
    Process process = new ProcessBuilder(command).redirectOutput(out.toFile())
        .redirectError(err.toFile()).start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IOException("chromium did not finish in two minutes: " + command);
    }
    return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  /** The messages the page wrote to the console (there should be none: it has no scripts). */
  static List<String> consoleMessages(Run run) {
    return run.err().lines().filter(l -> l.contains(":CONSOLE")).toList();
  }
}
