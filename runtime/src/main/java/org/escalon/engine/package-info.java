/**
 * The engine: runs a {@link org.escalon.model.Protocol} for one escalation. Input: case events in
 * time order (raise, responses, bypasses, extensions, agreement and advice, case facts) and the
 * passing of time, which the caller controls. Output: an immutable {@link
 * org.escalon.engine.EscalationState}, an append-only log from which that state is rebuilt
 * exactly, and effects told to the host's {@link org.escalon.engine.EscalationListener}. An event
 * the protocol does not allow is refused with a {@link org.escalon.engine.RefusedEvent} that cites
 * the rule, and the state is left exactly as it was. Nothing here reads the system clock. What
 * the rules decide is asked of the operational model ({@code org.escalon.machine}); every reader
 * of events and effects tells their kinds apart through {@link org.escalon.engine.CaseEventCases}
 * and {@link org.escalon.engine.EffectCases}, so that a new kind fails to compile in each.
 */
package org.escalon.engine;
