/**
 * `waml lsp --stdio`: a language server over stdio. A thin shell: documents and workspace
 * files come and go, every answer comes from the pure functions beside it, each over one
 * analysis per document version. LSP positions are lines and UTF-16 characters; offsets are
 * UTF-16 indices already, so the text document library converts them.
 *
 * Protocol manners: requests before `initialize` get -32002, after `shutdown` -32600; a
 * cancelled request gets -32800; diagnostics are debounced and carry the document's version.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  CompletionItemKind,
  createConnection,
  DiagnosticSeverity,
  DiagnosticTag,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  ErrorCodes,
  FoldingRangeKind,
  InlayHintKind,
  LSPErrorCodes,
  MarkupKind,
  ProposedFeatures,
  ResponseError,
  SymbolKind,
  TextDocumentSyncKind,
  type CancellationToken,
  type CodeAction,
  type DiagnosticServerCancellationData,
  type DocumentDiagnosticParams,
  type DocumentDiagnosticReport,
  type WorkspaceDiagnosticParams,
  type WorkspaceDiagnosticReport,
  type Diagnostic as LspDiagnostic,
  type DocumentSymbol,
  type InitializeParams,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CODES } from '../diagnostics/codes.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Span } from '../source.js';
import type { Analysis } from './analysis.js';
import { inlayHints, semanticTokens, TOKEN_MODIFIERS, TOKEN_TYPES } from './decorations.js';
import { complete, hover, signatureHelp } from './features.js';
import { languageHints, languageHover } from './languages.js';
import { fixesOf } from './fixes.js';
import { definition, prepareRename, references, rename } from './navigation.js';
import { folding, messageSymbols, selection, symbols, type OutlineSymbol } from './outline.js';
import { Debouncer, REAL_TIMER, type Timer } from './schedule.js';
import { readSource } from '../cli/files.js';
import { Workspace, type Files } from './workspace.js';

const KINDS = { key: CompletionItemKind.Property, value: CompletionItemKind.EnumMember, param: CompletionItemKind.Variable, field: CompletionItemKind.Field, filter: CompletionItemKind.Function };

/** How long after the last edit a document is checked and its diagnostics published. */
export const DEBOUNCE_MS = 150;

/** docs/diagnostics.md of this installation: two folders up from this file, in the source tree and in dist/cli. */
const DOCS = pathToFileURL(join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs', 'diagnostics.md')).href;

export function docsLink(code: keyof typeof CODES): string {
  return `${DOCS}#${code.toLowerCase()}-${CODES[code].name}`;
}

function pathOf(uri: string): string {
  return uri.startsWith('file:') ? fileURLToPath(uri) : uri;
}

function uriOf(path: string): string {
  return path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path) ? pathToFileURL(path).href : path;
}

/** The disk, as the workspace reads it. */
const DISK: Files = {
  list(root) {
    const out: string[] = [];
    const walk = (dir: string, depth: number): void => {
      let entries;
      try {
        entries = readdirSync(dir, { withFileTypes: true });
      } catch {
        return; // an unreadable folder holds nothing to check
      }
      for (const e of entries) {
        const full = join(dir, e.name);
        if (e.isDirectory()) {
          if (depth < 20 && e.name !== 'node_modules' && !e.name.startsWith('.')) walk(full, depth + 1);
        } else if (e.isFile() && e.name.endsWith('.wa.yaml')) out.push(full);
      }
    };
    walk(root, 0);
    return out;
  },
  read(path, limit) {
    const r = readSource(path, limit);
    return !r.ok && /\(ENOENT\)/.test(r.reason) ? { ...r, missing: true } : r;
  },
};

