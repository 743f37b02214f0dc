package org.escalon.maven;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.escalon.compiler.diagnostics.SourceText;

/** The protocol files of a folder, read as the compiler wants them. */
final class ProtocolFiles {

  private ProtocolFiles() {}

  /** The folder's own {@code *.esc} files (not its subfolders'), sorted. */
  static List<Path> in(Path folder) throws MojoExecutionException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(p -> p.toString().endsWith(".esc") && Files.isRegularFile(p))
          .sorted().toList();
    } catch (IOException e) {
      throw new MojoExecutionException("escalon: cannot list " + folder, e);
    }
  }

  /** A protocol file as UTF-8 text, a byte-order mark dropped. */
  static SourceText read(Path file) throws MojoFailureException {
    try {
      String text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
      return SourceText.of(file.toString(), text.startsWith("\uFEFF") ? text.substring(1) : text);
    } catch (CharacterCodingException e) {
      throw new MojoFailureException("escalon: " + file + " is not UTF-8 text");
    } catch (IOException e) {
      throw new MojoFailureException("escalon: cannot read " + file + ": " + e.getMessage());
    }
  }
}
