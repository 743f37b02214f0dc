package org.escalon.compiler.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Modifier;
import com.palantir.javapoet.ParameterizedTypeName;
import org.escalon.model.Citation;
import org.escalon.model.Outcome;
import org.escalon.model.Protocol;
import org.escalon.model.SourceSpan;
import org.escalon.model.Stage;

/**
 * The companion class that builds the protocol's model, {@code Protocol}, in plain Java: what
 * the generated machine returns from {@code protocol()}, for display and citations, and what a
 * snapshot names. Every record of the model is written as a constructor call, component by
 * component; each stage and outcome gets its own method so that no method grows too large.
 */
final class ModelWriter {

  private final Plan plan;
  private final Literals literals;

  ModelWriter(Plan plan, Literals literals) {
    this.plan = plan;
    this.literals = literals;
  }

  TypeSpec write() {
    Protocol p = plan.protocol;
    JavaNames methodNames = new JavaNames("protocol", "span", "source", "cite", "cited");
    List<MethodSpec> methods = new ArrayList<>();
    List<CodeBlock> args = new ArrayList<>();
    for (RecordComponent c : Protocol.class.getRecordComponents()) {
      Object value = get(c, p);
      if (c.getName().equals("stages")) {
        args.add(split("stages", p.stages(),
            s -> ((Stage) s).key(), "stage", methodNames, methods,
            TypeName.get(c.getGenericType())));
      } else if (c.getName().equals("outcomes")) {
        args.add(split("outcomes", p.outcomes(),
            o -> ((Outcome) o).name(), "outcome", methodNames, methods,
            TypeName.get(c.getGenericType())));
      } else if (c.getType() == String.class || c.getType() == SourceSpan.class) {
        args.add(value(value));
      } else {
        String name = methodNames.member("", c.getName(), "part");
        methods.add(MethodSpec.methodBuilder(name).addModifiers(Modifier.PRIVATE, Modifier.STATIC)
            .returns(TypeName.get(c.getGenericType()))
            .addStatement("return $L", value(value)).build());
        args.add(CodeBlock.of("$L()", name));
      }
    }
    ClassName protocol = ClassName.get(Protocol.class);
    MethodSpec build = MethodSpec.methodBuilder("protocol")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC).returns(protocol)
        .addStatement("return new $T($L)", protocol, args(args)).build();
    TypeSpec.Builder type = TypeSpec.classBuilder(plan.model).addModifiers(Modifier.FINAL)
        .addJavadoc("The model of {@code $L}, \"$L\", as the Escalon runtime reads it: built "
            + "once, for\n{@link $T#protocol()}, for display and for the policy paragraphs it "
            + "cites.\n$L", Javadocs.text(literals.fileName()), Javadocs.text(p.name()),
            plan.machine, Javadocs.policy(p.header().sources()))
        .addField(FieldSpec.builder(String.class, "FILE", Modifier.PRIVATE, Modifier.STATIC,
            Modifier.FINAL)
            .initializer("$S", literals.fileName()).build())
        .addField(FieldSpec.builder(ParameterizedTypeName.get(List.class, Citation.class),
                "CITED", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .initializer("new $T<>()", ArrayList.class).build())
        .addField(FieldSpec.builder(protocol, "PROTOCOL", Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("The protocol.\n").initializer("protocol()").build())
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
        .addMethod(build);
    methods.forEach(type::addMethod);
    type.addMethod(MethodSpec.methodBuilder("cite").addModifiers(Modifier.PRIVATE,
            Modifier.STATIC).returns(Citation.class)
        .addParameter(String.class, "text").addParameter(SourceSpan.class, "span")
        .addComment("each citation is kept, for the machine to cite it by where it stands")
        .addStatement("$T citation = new $T(text, span)", Citation.class, Citation.class)
        .addStatement("CITED.add(citation)").addStatement("return citation").build());
    type.addMethod(MethodSpec.methodBuilder("cited").addModifiers(Modifier.STATIC)
        .returns(ParameterizedTypeName.get(Optional.class, Citation.class))
        .addParameter(int.class, "line").addParameter(int.class, "column")
        .addJavadoc("The citation that starts at this line and column of {@code $L}.\n",
            Javadocs.text(literals.fileName()))
        .addStatement("return CITED.stream().filter(c -> c.span().line() == line && "
            + "c.span().column() == column)\n$>$>.findFirst()$<$<").build());
    type.addMethod(MethodSpec.methodBuilder("span").addModifiers(Modifier.PRIVATE,
            Modifier.STATIC).returns(SourceSpan.class)
        .addParameter(int.class, "line").addParameter(int.class, "column")
        .addParameter(int.class, "endLine").addParameter(int.class, "endColumn")
        .addStatement("return new $T(FILE, line, column, endLine, endColumn)", SourceSpan.class)
        .build());
    return type.build();
  }

  private CodeBlock split(String listName, List<?> items,
      java.util.function.Function<Object, String> key, String prefix, JavaNames names,
      List<MethodSpec> methods, TypeName listType) {
    List<CodeBlock> calls = new ArrayList<>();
    List<MethodSpec> parts = new ArrayList<>();
    for (Object item : items) {
      String name = names.member(prefix, key.apply(item), prefix);
      parts.add(MethodSpec.methodBuilder(name).addModifiers(Modifier.PRIVATE, Modifier.STATIC)
          .returns(item.getClass())
          .addStatement("return $L", value(item)).build());
      calls.add(CodeBlock.of("$L()", name));
    }
    String list = names.member("", listName, listName);
    methods.add(MethodSpec.methodBuilder(list).addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(listType)
        .addStatement("return $T.of($L)", List.class, items.isEmpty() ? CodeBlock.of("")
            : CodeBlock.of("\n$>$>$L$<$<", CodeBlock.join(calls, ",\n")))
        .build());
    methods.addAll(parts);
    return CodeBlock.of("$L()", list);
  }

  /** A Java expression that builds an equal value. */
  CodeBlock value(Object v) {
    if (v instanceof String s) {
      return Literals.string(s);
    } else if (v instanceof Integer || v instanceof Boolean) {
      return CodeBlock.of("$L", v);
    } else if (v instanceof Optional<?> o) {
      return o.isEmpty() ? CodeBlock.of("$T.empty()", Optional.class)
          : CodeBlock.of("$T.of($L)", Optional.class, value(o.get()));
    } else if (v instanceof List<?> list) {
      if (list.isEmpty()) {
        return CodeBlock.of("$T.of()", List.class);
      }
      List<CodeBlock> items = list.stream().map(this::value).toList();
      return CodeBlock.of("$T.of($L)", List.class, args(items));
    } else if (v instanceof LocalDate d) {
      return CodeBlock.of("$T.of($L, $L, $L)", LocalDate.class, d.getYear(), d.getMonthValue(),
          d.getDayOfMonth());
    } else if (v instanceof MonthDay d) {
      return CodeBlock.of("$T.of($L, $L)", MonthDay.class, d.getMonthValue(), d.getDayOfMonth());
    } else if (v instanceof ZoneId z) {
      return CodeBlock.of("$T.of($S)", ZoneId.class, z.getId());
    } else if (v instanceof Enum<?> e) {
      return CodeBlock.of("$T.$L", e.getDeclaringClass(), e.name());
    } else if (v instanceof SourceSpan s) {
      SourceSpan r = literals.relative(s);
      if (s.equals(SourceSpan.NONE)) {
        return CodeBlock.of("$T.NONE", SourceSpan.class);
      }
      return r.file().equals(literals.fileName())
          ? CodeBlock.of("span($L, $L, $L, $L)", r.line(), r.column(), r.endLine(), r.endColumn())
          : CodeBlock.of("new $T($S, $L, $L, $L, $L)", SourceSpan.class, r.file(), r.line(),
              r.column(), r.endLine(), r.endColumn());
    } else if (v instanceof Citation c) {
      return CodeBlock.of("cite($L,$W$L)", Literals.string(c.text()), value(c.span()));
    } else if (v != null && v.getClass().isRecord()) {
      List<CodeBlock> args = new ArrayList<>();
      for (RecordComponent c : v.getClass().getRecordComponents()) {
        // a `to` line either respondent answers is written as before joint answers, with the
        // constructor that leaves `jointly` out
        if (v instanceof org.escalon.model.Step.EscalateTo e && !e.jointly()
            && e.substitute().isEmpty() && c.getName().equals("jointly")) {
          continue;
        }
        // a role looked up in no directory, without `lookup`
        if (v instanceof org.escalon.model.Role r && r.lookup().isEmpty()
            && c.getName().equals("lookup")) {
          continue;
        }
        // and one with no substitute without it
        if (v instanceof org.escalon.model.Step.EscalateTo e && e.substitute().isEmpty()
            && c.getName().equals("substitute")) {
          continue;
        }
        // likewise a stage its addressees answer, without `judges`
        if (v instanceof org.escalon.model.Stage st && st.judges().isEmpty()
            && st.escalatedBy().isEmpty() && c.getName().equals("judges")
            || v instanceof org.escalon.model.Stage se && se.escalatedBy().isEmpty()
            && c.getName().equals("escalatedBy")) {
          continue;
        }
        // and a fact of the case that is not a decision, without `decision`
        if (v instanceof org.escalon.model.Attribute a && a.decision().isEmpty()
            && c.getName().equals("decision")) {
          continue;
        }
        // and a step whose deadline has no word for urgency, without `urgency` (an action done
        // jointly keeps it, before `alsoBy`), and a step one role does, without `alsoBy`
        if (c.getName().equals("urgency") && v instanceof org.escalon.model.Step st
            && org.escalon.machine.StepClocks.urgency(st).isEmpty()
            && !(v instanceof org.escalon.model.Step.Act a && a.joint())
            || c.getName().equals("alsoBy") && v instanceof org.escalon.model.Step.Act b
            && !b.joint()) {
          continue;
        }
        // and a protocol one role raises, and triggers that do not say who raises them
        if (v instanceof org.escalon.model.Header hr && hr.raiseWithin().isEmpty()
            && c.getName().equals("raiseWithin")
            || v instanceof org.escalon.model.Header h && h.alsoRaisedBy().isEmpty()
            && h.raiseWithin().isEmpty() && c.getName().equals("alsoRaisedBy")
            || v instanceof org.escalon.model.Trigger t && t.raisedBy().isEmpty()
            && c.getName().equals("raisedBy")) {
          continue;
        }
        args.add(value(get(c, v)));
      }
      return CodeBlock.of("new $T($L)", v.getClass(), args(args));
    }
    throw new IllegalArgumentException("no Java form for " + v);
  }

  private static CodeBlock args(List<CodeBlock> args) {
    return CodeBlock.join(args, ",$W");
  }

  private static Object get(RecordComponent c, Object record) {
    try {
      return c.getAccessor().invoke(record);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + c.getName() + " of " + record, e);
    }
  }
}
