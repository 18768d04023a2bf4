// `npm run bench`: every benchmark as a ratio to a baseline measured in the same run, with
// the medians beside it. `--quick` runs tiny sizes (a test uses it to prove the benches run;
// nothing asserts a time). The machine is named at the end.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { Interactive, ActionButtons, Button, Body, Header, Footer } from 'whatsapp-api-js/messages';
import { parseDocument } from 'yaml';
import { build } from 'esbuild';
import { yamlPlugin } from '../scripts/yaml-plugin.mjs';
import { compile } from '../compiler/index.js';
import { checkParams } from '../runtime/params.js';
import { pattern } from '../runtime/pattern.js';
import { helpMenu } from '../test/golden/ts/support-menu.wa.js';
import { corpus, corpusFile, CORPUS_DATA, languagesFile } from './corpus.js';
import { benchLsp } from './lsp.js';
import { benchTemplates } from './templates.js';

const quick = process.argv.includes('--quick');
// The machine's load when the run starts and ends: figures from a shared machine are read with it.
const loadAtStart = loadavg();
const ROOT = join(import.meta.dirname, '..');
// The command as installed (package.json's bin), not the bin/waml.js shim, which adds an ES module load.
const BIN = join(ROOT, 'bin/waml.cjs');

interface Row {
  name: string;
  baseline: string;
  measured: string;
  ratio: string;
  target: string;
}
const rows: Row[] = [];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}
const ms = (x: number) => `${x < 10 ? x.toFixed(2) : x.toFixed(0)} ms`;

/** Times two functions alternately, `rounds` times each after a warm-up; medians in ms. */
function race(a: () => unknown, b: () => unknown, rounds: number): [number, number] {
  a();
  b();
  const ta: number[] = [];
  const tb: number[] = [];
  for (let r = 0; r < rounds; r++) {
    let t = performance.now();
    a();
    ta.push(performance.now() - t);
    t = performance.now();
    b();
    tb.push(performance.now() - t);
  }
  return [median(ta), median(tb)];
}

function add(name: string, baseline: number, measured: number, target: string, unit = ms): void {
  rows.push({ name, baseline: unit(baseline), measured: unit(measured), ratio: `${(measured / baseline).toFixed(2)}x`, target });
}

const work = mkdtempSync(join(tmpdir(), 'waml-bench-'));

// 1. Cold start: the whole process, `waml check one.wa.yaml` and `waml --version`, against
//    `node -e 0`. The first run (the warm-up) writes the CLI's code cache, as a user's would.
{
  const file = join(work, 'one.wa.yaml');
  writeFileSync(file, corpusFile(1).text);
  const runs = quick ? 3 : 30;
  const node = () => spawnSync(process.execPath, ['-e', '0']);
  const [base, check] = race(node, () => spawnSync(process.execPath, [BIN, 'check', file], { stdio: 'ignore' }), runs);
  add('cold start: waml check one file', base, check, '≤ 1.3x node -e 0');
  const [base2, version] = race(node, () => spawnSync(process.execPath, [BIN, '--version'], { stdio: 'ignore' }), runs);
  add('cold start: waml --version', base2, version, '≤ 1.1x node -e 0');
}

// 2. Throughput in one process: check and emit JSON for a corpus, against parsing it with yaml alone.
const size = quick ? 200 : 10_000;
const files = corpus(size);
{
  const data = { path: 'data.json', text: CORPUS_DATA };
  const [parse, build] = race(
    () => {
      for (const f of files) parseDocument(f.text);
    },
    () => {
      // As the CLI does: in batches, the data parsed once per batch.
      for (let i = 0; i < files.length; i += 250) compile(files.slice(i, i + 250), { data });
    },
    quick ? 1 : 5,
  );
  add(`throughput: compile() of ${size} files`, parse, build, '≤ 1.5x yaml parse');
}

// 2a. Message templates against interactive messages: compile() (with the data file, as the
//     CLI does, in batches) per KB of source text, for files of each alone.
{
  const n = quick ? 100 : 4_000;
  const data = { path: 'data.json', text: CORPUS_DATA };
  const interactive = corpus(n, 'interactive');
  const templates = corpus(n, 'templates');
  const kb = (fs: { text: string }[]) => fs.reduce((sum, f) => sum + Buffer.byteLength(f.text), 0) / 1024;
  const all = (fs: { path: string; text: string }[]) => () => {
    for (let i = 0; i < fs.length; i += 250) compile(fs.slice(i, i + 250), { data });
  };
  const [a, b] = race(all(interactive), all(templates), quick ? 1 : 5);
  const perKb = (x: number) => `${(x * 1000).toFixed(0)} µs/KB`;
  add(`compile() per KB: templates vs interactive, ${n} files each`, a / kb(interactive), b / kb(templates), '≤ 1.0x', perKb);
}

