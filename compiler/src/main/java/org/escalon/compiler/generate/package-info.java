/**
 * Code generation: from a checked protocol (the runtime's {@code Protocol} model) to Java
 * sources with JavaPoet. Input: a protocol, a package and a class name. Output: two files, the
 * state machine (which implements {@code EscalationMachine}, with enums for the protocol's
 * stages, outcomes and roles, typed event methods, a typed listener and an immutable state) and
 * its model. Invariants: the output depends on the protocol alone (the same protocol gives the
 * same bytes; spans name the protocol file without its folder); it compiles under {@code
 * -Xlint:all -Werror} against {@code escalon-runtime} only, whatever the names and texts of the
 * protocol; and the machine agrees with the engine ({@code Rules}) on every event. {@link
 * org.escalon.compiler.generate.JavaGenerator} orders the writers; {@link
 * org.escalon.compiler.generate.Plan} names everything and decides what state the machine
 * keeps; one writer per part of the class; {@link org.escalon.compiler.generate.SourcesWriter}
 * is what the command line and the Maven plugin share.
 */
package org.escalon.compiler.generate;
