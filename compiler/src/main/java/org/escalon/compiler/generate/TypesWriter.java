package org.escalon.compiler.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;
import org.escalon.engine.EscalationState;
import org.escalon.engine.Keyed;
import org.escalon.model.Attribute;
import org.escalon.model.Citation;
import org.escalon.model.EventType;
import org.escalon.model.Form;
import org.escalon.model.Outcome;
import org.escalon.model.Right;
import org.escalon.model.Role;
import org.escalon.model.Scale;
import org.escalon.model.Stage;
import org.escalon.model.Target;

/**
 * The nested types of a generated machine: an enum each for its stages, outcomes, roles, the
 * choices of each attribute, the grades of each scale, its events and forms; a record of each
 * form's fields; an enum of the
 * targets of each right, so that a bypass to a stage the protocol does not allow cannot be
 * written; {@code Place} (a stage or an outcome); and the immutable {@code State}.
 */
final class TypesWriter {

  private final Plan plan;

  TypesWriter(Plan plan) {
    this.plan = plan;
  }

  List<TypeSpec> write() {
    List<TypeSpec> types = new ArrayList<>();
    // the protocol's own sources are cited on the machine class, not again on each type
    TypeSpec.Builder stage = keyed(plan.type("Stage"), "key", "The stages of the ladder, in "
        + "order: where an escalation can be.")
        .addSuperinterface(plan.type("Place"));
    for (Stage s : plan.protocol.stages()) {
      constant(stage, plan.stages.get(s.key()), "stage " + s.key() + ": " + s.title(),
          s.citations(), s.key(), s.title());
    }
    types.add(finish(stage, plan.type("Stage"), "stages().get(ordinal())", ".key()", ".title()",
        "stage", "key").build());
    TypeSpec.Builder outcome = keyed(plan.type("Outcome"), "name", "The ways an escalation "
        + "ends.").addSuperinterface(plan.type("Place"));
    for (Outcome o : plan.protocol.outcomes()) {
      constant(outcome, plan.outcomes.get(o.name()), o.name() + ": " + o.title(), o.citations(),
          o.name(), o.title());
    }
    types.add(finish(outcome, plan.type("Outcome"), "outcomes().get(ordinal())", ".name()",
        ".title()", "outcome", "name").build());
    types.add(place());
    TypeSpec.Builder role = keyed(plan.type("Role"), "name", "The roles of the protocol.");
    for (Role r : plan.protocol.roles()) {
      constant(role, plan.roles.get(r.name()), r.name() + ": " + r.title()
          + (r.external() ? " (external)" : ""), r.citations(), r.name(), r.title());
    }
    types.add(finish(role, plan.type("Role"), "roles().get(ordinal())", ".name()", ".title()",
        "role", "name").build());
    for (Plan.RightGroup group : plan.rightGroups) {
      types.add(rightTargets(group));
    }
    for (int i = 0; i < plan.protocol.attributes().size(); i++) {
      Attribute a = plan.protocol.attributes().get(i);
      if (!a.isYesNo()) {
        TypeSpec.Builder choice = keyed(plan.choiceTypes.get(a.name()), "value", "The choices "
            + "of " + a.name() + ": " + a.title() + ".");
        a.choices().forEach(c -> constant(choice, plan.choices.get(a.name()).get(c), c,
            List.of(), c, c));
        types.add(finish(choice, plan.choiceTypes.get(a.name()), "attributes().get(" + i
            + ").choices().get(ordinal())", "", "", "choice", "value").build());
      }
    }
    for (int i = 0; i < plan.protocol.scales().size(); i++) {
      Scale s = plan.protocol.scales().get(i);
      TypeSpec.Builder scale = keyed(plan.scaleTypes.get(s.name()), "name", "The grades of "
          + s.name() + ": " + s.title() + ".");
      s.grades().forEach(g -> constant(scale, plan.grades.get(s.name()).get(g.name()), g.name()
          + g.score().map(n -> " (scored " + n + ")").orElse(""), List.of(), g.name(),
          g.name()));
      types.add(finish(scale, plan.scaleTypes.get(s.name()), "scales().get(" + i
          + ").grades().get(ordinal())", ".name()", ".name()", "grade", "name").build());
    }
    plan.eventType.ifPresent(type -> {
      TypeSpec.Builder event = keyed(type, "name", "What can happen to a case.");
      for (EventType e : plan.protocol.events()) {
        constant(event, plan.events.get(e.name()), e.name() + ": " + e.title(), List.of(),
            e.name(), e.title());
      }
      types.add(finish(event, type, "events().get(ordinal())", ".name()", ".title()", "event",
          "name").build());
    });
    plan.formType.ifPresent(type -> {
      TypeSpec.Builder form = keyed(type, "name", "The records the protocol keeps.");
      for (Form f : plan.protocol.forms()) {
        constant(form, plan.forms.get(f.name()), f.name() + ": " + f.title(), f.citations(),
            f.name(), f.title());
      }
      types.add(finish(form, type, "forms().get(ordinal())", ".name()", ".title()", "form",
          "name").build());
      for (int i = 0; i < plan.protocol.forms().size(); i++) {
        types.add(fields(plan.protocol.forms().get(i), i));
      }
    });
    types.add(state());
    return types;
  }

