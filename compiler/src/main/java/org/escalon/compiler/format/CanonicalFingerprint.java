package org.escalon.compiler.format;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.escalon.compiler.ast.ProtocolFile;

/**
 * The fingerprint of a protocol: the SHA-256 of its canonical `fmt` text, so that two files that
 * differ only in layout have the same fingerprint. The report prints it in every page's footer;
 * this is the one place it is computed.
 */
public final class CanonicalFingerprint {

  private CanonicalFingerprint() {}

  /** {@code sha256:} and 64 hexadecimal digits. */
  public static String of(ProtocolFile ast) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(AstPrinter.withoutColumns().print(ast).getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
