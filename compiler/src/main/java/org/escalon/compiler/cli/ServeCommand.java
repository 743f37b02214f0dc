package org.escalon.compiler.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.escalon.compiler.serve.WorkspaceServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code escalon serve [--port P] [FILE|DIR]}: the web workspace on this machine, until stopped.
 * A file opens that file, with its folder as the workspace; a folder opens its first protocol.
 */
@Command(name = "serve", description = "Opens the web workspace on localhost: an editor that "
    + "checks as you type, the ladder, the worst case, the verifier's findings and a play panel.")
final class ServeCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--port", paramLabel = "P", description = "the port (default: ${DEFAULT-VALUE};"
      + " 0 for any free one)", defaultValue = "7070")
  int port;

  @Option(names = "--host", paramLabel = "ADDRESS", description = "the address to listen on "
      + "(default: ${DEFAULT-VALUE}, this machine only)", defaultValue = "127.0.0.1")
  String host;

  @Parameters(paramLabel = "FILE|DIR", arity = "0..1", description = "a protocol file or a folder "
      + "of them (default: the current folder); files are read and written only under it")
  Path target;

  @Override
  public Integer call() throws IOException, InterruptedException {
    try {
      return serve();
    } catch (UsageError e) {
      PrintWriter err = spec.commandLine().getErr();
      err.println("escalon: " + e.getMessage());
      err.flush();
      return ExitCodes.USAGE;
    }
  }

  private int serve() throws IOException, InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    Path given = target == null ? Path.of(".") : target;
    if (!Files.exists(given)) {
      throw new UsageError("`" + given + "` does not exist: give a protocol file or a folder");
    }
    if (port < 0 || port > 65535) {
      throw new UsageError("`--port " + port + "` is not a port: give 0 to 65535");
    }
    boolean file = Files.isRegularFile(given);
    Path root = file ? given.toAbsolutePath().getParent() : given;
    String first = file ? given.getFileName().toString() : "";
    WorkspaceServer server;
    try {
      server = new WorkspaceServer(root, first, host, port);
    } catch (java.net.BindException e) {
      throw new UsageError("cannot listen on " + host + ":" + port + " (" + e.getMessage()
          + "): choose another port with --port");
    }
    server.start();
    out.println("Escalon workspace on http://" + host + ":" + server.port() + "/ ("
        + root.toRealPath() + "); Ctrl-C stops it");
    out.flush();
    new CountDownLatch(1).await();
    return ExitCodes.OK;
  }
}
