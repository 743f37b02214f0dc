package org.escalon.compiler.lsp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.escalon.compiler.service.Analysis;
import org.escalon.compiler.service.Completion;
import org.escalon.compiler.service.DocumentService;
import org.escalon.compiler.service.Fix;
import org.escalon.compiler.service.Fixes;
import org.escalon.compiler.service.Hovers;
import org.escalon.compiler.service.CanonicalLayout;
import org.escalon.compiler.service.Occurrence;
import org.escalon.compiler.service.Outline;
import org.escalon.compiler.service.Renames;

/** The text document half of the server: every request answered from the compiler service. */
final class ProtocolDocuments implements TextDocumentService {

  private final DocumentService service = new DocumentService();
  private LanguageClient client;

  void connect(LanguageClient client) {
    this.client = client;
  }

  // ---- synchronisation: the whole text on each change, checked at once, diagnostics published

  @Override
  public void didOpen(DidOpenTextDocumentParams params) {
    changed(params.getTextDocument().getUri(), params.getTextDocument().getVersion(),
        params.getTextDocument().getText());
  }

  @Override
  public void didChange(DidChangeTextDocumentParams params) {
    List<TextDocumentContentChangeEvent> changes = params.getContentChanges();
    if (!changes.isEmpty()) {
      changed(params.getTextDocument().getUri(), params.getTextDocument().getVersion(),
          changes.get(changes.size() - 1).getText());
    }
  }

  @Override
  public void didClose(DidCloseTextDocumentParams params) {
    String uri = params.getTextDocument().getUri();
    service.close(uri);
    publish(new PublishDiagnosticsParams(uri, List.of()));
  }

  @Override
  public void didSave(DidSaveTextDocumentParams params) {
    // the text was already checked as it changed
  }

  private void changed(String uri, int version, String text) {
    try {
      publish(DiagnosticsPublisher.of(uri, service.update(uri, version, text)));
    } catch (DocumentService.DocumentTooLarge e) {
      org.eclipse.lsp4j.Diagnostic d = new org.eclipse.lsp4j.Diagnostic(Ranges.whole(""),
          e.getMessage(), org.eclipse.lsp4j.DiagnosticSeverity.Error, "escalon");
      publish(new PublishDiagnosticsParams(uri, List.of(d)));
    }
  }

  private void publish(PublishDiagnosticsParams params) {
    if (client != null) {
      client.publishDiagnostics(params);
    }
  }

  private Optional<Analysis> analysis(String uri) {
    return service.analysis(uri);
  }

  // ---- what is at a caret

  @Override
  public CompletableFuture<Hover> hover(HoverParams params) {
    return CompletableFuture.completedFuture(analysis(params.getTextDocument().getUri())
        .flatMap(a -> Hovers.at(a, Ranges.caret(params.getPosition())))
        .map(h -> new Hover(new MarkupContent(MarkupKind.MARKDOWN, h.markdown()),
            Ranges.of(h.span())))
        .orElse(null));
  }

  @Override
  public CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(
      CompletionParams params) {
    List<CompletionItem> items = new ArrayList<>();
    analysis(params.getTextDocument().getUri()).ifPresent(a -> {
      for (Completion c : org.escalon.compiler.service.Completions.at(a,
          Ranges.caret(params.getPosition()))) {
        CompletionItem item = new CompletionItem(c.label());
        item.setDetail(c.detail());
        item.setKind(c.kind() == Completion.Kind.NAME ? CompletionItemKind.Reference
            : CompletionItemKind.Keyword);
        items.add(item);
      }
    });
    return CompletableFuture.completedFuture(Either.forLeft(items));
  }

  @Override
  public CompletableFuture<Either<List<? extends Location>, List<? extends LocationLink>>>
      definition(DefinitionParams params) {
    String uri = params.getTextDocument().getUri();
    List<Location> found = at(uri, params.getPosition())
        .map(o -> List.of(new Location(uri, Ranges.of(o.symbol().declared()))))
        .orElse(List.of());
    return CompletableFuture.completedFuture(Either.forLeft(found));
  }

  @Override
  public CompletableFuture<List<? extends Location>> references(ReferenceParams params) {
    String uri = params.getTextDocument().getUri();
    boolean declaration = params.getContext() == null || params.getContext().isIncludeDeclaration();
    List<Location> found = new ArrayList<>();
    Optional<Occurrence> here = at(uri, params.getPosition());
    here.ifPresent(o -> analysis(uri).orElseThrow().index().occurrencesOf(o.symbol()).stream()
        .filter(x -> declaration || !x.declaration())
        .forEach(x -> found.add(new Location(uri, Ranges.of(x.span())))));
    return CompletableFuture.completedFuture(found);
  }

