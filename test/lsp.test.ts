import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';

const BIN = join(import.meta.dirname, '..', 'bin/waml.js');

/** A minimal LSP client over stdio: Content-Length framing, requests by id, notifications kept. */
class Client {
  private readonly child: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, (r: { result?: unknown; error?: unknown }) => void>();
  readonly notifications: { method: string; params: unknown }[] = [];
  private waiters: (() => void)[] = [];

  constructor() {
    this.child = spawn(process.execPath, [BIN, 'lsp', '--stdio']);
    this.child.stdout.on('data', (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      for (;;) {
        const end = this.buffer.indexOf('\r\n\r\n');
        if (end === -1) return;
        const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, end).toString())![1]);
        if (this.buffer.length < end + 4 + length) return;
        const message = JSON.parse(this.buffer.subarray(end + 4, end + 4 + length).toString('utf8'));
        this.buffer = this.buffer.subarray(end + 4 + length);
        if (message.id !== undefined && this.pending.has(message.id)) {
          this.pending.get(message.id)!(message);
          this.pending.delete(message.id);
        } else if (message.method) {
          this.notifications.push({ method: message.method, params: message.params });
          for (const w of this.waiters.splice(0)) w();
        }
      }
    });
  }

  private write(message: object): void {
    const body = JSON.stringify({ jsonrpc: '2.0', ...message });
    this.child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  }

  request<T>(method: string, params: unknown): Promise<T> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no answer to ${method}`)), 10_000);
      this.pending.set(id, (r) => {
        clearTimeout(timer);
        if (r.error) reject(new Error(JSON.stringify(r.error)));
        else resolve(r.result as T);
      });
      this.write({ id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.write({ method, params });
  }

  /** The next publishDiagnostics for a document, after `from` notifications have been seen. */
  async diagnostics(uri: string, from: number): Promise<{ range: Range; code: string; severity: number; message: string }[]> {
    const started = Date.now();
    for (;;) {
      const found = this.notifications.slice(from).find((n) => n.method === 'textDocument/publishDiagnostics' && (n.params as { uri: string }).uri === uri);
      if (found) return (found.params as { diagnostics: { range: Range; code: string; severity: number; message: string }[] }).diagnostics;
      if (Date.now() - started > 10_000) throw new Error('no diagnostics');
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
    assert.equal(types.sort(), ['address_message', 'button', 'carousel', 'cta_url', 'flow', 'list', 'location_request_message']);
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

test.run();
