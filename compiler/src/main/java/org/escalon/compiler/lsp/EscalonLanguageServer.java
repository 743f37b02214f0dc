package org.escalon.compiler.lsp;

import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionOptions;
import org.eclipse.lsp4j.CompletionOptions;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;
import java.util.List;

/** The language server: what it can do, and the life cycle (initialise, shut down, exit). */
public final class EscalonLanguageServer implements LanguageServer, LanguageClientAware {

  private final ProtocolDocuments documents = new ProtocolDocuments();
  private final Runnable exit;
  private boolean shutDown;

  /** @param exit what {@code exit} does: end the process (the command), or nothing (tests) */
  public EscalonLanguageServer(Runnable exit) {
    this.exit = exit;
  }

  @Override
  public void connect(LanguageClient client) {
    documents.connect(client);
  }

  @Override
  public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
    ServerCapabilities c = new ServerCapabilities();
    c.setTextDocumentSync(TextDocumentSyncKind.Full);
    c.setHoverProvider(true);
    c.setCompletionProvider(new CompletionOptions(false, List.of(" ", ",")));
    c.setDefinitionProvider(true);
    c.setReferencesProvider(true);
    c.setRenameProvider(true);
    c.setDocumentFormattingProvider(true);
    c.setDocumentSymbolProvider(true);
    c.setCodeActionProvider(new CodeActionOptions(List.of(CodeActionKind.QuickFix)));
    return CompletableFuture.completedFuture(
        new InitializeResult(c, new ServerInfo("escalon", version())));
  }

  private static String version() {
    String v = EscalonLanguageServer.class.getPackage().getImplementationVersion();
    return v == null ? "development" : v;
  }

  @Override
  public CompletableFuture<Object> shutdown() {
    shutDown = true;
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void exit() {
    exit.run();
  }

  /** Whether the client asked the server to shut down before it exits (exit code 0, else 1). */
  public boolean shutDown() {
    return shutDown;
  }

  @Override
  public TextDocumentService getTextDocumentService() {
    return documents;
  }

  @Override
  public WorkspaceService getWorkspaceService() {
    return new WorkspaceService() {
      @Override
      public void didChangeConfiguration(DidChangeConfigurationParams params) {
        // the server has no settings
      }

      @Override
      public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
        // open documents are checked from the editor's text, not from disk
      }
    };
  }
}
