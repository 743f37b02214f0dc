package org.escalon.compiler.derive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.escalon.compiler.ast.Comment;
import org.escalon.compiler.ast.Decl;
import org.escalon.compiler.ast.ProtocolFile;
import org.escalon.compiler.check.Checker;
import org.escalon.compiler.diagnostics.Code;
import org.escalon.compiler.diagnostics.Diagnostic;
import org.escalon.compiler.diagnostics.Diagnostics;
import org.escalon.compiler.syntax.SourceParser;

/**
 * A protocol file as the whole protocol it states: itself when it is built on nothing, else its
 * base with its changes applied. A declaration of its own adds to the base (E0352 if the base
 * already declares one of that kind and name: write {@code replace}); {@code replace} swaps the
 * base's declaration in place (E0351 if there is none, E0355 for what has no name to be found
 * by); {@code remove} drops one (E0351 if there is none). Header lines of its own (version,
 * status, who raises...) take the place of the base's. The base is read relative to the file
 * (E0350 if it cannot be), must check cleanly on its own (E0354), and a chain of bases that
 * comes back to a file already in it is E0353.
 */
public final class Derivation {

  /** Header lines that stand once in a protocol: the derived file's own take the base's place. */
  private static final Set<Class<? extends Decl>> HEADER = Set.of(Decl.VersionDecl.class,
      Decl.StatusDecl.class, Decl.EffectiveDecl.class, Decl.ReviewDecl.class,
      Decl.OwnerDecl.class, Decl.CalendarDecl.class, Decl.ZoneDecl.class,
      Decl.RaisedByDecl.class, Decl.AboutDecl.class);

  private final Diagnostics diagnostics;

