package org.escalon.compiler.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.escalon.compiler.ast.ConditionExpr;
import org.escalon.compiler.ast.Decl.AttributeDecl;
import org.escalon.compiler.ast.Name;
import org.escalon.compiler.diagnostics.Code;
import org.escalon.compiler.diagnostics.Diagnostic;
import org.escalon.compiler.diagnostics.Diagnostics;

/**
 * Checks conditions on case attributes: names (E0204), choices (E0212), yes/no against choice
 * attributes (E0306), and conditions no case can meet (E0413), found by trying every combination
 * of the attributes a condition mentions.
 */
final class ConditionChecker {

  private static final int MAX_COMBINATIONS = 4096;

  private final SymbolTable symbols;
  private final Diagnostics diagnostics;
  private final Usage usage;

  ConditionChecker(SymbolTable symbols, Diagnostics diagnostics, Usage usage) {
    this.symbols = symbols;
    this.diagnostics = diagnostics;
    this.usage = usage;
  }

  /** Checks a condition; returns whether its names all resolved. */
  boolean check(ConditionExpr c) {
    boolean ok = resolve(c);
    if (ok && !satisfiable(c)) {
      diagnostics.report(Diagnostic.of(Code.E0413, "this condition can never hold")
          .at(c.span(), "no case can meet this")
          .help("check for an attribute required both to hold and not to hold"));
    }
    return ok;
  }

  private boolean resolve(ConditionExpr c) {
    if (c instanceof ConditionExpr.Attr a) {
      AttributeDecl decl = attribute(a.attribute());
      if (decl != null && !decl.choices().isEmpty()) {
        diagnostics.report(Diagnostic.of(Code.E0306, "`" + a.attribute().text()
                + "` has choices, so it needs `is`")
            .at(a.attribute().span(), "one of " + choices(decl))
            .help("write `" + a.attribute().text() + " is " + decl.choices().get(0).text() + "`"));
        return false;
      }
      return decl != null;
    } else if (c instanceof ConditionExpr.Is i) {
      AttributeDecl decl = attribute(i.attribute());
      if (decl == null) {
        return false;
      }
      if (decl.choices().isEmpty()) {
        diagnostics.report(Diagnostic.of(Code.E0306, "`" + i.attribute().text()
                + "` is a yes/no attribute, so it takes no `is`")
            .at(i.span(), "yes/no attribute")
            .help("write `" + i.attribute().text() + "` or `not " + i.attribute().text() + "`"));
        return false;
      }
      List<String> names = decl.choices().stream().map(Name::text).toList();
      if (!names.contains(i.value().text())) {
        diagnostics.report(Diagnostic.of(Code.E0212, "`" + i.value().text()
                + "` is not a choice of `" + i.attribute().text() + "`")
            .at(i.value().span(), "not one of " + choices(decl))
            .help(Suggestions.closest(i.value().text(), names)
                .map(n -> "did you mean `" + n + "`?")
                .orElse("use one of " + choices(decl))));
        return false;
      }
      return true;
    } else if (c instanceof ConditionExpr.Not n) {
      return resolve(n.operand());
    } else if (c instanceof ConditionExpr.And a) {
      return resolve(a.left()) & resolve(a.right());
    } else if (c instanceof ConditionExpr.Or o) {
      return resolve(o.left()) & resolve(o.right());
    } else if (c instanceof ConditionExpr.Group g) {
      return resolve(g.inner());
    }
    return false;
  }

  private AttributeDecl attribute(Name name) {
    AttributeDecl decl = symbols.attributes().get(name.text());
    if (decl == null) {
      diagnostics.report(Diagnostic.of(Code.E0204, "unknown attribute `" + name.text() + "`")
          .at(name.span(), "not declared in this protocol")
          .help(Suggestions.help(name.text(), symbols.attributes().keySet(), "attribute")));
    } else {
      usage.attributes.add(name.text());
    }
    return decl;
  }

  private static String choices(AttributeDecl decl) {
    return String.join(", ", decl.choices().stream().map(n -> "`" + n.text() + "`").toList());
  }

  // -------------------------------------------------------------------------------------------
  // Satisfiability, by trying every assignment of the attributes mentioned

  private boolean satisfiable(ConditionExpr c) {
    Set<String> mentioned = new LinkedHashSet<>();
    collect(c, mentioned);
    List<String> names = new ArrayList<>(mentioned);
    List<List<String>> domains = new ArrayList<>();
    long combinations = 1;
    for (String n : names) {
      AttributeDecl decl = symbols.attributes().get(n);
      List<String> domain = decl.choices().isEmpty()
          ? List.of("yes", "no") : decl.choices().stream().map(Name::text).toList();
      domains.add(domain);
      combinations *= domain.size();
      if (combinations > MAX_COMBINATIONS) {
        return true;
      }
    }
    return search(c, names, domains, 0, new HashMap<>());
  }

  private boolean search(ConditionExpr c, List<String> names, List<List<String>> domains, int i,
      Map<String, String> values) {
    if (i == names.size()) {
      return eval(c, values);
    }
    for (String v : domains.get(i)) {
      values.put(names.get(i), v);
      if (search(c, names, domains, i + 1, values)) {
        return true;
      }
    }
    return false;
  }

  private static void collect(ConditionExpr c, Set<String> into) {
    c.attributes().forEach(n -> into.add(n.text()));
  }

  private static boolean eval(ConditionExpr c, Map<String, String> values) {
    if (c instanceof ConditionExpr.Attr a) {
      return "yes".equals(values.get(a.attribute().text()));
    } else if (c instanceof ConditionExpr.Is i) {
      return i.value().text().equals(values.get(i.attribute().text()));
    } else if (c instanceof ConditionExpr.Not n) {
      return !eval(n.operand(), values);
    } else if (c instanceof ConditionExpr.And a) {
      return eval(a.left(), values) && eval(a.right(), values);
    } else if (c instanceof ConditionExpr.Or o) {
      return eval(o.left(), values) || eval(o.right(), values);
    } else if (c instanceof ConditionExpr.Group g) {
      return eval(g.inner(), values);
    }
    return false;
  }
}
