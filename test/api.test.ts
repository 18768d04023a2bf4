import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { compile, importBody, isValidRecipient, readJson, recipientArg, sendProblem } from '../compiler/index.js';
import { WamlParamError } from '../runtime/errors.js';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';

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

test('importBody and readJson are exported, as the README says', () => {
  const json = readJson('{"type":"location_request_message","body":{"text":"Where?"},"action":{"name":"send_location"}}');
  assert.ok(json.ok);
  const imported = importBody(json.ok ? json.value : undefined, 'pickup');
  assert.ok(imported.ok && imported.text.includes('type: location_request_message'));
});

test('isValidRecipient is total: any value is true or false, never an exception', () => {
  for (const ok of ['15551234567', 'US.13491208655302741918', { group: 'abc' }, { phone: '15551234567', user: 'US.1' }]) assert.ok(isValidRecipient(ok), JSON.stringify(ok));
  for (const bad of [undefined, null, 5, [], {}, { group: 'abc', extra: 1 }, { group: 'a b' }, { phone: 5 }, 'PHONE_NUMBER']) assert.not.ok(isValidRecipient(bad), JSON.stringify(bad));
});

test('sendProblem and recipientArg are exported, as the README says: what compile() would refuse, and a --to value read', () => {
  assert.is(sendProblem('15551234567', { replyTo: 'wamid.x' }), undefined);
  assert.match(sendProblem('12', undefined)!, /^to: "12" is neither a phone number/);
  assert.match(sendProblem(undefined, { replyto: 'x' })!, /^send\.replyto: "x" is not a send option; the send options are replyTo, callbackData$/);
  assert.equal(recipientArg('group:abc'), { ok: true, to: { group: 'abc' } });
  assert.equal(recipientArg('US.1'), { ok: true, to: 'US.1' });
  assert.not.ok(recipientArg('abc').ok);
});

test('compile() refuses send options and recipients it would otherwise drop: a RangeError naming the key', () => {
  const cases: [unknown, unknown, RegExp][] = [
    ['15551234567', 'wamid.x', /^send is "wamid\.x", not an object of send options \(replyTo, callbackData\)$/],
    ['15551234567', null, /^send is null, not an object/],
    ['15551234567', ['wamid.x'], /not an object of send options/],
    ['15551234567', { replyto: 'x' }, /^send\.replyto: "x" is not a send option/],
    ['15551234567', { replyTo: 'wamid.x', callback_data: 'c' }, /^send\.callback_data: /],
    [{ group: 'abc', extra: 1 }, undefined, /^to: .* has the key `extra`; a recipient object has `phone`, `user` or `group` only$/],
    [{ phone: '15551234567', name: 'Ann' }, undefined, /has the key `name`/],
  ];
  for (const [to, send, message] of cases) {
    assert.throws(() => compile({ path: 'pickup.wa.yaml', text: PICKUP }, { to, send } as never), (e: unknown) => e instanceof RangeError && message.test(e.message), JSON.stringify([to, send]));
  }
});

test("a sender refuses unknown send options and recipient keys with the runtime's WamlParamError, naming the key", async () => {
  const module = compile([{ path: 'pickup.wa.yaml', text: PICKUP }], { emit: ['ts'] }).outputs.find((o) => o.path.endsWith('.wa.ts'))!;
  mkdirSync(join(import.meta.dirname, '.tmp'), { recursive: true });
  const dir = mkdtempSync(join(import.meta.dirname, '.tmp', 'options-'));
  writeFileSync(join(dir, 'pickup.wa.ts'), module.text);
  const { pickup } = (await import(join(dir, 'pickup.wa.ts'))) as { pickup: { build: (to: unknown, input: unknown, options?: unknown) => Record<string, unknown> } };
  rmSync(dir, { recursive: true });
  const cases: [unknown, unknown, string, RegExp][] = [
    ['15551234567', { replyto: 'wamid.x' }, 'replyto', /is not a send option; the send options are replyTo, callbackData/],
    ['15551234567', { replyTo: 'wamid.x', callback_data: 'c' }, 'callback_data', /is not a send option/],
    ['15551234567', 'wamid.x', 'options', /not an object of send options/],
    [{ group: 'abc', extra: 1 }, undefined, 'to', /has the key `extra`/],
    [{ group: 'abc' }, undefined, 'to', /a group does not take an interactive message/],
  ];
  for (const [to, options, path, message] of cases) {
    // The module uses the built @waml/runtime, whose class is not this test's: checked by name.
    assert.throws(() => pickup.build(to, {}, options), (e: unknown) => e instanceof Error && e.name === WamlParamError.name && (e as WamlParamError).path === path && message.test(e.message), JSON.stringify([to, options]));
  }
  assert.equal(pickup.build('15551234567', {}, { replyTo: 'wamid.x' })['context'], { message_id: 'wamid.x' }, 'known options still work');
  assert.equal(pickup.build('15551234567', {}, undefined)['to'], '15551234567', 'no options at all');
});

test.run();
