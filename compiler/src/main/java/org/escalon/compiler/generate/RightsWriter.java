package org.escalon.compiler.generate;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.Modifier;
import org.escalon.model.Citation;
import org.escalon.model.Right;
import org.escalon.model.Target;

/**
 * The protocol's rights as code: for each kind (start at, bypass to, refer to), which right a
 * role uses for a target, the first that names it and whose condition holds, or the refusal that
 * cites the role's first right of that kind, as the engine words it.
 */
final class RightsWriter {

  private final Context cx;

  RightsWriter(Context cx) {
    this.cx = cx;
  }

  /** The name of the method that finds a right of this kind. */
  static String finder(Right.Kind kind) {
    return switch (kind) {
      case START -> "startRight";
      case BYPASS -> "bypassRight";
      case REFER -> "referRight";
    };
  }

  void write() {
    List<Right> rights = cx.plan.protocol.rights();
    if (!rights.isEmpty()) {
      cx.add(cx.method("right", "The protocol's right number {@code i}, in the order it "
              + "declares them.").addModifiers(Modifier.STATIC)
          .addParameter(int.class, "i").returns(Right.class)
          .addStatement("return MODEL.rights().get(i)").build());
    }
    cx.add(cx.method("reason", "Refuses {@code e} if {@code right} requires a reason and "
              + "none is given.").addModifiers(Modifier.STATIC)
          .addParameter(Context.EVENT, "e").addParameter(Right.class, "right")
          .addParameter(ParameterizedTypeName.get(Optional.class, String.class), "reason")
          .beginControlFlow("if (right.reasonRequired() && reason.map(String::isBlank)"
              + ".orElse(true))")
          .addStatement("throw refuse(e, $S + right.role() + $S + switch (right.kind()) {\n"
                  + "$>$>case START -> $S;\ncase BYPASS -> $S;\ncase REFER -> $S;\n$<$<} + $S,"
                  + " right.span(), right.citation())", "a reason is required: ", " may ",
              "start at", "bypass to", "refer to", " only with reason")
          .endControlFlow().build());
    for (Right.Kind kind : Right.Kind.values()) {
      finder(kind, rights);
    }
  }