  /**
   * An enum of constants with a key (as the protocol writes it) and a title, both read from the
   * model: the texts are written once, in the model class.
   */
  private TypeSpec.Builder keyed(ClassName type, String keyWord, String doc) {
    TypeSpec.Builder keyed = TypeSpec.enumBuilder(type).addModifiers(Modifier.PUBLIC);
    if (!type.equals(plan.type("Stage")) && !type.equals(plan.type("Outcome"))) {
      keyed.addSuperinterface(Keyed.class);
    }
    return keyed
        .addJavadoc("$L\n", Javadocs.wrap(Javadocs.text(doc)));
  }

  private static void constant(TypeSpec.Builder type, String name, String doc,
      List<Citation> citations, String key, String title) {
    TypeSpec.Builder constant = TypeSpec.anonymousClassBuilder("");
    if (!citations.isEmpty()) {
      // the constant's key and title are the model's: its Javadoc is the policy it cites
      constant.addJavadoc("$L\n", Javadocs.policy(citations).strip().replace("<p>", ""));
    }
    type.addEnumConstant(name, constant.build());
  }

  /**
   * The members every keyed enum has: {@code key()} and {@code title()} (documented once, in the
   * runtime's {@link Keyed}) read from the model entry {@code entry} ({@code ordinal()} picks
   * it), and {@code of(key)}.
   */
  private TypeSpec.Builder finish(TypeSpec.Builder type, ClassName self, String entry,
      String keyOf, String titleOf, String what, String keyWord) {
    CodeBlock model = CodeBlock.of("$T.PROTOCOL.$L", plan.model, entry);
    MethodSpec.Builder key = MethodSpec.methodBuilder("key").addModifiers(Modifier.PUBLIC)
        .addAnnotation(Override.class).returns(String.class)
        .addStatement("return $L$L", model, keyOf);
    MethodSpec.Builder title = MethodSpec.methodBuilder("title").addModifiers(Modifier.PUBLIC)
        .addAnnotation(Override.class).returns(String.class)
        .addStatement("return $L$L", model, titleOf);
    type.addField(FieldSpec.builder(ParameterizedTypeName.get(ClassName.get(Map.class),
            ClassName.get(String.class), self), "BY_KEY", Modifier.PRIVATE, Modifier.STATIC,
            Modifier.FINAL)
        .initializer("$T.byKey(values())", Keyed.class).build());
    type.addMethod(key.build()).addMethod(title.build());
    if (self.equals(plan.type("Stage"))) {
      type.addMethod(MethodSpec.methodBuilder("named").addModifiers(Modifier.PUBLIC)
          .addAnnotation(Override.class).returns(String.class)
          .addStatement("return $S + key()", "stage ").build());
    }
    return type.addMethod(MethodSpec.methodBuilder("of").addModifiers(Modifier.PUBLIC,
            Modifier.STATIC).returns(self).addParameter(String.class, keyWord)
        .addJavadoc("The $L with this $L, or null if the protocol has none.\n", what, keyWord)
        .addStatement("return BY_KEY.get($L)", keyWord).build());
  }

