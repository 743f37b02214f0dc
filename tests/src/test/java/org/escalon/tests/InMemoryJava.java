package org.escalon.tests;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Compiles Java sources in memory against the test class path and loads the classes. */
final class InMemoryJava {

  private InMemoryJava() {}

  /** Compiles the sources (path to text); fails with the compiler's messages on any warning. */
  static ClassLoader compile(Map<String, String> sources) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    Map<String, ByteArrayOutputStream> classes = new HashMap<>();
    StandardJavaFileManager standard = javac.getStandardFileManager(null, null, null);
    JavaFileManager manager = new ForwardingJavaFileManager<>(standard) {
      @Override
      public JavaFileObject getJavaFileForOutput(Location location, String className,
          JavaFileObject.Kind kind, FileObject sibling) {
        return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/')
            + kind.extension), kind) {
          @Override
          public OutputStream openOutputStream() {
            return classes.computeIfAbsent(className, k -> new ByteArrayOutputStream());
          }
        };
      }
    };
    List<JavaFileObject> units = new ArrayList<>();
    sources.forEach((path, text) -> units.add(new SimpleJavaFileObject(URI.create("mem:///"
        + path), JavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return text;
      }
    }));
    StringWriter messages = new StringWriter();
    boolean ok = javac.getTask(messages, manager, null, List.of("-classpath", classPath(),
        "--release", "17", "-Xlint:all", "-Werror", "-proc:none"), null, units).call();
    if (!ok) {
      throw new AssertionError("the generated code does not compile cleanly:\n" + messages);
    }
    return new ClassLoader(InMemoryJava.class.getClassLoader()) {
      @Override
      protected Class<?> findClass(String name) throws ClassNotFoundException {
        ByteArrayOutputStream bytes = classes.get(name);
        if (bytes == null) {
          throw new ClassNotFoundException(name);
        }
        byte[] b = bytes.toByteArray();
        return defineClass(name, b, 0, b.length);
      }
    };
  }

  /** The test class path; under surefire it may hide in the manifest of a booter jar. */
  static String classPath() throws IOException {
    String cp = System.getProperty("java.class.path");
    String[] entries = cp.split(File.pathSeparator);
    if (entries.length == 1 && entries[0].contains("surefirebooter")) {
      try (JarFile jar = new JarFile(entries[0])) {
        Manifest m = jar.getManifest();
        List<String> paths = new ArrayList<>();
        for (String url : m.getMainAttributes().getValue("Class-Path").split(" ")) {
          if (!url.isBlank()) {
            paths.add(Path.of(URI.create(url)).toString());
          }
        }
        return String.join(File.pathSeparator, paths);
      }
    }
    return cp;
  }
}
