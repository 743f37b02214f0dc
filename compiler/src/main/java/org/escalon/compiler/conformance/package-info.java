/**
 * Conformance tests: a checked protocol in, the Java source of a jqwik test class out. The class
 * drives any {@link org.escalon.engine.EscalationMachine} (the engine, or a machine generated from
 * the protocol) with random events and checks the protocol's declared properties on each run, with
 * the verifier's reading of each claim on one finite run. It depends only on the runtime and jqwik.
 */
package org.escalon.compiler.conformance;
