import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Debouncer, REAL_TIMER } from '../compiler/lsp/schedule.js';
import { Workspace } from '../compiler/lsp/workspace.js';
import { frame, FrameReader } from './lsp-frames.js';

const BIN = join(import.meta.dirname, '..', 'bin/waml.js');

/** A minimal LSP client over stdio: Content-Length framing, requests by id, notifications kept. */
class Client {
  private readonly child: ChildProcessWithoutNullStreams;
  private nextId = 1;
  private readonly pending = new Map<number, (r: { result?: unknown; error?: unknown }) => void>();
  readonly notifications: { method: string; params: unknown }[] = [];
  private waiters: (() => void)[] = [];
  stderr = '';

  constructor() {
    this.child = spawn(process.execPath, [BIN, 'lsp', '--stdio']);
    this.child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    const reader = new FrameReader((m) => {
      const message = m as { id?: number; method?: string; params?: unknown; result?: unknown; error?: unknown };
      if (message.id !== undefined && this.pending.has(message.id)) {
        this.pending.get(message.id)!(message);
        this.pending.delete(message.id);
      } else if (message.method) {
        this.notifications.push({ method: message.method, params: message.params });
        for (const w of this.waiters.splice(0)) w();
      }
    });
    this.child.stdout.on('data', (chunk: Buffer) => reader.push(chunk));
  }

  /** One message in LSP framing (several may go in one write, as a busy editor sends them). */
  frame(message: object): string {
    return frame(message);
  }

  private write(message: object): void {
    this.child.stdin.write(this.frame(message));
  }

  /** A request's whole answer: its result or its error. */
  answer(method: string, params: unknown, send = true): { id: number; done: Promise<{ result?: unknown; error?: { code: number; message: string } }> } {
    const id = this.nextId++;
    const done = new Promise<{ result?: unknown; error?: { code: number; message: string } }>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no answer to ${method}`)), 60_000);
      this.pending.set(id, (r) => {
        clearTimeout(timer);
        resolve(r as { result?: unknown; error?: { code: number; message: string } });
      });
    });
    if (send) this.write({ id, method, params });
    return { id, done };
  }

  async request<T>(method: string, params: unknown): Promise<T> {
    const r = await this.answer(method, params).done;
    if (r.error) throw new Error(JSON.stringify(r.error));
    return r.result as T;
  }

  writeRaw(text: string): void {
    this.child.stdin.write(text);
  }

  notify(method: string, params: unknown): void {
    this.write({ method, params });
  }

  /** The next publishDiagnostics for a document, after `from` notifications have been seen. */
  async diagnostics(uri: string, from: number, version?: number): Promise<LspDiagnostic[]> {
    return (await this.published(uri, from, version)).diagnostics;
  }

  /** The next publishDiagnostics for a document (of a version, if given), after `from` notifications. */
  async published(uri: string, from: number, version?: number): Promise<{ version?: number; diagnostics: LspDiagnostic[] }> {
    const started = Date.now();
    for (;;) {
      const found = this.notifications
        .slice(from)
        .find((n) => n.method === 'textDocument/publishDiagnostics' && (n.params as { uri: string }).uri === uri && (version === undefined || (n.params as { version?: number }).version === version));
      if (found) return found.params as { version?: number; diagnostics: LspDiagnostic[] };
      if (Date.now() - started > 60_000) throw new Error('no diagnostics');
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 200);
      });
    }
  }

  exited(): Promise<number | null> {
    return new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
  }
}

interface Range {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

interface LspDiagnostic {
  range: Range;
  code: string;
  severity: number;
  message: string;
  codeDescription?: { href: string };
  tags?: number[];
  relatedInformation?: { location: { uri: string; range: Range }; message: string }[];
}

const URI = 'file:///project/menu.wa.yaml';
const TEXT = [
  'params:',
  '  name: { type: string, minLength: 1, maxLength: 30 }',
  'messages:',
  '  menu:',
  '    type: button',
  '    body: "Hi {{ name }}"',
  '    buttons:',
  '      - { id: a, title: "🎉 Twenty-one chars!!!" }',
  '      - { id: b, title: "Talk to {{ name }}" }',
  '      - { id: a, title: Track order }',
  '',
].join('\n');

const at = (line: number, character: number) => ({ line, character });

test('the language server, driven over stdio as an editor drives it', async () => {
  const c = new Client();
  const exited = c.exited();
  try {
    const init = await c.request<{ capabilities: Record<string, unknown>; serverInfo: { name: string } }>('initialize', { processId: null, rootUri: null, capabilities: {} });
    assert.is(init.serverInfo.name, 'waml');
    assert.ok(init.capabilities['hoverProvider']);
    assert.ok(init.capabilities['definitionProvider']);
    c.notify('initialized', {});

    // Diagnostics on open, in UTF-16 columns: the emoji is two.
    c.notify('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'yaml', version: 1, text: TEXT } });
    const diagnostics = await c.diagnostics(URI, 0);
    const summary = diagnostics.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`);
    // Line 7: the title's quote at character 24; the emoji counts 2, so the end is 24 + 24.
    assert.equal(summary, ['WA301 7:24-7:48', 'WA514 8:24-8:44', 'WA407 9:14-9:15']);
    assert.match(diagnostics[0]!.message, /button title is 21 characters; the limit is 20/);

