package org.escalon.compiler.format;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.escalon.model.SourceSpan;

/**
 * Rebuilds an AST with every {@link SourceSpan} replaced by {@link SourceSpan#NONE}, so that two
 * trees can be compared by structure alone. Walks record components recursively, through lists
 * and optionals; other values (strings, numbers, enums, booleans) are kept as they are.
 */
public final class SpanEraser {

  private SpanEraser() {}

  @SuppressWarnings("unchecked")
  public static <T> T erase(T value) {
    return (T) eraseAny(value);
  }

  private static Object eraseAny(Object value) {
    if (value instanceof SourceSpan) {
      return SourceSpan.NONE;
    } else if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      list.forEach(element -> out.add(eraseAny(element)));
      return List.copyOf(out);
    } else if (value instanceof Optional<?> optional) {
      return optional.map(SpanEraser::eraseAny);
    } else if (value instanceof Record record) {
      return eraseRecord(record);
    }
    return value;
  }

  private static Record eraseRecord(Record record) {
    RecordComponent[] components = record.getClass().getRecordComponents();
    Class<?>[] types = new Class<?>[components.length];
    Object[] values = new Object[components.length];
    try {
      for (int i = 0; i < components.length; i++) {
        types[i] = components[i].getType();
        components[i].getAccessor().setAccessible(true);
        values[i] = eraseAny(components[i].getAccessor().invoke(record));
      }
      Constructor<?> constructor = record.getClass().getDeclaredConstructor(types);
      constructor.setAccessible(true);
      return (Record) constructor.newInstance(values);
    } catch (ReflectiveOperationException e) {
      Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
      throw new IllegalStateException("cannot rebuild " + record.getClass().getName(), cause);
    }
  }
}
