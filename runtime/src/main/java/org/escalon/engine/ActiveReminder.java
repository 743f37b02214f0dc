package org.escalon.engine;

import java.time.Instant;
import java.util.List;
import org.escalon.model.Timespan;

/** A repeating reminder in force: who is reminded, how often, and when next. */
public record ActiveReminder(String stage, List<String> roles, List<String> copying,
    Timespan every, boolean untilResolved, Instant next) {

  public ActiveReminder {
    roles = List.copyOf(roles);
    copying = List.copyOf(copying);
  }

  ActiveReminder next(Instant at) {
    return new ActiveReminder(stage, roles, copying, every, untilResolved, at);
  }
}
