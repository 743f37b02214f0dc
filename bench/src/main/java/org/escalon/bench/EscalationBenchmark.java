package org.escalon.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.escalon.calendar.WorkingCalendar;
import org.escalon.compiler.Compilation;
import org.escalon.compiler.EscalonCompiler;
import org.escalon.compiler.diagnostics.SourceText;
import org.escalon.engine.CaseEvent;
import org.escalon.engine.Escalation;
import org.escalon.engine.EscalationListener;
import org.escalon.engine.EscalationState;
import org.escalon.model.Protocol;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The engine running Kent's IRO protocol end to end: raise, then let every deadline pass with no
 * response (informal resolution and stages 1 to 6: seven deadlines), until the escalation waits
 * for its outcome, the referral to Cafcass; that needs the agreement of the Assistant Director of
 * QA and the advice of legal counsel, which are given the day after, and the escalation ends. The
 * protocol is compiled once; each call builds a fresh {@link Escalation} and returns its final
 * state.
 *
 * <p>Two ways to build it: {@link #raiseAndRunOut} shares one {@link WorkingCalendar}, built in
 * {@code @Setup}, as a host running many cases of one protocol would; {@link
 * #escalationOfRaiseAndRunOut} calls {@link Escalation#of}, which builds the protocol's calendar
 * (its working-day index over 1970 to 2100) anew for every escalation. The difference is the cost
 * of that calendar.
 *
 * <p>The protocol is read from the folder in the system property {@code escalon.protocols}, else
 * {@code ../protocols} (running from {@code bench/}), else {@code protocols} (running from the
 * repository root). A forked JMH run inherits the {@code -D} options given to {@code java}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EscalationBenchmark {

  static final String PROTOCOL = "kent-iro.esc";

  /** Monday 2 March 2026, 09:30 in London (GMT). */
  static final Instant RAISED = Instant.parse("2026-03-02T09:30:00Z");

  private static final java.time.Duration ONE_DAY = java.time.Duration.ofDays(1);

  private Protocol protocol;
  private WorkingCalendar calendar;

  @Setup
  public void setUp() throws IOException {
    Path file = protocolFile();
    String text = Files.readString(file, StandardCharsets.UTF_8);
    Compilation compilation = new EscalonCompiler().compile(SourceText.of(file.toString(), text));
    protocol = compilation.protocol().orElseThrow(() -> new IllegalStateException(
        file + " does not compile: " + compilation.diagnostics()));
    calendar = WorkingCalendar.of(protocol.header().calendar(), protocol.header().zone());
    for (EscalationState end : List.of(raiseAndRunOut(), escalationOfRaiseAndRunOut())) {
      if (end.status() != EscalationState.Status.ENDED
          || !end.outcome().equals(Optional.of("cafcass"))) {
        throw new IllegalStateException("the escalation did not end at cafcass: " + end);
      }
    }
  }

  static Path protocolFile() {
    String property = System.getProperty("escalon.protocols");
    List<Path> folders = property != null
        ? List.of(Path.of(property))
        : List.of(Path.of("..", "protocols"), Path.of("protocols"));
    for (Path folder : folders) {
      Path file = folder.resolve(PROTOCOL);
      if (Files.isRegularFile(file)) {
        return file;
      }
    }
    throw new IllegalStateException("cannot find " + PROTOCOL + " in " + folders
        + "; give its folder with -Descalon.protocols=PATH");
  }

  /** The engine alone: a fresh escalation on the calendar built once in {@code @Setup}. */
  @Benchmark
  public EscalationState raiseAndRunOut() {
    return runOut(new Escalation(protocol, calendar, new EscalationListener() {}));
  }

  /** The same, through {@link Escalation#of}: builds the protocol's calendar every time. */
  @Benchmark
  public EscalationState escalationOfRaiseAndRunOut() {
    return runOut(Escalation.of(protocol));
  }

  private static EscalationState runOut(Escalation escalation) {
    escalation.apply(new CaseEvent.Raise(RAISED, "IRO", Optional.empty(), Optional.empty()));
    boolean preconditionsGiven = false;
    while (escalation.state().status() != EscalationState.Status.ENDED) {
      Optional<Instant> due = escalation.nextDue();
      if (due.isPresent()) {
        escalation.advanceTo(due.get());
      } else if (!preconditionsGiven && escalation.state().waitingFor().isPresent()) {
        // Waiting for Cafcass: "agreement would be required from the Assistant Director of QA
        // and guidance from the IRO legal counsel sought".
        Instant next = escalation.state().lastEventAt().orElseThrow().plus(ONE_DAY);
        escalation.apply(new CaseEvent.Agree(next, "QAAssistantDirector"));
        escalation.apply(new CaseEvent.Advise(next, "LegalCounsel"));
        preconditionsGiven = true;
      } else {
        break; // stuck: setUp reports it
      }
    }
    return escalation.state();
  }
}
