package org.escalon.compiler.verify;

/**
 * When a stage can be entered, in working days from the raise: at the earliest (everyone acting
 * at once) and at the latest (everyone taking all their time, no extension, no bypass back down
 * the ladder); {@link WorkingDays#UNBOUNDED} when there is no latest.
 */
public record StageTimes(String stage, long earliest, long latest) {}
