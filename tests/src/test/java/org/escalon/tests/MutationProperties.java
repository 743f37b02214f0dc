package org.escalon.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.escalon.compiler.Compilation;
import org.escalon.compiler.EscalonCompiler;
import org.escalon.compiler.diagnostics.Diagnostic;
import org.escalon.compiler.diagnostics.SourceText;
import org.escalon.compiler.format.AstPrinter;
import org.escalon.grammar.EscalonLexer;
import org.escalon.model.SourceSpan;

/**
 * Robustness: 10,000 random mutations of the seed protocols (tokens deleted, duplicated, swapped;
 * bytes flipped; truncation) never raise an exception out of the compiler, and every diagnostic
 * they produce points inside the file.
 */
class MutationProperties {

  private static final List<String> SEEDS =
      Repository.protocols().stream().map(Repository::read).toList();

  /** One way of breaking a file, with the random choices it needs. */
  record Mutation(int seed, int kind, int a, int b, int bit) {}

  @Property(tries = 10_000)
  void mutatedProtocolsNeverCrashTheCompiler(@ForAll("mutations") Mutation mutation) {
    String text = mutate(SEEDS.get(mutation.seed() % SEEDS.size()), mutation);
    SourceText source = SourceText.of("mutant.esc", text);
    Compilation result = new EscalonCompiler().compile(source);
    for (Diagnostic d : result.diagnostics().all()) {
      SourceSpan span = d.span();
      assertTrue(span.isKnown(), "a diagnostic without a place: " + d);
      assertTrue(span.line() >= 1 && span.line() <= source.lines().size(),
          "line " + span.line() + " outside the file: " + d);
      int length = source.line(span.line()).length();
      assertTrue(span.column() >= 1 && span.column() <= length + 1,
          "column " + span.column() + " outside line " + span.line() + " (" + length + "): " + d);
    }
    result.ast().ifPresent(ast -> new AstPrinter().print(ast));
  }

  @Provide
  Arbitrary<Mutation> mutations() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 1_000),
            Arbitraries.integers().between(0, 4),
            Arbitraries.integers().between(0, Integer.MAX_VALUE - 1),
            Arbitraries.integers().between(0, Integer.MAX_VALUE - 1),
            Arbitraries.integers().between(0, 7))
        .as(Mutation::new);
  }

  static String mutate(String text, Mutation m) {
    List<String> tokens = tokens(text);
    return switch (m.kind()) {
      case 0 -> { // delete a token
        int i = m.a() % tokens.size();
        tokens.remove(i);
        yield String.join("", tokens);
      }
      case 1 -> { // duplicate a token
        int i = m.a() % tokens.size();
        tokens.add(i, tokens.get(i));
        yield String.join("", tokens);
      }
      case 2 -> { // swap two tokens
        int i = m.a() % tokens.size();
        int j = m.b() % tokens.size();
        String t = tokens.get(i);
        tokens.set(i, tokens.get(j));
        tokens.set(j, t);
        yield String.join("", tokens);
      }
      case 3 -> { // flip a bit of a byte; the result need not be valid UTF-8
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int i = m.a() % bytes.length;
        bytes[i] = (byte) (bytes[i] ^ (1 << m.bit()));
        yield new String(bytes, StandardCharsets.UTF_8);
      }
      default -> text.substring(0, m.a() % (text.length() + 1)); // truncate
    };
  }

  /** The file as tokens, whitespace and comments included, so joining them gives it back. */
  static List<String> tokens(String text) {
    EscalonLexer lexer = new EscalonLexer(CharStreams.fromString(text));
    lexer.removeErrorListeners();
    List<String> tokens = new ArrayList<>();
    int end = 0;
    for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
      if (t.getStartIndex() > end) {
        tokens.add(text.substring(end, t.getStartIndex()));
      }
      tokens.add(text.substring(t.getStartIndex(), t.getStopIndex() + 1));
      end = t.getStopIndex() + 1;
    }
    if (end < text.length()) {
      tokens.add(text.substring(end));
    }
    return tokens;
  }
}