export function startServer(version: string, timer: Timer = REAL_TIMER): void {
  const connection = createConnection(ProposedFeatures.all, process.stdin, process.stdout);
  const workspace = new Workspace(DISK);
  const docs = new Map<string, TextDocument>();
  const texts = new WeakMap<Analysis, TextDocument>();
  let state: 'new' | 'running' | 'shutdown' = 'new';
  let pull = false;
  let watchFiles = false;
  let refreshSupport = false;
  let debounce = new Debouncer(timer, DEBOUNCE_MS);
  const published = new Map<string, string>();

  /** A position converter for any analysed file, open or on disk. */
  const docOf = (absolute: string, a: Analysis): TextDocument => {
    let d = texts.get(a);
    if (!d) {
      d = docs.get(uriOf(absolute)) ?? TextDocument.create(uriOf(absolute), 'yaml', a.version ?? 0, a.text);
      texts.set(a, d);
    }
    return d;
  };
  const range = (doc: TextDocument, span: Span) => ({ start: doc.positionAt(span.start), end: doc.positionAt(span.end) });

  const toLsp = (doc: TextDocument, d: Diagnostic): LspDiagnostic => {
    const related = (d.related ?? []).flatMap((r) => {
      if (r.file === d.file) return [{ location: { uri: doc.uri, range: range(doc, r.span) }, message: r.message }];
      const abs = workspace.absoluteOf(r.file);
      const other = abs ? workspace.get(abs) : undefined;
      return abs && other ? [{ location: { uri: uriOf(abs), range: range(docOf(abs, other), r.span) }, message: `${r.message} (${r.file})` }] : [];
    });
    return {
      range: range(doc, d.span),
      severity: d.severity === 'error' ? DiagnosticSeverity.Error : d.severity === 'warning' ? DiagnosticSeverity.Warning : DiagnosticSeverity.Information,
      code: d.code,
      codeDescription: { href: docsLink(d.code) },
      source: 'waml',
      message: d.help ? `${d.message}\n${d.help}` : d.message,
      ...(d.code === 'WA510' ? { tags: [DiagnosticTag.Unnecessary] } : {}),
      ...(related.length > 0 ? { relatedInformation: related } : {}),
    };
  };

  const lspDiagnostics = (absolute: string): { items: LspDiagnostic[]; version: number | null } => {
    const a = workspace.get(absolute);
    if (!a) return { items: [], version: null };
    const doc = docOf(absolute, a);
    return { items: workspace.diagnostics(absolute).map((d) => toLsp(doc, d)), version: a.version };
  };

  /**
   * Whether a file's diagnostics are pushed: always to a client that does not pull; to one
   * that pulls, only for files it has not opened, until it pulls the workspace's (Neovim 0.10
   * pulls open documents only; VS Code pulls the workspace, and then nothing is pushed).
   */
  let workspacePulled = false;
  const pushes = (absolute: string): boolean => !pull || (!workspacePulled && !workspace.isOpen(absolute));

  /** Pushes a file's diagnostics when they changed since the last push; withdraws pushed ones the client now pulls. */
  const publish = (absolute: string): void => {
    if (state !== 'running') return;
    const uri = uriOf(absolute);
    if (!pushes(absolute)) {
      if (published.has(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
      published.delete(uri);
      return;
    }
    const { items, version } = lspDiagnostics(absolute);
    const key = `${version}:${JSON.stringify(items)}`;
    // A clean file nobody has seen diagnostics for needs no message (a workspace of 10 000 clean files sends none).
    if (published.get(uri) === key || (items.length === 0 && version === null && !published.has(uri))) return;
    published.set(uri, key);
    void connection.sendDiagnostics({ uri, diagnostics: items, ...(version !== null ? { version } : {}) });
  };

  /** After a change to one file: its diagnostics, and those of every file whose collisions changed. */
  let collisionKeys = new Map<string, string>();
  const refresh = (changed: string): void => {
    if (pull && refreshSupport) void connection.languages.diagnostics.refresh().catch(() => undefined);
    publish(changed);
    const next = new Map<string, string>();
    for (const [path, ds] of workspace.collisions()) next.set(path, JSON.stringify(ds));
    for (const [abs, a] of workspace.all()) {
      if (abs !== changed && (next.get(a.path) ?? '') !== (collisionKeys.get(a.path) ?? '')) publish(abs);
    }
    for (const path of collisionKeys.keys()) {
      if (next.has(path)) continue;
      const abs = workspace.absoluteOf(path);
      if (abs && abs !== changed) publish(abs);
    }
    collisionKeys = next;
  };

  /** Wraps a request handler: protocol state first, then cancellation. */
  /** A position or range in the params that is not two non-negative integers: said, not clamped. */
  function invalidPosition(params: unknown): string | undefined {
    const p = params as { position?: unknown; range?: { start?: unknown; end?: unknown } } | null;
    const bad = (pos: unknown): boolean => {
      const { line, character } = (pos ?? {}) as { line?: unknown; character?: unknown };
      return !(Number.isInteger(line) && Number.isInteger(character) && (line as number) >= 0 && (character as number) >= 0);
    };
    if (p && typeof p === 'object' && 'position' in p && bad(p.position)) return 'the position needs a line and a character, both integers of 0 or more';
    if (p && typeof p === 'object' && p.range && (bad(p.range.start) || bad(p.range.end))) return 'the range needs positions whose line and character are integers of 0 or more';
    return undefined;
  }
  function handle<P, R, E = void>(run: (params: P, token: CancellationToken) => R) {
    return (params: P, token: CancellationToken): R | ResponseError<E> => {
      if (state === 'new') return new ResponseError(ErrorCodes.ServerNotInitialized, 'the server is not initialized yet: send `initialize` first');
      if (state === 'shutdown') return new ResponseError(ErrorCodes.InvalidRequest, 'the server is shut down: only `exit` is accepted');
      if (token.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'the request was cancelled');
      const bad = invalidPosition(params);
      if (bad) return new ResponseError(ErrorCodes.InvalidParams, bad);
      return run(params, token);
    };
  }
  /** The analysis of an open document, or undefined. */
  const analysisOf = (uri: string): { a: Analysis; doc: TextDocument; abs: string } | undefined => {
    const doc = docs.get(uri);
    if (!doc) return undefined;
    const abs = pathOf(uri);
    let a = workspace.get(abs);
    if (!a || a.version !== doc.version) a = workspace.open(abs, doc.getText(), doc.version);
    texts.set(a, doc);
    return { a, doc, abs };
  };

  connection.onInitialize((params: InitializeParams) => {
    state = 'running';
    const folders = params.workspaceFolders?.map((f) => pathOf(f.uri)) ?? (params.rootUri ? [pathOf(params.rootUri)] : params.rootPath ? [params.rootPath] : []);
    workspace.setRoots(folders);
    pull = params.capabilities.textDocument?.diagnostic !== undefined;
    watchFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    refreshSupport = params.capabilities.workspace?.diagnostics?.refreshSupport === true;
    const options = params.initializationOptions as { debounceMs?: unknown } | undefined;
    if (typeof options?.debounceMs === 'number' && options.debounceMs >= 0 && options.debounceMs <= 5000) debounce = new Debouncer(timer, options.debounceMs);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['{', '.', '|', ' ', ','] },
        signatureHelpProvider: { triggerCharacters: ['(', ','] },
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        documentSymbolProvider: true,
        workspaceSymbolProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        semanticTokensProvider: { legend: { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] }, full: true },
        inlayHintProvider: true,
        foldingRangeProvider: true,
        selectionRangeProvider: true,
        ...(pull ? { diagnosticProvider: { interFileDependencies: true, workspaceDiagnostics: true } } : {}),
      },
      serverInfo: { name: 'waml', version },
    };
  });

  // Unopened files: read and checked a few at a time after `initialized`, so that requests are
  // answered meanwhile; a request about the whole workspace finishes the scan first.
  let pending: string[] = [];
  const scanSome = (n: number): void => {
    for (const abs of pending.splice(0, n)) {
      if (workspace.isOpen(abs)) continue;
      workspace.readFromDisk(abs);
      void workspace.get(abs)?.compiled;
    }
  };
  const scanned = (): void => {
    for (const [abs] of workspace.all()) publish(abs);
    for (const [path, ds] of workspace.collisions()) collisionKeys.set(path, JSON.stringify(ds));
    if (pull && refreshSupport) void connection.languages.diagnostics.refresh().catch(() => undefined);
  };
  const finishScan = (): void => {
    if (pending.length === 0) return;
    scanSome(pending.length);
    scanned();
  };
  connection.onInitialized(() => {
    // Files changed outside the editor (a checkout, a generator) are checked again.
    if (watchFiles) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.wa.yaml' }] }).catch(() => undefined);
    pending = workspace.discover();
    const step = (): void => {
      if (state !== 'running' || pending.length === 0) return;
      scanSome(25);
      if (pending.length > 0) setImmediate(step);
      else scanned();
    };
    setImmediate(step);
  });
  connection.onShutdown(() => {
    state = 'shutdown';
  });

  // Documents. Notifications before `initialize` or after `shutdown` are dropped.
  connection.onDidOpenTextDocument((p) => {
    if (state !== 'running') return;
    const d = p.textDocument;
    docs.set(d.uri, TextDocument.create(d.uri, d.languageId, d.version, d.text));
    workspace.open(pathOf(d.uri), d.text, d.version);
    refresh(pathOf(d.uri));
  });
  connection.onDidChangeTextDocument((p) => {
    if (state !== 'running') return;
    const doc = docs.get(p.textDocument.uri);
    if (!doc) return;
    const next = TextDocument.update(doc, p.contentChanges, p.textDocument.version);
    docs.set(doc.uri, next);
    const abs = pathOf(doc.uri);
    workspace.open(abs, next.getText(), next.version);
    debounce.schedule(doc.uri, () => {
      if (docs.get(doc.uri)?.version === next.version) analysisOf(doc.uri);
      refresh(abs);
    });
  });
  connection.onDidSaveTextDocument((p) => {
    if (state !== 'running' || !docs.has(p.textDocument.uri)) return;
    debounce.cancel(p.textDocument.uri);
    refresh(pathOf(p.textDocument.uri));
  });
  connection.onDidCloseTextDocument((p) => {
    if (state !== 'running') return;
    const uri = p.textDocument.uri;
    debounce.cancel(uri);
    docs.delete(uri);
    const abs = pathOf(uri);
    workspace.close(abs);
    // A workspace file stays checked from disk; any other file's diagnostics go away.
    if (workspace.holds(abs)) workspace.readFromDisk(abs);
    if (!workspace.get(abs) && published.has(uri)) {
      published.delete(uri);
      void connection.sendDiagnostics({ uri, diagnostics: [] });
    }
    refresh(abs);
  });
  connection.onDidChangeWatchedFiles((p) => {
    if (state !== 'running') return;
    for (const change of p.changes) {
      const abs = pathOf(change.uri);
      if (workspace.isOpen(abs) || !workspace.holds(abs)) continue;
      workspace.readFromDisk(abs);
      if (!workspace.get(abs) && published.has(change.uri)) {
        published.delete(change.uri);
        void connection.sendDiagnostics({ uri: change.uri, diagnostics: [] });
      }
      refresh(abs);
    }
  });

  // Pull diagnostics, for clients that ask for them.
  connection.languages.diagnostics.on(
    handle<DocumentDiagnosticParams, DocumentDiagnosticReport, DiagnosticServerCancellationData>((p) => {
      const got = analysisOf(p.textDocument.uri);
      const abs = got?.abs ?? pathOf(p.textDocument.uri);
      if (!got && !workspace.get(abs)) workspace.readFromDisk(abs);
      return { kind: DocumentDiagnosticReportKind.Full, items: lspDiagnostics(abs).items };
    }),
  );
  connection.languages.diagnostics.onWorkspace(
    handle<WorkspaceDiagnosticParams, WorkspaceDiagnosticReport, DiagnosticServerCancellationData>(() => {
      // The client pulls the workspace: what was pushed for unopened files is withdrawn.
      finishScan();
      workspacePulled = true;
      for (const [abs] of workspace.all()) publish(abs);
      for (const uri of [...published.keys()]) {
        void connection.sendDiagnostics({ uri, diagnostics: [] });
        published.delete(uri);
      }
      return {
        items: workspace.all().map(([abs]) => {
          const { items, version } = lspDiagnostics(abs);
          return { kind: DocumentDiagnosticReportKind.Full, uri: uriOf(abs), version, items };
        }),
      };
    }),
  );

  connection.onHover(
    handle((p) => {
      const got = analysisOf(p.textDocument.uri);
      if (!got) return null;
      const offset = got.doc.offsetAt(p.position);
      // On a language's text of a mapping: every language's count of that text; elsewhere the
      // usual hover, and the languages' counts on a mapping's braces and keys.
      const texts = got.a.languageTexts;
      const inText = texts.some((t) => !t.shared && t.span && t.file === got.a.path && offset >= t.span.start && offset <= t.span.end);
      const h = (inText ? languageHover(texts, got.a.path, offset) : undefined) ?? hover(got.a, offset) ?? languageHover(texts, got.a.path, offset);
      return h && got ? { contents: { kind: MarkupKind.Markdown, value: h.markdown }, range: range(got.doc, h.span) } : null;
    }),
  );
  connection.onCompletion(
    handle((p) => {
      const got = analysisOf(p.textDocument.uri);
      if (!got) return [];
      return complete(got.a, got.doc.offsetAt(p.position), workspace.previous(got.abs), p.context?.triggerCharacter).map((c) => ({
        label: c.label,
        kind: KINDS[c.kind],
        ...(c.detail ? { detail: c.detail } : {}),
        ...(c.insertText ? { insertText: c.insertText } : {}),
      }));
    }),
  );
  connection.onSignatureHelp(
    handle((p) => {
      const got = analysisOf(p.textDocument.uri);
      const s = got && signatureHelp(got.a, got.doc.offsetAt(p.position));
      return s ? { signatures: [{ label: s.label, documentation: s.documentation, parameters: s.parameters.map((label) => ({ label })) }], activeSignature: 0, activeParameter: s.active } : null;
    }),
  );
  connection.onDefinition(
    handle((p) => {
      const got = analysisOf(p.textDocument.uri);
      const span = got && definition(got.a, got.doc.offsetAt(p.position));
      return span && got ? { uri: got.doc.uri, range: range(got.doc, span) } : null;
    }),
  );
  connection.onReferences(
    handle((p) => {
      const got = analysisOf(p.textDocument.uri);
      if (!got) return [];
      return references(got.a, got.doc.offsetAt(p.position), p.context.includeDeclaration).map((s) => ({ uri: got.doc.uri, range: range(got.doc, s) }));
    }),
  );
  connection.onPrepareRename(
    handle((p) => {
      const got = analysisOf(p.textDocument.uri);
      const r = got && prepareRename(got.a, got.doc.offsetAt(p.position));
      return r && got ? { range: range(got.doc, r.span), placeholder: r.name } : null;
    }),
  );
  connection.onRenameRequest(
    handle((p) => {
      const got = analysisOf(p.textDocument.uri);
      if (!got) return null;
      const r = rename(got.a, got.doc.offsetAt(p.position), p.newName);
      if ('error' in r) return new ResponseError(ErrorCodes.InvalidParams, r.error);
      return { changes: { [got.doc.uri]: r.edits.map((e) => ({ range: range(got.doc, e.span), newText: e.text })) } };
    }),
  );
  connection.onDocumentSymbol(
    handle((p) => {
      const got = analysisOf(p.textDocument.uri);
      if (!got) return [];
      const convert = (s: OutlineSymbol): DocumentSymbol => ({
        name: s.name,
        detail: s.detail,
        kind: s.kind === 'message' ? SymbolKind.Object : s.kind === 'param' ? SymbolKind.Variable : SymbolKind.Namespace,
        range: range(got.doc, s.span),
        selectionRange: range(got.doc, s.nameSpan),
        children: s.children.map(convert),
      });
      return symbols(got.a).map(convert);
    }),
  );
  connection.onWorkspaceSymbol(
    handle((p, token) => {
      finishScan();
      const query = p.query.toLowerCase();
      const out = [];
      for (const [abs, a] of workspace.all()) {
        if (token.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'the request was cancelled');
        const doc = docOf(abs, a);
        for (const m of messageSymbols(a)) {
          if (query && !m.name.toLowerCase().includes(query) && !m.type.toLowerCase().includes(query)) continue;
          out.push({ name: m.name, kind: SymbolKind.Object, containerName: `${m.type} · ${a.path}`, location: { uri: uriOf(abs), range: range(doc, m.nameSpan) } });
        }
      }
      return out;
    }),
  );
  connection.onCodeAction(
    handle((p) => {
      const got = analysisOf(p.textDocument.uri);
      if (!got) return [];
      const span = { start: got.doc.offsetAt(p.range.start), end: got.doc.offsetAt(p.range.end) };
      return workspace
        .diagnostics(got.abs)
        .filter((d) => d.span.start <= span.end && d.span.end >= span.start)
        .flatMap((d) =>
          fixesOf(d, got.a.text).map(
            (f): CodeAction => ({
              title: f.title,
              kind: CodeActionKind.QuickFix,
              diagnostics: [toLsp(got.doc, d)],
              isPreferred: true,
              edit: { changes: { [got.doc.uri]: f.edits.map((e) => ({ range: range(got.doc, e.span), newText: e.text })) } },
            }),
          ),
        );
    }),
  );
  connection.languages.semanticTokens.on(
    handle((p) => {
      const got = analysisOf(p.textDocument.uri);
      if (!got) return { data: [] };
      const data: number[] = [];
      let line = 0;
      let char = 0;
      for (const t of semanticTokens(got.a)) {
        const start = got.doc.positionAt(t.span.start);
        const end = got.doc.positionAt(t.span.end);
        data.push(start.line - line, start.line === line ? start.character - char : start.character, end.character - start.character, TOKEN_TYPES.indexOf(t.type), t.declaration ? 1 : 0);
        line = start.line;
        char = start.character;
      }
      return { data };
    }),
  );
  connection.languages.inlayHint.on(
    handle((p) => {
      const got = analysisOf(p.textDocument.uri);
      if (!got) return [];
      const span = { start: got.doc.offsetAt(p.range.start), end: got.doc.offsetAt(p.range.end) };
      // A text written per language has a hint per language (`de ⚠ 21/20`) in place of its one count.
      const perLanguage = languageHints(got.a.languageTexts, got.a.path, got.a.text, span);
      const taken = new Set(perLanguage.map((h) => h.offset));
      const hints = [...inlayHints(got.a, span).filter((h) => !taken.has(h.offset)), ...perLanguage].sort((x, y) => x.offset - y.offset);
      return hints.map((h) => ({ position: got.doc.positionAt(h.offset), label: h.label, tooltip: h.tooltip, kind: InlayHintKind.Type, paddingLeft: true }));
    }),
  );
  connection.onFoldingRanges(
    handle((p) => {
      const got = analysisOf(p.textDocument.uri);
      if (!got) return [];
      return folding(got.a)
        .map((f) => ({ startLine: got.doc.positionAt(f.start).line, endLine: got.doc.positionAt(f.end).line, ...(f.comment ? { kind: FoldingRangeKind.Comment } : {}) }))
        .filter((f) => f.endLine > f.startLine);
    }),
  );
  connection.onSelectionRanges(
    handle((p) => {
      const got = analysisOf(p.textDocument.uri);
      if (!got) return [];
      return p.positions.map((pos) => {
        const chain = selection(got.a, got.doc.offsetAt(pos));
        type Sel = { range: ReturnType<typeof range>; parent?: Sel };
        let parent: Sel | undefined;
        for (const s of chain) parent = { range: range(got.doc, s), ...(parent ? { parent } : {}) };
        return parent ?? { range: { start: pos, end: pos } };
      });
    }),
  );
  // Counts of the work done: how many compiles (one per document version at most), and the
  // process's CPU time so far in ms (the bench's per-edit CPU).
  connection.onRequest(
    'waml/stats',
    handle(() => {
      const cpu = process.cpuUsage();
      return { ...workspace.stats, cpuMs: (cpu.user + cpu.system) / 1000 };
    }),
  );

  connection.listen();
}