  private void finder(Right.Kind kind, List<Right> all) {
    Map<String, List<Integer>> byRole = new LinkedHashMap<>();
    List<Citation> cited = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).kind() == kind) {
        byRole.computeIfAbsent(all.get(i).role(), r -> new ArrayList<>()).add(i);
        all.get(i).citation().ifPresent(cited::add);
      }
    }
    CodeBlock noSuchRight = cx.refuseUnknown("e", CodeBlock.of(
        "by + $S + refusal + $S + by + $S", " ", ": the protocol gives ", " no such right"));
    CodeBlock.Builder body = CodeBlock.builder();
    if (byRole.isEmpty()) {
      body.add(noSuchRight);
    } else {
      body.beginControlFlow("switch (by)");
      for (Map.Entry<String, List<Integer>> entry : byRole.entrySet()) {
        body.add("case $S -> {\n$>", entry.getKey());
        boolean always = false;
        for (int i : entry.getValue()) {
          Right r = all.get(i);
          CodeBlock names = r.laterOnly() ? later() : names(kind, r.targets());
          if (names.toString().equals("true") && r.when().isEmpty()) {
            body.addStatement("return right($L)", i);
            always = true;
            break;
          }
          CodeBlock test = names.toString().equals("true") ? cx.conditions.condition(
              r.when().orElseThrow()) : r.when().map(w -> CodeBlock.of("$L && $L", names,
                  grouped(w))).orElse(names);
          body.beginControlFlow("if ($L)", test).addStatement("return right($L)", i)
              .endControlFlow();
        }
        if (always) {
          body.add("$<}\n");
          continue;
        }
        // the refusal cites the right that names the target (its condition does not hold),
        // else the role's first
        boolean refused = false;
        for (int i : entry.getValue()) {
          if (all.get(i).laterOnly()) {
            // it names every stage after the first, whether or not it reaches the target
            CodeBlock named = names(kind, all.get(i).targets());
            if (!named.toString().equals("false")) {
              body.beginControlFlow("if ($L)", named).add(refusal(kind, all, i)).endControlFlow();
            }
            continue;
          }
          String names = names(kind, all.get(i).targets()).toString();
          if (names.equals("false") || all.get(i).when().isEmpty()) {
            // a right with no condition that names the target has been used above
            continue;
          }
          if (names.equals("true")) {
            body.add(refusal(kind, all, i));
            refused = true;
            break;
          }
          body.beginControlFlow("if ($L)", names(kind, all.get(i).targets()))
              .add(refusal(kind, all, i)).endControlFlow();
        }
        if (!refused) {
          body.add(refusal(kind, all, entry.getValue().get(0)));
        }
        body.add("$<}\n");
      }
      body.add("default -> $L", noSuchRight);
      body.endControlFlow();
    }
    cx.add(cx.method(finder(kind), "The right {@code by} uses to $L {@code target}: the first "
            + "of its rights that names it\nand whose condition holds. Refuses {@code e} with "
            + "{@code refusal} otherwise.\n$L", word(kind), Javadocs.policy(cited))
        .returns(Right.class)
        .addParameter(Context.EVENT, "e").addParameter(String.class, "by")
        .addParameter(cx.plan.type("Place"), "target").addParameter(String.class, "refusal")
        .addCode(body.build()).build());
  }

  private CodeBlock grouped(org.escalon.model.Condition c) {
    return CodeBlock.of("($L)", cx.conditions.condition(c));
  }

  /**
   * {@code any later stage}: a stage after the one the escalation is at, as {@code
   * RightsTable.reaches} decides it (the stage constants are in ladder order).
   */
  private CodeBlock later() {
    return CodeBlock.of("(target instanceof $T later && later.ordinal() > stage.ordinal())",
        cx.plan.type("Stage"));
  }

  /** The refusal that cites right {@code n}, worded as the engine words it. */
  private CodeBlock refusal(Right.Kind kind, List<Right> all, int n) {
    Right nearest = all.get(n);
    String when = nearest.when().isPresent() ? " and only when its condition holds" : "";
    if (nearest.laterOnly()) {
      return CodeBlock.of("throw refuse(e, by + $S + refusal + $S + stage.key() + $S, right($L)"
          + ".span(), right($L).citation());\n", " ", ": " + nearest.role() + " may "
          + word(kind) + " only a stage after stage ", when, n, n);
    }
    String allowed = nearest.role() + " may " + word(kind) + " only " + targets(nearest) + when;
    return CodeBlock.of("throw refuse(e, by + $S + refusal + $L, right($L).span(), right($L)"
        + ".citation());\n", " ", Literals.string(": " + allowed), n, n);
  }

  /** Whether {@code target} is one of the right's targets, as briefly as Java can say it. */

  private CodeBlock names(Right.Kind kind, List<Target> targets) {
    List<Target> known = targets.stream().filter(cx.literals::exists).toList();
    boolean allStages = cx.plan.protocol.stages().stream()
        .allMatch(s -> known.contains(new Target.ToStage(s.key())));
    boolean noOutcomes = known.stream().allMatch(Target.ToStage.class::isInstance);
    if (allStages && noOutcomes && kind != Right.Kind.START) {
      return CodeBlock.of("target instanceof $T", cx.plan.type("Stage"));
    }
    if (allStages && noOutcomes) {
      return CodeBlock.of("true");
    }
    if (known.isEmpty()) {
      return CodeBlock.of("false");
    }
    List<CodeBlock> tests = known.stream().map(t -> CodeBlock.of("target == $L",
        cx.literals.place(t))).toList();
    return known.size() == 1 ? tests.get(0) : CodeBlock.of("($L)", CodeBlock.join(tests, " || "));
  }

  static String word(Right.Kind kind) {
    return switch (kind) {
      case START -> "start at";
      case BYPASS -> "bypass to";
      case REFER -> "refer to";
    };
  }

  private static String targets(Right r) {
    List<String> words = new ArrayList<>();
    for (Target t : r.targets()) {
      words.add(t instanceof Target.ToStage s ? "stage " + s.key()
          : ((Target.ToOutcome) t).name());
    }
    return String.join(", ", words);
  }
}
