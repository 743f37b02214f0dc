package org.escalon.compiler.lower;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.escalon.compiler.ast.Decl;
import org.escalon.compiler.ast.ExtensionStmt;
import org.escalon.compiler.ast.FormStmt;
import org.escalon.compiler.ast.LimitStmt;
import org.escalon.compiler.ast.InvariantStmt;
import org.escalon.compiler.ast.PhaseStmt;
import org.escalon.compiler.ast.Name;
import org.escalon.compiler.ast.PropertyStmt;
import org.escalon.compiler.ast.ProtocolFile;
import org.escalon.compiler.ast.RightTargets;
import org.escalon.compiler.ast.RoleStmt;
import org.escalon.compiler.ast.StageStmt;
import org.escalon.compiler.ast.Text;
import org.escalon.compiler.ast.TriggerStmt;
import org.escalon.compiler.check.Routes;
import org.escalon.compiler.check.SymbolTable;
import org.escalon.model.Agency;
import org.escalon.model.Attribute;
import org.escalon.model.CalendarSpec;
import org.escalon.model.AtOnce;
import org.escalon.model.Invariant;
import org.escalon.model.Citation;
import org.escalon.model.EventType;
import org.escalon.model.KnownDate;
import org.escalon.model.ExtensionRule;
import org.escalon.model.Form;
import org.escalon.model.Header;
import org.escalon.model.Limit;
import org.escalon.model.Phase;
import org.escalon.model.Outcome;
import org.escalon.model.Property;
import org.escalon.model.Protocol;
import org.escalon.model.Right;
import org.escalon.model.Role;
import org.escalon.model.Scale;
import org.escalon.model.SourceSpan;
import org.escalon.model.Stage;
import org.escalon.model.Step;
import org.escalon.model.Target;
import org.escalon.model.Transitions;
import org.escalon.model.Trigger;

/**
 * Lowers a checked AST to the runtime's protocol model: names become keys, stage ranges become the
 * stages they cover, obligations become steps of each stage they apply at, and default routes are
 * made explicit. Runs only on protocols that checked without errors, so it reports nothing.
 */
public final class Lowering {

  private final SymbolTable symbols;
  private final Expressions expressions;

  public Lowering(SymbolTable symbols) {
    this.symbols = symbols;
    this.expressions = new Expressions(symbols);
  }

  public Protocol lower(ProtocolFile file) {
    Map<String, Routes.Route> routes = Routes.of(symbols);
    List<Stage> stages = new ArrayList<>();
    for (Decl.StageDecl d : symbols.stages().values()) {
      stages.add(stage(d, routes.get(d.key().text()), file));
    }
    return new Protocol(
        file.name().value(),
        header(file),
        file.all(Decl.AgencyDecl.class).stream().map(this::agency).toList(),
        file.all(Decl.RoleDecl.class).stream().map(this::role).toList(),
        attributes(file),
        file.all(Decl.EventDecl.class).stream().map(this::event).toList(),
        file.all(Decl.ScaleDecl.class).stream().map(this::scale).toList(),
        file.all(Decl.FormDecl.class).stream().map(this::form).toList(),
        stages,
        outcomes(file),
        file.all(Decl.RightDecl.class).stream().map(this::right).toList(),
        wideExtension(file).filter(e -> !byAddressees(e.body()))
            .map(e -> extension(e.body(), e.span(), List.of())),
        file.all(Decl.TriggerDecl.class).stream().map(this::trigger).toList(),
        file.all(Decl.LimitDecl.class).stream().map(this::limit).toList(),
        file.all(Decl.PropertyDecl.class).stream().map(this::property).toList(),
        file.all(Decl.PhaseDecl.class).stream().map(this::phase).toList(),
        file.all(Decl.InvariantDecl.class).stream().map(this::invariant).toList(),
        file.all(Decl.AtOnceDecl.class).stream().map(this::atOnce).toList(),
        file.span(),
        file.all(Decl.KnownDateDecl.class).stream().map(d -> new KnownDate(d.name().text(),
            title(d.title(), d.name()), d.span())).toList());
  }

  // -------------------------------------------------------------------------------------------
  // Header and declarations

