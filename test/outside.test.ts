// The sources of the issue "One body plan, two interpreters" (test/fixtures/outside/): each
// gives a positioned diagnostic, or a module that type-checks and whose build() gives the
// JSON output's bytes (or refuses where the JSON output refuses).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { compile } from '../compiler/index.js';
import { printJson } from '../compiler/emit/json.js';
import { expectDiagnostics } from './harness.js';
import { loadModule } from './fuzz.js';

const ROOT = join(import.meta.dirname, '..');
const DIR = 'test/fixtures/outside';
const read = (name: string) => readFileSync(join(ROOT, DIR, name), 'utf8');
const TMP = join(import.meta.dirname, '.tmp/outside');
mkdirSync(TMP, { recursive: true });

/** The module of a clean source, loaded, and written out for the type check. */
function module(name: string) {
  const text = read(name);
  const r = compile([{ path: `${DIR}/${name}`, text }], { emit: ['ts'] });
  assert.equal(r.diagnostics.filter((d) => d.severity === 'error'), [], name);
  const code = r.outputs[0]!.text;
  writeFileSync(join(TMP, r.outputs[0]!.path), code);
  return { text, code, ...loadModule(code) };
}

/** build() and the JSON output for the same values: their bytes, or `refused`. */
function both(name: string, message: string, values: unknown): { built: string; json: string } {
  const m = module(name);
  let built: string;
  try {
    built = printJson(m.senders[message]!.build(undefined, values));
  } catch (error) {
    built = `refused: ${(error as Error).name}`;
  }
  const r = compile([{ path: `${DIR}/${name}`, text: m.text }], { data: { path: 'data.json', text: JSON.stringify(values) } });
  const out = r.outputs.find((o) => o.message === message);
  const errors = r.diagnostics.filter((d) => d.severity === 'error');
  return { built, json: out ? out.text : `refused: ${errors.map((d) => d.code).join(',')}` };
}

test('carousel quick replies from `each`: a different count on one card is refused by both', () => {
  const values = { picks: [{ id: 'a', title: 'A' }, { id: 'b', title: 'B' }], more: [{ id: '1', title: 'One' }] };
  const { built, json } = both('carousel-each.wa.yaml', 'pick_plant', values);
  assert.is(built, 'refused: WamlLimitError');
  assert.match(json, /^refused: WA414/);
  assert.ok(module('carousel-each.wa.yaml').code.includes('$.sameCount('), 'the sender runs the same-count check');
  const same = both('carousel-each.wa.yaml', 'pick_plant', { ...values, more: [{ id: '1', title: 'One' }, { id: '2', title: 'Two' }] });
  assert.is(same.built, same.json);
  assert.not.match(same.json, /^refused/);
});

test('message names that collide in generated code are refused at the second name', () => {
  expectDiagnostics(
    `
    messages:
      help_menu: { type: location_request_message, body: a }
      «helpMenu»: { type: location_request_message, body: b }
      _: { type: location_request_message, body: c }
      «__»: { type: location_request_message, body: d }
  `,
    [{ code: 'WA209', message: 'would be the sender `helpMenu`', related: '2:3' }, { code: 'WA209', message: '`message`' }],
  );
});

test('names that are JavaScript words, runtime names or sender locals give a working module', () => {
  const m = module('names.wa.yaml');
  const r = compile([{ path: `${DIR}/names.wa.yaml`, text: m.text }]);
  for (const out of r.outputs) assert.is(printJson(m.senders[out.message]!.build(undefined)), out.text, out.message);
  assert.is(Object.keys(m.senders).length, 13);
  // `undefined` is a sender named `undefinedMessage`, and parseReply still tells replies apart.
  const reply = (id: string) => ({ from: '1', id: 'w', timestamp: '1', type: 'interactive', interactive: { type: 'button_reply', button_reply: { id, title: 'Yes' } } });
  const parse = (m.senders['undefined'] as unknown as { parseReply: (x: unknown) => unknown }).parseReply;
  assert.ok(parse(reply('yes')));
  assert.is(parse(reply('no')), undefined);
  assert.ok(m.code.includes('export const undefinedMessage = {'));
});

test('send() of senders named input, client and to builds with its own build(), not a parameter', async () => {
  const m = module('names.wa.yaml');
  for (const name of ['input', 'client', 'to']) {
    const sent: unknown[] = [];
    const client = { send: async (body: unknown) => (sent.push(body), { id: 'w' }) };
    const sender = m.senders[name] as unknown as { send: (c: unknown, to: string) => Promise<unknown> };
    await sender.send(client, '+15550100200');
    assert.is((sent[0] as { to: string; interactive: { body: { text: string } } }).interactive.body.text, name);
    assert.is((sent[0] as { to: string }).to, '+15550100200');
  }
});

