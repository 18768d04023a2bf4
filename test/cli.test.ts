import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { FLAGS } from '../compiler/cli/args.js';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin/waml.js');
const MISTAKES = join(import.meta.dirname, 'fixtures/mistakes');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real command, as a user would, in `cwd`. */
function waml(args: string[], cwd = ROOT, env: Record<string, string> = {}): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '', ...env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'waml-cli-'));
}

const LOCATION = (body: string) => `messages:\n  m:\n    type: location_request_message\n    body: ${body}\n`;

test('check: a file with five different mistakes lists all five, with positions (gcc)', () => {
  const r = waml(['check', 'five-mistakes.wa.yaml', '--format', 'gcc'], MISTAKES);
  assert.is(r.status, 1);
  const lines = r.stdout.trim().split('\n').filter((l) => !l.includes(': note: '));
  assert.equal(
    lines.map((l) => /^([^:]+):(\d+):(\d+): (\w+): .* \[(WA\d+)\]$/.exec(l)!.slice(1).join(' ')),
    [
      'five-mistakes.wa.yaml 6 5 error WA201',
      'five-mistakes.wa.yaml 8 35 error WA301',
      'five-mistakes.wa.yaml 9 15 error WA407',
      'five-mistakes.wa.yaml 18 9 error WA409',
      'five-mistakes.wa.yaml 23 37 warning WA406',
    ],
  );
  assert.match(r.stdout, /five-mistakes\.wa\.yaml:8:15: note: first used here/);
});

test('check --format json prints the documented report', () => {
  const r = waml(['check', 'five-mistakes.wa.yaml', '--format=json'], MISTAKES);
  assert.is(r.status, 1);
  const report = JSON.parse(r.stdout);
  assert.equal(report.summary, { files: 1, errors: 4, warnings: 1 });
  assert.equal(report.diagnostics[1].range, { start: { line: 8, column: 35 }, end: { line: 8, column: 59 } });
});

test('check --format github prints workflow annotations', () => {
  const r = waml(['check', 'five-mistakes.wa.yaml', '--format', 'github'], MISTAKES);
  assert.is(r.status, 1);
  const lines = r.stdout.trim().split('\n');
  assert.is(lines.length, 5);
  assert.match(lines[4]!, /^::warning file=five-mistakes\.wa\.yaml,line=23,col=37,endLine=23,endColumn=63,title=WA406 warning::/);
});

test('check --format sarif: SARIF 2.1.0 for code scanning, columns in code points', () => {
  const r = waml(['check', 'five-mistakes.wa.yaml', 'emoji.wa.yaml', '--format', 'sarif'], MISTAKES);
  assert.is(r.status, 1);
  const log = JSON.parse(r.stdout);
  assert.is(log.version, '2.1.0');
  const run = log.runs[0];
  assert.is(run.tool.driver.name, 'waml');
  assert.is(run.columnKind, 'unicodeCodePoints');
  assert.ok(run.tool.driver.rules.some((x: { id: string; name: string }) => x.id === 'WA301' && x.name === 'too-long'));
  const results = run.results as { ruleId: string; ruleIndex: number; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[]; relatedLocations?: unknown[] }[];
  assert.equal(results.map((x) => `${x.locations[0]!.physicalLocation.artifactLocation.uri}:${x.locations[0]!.physicalLocation.region.startLine}:${x.locations[0]!.physicalLocation.region.startColumn} ${x.ruleId} ${x.level}`), [
    'emoji.wa.yaml:6:27 WA301 error',
    'five-mistakes.wa.yaml:6:5 WA201 error',
    'five-mistakes.wa.yaml:8:35 WA301 error',
    'five-mistakes.wa.yaml:9:15 WA407 error',
    'five-mistakes.wa.yaml:18:9 WA409 error',
    'five-mistakes.wa.yaml:23:37 WA406 warning',
  ]);
  for (const x of results) assert.is(run.tool.driver.rules[x.ruleIndex].id, x.ruleId);
  assert.is(results[3]!.relatedLocations?.length, 1);
});

