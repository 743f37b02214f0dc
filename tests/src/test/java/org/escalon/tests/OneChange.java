package org.escalon.tests;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.escalon.compiler.revision.Change;
import org.escalon.model.CalendarSpec;
import org.escalon.model.Citation;
import org.escalon.model.Timespan;
import org.escalon.model.Header;
import org.escalon.model.Limit;
import org.escalon.model.Protocol;
import org.escalon.model.Right;
import org.escalon.model.SourceSpan;
import org.escalon.model.Stage;
import org.escalon.model.Step;
import org.escalon.model.Target;
import org.escalon.model.TimeUnit;
import org.escalon.model.Timescale;
import org.escalon.model.Transitions;

/**
 * One random revision of a protocol, and what it says it changed: the group, the kind and the
 * subject the revision diff must report, and nothing else. Each mutation is one a policy team
 * makes: a timescale, a title, a copy list, a right given or taken away, a limit, a closure day,
 * a citation, the version, a duty dropped, a stage added at the end.
 */
final class OneChange {

  /** The revised protocol and the one change it carries. */
  record Mutation(Protocol protocol, Change.Group group, Change.Kind kind, String subject,
      String description) {}

  private OneChange() {}

  /** A mutation chosen by {@code random} among those that apply to {@code p}. */
  static Mutation of(Protocol p, Random random) {
    List<Mutation> all = all(p, random);
    return all.get(random.nextInt(all.size()));
  }