  private Header header(ProtocolFile file) {
    Optional<String> version = Optional.empty();
    Header.Status status = Header.Status.DRAFT;
    Optional<LocalDate> effective = Optional.empty();
    Optional<LocalDate> review = Optional.empty();
    Optional<String> owner = Optional.empty();
    CalendarSpec.Region region = CalendarSpec.Region.ENGLAND_AND_WALES;
    List<LocalDate> closures = new ArrayList<>();
    List<CalendarSpec.YearlyClosure> yearly = new ArrayList<>();
    ZoneId zone = ZoneId.of("Europe/London");
    String raisedBy = "";
    List<String> alsoRaisedBy = new ArrayList<>();
    List<org.escalon.model.RaiseClock> raiseWithin = new ArrayList<>();
    List<Citation> sources = new ArrayList<>();
    List<Header.Subject> about = new ArrayList<>();
    for (Decl decl : file.decls()) {
      if (decl instanceof Decl.AboutDecl d) {
        // in the order of the enum, whatever order the protocol names them in
        for (Header.Subject s : Header.Subject.values()) {
          if (d.subjects().stream().anyMatch(n -> n.text().equals(s.word()))) {
            about.add(s);
          }
        }
      } else if (decl instanceof Decl.VersionDecl d) {
        version = Optional.of(d.version().value());
      } else if (decl instanceof Decl.StatusDecl d) {
        status = Header.Status.valueOf(d.status().text().toUpperCase(Locale.ROOT));
      } else if (decl instanceof Decl.EffectiveDecl d) {
        effective = Optional.of(LocalDate.parse(d.date().text()));
      } else if (decl instanceof Decl.ReviewDecl d) {
        review = Optional.of(LocalDate.parse(d.date().text()));
      } else if (decl instanceof Decl.OwnerDecl d) {
        owner = Optional.of(d.owner().value());
      } else if (decl instanceof Decl.CalendarDecl d) {
        region = regionOf(d.calendar().text());
      } else if (decl instanceof Decl.ClosureDecl d) {
        LocalDate from = LocalDate.parse(d.from().text());
        LocalDate to = d.to().map(t -> LocalDate.parse(t.text())).orElse(from);
        from.datesUntil(to.plusDays(1)).forEach(closures::add);
      } else if (decl instanceof Decl.YearlyClosureDecl d) {
        yearly.add(new CalendarSpec.YearlyClosure(MonthDay.parse("--" + d.from().text()),
            MonthDay.parse("--" + d.to().text())));
      } else if (decl instanceof Decl.ZoneDecl d) {
        zone = ZoneId.of(d.zone().value());
      } else if (decl instanceof Decl.RaisedByDecl d) {
        raisedBy = d.role().text();
        d.roles().stream().skip(1).map(n -> n.text()).filter(n -> !alsoRaisedBy.contains(n))
            .forEach(alsoRaisedBy::add);
      } else if (decl instanceof Decl.RaiseWithinDecl d) {
        raiseWithin.add(new org.escalon.model.RaiseClock(
            Expressions.duration(d.within()), d.after().stream().map(n -> n.text()).toList(),
            d.firmness().flatMap(f -> f.word().map(w -> new org.escalon.model.Timescale.Firmness(
                w, Optional.empty()))), d.citation().map(Expressions::citation), d.span()));
      } else if (decl instanceof Decl.SourceDecl d) {
        sources.add(new Citation(d.source().value(), d.span()));
      }
    }
    return new Header(version, status, effective, review, owner,
        new CalendarSpec(region, closures, yearly), zone, raisedBy, sources, about,
        alsoRaisedBy, raiseWithin);
  }

  private static CalendarSpec.Region regionOf(String id) {
    for (CalendarSpec.Region region : CalendarSpec.Region.values()) {
      if (region.id().equals(id)) {
        return region;
      }
    }
    throw new IllegalStateException("unchecked calendar " + id);
  }

  private Agency agency(Decl.AgencyDecl d) {
    return new Agency(d.name().text(), title(d.title(), d.name()), d.span());
  }