test('check --format gcc: columns in bytes, as Vim and Emacs count them, after emoji and ₹', () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'm.wa.yaml'), 'messages:\n  m:\n    type: cta_url\n    body: ok\n    button: { text: "₹🎉 Buy", url: "http://x.example" }\n');
  const r = waml(['check', '--format', 'gcc'], dir);
  // The URL's quote follows 35 code points, 40 bytes (₹ is 3, 🎉 4).
  assert.match(r.stdout, /^m\.wa\.yaml:5:41: warning: .* \[WA406\]$/m);
  const line = '    button: { text: "₹🎉 Buy", url: ';
  assert.equal([[...line].length, Buffer.byteLength(line)], [35, 40]);
  rmSync(dir, { recursive: true, force: true });
});

test('check of a missing file --format sarif still prints a valid SARIF log, with the error', () => {
  const dir = tempDir();
  const r = waml(['check', 'missing.wa.yaml', '--format', 'sarif'], dir);
  assert.is(r.status, 2);
  assert.is(r.stderr, 'waml: no such file or folder: missing.wa.yaml\n');
  const log = JSON.parse(r.stdout);
  assert.is(log.version, '2.1.0');
  assert.equal(log.runs[0].results, []);
  assert.equal(log.runs[0].invocations, [{ executionSuccessful: false, toolExecutionNotifications: [{ level: 'error', message: { text: 'no such file or folder: missing.wa.yaml' } }] }]);
  // Other formats print nothing on stdout for it.
  assert.is(waml(['check', 'missing.wa.yaml', '--format', 'json'], dir).stdout, '');
  rmSync(dir, { recursive: true, force: true });
});

test('check --format pretty: colour only when forced, never with NO_COLOR', () => {
  const plain = waml(['check', 'five-mistakes.wa.yaml'], MISTAKES);
  assert.not.match(plain.stdout, /\x1b\[/);
  assert.match(plain.stdout, /error\[WA301\]: button title is 24 characters; the limit is 20/);
  assert.match(plain.stdout, /4 errors and 1 warning in 1 file\n$/);
  assert.match(waml(['check', 'five-mistakes.wa.yaml'], MISTAKES, { FORCE_COLOR: '1' }).stdout, /\x1b\[31m/);
  assert.not.match(waml(['check', 'five-mistakes.wa.yaml'], MISTAKES, { FORCE_COLOR: '1', NO_COLOR: '1' }).stdout, /\x1b\[/);
});

test('check: a clean file exits 0', () => {
  const r = waml(['check', 'clean.wa.yaml'], MISTAKES);
  assert.is(r.status, 0);
  assert.is(r.stdout, 'no problems in 1 file\n');
});

test('check: warnings alone exit 0; over --max-warnings exits 1', () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'w.wa.yaml'), 'messages:\n  m:\n    type: cta_url\n    body: Hi\n    button: { text: Go, url: "http://e.com" }\n');
  assert.is(waml(['check'], dir).status, 0);
  assert.is(waml(['check', '--max-warnings', '1'], dir).status, 0);
  const r = waml(['check', '--max-warnings', '0'], dir);
  assert.is(r.status, 1);
  assert.match(r.stderr, /1 warning, more than --max-warnings 0/);
  rmSync(dir, { recursive: true });
});

test('check: every problem of every file in one run, folders searched, node_modules and dot-folders skipped', () => {
  const dir = tempDir();
  mkdirSync(join(dir, 'menus'));
  mkdirSync(join(dir, 'node_modules/pkg'), { recursive: true });
  mkdirSync(join(dir, '.cache'));
  writeFileSync(join(dir, 'a.wa.yaml'), LOCATION('""'));
  writeFileSync(join(dir, 'menus/b.wa.yaml'), 'messages:\n  m:\n    type: lst\n');
  writeFileSync(join(dir, 'node_modules/pkg/c.wa.yaml'), 'broken: [');
  writeFileSync(join(dir, '.cache/d.wa.yaml'), 'broken: [');
  writeFileSync(join(dir, 'notes.yaml'), 'broken: [');
  const r = waml(['check', '--format', 'gcc'], dir);
  assert.is(r.status, 1);
  assert.equal(r.stdout.trim().split('\n').map((l) => l.replace(/: error: .*\[/, ' [')), ['a.wa.yaml:4:11 [WA303]', 'menus/b.wa.yaml:3:11 [WA205]']);
  rmSync(dir, { recursive: true });
});

test('check: a file that is not UTF-8 is reported and the others still checked', () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'bad.wa.yaml'), Buffer.from([0x6d, 0x3a, 0x20, 0xff, 0xfe, 0x0a]));
  writeFileSync(join(dir, 'good.wa.yaml'), LOCATION('""'));
  const r = waml(['check', '--format', 'gcc'], dir);
  assert.is(r.status, 1);
  assert.match(r.stdout, /^bad\.wa\.yaml:1:1: error: bad\.wa\.yaml was not compiled: it is not valid UTF-8 text \[WA902\]$/m);
  assert.match(r.stdout, /^good\.wa\.yaml:4:11: error: .*\[WA303\]$/m);
  rmSync(dir, { recursive: true });
});