    // Hover: what the field is, its limit, the live count.
    const h = await c.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri: URI }, position: at(9, 29) });
    assert.match(h.contents.value, /\*\*title\*\*: The button's label\. At most 20 characters/);
    assert.match(h.contents.value, /`Track order`: 11 of 20 characters/);

    // Completion: keys by context, message types, params and filters inside {{ }}.
    const keys = await c.request<{ label: string }[]>('textDocument/completion', { textDocument: { uri: URI }, position: at(10, 0) });
    assert.ok(keys.length > 0);
    const withKeyLine = `${TEXT}    `;
    c.notify('textDocument/didChange', { textDocument: { uri: URI, version: 2 }, contentChanges: [{ text: withKeyLine }] });
    const messageKeys = (await c.request<{ label: string }[]>('textDocument/completion', { textDocument: { uri: URI }, position: at(10, 4) })).map((x) => x.label);
    assert.ok(['header', 'footer', 'buttons', 'params'].every((k) => messageKeys.includes(k)), messageKeys.join());
    const typed = TEXT.replace('type: button', 'type: ');
    c.notify('textDocument/didChange', { textDocument: { uri: URI, version: 3 }, contentChanges: [{ text: typed }] });
    const types = (await c.request<{ label: string }[]>('textDocument/completion', { textDocument: { uri: URI }, position: at(4, 10) })).map((x) => x.label);
    assert.equal(types.sort(), ['address_message', 'button', 'call_permission_request', 'carousel', 'catalog_message', 'cta_url', 'flow', 'list', 'location_request_message', 'order_details', 'order_status', 'product', 'product_list', 'template', 'voice_call']);
    const inside = TEXT.replace('"Hi {{ name }}"', '"Hi {{ n');
    c.notify('textDocument/didChange', { textDocument: { uri: URI, version: 4 }, contentChanges: [{ text: inside }] });
    const params = (await c.request<{ label: string }[]>('textDocument/completion', { textDocument: { uri: URI }, position: at(5, 16) })).map((x) => x.label);
    assert.equal(params, ['name']);
    const piped = TEXT.replace('"Hi {{ name }}"', '"Hi {{ name | ');
    c.notify('textDocument/didChange', { textDocument: { uri: URI, version: 5 }, contentChanges: [{ text: piped }] });
    const filters = (await c.request<{ label: string }[]>('textDocument/completion', { textDocument: { uri: URI }, position: at(5, 23) })).map((x) => x.label);
    assert.equal(filters, ['upper', 'lower', 'trim', 'truncate', 'default', 'number']);

    // Back to the document; go to definition from {{ name }} to its declaration.
    const seen = c.notifications.length;
    c.notify('textDocument/didChange', { textDocument: { uri: URI, version: 6 }, contentChanges: [{ text: TEXT }] });
    await c.diagnostics(URI, seen);
    const def = await c.request<{ uri: string; range: Range }>('textDocument/definition', { textDocument: { uri: URI }, position: at(8, 38) });
    assert.equal(def, { uri: URI, range: { start: at(1, 2), end: at(1, 6) } });

    // Quick fixes: declare the maxLength that makes the title safe; rename the duplicate id.
    const actions = await c.request<{ title: string; edit: { changes: Record<string, { range: Range; newText: string }[]> } }[]>('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: { start: at(8, 24), end: at(9, 15) },
      context: { diagnostics: [] },
    });
    assert.equal(actions.map((a) => a.title), ['Declare maxLength: 12 on name', 'Rename this id to a_2']);
    // The declaration has a maxLength already: the fix replaces its value.
    assert.equal(actions[0]!.edit.changes[URI], [{ range: { start: at(1, 49), end: at(1, 51) }, newText: '12' }]);
    assert.equal(actions[1]!.edit.changes[URI], [{ range: { start: at(9, 14), end: at(9, 15) }, newText: 'a_2' }]);

    // didChange: the fixed document has only the over-long title left.
    const fixed = TEXT.replace('maxLength: 30', 'maxLength: 12').replace('{ id: a, title: Track order }', '{ id: a_2, title: Track order }');
    const before = c.notifications.length;
    c.notify('textDocument/didChange', { textDocument: { uri: URI, version: 7 }, contentChanges: [{ text: fixed }] });
    assert.equal((await c.diagnostics(URI, before)).map((d) => d.code), ['WA301']);

    await c.request('shutdown', null);
    c.notify('exit', null);
    assert.is(await exited, 0);
  } finally {
    c['child'].kill();
  }
});

/** The LSP position of the `nth` occurrence of `needle` in a text, plus `delta` UTF-16 units. */
function pos(text: string, needle: string, delta = 0, nth = 1): { line: number; character: number } {
  let at = -1;
  for (let i = 0; i < nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at === -1) throw new Error(`${needle} not found`);
  }
  const offset = at + delta;
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

const EXAMPLES = join(import.meta.dirname, '..', 'examples');
const example = (name: string) => readFileSync(join(EXAMPLES, name), 'utf8');

