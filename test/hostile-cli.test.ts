// Hostile surroundings of the second hardening pass, through the real command: devices and
// FIFOs as inputs, an output folder that is a file or cannot be written, a bad port. Each is
// one plain line (or a positioned diagnostic) with the documented exit status, never "a bug".
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin/waml.js');
const FAIL_WRITES = join(import.meta.dirname, 'fixtures/env/fail-writes.mjs');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real command in `cwd`; a run that outlives `timeout` ms is killed and fails the test (status null). */
function waml(args: string[], cwd: string, options: { env?: Record<string, string>; preload?: string; timeout?: number } = {}): Run {
  const node = options.preload ? ['--import', options.preload] : [];
  const r = spawnSync(process.execPath, [...node, BIN, ...args], { cwd, encoding: 'utf8', timeout: options.timeout ?? 60_000, env: { PATH: process.env['PATH'] ?? '', ...options.env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const LOCATION = 'messages:\n  m:\n    type: location_request_message\n    body: Hi\n';

function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'waml-hostile-'));
  mkdirSync(join(dir, 'src'));
  writeFileSync(join(dir, 'src/a.wa.yaml'), LOCATION);
  return dir;
}

/** One line on stderr, starting `waml: `, and no word of a bug. */
function oneLine(r: Run, pattern: RegExp): void {
  assert.ok(!/bug|internal error|\n\s+at /i.test(r.stderr), r.stderr);
  assert.match(r.stderr, /^waml: [^\n]+\n/);
  assert.match(r.stderr, pattern);
}

const fifo = (path: string): boolean => spawnSync('mkfifo', [path]).status === 0;

test('/dev/zero and /dev/urandom as a source: WA902 at 1:1, nothing read, exit 1', () => {
  const dir = project();
  for (const device of ['/dev/zero', '/dev/urandom']) {
    const r = waml(['check', device, '--format', 'gcc'], dir, { timeout: 20_000 });
    assert.is(r.status, 1, r.stderr);
    assert.match(r.stdout, /:1:1: error: \S+ was not compiled: it is a character device, not a file \[WA902\]/);
  }
  rmSync(dir, { recursive: true });
});

test('a FIFO as a source or as --data is refused without waiting for a writer', () => {
  const dir = project();
  if (!fifo(join(dir, 'pipe'))) return; // no mkfifo here (Windows)
  const source = waml(['check', 'pipe', '--format', 'gcc'], dir, { timeout: 20_000 });
  assert.is(source.status, 1, source.stderr);
  assert.match(source.stdout, /^pipe:1:1: error: pipe was not compiled: it is a FIFO \(named pipe\), not a file \[WA902\]$/m);
  const data = waml(['check', 'src', '--data', 'pipe'], dir, { timeout: 20_000 });
  assert.is(data.status, 2);
  oneLine(data, /^waml: the data file pipe cannot be used: it is a FIFO \(named pipe\), not a file\n$/);
  rmSync(dir, { recursive: true });
});

test('/dev/zero as --data, as a body to import and as a preview source: one line each, never a hang', () => {
  const dir = project();
  const data = waml(['build', 'src', '--out', 'out', '--data', '/dev/zero'], dir, { timeout: 20_000 });
  assert.is(data.status, 2);
  oneLine(data, /^waml: the data file \/dev\/zero cannot be used: it is a character device, not a file\n$/);
  const imported = waml(['import', '/dev/urandom'], dir, { timeout: 20_000 });
  assert.is(imported.status, 2);
  oneLine(imported, /^waml: \/dev\/urandom cannot be imported: it is a character device, not a file\n$/);
  const preview = waml(['preview', 'src', '--data', '/dev/zero', '--out', 'p.html'], dir, { timeout: 20_000 });
  assert.is(preview.status, 2);
  oneLine(preview, /^waml: the data file \/dev\/zero cannot be used: it is a character device, not a file\n$/);
  rmSync(dir, { recursive: true });
});

test('a source larger than the limit is not read past the limit, whatever stat says', () => {
  const dir = project();
  writeFileSync(join(dir, 'src/big.wa.yaml'), `${LOCATION}# ${'x'.repeat(5000)}\n`);
  const r = waml(['check', 'src', '--max-file-size', '1000', '--format', 'gcc'], dir);
  assert.is(r.status, 1);
  assert.match(r.stdout, /^src\/big\.wa\.yaml:1:1: error: src\/big\.wa\.yaml was not read: it is \d+ bytes; the limit is 1000 \[WA903\]$/m);
  rmSync(dir, { recursive: true });
});

test('--out that is a file: one line, exit 2, the file untouched', () => {
  const dir = project();
  writeFileSync(join(dir, 'out'), 'mine');
  const r = waml(['build', 'src', '--out', 'out'], dir);
  assert.is(r.status, 2);
  oneLine(r, /^waml: --out out is a file, not a folder\n$/);
  assert.is(readFileSync(join(dir, 'out'), 'utf8'), 'mine');
  rmSync(dir, { recursive: true });
});

test('a write the system refuses in a worker thread is the same one plain line, exit 2', () => {
  // More files than one batch holds, so that --jobs 2 writes in the main thread and a worker thread.
  const dir = project();
  for (let i = 0; i < 300; i++) writeFileSync(join(dir, `src/f${String(i).padStart(3, '0')}.wa.yaml`), LOCATION);
  writeFileSync(join(dir, 'out'), 'mine');
  for (const jobs of ['1', '2']) {
    const r = waml(['build', 'src', '--out', 'out/sub', '--jobs', jobs], dir);
    assert.is(r.status, 2, r.stderr);
    oneLine(r, /^waml: cannot write out\/sub\/[a-z0-9]+\.m\.json: a part of the path is a file, not a folder \(ENOTDIR\)\n$/);
  }
  assert.is(readFileSync(join(dir, 'out'), 'utf8'), 'mine');
  rmSync(dir, { recursive: true });
});

test('a full disk and a read-only folder: one line naming the file and the cause, exit 2', () => {
  const dir = project();
  for (const [code, words] of [['ENOSPC', 'no space left on the device'], ['EROFS', 'the file system is read-only'], ['EACCES', 'permission denied']] as const) {
    const r = waml(['build', 'src', '--out', 'out'], dir, { preload: FAIL_WRITES, env: { WAML_FAIL_WRITES: code } });
    assert.is(r.status, 2, r.stderr);
    oneLine(r, new RegExp(`^waml: cannot write out/a\\.m\\.json: ${words} \\(${code}\\)\\n$`));
    writeFileSync(join(dir, 'body.json'), JSON.stringify({ messaging_product: 'whatsapp', recipient_type: 'individual', type: 'interactive', interactive: { type: 'location_request_message', body: { text: 'Hi' }, action: { name: 'send_location' } } }));
    const imported = waml(['import', 'body.json', '--out', 'x/imported.wa.yaml'], dir, { preload: FAIL_WRITES, env: { WAML_FAIL_WRITES: code } });
    assert.is(imported.status, 2, imported.stderr);
    oneLine(imported, new RegExp(`^waml: cannot write x/imported\\.wa\\.yaml: ${words} \\(${code}\\)\\n$`));
  }
  assert.equal(existsSync(join(dir, 'out')) ? readdirSync(join(dir, 'out')) : [], [], 'no temporary file is left behind');
  rmSync(dir, { recursive: true });
});

test('a folder named like a stale temporary file inside --out is left alone, and later builds work', () => {
  const dir = project();
  mkdirSync(join(dir, 'out/.a.m.json.waml-999999999-abc123.tmp'), { recursive: true });
  mkdirSync(join(dir, 'out/.waml-999999999-abc12345.tmp'), { recursive: true });
  for (let i = 0; i < 2; i++) {
    const r = waml(['build', 'src', '--out', 'out'], dir);
    assert.is(r.status, 0, r.stderr);
  }
  assert.equal(readdirSync(join(dir, 'out')).sort(), ['.a.m.json.waml-999999999-abc123.tmp', '.waml-999999999-abc12345.tmp', 'a.m.json']);
  rmSync(dir, { recursive: true });
});

test('an output path taken by a folder: one line naming it, exit 2', () => {
  const dir = project();
  mkdirSync(join(dir, 'out/a.m.json/inside'), { recursive: true });
  const r = waml(['build', 'src', '--out', 'out'], dir);
  assert.is(r.status, 2);
  oneLine(r, /^waml: cannot write out\/a\.m\.json: (it is a folder \(EISDIR\)|a folder of that name is in the way \(ENOTEMPTY\)|something else already has that name \(EEXIST\))\n$/);
  rmSync(dir, { recursive: true });
});

test('--port out of range is bad usage; a port in use is one line; both exit 2', async () => {
  const dir = project();
  for (const port of ['99999', '65536', '-1', '1e3']) {
    const r = waml(['preview', 'src', '--serve', '--port', port], dir, { timeout: 20_000 });
    assert.is(r.status, 2, `${port}: ${r.stderr}`);
    oneLine(r, /^waml: `--port` takes a port number, 0 to 65535 \(0: any free port\); not `\S+`\n/);
  }
  const busy = createServer();
  await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
  const port = (busy.address() as { port: number }).port;
  const child = spawn(process.execPath, [BIN, 'preview', 'src', '--serve', '--port', String(port)], { cwd: dir, env: { PATH: process.env['PATH'] ?? '' } });
  let stderr = '';
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
  const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  const status = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearTimeout(killer);
  busy.close();
  assert.is(status, 2, stderr);
  oneLine({ status, stdout: '', stderr }, new RegExp(`^waml: cannot serve on 127\\.0\\.0\\.1:${port}: the port is in use \\(EADDRINUSE\\)\\n$`));
  rmSync(dir, { recursive: true });
});

test('a reader that closes the pipe early ends the run quietly', () => {
  const dir = project();
  const many = Array.from({ length: 3000 }, (_, i) => `      - { id: a, title: t${i} }\n`).join('');
  writeFileSync(join(dir, 'src/dup.wa.yaml'), `messages:\n  m:\n    type: button\n    body: Hi\n    buttons:\n${many}`);
  const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" check src | head -c 10`], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
  assert.is(r.status, 0);
  assert.ok(!/EPIPE|bug|internal error/.test(r.stderr), r.stderr);
  rmSync(dir, { recursive: true });
});

test('a message name as long as a file name can be builds; one character more is WA904 at check time', () => {
  const dir = project();
  const named = (name: string) => `messages:\n  ${name}:\n    type: location_request_message\n    body: Hi\n`;
  writeFileSync(join(dir, 'src/a.wa.yaml'), named('m'.repeat(248))); // a.<248>.json: 255 bytes
  const built = waml(['build', 'src', '--out', 'out'], dir);
  assert.is(built.status, 0, built.stdout + built.stderr);
  assert.ok(existsSync(join(dir, 'out', `a.${'m'.repeat(248)}.json`)));
  writeFileSync(join(dir, 'src/a.wa.yaml'), named('m'.repeat(249)));
  const checked = waml(['check', 'src', '--format', 'gcc'], dir);
  assert.is(checked.status, 1);
  assert.match(checked.stdout, /^src\/a\.wa\.yaml:2:3: error: message `m{40}…` would be written to a file whose name is 256 bytes; file systems allow 255 \[WA904\]$/m);
  rmSync(dir, { recursive: true });
});

test('`help` and `Help`: WA905 at check time, and build writes neither', () => {
  const dir = project();
  writeFileSync(join(dir, 'src/a.wa.yaml'), 'messages:\n  help:\n    type: location_request_message\n    body: Hi\n  Help:\n    type: location_request_message\n    body: Ho\n');
  const r = waml(['build', 'src', '--out', 'out', '--format', 'gcc'], dir);
  assert.is(r.status, 1);
  assert.match(r.stdout, /^src\/a\.wa\.yaml:5:3: error: messages `help` and `Help` differ only in case: a\.help\.json and a\.Help\.json are one file on macOS and Windows \[WA905\]$/m);
  assert.equal(existsSync(join(dir, 'out')) ? readdirSync(join(dir, 'out')) : [], []);
  rmSync(dir, { recursive: true });
});

test.run();
