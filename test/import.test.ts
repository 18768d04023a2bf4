import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { compile } from '../compiler/index.js';
import { printJson } from '../compiler/emit/json.js';
import { importBody, readJson } from '../compiler/import.js';

const ROOT = join(import.meta.dirname, '..');

/** Import a body, build the result, and expect the same bytes. */
function roundTrip(body: unknown, name: string): void {
  const imported = importBody(body, name);
  if (!imported.ok) throw new Error(imported.reason);
  const result = compile([{ path: 'imported.wa.yaml', text: imported.text }], imported.to ? { to: imported.to } : {});
  assert.equal(result.diagnostics.filter((d) => d.severity === 'error'), [], imported.text);
  assert.is(result.outputs[0]!.text, printJson(body), imported.text);
}

test('every conformance body builds back from its import, byte for byte', () => {
  const dir = join(ROOT, 'test/fixtures/conformance');
  const bodies = readdirSync(dir).filter((f) => f.endsWith('.json'));
  assert.is(bodies.length, 8);
  for (const f of bodies) roundTrip(JSON.parse(readFileSync(join(dir, f), 'utf8')), f.split('.')[1]!);
});

test("every example's output builds back from its import, byte for byte", () => {
  const dir = join(ROOT, 'test/golden/examples');
  // Message templates are imported from their creation bodies (test/message-templates), not their send bodies.
  const bodies = readdirSync(dir)
    .filter((f) => !f.endsWith('.template.json'))
    .map((f) => ({ f, body: JSON.parse(readFileSync(join(dir, f), 'utf8')) as { type: string } }))
    .filter(({ body }) => body.type !== 'template');
  assert.ok(bodies.some(({ f }) => f === 'plant-care.care_menu.de.json'), 'a body in one of several languages imports too');
  for (const { f, body } of bodies) roundTrip(body, f.split('.')[1]!);
});

test('a bare interactive object imports too', () => {
  const body = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/conformance/button.help_menu.json'), 'utf8'));
  const imported = importBody(body.interactive, 'menu');
  assert.ok(imported.ok);
  if (imported.ok) assert.is(compile([{ path: 'x.wa.yaml', text: imported.text }]).outputs[0]!.text, printJson({ ...body, to: undefined }));
});

test('what waml does not write is refused with a reason, a code and the field', () => {
  assert.equal(importBody({ type: 'payment_link', action: {} }, 'x'), { ok: false, reason: 'interactive type `payment_link` is not one waml writes', code: 'WA822', field: 'type' });
  assert.equal(importBody({ type: 'button', body: { text: 'x' }, action: { buttons: [{ type: 'reply', reply: {} }] } }, 'x'), { ok: false, reason: '`action.buttons[0].reply.id` is missing', code: 'WA821', field: 'action.buttons[0].reply.id' });
  assert.equal(importBody(5, 'x'), { ok: false, reason: '`the body` is not a mapping', code: 'WA821', field: 'the body' });
  assert.equal(importBody({}, 'bad-name'), { ok: false, reason: '`bad-name` is not a valid message name', code: 'WA821', field: '' });
});

/** A whole body around an interactive object, with send-time fields. */
function whole(interactive: object, extra: object = {}): Record<string, unknown> {
  return { messaging_product: 'whatsapp', recipient_type: 'individual', to: '15551234567', ...extra, type: 'interactive', interactive };
}
const BUTTONS = { type: 'button', body: { text: 'Pick one' }, action: { buttons: [{ type: 'reply', reply: { id: 'a', title: 'A' } }] } };
const FLOW = (parameters: object) => ({ type: 'flow', body: { text: 'Book' }, action: { name: 'flow', parameters: { flow_message_version: '3', flow_id: '1', flow_cta: 'Book', ...parameters } } });

