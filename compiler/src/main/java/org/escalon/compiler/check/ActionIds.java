package org.escalon.compiler.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.escalon.compiler.ast.Decl;
import org.escalon.compiler.ast.Name;
import org.escalon.compiler.ast.ProtocolFile;
import org.escalon.compiler.ast.StageStmt;
import org.escalon.compiler.diagnostics.Code;
import org.escalon.compiler.diagnostics.Diagnostic;
import org.escalon.compiler.diagnostics.Diagnostics;
import org.escalon.model.Words;

/**
 * The stable id of every action of a protocol, decided once for the checker and the lowering. An
 * action written with a name ({@code action follow_up "..."}) has that name as its id, so an author
 * who rewords an action keeps its id by writing the old id as its name. An action without a name
 * gets the snake case of its words ({@link Words#snake}), numbered ({@code _2}, {@code _3}) when
 * that id is already another action's; the same words (or the same name and words) in two places,
 * such as an obligation repeated at every stage, are one action with one id. Two named actions
 * whose words differ cannot share a name: that is E0215, and the first keeps it.
 */
public final class ActionIds {

  /** An action as written: its name, if any, and its words. */
  private record Written(Optional<String> name, String words) {}

  private final Map<Written, String> ids = new HashMap<>();

  private ActionIds() {}

  /** The ids of the actions in {@code file}, reporting two named actions with one id. */
  static ActionIds of(ProtocolFile file, Diagnostics diagnostics) {
    List<StageStmt.Action> actions = new ArrayList<>();
    for (Decl decl : file.decls()) {
      List<StageStmt> body = decl instanceof Decl.StageDecl d ? d.body()
          : decl instanceof Decl.OutcomeDecl d ? d.body()
          : decl instanceof Decl.ObligationDecl d ? d.body()
          : decl instanceof Decl.AtOnceDecl d ? d.body() : List.of();
      // an action required before a stage (`requires action ...`) has an id like any other
      body.stream().map(st -> st instanceof StageStmt.RequiresStep r ? r.step() : st)
          .filter(StageStmt.Action.class::isInstance).map(StageStmt.Action.class::cast)
          .forEach(actions::add);
    }
    ActionIds table = new ActionIds();
    Map<String, StageStmt.Action> named = new LinkedHashMap<>();
    Set<String> taken = new HashSet<>();
    for (StageStmt.Action a : actions) {
      if (a.id().isEmpty()) {
        continue;
      }
      Name name = a.id().get();
      StageStmt.Action first = named.putIfAbsent(name.text(), a);
      if (first == null || first.what().value().equals(a.what().value())) {
        table.ids.put(written(a), name.text());
        taken.add(name.text());
      } else {
        diagnostics.report(Diagnostic.of(Code.E0215, "two actions have the id `" + name.text()
                + "`")
            .at(name.span(), "this action's words differ from the first's")
            .also(first.id().orElseThrow().span(), "the id is first given here")
            .note("a host stores an action by its id, so one id cannot stand for two actions")
            .help("give this action another id, or none to have one made from its words"));
      }
    }
    for (StageStmt.Action a : actions) {
      if (a.id().isEmpty() && !table.ids.containsKey(written(a))) {
        String id = Words.snake(a.what().value(), "action");
        String candidate = id;
        for (int n = 2; !taken.add(candidate); n++) {
          candidate = id + "_" + n;
        }
        table.ids.put(written(a), candidate);
      }
    }
    return table;
  }

  /** The id of an action of the protocol these ids were made for. */
  public String of(StageStmt.Action action) {
    String id = ids.get(written(action));
    if (id == null) {
      throw new IllegalArgumentException("not an action of this protocol: " + action.what());
    }
    return id;
  }

  private static Written written(StageStmt.Action a) {
    return new Written(a.id().map(Name::text), a.what().value());
  }
}