  /**
   * The record of a form's fields, one component per field, typed as the protocol declares it (a
   * whole number is a {@code long}, a choice an enum of its own): what the host fills in and
   * keeps when it records the form.
   */
  private TypeSpec fields(Form f, int index) {
    ClassName self = plan.formRecords.get(f.name());
    // a component's accessor must not hide one of Object's methods
    JavaNames names = new JavaNames("hashCode", "equals", "toString", "getClass", "notify",
        "notifyAll", "wait", "clone", "finalize");
    JavaNames choiceNames = new JavaNames(self.simpleName());
    TypeSpec.Builder record = TypeSpec.recordBuilder(self).addModifiers(Modifier.PUBLIC);
    List<ParameterSpec> components = new ArrayList<>();
    StringBuilder params = new StringBuilder();
    for (int j = 0; j < f.fields().size(); j++) {
      Form.Field field = f.fields().get(j);
      String name = names.member("", field.name(), "field");
      TypeName type = switch (field.type()) {
        case TEXT -> ClassName.get(String.class);
        case DATE -> ClassName.get(java.time.LocalDate.class);
        case NUMBER -> TypeName.LONG;
        case YES_NO -> TypeName.BOOLEAN;
        case STAGE -> plan.type("Stage");
        case ROLE -> plan.type("Role");
        case CHOICE -> {
          ClassName choice = self.nestedClass(choiceNames.type(field.name(), "Choice"));
          TypeSpec.Builder e = keyed(choice, "value", "The choices of " + field.name() + ".");
          JavaNames constants = new JavaNames();
          field.choices().forEach(c -> constant(e, constants.constant(c, "CHOICE"), c,
              List.of(), c, c));
          record.addType(finish(e, choice, "forms().get(" + index + ").fields().get(" + j
              + ").choices().get(ordinal())", "", "", "choice", "value").build());
          yield choice;
        }
      };
      components.add(ParameterSpec.builder(type, name).build());
      String title = field.title().isBlank() ? field.name() : field.title();
      params.append("@param ").append(name).append(' ').append(Javadocs.text(title))
          .append('\n');
    }
    return record.addJavadoc("What the host fills in for {@link $T#$L}, field by field.\n\n$L", plan.formType.orElseThrow(), plan.forms.get(f.name()),
            params)
        .recordConstructor(MethodSpec.constructorBuilder().addParameters(components).build())
        .build();
  }

  private TypeSpec place() {
    return TypeSpec.interfaceBuilder(plan.type("Place"))
        .addModifiers(Modifier.PUBLIC, Modifier.SEALED)
        .addPermittedSubclass(plan.type("Stage")).addPermittedSubclass(plan.type("Outcome"))
        .addSuperinterface(Keyed.class)
        .addJavadoc("A stage or an outcome: where an escalation is, waits to go, or ends, and "
            + "where the\nsteps the host carries out belong.\n")
        .build();
  }

