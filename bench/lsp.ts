// The language server's latency on a real 300-line file (whole messages, templated ones
// included), driven over stdio as an editor drives it (incremental changes: a character typed,
// then deleted): edit → diagnostics, hover and completion, each as a 90th percentile against
// a baseline of the same run; the server's CPU time per edit (its own process.cpuUsage(),
// which a busy machine moves far less than wall time) against compile()'s; and how many
// compiles the server made for how many document versions (the server's own count).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { compile } from '../compiler/index.js';
import { corpusFile } from './corpus.js';
import { frame, FrameReader } from '../test/lsp-frames.js';

const BIN = join(import.meta.dirname, '..', 'bin/waml.cjs');

/** A file of whole messages, at least 300 lines: corpus file 0 (params and templates), then whole message blocks. */
export function lspFile(): string {
  const lines = corpusFile(0).text.trimEnd().split('\n');
  for (let i = 1; lines.length < 300; i++) {
    const text = corpusFile(i).text;
    if (text.includes('\nparams:')) continue; // its messages need its params
    lines.push(...text.trimEnd().split('\n').slice(2));
  }
  return `${lines.join('\n')}\n`;
}

interface Message {
  id?: number;
  method?: string;
  params?: { uri?: string; version?: number };
  result?: unknown;
}

class Client {
  private readonly child = spawn(process.execPath, [BIN, 'lsp', '--stdio']);
  private nextId = 1;
  private readonly waiting: { match: (m: Message) => boolean; resolve: (m: Message) => void }[] = [];
  /** Messages nobody waits for yet (a publish that comes before its `next`): kept, not dropped. */
  private readonly unclaimed: Message[] = [];

  constructor() {
    const reader = new FrameReader((m) => {
      const message = m as Message;
      const i = this.waiting.findIndex((w) => w.match(message));
      if (i !== -1) this.waiting.splice(i, 1)[0]!.resolve(message);
      else this.unclaimed.push(message);
    });
    this.child.stdout.on('data', (chunk: Buffer) => reader.push(chunk));
  }

  send(message: object): void {
    this.child.stdin.write(frame(message));
  }

  /** The first message, already read or still to come, that matches. */
  next(match: (m: Message) => boolean): Promise<Message> {
    const i = this.unclaimed.findIndex(match);
    if (i !== -1) return Promise.resolve(this.unclaimed.splice(i, 1)[0]!);
    return new Promise((resolve) => this.waiting.push({ match, resolve }));
  }

  request(method: string, params: unknown): Promise<Message> {
    const id = this.nextId++;
    const answer = this.next((m) => m.id === id);
    this.send({ id, method, params });
    return answer;
  }

  close(): void {
    this.child.kill();
  }
}

/** The `q` quantile (0.5: the median, 0.9: the 90th percentile), nearest rank. */
function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
}

export interface LspRow {
  name: string;
  baseline: number;
  measured: number;
  target: string;
  /** How the figures are shown: ms by default, or a plain count. */
  count?: boolean;
}

/** 90th percentiles in ms of `rounds` rounds of each measure, and the compiles per document version. */
export async function benchLsp(rounds: number): Promise<LspRow[]> {
  const text = lspFile();
  const lines = text.split('\n');
  const uri = 'file:///bench/big.wa.yaml';
  const c = new Client();
  try {
    await c.request('initialize', { processId: null, rootUri: null, capabilities: {}, initializationOptions: { debounceMs: 0 } });
    c.send({ method: 'initialized', params: {} });
    c.send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'yaml', version: 1, text } } });
    await c.next((m) => m.method === 'textDocument/publishDiagnostics' && m.params?.version === 1);
    // Where to ask: on a body text, and at the start of a new key in a message.
    const bodyLine = lines.findIndex((l) => l.startsWith('    body: '));
    const hoverAt = { line: bodyLine, character: 12 };
    const completeAt = { line: bodyLine, character: 4 };

    const compileTimes: number[] = [];
    const compileCpu: number[] = [];
    const edits: number[] = [];
    const editCpu: number[] = [];
    const noop: number[] = [];
    const hovers: number[] = [];
    const completions: number[] = [];
    const hoverAfterEdit: number[] = [];
    let version = 1;
    const stats = async () => (await c.request('waml/stats', null)).result as { compiles: number; cpuMs: number };
    const compilesBefore = (await stats()).compiles;
    // A keystroke and its undo, as an editor sends them: one character typed into a body
    // (an incremental change), then deleted. Every version differs from the one before.
    const at = { line: bodyLine, character: '    body: '.length };
    const typed = text.replace('    body: ', '    body: x');
    const type = { range: { start: at, end: at }, text: 'x' };
    const erase = { range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: '' };
    for (let r = 0; r < rounds; r++) {
      let t = performance.now();
      const cpu = process.cpuUsage();
      compile([{ path: 'big.wa.yaml', text: typed }]);
      const used = process.cpuUsage(cpu);
      compileTimes.push(performance.now() - t);
      compileCpu.push((used.user + used.system) / 1000);

      version++;
      const v = version;
      const before = (await stats()).cpuMs;
      const published = c.next((m) => m.method === 'textDocument/publishDiagnostics' && m.params?.version === v);
      t = performance.now();
      c.send({ method: 'textDocument/didChange', params: { textDocument: { uri, version: v }, contentChanges: [type] } });
      await published;
      edits.push(performance.now() - t);

      // The no-op request, timed, also reads the server's CPU time: the edit's share is the difference.
      t = performance.now();
      const after = (await stats()).cpuMs;
      noop.push(performance.now() - t);
      editCpu.push(after - before);
      t = performance.now();
      await c.request('textDocument/hover', { textDocument: { uri }, position: hoverAt });
      hovers.push(performance.now() - t);
      t = performance.now();
      await c.request('textDocument/completion', { textDocument: { uri }, position: completeAt });
      completions.push(performance.now() - t);

      // A hover on a version nobody has compiled yet: it pays for the compile.
      version++;
      c.send({ method: 'textDocument/didChange', params: { textDocument: { uri, version }, contentChanges: [erase] } });
      t = performance.now();
      await c.request('textDocument/hover', { textDocument: { uri }, position: hoverAt });
      hoverAfterEdit.push(performance.now() - t);
    }
    // Every version was asked for diagnostics or a hover: each is compiled once, and only once.
    const compiles = (await stats()).compiles - compilesBefore;
    const p90 = (xs: number[]) => quantile(xs, 0.9);
    const median = (xs: number[]) => quantile(xs, 0.5);
    return [
      { name: `LSP edit → diagnostics p90, ${lines.length - 1}-line file vs compile()`, baseline: p90(compileTimes), measured: p90(edits), target: '≤ 16 ms' },
      { name: 'LSP server CPU per edit, median, vs compile() CPU', baseline: median(compileCpu), measured: median(editCpu), target: 'reported' },
      { name: 'LSP hover p90 vs a no-op request', baseline: p90(noop), measured: p90(hovers), target: '≤ 10 ms' },
      { name: 'LSP completion p90 vs a no-op request', baseline: p90(noop), measured: p90(completions), target: '≤ 10 ms' },
      { name: 'LSP hover right after an edit p90 vs compile()', baseline: p90(compileTimes), measured: p90(hoverAfterEdit), target: 'reported' },
      { name: 'LSP compiles vs document versions', baseline: version - 1, measured: compiles, target: '1 per version (1.00x)', count: true },
    ];
  } finally {
    c.close();
  }
}
