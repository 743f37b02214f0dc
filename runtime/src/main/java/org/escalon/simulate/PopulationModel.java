package org.escalon.simulate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.escalon.calendar.WorkingCalendar;
import org.escalon.machine.Interpreter;
import org.escalon.machine.OperationalModel;
import org.escalon.model.Timespan;
import org.escalon.model.ExtensionRule;
import org.escalon.model.Limit;
import org.escalon.model.Protocol;
import org.escalon.model.Right;
import org.escalon.model.Stage;
import org.escalon.model.Step;
import org.escalon.model.Target;
import org.escalon.model.TimeUnit;

/**
 * What both case runners need to know of a protocol, worked out once: stages and outcomes by
 * index, who responds at each stage, the raiser's bypass targets, the extension rule at each
 * stage and what it grants, and the stages each limit counts.
 */
final class PopulationModel {

  final Protocol protocol;
  final OperationalModel operational;
  final Interpreter interpreter;
  final WorkingCalendar calendar;
  final Behaviour behaviour;
  final List<Stage> stages;
  final Map<String, Integer> stageIndex = new HashMap<>();
  final Map<String, Integer> outcomeIndex = new HashMap<>();
  final String raiser;
  final String[] respondent;
  final int[] window;
  final StageBehaviour[] behaviours;
  final List<Target> bypassTargets = new ArrayList<>();
  final List<Optional<ExtensionRule>> extension = new ArrayList<>();
  final Timespan[] extensionAmount;
  final long[] limitStages;
  final int[] limitDays;

  PopulationModel(Protocol protocol, Behaviour behaviour) {
    this.protocol = protocol;
    this.operational = OperationalModel.of(protocol);
    this.interpreter = new Interpreter(operational);
    this.calendar = WorkingCalendar.of(protocol.header().calendar(), protocol.header().zone());
    this.behaviour = behaviour;
    this.stages = protocol.stages();
    this.raiser = protocol.header().raisedBy();
    int n = stages.size();
    respondent = new String[n];
    window = new int[n];
    behaviours = new StageBehaviour[n];
    extensionAmount = new Timespan[n];
    for (int i = 0; i < n; i++) {
      Stage s = stages.get(i);
      stageIndex.put(s.key(), i);
      // who answers is the model's: the roles escalated to, or those who judge (`judged by`)
      respondent[i] = operational.stages().get(i).respondents().roles().stream().findFirst()
          .orElse(raiser);
      Optional<Timespan> timescale = s.defaultTimescale().map(t -> t.duration());
      // bypasses and requests for more time fall within the stage's own timescale
      window[i] = Math.max(1, timescale.filter(d -> d.unit() == TimeUnit.WORKING_DAYS)
          .map(Timespan::amount).orElse(5));
      behaviours[i] = behaviour.at(s.key());
      Optional<ExtensionRule> rule = s.extension().or(protocol::extension);
      extension.add(rule);
      extensionAmount[i] = rule.flatMap(ExtensionRule::upTo).or(() -> timescale)
          .orElse(Timespan.workingDays(5));
    }
    for (int i = 0; i < protocol.outcomes().size(); i++) {
      outcomeIndex.put(protocol.outcomes().get(i).name(), i);
    }
    for (Right r : protocol.rights()) {
      if (r.role().equals(raiser) && r.kind() == Right.Kind.BYPASS && r.when().isEmpty()) {
        r.targets().stream().filter(t -> !bypassTargets.contains(t)).forEach(bypassTargets::add);
      }
    }
    List<Limit> limits = protocol.limits();
    limitStages = new long[limits.size()];
    limitDays = new int[limits.size()];
    for (int i = 0; i < limits.size(); i++) {
      for (String key : limits.get(i).stages()) {
        Integer k = stageIndex.get(key);
        if (k != null && k < 64) {
          limitStages[i] |= 1L << k;
        }
      }
      limitDays[i] = limits.get(i).atMost().amount();
    }
  }

  /**
   * Whether a case breaks limit i: an {@code elapsed} limit bounds the working days elapsed on
   * the calendar from the raise to the end ({@code days}); a {@code total} one, the time spent
   * in its stages ({@code spent}).
   */
  boolean breaks(int limit, long spent, int days) {
    return protocol.limits().get(limit).measure() == org.escalon.model.Measure.ELAPSED
        ? days > limitDays[limit] : spent > limitDays[limit];
  }

  /** Who asks for more time at a stage: the first the rule names, else the stage's respondent. */
  String requester(int stage) {
    return extension.get(stage).map(ExtensionRule::requestedBy).filter(l -> !l.isEmpty())
        .map(l -> l.get(0)).orElse(respondent[stage]);
  }

  /** Whether the limit's stages are counted in working days (calendar days otherwise). */
  boolean limitInWorkingDays(int limit) {
    return protocol.limits().get(limit).atMost().unit() == TimeUnit.WORKING_DAYS;
  }

  /** The day a stay began to its last day, as the limits count it. */
  int limitDays(int limit, int entryEpochDay, int lastEpochDay) {
    return limitInWorkingDays(limit)
        ? calendar.workingOrdinal(lastEpochDay) - calendar.workingOrdinal(entryEpochDay)
        : lastEpochDay - entryEpochDay;
  }
}
