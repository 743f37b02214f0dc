package org.escalon.compiler.verify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.escalon.machine.Facts;
import org.escalon.machine.Guards;
import org.escalon.machine.OperationalModel;
import org.escalon.model.Attribute;
import org.escalon.model.Condition;
import org.escalon.model.Protocol;

/** Whether some case meets every condition of a list, tried over the attributes they mention. */
final class Satisfiable {

  private static final int MAX_CASES = 4096;

  private Satisfiable() {}

  static boolean test(List<Condition> conditions, Protocol protocol) {
    Set<String> names = new LinkedHashSet<>();
    conditions.forEach(c -> ProtocolIndex.conditionNames(c, names));
    List<String> attributes = new ArrayList<>(names);
    List<List<String>> domains = new ArrayList<>();
    long cases = 1;
    for (String name : attributes) {
      List<String> domain = protocol.attributes().stream().filter(a -> a.name().equals(name))
          .findFirst().map(Satisfiable::domain).orElse(List.of("yes", "no"));
      domains.add(domain);
      cases *= domain.size();
      if (cases > MAX_CASES) {
        return true; // too many to try: assume some case meets them
      }
    }
    return search(conditions, attributes, domains, 0, new HashMap<>());
  }

  private static List<String> domain(Attribute a) {
    return a.isYesNo() ? List.of("yes", "no") : a.choices();
  }

  private static boolean search(List<Condition> conditions, List<String> names,
      List<List<String>> domains, int i, Map<String, String> values) {
    if (i == names.size()) {
      // the model's guards decide, as in the engine, on a case with only these attributes
      Facts facts = Facts.ofAttributes(values);
      return conditions.stream().allMatch(c -> Guards.holds(OperationalModel.guard(c), facts));
    }
    for (String v : domains.get(i)) {
      values.put(names.get(i), v);
      if (search(conditions, names, domains, i + 1, values)) {
        return true;
      }
    }
    return false;
  }
}
