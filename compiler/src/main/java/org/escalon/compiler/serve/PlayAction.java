package org.escalon.compiler.serve;

/**
 * One click in the play panel.
 *
 * @param kind {@code raise}, {@code pass} (let time pass to the next deadline), {@code respond},
 *     {@code bypass}, {@code time} (ask for more time), {@code grant} (grant it) or {@code decide}
 *     (a judgement taken: yes)
 * @param by who acts; empty: the stage's recipient (respond, time) or the raiser (bypass, grant,
 *     decide)
 * @param target where a bypass goes: a stage key or an outcome; the decision a judgement takes
 * @param reason a bypass's reason, or the rationale for more time
 * @param resolving whether a response resolves the concern
 * @param days how many working days more time asks for
 */
public record PlayAction(String kind, String by, String target, String reason, boolean resolving,
    int days) {}