/** A workspace folder: the examples, and two `help.wa.yaml` in different folders that both define `main`. */
function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'waml-lsp-'));
  mkdirSync(join(dir, 'examples'));
  for (const f of readdirSync(EXAMPLES)) if (f.endsWith('.wa.yaml')) writeFileSync(join(dir, 'examples', f), example(f));
  const help = 'messages:\n  main:\n    type: location_request_message\n    body: Share your location\n';
  for (const sub of ['a', 'b']) {
    mkdirSync(join(dir, sub));
    writeFileSync(join(dir, sub, 'help.wa.yaml'), help);
  }
  mkdirSync(join(dir, 'node_modules'));
  writeFileSync(join(dir, 'node_modules', 'skipped.wa.yaml'), 'not: [valid');
  return dir;
}

async function started(c: Client, params: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  const init = await c.request<{ capabilities: Record<string, unknown> }>('initialize', { processId: null, rootUri: null, capabilities: {}, ...params });
  c.notify('initialized', {});
  return init.capabilities;
}

async function stop(c: Client): Promise<void> {
  const exited = c.exited();
  await c.request('shutdown', null);
  c.notify('exit', null);
  assert.is(await exited, 0);
}

test('protocol manners: -32002 before initialize, -32800 when cancelled, -32600 after shutdown', async () => {
  const c = new Client();
  try {
    const early = await c.answer('textDocument/hover', { textDocument: { uri: URI }, position: at(0, 0) }).done;
    assert.is(early.error?.code, -32002);
    // A notification before initialize is dropped: the document is not open afterwards.
    c.notify('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'yaml', version: 1, text: TEXT } });
    await started(c);
    assert.is(await c.request('textDocument/hover', { textDocument: { uri: URI }, position: at(9, 29) }), null);
    c.notify('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'yaml', version: 1, text: TEXT } });
    // A request and its cancellation in one write: the request is answered -32800.
    const r = c.answer('textDocument/hover', {}, false);
    c.writeRaw(c.frame({ id: r.id, method: 'textDocument/hover', params: { textDocument: { uri: URI }, position: at(9, 29) } }) + c.frame({ method: '$/cancelRequest', params: { id: r.id } }));
    assert.is((await r.done).error?.code, -32800);
    assert.ok(await c.request('textDocument/hover', { textDocument: { uri: URI }, position: at(9, 29) }));
    const exited = c.exited();
    await c.request('shutdown', null);
    const late = await c.answer('textDocument/hover', { textDocument: { uri: URI }, position: at(9, 29) }).done;
    assert.is(late.error?.code, -32600);
    c.notify('exit', null);
    assert.is(await exited, 0);
    assert.is(c.stderr, '');
  } finally {
    c['child'].kill();
  }
});

test('diagnostics: version, documentation links, unused params tagged, debounced, one compile per version, large files at once', async () => {
  const c = new Client();
  try {
    // A long debounce: only a save (or a request) checks before it runs out.
    await started(c, { initializationOptions: { debounceMs: 5000 } });
    const text = `${TEXT.replace('params:\n', 'params:\n  spare: string\n')}`;
    c.notify('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'yaml', version: 1, text } });
    const opened = await c.published(URI, 0, 1);
    assert.is(opened.version, 1);
    const tooLong = opened.diagnostics.find((d) => d.code === 'WA301')!;
    assert.match(tooLong.codeDescription!.href, /^file:\/\/.*\/docs\/diagnostics\.md#wa301-too-long$/);
    assert.ok(existsSync(fileURLToPath(tooLong.codeDescription!.href.replace(/#.*/, ''))));
    const unused = opened.diagnostics.find((d) => d.code === 'WA510')!;
    assert.equal(unused.tags, [1]);
    assert.equal(unused.range, { start: at(1, 2), end: at(1, 7) });

    // 20 edits and a save in one write: one check, of the last version.
    const before = (await c.request<{ compiles: number }>('waml/stats', null)).compiles;
    const seen = c.notifications.length;
    let burst = '';
    for (let v = 2; v <= 21; v++) burst += c.frame({ method: 'textDocument/didChange', params: { textDocument: { uri: URI, version: v }, contentChanges: [{ range: { start: at(0, 0), end: at(0, 0) }, text: v === 21 ? '' : '' }] } });
    burst += c.frame({ method: 'textDocument/didChange', params: { textDocument: { uri: URI, version: 22 }, contentChanges: [{ text: TEXT }] } });
    burst += c.frame({ method: 'textDocument/didSave', params: { textDocument: { uri: URI } } });
    c.writeRaw(burst);
    const saved = await c.published(URI, seen);
    assert.is(saved.version, 22);
    assert.equal(saved.diagnostics.map((d) => d.code), ['WA301', 'WA514', 'WA407']);
    // Every request on that version shares its one compile.
    for (const method of ['textDocument/hover', 'textDocument/completion', 'textDocument/definition', 'textDocument/documentSymbol', 'textDocument/inlayHint', 'textDocument/semanticTokens/full', 'textDocument/foldingRange']) {
      await c.request(method, { textDocument: { uri: URI }, position: at(8, 38), range: { start: at(0, 0), end: at(12, 0) } });
    }
    assert.is((await c.request<{ compiles: number }>('waml/stats', null)).compiles - before, 1);

    // A document over the size limit: WA903, and every feature answers at once, empty.
    const big = `${TEXT}${'# padding to pass the limit\n'.repeat(45_000)}`;
    const bigUri = 'file:///project/big.wa.yaml';
    c.notify('textDocument/didOpen', { textDocument: { uri: bigUri, languageId: 'yaml', version: 1, text: big } });
    assert.equal((await c.diagnostics(bigUri, 0)).map((d) => d.code), ['WA903']);
    assert.is(await c.request('textDocument/hover', { textDocument: { uri: bigUri }, position: at(9, 29) }), null);
    assert.equal(await c.request('textDocument/completion', { textDocument: { uri: bigUri }, position: at(10, 0) }), []);
    assert.is(await c.request('textDocument/definition', { textDocument: { uri: bigUri }, position: at(8, 38) }), null);
    await stop(c);
  } finally {
    c['child'].kill();
  }
});

test('completion: `each` items, per-type keys, flow mappings, and nothing on a space inside text', async () => {
  const c = new Client();
  try {
    await started(c);
    const uri = 'file:///project/catalog.wa.yaml';
    const catalog = example('catalog.wa.yaml');
    c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: catalog } });
    const labels = async (text: string, position: { line: number; character: number }, version: number, triggerCharacter?: string) => {
      c.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
      const context = triggerCharacter ? { triggerKind: 2, triggerCharacter } : { triggerKind: 1 };
      return (await c.request<{ label: string }[]>('textDocument/completion', { textDocument: { uri }, position, context })).map((x) => x.label);
    };
    // `{{ p.` inside the item that `each: products` / `as: p` repeats: the fields of a product.
    const typing = catalog.replace('"sku:{{ p.sku }}"', '"sku:{{ p.');
    assert.equal(await labels(typing, pos(typing, '{{ p.', 5), 2, '.'), ['sku', 'name', 'price']);
    // The alias itself, first, then the params.
    const bare = catalog.replace('"sku:{{ p.sku }}"', '"sku:{{ ');
    assert.equal(await labels(bare, pos(bare, '"sku:{{ ', 8), 3, '{'), ['p', 'products']);
    // A space inside a text or a quoted string: nothing pops up.
    const spaced = catalog.replace('body: Tap a plant', 'body: Tap a plant ');
    assert.equal(await labels(spaced, pos(spaced, 'Tap a plant ', 12), 4, ' '), []);
    const quoted = catalog.replace('"{{ p.name | truncate(24) }}"', '"Buy ');
    assert.equal(await labels(quoted, pos(quoted, '"Buy ', 5), 5, ' '), []);
    // Inside a flow mapping, as the examples write buttons: the keys not yet given.
    const flow = catalog.replace('{ id: talk_to_us, title: Ask a gardener }', '{ id: talk_to_us,  }');
    const rowKeys = await labels(flow, pos(flow, '{ id: talk_to_us, ', 18), 6);
    assert.ok(rowKeys.includes('title') && rowKeys.includes('description') && !rowKeys.includes('id'), rowKeys.join());
    // A space after `key: ` completes values only.
    const typed = catalog.replace('type: list', 'type: ');
    assert.equal((await labels(typed, pos(typed, 'type: ', 6), 7, ' ')).length, 7);

    // A carousel is never offered header or footer; a button message is.
    const carouselUri = 'file:///project/new-arrivals.wa.yaml';
    const carousel = example('new-arrivals.wa.yaml').replace('    cards:', '    \n    cards:');
    c.notify('textDocument/didOpen', { textDocument: { uri: carouselUri, languageId: 'yaml', version: 1, text: carousel } });
    const keys = (await c.request<{ label: string }[]>('textDocument/completion', { textDocument: { uri: carouselUri }, position: pos(carousel, '    \n    cards:', 4) })).map((x) => x.label);
    assert.ok(keys.includes('cards') && keys.includes('body'), keys.join());
    assert.not.ok(keys.includes('header') || keys.includes('footer'), keys.join());

    // Signature help inside a filter's arguments.
    const sig = catalog.replace('truncate(24) }}"', 'truncate(24, ');
    c.notify('textDocument/didChange', { textDocument: { uri, version: 8 }, contentChanges: [{ text: sig }] });
    const help = await c.request<{ signatures: { label: string }[]; activeParameter: number }>('textDocument/signatureHelp', { textDocument: { uri }, position: pos(sig, 'truncate(24, ', 13) });
    assert.is(help.signatures[0]!.label, 'truncate(length: integer, suffix?: string)');
    assert.is(help.activeParameter, 1);
    await stop(c);
  } finally {
    c['child'].kill();
  }
});

test('navigation: definition, references and rename of params and `each` items; hover never cuts an emoji', async () => {
  const c = new Client();
  try {
    await started(c);
    const uri = 'file:///project/catalog.wa.yaml';
    const catalog = example('catalog.wa.yaml');
    c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: catalog } });
    const range = (needle: string, length: number, nth = 1) => ({ start: pos(catalog, needle, 0, nth), end: pos(catalog, needle, length, nth) });
    // `p` in `{{ p.name }}` to its `as: p`; `products` after `each:` to its declaration; a field to its declaration.
    const asP = { start: pos(catalog, 'as: p', 4), end: pos(catalog, 'as: p', 5) };
    assert.equal(await c.request('textDocument/definition', { textDocument: { uri }, position: pos(catalog, '{{ p.name', 3) }), { uri, range: asP });
    assert.equal(await c.request('textDocument/definition', { textDocument: { uri }, position: pos(catalog, 'each: products', 8) }), { uri, range: range('products:', 8) });
    assert.equal(await c.request('textDocument/definition', { textDocument: { uri }, position: pos(catalog, 'p.price', 3) }), { uri, range: range('price:', 5) });

    // References of `p`: the `as` and its three uses.
    const refs = await c.request<{ range: Range }[]>('textDocument/references', { textDocument: { uri }, position: pos(catalog, 'p.sku', 0), context: { includeDeclaration: true } });
    assert.equal(refs.map((r) => r.range.start), [asP.start, pos(catalog, '{{ p.sku', 3), pos(catalog, '{{ p.name', 3), pos(catalog, '{{ p.price', 3)]);
    // Rename `products`: its declaration and the `each`.
    const prepared = await c.request<{ range: Range; placeholder: string }>('textDocument/prepareRename', { textDocument: { uri }, position: pos(catalog, 'each: products', 7) });
    const eachProducts = { start: pos(catalog, 'each: products', 6), end: pos(catalog, 'each: products', 14) };
    assert.equal(prepared, { range: eachProducts, placeholder: 'products' });
    const edit = await c.request<{ changes: Record<string, { range: Range; newText: string }[]> }>('textDocument/rename', { textDocument: { uri }, position: pos(catalog, 'products:', 1), newName: 'plants' });
    assert.equal(edit.changes[uri], [{ range: range('products:', 8), newText: 'plants' }, { range: eachProducts, newText: 'plants' }]);
    // Not a param: nothing to rename; a bad name is refused.
    assert.is(await c.request('textDocument/prepareRename', { textDocument: { uri }, position: pos(catalog, 'title: In stock', 9) }), null);
    const bad = await c.answer('textDocument/rename', { textDocument: { uri }, position: pos(catalog, 'products:', 1), newName: '2x' }).done;
    assert.is(bad.error?.code, -32602);
    // A position outside the document's coordinates is refused, not clamped to the start.
    for (const position of [{ line: -1, character: -5 }, { line: 0, character: 1.5 }, { line: '2', character: 0 }]) {
      const refused = await c.answer('textDocument/hover', { textDocument: { uri }, position }).done;
      assert.is(refused.error?.code, -32602, JSON.stringify(position));
    }

    // Hover on a text whose 37th and 38th UTF-16 units are one emoji: the clip keeps it whole.
    const emojiUri = 'file:///project/emoji.wa.yaml';
    const title = `${'a'.repeat(36)}🌱${'b'.repeat(10)}`;
    const emoji = `messages:\n  m:\n    type: location_request_message\n    body: ${title}\n`;
    c.notify('textDocument/didOpen', { textDocument: { uri: emojiUri, languageId: 'yaml', version: 1, text: emoji } });
    const h = await c.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri: emojiUri }, position: pos(emoji, 'body: ', 8) });
    assert.match(h.contents.value, /`a{36}🌱b{2}…`: 47 of 1024 characters/);
    assert.not.match(h.contents.value, /[\ud800-\udbff](?![\udc00-\udfff])/);
    // Hover on a placeholder's name: what it is.
    const ph = await c.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri }, position: pos(catalog, '{{ p.name', 3) });
    assert.match(ph.contents.value, /\*\*p\*\*: the current item of an `each`; fields: sku, name, price/);
    await stop(c);
  } finally {
    c['child'].kill();
  }
});