// 2a'. Languages against one language: compile() per text (each language's text counts
//      once) of files whose every text is written in three languages, against the same
//      files in their default language alone.
{
  const n = quick ? 100 : 3_000;
  const data = { path: 'data.json', text: CORPUS_DATA };
  const one = Array.from({ length: n }, (_, i) => languagesFile(i, true));
  const three = Array.from({ length: n }, (_, i) => languagesFile(i));
  const texts = (fs: { texts: number }[]) => fs.reduce((sum, f) => sum + f.texts, 0);
  const all = (fs: { path: string; text: string }[]) => () => {
    for (let i = 0; i < fs.length; i += 250) compile(fs.slice(i, i + 250), { data });
  };
  const [a, b] = race(all(one), all(three), quick ? 1 : 5);
  const perText = (x: number) => `${(x * 1000).toFixed(1)} µs/text`;
  add(`compile() per text: 3 languages vs 1, ${n} files each`, a / texts(one), b / texts(three), '≤ 1.0x', perText);
}

// 2b. The same through the CLI, as processes, against a process that only reads and parses
//     the files (bench/floor.mjs), then with one worker thread against two.
// The floor is bundled as the CLI is, with yaml as waml's bundles carry it (scripts/yaml-plugin.mjs:
// yaml's debug switches read as false), so that both parse with the same code.
const FLOOR = join(work, 'floor.cjs');
await build({ entryPoints: [join(ROOT, 'bench/floor.mjs')], outfile: FLOOR, bundle: true, platform: 'node', format: 'cjs', target: 'node20.10', logLevel: 'warning', plugins: [yamlPlugin] });
const dir = join(work, 'corpus');
{
  mkdirSync(dir, { recursive: true });
  for (const f of files) writeFileSync(join(dir, f.path.replace('corpus/', '')), f.text);
  writeFileSync(join(work, 'data.json'), CORPUS_DATA);
  const rounds = quick ? 1 : 3;
  const [floor, check] = race(
    () => spawnSync(process.execPath, [FLOOR, dir], { stdio: 'ignore' }),
    () => spawnSync(process.execPath, [BIN, 'check', dir, '--data', join(work, 'data.json'), '--format', 'json', '--jobs', '1'], { stdio: 'ignore' }),
    rounds,
  );
  add(`CLI check --format json --jobs 1, ${size} files`, floor, check, '≤ 1.3x read + parse');
  const [floorWrite, build] = race(
    () => spawnSync(process.execPath, [FLOOR, dir, '--write', join(work, 'floor-out')], { stdio: 'ignore' }),
    () => spawnSync(process.execPath, [BIN, 'build', dir, '--out', join(work, 'out-1'), '--data', join(work, 'data.json'), '--jobs', '1'], { stdio: 'ignore' }),
    rounds,
  );
  add(`CLI build --jobs 1, ${size} files`, floorWrite, build, 'reported (read + parse + write)');
  // Each run also reports the CPU time (user + sys, every thread) its process used: a figure
  // the machine's load moves much less than the wall-clock time.
  const cpu: Record<number, number[]> = { 1: [], 2: [] };
  const hook = 'data:text/javascript,process.on("exit",()=>{const r=process.resourceUsage();process.stderr.write("cpu:"+(r.userCPUTime+r.systemCPUTime)+"\\n")})';
  const cli = (jobs: 1 | 2) => () => {
    const r = spawnSync(process.execPath, ['--import', hook, BIN, 'build', dir, '--out', join(work, `out-${jobs}`), '--data', join(work, 'data.json'), '--jobs', String(jobs)], { encoding: 'utf8' });
    cpu[jobs].push(Number(/cpu:(\d+)/.exec(r.stderr)?.[1] ?? 0) / 1000);
  };
  // Baseline: two threads; measured: one. The ratio is the speed-up two threads give.
  const [two, one] = race(cli(2), cli(1), rounds);
  add(`CLI build --jobs 1 vs --jobs 2 (speed-up), ${size} files`, two, one, `≥ 1.4x on 2 cores (${availableParallelism()} here)`);
  // The CPU time two threads take against one (the warm-up runs left out): what the second
  // thread costs in work. One thread already uses part of a second core (V8's collector and
  // optimising compiler run beside it), so a speed-up needs this close to 1.
  add(`CPU time (user + sys): --jobs 2 vs --jobs 1, ${size} files`, median(cpu[1].slice(1)), median(cpu[2].slice(1)), 'reported');
}

