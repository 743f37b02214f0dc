package org.escalon.tests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.escalon.compiler.generate.GeneratedFile;
import org.escalon.compiler.generate.JavaGenerator;
import org.escalon.engine.EscalationListener;
import org.escalon.engine.EscalationMachine;
import org.escalon.model.Protocol;

/** Generates, compiles and loads the machines of protocols, in one javac run for many. */
final class GeneratedMachines {

  private final Map<String, String> classNames = new LinkedHashMap<>();
  private final ClassLoader loader;

  /** Generates every protocol into its own package {@code generated.p<n>}, and compiles them. */
  GeneratedMachines(List<Protocol> protocols) {
    Map<String, String> sources = new LinkedHashMap<>();
    for (int i = 0; i < protocols.size(); i++) {
      Protocol p = protocols.get(i);
      String pkg = "generated.p" + i;
      String name = JavaGenerator.className(p.span().file());
      for (GeneratedFile file : new JavaGenerator().generate(p, pkg, name)) {
        sources.put(file.qualifiedName(), file.text());
      }
      classNames.put(key(i), pkg + "." + name);
    }
    InMemoryJavac.Result result = InMemoryJavac.compile(sources);
    if (!result.compiled()) {
      Path dump = Path.of("target", "generated-that-failed");
      sources.forEach((name, text) -> write(dump.resolve(name.replace('.', '/') + ".java"), text));
      throw new AssertionError("generated code does not compile (sources in " + dump + "):\n"
          + String.join("\n", result.messages()));
    }
    loader = result.loader();
  }

  private static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String key(int i) {
    return "p" + i;
  }

  /** The class of protocol number {@code i}. */
  Class<?> type(int i) {
    try {
      return loader.loadClass(classNames.get(key(i)));
    } catch (ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }

  /** A new machine of protocol number {@code i} that tells an engine listener. */
  EscalationMachine machine(int i, EscalationListener listener) {
    try {
      return (EscalationMachine) type(i).getConstructor(EscalationListener.class)
          .newInstance(listener);
    } catch (InstantiationException | IllegalAccessException | NoSuchMethodException e) {
      throw new AssertionError(e);
    } catch (InvocationTargetException e) {
      throw new AssertionError(e.getCause());
    }
  }
}