  public Derivation(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /**
   * The protocol the file states, with its bases applied; empty if a base cannot be used (the
   * reason is reported).
   */
  public Optional<ProtocolFile> resolve(ProtocolFile file, String path) {
    return resolve(file, path, new java.util.LinkedHashMap<>());
  }

  /** The base a file is built on, if it says it is: its path as written, relative to the file. */
  public static Optional<Decl.BasedOnDecl> basedOn(ProtocolFile file) {
    return file.all(Decl.BasedOnDecl.class).stream().findFirst();
  }

  /** {@code chain}: the files this one is a base of, by where they are, with the paths as given. */
  private Optional<ProtocolFile> resolve(ProtocolFile file, String path,
      Map<Path, String> chain) {
    List<Decl.BasedOnDecl> bases = file.all(Decl.BasedOnDecl.class);
    if (bases.isEmpty()) {
      file.decls().stream().filter(d -> d instanceof Decl.ReplaceDecl
          || d instanceof Decl.RemoveDecl).findFirst().ifPresent(d -> diagnostics.report(
              Diagnostic.of(Code.E0351, "this protocol is built on nothing, so it has nothing "
                  + "to replace or remove").at(d.span(), "no `based on` line")
                  .help("add `based on \"FILE.esc\"`, or declare it without `replace`")));
      return diagnostics.hasErrors() ? Optional.empty() : Optional.of(file);
    }
    for (Decl.BasedOnDecl again : bases.subList(1, bases.size())) {
      diagnostics.report(Diagnostic.of(Code.E0407, "`based on` is given twice")
          .at(again.span(), "a protocol is built on one base")
          .help("build the base on the other, and this protocol on the base"));
    }
    Decl.BasedOnDecl on = bases.get(0);
    chain.put(Path.of(path).toAbsolutePath().normalize(), path);
    Path base = Path.of(path).resolveSibling(on.path().value()).normalize();
    if (chain.containsKey(base.toAbsolutePath().normalize())) {
      diagnostics.report(Diagnostic.of(Code.E0353, "`" + on.path().value() + "` is built, "
          + "through its own bases, on this protocol").at(on.path().span(), "goes round")
          .note("the chain: " + String.join(" -> ", chain.values()) + " -> " + base)
          .help("a protocol cannot be built on itself: build both on a third"));
      return Optional.empty();
    }
    String text;
    try {
      text = Files.readString(base);
    } catch (IOException | RuntimeException e) {
      diagnostics.report(Diagnostic.of(Code.E0350, "cannot read the base `" + on.path().value()
              + "`").at(on.path().span(), "no such file, relative to this one")
          .note("looked for " + base)
          .help("the path is relative to the file that says `based on`"));
      return Optional.empty();
    }
    Diagnostics own = new Diagnostics();
    Optional<ProtocolFile> parsed = new SourceParser().parse(base.toString(), text, own);
    Optional<ProtocolFile> whole = parsed.isEmpty() || own.hasErrors() ? Optional.empty()
        : new Derivation(own).resolve(parsed.get(), base.toString(), chain);
    whole.ifPresent(w -> new Checker(own).check(w));
    if (whole.isEmpty() || own.hasErrors()) {
      Optional<Diagnostic> first = own.sorted().stream()
          .filter(d -> d.severity() == org.escalon.compiler.diagnostics.Severity.ERROR)
          .findFirst();
      // a cycle further down is this file's to hear of, as a cycle
      if (first.isPresent() && first.get().code() == Code.E0353) {
        diagnostics.add(first.get());
        return Optional.empty();
      }
      diagnostics.report(Diagnostic.of(Code.E0354, "the base `" + on.path().value()
              + "` has errors").at(on.path().span(), "check this file on its own")
          .note(first.map(d -> d.code().name() + ": " + d.message()).orElse("it does not parse"))
          .help("run `escalon check " + base + "` and fix it first"));
      return Optional.empty();
    }
    return apply(whole.get(), file);
  }

  private Optional<ProtocolFile> apply(ProtocolFile base, ProtocolFile file) {
    boolean ownSources = file.decls().stream().anyMatch(Decl.SourceDecl.class::isInstance);
    List<Decl> merged = new ArrayList<>();
    for (Decl d : base.decls()) {
      if (!(d instanceof Comment) && !(ownSources && d instanceof Decl.SourceDecl)) {
        merged.add(d);
      }
    }
    for (Decl d : file.decls()) {
      if (d instanceof Comment || d instanceof Decl.BasedOnDecl) {
        continue;
      }
      if (d instanceof Decl.ReplaceDecl r) {
        replace(merged, r);
      } else if (d instanceof Decl.RemoveDecl r) {
        int at = find(merged, r.kind() + " " + r.name());
        if (at < 0) {
          missing(r.span(), r.kind() + " " + r.name(), "remove");
        } else {
          merged.set(at, null);
        }
      } else if (HEADER.contains(d.getClass())) {
        int at = indexOf(merged, x -> x != null && x.getClass() == d.getClass());
        if (at < 0) {
          merged.add(d);
        } else {
          merged.set(at, d);
        }
      } else {
        Optional<String> id = Identity.of(d);
        if (id.isPresent() && find(merged, id.get()) >= 0) {
          diagnostics.report(Diagnostic.of(Code.E0352, "the base already declares "
                  + id.get()).at(d.span(), "declared again")
              .help("write `replace " + id.get() + " ...` to change it, or give it another "
                  + "name"));
        } else {
          merged.add(d);
        }
      }
    }
    if (diagnostics.hasErrors()) {
      return Optional.empty();
    }
    return Optional.of(new ProtocolFile(file.leadingComments(), file.name(),
        merged.stream().filter(x -> x != null).toList(), file.trailingComments(), file.span()));
  }

  private void replace(List<Decl> merged, Decl.ReplaceDecl r) {
    Decl with = r.replacement();
    Optional<String> id = Identity.of(with);
    if (id.isEmpty()) {
      diagnostics.report(Diagnostic.of(Code.E0355, "this cannot be replaced").at(r.span(),
              "nothing names it in the base")
          .note("stages, outcomes, roles, agencies, attributes, events, scales, forms, triggers, "
              + "phases, limits, properties, invariants and the protocol-wide extension are "
              + "found by their kind and name; header lines take the base's place without "
              + "`replace`; rights and `at` blocks are added")
          .help("write it without `replace`"));
      return;
    }
    int at = find(merged, id.get());
    if (at < 0) {
      missing(r.span(), id.get(), "replace");
    } else {
      merged.set(at, with);
    }
  }

  private void missing(org.escalon.model.SourceSpan span, String what, String verb) {
    diagnostics.report(Diagnostic.of(Code.E0351, "the base has no " + what + " to " + verb)
        .at(span, "not in the base").help("check the name against the base, or add it without `"
            + verb + "`"));
  }

  private static int find(List<Decl> decls, String id) {
    return indexOf(decls, d -> d != null && Identity.of(d).filter(id::equals).isPresent());
  }

  private static int indexOf(List<Decl> decls, java.util.function.Predicate<Decl> test) {
    for (int i = 0; i < decls.size(); i++) {
      if (test.test(decls.get(i))) {
        return i;
      }
    }
    return -1;
  }

  /** How a declaration is found in a base: its kind, as the language writes it, and its name. */
  static final class Identity {
    private static final Map<Class<? extends Decl>, Function<Decl, String>> NAMED = Map.ofEntries(
        Map.entry(Decl.StageDecl.class, d -> "stage " + ((Decl.StageDecl) d).key().text()),
        Map.entry(Decl.OutcomeDecl.class, d -> "outcome " + ((Decl.OutcomeDecl) d).name().text()),
        Map.entry(Decl.RoleDecl.class, d -> "role " + ((Decl.RoleDecl) d).name().text()),
        Map.entry(Decl.AgencyDecl.class, d -> "agency " + ((Decl.AgencyDecl) d).name().text()),
        Map.entry(Decl.AttributeDecl.class,
            d -> "attribute " + ((Decl.AttributeDecl) d).name().text()),
        Map.entry(Decl.EventDecl.class, d -> "event " + ((Decl.EventDecl) d).name().text()),
        Map.entry(Decl.KnownDateDecl.class,
            d -> "date " + ((Decl.KnownDateDecl) d).name().text()),
        Map.entry(Decl.ScaleDecl.class, d -> "scale " + ((Decl.ScaleDecl) d).name().text()),
        Map.entry(Decl.FormDecl.class, d -> "form " + ((Decl.FormDecl) d).name().text()),
        Map.entry(Decl.TriggerDecl.class, d -> "trigger " + ((Decl.TriggerDecl) d).name().text()),
        Map.entry(Decl.PhaseDecl.class, d -> "phase " + ((Decl.PhaseDecl) d).name().text()),
        Map.entry(Decl.LimitDecl.class, d -> "limit " + ((Decl.LimitDecl) d).title().value()),
        Map.entry(Decl.PropertyDecl.class,
            d -> "property " + ((Decl.PropertyDecl) d).title().value()),
        Map.entry(Decl.InvariantDecl.class,
            d -> "invariant " + ((Decl.InvariantDecl) d).title().value()),
        Map.entry(Decl.ExtensionDecl.class, d -> "extension"));

    private Identity() {}

    static Optional<String> of(Decl d) {
      return Optional.ofNullable(NAMED.get(d.getClass())).map(f -> f.apply(d));
    }
  }
}