test('build --to group:<id> of an interactive message: one positioned error per message (WA825), nothing written', () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'm.wa.yaml'), LOCATION('Where are you?'));
  const r = waml(['build', 'm.wa.yaml', '--out', 'out', '--to', 'group:Y2FwaV9ncm91cDox', '--format', 'gcc'], dir);
  assert.is(r.status, 1);
  assert.match(r.stdout + r.stderr, /^m\.wa\.yaml:2:3: error: `m` is an interactive message, built for the group `Y2FwaV9ncm91cDox`: .* \[WA825\]$/m);
  assert.not.ok(existsSync(join(dir, 'out/m.m.json')));
  rmSync(dir, { recursive: true });
});

test('usage errors exit 2 with one line and no stack', () => {
  const cases: [string[], RegExp][] = [
    [['frobnicate'], /unknown command `frobnicate`/],
    [['check', '--colour'], /unknown option `--colour` for `waml check`/],
    [['check', '--format', 'xml'], /`--format` takes pretty, json, gcc, github, sarif; not `xml`/],
    [['check', '--max-warnings', 'many'], /`--max-warnings` takes a whole number/],
    [['check', '--format'], /`--format` needs a value/],
    [['build', 'clean.wa.yaml'], /`waml build` needs `--out DIR`/],
    [['build', 'clean.wa.yaml', '--out', 'o', '--to', '12ab'], /`--to 12ab` is neither a phone number .* nor a business-scoped user id/],
    [['build', 'clean.wa.yaml', '--out', 'o', '--to', '123456'], /is neither a phone number/],
    [['build', 'clean.wa.yaml', '--out', 'o', '--to', 'group:has space'], /`--to group:has space` has a group id that is not one/],
    [['build', 'clean.wa.yaml', '--out', 'o', '--emit', 'pdf'], /`--emit` takes json, ts, js, types; not `pdf`/],
    [['check', 'missing.wa.yaml'], /no such file or folder: missing\.wa\.yaml/],
  ];
  for (const [args, message] of cases) {
    const r = waml(args, MISTAKES);
    assert.is(r.status, 2, args.join(' '));
    assert.match(r.stderr, message);
    assert.not.match(r.stderr, /\n\s+at /, 'no stack');
    assert.is(r.stdout, '');
  }
});

test('a folder without .wa.yaml files exits 2', () => {
  const dir = tempDir();
  const r = waml(['check'], dir);
  assert.is(r.status, 2);
  assert.match(r.stderr, /no \.wa\.yaml files found in the current folder/);
  rmSync(dir, { recursive: true });
});

test('--version and --help', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  assert.is(waml(['--version']).stdout, `${pkg.version}\n`);
  const help = waml(['--help']);
  assert.is(help.status, 0);
  assert.match(help.stdout, /waml check \[PATH \.\.\.\]/);
  assert.match(help.stdout, /waml build \[PATH \.\.\.\] --out DIR/);
  // Each option a command takes is on its usage line (--debug, for every command, is under Options).
  for (const [command, flags] of Object.entries(FLAGS)) {
    const line = help.stdout.split('\n').find((l) => l.startsWith(`  waml ${command} `))!;
    const named = new Set(line.match(/--[a-z-]+/g));
    for (const flag of flags.filter((f) => f !== '--debug')) assert.ok(named.has(flag), `${command}: ${flag}`);
  }
  assert.match(help.stdout, /--debug {2,}/);
});