test('`__proto__` and `constructor` are plain data: params, their limits, Flow data keys', () => {
  const values = JSON.parse('{"__proto__": "abc", "constructor": "de"}');
  const { built, json } = both('proto.wa.yaml', 'proto', values);
  assert.is(built, json);
  const body = JSON.parse(json);
  assert.is(body.interactive.body.text, 'abc de');
  assert.equal(Object.keys(body.interactive.action.parameters.flow_action_payload.data), ['__proto__', 'constructor', 'prototype']);
  assert.equal(body.interactive.action.parameters.flow_action_payload.data.__proto__, { polluted: 'abc' });
  // The declaration's maxLength holds for `__proto__` too.
  const long = both('proto.wa.yaml', 'proto', JSON.parse('{"__proto__": "abcdefgh", "constructor": "de"}'));
  assert.is(long.built, 'refused: WamlParamError');
  assert.match(long.json, /^refused: WA517/);
});

test('numbers JSON or JavaScript would change are refused where they are written', () => {
  const flow = (data: string) => `
    messages:
      m:
        type: flow
        body: Go
        flow: { id: "1", cta: Open, screen: S, data: { ${data} } }
  `;
  expectDiagnostics(flow('a: «1e400», b: «.nan», c: «-.inf»'), [{ code: 'WA210', message: 'not a finite number' }, { code: 'WA210' }, { code: 'WA210' }]);
  expectDiagnostics(flow('big: «123456789012345678901234567890»'), [{ code: 'WA210', message: 'past 2^53' }]);
  expectDiagnostics(flow('pi: «3.14159265358979323846»'), [{ code: 'WA210', message: 'more digits than a double keeps' }]);
  expectDiagnostics(flow('ok: 1.50, fine: 9007199254740991, small: 0.1, hex: 0x1F'), []);
  expectDiagnostics(`
    messages:
      m: { type: location_request_message, body: "{{ «${'9'.repeat(310)}» }}" }
  `, [{ code: 'WA210' }]);
  expectDiagnostics(`
    params:
      n: { type: integer, minimum: 0, maximum: «12345678901234567890» }
    messages:
      m: { type: location_request_message, body: «"{{ n }}"» }
  `, [{ code: 'WA210' }, { code: 'WA514', severity: 'warning' }]);
});

test('a data file number that JSON would change is refused in the data file', () => {
  const text = 'params:\n  n: integer\nmessages:\n  m: { type: location_request_message, body: "{{ n }}" }\n';
  const r = compile([{ path: 'a.wa.yaml', text }], { data: { path: 'd.json', text: '{"n": 123456789012345678901}' } });
  assert.equal(r.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file} ${d.code} ${d.span.start}-${d.span.end}`), ['d.json WA210 6-27']);
  assert.equal(r.outputs, []);
});

test('`^[^].*[a]$` bounds nothing: a 61-character title is refused by both', () => {
  const { built, json } = both('any-first.wa.yaml', 'greet', { name: `${'b'.repeat(60)}a` });
  assert.is(built, 'refused: WamlLimitError');
  assert.match(json, /^refused: WA301/);
  const ok = both('any-first.wa.yaml', 'greet', { name: 'ba' });
  assert.is(ok.built, ok.json);
});

test('a hostile value for `^(a+)+$` is refused by both (the automaton does not backtrack)', () => {
  const { built, json } = both('hostile-pattern.wa.yaml', 'code', { code: `${'a'.repeat(10_000)}!` });
  assert.is(built, 'refused: WamlParamError');
  assert.match(json, /^refused: WA517/);
  const ok = both('hostile-pattern.wa.yaml', 'code', { code: 'a'.repeat(10_000) });
  assert.is(ok.built, ok.json);
});

test('parseReply matches an id of seven placeholders by its pieces, in linear time', () => {
  const m = module('ids.wa.yaml');
  const parse = (m.senders['seven'] as unknown as { parseReply: (x: unknown) => { id: string } | undefined }).parseReply;
  const reply = (id: string) => ({ from: '1', id: 'w', timestamp: '1', type: 'interactive', interactive: { type: 'button_reply', button_reply: { id, title: 'x' } } });
  assert.is(parse(reply('a:b:c:d:e:f:g'))?.id, 'a:b:c:d:e:f:g');
  assert.is(parse(reply('fixed'))?.id, 'fixed');
  assert.is(parse(reply(':'.repeat(5))), undefined);
  assert.is(parse(reply('a'.repeat(100))), undefined);
  assert.ok(parse(reply(':'.repeat(100))));
  assert.not.match(m.code, /RegExp/);
});

test('every module above type-checks with tsc --strict', () => {
  for (const f of ['carousel-each', 'names', 'proto', 'ids', 'any-first', 'hostile-pattern']) module(`${f}.wa.yaml`);
  writeFileSync(join(TMP, 'tsconfig.json'), JSON.stringify({ extends: '../../typecheck/tsconfig.json', include: ['*.wa.ts'] }));
  const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
  const r = spawnSync(process.execPath, [tsc, '-p', join(TMP, 'tsconfig.json'), '--pretty', 'false'], { encoding: 'utf8' });
  assert.is(r.stdout + r.stderr, '');
  assert.is(r.status, 0);
});

test.run();
