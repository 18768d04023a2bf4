import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import validate from '../compiler/schema/generated/validate.cjs';
import schema from '../compiler/schema/waml.schema.json' with { type: 'json' };
import { conforms, type Schema } from '../compiler/schema/conforms.js';
import { load } from '../compiler/load/load.js';
import { toPlain } from '../compiler/load/tree.js';
import { Reporter } from '../compiler/diagnostics/diagnostic.js';
import { mutate, rng, seeds } from './fuzz.js';
import { growth, operations } from './operations.js';

const ROOT = join(import.meta.dirname, '..');

function plain(text: string): unknown {
  const { root } = load(text, new Reporter('f.wa.yaml'));
  return root ? toPlain(root) : undefined;
}

// The quick structural pass may only clear what the schema validator would clear: it is
// what lets the validator stay unloaded. Every seed, and thousands of mutations of them.
test('the quick structural pass clears a file only when the schema validator does', () => {
  const next = rng(19);
  let cleared = 0;
  let refused = 0;
  for (const seed of seeds()) {
    let text = seed.text;
    for (let i = 0; i < 150; i++) {
      const value = plain(text);
      if (value !== undefined) {
        const quick = conforms(schema as Schema, value);
        const real = validate(value);
        if (quick) assert.ok(real, `cleared by the quick pass, refused by the validator:\n${text}`);
        if (quick) cleared++;
        else if (!real) refused++;
      }
      text = i % 10 === 9 ? seed.text : mutate(text, next);
    }
  }
  assert.ok(cleared > 100, `the quick pass clears valid files (${cleared})`);
  assert.ok(refused > 100, `and the mutations do reach invalid ones (${refused})`);
});

test('every example passes the quick structural pass, so a check of it never builds the validator', () => {
  const dir = join(ROOT, 'examples');
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.wa.yaml'))) {
    assert.ok(conforms(schema as Schema, plain(readFileSync(join(dir, name), 'utf8'))), name);
  }
});

test('the quick pass gives up, rather than guess, on a keyword it does not know and on endless nesting', () => {
  assert.is(conforms({ type: 'string', minLength: 2 }, 'abc'), false);
  const cyclic: Record<string, unknown> = {};
  cyclic['a'] = cyclic;
  assert.is(conforms({ $ref: '#', type: 'object', additionalProperties: { $ref: '#' } }, cyclic), false);
  assert.is(conforms({ type: 'number' }, Infinity), false);
  assert.is(conforms({ type: 'object', required: ['a'], properties: { a: { enum: [1, 'x'] } } }, { a: 'x' }), true);
});

test('building one file of many messages (read, compile, a JSON file written per message) grows linearly (counted, not timed)', () => {
  const sizes = [1_000, 4_000];
  const work = growth(sizes, operations('buildManyMessages', sizes));
  assert.ok(work < 1.3, `4x the messages cost ${(work * 4).toFixed(2)}x the work`);
});

// The language text index (translations and the language server read it) is found when read,
// not on every compile: compiling alone does less work than compiling and reading it.
test('the language text index is built only when read (counted, not timed)', () => {
  const [unread] = operations('translatedUnread', [200]);
  const [read] = operations('translatedRead', [200]);
  assert.ok(read! > unread! * 1.05, `reading the index added ${read! - unread!} operations to ${unread}`);
});

// The CLI's code cache (bin/waml.cjs): written after the first run, used by the next, never
// in the way. Each case runs a copy of the built package in a folder of its own.
function packageCopy(): { dir: string; bin: string; bundle: string; tmp: string } {
  const dir = mkdtempSync(join(tmpdir(), 'waml-cache-'));
  mkdirSync(join(dir, 'bin'));
  copyFileSync(join(ROOT, 'bin/waml.cjs'), join(dir, 'bin/waml.cjs'));
  copyFileSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
  cpSync(join(ROOT, 'dist/cli'), join(dir, 'dist/cli'), { recursive: true, filter: (p) => !p.endsWith('.cache') });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  writeFileSync(join(dir, 'm.wa.yaml'), 'messages:\n  m:\n    type: location_request_message\n    body: Where are you?\n');
  const tmp = join(dir, 'tmp');
  mkdirSync(tmp);
  return { dir, bin: join(dir, 'bin/waml.cjs'), bundle: join(dir, 'dist/cli/waml.cjs'), tmp };
}