test('build writes one file per message, with --to, and leaves unchanged files untouched', () => {
  const dir = tempDir();
  cpSync(join(ROOT, 'test/fixtures/conformance/button.wa.yaml'), join(dir, 'button.wa.yaml'));
  const first = waml(['build', '.', '--out', 'out', '--to', '12015550123'], dir);
  assert.is(first.status, 0, first.stderr);
  assert.match(first.stderr, /wrote 1 file to out/);
  assert.equal(readdirSync(join(dir, 'out')), ['button.help_menu.json']);
  const expected = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/conformance/button.help_menu.json'), 'utf8'));
  assert.equal(JSON.parse(readFileSync(join(dir, 'out/button.help_menu.json'), 'utf8')), expected);

  const old = new Date('2020-01-01T00:00:00Z');
  utimesSync(join(dir, 'out/button.help_menu.json'), old, old);
  const second = waml(['build', '.', '--out', 'out', '--to', '12015550123'], dir);
  assert.is(second.status, 0);
  assert.match(second.stderr, /wrote 0 files to out; 1 unchanged/);
  assert.is(statSync(join(dir, 'out/button.help_menu.json')).mtimeMs, old.getTime(), 'not rewritten');
  assert.equal(readdirSync(join(dir, 'out')), ['button.help_menu.json'], 'no temporary files left');

  const third = waml(['build', '.', '--out', 'out'], dir);
  assert.is(third.status, 0);
  assert.not.ok('to' in JSON.parse(readFileSync(join(dir, 'out/button.help_menu.json'), 'utf8')), 'without --to, no `to`');
  rmSync(dir, { recursive: true });
});

test('build: a file with errors writes nothing and keeps its old outputs; the others still build', () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'a.wa.yaml'), LOCATION('First version'));
  writeFileSync(join(dir, 'b.wa.yaml'), LOCATION('Hello'));
  assert.is(waml(['build', '--out', 'out'], dir).status, 0);
  const before = readFileSync(join(dir, 'out/a.m.json'), 'utf8');

  writeFileSync(join(dir, 'a.wa.yaml'), LOCATION('""'));
  writeFileSync(join(dir, 'b.wa.yaml'), LOCATION('Hello again'));
  const r = waml(['build', '--out', 'out', '--format', 'gcc'], dir);
  assert.is(r.status, 1);
  assert.match(r.stdout, /a\.wa\.yaml:4:11: error/);
  assert.match(r.stderr, /wrote 1 file to out; 1 source with errors not built/);
  assert.is(readFileSync(join(dir, 'out/a.m.json'), 'utf8'), before, 'the old output is intact');
  assert.match(readFileSync(join(dir, 'out/b.m.json'), 'utf8'), /Hello again/);
  rmSync(dir, { recursive: true });
});

test('build: an output folder inside the sources is not read back as input', () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'a.wa.yaml'), LOCATION('Hi'));
  mkdirSync(join(dir, 'gen'));
  writeFileSync(join(dir, 'gen/stale.wa.yaml'), 'broken: [');
  const r = waml(['build', '.', '--out', 'gen'], dir);
  assert.is(r.status, 0, r.stdout);
  rmSync(dir, { recursive: true });
});

test('build: two files that would write the same output are an error (WA901)', () => {
  const dir = tempDir();
  mkdirSync(join(dir, 'x'));
  mkdirSync(join(dir, 'y'));
  writeFileSync(join(dir, 'x/menu.wa.yaml'), LOCATION('Hi'));
  writeFileSync(join(dir, 'y/menu.wa.yaml'), LOCATION('Hi'));
  const r = waml(['build', '--out', 'out', '--format', 'gcc'], dir);
  assert.is(r.status, 1);
  assert.match(r.stdout, /^y\/menu\.wa\.yaml:2:3: error: message `m` would be written to menu\.m\.json, which `m` of x\/menu\.wa\.yaml already writes \[WA901\]$/m);
  assert.match(r.stdout, /^x\/menu\.wa\.yaml:2:3: note: also written by this message$/m);
  assert.equal(readdirSync(join(dir, 'out')), ['menu.m.json']);
  rmSync(dir, { recursive: true });
});