  private Role role(Decl.RoleDecl d) {
    List<Role.Equivalent> equivalents = new ArrayList<>();
    List<Citation> citations = new ArrayList<>();
    d.citation().map(Expressions::citation).ifPresent(citations::add);
    for (RoleStmt statement : d.body().orElse(List.of())) {
      if (statement instanceof RoleStmt.Equivalent e) {
        equivalents.add(new Role.Equivalent(e.agency().text(),
            e.titles().stream().map(Text::value).toList()));
        e.citation().map(Expressions::citation).ifPresent(citations::add);
      } else if (statement instanceof RoleStmt.Source s) {
        citations.add(Expressions.citation(s.citation()));
      }
    }
    return new Role(d.name().text(), title(d.title(), d.name()), d.external(), equivalents,
        citations, d.span(), d.lookup().map(l -> new Role.Lookup(l.directory().value(),
            l.perAgency())));
  }

  /**
   * The declared attributes, then the protocol's decisions (taken at any time), then each stage's
   * (in ladder order): a decision is a yes/no fact of the case that its role decides.
   */
  private List<Attribute> attributes(ProtocolFile file) {
    List<Attribute> all = new ArrayList<>(
        file.all(Decl.AttributeDecl.class).stream().map(this::attribute).toList());
    for (StageStmt.Decision decision : file.all(StageStmt.Decision.class)) {
      all.add(decision(decision, Optional.empty(), List.of()));
    }
    for (Decl.StageDecl d : symbols.stages().values()) {
      List<Citation> cited = d.body().stream()
          .filter(StageStmt.Source.class::isInstance)
          .map(s -> Expressions.citation(((StageStmt.Source) s).citation()))
          .toList();
      for (var s : d.body()) {
        if (s instanceof StageStmt.Decision decision) {
          all.add(decision(decision, Optional.of(d.key().text()), cited));
        }
      }
    }
    return all;
  }

  /** A decision as the yes/no fact it is, citing its line, else {@code cited}. */
  private Attribute decision(StageStmt.Decision d, Optional<String> stage, List<Citation> cited) {
    return new Attribute(d.name().text(), title(d.title(), d.name()), List.of(), d.span(),
        Optional.of(new Attribute.Decision(stage, d.roles().stream().map(Name::text).toList(),
            d.citation().map(c -> List.of(Expressions.citation(c))).orElse(cited))));
  }

  private Attribute attribute(Decl.AttributeDecl d) {
    return new Attribute(d.name().text(), title(d.title(), d.name()),
        d.choices().stream().map(Name::text).toList(), d.span());
  }

  private EventType event(Decl.EventDecl d) {
    return new EventType(d.name().text(), title(d.title(), d.name()), d.span());
  }

  private Scale scale(Decl.ScaleDecl d) {
    return new Scale(d.name().text(), title(d.title(), d.name()),
        d.values().stream().map(v -> new Scale.Grade(v.name().text(), v.score())).toList(),
        d.span());
  }

  private Form form(Decl.FormDecl d) {
    List<Form.Field> fields = new ArrayList<>();
    List<Citation> citations = new ArrayList<>();
    for (FormStmt statement : d.body()) {
      if (statement instanceof FormStmt.Field f) {
        fields.add(new Form.Field(f.name().text(), title(f.title(), f.name()),
            Form.FieldType.valueOf(f.type().kind().name()),
            f.type().choices().stream().map(Name::text).toList()));
        f.citation().map(Expressions::citation).ifPresent(citations::add);
      } else if (statement instanceof FormStmt.Source s) {
        citations.add(Expressions.citation(s.citation()));
      }
    }
    return new Form(d.name().text(), title(d.title(), d.name()), fields, citations, d.span());
  }

  // -------------------------------------------------------------------------------------------
  // Stages and outcomes

  private Stage stage(Decl.StageDecl d, Routes.Route route, ProtocolFile file) {
    Body body = new Body(expressions, symbols.actionIds());
    body.addAll(d.body());
    for (Decl.ObligationDecl obligation : file.all(Decl.ObligationDecl.class)) {
      if (expressions.appliesAt(obligation.stages(), d.key().text())) {
        body.addAll(obligation.body());
      }
    }
    Target resolved = route.onResolved().orElseThrow();
    Target unsatisfactory = route.onUnsatisfactory().orElseThrow();
    Target noResponse = route.onNoResponse().orElseThrow();
    List<String> addressees = addressees(body.steps());
    Optional<ExtensionRule> extension = d.body().stream()
        .filter(StageStmt.Extension.class::isInstance).map(StageStmt.Extension.class::cast)
        .findFirst().map(e -> extension(e.body(), e.span(), addressees))
        .or(() -> wideExtension(file).filter(e -> byAddressees(e.body()))
            .map(e -> extension(e.body(), e.span(), addressees)));
    return new Stage(d.key().text(), d.title().map(Text::value).orElse("Stage " + d.key().text()),
        body.steps(), body.timescales(), body.preconditions(), body.onlyIf(),
        new Transitions(resolved, unsatisfactory, noResponse, choices(route)), extension,
        body.citations(), d.span(), body.judges(), body.escalatedBy());
  }