/** A check with the package copy, run without Node options unless given some (NODE_OPTIONS). */
function check(p: { dir: string; bin: string; tmp: string }, nodeOptions?: string): { status: number | null; stdout: string; stderr: string } {
  const env: NodeJS.ProcessEnv = { ...process.env, TMPDIR: p.tmp };
  delete env.NODE_OPTIONS;
  if (nodeOptions !== undefined) env.NODE_OPTIONS = nodeOptions;
  return spawnSync(process.execPath, [p.bin, 'check', 'm.wa.yaml'], { cwd: p.dir, encoding: 'utf8', env, timeout: 60_000 });
}

test('the code cache is written beside the bundle after the first run and used by the next', () => {
  const p = packageCopy();
  try {
    assert.is(existsSync(`${p.bundle}.cache`), false);
    const first = check(p);
    assert.is(first.status, 0, first.stderr);
    assert.is(first.stdout, 'no problems in 1 file\n');
    const cache = readFileSync(`${p.bundle}.cache`);
    assert.ok(cache.toString('latin1').startsWith(`waml code cache 2 ${process.version} ${process.arch} ${statSync(p.bundle).size} `));
    const written = statSync(`${p.bundle}.cache`).mtimeMs;
    const second = check(p);
    assert.is(second.status, 0, second.stderr);
    assert.is(second.stdout, first.stdout);
    // Used, not rewritten.
    assert.is(statSync(`${p.bundle}.cache`).mtimeMs, written);
    assert.equal(readdirSync(join(p.dir, 'dist/cli')).filter((n) => n.endsWith('.tmp')), []);
  } finally {
    rmSync(p.dir, { recursive: true, force: true });
  }
});

test('only a run that compiled files writes the code cache: a usage error or `waml schema` first does not pin a cache without the compiler', () => {
  const p = packageCopy();
  try {
    for (const argv of [['nonsense'], ['schema'], ['check', '--format', 'nonsense', 'm.wa.yaml']]) {
      spawnSync(process.execPath, [p.bin, ...argv], { cwd: p.dir, encoding: 'utf8', env: { ...process.env, TMPDIR: p.tmp } });
      assert.is(existsSync(`${p.bundle}.cache`), false, argv.join(' '));
    }
    assert.equal(readdirSync(p.tmp), []);
    const r = check(p);
    assert.is(r.status, 0, r.stderr);
    assert.ok(existsSync(`${p.bundle}.cache`));
  } finally {
    rmSync(p.dir, { recursive: true, force: true });
  }
});

test('a stale or broken cache is not used: the run is right, and the cache is made again', () => {
  const p = packageCopy();
  try {
    assert.is(check(p).status, 0);
    // The bundle changes (a rebuild): the old cache's stamp no longer matches.
    utimesSync(p.bundle, new Date(), new Date(Date.now() + 5_000));
    let r = check(p);
    assert.is(r.status, 0, r.stderr);
    assert.ok(readFileSync(`${p.bundle}.cache`, 'latin1').includes(` ${statSync(p.bundle).mtimeMs} `));
    // Garbage after a right stamp: V8 refuses it, waml runs without it.
    const stamp = readFileSync(`${p.bundle}.cache`, 'latin1').split('\n')[0]!;
    writeFileSync(`${p.bundle}.cache`, `${stamp}\n${'x'.repeat(5000)}`);
    r = check(p);
    assert.is(r.status, 0, r.stderr);
    assert.is(r.stdout, 'no problems in 1 file\n');
    assert.is(r.stderr, '');
    assert.ok(readFileSync(`${p.bundle}.cache`).length > 10_000, 'made again');
  } finally {
    rmSync(p.dir, { recursive: true, force: true });
  }
});