const TEMPLATED = 'params:\n  name: { type: string, minLength: 1, maxLength: 12 }\nmessages:\n  hi:\n    type: location_request_message\n    body: "Hi {{ name }}, where are you?"\n  plain:\n    type: location_request_message\n    body: Where are you?\n';

test('build without --data: templated messages are reported (info) and skipped, the rest built', () => {
  const dir = tempDir();
  writeFileSync(join(dir, 't.wa.yaml'), TEMPLATED);
  const r = waml(['build', '--out', 'out', '--format', 'gcc'], dir);
  assert.is(r.status, 0, r.stdout + r.stderr);
  assert.is(r.stdout, 't.wa.yaml:4:3: note: message `hi` has params, so no JSON was built for it [WA516]\n');
  assert.match(r.stderr, /wrote 1 file to out; 1 message with params skipped \(no --data\)/);
  assert.equal(readdirSync(join(dir, 'out')), ['t.plain.json']);
  assert.is(waml(['check'], dir).stdout, 'no problems in 1 file\n', 'check does not mention it');
  rmSync(dir, { recursive: true });
});

test('build --data renders; bad data is reported in the data file', () => {
  const dir = tempDir();
  writeFileSync(join(dir, 't.wa.yaml'), TEMPLATED);
  writeFileSync(join(dir, 'data.json'), '{ "name": "Asha" }\n');
  const r = waml(['build', '--out', 'out', '--data', 'data.json'], dir);
  assert.is(r.status, 0, r.stdout + r.stderr);
  assert.equal(JSON.parse(readFileSync(join(dir, 'out/t.hi.json'), 'utf8')).interactive.body, { text: 'Hi Asha, where are you?' });
  writeFileSync(join(dir, 'data.json'), '{\n  "name": "A name far too long"\n}\n');
  const bad = waml(['check', '--data', 'data.json', '--format', 'gcc'], dir);
  assert.is(bad.status, 1);
  assert.match(bad.stdout, /^data\.json:2:11: error: `name` is 19 characters; its declaration allows 12 \[WA517\]$/m);
  assert.match(bad.stdout, /^t\.wa\.yaml:2:3: note: `name` is declared here$/m);
  const missing = waml(['check', '--data', 'nope.json'], dir);
  assert.is(missing.status, 2);
  assert.match(missing.stderr, /the data file nope\.json cannot be used/);
  rmSync(dir, { recursive: true });
});

