package org.escalon.compiler.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.escalon.compiler.ast.Decl;
import org.escalon.compiler.ast.Decl.AgencyDecl;
import org.escalon.compiler.ast.Decl.AttributeDecl;
import org.escalon.compiler.ast.Decl.EventDecl;
import org.escalon.compiler.ast.Decl.FormDecl;
import org.escalon.compiler.ast.Decl.OutcomeDecl;
import org.escalon.compiler.ast.Decl.RoleDecl;
import org.escalon.compiler.ast.Decl.ScaleDecl;
import org.escalon.compiler.ast.Decl.StageDecl;
import org.escalon.compiler.ast.Decl.TriggerDecl;
import org.escalon.compiler.ast.Name;
import org.escalon.compiler.ast.ProtocolFile;
import org.escalon.compiler.ast.StageKey;
import org.escalon.compiler.ast.StageRef;
import org.escalon.compiler.diagnostics.Code;
import org.escalon.compiler.diagnostics.Diagnostic;
import org.escalon.compiler.diagnostics.Diagnostics;
import org.escalon.model.SourceSpan;
import org.escalon.model.Target;

/**
 * Every declaration of a protocol by name, in declaration order. Built once per file; a name
 * declared twice is reported (E0210) and the first declaration kept.
 */
public final class SymbolTable {

  private final Map<String, RoleDecl> roles = new LinkedHashMap<>();
  private final Map<String, AgencyDecl> agencies = new LinkedHashMap<>();
  private final Map<String, AttributeDecl> attributes = new LinkedHashMap<>();
  private final Map<String, EventDecl> events = new LinkedHashMap<>();
  private final Map<String, Decl.KnownDateDecl> dates = new LinkedHashMap<>();
  private final Map<String, ScaleDecl> scales = new LinkedHashMap<>();
  private final Map<String, FormDecl> forms = new LinkedHashMap<>();
  private final Map<String, StageDecl> stages = new LinkedHashMap<>();
  private final Map<String, OutcomeDecl> outcomes = new LinkedHashMap<>();
  private final Map<String, TriggerDecl> triggers = new LinkedHashMap<>();
  private final Map<String, Decl.PhaseDecl> phases = new LinkedHashMap<>();
  private ActionIds actionIds;

  static SymbolTable build(ProtocolFile file, Diagnostics diagnostics) {
    SymbolTable table = new SymbolTable();
    for (Decl decl : file.decls()) {
      if (decl instanceof RoleDecl d) {
        table.declare(table.roles, d.name(), d, "role", diagnostics);
      } else if (decl instanceof AgencyDecl d) {
        table.declare(table.agencies, d.name(), d, "agency", diagnostics);
      } else if (decl instanceof AttributeDecl d) {
        table.declare(table.attributes, d.name(), d, "attribute", diagnostics);
      } else if (decl instanceof EventDecl d) {
        table.declare(table.events, d.name(), d, "event", diagnostics);
      } else if (decl instanceof Decl.KnownDateDecl d) {
        table.declare(table.dates, d.name(), d, "date", diagnostics);
      } else if (decl instanceof ScaleDecl d) {
        table.declare(table.scales, d.name(), d, "scale", diagnostics);
      } else if (decl instanceof FormDecl d) {
        table.declare(table.forms, d.name(), d, "form", diagnostics);
      } else if (decl instanceof StageDecl d) {
        table.declareStage(d, diagnostics);
      } else if (decl instanceof OutcomeDecl d) {
        table.declare(table.outcomes, d.name(), d, "outcome", diagnostics);
      } else if (decl instanceof TriggerDecl d) {
        table.declare(table.triggers, d.name(), d, "trigger", diagnostics);
      } else if (decl instanceof Decl.PhaseDecl d) {
        table.declare(table.phases, d.name(), d, "phase", diagnostics);
      }
    }
    // a decision (the protocol's, or a stage's) is a yes/no fact of the case, named among the
    // attributes
    for (Decl decl : file.decls()) {
      List<?> inside = decl instanceof StageDecl d ? d.body() : List.of(decl);
      for (Object s : inside) {
        if (s instanceof org.escalon.compiler.ast.StageStmt.Decision x) {
          table.declare(table.attributes, x.name(), new AttributeDecl(x.name(), x.title(),
              List.of(), x.citation(), x.span()), "attribute", diagnostics);
        }
      }
    }
    table.actionIds = ActionIds.of(file, diagnostics);
    return table;
  }