// 2c. One file of many messages, through the CLI, against reading and parsing it alone.
{
  // Each piece is the messages part of a corpus file: two messages.
  const n = quick ? 250 : 10_000;
  const text = `messages:\n${Array.from({ length: n }, (_, i) => corpusFile(i % 3 === 0 ? i + 1 : i).text.split('\nmessages:\n')[1]!.replace(/^( {2}\w+?):/gm, `$1_m${i}:`)).join('')}`;
  const big = join(work, 'big.wa.yaml');
  writeFileSync(big, text);
  const [floor, check] = race(
    () => spawnSync(process.execPath, [FLOOR, big], { stdio: 'ignore' }),
    () => {
      const r = spawnSync(process.execPath, [BIN, 'check', big, '--format', 'json', '--max-file-size', String(64 * 1024 * 1024)], { encoding: 'utf8' });
      if (!r.stdout.includes('"errors": 0')) throw new Error(`the file of ${n} messages is not clean: ${r.stdout.slice(0, 400)}`);
    },
    quick ? 1 : 3,
  );
  add(`CLI check: one file of ${n * 2} messages`, floor, check, '≤ 1.5x read + parse');
}

// 3. Warm re-check of a 300-line file, as an editor does after a keystroke: whole, valid
//    messages (no params), so that the figure is a real re-check and not an error path.
{
  const lines: string[] = ['messages:'];
  for (let i = 1; ; i++) {
    if (i % 3 === 0) continue; // templated files need data
    const message = corpusFile(i).text.split('\nmessages:\n')[1]!.trimEnd().split('\n').map((l) => l.replace(/^( {2}\w+?):/, `$1_r${i}:`));
    if (lines.length + message.length > 300) break;
    lines.push(...message);
  }
  while (lines.length < 300) lines.push('# (padding to 300 lines)');
  const text = `${lines.join('\n')}\n`;
  const source = [{ path: 'big.wa.yaml', text }];
  const clean = compile(source);
  if (clean.diagnostics.length > 0 || clean.outputs.length === 0) throw new Error(`the 300-line file is not clean: ${clean.diagnostics[0]?.message}`);
  const n = quick ? 5 : 200;
  const [parse, check] = race(() => parseDocument(text), () => compile(source), n);
  add('warm re-check: one 300-line file', parse, check, 'median ≤ 5 ms');
}

// 4. Generated build() against a handwritten object literal and against whatsapp-api-js.
{
  const literal = () => ({
    messaging_product: 'whatsapp',
    recipient_type: 'individual',
    to: '12015550123',
    type: 'interactive',
    interactive: {
      type: 'button',
      header: { type: 'text', text: 'Need a hand? 👋' },
      body: { text: 'Hi! What can we help you with today?\nPick one of the options below.' },
      footer: { text: 'Replies within 5 minutes, 9:00–18:00' },
      action: {
        buttons: [
          { type: 'reply', reply: { id: 'track_order', title: 'Track my order' } },
          { type: 'reply', reply: { id: 'returns', title: 'Returns & refunds' } },
          { type: 'reply', reply: { id: 'talk_to_agent', title: 'Talk to a person' } },
        ],
      },
    },
  });
  const library = () => ({
    messaging_product: 'whatsapp',
    recipient_type: 'individual',
    to: '12015550123',
    type: 'interactive',
    interactive: new Interactive(
      new ActionButtons(new Button('track_order', 'Track my order'), new Button('returns', 'Returns & refunds'), new Button('talk_to_agent', 'Talk to a person')),
      new Body('Hi! What can we help you with today?\nPick one of the options below.'),
      new Header('Need a hand? 👋'),
      new Footer('Replies within 5 minutes, 9:00–18:00'),
    ),
  });
  if (JSON.stringify(helpMenu.build('12015550123')) !== JSON.stringify(literal())) throw new Error('the handwritten literal is not the same body');
  const calls = quick ? 2_000 : 200_000;
  const loop = (f: () => unknown) => () => {
    let keep: unknown;
    for (let i = 0; i < calls; i++) keep = f();
    return keep;
  };
  const [hand, generated] = race(loop(literal), loop(() => helpMenu.build('12015550123')), quick ? 3 : 15);
  // whatsapp-api-js's classes defer the wire shape to toJSON, so compare the bodies as sent.
  const [gen2, lib] = race(loop(() => JSON.stringify(helpMenu.build('12015550123'))), loop(() => JSON.stringify(library())), quick ? 3 : 15);
  if (JSON.stringify(library()).length !== JSON.stringify(literal()).length) throw new Error('whatsapp-api-js does not build the same body');
  const perCall = (x: number) => `${((x * 1000) / calls).toFixed(3)} µs`;
  add('build(): generated vs handwritten literal', hand, generated, '≤ 1.5x', perCall);
  add('build() as sent: whatsapp-api-js vs generated', gen2, lib, '≥ 5x (it slower)', perCall);
}