  static List<Mutation> all(Protocol p, Random random) {
    List<Mutation> all = new ArrayList<>();
    List<Stage> stages = p.stages();
    Stage s = stages.get(random.nextInt(stages.size()));
    int i = stages.indexOf(s);
    String subject = "stage " + s.key();
    // a timescale changed
    List<Timescale> timescales = new ArrayList<>(s.timescales());
    if (timescales.isEmpty()) {
      timescales.add(new Timescale(Timespan.workingDays(4), new Timescale.Anchor.StageStart(),
          Optional.empty(), Optional.empty(), SourceSpan.NONE));
    } else {
      Timescale t = timescales.get(0);
      Timespan d = t.duration().unit() == TimeUnit.SAME_WORKING_DAY ? Timespan.workingDays(1)
          : new Timespan(t.duration().amount() + 1, t.duration().unit());
      timescales.set(0, new Timescale(d, t.anchor(), t.when(), t.citation(), t.span()));
    }
    all.add(new Mutation(withStage(p, i, new Stage(s.key(), s.title(), s.steps(), timescales,
        s.preconditions(), s.onlyIf(), s.transitions(), s.extension(), s.citations(), s.span())),
        Change.Group.TIMESCALES, Change.Kind.CHANGED, subject, "timescale of " + subject));
    // retitled
    all.add(new Mutation(withStage(p, i, new Stage(s.key(), s.title() + " (revised)", s.steps(),
        s.timescales(), s.preconditions(), s.onlyIf(), s.transitions(), s.extension(),
        s.citations(), s.span())), Change.Group.STAGES, Change.Kind.RENAMED, subject,
        "title of " + subject));
    // a copy list changed: a role not yet copied is copied in
    List<String> copied = s.steps().stream().filter(Step.Copy.class::isInstance)
        .flatMap(c -> ((Step.Copy) c).roles().stream()).toList();
    p.roles().stream().map(r -> r.name()).filter(r -> !copied.contains(r)).findFirst()
        .ifPresent(role -> {
          List<Step> steps = new ArrayList<>(s.steps());
          steps.add(new Step.Copy(List.of(role), Optional.empty(), Optional.empty(),
              SourceSpan.NONE));
          all.add(new Mutation(withStage(p, i, new Stage(s.key(), s.title(), steps,
              s.timescales(), s.preconditions(), s.onlyIf(), s.transitions(), s.extension(),
              s.citations(), s.span())), Change.Group.RECIPIENTS, Change.Kind.CHANGED, subject,
              "copy list of " + subject + ": " + role));
        });
    // a duty dropped
    for (int k = 0; k < s.steps().size(); k++) {
      Step step = s.steps().get(k);
      if (step instanceof Step.Act) {
        List<Step> steps = new ArrayList<>(s.steps());
        steps.remove(k);
        all.add(new Mutation(withStage(p, i, new Stage(s.key(), s.title(), steps,
            s.timescales(), s.preconditions(), s.onlyIf(), s.transitions(), s.extension(),
            s.citations(), s.span())), Change.Group.DUTIES, Change.Kind.REMOVED, subject,
            "duty " + k + " of " + subject + " dropped"));
        break;
      }
    }
    // a citation reworded
    if (!s.citations().isEmpty()) {
      List<Citation> cites = new ArrayList<>(s.citations());
      cites.set(0, new Citation(cites.get(0).text() + " (revised)", cites.get(0).span()));
      all.add(new Mutation(withStage(p, i, new Stage(s.key(), s.title(), s.steps(),
          s.timescales(), s.preconditions(), s.onlyIf(), s.transitions(), s.extension(), cites,
          s.span())), Change.Group.CITATIONS, Change.Kind.CHANGED, subject,
          "citation of " + subject));
    }
    // a new right
    String role = p.roles().get(random.nextInt(p.roles().size())).name();
    List<Right> rights = new ArrayList<>(p.rights());
    Right given = new Right(role, Right.Kind.BYPASS, List.of(new Target.ToStage(s.key())), true,
        false, Optional.empty(), Optional.empty(), SourceSpan.NONE);
    if (p.rights().stream().noneMatch(r -> r.role().equals(role)
        && r.kind() == Right.Kind.BYPASS && r.when().isEmpty())) {
      rights.add(given);
      all.add(new Mutation(with(p, rights), Change.Group.RIGHTS, Change.Kind.ADDED,
          "the right of " + role + " to bypass", "new right of " + role));
    }
    // a right taken away
    if (!p.rights().isEmpty()) {
      List<Right> fewer = new ArrayList<>(p.rights());
      Right gone = fewer.remove(random.nextInt(fewer.size()));
      all.add(new Mutation(with(p, fewer), Change.Group.RIGHTS, Change.Kind.REMOVED,
          "the right of " + gone.role() + " to " + gone.kind().name().toLowerCase(),
          "right of " + gone.role() + " removed"));
    }
    // a limit loosened
    if (!p.limits().isEmpty()) {
      List<Limit> limits = new ArrayList<>(p.limits());
      int k = random.nextInt(limits.size());
      Limit l = limits.get(k);
      limits.set(k, new Limit(l.title(), l.stages(), new Timespan(l.atMost().amount() + 1,
          l.atMost().unit()), l.citations(), l.span()));
      all.add(new Mutation(new Protocol(p.name(), p.header(), p.agencies(), p.roles(),
          p.attributes(), p.events(), p.scales(), p.forms(), p.stages(), p.outcomes(),
          p.rights(), p.extension(), p.triggers(), limits, p.properties(), p.phases(), p.invariants(), p.span()),
          Change.Group.CHECKS, Change.Kind.CHANGED, "limit \u201c" + l.title() + "\u201d",
          "limit loosened"));
    }
    // a closure day added
    Header h = p.header();
    LocalDate day = LocalDate.of(2027, 1, 4).plusDays(random.nextInt(300));
    if (!h.calendar().closures().contains(day)) {
      List<LocalDate> closures = new ArrayList<>(h.calendar().closures());
      closures.add(day);
      all.add(new Mutation(with(p, new Header(h.version(), h.status(), h.effective(),
          h.review(), h.owner(), new CalendarSpec(h.calendar().region(), closures,
          h.calendar().yearly()), h.zone(), h.raisedBy(), h.sources(), h.about(),
          h.alsoRaisedBy())),
          Change.Group.CALENDAR, Change.Kind.ADDED, "closure " + day, "closure " + day));
    }
    // the version
    all.add(new Mutation(with(p, new Header(Optional.of(h.version().orElse("") + " rev"),
        h.status(), h.effective(), h.review(), h.owner(), h.calendar(), h.zone(), h.raisedBy(),
        h.sources(), h.about(), h.alsoRaisedBy())), Change.Group.HEADER, Change.Kind.CHANGED, "the version", "version"));
    // a stage added at the end, which nothing goes to yet
    String key = "revised_" + random.nextInt(1000);
    List<Stage> more = new ArrayList<>(p.stages());
    more.add(new Stage(key, "A stage added in revision", List.of(), List.of(), List.of(),
        Optional.empty(), new Transitions(new Target.ToOutcome(Target.RESOLVED),
            new Target.ToOutcome(Target.RESOLVED), new Target.ToOutcome(Target.RESOLVED)),
        Optional.empty(), List.of(), SourceSpan.NONE));
    all.add(new Mutation(new Protocol(p.name(), p.header(), p.agencies(), p.roles(),
        p.attributes(), p.events(), p.scales(), p.forms(), more, p.outcomes(), p.rights(),
        p.extension(), p.triggers(), p.limits(), p.properties(), p.phases(), p.invariants(), p.span()),
        Change.Group.STAGES, Change.Kind.ADDED, "stage " + key, "stage " + key + " added"));
    return all;
  }

  private static Protocol withStage(Protocol p, int i, Stage s) {
    List<Stage> stages = new ArrayList<>(p.stages());
    stages.set(i, s);
    return new Protocol(p.name(), p.header(), p.agencies(), p.roles(), p.attributes(),
        p.events(), p.scales(), p.forms(), stages, p.outcomes(), p.rights(), p.extension(),
        p.triggers(), p.limits(), p.properties(), p.phases(), p.invariants(), p.span());
  }

  private static Protocol with(Protocol p, List<Right> rights) {
    return new Protocol(p.name(), p.header(), p.agencies(), p.roles(), p.attributes(),
        p.events(), p.scales(), p.forms(), p.stages(), p.outcomes(), rights, p.extension(),
        p.triggers(), p.limits(), p.properties(), p.phases(), p.invariants(), p.span());
  }

  private static Protocol with(Protocol p, Header h) {
    return new Protocol(p.name(), h, p.agencies(), p.roles(), p.attributes(), p.events(),
        p.scales(), p.forms(), p.stages(), p.outcomes(), p.rights(), p.extension(),
        p.triggers(), p.limits(), p.properties(), p.phases(), p.invariants(), p.span());
  }
}
