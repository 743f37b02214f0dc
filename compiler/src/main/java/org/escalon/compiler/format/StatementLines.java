package org.escalon.compiler.format;

import static org.escalon.compiler.format.AstPrinter.cite;
import static org.escalon.compiler.format.AstPrinter.quote;
import static org.escalon.compiler.format.AstPrinter.source;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.escalon.compiler.ast.ConditionExpr;
import org.escalon.compiler.ast.DurationExpr;
import org.escalon.compiler.ast.ExtensionStmt;
import org.escalon.compiler.ast.MannerExpr;
import org.escalon.compiler.ast.Name;
import org.escalon.compiler.ast.StageStmt;

/**
 * The one-line statements of stage, outcome and obligation bodies and of extension blocks, each
 * as the text of its line (without indentation).
 */
final class StatementLines {

  private final ExprPrinter expr;

  StatementLines(ExprPrinter expr) {
    this.expr = expr;
  }

  // -------------------------------------------------------------------------------------------
  // Stage bodies

  /** The line of a one-line stage statement ({@link StageStmt.Extension} is a block). */
  String stage(StageStmt s) {
    if (s instanceof StageStmt.To t) {
      return "to " + t.roles().stream().map(Name::text).collect(Collectors.joining(
              t.joined() == StageStmt.Joined.JOINTLY ? " and "
                  : t.joined() == StageStmt.Joined.EITHER ? " or " : ", "))
          + (t.bothAgencies() ? " in both agencies" : "")
          + t.substitute().map(x -> ", or " + x.text() + " when unavailable").orElse("")
          + guard(t.guard()) + cite(t.citation());
    } else if (s instanceof StageStmt.JudgedBy j) {
      return "judged by " + j.roles().stream().map(Name::text).collect(Collectors.joining(
              j.joined() == StageStmt.Joined.JOINTLY ? " and "
                  : j.joined() == StageStmt.Joined.EITHER ? " or " : ", "))
          + cite(j.citation());
    } else if (s instanceof StageStmt.Decision d) {
      return "decision " + d.name().text() + d.title().map(t -> " " + quote(t)).orElse("")
          + " by " + d.roles().stream().map(Name::text).collect(Collectors.joining(
              d.joined() == StageStmt.Joined.JOINTLY ? " and "
                  : d.joined() == StageStmt.Joined.EITHER ? " or " : ", "))
          + cite(d.citation());
    } else if (s instanceof StageStmt.EscalatedBy e) {
      return "escalated by " + e.role().text() + cite(e.citation());
    } else if (s instanceof StageStmt.Copy c) {
      return "copy " + expr.names(c.roles()) + guard(c.guard()) + cite(c.citation());
    } else if (s instanceof StageStmt.Notify n) {
      return verb(n.verb()) + " " + expr.names(n.roles())
          + n.what().map(w -> " " + quote(w)).orElse("")
          + n.by().map(b -> " by " + b.text()).orElse("") + via(n.manner())
          + within(n.within(), n.from(), n.urgency()) + practice(n.manner()) + guard(n.guard()) + cite(n.citation());
    } else if (s instanceof StageStmt.Action a) {
      return "action " + a.id().map(i -> i.text() + " ").orElse("") + quote(a.what())
          + a.by().map(b -> " by " + b.text()).orElse("")
          + a.alsoBy().stream().map(b -> " and " + b.text()).collect(Collectors.joining())
          + via(a.manner()) + within(a.within(), a.from(), a.urgency()) + practice(a.manner()) + guard(a.guard())
          + cite(a.citation());
    } else if (s instanceof StageStmt.Record r) {
      String sentTo = r.sentTo().isEmpty() ? "" : " sent to " + expr.names(r.sentTo());
      return "record " + recordSubject(r.subject()) + r.by().map(b -> " by " + b.text()).orElse("")
          + sentTo + via(r.manner()) + within(r.within(), r.from(), r.urgency()) + practice(r.manner())
          + guard(r.guard()) + cite(r.citation());
    } else if (s instanceof StageStmt.Remind r) {
      return remind(r);
    } else if (s instanceof StageStmt.RespondWithin r) {
      boolean promptly = r.firmness().flatMap(f -> f.word()).map(w -> w.promptly()).orElse(false);
      return "respond " + (promptly ? "" : expr.within(r.duration())) + firmness(r.firmness())
          + guard(r.guard()) + cite(r.citation());
    } else if (s instanceof org.escalon.compiler.ast.RespondChosen r) {
      String times = r.earlier() ? "the earlier of " + choice(r.choices().get(0)) + " and "
          + choice(r.choices().get(1)) : choice(r.choices().get(0));
      return "respond within " + times + firmness(r.firmness()) + guard(r.guard())
          + cite(r.citation());
    } else if (s instanceof StageStmt.RespondBy r) {
      return "respond by " + expr.duration(r.duration()) + " after " + anchor(r.anchor())
          + firmness(r.firmness()) + guard(r.guard()) + cite(r.citation());
    } else if (s instanceof StageStmt.Requires r) {
      return "requires " + requirements(r.requirements()) + cite(r.citation());
    } else if (s instanceof StageStmt.RequiresStep r) {
      return "requires " + stage(r.step());
    } else if (s instanceof StageStmt.OnlyIf o) {
      return "only if " + expr.condition(o.condition()) + cite(o.citation());
    } else if (s instanceof StageStmt.When w) {
      return "when " + response(w.response()) + " go to " + target(w.target())
          + w.condition().map(c -> " if " + expr.condition(c)).orElse("")
          + w.otherwise().map(o -> ", otherwise go to " + target(o)).orElse("")
          + cite(w.citation());
    } else if (s instanceof StageStmt.Source src) {
      return source(src.citation());
    }
    throw new IllegalArgumentException("not a one-line stage statement: " + s);
  }

