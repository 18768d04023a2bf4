/**
 * `waml lsp --stdio`: a language server over stdio. A thin shell: documents come and go, and
 * every answer comes from the pure functions of features.ts. LSP positions are lines and UTF-16
 * characters; the text document library converts offsets, which are UTF-16 indices already.
 */
import { fileURLToPath } from 'node:url';
import {
  CodeActionKind,
  CompletionItemKind,
  createConnection,
  DiagnosticSeverity,
  MarkupKind,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type Diagnostic as LspDiagnostic,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Span } from '../source.js';
import { complete, definition, diagnose, fixes, hover } from './features.js';

const KINDS = { key: CompletionItemKind.Property, value: CompletionItemKind.EnumMember, param: CompletionItemKind.Variable, field: CompletionItemKind.Field, filter: CompletionItemKind.Function };

function pathOf(uri: string): string {
  return uri.startsWith('file:') ? fileURLToPath(uri) : uri;
}

export function startServer(version: string): void {
  const connection = createConnection(ProposedFeatures.all, process.stdin, process.stdout);
  const documents = new TextDocuments(TextDocument);
  const range = (doc: TextDocument, span: Span) => ({ start: doc.positionAt(span.start), end: doc.positionAt(span.end) });

  const toLsp = (doc: TextDocument, d: Diagnostic): LspDiagnostic => ({
    range: range(doc, d.span),
    severity: d.severity === 'error' ? DiagnosticSeverity.Error : d.severity === 'warning' ? DiagnosticSeverity.Warning : DiagnosticSeverity.Information,
    code: d.code,
    source: 'waml',
    message: d.help ? `${d.message}\n${d.help}` : d.message,
    ...(d.related ? { relatedInformation: d.related.filter((r) => r.file === d.file).map((r) => ({ location: { uri: doc.uri, range: range(doc, r.span) }, message: r.message })) } : {}),
  });

  const validate = (doc: TextDocument) => {
    const diagnostics = diagnose(pathOf(doc.uri), doc.getText()).map((d) => toLsp(doc, d));
    void connection.sendDiagnostics({ uri: doc.uri, diagnostics });
  };

  connection.onInitialize(() => ({
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: true },
      hoverProvider: true,
      completionProvider: { triggerCharacters: ['{', '.', '|', ' '] },
      definitionProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
    },
    serverInfo: { name: 'waml', version },
  }));
  documents.onDidChangeContent((e) => validate(e.document));
  documents.onDidSave((e) => validate(e.document));
  documents.onDidClose((e) => void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] }));

  connection.onHover((p) => {
    const doc = documents.get(p.textDocument.uri);
    const h = doc && hover(doc.getText(), doc.offsetAt(p.position));
    return h ? { contents: { kind: MarkupKind.Markdown, value: h.markdown }, range: range(doc, h.span) } : null;
  });
  connection.onCompletion((p) => {
    const doc = documents.get(p.textDocument.uri);
    if (!doc) return [];
    return complete(doc.getText(), doc.offsetAt(p.position)).map((c) => ({ label: c.label, kind: KINDS[c.kind], ...(c.detail ? { detail: c.detail } : {}), ...(c.insertText ? { insertText: c.insertText } : {}) }));
  });
  connection.onDefinition((p) => {
    const doc = documents.get(p.textDocument.uri);
    const span = doc && definition(doc.getText(), doc.offsetAt(p.position));
    return span ? { uri: doc.uri, range: range(doc, span) } : null;
  });
  connection.onCodeAction((p) => {
    const doc = documents.get(p.textDocument.uri);
    if (!doc) return [];
    const span = { start: doc.offsetAt(p.range.start), end: doc.offsetAt(p.range.end) };
    return fixes(pathOf(doc.uri), doc.getText(), span).map(
      (f): CodeAction => ({
        title: f.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [toLsp(doc, f.diagnostic)],
        isPreferred: true,
        edit: { changes: { [doc.uri]: f.edits.map((e) => ({ range: range(doc, e.span), newText: e.text })) } },
      }),
    );
  });

  documents.listen(connection);
  connection.listen();
}