  /** The routes the case chooses, one per kind of response each covers, in the order written. */
  private List<Transitions.Choice> choices(Routes.Route route) {
    List<Transitions.Choice> choices = new ArrayList<>();
    for (Routes.Choice c : route.choices()) {
      List<Transitions.Response> on = switch (c.response()) {
        case RESOLVED -> List.of(Transitions.Response.RESOLVED);
        case UNSATISFACTORY -> List.of(Transitions.Response.UNSATISFACTORY);
        case NO_RESPONSE -> List.of(Transitions.Response.NO_RESPONSE);
        case NOT_RESOLVED -> List.of(Transitions.Response.UNSATISFACTORY,
            Transitions.Response.NO_RESPONSE);
      };
      for (Transitions.Response response : on) {
        choices.add(new Transitions.Choice(response, expressions.condition(c.condition()),
            c.target(), c.written().citation().map(Expressions::citation), c.written().span()));
      }
    }
    return choices;
  }

  private List<Outcome> outcomes(ProtocolFile file) {
    List<Outcome> outcomes = new ArrayList<>();
    boolean resolvedDeclared = false;
    for (Decl.OutcomeDecl d : symbols.outcomes().values()) {
      Body body = new Body(expressions, symbols.actionIds());
      body.addAll(d.body());
      boolean builtIn = Target.RESOLVED.equals(d.name().text());
      resolvedDeclared |= builtIn;
      outcomes.add(new Outcome(d.name().text(), title(d.title(), d.name()), builtIn, body.steps(),
          body.preconditions(), body.citations(), d.span()));
    }
    if (!resolvedDeclared) {
      outcomes.add(0, new Outcome(Target.RESOLVED, "Resolved", true, List.of(), List.of(),
          List.of(), SourceSpan.NONE));
    }
    return outcomes;
  }

  // -------------------------------------------------------------------------------------------
  // Rights, extensions, triggers, limits, properties

  private Right right(Decl.RightDecl d) {
    List<Target> targets = new ArrayList<>();
    if (d.targets() instanceof RightTargets.AnyStage) {
      symbols.stageKeys().forEach(k -> targets.add(new Target.ToStage(k)));
    } else if (d.targets() instanceof RightTargets.AnyLaterStage) {
      // the first stage is never after another
      symbols.stageKeys().stream().skip(1).forEach(k -> targets.add(new Target.ToStage(k)));
    } else if (d.targets() instanceof RightTargets.Listed listed) {
      for (RightTargets.RightTarget t : listed.targets()) {
        if (t instanceof RightTargets.RightTarget.Stages s) {
          symbols.keys(List.of(s.ref())).forEach(k -> targets.add(new Target.ToStage(k)));
        } else if (t instanceof RightTargets.RightTarget.Outcome o) {
          targets.add(new Target.ToOutcome(o.outcome().text()));
        }
      }
    }
    return new Right(d.role().text(), Right.Kind.valueOf(d.kind().name()), targets,
        d.withReason(), d.concurrently(), d.targets() instanceof RightTargets.AnyLaterStage,
        d.guard().map(expressions::condition),
        d.citation().map(Expressions::citation), d.span(), d.atRaise());
  }

  private static Optional<Decl.ExtensionDecl> wideExtension(ProtocolFile file) {
    return file.all(Decl.ExtensionDecl.class).stream().findFirst();
  }

