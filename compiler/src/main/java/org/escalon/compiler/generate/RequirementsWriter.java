package org.escalon.compiler.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Modifier;
import org.escalon.model.Citation;
import org.escalon.model.ExtensionRule;
import org.escalon.model.Outcome;
import org.escalon.model.Precondition;
import org.escalon.model.SourceSpan;
import org.escalon.model.Stage;

/**
 * The protocol's requirements ({@code requires}) as code: for each stage or outcome that has
 * some, and for each extension rule, the first requirement not met yet and where the protocol
 * states it; with them the engine's answers, waiting or refusing.
 */
final class RequirementsWriter {

  private final Context cx;
  private final ClassName unmet;

  RequirementsWriter(Context cx) {
    this.cx = cx;
    this.unmet = cx.plan.machine.nestedClass("Unmet");
  }

  ClassName unmetType() {
    return unmet;
  }

  /** Whether any stage or outcome has requirements, so that {@code unmetAt} exists. */
  boolean any() {
    return cx.plan.waits;
  }

  TypeSpec unmetRecord() {
    return TypeSpec.recordBuilder(unmet).addModifiers(Modifier.PRIVATE)
        .recordConstructor(MethodSpec.constructorBuilder().addParameter(String.class, "why")
            .addParameter(SourceSpan.class, "where").build())
        .build();
  }

  void write() {
    if (cx.plan.tracksCompleted) {
      cx.add(cx.method("completed", "Whether stage {@code s} has been completed (entered and "
              + "left without being resolved).").addParameter(cx.plan.type("Stage"), "s")
          .returns(boolean.class)
          .addStatement("return (completed & ($L)) != 0", cx.plan.stageBit()).build());
    }
    if (!any()) {
      return;
    }
    CodeBlock.Builder body = CodeBlock.builder();
    List<Citation> cited = new ArrayList<>();
    for (Stage s : cx.plan.protocol.stages()) {
      if (!s.preconditions().isEmpty()) {
        body.beginControlFlow("if (p == $L)", cx.literals.stage(s.key()))
            .add(checks(s.preconditions(), false)).endControlFlow();
        cited.addAll(s.citations());
      }
    }
    for (Outcome o : cx.plan.protocol.outcomes()) {
      if (!o.preconditions().isEmpty()) {
        body.beginControlFlow("if (p == $L)", cx.literals.outcome(o.name()))
            .add(checks(o.preconditions(), false)).endControlFlow();
        cited.addAll(o.citations());
      }
    }
    body.addStatement("return null");
    cx.add(cx.method("unmetAt", "The first requirement of stage or outcome {@code p} not met "
            + "yet, or null when all hold\n(or it has none).\n$L", Javadocs.policy(cited))
        .addParameter(cx.plan.type("Place"), "p").returns(unmet).addCode(body.build()).build());
    CodeBlock.Builder all = CodeBlock.builder().addStatement("$T<String> missing = new $T<>()",
        List.class, java.util.ArrayList.class);
    for (Stage s : cx.plan.protocol.stages()) {
      if (!s.preconditions().isEmpty()) {
        all.beginControlFlow("if (p == $L)", cx.literals.stage(s.key()))
            .add(checks(s.preconditions(), true)).endControlFlow();
      }
    }
    for (Outcome o : cx.plan.protocol.outcomes()) {
      if (!o.preconditions().isEmpty()) {
        all.beginControlFlow("if (p == $L)", cx.literals.outcome(o.name()))
            .add(checks(o.preconditions(), true)).endControlFlow();
      }
    }
    cx.add(cx.method("missing", "Every requirement of {@code p} not met yet, in words: what "
            + "the host is told the escalation waits for.")
        .addParameter(cx.plan.type("Place"), "p")
        .returns(ParameterizedTypeName.get(List.class, String.class))
        .addCode(all.addStatement("return missing").build()).build());
    cx.add(cx.method("met", "Whether every requirement of {@code p} holds, so the escalation "
            + "may enter it now.").addParameter(cx.plan.type("Place"), "p").returns(boolean.class)
        .addStatement("return unmetAt(p) == null").build());
    cx.add(cx.method("waitReason", "Why the escalation waits to enter {@code target}, in "
            + "words.").addParameter(cx.plan.type("Place"), "target").returns(String.class)
        .addStatement("$T unmet = unmetAt(target)", unmet)
        .addStatement("return unmet == null ? $S : unmet.why()", "its preconditions do not hold")
        .build());
  }

