import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { compile, isValidRecipient } from '../compiler/index.js';

const ROOT = join(import.meta.dirname, '..');
const PICKUP = 'messages:\n  pickup:\n    type: location_request_message\n    body: Share your location\n';

test('compile returns diagnostics, messages and outputs; a single source is accepted', () => {
  const result = compile({ path: 'pickup.wa.yaml', text: PICKUP }, { to: '12015550123' });
  assert.equal(result.diagnostics, []);
  assert.equal(result.messages.map((m) => [m.file, m.name, m.type]), [['pickup.wa.yaml', 'pickup', 'location_request_message']]);
  assert.is(result.messages[0]!.body.to, '12015550123');
  assert.equal(result.outputs.map((o) => o.path), ['pickup.pickup.json']);
  assert.equal(JSON.parse(result.outputs[0]!.text), result.messages[0]!.body);
});

test('compile() for a group: an interactive message is WA825 at its name (Groups messaging page), and nothing is built', () => {
  const result = compile({ path: 'pickup.wa.yaml', text: PICKUP }, { to: { group: 'Y2FwaV9ncm91cDox' } });
  assert.equal(result.diagnostics.map((d) => [d.code, d.severity, d.span.start]), [['WA825', 'error', PICKUP.indexOf('pickup:')]]);
  assert.match(result.diagnostics[0]!.message, /^`pickup` is an interactive message, built for the group `Y2FwaV9ncm91cDox`: the recipient is a group, and a group does not take an interactive message/);
  assert.equal(result.outputs, []);
  assert.equal(result.messages, []);
});

test('without `to`, the body leaves it out', () => {
  const [m] = compile([{ path: 'a.wa.yaml', text: PICKUP }]).messages;
  assert.equal(Object.keys(m!.body), ['messaging_product', 'recipient_type', 'type', 'interactive']);
});

test('a source with errors yields diagnostics only; the others still build', () => {
  const result = compile([
    { path: 'bad.wa.yaml', text: PICKUP.replace('Share your location', '""') },
    { path: 'good.wa.yaml', text: PICKUP },
  ]);
  assert.equal(result.diagnostics.map((d) => [d.file, d.code]), [['bad.wa.yaml', 'WA303']]);
  assert.equal(result.outputs.map((o) => o.path), ['good.pickup.json']);
});

test('warnings do not stop a file from building', () => {
  const text = 'messages:\n  m:\n    type: cta_url\n    body: Hi\n    button: { text: Go, url: "http://e.com" }\n';
  const result = compile([{ path: 'w.wa.yaml', text }]);
  assert.equal(result.diagnostics.map((d) => d.code), ['WA406']);
  assert.is(result.outputs.length, 1);
});

test('diagnostics are plain data with offsets, sorted by file and position', () => {
  const result = compile([
    { path: 'b.wa.yaml', text: 'messages: {}\n' },
    { path: 'a.wa.yaml', text: 'messages:\n  m:\n    type: nope\n    body: ""\n' },
  ]);
  assert.equal(result.diagnostics.map((d) => [d.file, d.code, d.span.start]), [
    ['a.wa.yaml', 'WA205', 25],
    ['a.wa.yaml', 'WA303', 40],
    ['b.wa.yaml', 'WA207', 0],
  ]);
  assert.equal(JSON.parse(JSON.stringify(result.diagnostics)), result.diagnostics, 'JSON-safe');
});

test('an invalid `to` is a RangeError; recipients are 7 to 15 digits with an optional +', () => {
  assert.throws(() => compile([], { to: 'abc' }), (e: unknown) => e instanceof RangeError);
  for (const ok of ['1234567', '+123456789012345', '12015550123']) assert.ok(isValidRecipient(ok), ok);
  for (const bad of ['123456', '1234567890123456', '+', '12 34567', '+-1234567', '']) assert.not.ok(isValidRecipient(bad), bad);
});

test('outputs are named <file stem>.<message>.json, whatever the folder', () => {
  const result = compile([{ path: 'menus/help.wa.yaml', text: PICKUP }]);
  assert.equal(result.outputs.map((o) => o.path), ['help.pickup.json']);
});

test('compile() and the stages it runs do no I/O: only the shells (the CLI, the bundler plugins, the language server) import node modules', () => {
  const offenders: string[] = [];
  for (const e of readdirSync(join(ROOT, 'compiler'), { recursive: true, withFileTypes: true })) {
    if (!e.isFile() || !e.name.endsWith('.ts')) continue;
    const path = join(e.parentPath, e.name);
    if (path.includes(join('compiler', 'cli')) || path.includes(join('compiler', 'esbuild')) || path.includes(join('compiler', 'rollup')) || path.endsWith(join('lsp', 'server.ts'))) continue;
    if (/from ['"](node:)?(fs|path|child_process|process|os|net|http)['"]/.test(readFileSync(path, 'utf8'))) offenders.push(path);
    if (/\bprocess\.(env|cwd|stdout|exit)/.test(readFileSync(path, 'utf8'))) offenders.push(path);
  }
  assert.equal(offenders, []);
});

test("the package: `import { compile } from 'waml'` gives the built API, with types", async () => {
  assert.ok(existsSync(join(ROOT, 'dist/types/compiler/index.d.ts')), 'declarations are built');
  const waml = await import('waml');
  const result = waml.compile([{ path: 'pickup.wa.yaml', text: PICKUP }], { to: '12015550123' });
  assert.equal(result.diagnostics, []);
  assert.equal(result.messages[0]!.body.interactive['action'], { name: 'send_location' });
  const sources = new waml.SourceMap().add('x.wa.yaml', 'messages: {}\n');
  const out = waml.render(waml.compile([{ path: 'x.wa.yaml', text: 'messages: {}\n' }]).diagnostics, sources, 'gcc');
  assert.is(out, 'x.wa.yaml:1:1: error: `messages` defines no message [WA207]\n');
  assert.is(waml.CODES.WA301.name, 'too-long');
});

test.run();
