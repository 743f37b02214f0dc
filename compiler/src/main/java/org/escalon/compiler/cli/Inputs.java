package org.escalon.compiler.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.escalon.compiler.diagnostics.Code;
import org.escalon.compiler.diagnostics.Diagnostic;
import org.escalon.compiler.diagnostics.SourceText;

/** Finds the protocol files a command was given (files, or the *.esc files of folders) and reads them. */
final class Inputs {

  /** A file read, or the reason it could not be (E0107). */
  record Input(String path, SourceText source, Diagnostic problem) {
    boolean readable() {
      return problem == null;
    }
  }

  private Inputs() {}

  static List<Input> read(List<Path> arguments) {
    List<Input> inputs = new ArrayList<>();
    for (Path argument : arguments) {
      if (Files.isDirectory(argument)) {
        List<Path> found = protocolsIn(argument);
        if (found.isEmpty()) {
          inputs.add(problem(argument.toString(), "the folder `" + argument
              + "` holds no protocol files (*.esc)", "give a folder that holds .esc files"));
        }
        found.forEach(p -> inputs.add(read(p)));
      } else {
        inputs.add(read(argument));
      }
    }
    return inputs;
  }

  private static List<Path> protocolsIn(Path folder) {
    // only the folder's own files: build output (target/) holds copies of the protocols
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(p -> p.toString().endsWith(".esc") && Files.isRegularFile(p))
          .sorted().toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  private static Input read(Path file) {
    String path = file.toString();
    try {
      return new Input(path, SourceText.of(path, TextFile.read(file, "a protocol")), null);
    } catch (TextFile.Unreadable e) {
      return problem(path, e.getMessage(), e.help());
    }
  }

  private static Input problem(String path, String message, String help) {
    return new Input(path, SourceText.of(path, ""),
        Diagnostic.of(Code.E0107, message).help(help).build());
  }
}