/** Decodes semantic tokens into `line:char text type` strings. */
function decode(text: string, data: number[], types: string[]): string[] {
  const lines = text.split('\n');
  const out: string[] = [];
  let line = 0;
  let char = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i]!;
    char = data[i]! === 0 ? char + data[i + 1]! : data[i + 1]!;
    out.push(`${lines[line]!.slice(char, char + data[i + 2]!)} ${types[data[i + 3]!]}${data[i + 4] ? '+declaration' : ''}`);
  }
  return out;
}

test('symbols, semantic tokens, inlay hints, folding and selection ranges on the examples', async () => {
  const c = new Client();
  try {
    const caps = await started(c);
    const legend = (caps['semanticTokensProvider'] as { legend: { tokenTypes: string[] } }).legend.tokenTypes;
    const uri = 'file:///project/catalog.wa.yaml';
    const catalog = example('catalog.wa.yaml');
    c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: catalog } });
    const symbols = await c.request<{ name: string; detail: string; children: { name: string }[] }[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.equal(symbols.map((s) => `${s.name} ${s.detail}`), ['params ', 'catalog list']);
    assert.equal(symbols[0]!.children.map((s) => s.name), ['products']);

    const tokens = await c.request<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument: { uri } });
    const painted = decode(catalog, tokens.data, legend);
    assert.equal(painted.slice(0, 2), ['products parameter+declaration', 'p variable+declaration']);
    assert.equal(painted.slice(2, 6), ['{{ operator', 'p variable', 'sku property', '}} operator']);
    assert.equal(painted.slice(6, 12), ['{{ operator', 'p variable', 'name property', 'truncate function', '24 number', '}} operator']);

    // Live counts: a fixed text against its limit, a template by its longest value.
    const hints = await c.request<{ position: { line: number }; label: string }[]>('textDocument/inlayHint', { textDocument: { uri }, range: { start: at(0, 0), end: at(40, 0) } });
    const byLine = hints.map((h) => `${h.position.line + 1} ${h.label}`);
    assert.ok(byLine.includes('19 13/60'), byLine.join()); // header: Today's picks
    assert.ok(byLine.includes('21 10/20'), byLine.join()); // button: See plants
    assert.ok(byLine.includes('28 ≤24/24'), byLine.join()); // the title is truncated to 24
    c.notify('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'yaml', version: 1, text: TEXT } });
    const over = await c.request<{ position: { line: number }; label: string }[]>('textDocument/inlayHint', { textDocument: { uri: URI }, range: { start: at(0, 0), end: at(12, 0) } });
    assert.equal(over.map((h) => `${h.position.line} ${h.label}`), ['5 ≤33/1024', '7 1/256', '7 ⚠ 21/20', '8 1/256', '8 ⚠ ≤38/20', '9 1/256', '9 11/20']);

    const folds = await c.request<{ startLine: number; endLine: number; kind?: string }[]>('textDocument/foldingRange', { textDocument: { uri } });
    assert.ok(folds.some((f) => f.startLine === 15 && f.endLine === 32), JSON.stringify(folds)); // messages:
    assert.ok(folds.some((f) => f.startLine === 0 && f.endLine === 4 && f.kind === 'comment'));
    const sel = await c.request<{ range: Range; parent?: unknown }[]>('textDocument/selectionRange', { textDocument: { uri }, positions: [pos(catalog, '{{ p.name', 6)] });
    const chain: Range[] = [];
    for (let s: { range: Range; parent?: unknown } | undefined = sel[0]; s; s = s.parent as typeof s) chain.push(s.range);
    assert.equal(chain[0], { start: pos(catalog, 'p.name', 2), end: pos(catalog, 'p.name', 6) });
    assert.equal(chain[1], { start: pos(catalog, '{{ p.name'), end: pos(catalog, '(24) }}', 7) });
    assert.ok(chain.length >= 6);
    await stop(c);
  } finally {
    c['child'].kill();
  }
});

