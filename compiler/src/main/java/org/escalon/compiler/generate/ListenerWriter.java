package org.escalon.compiler.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import javax.lang.model.element.Modifier;
import org.escalon.engine.EscalationListener;
import org.escalon.engine.Keyed;
import org.escalon.engine.TypedListener;

/**
 * The listener a host implements for the side effects of one protocol: the runtime's {@link
 * TypedListener}, whose callbacks and their documentation are written once there, typed with the
 * protocol's own places, roles and forms. A callback the host does not override hands its effect,
 * as the engine's own {@code Effect} record, to {@code heard}, the one method every host must
 * implement. {@code Listener.of(EscalationListener)} hands every effect to an engine listener the
 * same way, so either machine can serve one host.
 */
final class ListenerWriter {

  private final Plan plan;

  ListenerWriter(Plan plan) {
    this.plan = plan;
  }

  TypeSpec write() {
    ClassName form = plan.formType.orElse(ClassName.get(Keyed.class));
    return TypeSpec.interfaceBuilder(plan.type("Listener"))
        .addModifiers(Modifier.PUBLIC).addAnnotation(FunctionalInterface.class)
        .addSuperinterface(ParameterizedTypeName.get(ClassName.get(TypedListener.class),
            plan.type("Place"), plan.type("Stage"), plan.type("Outcome"), plan.type("Role"), form))
        .addJavadoc("What the host does when the protocol asks for something: a {@link "
            + "TypedListener} typed with\nthis protocol's places, roles and forms. What the host "
            + "does not handle reaches {@code heard}.\n")
        .addMethod(MethodSpec.methodBuilder("of").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(plan.type("Listener"))
            .addParameter(EscalationListener.class, "host")
            .addJavadoc("A listener that hands every effect to an engine listener, as the "
                + "engine would.\n")
            .addStatement("return effect -> $T.deliver(effect, host)", EscalationListener.class)
            .build())
        .build();
  }
}