  // `where possible`, `as a guide`, or the urgency word that is the timescale (after `respond`,
  // with no space before it); then `, assume at most D`
  private String firmness(java.util.Optional<org.escalon.compiler.ast.FirmnessExpr> firmness) {
    return firmness.map(f -> f.word().map(w -> (w.promptly() ? "" : " ") + w.words()).orElse("")
        + f.assumed().map(d -> ", assume at most " + expr.duration(d)).orElse("")).orElse("");
  }

  private String choice(org.escalon.compiler.ast.RespondChosen.Choice c) {
    if (c instanceof org.escalon.compiler.ast.RespondChosen.Choice.Fixed f) {
      return expr.duration(f.duration());
    }
    var set = (org.escalon.compiler.ast.RespondChosen.Choice.SetBy) c;
    return "the time set by " + expr.names(set.roles())
        + set.guide().map(g -> ", guide " + expr.duration(g)).orElse("")
        + set.cap().map(d -> ", up to " + expr.duration(d)).orElse("");
  }

  private String remind(StageStmt.Remind r) {
    return "remind " + expr.names(r.roles()) + " every " + expr.duration(r.every())
        + (r.untilResolved() ? " until resolved" : "")
        + (r.copying().isEmpty() ? "" : " copying " + expr.names(r.copying()))
        + guard(r.guard()) + cite(r.citation());
  }

  private static String verb(StageStmt.Verb verb) {
    switch (verb) {
      case ADVISE:
        return "advise";
      case CONSULT:
        return "consult";
      default:
        return "notify";
    }
  }

  /** {@code  via telephone or email}, or nothing. */
  private static String via(MannerExpr manner) {
    return manner.channels().isEmpty() ? "" : " via " + manner.channels().stream()
        .map(Name::text).collect(Collectors.joining(" or "));
  }

  /** {@code  as good practice}, or nothing. */
  private static String practice(MannerExpr manner) {
    return manner.goodPractice() ? " as good practice" : "";
  }

  private static String recordSubject(StageStmt.RecordSubject subject) {
    if (subject instanceof StageStmt.RecordSubject.Note n) {
      return quote(n.text());
    }
    return ((StageStmt.RecordSubject.FormRef) subject).form().text();
  }