test('a damaged cache whose stamp is right is refused (V8 checks its checksum), not run: the run is right, and the cache is made again', () => {
  const p = packageCopy();
  try {
    assert.is(check(p).status, 0);
    // 4 KB zeroed in the body: V8 without a checksum would deserialise it and crash.
    const bytes = readFileSync(`${p.bundle}.cache`);
    const body = bytes.indexOf(10) + 1;
    bytes.fill(0, body + 2000, body + 6096);
    writeFileSync(`${p.bundle}.cache`, bytes);
    const r = check(p);
    assert.is(r.status, 0, r.stderr.slice(0, 300));
    assert.is(r.stdout, 'no problems in 1 file\n');
    assert.is(r.stderr, '');
    const again = readFileSync(`${p.bundle}.cache`);
    assert.is(again.equals(bytes), false, 'made again');
    assert.ok(again.subarray(body + 2000, body + 6096).some((b) => b !== 0));
    // The new cache is used by the next run, not made again.
    const written = statSync(`${p.bundle}.cache`).mtimeMs;
    assert.is(check(p).stdout, 'no problems in 1 file\n');
    assert.is(statSync(`${p.bundle}.cache`).mtimeMs, written);
  } finally {
    rmSync(p.dir, { recursive: true, force: true });
  }
});

// V8 keeps a code cache per set of its flags; Node's options can change them. A run with
// NODE_OPTIONS (as CI and editors set) and one without each keep a cache of their own.
test('runs with and without Node options, alternating, each keep their own code cache: neither refuses and rewrites the other\'s', () => {
  const p = packageCopy();
  try {
    const options = '--max-old-space-size=300';
    assert.is(check(p).status, 0);
    assert.is(check(p, options).status, 0);
    const plain = statSync(`${p.bundle}.cache`).mtimeMs;
    const withOptions = statSync(`${p.bundle}.flags.cache`).mtimeMs;
    assert.ok(readFileSync(`${p.bundle}.flags.cache`, 'latin1').split('\n')[0]!.endsWith(JSON.stringify(options)));
    for (let i = 0; i < 2; i++) {
      for (const o of [undefined, options]) {
        const r = check(p, o);
        assert.is(r.stdout, 'no problems in 1 file\n', r.stderr);
      }
    }
    assert.is(statSync(`${p.bundle}.cache`).mtimeMs, plain);
    assert.is(statSync(`${p.bundle}.flags.cache`).mtimeMs, withOptions);
  } finally {
    rmSync(p.dir, { recursive: true, force: true });
  }
});

// A device standing where the cache goes (here /dev/zero, endless) is not read: the run goes on
// without a cache instead of reading forever.
test('a cache that is not a regular file is not read: the run is right and ends', () => {
  const p = packageCopy();
  try {
    symlinkSync('/dev/zero', `${p.bundle}.cache`);
    const r = check(p);
    assert.is(r.status, 0, r.stderr);
    assert.is(r.stdout, 'no problems in 1 file\n');
  } finally {
    rmSync(p.dir, { recursive: true, force: true });
  }
});

test('a new bundle with the same size and modification time (as npm extracts it) does not run the old cache: the cache names the bundle\'s content', () => {
  const p = packageCopy();
  // npm gives every file it extracts this time (1985-10-26).
  const npmTime = 499162500;
  try {
    utimesSync(p.bundle, npmTime, npmTime);
    assert.is(check(p).stdout, 'no problems in 1 file\n');
    const old = readFileSync(`${p.bundle}.cache`, 'latin1').split('\n')[0]!;
    // The next version: a message changed, the length the same, its first line written as the build writes it.
    const source = readFileSync(p.bundle, 'utf8');
    assert.ok(source.startsWith('//waml-bundle '));
    const body = source.slice(source.indexOf('\n') + 1).replace('`no problems in ', '`NO PROBLEMS IN ');
    writeFileSync(p.bundle, `//waml-bundle ${createHash('sha256').update(body).digest('hex')}\n${body}`);
    utimesSync(p.bundle, npmTime, npmTime);
    assert.is(statSync(p.bundle).size, source.length);
    const r = check(p);
    assert.is(r.status, 0, r.stderr);
    assert.is(r.stdout, 'NO PROBLEMS IN 1 file\n');
    const stamp = readFileSync(`${p.bundle}.cache`, 'latin1').split('\n')[0]!;
    assert.is.not(stamp, old, 'made again, for the new bundle');
    assert.is(check(p).stdout, 'NO PROBLEMS IN 1 file\n');
  } finally {
    rmSync(p.dir, { recursive: true, force: true });
  }
});