  /**
   * Whether an extension block says {@code requested by addressees}. A protocol-wide block that
   * does is lowered into a copy at each stage that has no block of its own, each naming that
   * stage's addressees, as if the protocol had written them out stage by stage: the model knows
   * no "addressees", only roles.
   */
  private static boolean byAddressees(List<ExtensionStmt> body) {
    return body.stream().anyMatch(s -> s instanceof ExtensionStmt.RequestedBy r && r.addressees());
  }

  /** Every role a stage may be escalated to, on any {@code to} line, substitutes included. */
  private static List<String> addressees(List<Step> steps) {
    Set<String> roles = new LinkedHashSet<>();
    for (Step step : steps) {
      if (step instanceof Step.EscalateTo to) {
        roles.addAll(to.roles());
        to.substitute().ifPresent(roles::add);
      }
    }
    return List.copyOf(roles);
  }

  private ExtensionRule extension(List<ExtensionStmt> body, SourceSpan span,
      List<String> addressees) {
    List<String> requestedBy = new ArrayList<>();
    List<String> grantedBy = new ArrayList<>();
    List<String> records = new ArrayList<>();
    List<String> informed = new ArrayList<>();
    List<org.escalon.model.Precondition> preconditions = new ArrayList<>();
    List<List<String>> askedOf = new ArrayList<>();
    List<Citation> citations = new ArrayList<>();
    boolean inWriting = false;
    boolean withRationale = false;
    Optional<org.escalon.model.Timespan> upTo = Optional.empty();
    Optional<org.escalon.model.Timespan> guide = Optional.empty();
    Optional<Integer> perStage = Optional.empty();
    Optional<Integer> inTotal = Optional.empty();
    for (ExtensionStmt statement : body) {
      if (statement instanceof ExtensionStmt.RequestedBy s) {
        s.roles().forEach(r -> requestedBy.add(r.text()));
        if (s.addressees()) {
          requestedBy.addAll(addressees);
        }
        inWriting |= s.inWriting();
        withRationale |= s.withRationale();
        s.citation().map(Expressions::citation).ifPresent(citations::add);
      } else if (statement instanceof ExtensionStmt.GrantedBy s) {
        s.roles().forEach(r -> grantedBy.add(r.text()));
        s.citation().map(Expressions::citation).ifPresent(citations::add);
      } else if (statement instanceof ExtensionStmt.UpTo s) {
        upTo = Optional.of(Expressions.duration(s.duration()));
        s.citation().map(Expressions::citation).ifPresent(citations::add);
      } else if (statement instanceof ExtensionStmt.Guide s) {
        guide = Optional.of(Expressions.duration(s.duration()));
        s.citation().map(Expressions::citation).ifPresent(citations::add);
      } else if (statement instanceof ExtensionStmt.AtMost s) {
        if (s.per() == ExtensionStmt.Per.STAGE) {
          perStage = Optional.of(s.count());
        } else {
          inTotal = Optional.of(s.count());
        }
        s.citation().map(Expressions::citation).ifPresent(citations::add);
      } else if (statement instanceof ExtensionStmt.Record s) {
        records.add(Expressions.recordName(s.subject()));
        s.citation().map(Expressions::citation).ifPresent(citations::add);
      } else if (statement instanceof ExtensionStmt.Notify s) {
        s.roles().forEach(r -> informed.add(r.text()));
        s.citation().map(Expressions::citation).ifPresent(citations::add);
      } else if (statement instanceof ExtensionStmt.Requires s) {
        s.requirements().forEach(r -> preconditions.add(expressions.precondition(r)));
        s.requirements().forEach(r -> askedOf.add(s.askedOf().stream().map(Name::text)
            .toList()));
        s.citation().map(Expressions::citation).ifPresent(citations::add);
      } else if (statement instanceof ExtensionStmt.Source s) {
        citations.add(Expressions.citation(s.citation()));
      }
    }
    return new ExtensionRule(requestedBy, inWriting, withRationale, grantedBy, upTo, perStage,
        inTotal, records, informed, preconditions, askedOf, citations, span, guide);
  }

