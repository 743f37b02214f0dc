/**
 * Conformance tests: a checked protocol in, the Java source of a jqwik test class out. The class
 * names the protocol's properties and generates random moves; the runtime's {@link
 * org.escalon.conformance.ConformanceRun} drives any {@link org.escalon.engine.EscalationMachine}
 * (the engine, or a machine generated from the protocol) through them and checks each property on
 * the run, with the meaning the verifier gives each word of a claim ({@link
 * org.escalon.machine.ClaimMeaning}). The class depends only on the runtime and jqwik.
 */
package org.escalon.compiler.conformance;
