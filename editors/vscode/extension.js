// Starts `escalon lsp` for .esc files; everything else (diagnostics, hover, completion, rename,
// formatting, outline, quick fixes) comes from the language server.
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

function activate(context) {
  const command = vscode.workspace.getConfiguration('escalon').get('command') || 'escalon';
  const server = { command, args: ['lsp'], transport: TransportKind.stdio };
  client = new LanguageClient('escalon', 'Escalon', { run: server, debug: server }, {
    documentSelector: [{ scheme: 'file', language: 'escalon' }, { scheme: 'untitled', language: 'escalon' }],
  });
  client.start();
  context.subscriptions.push({ dispose: () => client && client.stop() });
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
