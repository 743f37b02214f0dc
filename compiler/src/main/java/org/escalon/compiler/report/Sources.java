package org.escalon.compiler.report;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.escalon.model.Citation;
import org.escalon.model.Protocol;

/**
 * Every citation of a protocol, in the order the file makes them, so that the report can list
 * those it shows beside no rule. The same text cited on the same line is one source.
 */
final class Sources {

  private final Map<String, Integer> numbers = new LinkedHashMap<>();
  private final List<Citation> all = new ArrayList<>();

  Sources(Protocol protocol) {
    collect(protocol);
  }

  /** Every citation, in order; the n-th has number n + 1. */
  List<Citation> all() {
    return all;
  }

  private static String key(Citation c) {
    return c.text() + "\u0000" + c.span().file() + ":" + c.span().line();
  }

  private void add(Citation c) {
    if (!numbers.containsKey(key(c))) {
      all.add(c);
      numbers.put(key(c), all.size());
    }
  }

  /** Walks the model's records in declaration order and takes every citation in them. */
  private void collect(Object value) {
    if (value instanceof Citation c) {
      add(c);
    } else if (value instanceof Optional<?> o) {
      o.ifPresent(this::collect);
    } else if (value instanceof List<?> list) {
      list.forEach(this::collect);
    } else if (value instanceof Record r) {
      for (RecordComponent component : r.getClass().getRecordComponents()) {
        try {
          collect(component.getAccessor().invoke(r));
        } catch (IllegalAccessException | InvocationTargetException e) {
          throw new IllegalStateException("cannot read " + component.getName(), e);
        }
      }
    }
  }
}
