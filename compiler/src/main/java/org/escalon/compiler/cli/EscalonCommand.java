package org.escalon.compiler.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Properties;
import org.escalon.calendar.OutsideCalendarException;
import org.escalon.compiler.diagnostics.Code;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code escalon} command: a language and compiler for escalation protocols. */
@Command(
    name = "escalon",
    mixinStandardHelpOptions = true,
    versionProvider = EscalonCommand.Version.class,
    description = "Checks, formats, explains and simulates escalation protocols (.esc files).",
    subcommands = {CheckCommand.class, FmtCommand.class, ExplainCommand.class, CalendarCommand.class,
        SimulateCommand.class, DiagramCommand.class, ExportCommand.class, ReportCommand.class,
        CompileCommand.class, VerifyCommand.class, LspCommand.class, ServeCommand.class,
        DiffCommand.class, MigratePlanCommand.class,
        CommandLine.HelpCommand.class})
public final class EscalonCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "say which command to run");
  }

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line with the given streams; returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new EscalonCommand());
    cli.setOut(new PrintWriter(new TerminalText(out), true));
    cli.setErr(new PrintWriter(new TerminalText(err), true));
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      Optional<OutsideCalendarException> outside = outsideCalendar(e);
      if (outside.isPresent()) {
        // a start too late or timescales too long: the user's input, said in words with the range
        commandLine.getErr().println("error[" + Code.E0310 + "]: " + outside.get().getMessage());
        commandLine.getErr().println("  = note: the working-day calendar counts from "
            + OutsideCalendarException.firstDay() + " to " + OutsideCalendarException.lastDay()
            + "; every date and deadline of an escalation must fall in it");
        commandLine.getErr().println("  = help: start the escalation earlier, or check the "
            + "timescales (a total of decades of working days is a typing mistake)");
        return ExitCodes.FINDINGS;
      }
      commandLine.getErr().println("escalon: internal error: " + e);
      commandLine.getErr().println("this is a bug in Escalon, not in your protocol; please report it");
      return ExitCodes.INTERNAL;
    });
    int code = cli.execute(args);
    cli.getOut().flush();
    cli.getErr().flush();
    return code;
  }

  private static Optional<OutsideCalendarException> outsideCalendar(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof OutsideCalendarException outside) {
        return Optional.of(outside);
      }
    }
    return Optional.empty();
  }

  /** Reads the version Maven wrote into the jar. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      Properties p = new Properties();
      try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
        if (in != null) {
          p.load(in);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return new String[] {"escalon " + p.getProperty("version", "unknown")};
    }
  }
}
