package org.escalon.compiler.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import javax.lang.model.element.Modifier;
import org.escalon.engine.Effect;
import org.escalon.engine.EscalationListener;

/**
 * The listener a host implements for the side effects of one protocol: one callback per kind of
 * effect, typed with the protocol's own stages, outcomes, roles and forms. A callback the host
 * does not override hands its effect, as the engine's own {@link Effect} record, to {@code
 * heard}, the one method every host must implement, so that nothing is dropped unseen. {@code
 * Listener.of(EscalationListener)} hands every effect to an engine listener the same way, so
 * either machine can serve one host.
 */
final class ListenerWriter {

  private final Plan plan;

  ListenerWriter(Plan plan) {
    this.plan = plan;
  }

  TypeSpec write() {
    TypeName place = plan.type("Place");
    TypeName roles = ParameterizedTypeName.get(Literals.LIST, plan.type("Role"));
    TypeName source = ParameterizedTypeName.get(Literals.OPTIONAL, Literals.CITATION);
    TypeName what = ParameterizedTypeName.get(Literals.OPTIONAL, ClassName.get(String.class));
    TypeName by = ParameterizedTypeName.get(Literals.OPTIONAL, plan.type("Role"));
    ClassName effect = ClassName.get(Effect.class);
    ClassName role = plan.type("Role");
    TypeSpec.Builder type = TypeSpec.interfaceBuilder(plan.type("Listener"))
        .addModifiers(Modifier.PUBLIC).addAnnotation(FunctionalInterface.class)
        .addJavadoc("What the host does when the protocol asks for something: one callback per "
            + "kind of step,\ncalled once the event that caused it has been accepted, in the "
            + "protocol's order. A\ncallback the host does not override hands the engine's "
            + "{@link $T} record to {@link\n#heard}, which every host implements: nothing is "
            + "dropped unseen.\n", effect)
        .addMethod(MethodSpec.methodBuilder("heard").addModifiers(Modifier.PUBLIC,
                Modifier.ABSTRACT).addParameter(effect, "effect")
            .addJavadoc("Every effect whose own callback is not overridden, as the engine "
                + "would tell it.\n").build());
    callback(type, "escalate", "Send the escalation to roles at a stage (or outcome), in both "
        + "agencies when so said.",
        CodeBlock.of("new $T(at.key(), $T.keys(to), bothAgencies, source)",
            effect.nestedClass("EscalateTo"), role),
        new Object[][] {{place, "at"}, {roles, "to"}, {TypeName.BOOLEAN, "bothAgencies"},
            {source, "source"}});
    callback(type, "copy", "Copy roles in.",
        CodeBlock.of("new $T(at.key(), $T.keys(roles), source)", effect.nestedClass("CopyTo"),
            role),
        new Object[][] {{place, "at"}, {roles, "roles"}, {source, "source"}});
    for (String how : new String[] {"notify", "advise", "consult"}) {
      String name = how.equals("notify") ? "notifyRoles" : how;
      callback(type, name, capital(how) + " roles, of {@code what} when given, by {@code by} "
          + "when not the\nraiser.",
          CodeBlock.of("new $T(at.key(), $S, $T.keys(roles), what, by.map($T::key), source)",
              effect.nestedClass("Inform"), how, role, role),
          new Object[][] {{place, "at"}, {roles, "roles"}, {what, "what"}, {by, "by"},
              {source, "source"}});
    }
    callback(type, "act", "Someone (the raiser unless {@code by} says) must take an action.",
        CodeBlock.of("new $T(at.key(), what, by.map($T::key), source)", effect.nestedClass("Act"),
            role),
        new Object[][] {{place, "at"}, {ClassName.get(String.class), "what"}, {by, "by"},
            {source, "source"}});
    plan.formType.ifPresent(form -> callback(type, "recordForm", "Record a form the protocol "
        + "declares, and send it to roles.",
        CodeBlock.of("new $T(at.key(), form.key(), $T.keys(sentTo), source)",
            effect.nestedClass("Keep"), role),
        new Object[][] {{place, "at"}, {form, "form"}, {roles, "sentTo"}, {source, "source"}}));
    callback(type, "recordNote", "Record a note in words, and send it to roles.",
        CodeBlock.of("new $T(at.key(), note, $T.keys(sentTo), source)",
            effect.nestedClass("Keep"), role),
        new Object[][] {{place, "at"}, {ClassName.get(String.class), "note"}, {roles, "sentTo"},
            {source, "source"}});
    callback(type, "remind", "Remind roles, copying others in: a repeating reminder set up at "
        + "{@code stage}\nhas fallen due.",
        CodeBlock.of("new $T(stage.key(), $T.keys(roles), $T.keys(copying), $T.empty())",
            effect.nestedClass("Remind"), role, role, Literals.OPTIONAL),
        new Object[][] {{plan.type("Stage"), "stage"}, {roles, "roles"}, {roles, "copying"}});
    callback(type, "waiting", "The escalation cannot go on to {@code target} until what "
        + "{@code missing} names is\ngiven (an agreement, advice, a stage completed, a fact "
        + "about the case); it has no deadline\nmeanwhile, so a scheduler that looks at {@code "
        + "nextDue} alone would not come back to it.",
        CodeBlock.of("new $T(at.key(), target instanceof $T ? $S + target.key() : target.key(), "
            + "missing,\n$>$>$T.empty())$<$<", effect.nestedClass("WaitingFor"),
            plan.type("Stage"), "stage ", Literals.OPTIONAL),
        new Object[][] {{place, "at"}, {place, "target"},
            {ParameterizedTypeName.get(Literals.LIST, ClassName.get(String.class)), "missing"}});
    callback(type, "concluded", "The escalation has ended in an outcome.",
        CodeBlock.of("new $T(outcome.key(), outcome.key(), source)",
            effect.nestedClass("Concluded")),
        new Object[][] {{plan.type("Outcome"), "outcome"}, {source, "source"}});
    type.addMethod(MethodSpec.methodBuilder("of").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(plan.type("Listener"))
        .addParameter(EscalationListener.class, "host")
        .addJavadoc("A listener that hands every effect to an engine listener, as the engine "
            + "would: the\nsame {@link $T} records, to the same callbacks, in the same order.\n",
            effect)
        .addStatement("return effect -> $T.deliver(effect, host)", EscalationListener.class)
        .build());
    return type.build();
  }

  private static void callback(TypeSpec.Builder type, String name, String doc, CodeBlock effect,
      Object[][] parameters) {
    MethodSpec.Builder m = MethodSpec.methodBuilder(name)
        .addModifiers(Modifier.PUBLIC, Modifier.DEFAULT).addJavadoc("$L\n", doc)
        .addStatement("heard($L)", effect);
    for (Object[] p : parameters) {
      m.addParameter((TypeName) p[0], (String) p[1]);
    }
    type.addMethod(m.build());
  }

  private static String capital(String word) {
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }
}