/** Imports, checks and builds with the send-time fields the import reports: the same body, key order included. */
function buildsBack(body: Record<string, unknown>): ReturnType<typeof importBody> {
  const imported = importBody(body, 'm');
  if (!imported.ok) throw new Error(`${imported.code} ${imported.field}: ${imported.reason}`);
  const result = compile([{ path: 'm.wa.yaml', text: imported.text }], { ...(imported.send.to !== undefined ? { to: imported.send.to } : {}), send: imported.send.options });
  assert.equal(result.diagnostics.filter((d) => d.severity === 'error'), [], imported.text);
  assert.is(result.outputs[0]!.text, printJson(body), imported.text);
  return imported;
}

// Each field the API has and a message file does not: represented (send-time fields come back
// as sender options), or refused by its path in the body; never dropped or rewritten.
test('import keeps a business-scoped user id, a reply-to and callback data as send options', () => {
  const user = buildsBack({ messaging_product: 'whatsapp', recipient_type: 'individual', recipient: 'US.13491208655302741918', type: 'interactive', interactive: BUTTONS });
  assert.equal(user.ok && user.send, { to: { user: 'US.13491208655302741918' }, options: {} });
  const both = buildsBack({ messaging_product: 'whatsapp', recipient_type: 'individual', to: '15551234567', recipient: 'US.13491208655302741918', type: 'interactive', interactive: BUTTONS });
  assert.equal(both.ok && both.send.to, { phone: '15551234567', user: 'US.13491208655302741918' });
  const extras = buildsBack(whole(BUTTONS, { context: { message_id: 'wamid.HBgL' }, biz_opaque_callback_data: 'order-7' }));
  assert.equal(extras.ok && extras.send, { to: '15551234567', options: { replyTo: 'wamid.HBgL', callbackData: 'order-7' } });
});

test('import keeps a Flow data object serialized to a text (the newest Sending a Flow page)', () => {
  const imported = buildsBack(whole(FLOW({ flow_action: 'navigate', flow_action_payload: { screen: 'START', data: '{"product_name":"name","product_price":100}' } })));
  assert.match(imported.ok ? imported.text : '', /data: '\{"product_name":"name","product_price":100\}'/);
});

test('import refuses, naming the field, what the language cannot write', () => {
  const cases: [string, unknown, string, string][] = [
    ['a group body named by a user id', { messaging_product: 'whatsapp', recipient_type: 'group', recipient: 'US.13491208655302741918', type: 'interactive', interactive: BUTTONS }, 'WA823', 'recipient'],
    ['a recipient_type the API does not have', whole(BUTTONS, { recipient_type: 'broadcast' }), 'WA823', 'recipient_type'],
    ['an interactive message to a group (Groups messaging page: text, media and templates only)', { messaging_product: 'whatsapp', recipient_type: 'group', to: 'Y2FwaV9ncm91cDoxNzA1NTU1MDEzOToxMjAzNjM0MDQ2OTQyMzM4MjAZD', type: 'interactive', interactive: BUTTONS }, 'WA825', 'recipient_type'],
    ['a context without message_id', whole(BUTTONS, { context: { id: 'wamid.x' } }), 'WA820', 'context.id'],
    ['callback data over 512 characters', whole(BUTTONS, { biz_opaque_callback_data: 'x'.repeat(513) }), 'WA824', 'biz_opaque_callback_data'],
    ['a send-time field waml does not know', whole(BUTTONS, { recipient_identity_key_hash: 'hash' }), 'WA820', 'recipient_identity_key_hash'],
    ['a header media caption', whole({ ...BUTTONS, header: { type: 'image', image: { link: 'https://e.com/a.png', caption: 'A plant' } } }), 'WA820', 'interactive.header.image.caption'],
    ["OpenAPI's header.sub_text", whole({ ...BUTTONS, header: { type: 'text', text: 'Menu', sub_text: 'today' } }), 'WA820', 'interactive.header.sub_text'],
    ['a reply button typed quick_reply', whole({ ...BUTTONS, action: { buttons: [{ type: 'quick_reply', quick_reply: { id: 'a', title: 'A' } }] } }), 'WA820', 'interactive.action.buttons[0].type'],
    ['an unknown action.parameters key', whole(FLOW({ flow_extra: 1 })), 'WA820', 'interactive.action.parameters.flow_extra'],
    ['flow_token null', whole(FLOW({ flow_token: null })), 'WA821', 'interactive.action.parameters.flow_token'],
    ['a Flow data that is neither a mapping nor a text', whole(FLOW({ flow_action_payload: { screen: 'S', data: 5 } })), 'WA821', 'interactive.action.parameters.flow_action_payload.data'],
    ['a carousel card numbered out of order', whole({ type: 'carousel', body: { text: 'Hi' }, action: { cards: [1, 0].map((i) => ({ card_index: i, type: 'cta_url', header: { type: 'image', image: { link: 'https://e.com/a.png' } }, action: { name: 'cta_url', parameters: { display_text: 'Go', url: 'https://e.com' } } })) } }), 'WA820', 'interactive.action.cards[0].card_index'],
    ['a body over a documented limit, refused with the limit\'s code', whole({ ...BUTTONS, footer: { text: 'x'.repeat(61) } }), 'WA301', ''],
  ];
  for (const [what, body, code, field] of cases) {
    const r = importBody(body, 'm');
    assert.ok(!r.ok, `${what} is refused`);
    if (!r.ok) {
      assert.is(r.code, code, `${what}: ${r.reason}`);
      assert.is(r.field, field, `${what}: ${r.reason}`);
    }
  }
});

