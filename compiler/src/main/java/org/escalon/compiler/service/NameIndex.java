package org.escalon.compiler.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.escalon.compiler.ast.Decl;
import org.escalon.compiler.ast.Name;
import org.escalon.compiler.ast.ProtocolFile;
import org.escalon.compiler.ast.StageKey;
import org.escalon.compiler.ast.Text;
import org.escalon.compiler.check.SymbolTable;
import org.escalon.model.SourceSpan;

/**
 * Where each declared name of a document is declared and used: the position index behind hover,
 * go to definition, find references, rename and the outline.
 *
 * <p>A name written in the protocol is taken to mean the declaration of that name, looked up in
 * the order of {@link SymbolKind}; the checker already refuses a name used where its kind does not
 * fit, so the index need not decide that a second time.
 */
public final class NameIndex {

  /** An index of nothing, for a document that never parsed. */
  public static final NameIndex EMPTY = new NameIndex(Map.of(), List.of());

  private final Map<String, Symbol> symbols;
  private final List<Occurrence> occurrences;

  private NameIndex(Map<String, Symbol> symbols, List<Occurrence> occurrences) {
    this.symbols = symbols;
    this.occurrences = occurrences;
  }

  static NameIndex of(ProtocolFile file, SymbolTable table) {
    Map<String, Symbol> symbols = new LinkedHashMap<>();
    declare(symbols, SymbolKind.STAGE, table.stages(), d -> d.key().span(), d -> d.title());
    declare(symbols, SymbolKind.ROLE, table.roles(), d -> d.name().span(), d -> d.title());
    declare(symbols, SymbolKind.OUTCOME, table.outcomes(), d -> d.name().span(), d -> d.title());
    declare(symbols, SymbolKind.ATTRIBUTE, table.attributes(), d -> d.name().span(),
        d -> d.title());
    declare(symbols, SymbolKind.FORM, table.forms(), d -> d.name().span(), d -> d.title());
    declare(symbols, SymbolKind.EVENT, table.events(), d -> d.name().span(), d -> d.title());
    declare(symbols, SymbolKind.SCALE, table.scales(), d -> d.name().span(), d -> d.title());
    declare(symbols, SymbolKind.AGENCY, table.agencies(), d -> d.name().span(), d -> d.title());
    declare(symbols, SymbolKind.TRIGGER, table.triggers(), d -> d.name().span(), d -> d.title());

    AstNames written = AstNames.of(file);
    List<Occurrence> occurrences = new ArrayList<>();
    for (Name name : written.names()) {
      named(symbols, name.text()).ifPresent(s -> occurrences.add(
          new Occurrence(s, name.span(), name.span().equals(s.declared()))));
    }
    for (StageKey key : written.stageKeys()) {
      Symbol s = symbols.get(key(SymbolKind.STAGE, key.text()));
      if (s != null) {
        occurrences.add(new Occurrence(s, key.span(), key.span().equals(s.declared())));
      }
    }
    occurrences.sort(Comparator.comparingInt((Occurrence o) -> o.span().line())
        .thenComparingInt(o -> o.span().column()));
    return new NameIndex(symbols, List.copyOf(occurrences));
  }

  private static <D extends Decl> void declare(Map<String, Symbol> into, SymbolKind kind,
      Map<String, D> declared, Function<D, SourceSpan> at, Function<D, Optional<Text>> title) {
    declared.forEach((name, decl) -> into.put(key(kind, name),
        new Symbol(kind, name, title.apply(decl).map(Text::value), at.apply(decl))));
  }

  private static String key(SymbolKind kind, String name) {
    return kind.name() + ":" + name;
  }

  private static Optional<Symbol> named(Map<String, Symbol> symbols, String text) {
    for (SymbolKind kind : SymbolKind.values()) {
      if (kind != SymbolKind.STAGE) {
        Symbol s = symbols.get(key(kind, text));
        if (s != null) {
          return Optional.of(s);
        }
      }
    }
    return Optional.empty();
  }

  /** Every declared name, stages first in ladder order, then the others by kind. */
  public List<Symbol> symbols() {
    return List.copyOf(symbols.values());
  }

  /** The declared names of one kind, in declaration order. */
  public List<Symbol> symbols(SymbolKind kind) {
    return symbols.values().stream().filter(s -> s.kind() == kind).toList();
  }

  public Optional<Symbol> symbol(SymbolKind kind, String name) {
    return Optional.ofNullable(symbols.get(key(kind, name)));
  }

  /** Every occurrence of every declared name, in source order. */
  public List<Occurrence> occurrences() {
    return occurrences;
  }

  /** The declared name written at a caret, if any. */
  public Optional<Occurrence> at(Position caret) {
    return occurrences.stream().filter(o -> o.covers(caret.line(), caret.column())).findFirst();
  }

  /** Where a name is written, its declaration first. */
  public List<Occurrence> occurrencesOf(Symbol symbol) {
    List<Occurrence> all = new ArrayList<>();
    occurrences.stream().filter(o -> o.symbol().equals(symbol) && o.declaration())
        .forEach(all::add);
    occurrences.stream().filter(o -> o.symbol().equals(symbol) && !o.declaration())
        .forEach(all::add);
    return all;
  }
}
