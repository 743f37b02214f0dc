package org.escalon.compiler.service;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.escalon.compiler.ast.Name;
import org.escalon.compiler.ast.StageKey;

/**
 * Every {@link Name} and {@link StageKey} written in an AST, in source order of the tree.
 *
 * <p>The walk goes through record components rather than a visitor with a method per statement:
 * the index only needs the names, and a walk over the records keeps up by itself when the AST
 * gains a statement (the grammar is being extended by others while this service is in use). The
 * AST is made of records, lists and optionals only, so nothing else needs descending into.
 */
final class AstNames {

  private static final Map<Class<?>, List<Method>> ACCESSORS = new ConcurrentHashMap<>();

  private final List<Name> names = new ArrayList<>();
  private final List<StageKey> stageKeys = new ArrayList<>();

  private AstNames() {}

  static AstNames of(Object root) {
    AstNames found = new AstNames();
    found.walk(root);
    return found;
  }

  List<Name> names() {
    return names;
  }

  List<StageKey> stageKeys() {
    return stageKeys;
  }

  private void walk(Object node) {
    if (node instanceof Name name) {
      names.add(name);
    } else if (node instanceof StageKey key) {
      stageKeys.add(key);
    } else if (node instanceof Optional<?> optional) {
      optional.ifPresent(this::walk);
    } else if (node instanceof List<?> list) {
      list.forEach(this::walk);
    } else if (node != null && node.getClass().isRecord()) {
      for (Method accessor : accessors(node.getClass())) {
        walk(read(accessor, node));
      }
    }
  }

  private static List<Method> accessors(Class<?> type) {
    return ACCESSORS.computeIfAbsent(type, t -> {
      List<Method> methods = new ArrayList<>();
      for (RecordComponent c : t.getRecordComponents()) {
        Method m = c.getAccessor();
        m.setAccessible(true);
        methods.add(m);
      }
      return List.copyOf(methods);
    });
  }

  private static Object read(Method accessor, Object node) {
    try {
      return accessor.invoke(node);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + accessor + " of the AST", e);
    }
  }
}
