package org.escalon.compiler.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.TypeName;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.Modifier;
import org.escalon.model.Citation;
import org.escalon.model.Timespan;
import org.escalon.model.SourceSpan;
import org.escalon.model.Target;

/**
 * Java expressions for the protocol's values in the generated machine: places in the protocol
 * file, citations, lists of roles, stages and outcomes, and durations (as named constants, each
 * declared once). Spans name the protocol file by its name alone, so that generated code does not
 * depend on the folder it was generated from.
 */
final class Literals {

  static final ClassName OPTIONAL = ClassName.get(Optional.class);
  static final ClassName LIST = ClassName.get(List.class);
  static final ClassName SPAN = ClassName.get(SourceSpan.class);
  static final ClassName CITATION = ClassName.get(Citation.class);
  static final ClassName DURATION = ClassName.get(Timespan.class);

  private final Plan plan;
  private final String compiledFile;
  private final String fileName;
  private final JavaNames constantNames;
  private final Map<Timespan, String> durations = new LinkedHashMap<>();
  private List<Citation> citations;

  Literals(Plan plan, JavaNames constantNames) {
    this.plan = plan;
    this.compiledFile = plan.protocol.span().file();
    Path name = compiledFile.isEmpty() ? null : Path.of(compiledFile).getFileName();
    this.fileName = name == null ? compiledFile : name.toString();
    this.constantNames = constantNames;
  }

  /** Every citation in the protocol, found once. */
  private List<Citation> cited() {
    if (citations == null) {
      citations = new ArrayList<>();
      collect(plan.protocol, citations);
    }
    return citations;
  }

  private static void collect(Object value, List<Citation> into) {
    if (value instanceof Citation c) {
      into.add(c);
    } else if (value instanceof java.util.Collection<?> items) {
      items.forEach(item -> collect(item, into));
    } else if (value instanceof Optional<?> o) {
      o.ifPresent(item -> collect(item, into));
    } else if (value != null && value.getClass().isRecord()) {
      for (var component : value.getClass().getRecordComponents()) {
        try {
          collect(component.getAccessor().invoke(value), into);
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException("cannot read " + component, e);
        }
      }
    }
  }

  /** The protocol file's name, as spans in generated code give it. */
  String fileName() {
    return fileName;
  }

  /** A span with the protocol file shortened to its name. */
  SourceSpan relative(SourceSpan s) {
    return s.file().equals(compiledFile) && s != SourceSpan.NONE && s.isKnown()
        ? new SourceSpan(fileName, s.line(), s.column(), s.endLine(), s.endColumn()) : s;
  }

  CodeBlock span(SourceSpan s) {
    if (s.equals(SourceSpan.NONE)) {
      return CodeBlock.of("$T.NONE", SPAN);
    }
    if (s.file().equals(compiledFile)) {
      return CodeBlock.of("span($L, $L, $L, $L)", s.line(), s.column(), s.endLine(),
          s.endColumn());
    }
    return CodeBlock.of("new $T($S, $L, $L, $L, $L)", SPAN, s.file(), s.line(), s.column(),
        s.endLine(), s.endColumn());
  }

  /**
   * An {@code Optional<Citation>}: the model's, looked up by where it stands in the protocol
   * file, when no other citation starts there.
   */
  CodeBlock source(Optional<Citation> citation) {
    if (citation.isEmpty()) {
      return CodeBlock.of("$T.empty()", OPTIONAL);
    }
    Citation c = citation.get();
    SourceSpan s = c.span();
    if (s.file().equals(compiledFile) && s.isKnown() && cited().stream().filter(o -> o.span()
        .line() == s.line() && o.span().column() == s.column()).distinct().count() == 1) {
      return CodeBlock.of("$T.cited($L, $L)", plan.model, s.line(), s.column());
    }
    if (s.file().equals(compiledFile) && !s.equals(SourceSpan.NONE)) {
      return CodeBlock.of("source($L,$W$L, $L, $L, $L)", string(c.text()), s.line(), s.column(),
          s.endLine(), s.endColumn());
    }
    return CodeBlock.of("$T.of(new $T($L, $L))", OPTIONAL, CITATION, string(c.text()), span(s));
  }

  /**
   * A string literal that keeps lines within 100 columns: a text longer than a line is split at
   * spaces (or, in an id, underscores) into pieces, each on a line of its own and joined with {@code +}, which javac joins
   * back at compile time.
   */
  static CodeBlock string(String text) {
    if (text.length() <= 48) {
      return CodeBlock.of("$S", text);
    }
    List<CodeBlock> pieces = new ArrayList<>();
    int start = 0;
    while (text.length() - start > 68) {
      int cut = text.lastIndexOf(' ', start + 66);
      if (cut <= start) {
        cut = text.lastIndexOf('_', start + 66); // an action's id has no spaces
      }
      if (cut <= start) {
        cut = text.indexOf(' ', start + 66);
        if (cut < 0 || cut + 1 == text.length()) {
          break;
        }
      }
      pieces.add(CodeBlock.of("$S", text.substring(start, cut + 1)));
      start = cut + 1;
    }
    pieces.add(CodeBlock.of("$S", text.substring(start)));
    return CodeBlock.of("\n$>$>$L$<$<", CodeBlock.join(pieces, "\n+ "));
  }

  /** {@code List.of(Role.A, Role.B)}; a role the protocol does not declare cannot occur. */
  CodeBlock roles(List<String> names) {
    List<CodeBlock> items = new ArrayList<>();
    for (String name : names) {
      items.add(CodeBlock.of("$T.$L", plan.type("Role"), plan.roles.get(name)));
    }
    return CodeBlock.of("$T.of($L)", LIST, CodeBlock.join(items, ", "));
  }

  /** {@code List.of("A", "B")}. */
  CodeBlock strings(List<String> values) {
    List<CodeBlock> items = values.stream().map(v -> CodeBlock.of("$S", v)).toList();
    return CodeBlock.of("$T.of($L)", LIST, CodeBlock.join(items, ", "));
  }

  CodeBlock role(String name) {
    return CodeBlock.of("$T.$L", plan.type("Role"), plan.roles.get(name));
  }

  CodeBlock stage(String key) {
    return CodeBlock.of("$T.$L", plan.type("Stage"), plan.stages.get(key));
  }

  CodeBlock outcome(String name) {
    return CodeBlock.of("$T.$L", plan.type("Outcome"), plan.outcomes.get(name));
  }

  CodeBlock place(Target t) {
    return t instanceof Target.ToStage s ? stage(s.key())
        : outcome(((Target.ToOutcome) t).name());
  }

  /** The name of the constant that holds a duration, declared on first use. */
  String duration(Timespan d) {
    return durations.computeIfAbsent(d, x -> constantNames.constant(
        x.unit() == org.escalon.model.TimeUnit.SAME_WORKING_DAY ? "same working day"
            : x.unit().name().toLowerCase(Locale.ROOT) + " " + x.amount(), "DURATION"));
  }

  /** The duration constants used so far, in order of first use. */
  List<FieldSpec> durationFields() {
    List<FieldSpec> fields = new ArrayList<>();
    durations.forEach((d, name) -> fields.add(FieldSpec.builder(TypeName.get(Timespan.class),
        name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer("new $T($L, $T.$L)", DURATION, d.amount(),
            org.escalon.model.TimeUnit.class, d.unit().name())
        .build()));
    return fields;
  }
}
