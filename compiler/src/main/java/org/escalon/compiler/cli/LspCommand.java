package org.escalon.compiler.cli;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.escalon.compiler.lsp.EscalonLanguageServer;
import picocli.CommandLine.Command;

/**
 * {@code escalon lsp}: the language server on standard input and output, until the editor says
 * {@code exit} or closes the stream. Standard output carries the protocol and nothing else.
 */
@Command(name = "lsp", description = "Runs the language server (Language Server Protocol) on "
    + "standard input and output, for an editor such as VS Code.")
final class LspCommand implements Callable<Integer> {

  @Override
  public Integer call() throws InterruptedException {
    return serve(System.in, System.out);
  }

  static int serve(InputStream in, OutputStream out) throws InterruptedException {
    CompletableFuture<Void> exited = new CompletableFuture<>();
    EscalonLanguageServer server = new EscalonLanguageServer(() -> exited.complete(null));
    Launcher<LanguageClient> launcher = LSPLauncher.createServerLauncher(server, in, out);
    server.connect(launcher.getRemoteProxy());
    Future<Void> listening = launcher.startListening();
    CompletableFuture<Void> closed = CompletableFuture.runAsync(() -> {
      try {
        listening.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (ExecutionException e) {
        // the stream failed: the editor has gone, which ends the server as closing it does
      }
    });
    try {
      CompletableFuture.anyOf(exited, closed).get();
    } catch (ExecutionException e) {
      return ExitCodes.INTERNAL;
    }
    listening.cancel(true);
    // the protocol: exit after shutdown is 0, exit without it (or the stream closed) is 1
    return server.shutDown() ? ExitCodes.OK : ExitCodes.FINDINGS;
  }
}
