package org.escalon.machine;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Collects the names guards read: stages completed, agreements, advice, attributes ({@code read}),
 * the times a trigger's rule waits for ({@code waits}: each {@code at least D since EVENT}), and the
 * steps stages require done before they are entered ({@code done}).
 * The rest of the history a trigger reads (events, gradings) is not collected. The verifier keeps
 * these facts in its states; the Java generator, fields for the attributes.
 */
public record GuardReads(Set<String> completed, Set<String> agreed, Set<String> advised,
    Set<String> read, Set<Guard.Elapsed> waits, Set<Guard.Done> done)
    implements Guard.Visitor<Void> {

  /** Empty sets, in the order the names are met. */
  public GuardReads() {
    this(new LinkedHashSet<>(), new LinkedHashSet<>(), new LinkedHashSet<>(),
        new LinkedHashSet<>(), new LinkedHashSet<>(), new LinkedHashSet<>());
  }

  /** Collects names into these sets; the waits and steps done are not kept. */
  public GuardReads(Set<String> completed, Set<String> agreed, Set<String> advised,
      Set<String> read) {
    this(completed, agreed, advised, read, new LinkedHashSet<>(), new LinkedHashSet<>());
  }

  /** Adds the names the guard reads; returns this. */
  public GuardReads add(Guard guard) {
    guard.accept(this);
    return this;
  }

  @Override
  public Void always() {
    return null;
  }

  @Override
  public Void attribute(Guard.Attribute g) {
    read.add(g.name());
    return null;
  }

  @Override
  public Void completed(Guard.Completed g) {
    completed.add(g.stage());
    return null;
  }

  @Override
  public Void agreed(Guard.Agreed g) {
    agreed.add(g.role());
    return null;
  }

  @Override
  public Void advised(Guard.Advised g) {
    advised.add(g.role());
    return null;
  }

  @Override
  public Void done(Guard.Done g) {
    done.add(g);
    return null;
  }

  // the history a trigger reads is not kept after the raise
  @Override
  public Void occurred(Guard.Occurred g) {
    return null;
  }

  @Override
  public Void graded(Guard.Graded g) {
    return null;
  }

  @Override
  public Void elapsed(Guard.Elapsed g) {
    waits.add(g);
    return null;
  }

  @Override
  public Void not(Guard.Not g) {
    return g.operand().accept(this);
  }

  @Override
  public Void and(Guard.And g) {
    g.left().accept(this);
    return g.right().accept(this);
  }

  @Override
  public Void or(Guard.Or g) {
    g.left().accept(this);
    return g.right().accept(this);
  }
}