  /** {@code unmetFor...()}: the first requirement of an extension rule not met, or null. */
  String forRule(ExtensionRule rule, String name) {
    String method = cx.methods.member("unmetFor", name, "unmetForRule");
    CodeBlock.Builder body = CodeBlock.builder().add(checks(rule.preconditions(), false))
        .addStatement("return null");
    cx.add(cx.method(method, "The first requirement of the extension rule of {@code $L} not "
            + "met yet, or null.\n$L", Javadocs.text(cx.literals.fileName() + ":"
            + rule.span().line()), Javadocs.policy(rule.citations()))
        .returns(unmet).addCode(body.build()).build());
    requireMet();
    return method;
  }

  private boolean requireMetWritten;

  /** {@code requireMet(e, unmet, what)}: refuses the event while a requirement is not met. */
  void requireMet() {
    if (requireMetWritten) {
      return;
    }
    requireMetWritten = true;
    cx.add(cx.method("requireMet", "Refuses {@code e}, which would {@code what}, while a "
            + "requirement is not met.").addModifiers(Modifier.STATIC)
        .addParameter(Context.EVENT, "e").addParameter(unmet, "unmet")
        .addParameter(String.class, "what")
        .beginControlFlow("if (unmet != null)")
        .addStatement("throw refuse(e, $S + what + $S + unmet.why(), unmet.where(), $T.empty())",
            "cannot ", ": ", Optional.class)
        .endControlFlow().build());
  }

  /**
   * The checks of a list of requirements, in order: each returns the first one not met, or
   * ({@code all}) adds the words of every one not met to {@code missing}.
   */
  private CodeBlock checks(List<Precondition> preconditions, boolean all) {
    CodeBlock.Builder code = CodeBlock.builder();
    for (Precondition p : preconditions) {
      CodeBlock where = cx.literals.span(p.span());
      if (p instanceof Precondition.Completed c) {
        // one requirement: the first of its stages not completed yet is what is missing
        boolean chained = false;
        for (String key : c.stages()) {
          CodeBlock result = result(all, "stage " + key + " has not been completed", where);
          if (!cx.plan.stages.containsKey(key)) {
            if (chained) {
              code.nextControlFlow("else").addStatement(result).endControlFlow();
            } else {
              code.addStatement(result);
            }
            chained = false;
            if (!all) {
              return code.build();
            }
            break;
          }
          CodeBlock test = CodeBlock.of("!completed($L)", cx.literals.stage(key));
          if (all && chained) {
            code.nextControlFlow("else if ($L)", test).addStatement(result);
          } else {
            code.beginControlFlow("if ($L)", test).addStatement(result);
            if (all) {
              chained = true;
              continue;
            }
            code.endControlFlow();
          }
        }
        if (chained) {
          code.endControlFlow();
        }
      } else if (p instanceof Precondition.Agreement a) {
        code.beginControlFlow("if ($L)", cx.plan.lacks(cx.plan.agreedFields.get(a.role())))
            .addStatement(result(all, a.role() + " has not agreed", where)).endControlFlow();
      } else if (p instanceof Precondition.Advice a) {
        code.beginControlFlow("if ($L)", cx.plan.lacks(cx.plan.advisedFields.get(a.role())))
            .addStatement(result(all, "the advice of " + a.role() + " has not been sought",
                where)).endControlFlow();
      } else if (p instanceof Precondition.Holds h) {
        code.beginControlFlow("if (!($L))", cx.conditions.condition(h.condition()))
            .addStatement(result(all, "the case does not meet the condition", where))
            .endControlFlow();
      }
    }
    return code.build();
  }

  private CodeBlock result(boolean all, String why, CodeBlock where) {
    return all ? CodeBlock.of("missing.add($L)", Literals.string(why))
        : CodeBlock.of("return new $T($L, $L)", unmet, Literals.string(why), where);
  }
}
