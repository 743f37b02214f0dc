package org.escalon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.escalon.engine.EscalationListener;
import org.escalon.model.Protocol;

/**
 * Names and texts that could break Java become valid Java and come back unchanged at run time:
 * keywords, names differing only in case, leading digits, non-ASCII letters, quotes,
 * backslashes, {@code *}{@code /} and {@code \}{@code u000a} (which javac reads as a line break
 * even in a comment). Random protocols take all their names and texts from such words; their
 * generated code must compile under {@code -Xlint:all -Werror}, its model must equal the
 * protocol, its enums must give back every key and title, and it must still agree with the
 * engine, effects and refusals (which quote the texts) included.
 */
class HostileNamesProperties {

  @Property(tries = 12)
  void hostileNamesCompileAndComeBackUnchanged(@ForAll("words") List<String> words,
      @ForAll("seeds") long seed, @ForAll("sequences") List<Integer> choices) throws Exception {
    List<Protocol> protocols = List.of(RandomProtocols.make(seed, words),
        RandomProtocols.make(seed + 1, words.subList(7, words.size())));
    GeneratedMachines machines = new GeneratedMachines(protocols);
    for (int i = 0; i < protocols.size(); i++) {
      Protocol protocol = protocols.get(i);
      int n = i;
      assertEquals(protocol, machines.machine(i, new EscalationListener() {}).protocol(),
          "the model differs");
      Class<?> type = machines.type(i);
      assertEquals(protocol.stages().stream().map(s -> s.key() + "|" + s.title()).toList(),
          constants(type, "Stage"));
      assertEquals(protocol.roles().stream().map(r -> r.name() + "|" + r.title()).toList(),
          constants(type, "Role"));
      assertEquals(protocol.outcomes().stream().map(o -> o.name() + "|" + o.title()).toList(),
          constants(type, "Outcome"));
      Differential.run(protocol, listener -> machines.machine(n, listener), choices);
    }
  }

  /** "key|title" of every constant of the nested enum {@code name}, in order. */
  private static List<String> constants(Class<?> machine, String name) throws Exception {
    for (Class<?> nested : machine.getDeclaredClasses()) {
      if (nested.getSimpleName().equals(name)) {
        Method key = nested.getMethod("key");
        Method title = nested.getMethod("title");
        List<String> out = new ArrayList<>();
        for (Object constant : nested.getEnumConstants()) {
          out.add(key.invoke(constant) + "|" + title.invoke(constant));
        }
        return out;
      }
    }
    throw new AssertionError("no nested type " + name + " in " + machine);
  }

  @Provide
  Arbitrary<List<String>> words() {
    Arbitrary<String> named = Arbitraries.of("class", "int", "_", "record", "var", "enum",
        "Stage", "Role", "Place", "Listener", "State", "String", "Object", "MODEL", "NONE", "e",
        "b", "at", "values", "valueOf", "toString", "IRO", "Iro", "iro", "i-r-o", "i_r_o", "1",
        "2nd", "42", "0x1F", "é", "Ünïcödé", "名前", "Ωmega", "a\"b", "back\\slash", "ends\\",
        "*/", "/*", "/**/", "\\u000a", "\\u002a\\u002f", "\\\\u000a", "line\nbreak", "cr\rhere",
        "tab\there", "$dollar", "$L $S $T", "%s", "{@code x}", "<b>", "@param", "&amp;",
        "\u2028sep", "\u0000nul", "a-b", "a_b", "A B", " ", "'", "\"\"\"");
    Arbitrary<String> typed = Arbitraries.strings().withChars("aZ9_-\"\\*/ué名\n$@{}<>&' ")
        .ofMinLength(1).ofMaxLength(12);
    return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, named), net.jqwik.api.Tuple.of(1,
        typed)).list().ofMinSize(12).ofMaxSize(40);
  }

  @Provide
  Arbitrary<Long> seeds() {
    return Arbitraries.longs().between(0, 1_000_000);
  }

  @Provide
  Arbitrary<List<Integer>> sequences() {
    return Arbitraries.integers().between(0, Integer.MAX_VALUE - 1).list().ofMinSize(5)
        .ofMaxSize(30);
  }
}