  private Trigger trigger(Decl.TriggerDecl d) {
    org.escalon.model.HistoryRule rule = null;
    String raiseAt = "";
    Optional<String> raisedBy = Optional.empty();
    List<Citation> citations = new ArrayList<>();
    for (TriggerStmt statement : d.body()) {
      if (statement instanceof TriggerStmt.When w) {
        rule = expressions.history(w.history());
        w.citation().map(Expressions::citation).ifPresent(citations::add);
      } else if (statement instanceof TriggerStmt.RaiseAt r) {
        raiseAt = r.stage().text();
        raisedBy = r.by().map(n -> n.text());
        r.citation().map(Expressions::citation).ifPresent(citations::add);
      } else if (statement instanceof TriggerStmt.Source s) {
        citations.add(Expressions.citation(s.citation()));
      }
    }
    return new Trigger(d.name().text(), title(d.title(), d.name()), rule, raiseAt, raisedBy,
        citations, d.span());
  }

  private Limit limit(Decl.LimitDecl d) {
    List<String> stages = symbols.stageKeys();
    org.escalon.model.Timespan atMost = null;
    org.escalon.model.Measure measure = org.escalon.model.Measure.TIMESCALES;
    List<Citation> citations = new ArrayList<>();
    for (LimitStmt statement : d.body()) {
      if (statement instanceof LimitStmt.Total t) {
        stages = t.stages().isEmpty() ? symbols.stageKeys() : symbols.keys(t.stages());
        atMost = Expressions.duration(t.atMost());
        measure = t.measure();
        t.citation().map(Expressions::citation).ifPresent(citations::add);
      } else if (statement instanceof LimitStmt.Source s) {
        citations.add(Expressions.citation(s.citation()));
      }
    }
    return new Limit(d.title().value(), stages, atMost, measure, citations, d.span());
  }

  private Phase phase(Decl.PhaseDecl d) {
    List<String> listed = symbols.keys(d.stages());
    List<Citation> citations = new ArrayList<>();
    for (PhaseStmt statement : d.body()) {
      if (statement instanceof PhaseStmt.Stages s) {
        s.citation().map(Expressions::citation).ifPresent(citations::add);
      } else if (statement instanceof PhaseStmt.Source s) {
        citations.add(Expressions.citation(s.citation()));
      }
    }
    return new Phase(d.name().text(), title(d.title(), d.name()),
        symbols.stageKeys().stream().filter(listed::contains).toList(), citations, d.span());
  }

  private Property property(Decl.PropertyDecl d) {
    org.escalon.model.Claim claim = null;
    List<Citation> citations = new ArrayList<>();
    for (PropertyStmt statement : d.body()) {
      if (statement instanceof PropertyStmt.Claim c) {
        claim = claim == null ? expressions.claim(c.claim())
            : new org.escalon.model.Claim.And(claim, expressions.claim(c.claim()));
        c.citation().map(Expressions::citation).ifPresent(citations::add);
      } else if (statement instanceof PropertyStmt.Source s) {
        citations.add(Expressions.citation(s.citation()));
      }
    }
    return new Property(d.title().value(), claim, citations, d.span());
  }

  /** {@code when C go to T} or {@code when C { steps }}: what is done at once. */
  private AtOnce atOnce(Decl.AtOnceDecl d) {
    Body body = new Body(expressions, symbols.actionIds());
    body.addAll(d.body());
    List<Citation> citations = new ArrayList<>();
    d.citation().map(Expressions::citation).ifPresent(citations::add);
    citations.addAll(body.citations());
    return new AtOnce(expressions.condition(d.condition()), d.goTo().map(Routes::target),
        body.steps(), citations, d.span());
  }

  /** An invariant's conditions, one per line, all of which must hold. */
  private Invariant invariant(Decl.InvariantDecl d) {
    org.escalon.model.Condition condition = null;
    List<Citation> citations = new ArrayList<>();
    for (InvariantStmt statement : d.body()) {
      if (statement instanceof InvariantStmt.Holds h) {
        org.escalon.model.Condition c = expressions.condition(h.condition());
        condition = condition == null ? c : new org.escalon.model.Condition.And(condition, c);
        h.citation().map(Expressions::citation).ifPresent(citations::add);
      } else if (statement instanceof InvariantStmt.Source s) {
        citations.add(Expressions.citation(s.citation()));
      }
    }
    return new Invariant(d.title().value(), condition, citations, d.span());
  }

  private static String title(Optional<Text> title, Name name) {
    return title.map(Text::value).orElse(name.text());
  }
}
