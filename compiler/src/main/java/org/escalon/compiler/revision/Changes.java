package org.escalon.compiler.revision;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.escalon.compiler.diagram.LadderBuilder;
import org.escalon.describe.PlainEnglish;
import org.escalon.compiler.report.ProtocolDescriber;
import org.escalon.model.Canonical;
import org.escalon.model.CalendarSpec;
import org.escalon.model.Citation;
import org.escalon.model.Header;
import org.escalon.model.Invariant;
import org.escalon.model.Limit;
import org.escalon.model.Outcome;
import org.escalon.model.Precondition;
import org.escalon.model.Property;
import org.escalon.model.Protocol;
import org.escalon.model.Right;
import org.escalon.model.Stage;
import org.escalon.model.Step;
import org.escalon.model.Target;
import org.escalon.model.Trigger;

/**
 * What a revision changes, as a list of {@link Change}s in the protocol's terms. Stages are
 * matched by {@link StageMatch} (key and title, never line); everything else by its name or title.
 * Parts are compared by their {@link Canonical} text, so reformatting and comments change nothing,
 * and what a part says is compared apart from the paragraphs it cites, which have a group of their
 * own. The sentences come from the same describers as the report, in the old version's words for
 * what went and the new version's for what came.
 */
public final class Changes {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM uuuu",
      Locale.UK);

  private final Protocol before;
  private final Protocol after;
  private final StageMatch match;
  private final PlainEnglish was;
  private final PlainEnglish now;
  private final ProtocolDescriber wasSaid;
  private final ProtocolDescriber nowSaid;
  private final List<Change> out = new ArrayList<>();

  private Changes(Protocol before, Protocol after) {
    this.before = before;
    this.after = after;
    this.match = StageMatch.of(before, after);
    this.was = PlainEnglish.inFull(before);
    this.now = PlainEnglish.inFull(after);
    this.wasSaid = new ProtocolDescriber(before);
    this.nowSaid = new ProtocolDescriber(after);
  }

  /** Every change from {@code before} to {@code after}, grouped; empty when they mean the same. */
  public static List<Change> between(Protocol before, Protocol after) {
    Changes c = new Changes(before, after);
    c.compare();
    List<Change> sorted = new ArrayList<>(c.out);
    sorted.sort(Comparator.comparing(Change::group));
    return List.copyOf(sorted);
  }

  private void compare() {
    header();
    calendar();
    people();
    stages();
    outcomes();
    rights();
    extension();
    triggers();
    limits();
    properties();
    invariants();
    if (out.isEmpty() && !Canonical.of(before).equals(Canonical.of(after))) {
      // a part of the model this list does not yet describe: say so rather than report no change
      add(Change.Group.HEADER, Change.Kind.CHANGED, "the protocol", "The protocol changes in a "
          + "way this summary does not describe; compare the two files.", null, null);
    }
  }

  private void add(Change.Group group, Change.Kind kind, String subject, String text,
      String beforeLevel, String afterLevel) {
    out.add(new Change(group, kind, subject, text, Optional.ofNullable(beforeLevel),
        Optional.ofNullable(afterLevel)));
  }

  // ---------------------------------------------------------------------------------------------
  // Header, calendar, people

  private void header() {
    Header a = before.header();
    Header b = after.header();
    field("the name", before.name(), after.name());
    field("the version", a.version().orElse("not stated"), b.version().orElse("not stated"));
    field("the status", PlainEnglish.lower(a.status()), PlainEnglish.lower(b.status()));
    field("the effective date", a.effective().map(DAY::format).orElse("not stated"),
        b.effective().map(DAY::format).orElse("not stated"));
    field("the review date", a.review().map(DAY::format).orElse("not stated"),
        b.review().map(DAY::format).orElse("not stated"));
    field("the owner", a.owner().orElse("not stated"), b.owner().orElse("not stated"));
    field("who raises an escalation", was.raisers(), now.raisers());
    citations("the protocol's sources", a.sources(), b.sources(), null, null);
  }

  private void field(String what, String a, String b) {
    if (!a.equals(b)) {
      add(Change.Group.HEADER, Change.Kind.CHANGED, what, capital(what) + " changes from \u201c"
          + a + "\u201d to \u201c" + b + "\u201d.", null, null);
    }
  }

  private void calendar() {
    CalendarSpec a = before.header().calendar();
    CalendarSpec b = after.header().calendar();
    if (a.region() != b.region()) {
      add(Change.Group.CALENDAR, Change.Kind.CHANGED, "the calendar", "Working days are counted "
          + "on the " + a.region().id() + " bank holidays before and the " + b.region().id()
          + " ones after.", null, null);
    }
    if (!before.header().zone().equals(after.header().zone())) {
      add(Change.Group.CALENDAR, Change.Kind.CHANGED, "the time zone", "The time zone changes "
          + "from " + before.header().zone() + " to " + after.header().zone() + ".", null, null);
    }
    for (LocalDate d : b.closures()) {
      if (!a.closures().contains(d)) {
        add(Change.Group.CALENDAR, Change.Kind.ADDED, "closure " + d, "A local closure day is "
            + "added: " + DAY.format(d) + ".", null, null);
      }
    }
    for (LocalDate d : a.closures()) {
      if (!b.closures().contains(d)) {
        add(Change.Group.CALENDAR, Change.Kind.REMOVED, "closure " + d, "The local closure day "
            + DAY.format(d) + " is no longer a closure day.", null, null);
      }
    }
    for (CalendarSpec.YearlyClosure y : b.yearly()) {
      if (!a.yearly().contains(y)) {
        add(Change.Group.CALENDAR, Change.Kind.ADDED, "yearly closure " + y.from(), "A closure "
            + "every year is added, " + yearly(y) + ".", null, null);
      }
    }
    for (CalendarSpec.YearlyClosure y : a.yearly()) {
      if (!b.yearly().contains(y)) {
        add(Change.Group.CALENDAR, Change.Kind.REMOVED, "yearly closure " + y.from(), "The "
            + "closure every year " + yearly(y) + " is removed.", null, null);
      }
    }
  }

  private static String yearly(CalendarSpec.YearlyClosure y) {
    DateTimeFormatter f = DateTimeFormatter.ofPattern("d MMMM", Locale.UK);
    return "from " + f.format(y.from()) + " to " + f.format(y.to());
  }

  private void people() {
    named("agency", before.agencies(), after.agencies(), x -> x.name(), x -> x.title());
    named("role", before.roles(), after.roles(), x -> x.name(), x -> x.title());
    named("case fact", before.attributes(), after.attributes(), x -> x.name(), x -> x.title());
    named("event", before.events(), after.events(), x -> x.name(), x -> x.title());
    named("grading scale", before.scales(), after.scales(), x -> x.name(), x -> x.title());
    named("form", before.forms(), after.forms(), x -> x.name(), x -> x.title());
    for (var role : after.roles()) {
      before.role(role.name()).ifPresent(old -> citations("role " + role.name(),
          old.citations(), role.citations(), null, null));
    }
    for (var form : after.forms()) {
      before.forms().stream().filter(f -> f.name().equals(form.name())).findFirst()
          .ifPresent(old -> citations("form " + form.name(), old.citations(), form.citations(),
              null, null));
    }
  }

  /** Declarations matched by name: added, removed, or changed in what they say. */
  private <T> void named(String kind, List<T> olds, List<T> news, Function<T, String> name,
      Function<T, String> title) {
    Map<String, T> old = byName(olds, name);
    Map<String, T> neu = byName(news, name);
    neu.forEach((n, x) -> {
      T o = old.get(n);
      String subject = kind + " " + n;
      if (o == null) {
        add(Change.Group.PEOPLE, Change.Kind.ADDED, subject, capital(kind) + " " + n
            + " (\u201c" + title.apply(x) + "\u201d) is added.", null, null);
      } else if (!Canonical.withoutCitations(o).equals(Canonical.withoutCitations(x))) {
        add(Change.Group.PEOPLE, Change.Kind.CHANGED, subject, capital(kind) + " " + n
            + " changes" + (title.apply(o).equals(title.apply(x)) ? "" : ": it was \u201c"
            + title.apply(o) + "\u201d and is now \u201c" + title.apply(x) + "\u201d") + ".",
            null, null);
      }
    });
    old.forEach((n, o) -> {
      if (!neu.containsKey(n)) {
        add(Change.Group.PEOPLE, Change.Kind.REMOVED, kind + " " + n, capital(kind) + " " + n
            + " (\u201c" + title.apply(o) + "\u201d) is removed.", null, null);
      }
    });
  }

  private static <T> Map<String, T> byName(List<T> items, Function<T, String> name) {
    Map<String, T> map = new LinkedHashMap<>();
    items.forEach(i -> map.putIfAbsent(name.apply(i), i));
    return map;
  }

  // ---------------------------------------------------------------------------------------------
  // Stages and outcomes

  private void stages() {
    for (Stage s : match.removed()) {
      add(Change.Group.STAGES, Change.Kind.REMOVED, PlainEnglish.stage(s.key()), capital(PlainEnglish.stage(
          s.key())) + " (\u201c" + s.title() + "\u201d) is removed.", level(s.key()), null);
    }
    for (Stage s : match.added()) {
      add(Change.Group.STAGES, Change.Kind.ADDED, PlainEnglish.stage(s.key()), capital(PlainEnglish.stage(
          s.key())) + " (\u201c" + s.title() + "\u201d) is added " + place(s) + summary(s)
          + ".", null, level(s.key()));
    }
    for (Stage b : after.stages()) {
      match.oldKey(b.key()).flatMap(before::stage).ifPresent(a -> stage(a, b));
    }
    moved();
  }

  /** Where a new stage sits: "between stage 2 and stage 3", "after stage 6", "first". */
  private String place(Stage s) {
    int i = after.stages().indexOf(s);
    List<Stage> all = after.stages();
    if (all.size() == 1) {
      return "as the only stage";
    }
    if (i == 0) {
      return "first, before " + PlainEnglish.stage(all.get(1).key());
    }
    if (i == all.size() - 1) {
      return "last, after " + PlainEnglish.stage(all.get(i - 1).key());
    }
    return "between " + PlainEnglish.stage(all.get(i - 1).key()) + " and "
        + PlainEnglish.stage(all.get(i + 1).key());
  }

  private String summary(Stage s) {
    List<String> parts = new ArrayList<>(now.recipients(s.steps()));
    String t = now.timescales(s);
    parts.add(t.isEmpty() ? "no timescale" : "respond " + t);
    return ": " + String.join(", ", parts);
  }

  /**
   * Stages whose place among the matched stages changed: those outside the longest run the two
   * versions keep in the same order.
   */
  private void moved() {
    List<Stage> kept = after.stages().stream().filter(s -> match.oldKey(s.key()).isPresent())
        .toList();
    int[] oldIndex = kept.stream().mapToInt(s -> before.stages().indexOf(
        before.stage(match.oldKey(s.key()).orElseThrow()).orElseThrow())).toArray();
    boolean[] inOrder = LongestRun.increasing(oldIndex);
    for (int i = 0; i < kept.size(); i++) {
      if (!inOrder[i]) {
        Stage s = kept.get(i);
        String now = i == 0 ? "first" : "after " + PlainEnglish.stage(kept.get(i - 1).key());
        add(Change.Group.STAGES, Change.Kind.MOVED, PlainEnglish.stage(s.key()), capital(PlainEnglish.stage(
            s.key())) + " moves: it now comes " + now + ".", level(match.oldKey(s.key())
            .orElseThrow()), level(s.key()));
      }
    }
  }

  private void stage(Stage a, Stage b) {
    String subject = PlainEnglish.stage(b.key());
    String beforeLevel = level(a.key());
    String afterLevel = level(b.key());
    if (!a.key().equals(b.key())) {
      add(Change.Group.STAGES, Change.Kind.RENAMED, subject, "The stage \u201c" + b.title()
          + "\u201d is renumbered from " + PlainEnglish.stage(a.key()) + " to " + subject + ".",
          beforeLevel, afterLevel);
    }
    if (!a.title().equals(b.title())) {
      add(Change.Group.STAGES, Change.Kind.RENAMED, subject, capital(subject) + " is retitled "
          + "from \u201c" + a.title() + "\u201d to \u201c" + b.title() + "\u201d.", beforeLevel,
          afterLevel);
    }
    if (!Canonical.withoutCitations(a.timescales()).equals(
        Canonical.withoutCitations(b.timescales()))) {
      String was = this.was.timescales(a);
      String now = this.now.timescales(b);
      add(Change.Group.TIMESCALES, Change.Kind.CHANGED, subject, capital(subject)
          + (was.isEmpty() ? " gains a timescale: respond " + now
              : now.isEmpty() ? " loses its timescale (respond " + was + ")"
              : ": respond " + now + " (was " + was + ")") + ".", beforeLevel, afterLevel);
    }
    citations(subject + "'s timescale", a.timescales().stream()
        .flatMap(t -> t.citation().stream()).toList(), b.timescales().stream()
        .flatMap(t -> t.citation().stream()).toList(), beforeLevel, afterLevel);
    routes(subject, a, b, beforeLevel, afterLevel);
    steps(subject, a.steps(), b.steps(), beforeLevel, afterLevel);
    requirements(subject, a.preconditions(), b.preconditions(), beforeLevel, afterLevel);
    if (!a.onlyIf().equals(b.onlyIf())) {
      add(Change.Group.PRECONDITIONS, Change.Kind.CHANGED, subject, capital(subject) + " applies "
          + b.onlyIf().map(c -> "only if " + now.condition(c)).orElse("always") + " (was "
          + a.onlyIf().map(c -> "only if " + was.condition(c)).orElse("always") + ").",
          beforeLevel, afterLevel);
    }
    if (!Canonical.withoutCitations(a.extension()).equals(
        Canonical.withoutCitations(b.extension()))) {
      add(Change.Group.EXTENSIONS, kind(a.extension(), b.extension()), subject,
          extensionText(subject + " has its own extension rule", a.extension(), b.extension()),
          beforeLevel, afterLevel);
    }
    citations(subject, a.citations(), b.citations(), beforeLevel, afterLevel);
  }

  /**
   * Where a stage goes on each kind of response; the ways that changed in the same way are one
   * change ("when stage 2 is not resolved or given no response in time").
   */
  private void routes(String subject, Stage a, Stage b, String beforeLevel, String afterLevel) {
    Map<String, List<String>> ways = new LinkedHashMap<>();
    way(ways, "resolved", a.transitions().onResolved(), b.transitions().onResolved());
    way(ways, "not resolved", a.transitions().onUnsatisfactory(),
        b.transitions().onUnsatisfactory());
    way(ways, "given no response in time", a.transitions().onNoResponse(),
        b.transitions().onNoResponse());
    ways.forEach((move, when) -> {
      String[] targets = move.split("\n");
      add(Change.Group.STAGES, Change.Kind.CHANGED, subject, "When " + subject + " is "
          + PlainEnglish.list(when).replace(" and ", " or ") + ", it now goes to " + targets[1]
          + " (it went to " + targets[0] + ").", beforeLevel, afterLevel);
    });
    if (!Canonical.withoutCitations(a.transitions().choices().stream()
            .map(c -> List.of(c.on(), c.when(), targetName(c.to(), true))).toList())
        .equals(Canonical.withoutCitations(b.transitions().choices().stream()
            .map(c -> List.of(c.on(), c.when(), targetName(c.to(), false))).toList()))) {
      add(Change.Group.STAGES, Change.Kind.CHANGED, subject, "The routes the case chooses at "
          + subject + " (`when ... if`) changed: " + chosen(b, false) + " (they were: "
          + chosen(a, true)
          + ").", beforeLevel, afterLevel);
    }
  }

  /** A stage's routes chosen by the case, in words: "if immediate risk, not resolved: stage 3". */
  private String chosen(Stage s, boolean old) {
    if (s.transitions().choices().isEmpty()) {
      return "none";
    }
    PlainEnglish words = new PlainEnglish(old ? before : after);
    return PlainEnglish.list(s.transitions().choices().stream().map(c -> "on "
        + c.on().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ", if "
        + words.condition(c.when()) + ", to " + targetName(c.to(), old)).distinct().toList());
  }

  private void way(Map<String, List<String>> ways, String when, Target a, Target b) {
    String was = targetName(a, true);
    String now = targetName(b, false);
    if (!was.equals(now)) {
      ways.computeIfAbsent(was + "\n" + now, k -> new ArrayList<>()).add(when);
    }
  }

  /** A target in the new version's keys (an old stage by the key it has now, if it is kept). */
  private String targetName(Target t, boolean old) {
    if (t instanceof Target.ToStage s) {
      String key = old ? match.newKey(s.key()).orElse(s.key() + " (since removed)") : s.key();
      return PlainEnglish.stage(key);
    }
    return now.target(t);
  }

  private void outcomes() {
    Map<String, Outcome> old = byName(before.outcomes(), Outcome::name);
    Map<String, Outcome> neu = byName(after.outcomes(), Outcome::name);
    neu.forEach((n, b) -> {
      Outcome a = old.get(n);
      String subject = "outcome " + n;
      String id = LadderBuilder.id(new Target.ToOutcome(n));
      if (a == null) {
        add(Change.Group.STAGES, Change.Kind.ADDED, subject, "The outcome \u201c" + b.title()
            + "\u201d (" + n + ") is added.", null, id);
        return;
      }
      if (!a.title().equals(b.title())) {
        add(Change.Group.STAGES, Change.Kind.RENAMED, subject, capital(subject) + " is retitled "
            + "from \u201c" + a.title() + "\u201d to \u201c" + b.title() + "\u201d.", id, id);
      }
      steps(subject, a.steps(), b.steps(), id, id);
      requirements(subject, a.preconditions(), b.preconditions(), id, id);
      citations(subject, a.citations(), b.citations(), id, id);
    });
    old.forEach((n, a) -> {
      if (!neu.containsKey(n)) {
        add(Change.Group.STAGES, Change.Kind.REMOVED, "outcome " + n, "The outcome \u201c"
            + a.title() + "\u201d (" + n + ") is removed.",
            LadderBuilder.id(new Target.ToOutcome(n)), null);
      }
    });
  }

  /**
   * The steps of a stage or an outcome: who it goes to, its copy list, and every other duty, each
   * added or removed on its own; the same duty citing other paragraphs is a citation change.
   */
  private void steps(String subject, List<Step> a, List<Step> b, String beforeLevel,
      String afterLevel) {
    List<Step> escalateA = a.stream().filter(Step.EscalateTo.class::isInstance).toList();
    List<Step> escalateB = b.stream().filter(Step.EscalateTo.class::isInstance).toList();
    if (!Canonical.withoutCitations(escalateA).equals(Canonical.withoutCitations(escalateB))) {
      add(Change.Group.RECIPIENTS, Change.Kind.CHANGED, subject, capital(subject) + " now goes "
          + orNobody(now.recipients(escalateB)) + " (it went " + orNobody(was.recipients(escalateA))
          + ").", beforeLevel, afterLevel);
    }
    List<Step.Copy> copyA = a.stream().filter(Step.Copy.class::isInstance)
        .map(Step.Copy.class::cast).toList();
    List<Step.Copy> copyB = b.stream().filter(Step.Copy.class::isInstance)
        .map(Step.Copy.class::cast).toList();
    if (!Canonical.withoutCitations(copyA).equals(Canonical.withoutCitations(copyB))) {
      add(Change.Group.RECIPIENTS, Change.Kind.CHANGED, subject, copyText(subject, copyA, copyB),
          beforeLevel, afterLevel);
    }
    List<Step> otherA = a.stream().filter(s -> !(s instanceof Step.EscalateTo)
        && !(s instanceof Step.Copy)).toList();
    List<Step> otherB = b.stream().filter(s -> !(s instanceof Step.EscalateTo)
        && !(s instanceof Step.Copy)).toList();
    List<String> keysA = new ArrayList<>(otherA.stream().map(Canonical::withoutCitations)
        .toList());
    List<String> keysB = new ArrayList<>(otherB.stream().map(Canonical::withoutCitations)
        .toList());
    for (Step s : otherA) {
      String k = Canonical.withoutCitations(s);
      if (!keysB.remove(k)) {
        add(Change.Group.DUTIES, Change.Kind.REMOVED, subject, "At " + subject + ", no longer: "
            + wasSaid.step(s).text(), beforeLevel, afterLevel);
      }
    }
    for (Step s : otherB) {
      String k = Canonical.withoutCitations(s);
      if (!keysA.remove(k)) {
        add(Change.Group.DUTIES, Change.Kind.ADDED, subject, "At " + subject + ", new: "
            + nowSaid.step(s).text(), beforeLevel, afterLevel);
      }
    }
    if (Canonical.withoutCitations(a).equals(Canonical.withoutCitations(b))) {
      citations("what is done at " + subject, a.stream().flatMap(s -> s.citation().stream())
          .toList(), b.stream().flatMap(s -> s.citation().stream()).toList(), beforeLevel,
          afterLevel);
    }
  }

  private static String orNobody(List<String> recipients) {
    return recipients.isEmpty() ? "to nobody named" : String.join("; ", recipients);
  }

  private String copyText(String subject, List<Step.Copy> a, List<Step.Copy> b) {
    List<String> rolesA = a.stream().flatMap(c -> c.roles().stream()).distinct().toList();
    List<String> rolesB = b.stream().flatMap(c -> c.roles().stream()).distinct().toList();
    List<String> gained = rolesB.stream().filter(r -> !rolesA.contains(r)).toList();
    List<String> lost = rolesA.stream().filter(r -> !rolesB.contains(r)).toList();
    List<String> parts = new ArrayList<>();
    if (!gained.isEmpty()) {
      parts.add("now also copies " + now.roles(gained));
    }
    if (!lost.isEmpty()) {
      parts.add("no longer copies " + was.roles(lost));
    }
    if (parts.isEmpty()) {
      parts.add("copies the same people on other conditions");
    }
    return capital(subject) + "'s copy list changes: " + String.join("; ", parts) + ".";
  }

  private void requirements(String subject, List<Precondition> a, List<Precondition> b,
      String beforeLevel, String afterLevel) {
    List<String> was = new ArrayList<>(a.stream().map(this::oldPrecondition).toList());
    List<String> now = new ArrayList<>(b.stream().map(this.now::precondition).toList());
    List<String> gone = was.stream().filter(p -> !now.contains(p)).toList();
    List<String> come = now.stream().filter(p -> !was.contains(p)).toList();
    for (String p : come) {
      add(Change.Group.PRECONDITIONS, Change.Kind.ADDED, subject, capital(subject)
          + " now requires " + p + ".", beforeLevel, afterLevel);
    }
    for (String p : gone) {
      add(Change.Group.PRECONDITIONS, Change.Kind.REMOVED, subject, capital(subject)
          + " no longer requires " + p + ".", beforeLevel, afterLevel);
    }
  }

  /** An old precondition in the new version's stage keys, so a renumbering is not a change. */
  private String oldPrecondition(Precondition p) {
    if (p instanceof Precondition.Completed c) {
      return "completed " + PlainEnglish.stages(c.stages().stream().map(k -> match.newKey(k).orElse(k))
          .toList());
    }
    return was.precondition(p);
  }

  // ---------------------------------------------------------------------------------------------
  // Rights, extension, triggers

  private void rights() {
    Map<String, List<Right>> old = groupRights(before.rights());
    Map<String, List<Right>> neu = groupRights(after.rights());
    neu.forEach((key, bs) -> {
      List<Right> as = old.getOrDefault(key, List.of());
      if (as.size() == 1 && bs.size() == 1) {
        right(as.get(0), bs.get(0));
      } else {
        unmatchedRights(as, bs);
      }
    });
    old.forEach((key, as) -> {
      if (!neu.containsKey(key)) {
        unmatchedRights(as, List.of());
      }
    });
  }

  /** Rights grouped by who holds them, what kind they are and when they apply. */
  private Map<String, List<Right>> groupRights(List<Right> rights) {
    Map<String, List<Right>> map = new LinkedHashMap<>();
    for (Right r : rights) {
      map.computeIfAbsent(r.role() + " " + r.kind() + " " + Canonical.of(r.when()),
          k -> new ArrayList<>()).add(r);
    }
    return map;
  }

  private void right(Right a, Right b) {
    String subject = rightSubject(b);
    if (!oldRight(a).equals(Canonical.withoutCitations(b))) {
      List<String> was = a.targets().stream().map(t -> targetName(t, true)).toList();
      List<String> now = b.targets().stream().map(t -> targetName(t, false)).toList();
      List<String> parts = new ArrayList<>();
      List<String> gained = now.stream().filter(t -> !was.contains(t)).toList();
      List<String> lost = was.stream().filter(t -> !now.contains(t)).toList();
      if (!gained.isEmpty()) {
        parts.add("it now also covers " + PlainEnglish.list(gained));
      }
      if (!lost.isEmpty()) {
        parts.add("it no longer covers " + PlainEnglish.list(lost));
      }
      boolean otherwise = a.reasonRequired() != b.reasonRequired()
          || a.concurrently() != b.concurrently() || a.laterOnly() != b.laterOnly()
          || a.atRaise() != b.atRaise() || !a.when().equals(b.when());
      if (otherwise || parts.isEmpty()) {
        parts.add("it was: " + this.was.right(a));
      }
      add(Change.Group.RIGHTS, Change.Kind.CHANGED, subject, "Now: " + this.now.right(b) + "; "
          + String.join("; ", parts) + ".", null, null);
    }
    citations(subject, a.citation().stream().toList(), b.citation().stream().toList(), null,
        null);
  }

  private void unmatchedRights(List<Right> as, List<Right> bs) {
    List<String> olds = new ArrayList<>(as.stream().map(this::oldRight).toList());
    List<String> news = new ArrayList<>(bs.stream().map(Canonical::withoutCitations).toList());
    for (Right b : bs) {
      if (!olds.remove(Canonical.withoutCitations(b))) {
        add(Change.Group.RIGHTS, Change.Kind.ADDED, rightSubject(b), "New right: "
            + now.right(b) + ".", null, null);
      }
    }
    for (Right a : as) {
      if (!news.remove(oldRight(a))) {
        add(Change.Group.RIGHTS, Change.Kind.REMOVED, rightSubject(a), "Right removed: "
            + was.right(a) + ".", null, null);
      }
    }
  }

  /** An old right's canonical text with its stages under their new keys. */
  private String oldRight(Right a) {
    List<Target> targets = a.targets().stream().map(t -> t instanceof Target.ToStage s
        ? (Target) new Target.ToStage(match.newKey(s.key()).orElse(s.key())) : t).toList();
    return Canonical.withoutCitations(new Right(a.role(), a.kind(), targets, a.reasonRequired(),
        a.concurrently(), a.laterOnly(), a.when(), a.citation(), a.span(), a.atRaise()));
  }

  private static String rightSubject(Right r) {
    return "the right of " + r.role() + " to " + PlainEnglish.lower(r.kind());
  }

  private void extension() {
    if (!Canonical.withoutCitations(before.extension()).equals(
        Canonical.withoutCitations(after.extension()))) {
      add(Change.Group.EXTENSIONS, kind(before.extension(), after.extension()), "the extension "
          + "rule", extensionText("the protocol has an extension rule", before.extension(),
          after.extension()), null, null);
    }
    if (before.extension().isPresent() && after.extension().isPresent()) {
      citations("the extension rule", before.extension().get().citations(),
          after.extension().get().citations(), null, null);
    }
  }

  private String extensionText(String what, Optional<org.escalon.model.ExtensionRule> a,
      Optional<org.escalon.model.ExtensionRule> b) {
    if (a.isEmpty()) {
      return "New: " + nowSaid.extension(b.orElseThrow(), "more time").text().replaceFirst(
          "^more time", "More time");
    }
    if (b.isEmpty()) {
      return "Removed: " + wasSaid.extension(a.get(), "more time").text();
    }
    return "Now: " + nowSaid.extension(b.get(), "more time").text() + " Before: "
        + wasSaid.extension(a.get(), "more time").text();
  }

  private static <T> Change.Kind kind(Optional<T> a, Optional<T> b) {
    return a.isEmpty() ? Change.Kind.ADDED : b.isEmpty() ? Change.Kind.REMOVED
        : Change.Kind.CHANGED;
  }

  private void triggers() {
    Map<String, Trigger> old = byName(before.triggers(), Trigger::name);
    Map<String, Trigger> neu = byName(after.triggers(), Trigger::name);
    neu.forEach((n, b) -> {
      Trigger a = old.get(n);
      String subject = "trigger " + n;
      String now = capital(b.title()) + ": raised automatically at " + PlainEnglish.stage(b.raiseAt())
          + " when " + nowSaid.history(b.rule());
      if (a == null) {
        add(Change.Group.TRIGGERS, Change.Kind.ADDED, subject, "New automatic escalation. "
            + now + ".", null, level(b.raiseAt()));
      } else if (!Canonical.withoutCitations(a).equals(Canonical.withoutCitations(b))) {
        add(Change.Group.TRIGGERS, Change.Kind.CHANGED, subject, "Now: " + now + " (was: "
            + capital(a.title()) + ": raised at " + PlainEnglish.stage(a.raiseAt()) + " when "
            + wasSaid.history(a.rule()) + ").", level(a.raiseAt()), level(b.raiseAt()));
      } else {
        citations(subject, a.citations(), b.citations(), null, null);
      }
    });
    old.forEach((n, a) -> {
      if (!neu.containsKey(n)) {
        add(Change.Group.TRIGGERS, Change.Kind.REMOVED, "trigger " + n, "The automatic "
            + "escalation \u201c" + a.title() + "\u201d is removed.", level(a.raiseAt()), null);
      }
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Limits and properties

  private void limits() {
    Map<String, Limit> old = byName(before.limits(), Limit::title);
    Map<String, Limit> neu = byName(after.limits(), Limit::title);
    neu.forEach((n, b) -> {
      Limit a = old.get(n);
      String subject = "limit \u201c" + n + "\u201d";
      if (a == null) {
        add(Change.Group.CHECKS, Change.Kind.ADDED, subject, "New limit \u201c" + n + "\u201d: "
            + "the timescales of " + PlainEnglish.stages(b.stages()) + " may add up to at most "
            + b.atMost() + ".", null, null);
        return;
      }
      if (!a.atMost().equals(b.atMost())) {
        add(Change.Group.CHECKS, Change.Kind.CHANGED, subject, "The limit \u201c" + n + "\u201d "
            + "now allows at most " + b.atMost() + " (was " + a.atMost() + ").", null, null);
      }
      List<String> was = a.stages().stream().map(k -> match.newKey(k).orElse(k)).toList();
      List<String> gained = b.stages().stream().filter(k -> !was.contains(k)).toList();
      List<String> lost = was.stream().filter(k -> !b.stages().contains(k)).toList();
      if (!gained.isEmpty() || !lost.isEmpty()) {
        List<String> parts = new ArrayList<>();
        if (!gained.isEmpty()) {
          parts.add("now also covers " + PlainEnglish.stages(gained) + (gained.stream().allMatch(
              k -> match.oldKey(k).isEmpty()) ? " (new in this version)" : ""));
        }
        if (!lost.isEmpty()) {
          parts.add("no longer covers " + PlainEnglish.stages(lost));
        }
        add(Change.Group.CHECKS, Change.Kind.CHANGED, subject, "The limit \u201c" + n + "\u201d "
            + String.join(" and ", parts) + ": it counts " + PlainEnglish.stages(b.stages())
            + " (was " + PlainEnglish.stages(a.stages()) + ").", null, null);
      }
      citations(subject, a.citations(), b.citations(), null, null);
    });
    old.forEach((n, a) -> {
      if (!neu.containsKey(n)) {
        add(Change.Group.CHECKS, Change.Kind.REMOVED, "limit \u201c" + n + "\u201d",
            "The limit \u201c" + n + "\u201d is removed.", null, null);
      }
    });
  }

  private void properties() {
    Map<String, Property> old = byName(before.properties(), Property::title);
    Map<String, Property> neu = byName(after.properties(), Property::title);
    neu.forEach((n, b) -> {
      Property a = old.get(n);
      String subject = "property \u201c" + n + "\u201d";
      if (a == null) {
        add(Change.Group.CHECKS, Change.Kind.ADDED, subject, "New property \u201c" + n
            + "\u201d: " + nowSaid.claim(b.claim()) + ".", null, null);
      } else if (!Canonical.of(a.claim()).equals(Canonical.of(b.claim()))) {
        add(Change.Group.CHECKS, Change.Kind.CHANGED, subject, "The property \u201c" + n
            + "\u201d now states: " + nowSaid.claim(b.claim()) + " (was: "
            + wasSaid.claim(a.claim()) + ").", null, null);
      } else {
        citations(subject, a.citations(), b.citations(), null, null);
      }
    });
    old.forEach((n, a) -> {
      if (!neu.containsKey(n)) {
        add(Change.Group.CHECKS, Change.Kind.REMOVED, "property \u201c" + n + "\u201d",
            "The property \u201c" + n + "\u201d is removed.", null, null);
      }
    });
  }

  private void invariants() {
    Map<String, Invariant> old = byName(before.invariants(), Invariant::title);
    Map<String, Invariant> neu = byName(after.invariants(), Invariant::title);
    neu.forEach((n, b) -> {
      Invariant a = old.get(n);
      String subject = "invariant \u201c" + n + "\u201d";
      if (a == null) {
        add(Change.Group.CHECKS, Change.Kind.ADDED, subject, "New invariant \u201c" + n
            + "\u201d: while the escalation is open, " + nowSaid.condition(b.condition())
            + ".", null, null);
      } else if (!Canonical.of(a.condition()).equals(Canonical.of(b.condition()))) {
        add(Change.Group.CHECKS, Change.Kind.CHANGED, subject, "The invariant \u201c" + n
            + "\u201d now states: " + nowSaid.condition(b.condition()) + " (was: "
            + wasSaid.condition(a.condition()) + ").", null, null);
      } else {
        citations(subject, a.citations(), b.citations(), null, null);
      }
    });
    old.forEach((n, a) -> {
      if (!neu.containsKey(n)) {
        add(Change.Group.CHECKS, Change.Kind.REMOVED, "invariant \u201c" + n + "\u201d",
            "The invariant \u201c" + n + "\u201d is removed.", null, null);
      }
    });
  }

  // ---------------------------------------------------------------------------------------------

  private void citations(String subject, List<Citation> a, List<Citation> b, String beforeLevel,
      String afterLevel) {
    List<String> was = a.stream().map(Citation::text).toList();
    List<String> now = b.stream().map(Citation::text).toList();
    if (was.equals(now)) {
      return;
    }
    List<String> gone = was.stream().filter(t -> !now.contains(t)).toList();
    List<String> come = now.stream().filter(t -> !was.contains(t)).toList();
    StringBuilder text = new StringBuilder("The policy cited for ").append(subject)
        .append(" changes");
    if (!come.isEmpty()) {
      text.append(": now cites ").append(quoted(come));
    }
    if (!gone.isEmpty()) {
      text.append(come.isEmpty() ? ": " : "; ").append("no longer cites ").append(quoted(gone));
    }
    if (come.isEmpty() && gone.isEmpty()) {
      text.append(": the same paragraphs in another order");
    }
    add(Change.Group.CITATIONS, Change.Kind.CHANGED, subject, text.append('.').toString(),
        beforeLevel, afterLevel);
  }

  private static String quoted(List<String> texts) {
    return String.join(", ", texts.stream().map(t -> "\u201c" + t + "\u201d").toList());
  }

  private static String level(String stageKey) {
    return LadderBuilder.id(new Target.ToStage(stageKey));
  }

  private static String capital(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
