package org.escalon.engine;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A constant of a generated machine's enums (a stage, an outcome, a role, a form, a grade...):
 * the name the protocol gives it, which a host stores, and its title, which a person reads.
 */
public interface Keyed {

  /** Its key or name, exactly as the protocol writes it. */
  String key();

  /** Its title, as the protocol writes it. */
  String title();

  /** How the protocol's rules name it: {@code stage KEY} for a stage, else its name. */
  default String named() {
    return key();
  }

  /** The constants by key, for an enum's {@code of(key)}. */
  static <E extends Enum<E> & Keyed> Map<String, E> byKey(E[] constants) {
    return Arrays.stream(constants).collect(Collectors.toUnmodifiableMap(Keyed::key,
        Function.identity()));
  }

  /** The keys of constants, in order. */
  static List<String> keys(List<? extends Keyed> constants) {
    return constants.stream().map(Keyed::key).toList();
  }
}