// 5. Memory: peak RSS of the CLI building corpora of growing size (the median of three builds each).
{
  // A peak moves with when V8 happens to collect (one build of the same 50,000 files peaked at
  // 174 MB and another at 201 MB): the median of three builds of each size.
  // (Two with --quick, so that the test of the bench runs this path too.)
  const rounds = quick ? 2 : 3;
  const peak = (n: number): number => {
    const dir = join(work, `mem-${n}`);
    mkdirSync(dir, { recursive: true });
    for (const f of corpus(n)) writeFileSync(join(dir, f.path.replace('corpus/', '')), f.text);
    const hook = 'data:text/javascript,process.on("exit",()=>process.stderr.write("maxrss:"+process.resourceUsage().maxRSS+"\\n"))';
    const peaks = Array.from({ length: rounds }, () => {
      const r = spawnSync(process.execPath, ['--import', hook, BIN, 'build', dir, '--out', join(work, `mem-out-${n}`), '--data', join(work, 'data.json'), '--jobs', '1'], { encoding: 'utf8' });
      // A build that failed (out of memory, say) has no peak worth reporting: the bench stops.
      if (r.status !== 0) throw new Error(`the build of ${n} files for peak RSS failed (exit ${r.status ?? r.signal}): ${r.stderr.slice(0, 400)}`);
      rmSync(join(work, `mem-out-${n}`), { recursive: true, force: true });
      return Number(/maxrss:(\d+)/.exec(r.stderr)?.[1] ?? 0) / 1024;
    });
    rmSync(dir, { recursive: true, force: true });
    return median(peaks);
  };
  const small = quick ? 50 : 10_000;
  const large = quick ? 250 : 50_000;
  const a = peak(small);
  const b = peak(large);
  const mb = (x: number) => `${x.toFixed(0)} MB`;
  add(`peak RSS: build ${small} files vs ${large}`, a, b, '≤ 1.2x, < 200 MB', mb);
}

// The language server on a 300-line file, over stdio (diagnostics debounce 0: the server's own work).
for (const r of await benchLsp(quick ? 3 : 100)) add(r.name, r.baseline, r.measured, r.target, r.count ? String : ms);

// 6. A hostile pattern value of 10,000 characters, `^(a+)+$` (exponential for a backtracking
// engine), matched by the linear automaton: as a sender's param check refuses it, and as
// `waml build --data` does. The baseline is JavaScript's own RegExp on the harmless `^[a!]+$`.
{
  const value = `${'a'.repeat(10_000)}!`;
  const hostile = pattern('^(a+)+$');
  const plain = /^[a!]+$/u;
  const rounds = quick ? 3 : 25;
  const [base, matched] = race(() => plain.test(value), () => hostile.test(value), rounds);
  add('pattern ^(a+)+$, 10,000 chars: automaton vs RegExp ^[a!]+$', base, matched, '< 50 ms');
  const text = `params:\n  code: { type: string, pattern: "^(a+)+$" }\nmessages:\n  m: { type: location_request_message, body: "{{ code }}" }\n`;
  const data = { path: 'data.json', text: JSON.stringify({ code: value }) };
  const specs = { code: { type: 'string' as const, pattern: '^(a+)+$' } };
  const [sender, cli] = race(() => checkParams(specs, { code: value }), () => compile([{ path: 'p.wa.yaml', text }], { data }), rounds);
  add('the same refused: sender param check vs compile --data', sender, cli, '< 50 ms each');
}

// Template parsing (from the templates benchmark), per string.
{
  const strings = quick ? 200 : 20_000;
  const perString = (x: number) => `${((x * 1000) / strings).toFixed(2)} µs`;
  for (const r of benchTemplates(strings, quick ? 3 : 15)) add(r.name, r.baseline, r.measured, 'reported', perString);
}

rmSync(work, { recursive: true, force: true });

const widths = [64, 12, 12, 8, 30];
const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join(' ').trimEnd();
console.log(line(['benchmark', 'baseline', 'measured', 'ratio', 'target']));
for (const r of rows) console.log(line([r.name, r.baseline, r.measured, r.ratio, r.target]));
console.log(`\n${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');
console.log(`load average (1, 5, 15 min): ${load(loadAtStart)} at the start, ${load(loadavg())} at the end`);