  private TypeSpec rightTargets(Plan.RightGroup group) {
    ClassName held = switch (group.kind()) {
      case START -> plan.type("Stage");
      case BYPASS -> plan.type("Place");
      case REFER -> plan.type("Outcome");
    };
    String accessor = switch (group.kind()) {
      case START -> "stage";
      case BYPASS -> "place";
      case REFER -> "outcome";
    };
    String verb = switch (group.kind()) {
      case START -> "start the escalation at";
      case BYPASS -> "bypass to";
      case REFER -> "refer the escalation to";
    };
    List<Citation> citations = group.rights().stream().map(Right::citation)
        .flatMap(java.util.Optional::stream).toList();
    TypeSpec.Builder type = TypeSpec.enumBuilder(group.type()).addModifiers(Modifier.PUBLIC)
        .addJavadoc("Where $L may $L, by the protocol's rights: no other value can be passed.\n"
            + "$L", Javadocs.text(group.role().orElse("anyone")), verb,
            Javadocs.policy(citations));
    // each constant is named as the stage it stands for: the stage is found by its name
    boolean named = group.targets().stream().allMatch(t -> t instanceof Target.ToStage s
        && plan.stages.get(s.key()).equals(group.constants().get(t)));
    if (named) {
      type.addMethod(MethodSpec.methodBuilder(accessor).addModifiers(Modifier.PUBLIC)
          .returns(held).addJavadoc("The $L.\n", group.kind() == Right.Kind.BYPASS
              ? "stage or outcome" : accessor)
          .addStatement("return $T.valueOf(name())", plan.type("Stage")).build());
    } else {
      type.addField(FieldSpec.builder(held, accessor, Modifier.PRIVATE, Modifier.FINAL).build())
          .addMethod(MethodSpec.constructorBuilder()
              .addParameter(held, accessor).addStatement("this.$L = $L", accessor, accessor)
              .build())
          .addMethod(MethodSpec.methodBuilder(accessor).addModifiers(Modifier.PUBLIC)
              .returns(held).addJavadoc("The $L.\n", group.kind() == Right.Kind.BYPASS
                  ? "stage or outcome" : accessor)
              .addStatement("return $L", accessor).build());
    }
    for (Target t : group.targets()) {
      String constant = t instanceof Target.ToStage s ? plan.stages.get(s.key())
          : plan.outcomes.get(((Target.ToOutcome) t).name());
      ClassName owner = t instanceof Target.ToStage ? plan.type("Stage") : plan.type("Outcome");
      type.addEnumConstant(group.constants().get(t), named ? TypeSpec.anonymousClassBuilder("")
          .build() : TypeSpec.anonymousClassBuilder("$T.$L", owner, constant).build());
    }
    return type.build();
  }

  private TypeSpec state() {
    ClassName optional = Literals.OPTIONAL;
    List<ParameterSpec> components = List.of(
        ParameterSpec.builder(EscalationState.Status.class, "status").build(),
        ParameterSpec.builder(ParameterizedTypeName.get(optional, plan.type("Stage")), "stage")
            .build(),
        ParameterSpec.builder(ParameterizedTypeName.get(optional, TypeName.get(Instant.class)),
            "deadline").build(),
        ParameterSpec.builder(ParameterizedTypeName.get(optional, plan.type("Place")),
            "waitingFor").build(),
        ParameterSpec.builder(ParameterizedTypeName.get(optional, plan.type("Outcome")),
            "outcome").build(),
        ParameterSpec.builder(TypeName.BOOLEAN, "withdrawn").build());
    return TypeSpec.recordBuilder(plan.type("State")).addModifiers(Modifier.PUBLIC)
        .addJavadoc("Where one escalation stands, as an immutable value.\n\n"
            + "@param status whether it has not been raised, is open, or has ended\n"
            + "@param stage the stage it is at, or was at when it ended\n"
            + "@param deadline when the present stage's response is due, if it has a timescale\n"
            + "@param waitingFor the stage or outcome it waits to enter until its requirements "
            + "hold\n"
            + "@param outcome how it ended, unless it was withdrawn\n"
            + "@param withdrawn whether the raiser withdrew it\n")
        .recordConstructor(MethodSpec.constructorBuilder().addParameters(components).build())
        .build();
  }
}