test('counts per language: an inlay hint after each language\'s text, and every language\'s count on hover', async () => {
  const c = new Client();
  try {
    await started(c);
    const uri = 'file:///project/help.wa.yaml';
    const text = [
      'languages: [en_US, de, es]',
      'messages:',
      '  help_menu:',
      '    type: button',
      '    body: How can we help?',
      '    buttons:',
      '      - id: track_order',
      '        title:',
      '          en_US: Track order',
      '          de: Bestellung verfolgen!',
      '          es: Seguir pedido',
      '',
    ].join('\n');
    c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    const hints = await c.request<{ position: { line: number }; label: string }[]>('textDocument/inlayHint', { textDocument: { uri }, range: { start: at(0, 0), end: at(12, 0) } });
    assert.equal(hints.map((h) => `${h.position.line} ${h.label}`).filter((h) => /^(8|9|10) /.test(h)), ['8 en_US 11/20', '9 de ⚠ 21/20', '10 es 13/20']);
    const h = await c.request<{ contents: { value: string }; range: Range }>('textDocument/hover', { textDocument: { uri }, position: at(9, 16) });
    assert.is(h.contents.value, '**buttons.0.title** of `help_menu` in 3 languages (limit 20):\n\n- en_US: 11/20\n- **de**: ⚠ 21/20 (over)\n- es: 13/20');
    assert.equal(h.range, { start: at(9, 14), end: at(9, 35) });
    await stop(c);
  } finally {
    c['child'].kill();
  }
});

