package org.escalon.compiler.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.escalon.model.Protocol;

/**
 * The protocol model as JSON, valid against the published schema ({@link #SCHEMA_RESOURCE}).
 *
 * <p>The mapping is the model's own shape, so the two cannot drift apart unnoticed: a record is an
 * object with its components in declaration order, under their Java names; a record that is one
 * case of a sealed interface ({@code Target.ToStage}) also says which, as {@code "type":
 * "to_stage"}; an empty {@code Optional} is {@code null}; an enum constant is its name in lower
 * case; dates are ISO 8601. Text outside ASCII is escaped, so the bytes do not depend on the
 * console.
 */
public final class JsonExporter {

  /** Where the JSON Schema of this export is, on the class path. */
  public static final String SCHEMA_RESOURCE = "/org/escalon/compiler/export/protocol.schema.json";

  /** The schema's {@code $id}, which every export names as its {@code $schema}. */
  public static final String SCHEMA_ID = "urn:escalon:schema:protocol:1";

  /** The JSON text of a protocol. */
  public String export(Protocol protocol) {
    StringBuilder out = new StringBuilder("{\n  \"$schema\": ").append(quote(SCHEMA_ID))
        .append(",\n  \"protocol\": ");
    value(out, protocol, 1);
    return out.append("\n}\n").toString();
  }

  /** The published JSON Schema of the export. */
  public static String schema() {
    try (InputStream in = JsonExporter.class.getResourceAsStream(SCHEMA_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the JSON schema is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void value(StringBuilder out, Object value, int depth) {
    if (value instanceof Optional<?> o) {
      value(out, o.orElse(null), depth);
    } else if (value == null) {
      out.append("null");
    } else if (value instanceof String s) {
      out.append(quote(s));
    } else if (value instanceof Boolean || value instanceof Integer) {
      out.append(value);
    } else if (value instanceof Enum<?> e) {
      out.append(quote(e.name().toLowerCase(Locale.ROOT)));
    } else if (value instanceof LocalDate || value instanceof MonthDay || value instanceof ZoneId) {
      out.append(quote(value.toString()));
    } else if (value instanceof List<?> list) {
      list(out, list, depth);
    } else if (value instanceof Record r) {
      record(out, r, depth);
    } else {
      throw new IllegalArgumentException("no JSON form for " + value.getClass());
    }
  }

  private static void list(StringBuilder out, List<?> list, int depth) {
    if (list.isEmpty()) {
      out.append("[]");
      return;
    }
    out.append("[\n");
    for (int i = 0; i < list.size(); i++) {
      indent(out, depth + 1);
      value(out, list.get(i), depth + 1);
      out.append(i + 1 < list.size() ? ",\n" : "\n");
    }
    indent(out, depth);
    out.append(']');
  }

  private static void record(StringBuilder out, Record r, int depth) {
    out.append("{\n");
    RecordComponent[] components = r.getClass().getRecordComponents();
    boolean first = true;
    Optional<String> type = caseName(r.getClass());
    if (type.isPresent()) {
      indent(out, depth + 1);
      out.append("\"type\": ").append(quote(type.get()));
      first = false;
    }
    for (RecordComponent c : components) {
      if (!first) {
        out.append(",\n");
      } else {
        first = false;
      }
      indent(out, depth + 1);
      out.append(quote(c.getName())).append(": ");
      value(out, read(r, c), depth + 1);
    }
    out.append(first ? "" : "\n");
    indent(out, depth);
    out.append('}');
  }

  /** For a case of a sealed interface, its name in snake case: {@code ToStage} is "to_stage". */
  private static Optional<String> caseName(Class<?> type) {
    for (Class<?> parent : type.getInterfaces()) {
      if (parent.isSealed()) {
        return Optional.of(type.getSimpleName().replaceAll("([a-z])([A-Z])", "$1_$2")
            .toLowerCase(Locale.ROOT));
      }
    }
    return Optional.empty();
  }

  private static Object read(Record r, RecordComponent c) {
    try {
      return c.getAccessor().invoke(r);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + c.getName() + " of " + r.getClass(), e);
    }
  }

  private static void indent(StringBuilder out, int depth) {
    out.append("  ".repeat(depth));
  }

  /** A JSON string, with every character outside printable ASCII escaped. */
  public static String quote(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c == '\n') {
        out.append("\\n");
      } else if (c < 0x20 || c > 0x7e) {
        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
