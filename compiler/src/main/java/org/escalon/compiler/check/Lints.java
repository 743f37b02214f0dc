package org.escalon.compiler.check;

import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import org.escalon.compiler.ast.Decl;
import org.escalon.compiler.ast.StageKey;
import org.escalon.compiler.ast.Name;
import org.escalon.compiler.ast.ProtocolFile;
import org.escalon.compiler.ast.StageStmt;
import org.escalon.compiler.diagnostics.Code;
import org.escalon.compiler.diagnostics.Diagnostic;
import org.escalon.compiler.diagnostics.Diagnostics;

/**
 * Warnings about protocols that are valid but probably not what the policy meant: unused
 * declarations (W0501), stages and outcomes without a citation (W0502), stages that escalate to
 * no one (W0503), a role both escalated to and copied (W0504), numbering out of order (W0505).
 */
final class Lints {

  private final SymbolTable symbols;
  private final Diagnostics diagnostics;
  private final Usage usage;

  Lints(SymbolTable symbols, Diagnostics diagnostics, Usage usage) {
    this.symbols = symbols;
    this.diagnostics = diagnostics;
    this.usage = usage;
  }

  void check(ProtocolFile file) {
    unused(symbols.roles(), usage.roles, "role");
    unused(symbols.agencies(), usage.agencies, "agency");
    unused(symbols.attributes(), usage.attributes, "attribute");
    unused(symbols.events(), usage.events, "event");
    unused(symbols.dates(), usage.dates, "date");
    unused(symbols.scales(), usage.scales, "scale");
    unused(symbols.forms(), usage.forms, "form");
    StageKey.Numbering lastNumber = null;
    Decl.StageDecl lastNumbered = null;
    for (Decl.StageDecl stage : symbols.stages().values()) {
      if (!hasSource(stage.body())) {
        missingSource(stage.key().span(), "`stage " + stage.key().text() + "`");
      }
      List<String> to = names(stage.body(), true);
      if (to.isEmpty()) {
        diagnostics.report(Diagnostic.of(Code.W0503, "`stage " + stage.key().text()
                + "` escalates to no one")
            .at(stage.key().span(), "no `to` line")
            .help("say who the concern goes to at this stage, such as `to TeamManager`"));
      }
      for (String copied : names(stage.body(), false)) {
        if (to.contains(copied)) {
          diagnostics.report(Diagnostic.of(Code.W0504, "`" + copied + "` is both escalated to and "
                  + "copied at `stage " + stage.key().text() + "`")
              .at(stage.key().span(), "this stage")
              .help("remove `" + copied + "` from the `copy` line"));
        }
      }
      Optional<StageKey.Numbering> numbering = stage.key().numbering();
      if (numbering.isPresent()) {
        StageKey.Numbering number = numbering.get();
        if (lastNumber != null && number.compareTo(lastNumber) < 0) {
          diagnostics.report(Diagnostic.of(Code.W0505, "`stage " + stage.key().text()
                  + "` comes after `stage "
                  + lastNumbered.key().text() + "` in the file")
              .at(stage.key().span(), "out of order")
              .also(lastNumbered.key().span(), "declared earlier")
              .note("the ladder follows the order of the file, not the numbers")
              .help("declare stages in the order the escalation climbs them"));
        }
        lastNumber = number;
        lastNumbered = stage;
      }
    }
    for (Decl.OutcomeDecl outcome : symbols.outcomes().values()) {
      if (!hasSource(outcome.body())) {
        missingSource(outcome.name().span(), "the outcome `" + outcome.name().text() + "`");
      }
    }
  }

  private <D extends Decl> void unused(Map<String, D> declared, Set<String> used, String kind) {
    declared.forEach((name, decl) -> {
      if (!used.contains(name)) {
        diagnostics.report(Diagnostic.of(Code.W0501, "the " + kind + " `" + name
                + "` is declared but never used")
            .at(nameSpan(decl), "never used")
            .help("use it, or remove it if the policy does not need it"));
      }
    });
  }

  private static org.escalon.model.SourceSpan nameSpan(Decl decl) {
    if (decl instanceof Decl.RoleDecl d) {
      return d.name().span();
    } else if (decl instanceof Decl.AgencyDecl d) {
      return d.name().span();
    } else if (decl instanceof Decl.AttributeDecl d) {
      return d.name().span();
    } else if (decl instanceof Decl.EventDecl d) {
      return d.name().span();
    } else if (decl instanceof Decl.KnownDateDecl d) {
      return d.name().span();
    } else if (decl instanceof Decl.ScaleDecl d) {
      return d.name().span();
    } else if (decl instanceof Decl.FormDecl d) {
      return d.name().span();
    }
    return decl.span();
  }

  private void missingSource(org.escalon.model.SourceSpan span, String what) {
    diagnostics.report(Diagnostic.of(Code.W0502, what + " does not cite its source")
        .at(span, "no `source`")
        .help("add `source \"...\"` naming the paragraph of the policy it encodes"));
  }

  /** A block is cited by a `source` line of its own, or by a citation on any of its statements. */
  private static boolean hasSource(List<StageStmt> body) {
    return body.stream().anyMatch(s -> s instanceof StageStmt.Source || citation(s).isPresent());
  }

  private static java.util.Optional<org.escalon.compiler.ast.SourceRef> citation(StageStmt s) {
    if (s instanceof StageStmt.To t) {
      return t.citation();
    } else if (s instanceof StageStmt.JudgedBy j) {
      return j.citation();
    } else if (s instanceof StageStmt.EscalatedBy e) {
      return e.citation();
    } else if (s instanceof StageStmt.Copy c) {
      return c.citation();
    } else if (s instanceof StageStmt.Notify n) {
      return n.citation();
    } else if (s instanceof StageStmt.Action a) {
      return a.citation();
    } else if (s instanceof StageStmt.Record r) {
      return r.citation();
    } else if (s instanceof StageStmt.Remind r) {
      return r.citation();
    } else if (s instanceof StageStmt.RespondWithin r) {
      return r.citation();
    } else if (s instanceof StageStmt.RespondBy r) {
      return r.citation();
    } else if (s instanceof org.escalon.compiler.ast.RespondChosen r) {
      return r.citation();
    } else if (s instanceof StageStmt.Requires r) {
      return r.citation();
    } else if (s instanceof StageStmt.RequiresStep r) {
      return citation(r.step());
    } else if (s instanceof StageStmt.OnlyIf o) {
      return o.citation();
    } else if (s instanceof StageStmt.When w) {
      return w.citation();
    }
    return java.util.Optional.empty();
  }

  private static List<String> names(List<StageStmt> body, boolean escalatedTo) {
    return body.stream()
        .flatMap(s -> escalatedTo
            ? (s instanceof StageStmt.To t ? t.roles().stream() : java.util.stream.Stream.<Name>empty())
            : (s instanceof StageStmt.Copy c ? c.roles().stream() : java.util.stream.Stream.<Name>empty()))
        .map(Name::text)
        .distinct()
        .toList();
  }
}