test('the template grammar and the schema validator are chunks of their own, loaded (each with a code cache of its own) only by a run that needs them', () => {
  const p = packageCopy();
  const chunkCache = (name: string) => join(p.dir, 'dist/cli', `${name}.cache`);
  const run = (file: string, bin = p.bin) => spawnSync(process.execPath, [bin, 'check', file], { cwd: p.dir, encoding: 'utf8', env: { ...process.env, TMPDIR: p.tmp } });
  try {
    writeFileSync(join(p.dir, 't.wa.yaml'), 'params:\n  name: { type: string, maxLength: 20 }\nmessages:\n  m:\n    type: location_request_message\n    body: "Hi {{ name }}, where are you?"\n');
    writeFileSync(join(p.dir, 'bad.wa.yaml'), 'messages:\n  m:\n    type: location_request_message\n    body: Where are you?\n    colour: red\n');
    // A plain file: neither is loaded.
    let r = check(p);
    assert.is(r.status, 0, r.stderr);
    assert.ok(existsSync(`${p.bundle}.cache`));
    assert.is(existsSync(chunkCache('grammar.cjs')), false);
    assert.is(existsSync(chunkCache('validate.cjs')), false);
    // A placeholder needs the grammar; it is loaded and its cache written.
    r = run('t.wa.yaml');
    assert.is(r.status, 0, r.stderr);
    assert.is(r.stdout, 'no problems in 1 file\n');
    assert.ok(readFileSync(chunkCache('grammar.cjs'), 'latin1').startsWith(`waml code cache 2 ${process.version} ${process.arch} ${statSync(join(p.dir, 'dist/cli/grammar.cjs')).size} `));
    assert.is(existsSync(chunkCache('validate.cjs')), false);
    // A file the quick pass cannot clear needs the validator, for the errors in words.
    r = run('bad.wa.yaml');
    assert.is(r.status, 1);
    assert.match(r.stdout, /error\[WA\d+\]/);
    assert.match(r.stdout, /colour/);
    assert.ok(readFileSync(chunkCache('validate.cjs'), 'latin1').startsWith('waml code cache 2 '));
    // The bundle run without the loader finds its chunks with require().
    r = run('t.wa.yaml', p.bundle);
    assert.is(r.status, 0, r.stderr);
    r = run('bad.wa.yaml', p.bundle);
    assert.is(r.status, 1);
    assert.match(r.stdout, /colour/);
  } finally {
    rmSync(p.dir, { recursive: true, force: true });
  }
});

test('a read-only install keeps its cache in a folder of the user\'s own under the temporary folder; with nowhere to write, waml runs without one', () => {
  const p = packageCopy();
  try {
    // The bundle's folder cannot take the cache: read-only, and (for root, who writes through
    // modes) a folder standing where the cache would go.
    mkdirSync(`${p.bundle}.cache`);
    chmodSync(join(p.dir, 'dist/cli'), 0o555);
    let r = check(p);
    assert.is(r.status, 0, r.stderr);
    assert.is(r.stderr, '');
    const shared = readdirSync(p.tmp).filter((n) => n.startsWith('waml-code-cache'));
    assert.is(shared.length, 1);
    const folder = join(p.tmp, shared[0]!);
    assert.is(statSync(folder).mode & 0o777, 0o700);
    const files = readdirSync(folder);
    assert.is(files.length, 1);
    assert.ok(readFileSync(join(folder, files[0]!), 'latin1').startsWith('waml code cache 2 '));
    const written = statSync(join(folder, files[0]!)).mtimeMs;
    assert.is(check(p).status, 0);
    assert.is(statSync(join(folder, files[0]!)).mtimeMs, written, 'read there, not made again');
    // Nowhere to write at all: the temporary folder is a file.
    rmSync(folder, { recursive: true });
    writeFileSync(folder, 'not a folder');
    r = check(p);
    assert.is(r.status, 0, r.stderr);
    assert.is(r.stdout, 'no problems in 1 file\n');
    assert.is(r.stderr, '');
    // A folder someone else could write is not trusted.
    rmSync(folder);
    mkdirSync(folder, { mode: 0o777 });
    chmodSync(folder, 0o777);
    r = check(p);
    assert.is(r.status, 0, r.stderr);
    assert.equal(readdirSync(folder), []);
  } finally {
    chmodSync(join(p.dir, 'dist/cli'), 0o755);
    rmSync(p.dir, { recursive: true, force: true });
  }
});