  private <D extends Decl> void declare(
      Map<String, D> into, Name name, D decl, String kind, Diagnostics diagnostics) {
    D first = into.putIfAbsent(name.text(), decl);
    if (first != null) {
      diagnostics.report(Diagnostic.of(Code.E0210, "the " + kind + " `" + name.text()
              + "` is declared twice")
          .at(name.span(), "declared again here")
          .also(first.span(), "first declared here")
          .help("remove one of them, or give this " + kind + " another name"));
    }
  }

  private void declareStage(StageDecl d, Diagnostics diagnostics) {
    StageDecl first = stages.putIfAbsent(d.key().text(), d);
    if (first != null) {
      diagnostics.report(Diagnostic.of(Code.E0210, "`stage " + d.key().text()
              + "` is declared twice")
          .at(d.key().span(), "declared again here")
          .also(first.key().span(), "first declared here")
          .note("a policy may number two stages alike; each still needs a key of its own, and "
              + "the policy's numbering can stay in the title")
          .help("give this stage a key of its own"));
    }
  }

  // -------------------------------------------------------------------------------------------

  public Map<String, RoleDecl> roles() {
    return roles;
  }

  public Map<String, AgencyDecl> agencies() {
    return agencies;
  }

  public Map<String, AttributeDecl> attributes() {
    return attributes;
  }

  public Map<String, EventDecl> events() {
    return events;
  }

  /** The known dates ({@code date conference "..."}), by name. */
  public Map<String, Decl.KnownDateDecl> dates() {
    return dates;
  }

  public Map<String, ScaleDecl> scales() {
    return scales;
  }

  public Map<String, FormDecl> forms() {
    return forms;
  }

  /** Stages by key, in ladder (declaration) order. */
  public Map<String, StageDecl> stages() {
    return stages;
  }

  public Map<String, OutcomeDecl> outcomes() {
    return outcomes;
  }

  public Map<String, TriggerDecl> triggers() {
    return triggers;
  }

  /** Phases by name, in declaration order. */
  /** The stable id of every action. */
  public ActionIds actionIds() {
    return actionIds;
  }

  public Map<String, Decl.PhaseDecl> phases() {
    return phases;
  }

  public List<String> stageKeys() {
    return new ArrayList<>(stages.keySet());
  }

  /** Outcome names that can be gone to, the built-in {@code resolved} included. */
  public List<String> outcomeNames() {
    List<String> names = new ArrayList<>(outcomes.keySet());
    if (!outcomes.containsKey(Target.RESOLVED)) {
      names.add(Target.RESOLVED);
    }
    return names;
  }

  public boolean isOutcome(String name) {
    return outcomes.containsKey(name) || Target.RESOLVED.equals(name);
  }

  public int stageIndex(String key) {
    return stageKeys().indexOf(key);
  }

  /** The stage declared after this one, if any. */
  public Optional<String> nextStage(String key) {
    List<String> keys = stageKeys();
    int i = keys.indexOf(key);
    return i >= 0 && i + 1 < keys.size() ? Optional.of(keys.get(i + 1)) : Optional.empty();
  }

  /** The stages from {@code from} to {@code to} inclusive in ladder order; empty if either is unknown. */
  public List<String> range(StageKey from, StageKey to) {
    List<String> keys = stageKeys();
    int a = keys.indexOf(from.text());
    int b = keys.indexOf(to.text());
    if (a < 0 || b < 0 || a > b) {
      return List.of();
    }
    return keys.subList(a, b + 1);
  }

  /**
   * The keys of the stages a reference names, in the order written (a range and a phase in ladder
   * order); unknown ones are left out. A phase names the stages its own lines list; a phase
   * inside a phase is refused by the checker (E0404) and names nothing here.
   */
  public List<String> keys(List<StageRef> refs) {
    List<String> keys = new ArrayList<>();
    for (StageRef ref : refs) {
      if (ref instanceof StageRef.Single s && stages.containsKey(s.key().text())) {
        keys.add(s.key().text());
      } else if (ref instanceof StageRef.Range r) {
        keys.addAll(range(r.from(), r.to()));
      } else if (ref instanceof StageRef.Phase p && phases.containsKey(p.name().text())) {
        List<StageRef> listed = phases.get(p.name().text()).stages().stream()
            .filter(inner -> !(inner instanceof StageRef.Phase)).toList();
        List<String> inPhase = keys(listed);
        stageKeys().stream().filter(inPhase::contains).forEach(keys::add);
      }
    }
    return keys;
  }

  public SourceSpan stageSpan(String key) {
    StageDecl d = stages.get(key);
    return d == null ? SourceSpan.NONE : d.key().span();
  }
}