test('quick fixes wherever the help names one edit: a did-you-mean, http to https', async () => {
  const c = new Client();
  try {
    await started(c);
    const uri = 'file:///project/fixes.wa.yaml';
    const text = [
      'params:',
      '  name: { type: string, maxLength: 10 }',
      'messages:',
      '  go:',
      '    type: cta_url',
      '    body: "Hi {{ nme | uper }}"',
      '    fotter: Thanks',
      '    button: { text: Open, url: "http://shop.example.com" }',
      '',
    ].join('\n');
    c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    const codes = (await c.diagnostics(uri, 0)).map((d) => d.code);
    assert.equal(codes, ['WA510', 'WA505', 'WA201', 'WA406']);
    const actions = await c.request<{ title: string; edit: { changes: Record<string, { range: Range; newText: string }[]> } }[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: at(0, 0), end: at(8, 0) },
      context: { diagnostics: [] },
    });
    const edits = actions.map((a) => `${a.title}: ${JSON.stringify(a.edit.changes[uri])}`);
    assert.equal(edits, [
      `Change to name: ${JSON.stringify([{ range: { start: pos(text, 'nme'), end: pos(text, 'nme', 3) }, newText: 'name' }])}`,
      `Change to footer: ${JSON.stringify([{ range: { start: pos(text, 'fotter'), end: pos(text, 'fotter', 6) }, newText: 'footer' }])}`,
      `Use https: ${JSON.stringify([{ range: { start: pos(text, 'http:', 4), end: pos(text, 'http:', 4) }, newText: 's' }])}`,
    ]);
    await stop(c);
  } finally {
    c['child'].kill();
  }
});