test('--version and --help are answered without the bundle; a missing bundle is one plain line', () => {
  const p = packageCopy();
  try {
    rmSync(p.bundle);
    const version = spawnSync(process.execPath, [p.bin, '--version'], { encoding: 'utf8' });
    assert.is(version.stdout, `${JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version}\n`);
    const help = spawnSync(process.execPath, [p.bin, '--help'], { encoding: 'utf8' });
    assert.match(help.stdout, /^waml: compile WhatsApp interactive messages/);
    const r = check(p);
    assert.is(r.status, 2);
    assert.is(r.stderr, 'waml: the command is not built yet; run `npm run build` in the waml package\n');
  } finally {
    rmSync(p.dir, { recursive: true, force: true });
  }
});

// yaml reads two debug switches of its own, LOG_TOKENS once per token and LOG_STREAM once per
// node, from process.env (a call into Node's environment store each time): waml's bundles carry
// yaml with both read as false (scripts/yaml-plugin.mjs). A user's LOG_TOKENS must not print
// tokens into waml's output either.
test('no bundle reads yaml\'s debug switches: LOG_TOKENS and LOG_STREAM in the environment change nothing', () => {
  const bundles = ['index.js', 'index.cjs', 'cli/waml.cjs', 'cli/lsp.cjs'].map((name) => readFileSync(join(ROOT, 'dist', name), 'utf8'));
  for (const text of bundles) {
    assert.ok(text.includes('Not a YAML token'), 'the bundle carries yaml\'s parser');
    assert.not.match(text, /env\.LOG_(TOKENS|STREAM)/);
  }
  const args = [join(ROOT, 'bin/waml.cjs'), 'check', join(ROOT, 'examples'), '--data', join(ROOT, 'examples/data.json'), '--format', 'json'];
  const plain = spawnSync(process.execPath, args, { encoding: 'utf8' });
  const logged = spawnSync(process.execPath, args, { encoding: 'utf8', env: { ...process.env, LOG_TOKENS: '1', LOG_STREAM: '1' } });
  assert.is(plain.status, 0);
  assert.ok(plain.stdout.includes('"errors": 0'));
  assert.is(logged.stdout, plain.stdout);
  assert.is(logged.stderr, plain.stderr);
});

// A batch build collects each thread's heap in full every COLLECT_EVERY batches
// (compiler/cli/collect.ts), where V8 gives it `gc`: the command turns that on
// (bin/waml.cjs sets --expose-gc after start-up), the API and these tests leave it off.
test('the collector runs a full collection once V8 exposes gc, even when turned on after start-up, and does nothing where it does not', () => {
  const script = [
    `import { collector } from ${JSON.stringify(join(ROOT, 'compiler/cli/collect.ts'))};`,
    "import { PerformanceObserver, constants } from 'node:perf_hooks';",
    'if (process.argv.includes("late")) (await import("node:v8")).setFlagsFromString("--expose-gc");',
    'const kinds = [];',
    'const observer = new PerformanceObserver((list) => { for (const e of list.getEntries()) kinds.push(e.detail.kind); });',
    "observer.observe({ entryTypes: ['gc'] });",
    'const collect = collector();',
    'collect(); collect(); collect();',
    'setTimeout(() => { observer.disconnect(); console.log(kinds.filter((k) => k === constants.NODE_PERFORMANCE_GC_MAJOR).length); }, 50);',
  ].join('\n');
  const dir = mkdtempSync(join(tmpdir(), 'waml-collect-'));
  const file = join(dir, 'collect.mts');
  writeFileSync(file, script);
  const majors = (flags: string[], ...args: string[]): number => {
    const r = spawnSync(process.execPath, [...flags, '--import', 'tsx', file, ...args], { encoding: 'utf8', cwd: ROOT });
    assert.is(r.status, 0, r.stderr);
    return Number(r.stdout.trim());
  };
  try {
    assert.is(majors([]), 0);
    assert.is(majors(['--expose-gc']), 3);
    assert.is(majors([], 'late'), 3);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  assert.match(readFileSync(join(ROOT, 'bin/waml.cjs'), 'utf8'), /setFlagsFromString\('[^']*--expose-gc/);
});

test.run();