  private static String anchor(StageStmt.Anchor anchor) {
    if (anchor instanceof StageStmt.Anchor.Event e) {
      return e.event().text();
    } else if (anchor instanceof StageStmt.Anchor.Stage s) {
      return "stage " + s.key().text();
    }
    return "the start";
  }

  private static String response(StageStmt.ResponseKind kind) {
    switch (kind) {
      case RESOLVED:
        return "resolved";
      case UNSATISFACTORY:
        return "unsatisfactory";
      case NO_RESPONSE:
        return "no response";
      default:
        return "not resolved";
    }
  }

  String target(StageStmt.Target target) {
    if (target instanceof StageStmt.Target.ToStage s) {
      return expr.stage(s.key());
    } else if (target instanceof StageStmt.Target.ToResolved) {
      return "resolved";
    }
    return ((StageStmt.Target.ToOutcome) target).outcome().text();
  }

  private String requirements(List<StageStmt.Requirement> requirements) {
    return requirements.stream().map(this::requirement).collect(Collectors.joining(", "));
  }

  private String requirement(StageStmt.Requirement r) {
    if (r instanceof StageStmt.Requirement.Completed c) {
      return "completed " + expr.stageRefs(c.stages());
    } else if (r instanceof StageStmt.Requirement.Agreement a) {
      return "agreement of " + a.role().text();
    } else if (r instanceof StageStmt.Requirement.Advice a) {
      return "advice of " + a.role().text();
    }
    return expr.condition(((StageStmt.Requirement.Holds) r).condition());
  }

  private String within(Optional<DurationExpr> within, Optional<StageStmt.Anchor> from,
      Optional<org.escalon.model.Timescale.Firmness.Word> urgency) {
    return urgency.map(w -> " " + w.words())
        .or(() -> within.map(d -> " " + expr.within(d))).orElse("")
        + from.map(a -> a instanceof StageStmt.Anchor.Before b ? " before the " + b.date().text()
            : " after " + anchor(a)).orElse("");
  }

  private String guard(Optional<ConditionExpr> guard) {
    return guard.map(c -> " if " + expr.condition(c)).orElse("");
  }

  // -------------------------------------------------------------------------------------------
  // Extension blocks

  /** The line of a statement of an {@code extension} block. */
  String extension(ExtensionStmt s) {
    if (s instanceof ExtensionStmt.RequestedBy r) {
      return "requested by " + (r.addressees() ? "addressees" : expr.names(r.roles()))
          + (r.inWriting() ? " in writing" : "")
          + (r.withRationale() ? " with rationale" : "") + cite(r.citation());
    } else if (s instanceof ExtensionStmt.GrantedBy g) {
      return "granted by " + expr.names(g.roles()) + cite(g.citation());
    } else if (s instanceof ExtensionStmt.UpTo u) {
      return "up to " + expr.duration(u.duration()) + cite(u.citation());
    } else if (s instanceof ExtensionStmt.Guide g) {
      return "guide " + expr.duration(g.duration()) + cite(g.citation());
    } else if (s instanceof ExtensionStmt.AtMost a) {
      String per = a.per() == ExtensionStmt.Per.TOTAL ? " in total" : " per stage";
      return "at most " + a.count() + " times" + per + cite(a.citation());
    } else if (s instanceof ExtensionStmt.Record r) {
      return "record " + recordSubject(r.subject()) + cite(r.citation());
    } else if (s instanceof ExtensionStmt.Notify n) {
      return "notify " + expr.names(n.roles()) + cite(n.citation());
    } else if (s instanceof ExtensionStmt.Requires r) {
      return "requires " + requirements(r.requirements()) + (r.askedOf().isEmpty() ? ""
          : " when requested by " + r.askedOf().stream().map(Name::text)
              .collect(Collectors.joining(" or "))) + cite(r.citation());
    } else if (s instanceof ExtensionStmt.Source src) {
      return source(src.citation());
    }
    throw new IllegalArgumentException("not an extension statement: " + s);
  }
}