test('workspace: unopened files are checked, collisions between files reach the editor, symbols across files, pull diagnostics', async () => {
  const dir = workspace();
  const rootUri = pathToFileURL(dir).href;
  const b = pathToFileURL(join(dir, 'b', 'help.wa.yaml')).href;
  const c = new Client();
  try {
    await started(c, { rootUri });
    // b/help.wa.yaml is not open: its WA901 is pushed, pointing at a/help.wa.yaml.
    const collision = await c.diagnostics(b, 0);
    assert.equal(collision.map((d) => d.code), ['WA901']);
    assert.match(collision[0]!.message, /`main` of a\/help\.wa\.yaml already writes/);
    assert.is(collision[0]!.relatedInformation![0]!.location.uri, pathToFileURL(join(dir, 'a', 'help.wa.yaml')).href);
    assert.not.ok(c.notifications.some((n) => (n.params as { uri?: string }).uri?.includes('node_modules')));
    // Renaming the message in the open file clears it in the other.
    const a = pathToFileURL(join(dir, 'a', 'help.wa.yaml')).href;
    const seen = c.notifications.length;
    c.notify('textDocument/didOpen', { textDocument: { uri: a, languageId: 'yaml', version: 1, text: 'messages:\n  other:\n    type: location_request_message\n    body: Share your location\n' } });
    assert.equal(await c.diagnostics(b, seen), []);

    const found = await c.request<{ name: string; containerName: string; location: { uri: string } }[]>('workspace/symbol', { query: 'carousel' });
    assert.equal(found.map((s) => `${s.name} ${s.containerName}`).sort(), ['new_arrivals carousel · examples/new-arrivals.wa.yaml', 'pick_a_plant carousel · examples/pick-a-plant.wa.yaml']);
    assert.ok((await c.request<unknown[]>('workspace/symbol', { query: '' })).length >= 12);
    await stop(c);

    // A client that pulls: the server says so and answers for every file, unopened ones included.
    const p = new Client();
    try {
      const caps = await started(p, { rootUri, capabilities: { textDocument: { diagnostic: {} } } });
      assert.equal(caps['diagnosticProvider'], { interFileDependencies: true, workspaceDiagnostics: true });
      const report = await p.request<{ items: { uri: string; items: { code: string }[] }[] }>('workspace/diagnostic', { previousResultIds: [] });
      const byFile = Object.fromEntries(report.items.map((i) => [i.uri.slice(rootUri.length + 1), i.items.map((d) => d.code)]));
      assert.equal(byFile['b/help.wa.yaml'], ['WA901']);
      assert.equal(byFile['examples/support-menu.wa.yaml'], []);
      const one = await p.request<{ kind: string; items: { code: string }[] }>('textDocument/diagnostic', { textDocument: { uri: b } });
      assert.equal(one.items.map((d) => d.code), ['WA901']);
      // Anything pushed before the workspace was pulled has been withdrawn: nothing shows twice.
      const last = new Map<string, unknown[]>();
      for (const n of p.notifications) if (n.method === 'textDocument/publishDiagnostics') last.set((n.params as { uri: string }).uri, (n.params as { diagnostics: unknown[] }).diagnostics);
      assert.ok([...last.values()].every((d) => d.length === 0));
      await stop(p);
    } finally {
      p['child'].kill();
    }

    // A client that pulls open documents only (as Neovim 0.10): unopened files are pushed;
    // once a file is opened, its pushed diagnostics are withdrawn and it is pulled.
    const n = new Client();
    try {
      await started(n, { rootUri, capabilities: { textDocument: { diagnostic: {} } } });
      assert.equal((await n.diagnostics(b, 0)).map((d) => d.code), ['WA901']);
      const seen = n.notifications.length;
      n.notify('textDocument/didOpen', { textDocument: { uri: b, languageId: 'yaml', version: 1, text: readFileSync(join(dir, 'b', 'help.wa.yaml'), 'utf8') } });
      assert.equal(await n.diagnostics(b, seen), []);
      const pulled = await n.request<{ items: { code: string }[] }>('textDocument/diagnostic', { textDocument: { uri: b } });
      assert.equal(pulled.items.map((d) => d.code), ['WA901']);
      await stop(n);
    } finally {
      n['child'].kill();
    }
  } finally {
    c['child'].kill();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the debouncer runs a burst of 100 edits once, after the last', () => {
  const set: number[] = [];
  let cleared = 0;
  const jobs = new Map<number, () => void>();
  let next = 0;
  const timer = {
    set: (run: () => void, ms: number) => {
      set.push(ms);
      jobs.set(++next, run);
      return next;
    },
    clear: (h: unknown) => {
      cleared++;
      jobs.delete(h as number);
    },
  };
  const d = new Debouncer(timer, 150);
  let runs = 0;
  for (let i = 0; i < 100; i++) d.schedule('doc', () => runs++);
  assert.is(set.length, 100);
  assert.is(cleared, 99);
  assert.is(jobs.size, 1);
  for (const run of jobs.values()) run();
  assert.is(runs, 1);
  assert.ok(set.every((ms) => ms === 150));
});

test('the frame reader hands on every message, however the chunks cut them', () => {
  const messages = [{ method: 'a', params: { text: 'é 🎉 Content-Length: 3\r\n\r\n' } }, { id: 1, result: null }, { method: 'b', params: {} }];
  const bytes = Buffer.from(messages.map((m) => frame(m)).join(''));
  for (const size of [1, 2, 7, bytes.length]) {
    const got: unknown[] = [];
    const reader = new FrameReader((m) => got.push(m));
    for (let i = 0; i < bytes.length; i += size) reader.push(bytes.subarray(i, i + size));
    assert.equal(got, messages.map((m) => ({ jsonrpc: '2.0', ...m })), `chunks of ${size} bytes`);
  }
});

test('the real timer: no delay runs on the next turn, and either kind can be cleared', async () => {
  const ran: string[] = [];
  REAL_TIMER.clear(REAL_TIMER.set(() => ran.push('cleared now'), 0));
  REAL_TIMER.clear(REAL_TIMER.set(() => ran.push('cleared later'), 1));
  REAL_TIMER.set(() => ran.push('now'), 0);
  await new Promise<void>((resolve) => REAL_TIMER.set(resolve, 5));
  assert.equal(ran, ['now']);
});

test('a workspace of one file lists no outputs on an edit: it cannot collide with itself', () => {
  const files = { list: () => [], read: () => ({ ok: false as const, reason: 'no disk', missing: true }) };
  const w = new Workspace(files);
  w.setRoots(['/p']);
  const text = 'messages:\n  m:\n    type: button\n    body: x\n    buttons:\n      - { id: a, title: b }\n';
  for (let v = 1; v <= 5; v++) {
    w.open('/p/a/m.wa.yaml', v % 2 ? text : text.replace('body: x', 'body: y'), v);
    assert.equal(w.diagnostics('/p/a/m.wa.yaml'), []);
  }
  assert.equal(w.stats, { compiles: 5, outputs: 0 });
  // A second file writing the same output: each file's outputs are listed once, and it collides.
  w.open('/p/b/m.wa.yaml', text, 1);
  assert.equal(w.diagnostics('/p/b/m.wa.yaml').map((d) => d.code), ['WA901']);
  assert.equal(w.diagnostics('/p/a/m.wa.yaml'), []);
  assert.equal(w.stats, { compiles: 6, outputs: 2 });
});

test('two files whose message templates write the same outputs collide in the language server as in the CLI', () => {
  const files = { list: () => [], read: () => ({ ok: false as const, reason: 'no disk', missing: true }) };
  const w = new Workspace(files);
  w.setRoots(['/p']);
  const text = 'messages:\n  hello:\n    type: template\n    category: utility\n    language: en_US\n    body: Your order has shipped.\n';
  w.open('/p/a/t.wa.yaml', text, 1);
  assert.equal(w.diagnostics('/p/a/t.wa.yaml'), []);
  w.open('/p/b/t.wa.yaml', text, 1);
  // As `waml check` says: the template's name in en_US is taken (WA728), and both its outputs (WA901).
  assert.equal(w.diagnostics('/p/b/t.wa.yaml').map((d) => d.code), ['WA728', 'WA901', 'WA901']);
});

test('a message template another file of the workspace already defines is WA728, as `waml check` says', () => {
  const files = { list: () => [], read: () => ({ ok: false as const, reason: 'no disk', missing: true }) };
  const w = new Workspace(files);
  w.setRoots(['/p']);
  const text = (stem: string) => `messages:\n  hello:\n    type: template\n    category: utility\n    language: en_US\n    body: Your order has shipped (${stem}).\n`;
  w.open('/p/a/t1.wa.yaml', text('t1'), 1);
  w.open('/p/b/t2.wa.yaml', text('t2'), 1);
  assert.equal(w.diagnostics('/p/a/t1.wa.yaml'), []);
  const found = w.diagnostics('/p/b/t2.wa.yaml');
  assert.equal(found.map((d) => [d.code, d.span.start, d.related?.[0]?.file]), [['WA728', 'messages:\n  '.length, 'a/t1.wa.yaml']]);
  // Another language is another template: no clash.
  w.open('/p/b/t2.wa.yaml', text('t2').replace('en_US', 'de'), 2);
  assert.equal(w.diagnostics('/p/b/t2.wa.yaml'), []);
});

test.run();