test("an imported body builds back with its own key order (OpenAPI's sorted keys, a library's class order)", () => {
  const sorted = { interactive: { action: { buttons: [{ reply: { id: 'a', title: 'A' }, type: 'reply' }] }, body: { text: 'Pick one' }, type: 'button' }, messaging_product: 'whatsapp', recipient_type: 'individual', to: '15551234567', type: 'interactive' };
  const imported = buildsBack(sorted);
  assert.match(imported.ok ? imported.text : '', /key_order:\n {6}\$:\n {8}- interactive\n/);
  // One item out of line gets its own entry; the others keep the documented order.
  const mixed = whole({ ...BUTTONS, action: { buttons: [{ type: 'reply', reply: { id: 'a', title: 'A' } }, { type: 'reply', reply: { title: 'B', id: 'b' } }] } });
  const m = buildsBack(mixed);
  assert.match(m.ok ? m.text : '', /interactive\.action\.buttons\[1\]\.reply:/);
  // A body already in the documented order needs no key_order.
  assert.not.match(buildsBack(whole(BUTTONS)).ok ? (importBody(whole(BUTTONS), 'm') as { text: string }).text : '', /key_order/);
});

test('waml import BODY.json prints the file, or writes it with --out', () => {
  const dir = mkdtempSync(join(tmpdir(), 'waml-import-'));
  writeFileSync(join(dir, 'menu.json'), readFileSync(join(ROOT, 'test/fixtures/conformance/list.categories.json')));
  const bin = join(ROOT, 'bin/waml.js');
  const printed = spawnSync(process.execPath, [bin, 'import', 'menu.json'], { cwd: dir, encoding: 'utf8' });
  assert.is(printed.status, 0, printed.stderr);
  assert.match(printed.stdout, /^# Imported by waml from a request body\.\nmessages:\n {2}menu:\n {4}type: list\n/);
  const written = spawnSync(process.execPath, [bin, 'import', 'menu.json', '--name', 'categories', '--out', 'menu.wa.yaml'], { cwd: dir, encoding: 'utf8' });
  assert.is(written.status, 0, written.stderr);
  const built = spawnSync(process.execPath, [bin, 'build', 'menu.wa.yaml', '--out', 'out', '--to', '12015550123'], { cwd: dir, encoding: 'utf8' });
  assert.is(built.status, 0, built.stdout);
  assert.is(readFileSync(join(dir, 'out/menu.categories.json'), 'utf8'), printJson(JSON.parse(readFileSync(join(ROOT, 'test/fixtures/conformance/list.categories.json'), 'utf8'))));
  writeFileSync(join(dir, 'bad.json'), '{ "type": "request_contact_info" }');
  const bad = spawnSync(process.execPath, [bin, 'import', 'bad.json'], { cwd: dir, encoding: 'utf8' });
  assert.is(bad.status, 1);
  assert.match(bad.stderr, /^waml: bad\.json cannot be imported: /);
  rmSync(dir, { recursive: true });
});

/** The body a generated sender builds for a fixed message, printed. */
async function senderBuilds(text: string, name: string): Promise<string> {
  const module = compile([{ path: 'braces.wa.yaml', text }], { emit: ['ts'] }).outputs.find((o) => o.path.endsWith('.wa.ts'))!;
  mkdirSync(join(import.meta.dirname, '.tmp'), { recursive: true });
  const dir = mkdtempSync(join(import.meta.dirname, '.tmp', 'braces-'));
  writeFileSync(join(dir, 'braces.wa.ts'), module.text);
  const senders = (await import(join(dir, 'braces.wa.ts'))) as Record<string, { name: string; build: (to: undefined) => unknown }>;
  rmSync(dir, { recursive: true });
  return printJson(Object.values(senders).find((s) => s?.name === name)!.build(undefined));
}

test('texts holding `{{` import as literal braces, and build back byte for byte (JSON and sender)', async () => {
  const bodies = [
    { messaging_product: 'whatsapp', recipient_type: 'individual', type: 'interactive', interactive: { type: 'button', body: { text: 'Use {{ "SAVE10" | lower }} at checkout {{{x}}} }}' }, footer: { text: '{{' }, action: { buttons: [{ type: 'reply', reply: { id: '{{id}}', title: 'A {{ b' } }] } } },
    { messaging_product: 'whatsapp', recipient_type: 'individual', type: 'interactive', interactive: { type: 'flow', body: { text: 'Open {{Flow-ID}}' }, action: { name: 'flow', parameters: { flow_message_version: '3', flow_token: '{{token}}', flow_id: '{{Flow-ID}}', flow_cta: 'Book {{', flow_action: 'navigate', flow_action_payload: { screen: 'S{{', data: { '{{key}}': '{{value}}', list: ['{{', 5, { deep: 'x{{y' }] } } } } } },
    { messaging_product: 'whatsapp', recipient_type: 'individual', type: 'interactive', interactive: { type: 'address_message', body: { text: 'Where {{?' }, action: { name: 'address_message', parameters: { country: 'IN', values: { name: '{{name}}' } } } } },
  ];
  for (const body of bodies) {
    const imported = importBody(body, 'braces');
    if (!imported.ok) throw new Error(imported.reason);
    const result = compile([{ path: 'braces.wa.yaml', text: imported.text }]);
    assert.equal(result.diagnostics.filter((d) => d.severity === 'error'), [], imported.text);
    assert.equal(result.unbuilt, [], 'literal placeholders need no data');
    assert.is(result.outputs[0]?.text, printJson(body), imported.text);
    assert.is(await senderBuilds(imported.text, 'braces'), printJson(body), 'the generated sender builds the same body');
  }
});

test("a body without recipient_type imports: waml writes the API's default, and says so in one line", () => {
  const imported = importBody({ messaging_product: 'whatsapp', to: '15551234567', type: 'interactive', interactive: BUTTONS }, 'm');
  assert.ok(imported.ok, imported.ok ? '' : imported.reason);
  if (!imported.ok) return;
  assert.equal(imported.notes, ['the body has no `recipient_type`; waml writes the API\'s default, `"recipient_type": "individual"`']);
  assert.not.match(imported.text, /key_order/, 'the default takes its documented place');
  const built = compile([{ path: 'm.wa.yaml', text: imported.text }], { to: '15551234567' }).outputs[0]!.text;
  assert.is(built, printJson({ messaging_product: 'whatsapp', recipient_type: 'individual', to: '15551234567', type: 'interactive', interactive: BUTTONS }));
});

test('a recipient that is none (a placeholder) is not kept: the message imports, and the import says so in one line', () => {
  for (const [body, field] of [
    [whole(BUTTONS, { to: 'PHONE_NUMBER' }), 'to'],
    [whole(BUTTONS, { to: '{{Recipient-Phone-Number}}' }), 'to'],
    [{ messaging_product: 'whatsapp', recipient_type: 'individual', recipient: 'someone', type: 'interactive', interactive: BUTTONS }, 'recipient'],
  ] as const) {
    const imported = importBody(body, 'm');
    assert.ok(imported.ok, imported.ok ? '' : imported.reason);
    if (!imported.ok) continue;
    assert.is(imported.send.to, undefined);
    assert.is(imported.to, undefined);
    assert.is(imported.notes.length, 1);
    assert.match(imported.notes[0]!, new RegExp(`^\`${field}\` \\(${JSON.stringify(JSON.stringify((body as Record<string, string>)[field])).slice(1, -1).replace(/[{}]/g, '\\$&')}\\) is not a .*, so it is not kept; give the recipient when you build or send$`));
    // The rest is the message: built to a real number, it is the body with that number.
    const built = compile([{ path: 'm.wa.yaml', text: imported.text }], { to: '15551234567' }).outputs[0]!.text;
    assert.is(built, printJson(whole(BUTTONS)));
  }
});

test('waml import prints its notes on stderr, one line each, and writes the message', () => {
  const dir = mkdtempSync(join(tmpdir(), 'waml-import-notes-'));
  writeFileSync(join(dir, 'b.json'), JSON.stringify({ messaging_product: 'whatsapp', to: 'PHONE_NUMBER', type: 'interactive', interactive: BUTTONS }));
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/waml.js'), 'import', 'b.json'], { cwd: dir, encoding: 'utf8' });
  assert.is(r.status, 0, r.stderr);
  assert.match(r.stdout, /^# Imported by waml/);
  assert.is(r.stderr, 'waml: note: the body has no `recipient_type`; waml writes the API\'s default, `"recipient_type": "individual"`\nwaml: note: `to` ("PHONE_NUMBER") is not a phone number (digits with an optional leading +, 7 to 15 digits), so it is not kept; give the recipient when you build or send\n');
  rmSync(dir, { recursive: true });
});

test('waml import names the send-time fields; waml build --to a user id builds them back', () => {
  const dir = mkdtempSync(join(tmpdir(), 'waml-import-send-'));
  const bin = join(ROOT, 'bin/waml.js');
  for (const f of ['pywa/buttons-bsuid.json', 'whatsapp-api-js/button-bsuid.json']) {
    const original = readFileSync(join(ROOT, 'test/fixtures/real', f), 'utf8');
    writeFileSync(join(dir, 'body.json'), original);
    const imported = spawnSync(process.execPath, [bin, 'import', 'body.json', '--name', 'menu', '--out', 'menu.wa.yaml'], { cwd: dir, encoding: 'utf8' });
    assert.is(imported.status, 0, imported.stderr);
    const to = /build with --to (\S+)/.exec(imported.stderr)?.[1];
    assert.ok(to, imported.stderr);
    const built = spawnSync(process.execPath, [bin, 'build', 'menu.wa.yaml', '--out', 'out', '--to', to!], { cwd: dir, encoding: 'utf8' });
    assert.is(built.status, 0, built.stdout + built.stderr);
    assert.is(readFileSync(join(dir, 'out/menu.menu.json'), 'utf8'), printJson(JSON.parse(original)));
  }
  writeFileSync(join(dir, 'reply.json'), readFileSync(join(ROOT, 'test/fixtures/real/whatsapp-api-js/button-phone-and-bsuid.json')));
  const extras = spawnSync(process.execPath, [bin, 'import', 'reply.json'], { cwd: dir, encoding: 'utf8' });
  assert.match(extras.stderr, /send to \{"phone":"5491123456789","user":"US\.13491208655302741918"\}.*send with the options \{ replyTo: "wamid\.[^"]+", callbackData: "welcome-7" \}/);
  rmSync(dir, { recursive: true });
});

test('the generated sender builds an imported body with its key order, recipient and send options', async () => {
  for (const f of ['whatsapp-api-js/button-phone-and-bsuid.json', 'kapso/buttons-reply-to.json', 'pywa/flow.json', 'whatsapp-api-js/list-two-sections.json']) {
    const body = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/real', f), 'utf8')) as Record<string, unknown>;
    const imported = importBody(body, 'real');
    if (!imported.ok) throw new Error(imported.reason);
    const module = compile([{ path: 'real.wa.yaml', text: imported.text }], { emit: ['ts'] }).outputs.find((o) => o.path.endsWith('.wa.ts'))!;
    mkdirSync(join(import.meta.dirname, '.tmp'), { recursive: true });
    const dir = mkdtempSync(join(import.meta.dirname, '.tmp', 'sender-'));
    writeFileSync(join(dir, 'real.wa.ts'), module.text);
    const senders = (await import(join(dir, 'real.wa.ts'))) as Record<string, { name: string; build: (to: unknown, input: unknown, options: unknown) => unknown }>;
    rmSync(dir, { recursive: true });
    const sender = Object.values(senders).find((s) => s?.name === 'real')!;
    assert.is(printJson(sender.build(imported.send.to, {}, imported.send.options)), printJson(body), f);
  }
});

test('import refuses a number a double cannot hold exactly, naming the field (WA210), with the number as written', () => {
  const order = '{"type":"interactive","interactive":{"type":"order_details","action":{"parameters":{"total_amount":{"value":9007199254740993,"offset":100}}}}}';
  assert.equal(readJson(order), { ok: false, code: 'WA210', field: 'interactive.action.parameters.total_amount.value', reason: '`interactive.action.parameters.total_amount.value`: the number `9007199254740993` cannot be held exactly by a double (JavaScript reads it as 9007199254740992), so the message would change; write it as a string if the API takes one' });
  const flow = readJson('{"action":{"parameters":{"flow_action_payload":{"data":{"ids":[1, 12345678901234567890]}}}}}');
  assert.equal(flow.ok ? undefined : [flow.code, flow.field], ['WA210', 'action.parameters.flow_action_payload.data.ids[1]']);
  assert.match(flow.ok ? '' : flow.reason, /`12345678901234567890`.*12345678901234567000/);
  const inf = readJson('{"n": 1E400}');
  assert.match(inf.ok ? '' : inf.reason, /the number `1E400` is not a finite number/);
  // Exact numbers, 2^53 itself among them, pass as JSON.parse reads them.
  assert.equal(readJson('{"a": 9007199254740992, "b": [0.1, -0, 1.50, 1e-7], "c": "12345678901234567890"}'), { ok: true, value: { a: 9007199254740992, b: [0.1, -0, 1.5, 1e-7], c: '12345678901234567890' } });
});

test('import refuses hostile nesting in one line, before reading the JSON a second time', () => {
  const deep = readJson('['.repeat(100000) + ']'.repeat(100000));
  assert.equal(deep.ok ? undefined : [deep.code, deep.reason], ['WA821', 'the JSON nests lists and objects more than 256 levels deep; a request body needs a few']);
  const wide = readJson(`{"a":[${Array.from({ length: 200000 }, () => '1').join(',')}]}`);
  assert.ok(wide.ok, 'a long list is not deep');
});

test('importBody refuses a non-finite number by its path (WA210), never as `.inf`', () => {
  const body = JSON.parse('{"messaging_product":"whatsapp","recipient_type":"individual","to":"15551234567","type":"interactive","interactive":{"type":"flow","body":{"text":"x"},"action":{"name":"flow","parameters":{"flow_message_version":"3","flow_id":"1","flow_cta":"Go","flow_action":"navigate","flow_action_payload":{"screen":"A","data":{"n":1E400}}}}}}') as unknown;
  const imported = importBody(body, 'm');
  assert.equal(imported.ok ? undefined : [imported.code, imported.field], ['WA210', 'interactive.action.parameters.flow_action_payload.data.n']);
  assert.not.match(imported.ok ? '' : imported.reason, /\.inf/);
});

test('import refuses a key written twice, naming its path, at any depth', () => {
  assert.equal(readJson('{"interactive":{"body":{"text":"first","text":"second"}}}'), { ok: false, code: 'WA821', field: 'interactive.body.text', reason: '`interactive.body.text` is written twice; JSON.parse would keep the last silently, so say which one you mean' });
  const deep = readJson('{"a":[{"b":1},{"c":{"d":1,"e":2,"d":3}}]}');
  assert.equal(deep.ok ? undefined : deep.field, 'a[1].c.d');
  // The same key in two objects is not a duplicate; tab-indented JSON reads as JSON does.
  assert.equal(readJson('{\n\t"a": {"k": 1},\n\t"b": {"k": 2}\n}'), { ok: true, value: { a: { k: 1 }, b: { k: 2 } } });
});

test('waml import refuses a duplicate key and an inexact number in one line naming the field', () => {
  const dir = mkdtempSync(join(tmpdir(), 'waml-import-json-'));
  const bin = join(ROOT, 'bin/waml.js');
  writeFileSync(join(dir, 'dup.json'), '{"messaging_product":"whatsapp","recipient_type":"individual","to":"15551234567","type":"interactive","interactive":{"type":"button","body":{"text":"first","text":"second"},"action":{"buttons":[{"type":"reply","reply":{"id":"a","title":"A"}}]}}}');
  const dup = spawnSync(process.execPath, [bin, 'import', 'dup.json'], { cwd: dir, encoding: 'utf8' });
  assert.is(dup.status, 1);
  assert.is(dup.stdout, '');
  assert.is(dup.stderr, 'waml: dup.json cannot be imported: `interactive.body.text` is written twice; JSON.parse would keep the last silently, so say which one you mean [WA821 at interactive.body.text]\n');
  writeFileSync(join(dir, 'big.json'), '{"type":"flow","body":{"text":"x"},"action":{"name":"flow","parameters":{"flow_message_version":"3","flow_id":"1","flow_cta":"Go","flow_action":"navigate","flow_action_payload":{"screen":"A","data":{"n":12345678901234567890}}}}}');
  const big = spawnSync(process.execPath, [bin, 'import', 'big.json'], { cwd: dir, encoding: 'utf8' });
  assert.is(big.status, 1);
  assert.match(big.stderr, /^waml: big\.json cannot be imported: .*`12345678901234567890`.* \[WA210 at action\.parameters\.flow_action_payload\.data\.n\]\n$/);
  rmSync(dir, { recursive: true });
});

test("a null in an order's payment is refused by the body's field path (WA821), as other nulls are", () => {
  const body = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/real/meta-openapi/order-details.json'), 'utf8')) as { interactive: { action: { parameters: { order: Record<string, unknown> } } } };
  body.interactive.action.parameters.order['tax'] = null;
  const imported = importBody(body, 'pay');
  assert.equal(imported.ok ? undefined : [imported.code, imported.field, imported.reason], ['WA821', 'interactive.action.parameters.order.tax', '`interactive.action.parameters.order.tax` is null; waml writes a value there or leaves the key out']);
});

test.run();
