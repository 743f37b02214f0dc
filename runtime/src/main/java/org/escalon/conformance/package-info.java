/**
 * What a generated conformance test runs ({@code escalon compile --tests}): {@link
 * org.escalon.conformance.ConformanceRun} drives an {@link org.escalon.engine.EscalationMachine}
 * through random moves and checks a declared property on the run, reading its claim with the
 * meaning {@link org.escalon.machine.ClaimMeaning} gives each word, the verifier's. No
 * third-party dependencies.
 */
package org.escalon.conformance;
