package org.escalon.json;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * JSON for immutable records, bound from their declarations: a record is an object of its
 * components in declaration order (an empty {@link Optional} left out); a sealed interface's
 * record carries its simple name first as {@code "type"}; lists are arrays; maps with string keys
 * are objects in key order; instants are ISO-8601 strings; enums are their names. The same value
 * always gives the same text, and {@link #read} gives back an equal value.
 */
public final class RecordJson {

  private RecordJson() {}

  /** The JSON text of a value. */
  public static String write(Object value) {
    StringBuilder out = new StringBuilder();
    write(value, out);
    return out.toString();
  }

  /**
   * The value of type {@code type} that {@code text} holds; throws {@link
   * IllegalArgumentException} naming what is wrong if it holds none.
   */
  public static <T> T read(String text, Class<T> type) {
    return type.cast(bind(JsonTree.parse(text), type, "$"));
  }

  private static void write(Object value, StringBuilder out) {
    if (value instanceof String s) {
      out.append(JsonTree.string(s));
    } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
      out.append(value);
    } else if (value instanceof Instant i) {
      out.append('"').append(i).append('"');
    } else if (value instanceof Enum<?> e) {
      out.append('"').append(e.name()).append('"');
    } else if (value instanceof Collection<?> list) {
      out.append('[');
      String comma = "";
      for (Object item : list) {
        out.append(comma);
        write(item, out);
        comma = ",";
      }
      out.append(']');
    } else if (value instanceof Map<?, ?> map) {
      out.append('{');
      String comma = "";
      for (Map.Entry<?, ?> e : new TreeMap<>(map).entrySet()) {
        out.append(comma).append(JsonTree.string((String) e.getKey())).append(':');
        write(e.getValue(), out);
        comma = ",";
      }
      out.append('}');
    } else if (value instanceof Record r) {
      record(r, out);
    } else {
      throw new IllegalArgumentException("no JSON form for " + value.getClass().getName());
    }
  }

  private static void record(Record r, StringBuilder out) {
    out.append('{');
    String comma = "";
    if (sealedParent(r.getClass())) {
      out.append("\"type\":").append(JsonTree.string(r.getClass().getSimpleName()));
      comma = ",";
    }
    for (RecordComponent c : r.getClass().getRecordComponents()) {
      Object v = get(c, r);
      if (v instanceof Optional<?> o) {
        if (o.isEmpty()) {
          continue;
        }
        v = o.get();
      }
      out.append(comma).append(JsonTree.string(c.getName())).append(':');
      write(v, out);
      comma = ",";
    }
    out.append('}');
  }

  private static boolean sealedParent(Class<?> type) {
    for (Class<?> parent : type.getInterfaces()) {
      if (parent.isSealed()) {
        return true;
      }
    }
    return false;
  }

  private static Object get(RecordComponent c, Record r) {
    try {
      return c.getAccessor().invoke(r);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + c.getName() + " of " + r, e);
    }
  }

  private static Object bind(Object json, Type type, String path) {
    Class<?> raw = raw(type);
    if (json == JsonTree.NULL) {
      throw new IllegalArgumentException(path + ": null where " + raw.getSimpleName()
          + " is expected");
    }
    if (raw == String.class) {
      return as(json, String.class, path);
    } else if (raw == boolean.class || raw == Boolean.class) {
      return as(json, Boolean.class, path);
    } else if (raw == int.class || raw == Integer.class) {
      return whole(json, path).intValueExact();
    } else if (raw == long.class || raw == Long.class) {
      return whole(json, path).longValueExact();
    } else if (raw == Instant.class) {
      try {
        return Instant.parse(as(json, String.class, path));
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(path + ": not an instant: " + json);
      }
    } else if (raw.isEnum()) {
      String name = as(json, String.class, path);
      for (Object constant : raw.getEnumConstants()) {
        if (((Enum<?>) constant).name().equals(name)) {
          return constant;
        }
      }
      throw new IllegalArgumentException(path + ": " + name + " is not a "
          + raw.getSimpleName());
    } else if (raw == List.class) {
      List<Object> list = new ArrayList<>();
      List<?> items = as(json, List.class, path);
      for (int i = 0; i < items.size(); i++) {
        list.add(bind(items.get(i), argument(type, 0), path + "[" + i + "]"));
      }
      return List.copyOf(list);
    } else if (raw == Map.class || raw == SortedMap.class) {
      TreeMap<String, Object> map = new TreeMap<>();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) as(json, Map.class, path)).entrySet()) {
        map.put((String) e.getKey(), bind(e.getValue(), argument(type, 1),
            path + "." + e.getKey()));
      }
      return map;
    } else if (raw.isSealed()) {
      Map<?, ?> object = as(json, Map.class, path);
      Object name = object.get("type");
      for (Class<?> sub : raw.getPermittedSubclasses()) {
        if (sub.getSimpleName().equals(name)) {
          return bind(object, sub, path);
        }
      }
      throw new IllegalArgumentException(path + ": \"type\" must name a kind of "
          + raw.getSimpleName() + ", found " + name);
    } else if (raw.isRecord()) {
      return record(as(json, Map.class, path), raw, path);
    }
    throw new IllegalArgumentException(path + ": no JSON form for " + raw.getName());
  }

  private static Object record(Map<?, ?> object, Class<?> raw, String path) {
    RecordComponent[] components = raw.getRecordComponents();
    Object[] args = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      RecordComponent c = components[i];
      types[i] = c.getType();
      Object v = object.get(c.getName());
      String at = path + "." + c.getName();
      if (c.getType() == Optional.class) {
        args[i] = v == null ? Optional.empty()
            : Optional.of(bind(v, argument(c.getGenericType(), 0), at));
      } else if (v == null) {
        throw new IllegalArgumentException(at + " is missing");
      } else {
        args[i] = bind(v, c.getGenericType(), at);
      }
    }
    for (Object key : object.keySet()) {
      if (!key.equals("type") && java.util.Arrays.stream(components)
          .noneMatch(c -> c.getName().equals(key))) {
        throw new IllegalArgumentException(path + ": unknown field \"" + key + "\" of "
            + raw.getSimpleName());
      }
    }
    try {
      Constructor<?> constructor = raw.getDeclaredConstructor(types);
      constructor.setAccessible(true);
      return constructor.newInstance(args);
    } catch (InvocationTargetException e) {
      throw new IllegalArgumentException(path + ": " + e.getCause().getMessage(), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot make a " + raw.getName(), e);
    }
  }

  private static BigDecimal whole(Object json, String path) {
    BigDecimal n = as(json, BigDecimal.class, path);
    try {
      n.toBigIntegerExact();
      return n;
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(path + ": expected a whole number, found " + n);
    }
  }

  private static <T> T as(Object json, Class<T> type, String path) {
    if (!type.isInstance(json)) {
      throw new IllegalArgumentException(path + ": expected " + word(type) + ", found "
          + (json instanceof String s ? JsonTree.string(s) : json));
    }
    return type.cast(json);
  }

  private static String word(Class<?> type) {
    return type == Map.class ? "an object" : type == List.class ? "an array"
        : type == BigDecimal.class ? "a number" : type == Boolean.class ? "true or false"
            : "a string";
  }

  private static Class<?> raw(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p) {
      return (Class<?>) p.getRawType();
    }
    throw new IllegalArgumentException("no JSON form for " + type);
  }

  private static Type argument(Type type, int i) {
    if (type instanceof ParameterizedType p) {
      Type[] args = p.getActualTypeArguments();
      return args[Math.min(i, args.length - 1)];
    }
    throw new IllegalArgumentException("no element type in " + type);
  }

}