test('--jobs 1 and --jobs 2 over 600 files in three batches: the same diagnostics and outputs', () => {
  const dir = tempDir();
  mkdirSync(join(dir, 'a'));
  mkdirSync(join(dir, 'z'));
  for (let i = 0; i < 600; i++) writeFileSync(join(dir, 'a', `f${String(i).padStart(3, '0')}.wa.yaml`), LOCATION(i % 97 === 0 ? '""' : `Hi ${i}`));
  // z/f001.wa.yaml writes the same output as a/f001.wa.yaml, two batches later.
  writeFileSync(join(dir, 'z', 'f001.wa.yaml'), LOCATION('Again'));
  const one = waml(['build', '.', '--out', 'out1', '--jobs', '1', '--format', 'gcc'], dir);
  const two = waml(['build', '.', '--out', 'out2', '--jobs', '2', '--format', 'gcc'], dir);
  assert.is(one.status, 1);
  assert.is(two.status, 1);
  assert.is(two.stdout, one.stdout);
  assert.match(one.stdout, /^z\/f001\.wa\.yaml:2:3: error: message `m` would be written to f001\.m\.json, which `m` of a\/f001\.wa\.yaml already writes \[WA901\]$/m);
  assert.is(one.stdout.split('\n').filter((l) => l.includes('[WA303]')).length, 7);
  const list = (out: string) => readdirSync(join(dir, out)).sort();
  assert.equal(list('out2'), list('out1'));
  assert.is(list('out1').length, 600 - 7);
  assert.is(readFileSync(join(dir, 'out2', 'f001.m.json'), 'utf8'), readFileSync(join(dir, 'out1', 'f001.m.json'), 'utf8'));
  assert.match(readFileSync(join(dir, 'out1', 'f001.m.json'), 'utf8'), /Hi 1"/);
  rmSync(dir, { recursive: true });
});

test('--jobs 3 over 1,100 files in five batches: each file compiled and written exactly once, as with --jobs 1', () => {
  const dir = tempDir();
  for (let i = 0; i < 1100; i++) writeFileSync(join(dir, `f${String(i).padStart(4, '0')}.wa.yaml`), LOCATION(i % 50 === 7 ? '""' : `Hi ${i}`));
  const one = waml(['build', '.', '--out', 'out1', '--jobs', '1', '--format', 'gcc'], dir);
  const three = waml(['build', '.', '--out', 'out3', '--jobs', '3', '--format', 'gcc'], dir);
  // A batch compiled twice would repeat its diagnostics and find its outputs already written
  // ("unchanged"); one never compiled would lose them.
  for (const r of [one, three]) {
    assert.is(r.status, 1);
    assert.is(r.stderr, 'waml: wrote 1078 files to out3; 22 sources with errors not built\n'.replace('out3', r === one ? 'out1' : 'out3'));
    const files = r.stdout.split('\n').filter((l) => l.includes('[WA303]')).map((l) => l.split(':')[0]);
    assert.equal(files, Array.from({ length: 22 }, (_, k) => `f${String(k * 50 + 7).padStart(4, '0')}.wa.yaml`));
  }
  assert.is(three.stdout, one.stdout);
  assert.equal(readdirSync(join(dir, 'out3')).sort(), readdirSync(join(dir, 'out1')).sort());
  rmSync(dir, { recursive: true });
});

test('a message template defined twice is WA728 whatever the batches, and the later file writes nothing, on any number of threads', () => {
  const dir = tempDir();
  const template = (who: string) => `messages:\n  welcome:\n    type: template\n    category: utility\n    language: en_US\n    body: Welcome, ${who}\n    buttons:\n      - quick_reply: { id: hi, title: Hi }\n`;
  // 260 files between the two: they fall in different batches of 250.
  mkdirSync(join(dir, 'a'));
  mkdirSync(join(dir, 'm'));
  mkdirSync(join(dir, 'z'));
  writeFileSync(join(dir, 'a/first.wa.yaml'), template('one'));
  writeFileSync(join(dir, 'z/second.wa.yaml'), `${template('two')}  menu:\n    type: location_request_message\n    body: Where are you?\n`);
  for (let i = 0; i < 260; i++) writeFileSync(join(dir, `m/f${String(i).padStart(3, '0')}.wa.yaml`), LOCATION(`Hi ${i}`));
  for (const jobs of ['1', '2', '3']) {
    const out = `out${jobs}`;
    const r = waml(['build', '.', '--out', out, '--jobs', jobs, '--format', 'gcc'], dir);
    assert.is(r.status, 1, r.stdout + r.stderr);
    assert.is(r.stdout, 'z/second.wa.yaml:2:3: error: template `welcome` in en_US is already defined by message `welcome` of a/first.wa.yaml [WA728]\na/first.wa.yaml:2:3: note: first defined here\n');
    assert.is(r.stderr, `waml: wrote 262 files to ${out}; 1 source with errors not built\n`);
    const written = readdirSync(join(dir, out));
    assert.equal(written.filter((f) => !/^f\d{3}\./.test(f)).sort(), ['first.welcome.en_US.template.json', 'first.welcome.json']);
    assert.match(readFileSync(join(dir, out, 'first.welcome.en_US.template.json'), 'utf8'), /Welcome, one/);
  }
  // `check` says the same.
  const check = waml(['check', '.', '--format', 'gcc', '--jobs', '2'], dir);
  assert.is(check.status, 1);
  assert.match(check.stdout, /z\/second\.wa\.yaml:2:3: error: .*\[WA728\]/);
  rmSync(dir, { recursive: true });
});

test('build --emit ts,js: modules, compiled modules and their declarations, runnable', async () => {
  mkdirSync(join(import.meta.dirname, '.tmp'), { recursive: true });
  const dir = mkdtempSync(join(import.meta.dirname, '.tmp', 'emit-'));
  cpSync(join(ROOT, 'examples/support-menu.wa.yaml'), join(dir, 'menu.wa.yaml'));
  const r = waml(['build', '.', '--out', 'out', '--emit', 'ts,js'], dir);
  assert.is(r.status, 0, r.stdout + r.stderr);
  assert.equal(readdirSync(join(dir, 'out')).sort(), ['menu.wa.d.ts', 'menu.wa.js', 'menu.wa.ts']);
  for (const f of ['menu.wa.d.ts', 'menu.wa.js', 'menu.wa.ts']) assert.ok(readFileSync(join(dir, 'out', f), 'utf8').startsWith('// Generated by waml from menu.wa.yaml; do not edit.\n'), f);
  const { helpMenu } = (await import(join(dir, 'out/menu.wa.js'))) as { helpMenu: { build: (to: string) => unknown } };
  const json = waml(['build', '.', '--out', 'json', '--to', '12015550123'], dir);
  assert.is(json.status, 0);
  assert.is(`${JSON.stringify(helpMenu.build('12015550123'), null, 2)}\n`, readFileSync(join(dir, 'json/menu.help_menu.json'), 'utf8'));
  rmSync(dir, { recursive: true });
});

test('build --emit js without esbuild installed: one line naming the install, exit 2', () => {
  // The CLI bundle alone, outside this repository, where no esbuild can be found.
  const dir = tempDir();
  cpSync(join(ROOT, 'dist/cli'), join(dir, 'cli'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }');
  writeFileSync(join(dir, 'm.wa.yaml'), LOCATION('Share your location'));
  const r = spawnSync(process.execPath, [join(dir, 'cli/waml.cjs'), 'build', 'm.wa.yaml', '--out', 'out', '--emit', 'js'], { cwd: dir, encoding: 'utf8' });
  assert.is(r.status, 2, r.stderr);
  assert.is(r.stderr, 'waml: --emit js compiles with esbuild, which is not installed: npm install --save-dev esbuild (or use --emit ts)\n');
  assert.is(spawnSync(process.execPath, [join(dir, 'cli/waml.cjs'), 'build', 'm.wa.yaml', '--out', 'out', '--emit', 'ts'], { cwd: dir, encoding: 'utf8' }).status, 0);
  rmSync(dir, { recursive: true });
});

test('build --emit types: declarations beside each source, named for its import, no --out needed', () => {
  const dir = tempDir();
  mkdirSync(join(dir, 'menus'));
  cpSync(join(ROOT, 'examples/support-menu.wa.yaml'), join(dir, 'menus/help.wa.yaml'));
  writeFileSync(join(dir, 'pickup.wa.yml'), LOCATION('Share your location'));
  writeFileSync(join(dir, 'bad.wa.yaml'), LOCATION(''));
  const r = waml(['build', '.', 'pickup.wa.yml', '--emit', 'types'], dir); // a folder finds *.wa.yaml; other names are given
  assert.is(r.status, 1, r.stdout + r.stderr); // bad.wa.yaml has an error, and gets no declarations
  assert.match(r.stderr, /wrote 2 files beside the sources; 1 source with errors not built/);
  assert.equal(readdirSync(join(dir, 'menus')).sort(), ['help.wa.d.yaml.ts', 'help.wa.yaml']);
  assert.equal(readdirSync(dir).sort(), ['bad.wa.yaml', 'menus', 'pickup.wa.d.yml.ts', 'pickup.wa.yml']);
  const declarations = readFileSync(join(dir, 'menus/help.wa.d.yaml.ts'), 'utf8');
  assert.ok(declarations.startsWith('// Generated by waml from menus/help.wa.yaml; do not edit.\n'));
  assert.match(declarations, /export declare const helpMenu: \{/);
  // The same declarations as --emit js writes beside its module.
  assert.is(waml(['build', 'menus', '--out', 'out', '--emit', 'js'], dir).status, 0);
  assert.is(readFileSync(join(dir, 'out/help.wa.d.ts'), 'utf8').replace('from help.wa.yaml', 'from menus/help.wa.yaml'), declarations);
  rmSync(dir, { recursive: true });
});

test.run();