  private Optional<Occurrence> at(String uri, org.eclipse.lsp4j.Position p) {
    return analysis(uri).flatMap(a -> a.index().at(Ranges.caret(p)));
  }

  // ---- changes the editor applies

  @Override
  public CompletableFuture<WorkspaceEdit> rename(RenameParams params) {
    String uri = params.getTextDocument().getUri();
    Optional<Occurrence> here = at(uri, params.getPosition());
    if (here.isEmpty()) {
      throw invalid("there is no declared name here to rename");
    }
    try {
      List<TextEdit> edits = Renames.of(analysis(uri).orElseThrow(), here.get().symbol(),
              params.getNewName()).stream()
          .map(s -> new TextEdit(Ranges.of(s), params.getNewName())).toList();
      return CompletableFuture.completedFuture(new WorkspaceEdit(Map.of(uri, edits)));
    } catch (IllegalArgumentException e) {
      throw invalid(e.getMessage());
    }
  }

  private static ResponseErrorException invalid(String message) {
    return new ResponseErrorException(
        new ResponseError(ResponseErrorCode.InvalidParams, message, null));
  }

  @Override
  public CompletableFuture<List<? extends TextEdit>> formatting(DocumentFormattingParams params) {
    List<TextEdit> edits = analysis(params.getTextDocument().getUri()).flatMap(a -> {
      String text = a.source().text();
      // the layout of the text as it is now, which may differ from the last that parsed
      return CanonicalLayout.of(a.source().path(), text)
          .filter(formatted -> !formatted.equals(text))
          .map(formatted -> List.of(new TextEdit(Ranges.whole(text), formatted)));
    }).orElse(List.of());
    return CompletableFuture.completedFuture(edits);
  }

  @Override
  public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
    String uri = params.getTextDocument().getUri();
    List<Either<Command, CodeAction>> actions = new ArrayList<>();
    Optional<Analysis> analysis = analysis(uri);
    if (analysis.isEmpty()) {
      return CompletableFuture.completedFuture(actions);
    }
    for (Fix fix : Fixes.of(analysis.get().diagnostics())) {
      org.eclipse.lsp4j.Diagnostic shown = DiagnosticsPublisher.of(uri, fix.diagnostic());
      if (!overlaps(shown.getRange(), params.getRange())) {
        continue;
      }
      CodeAction action = new CodeAction(fix.title());
      action.setKind(CodeActionKind.QuickFix);
      action.setDiagnostics(List.of(shown));
      Map<String, List<TextEdit>> changes = new LinkedHashMap<>();
      changes.put(uri, List.of(new TextEdit(Ranges.of(fix.span()), fix.replacement())));
      action.setEdit(new WorkspaceEdit(changes));
      actions.add(Either.forRight(action));
    }
    return CompletableFuture.completedFuture(actions);
  }

  private static boolean overlaps(org.eclipse.lsp4j.Range a, org.eclipse.lsp4j.Range b) {
    return !before(a.getEnd(), b.getStart()) && !before(b.getEnd(), a.getStart());
  }

  private static boolean before(org.eclipse.lsp4j.Position x, org.eclipse.lsp4j.Position y) {
    return x.getLine() < y.getLine()
        || (x.getLine() == y.getLine() && x.getCharacter() < y.getCharacter());
  }

  // ---- the outline

  @Override
  public CompletableFuture<List<Either<SymbolInformation, DocumentSymbol>>> documentSymbol(
      DocumentSymbolParams params) {
    List<Either<SymbolInformation, DocumentSymbol>> symbols = new ArrayList<>();
    analysis(params.getTextDocument().getUri()).ifPresent(a -> {
      for (Outline.Entry e : Outline.of(a)) {
        org.eclipse.lsp4j.Range range = Ranges.of(e.symbol().declared());
        symbols.add(Either.forRight(new DocumentSymbol(e.label(), kind(e.symbol().kind()), range,
            range, e.detail())));
      }
    });
    return CompletableFuture.completedFuture(symbols);
  }

  private static SymbolKind kind(org.escalon.compiler.service.SymbolKind kind) {
    return switch (kind) {
      case STAGE -> SymbolKind.Module;
      case OUTCOME -> SymbolKind.Event;
      case ROLE -> SymbolKind.Property;
      case ATTRIBUTE, FORM, EVENT, SCALE, AGENCY, TRIGGER -> SymbolKind.Field;
    };
  }
}
