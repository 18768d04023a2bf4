import { createHmac } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { compile } from '../../compiler/index.js';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseWebhook, verifySignature, WebhookError } from '../../runtime/index.js';
import { bookVisit } from '../golden/ts/book-visit.wa.js';
import { catalog } from '../golden/ts/catalog.wa.js';
import { deliveryAddress } from '../golden/ts/delivery-address.wa.js';
import { trackOrder } from '../golden/ts/order-tracking.wa.js';
import { pickAPlant } from '../golden/ts/pick-a-plant.wa.js';
import { pickupLocation } from '../golden/ts/pickup-location.wa.js';
import { helpMenu } from '../golden/ts/support-menu.wa.js';
import { browseNursery, featuredPlant, shadePlants } from '../golden/ts/commerce.wa.js';
import { callPlantDoctor, mayWeCall } from '../golden/ts/calling.wa.js';
import { orderShippedUpdate, payForOrder } from '../golden/ts/payments.wa.js';

const raw = (name: string) => readFileSync(join(import.meta.dirname, '../fixtures/webhooks', `${name}.json`), 'utf8');
const first = (name: string) => parseWebhook(JSON.parse(raw(name))).messages[0]!.message;
const SENDERS = [helpMenu, catalog, bookVisit, deliveryAddress, pickupLocation, pickAPlant, trackOrder, featuredPlant, shadePlants, browseNursery, mayWeCall, callPlantDoctor, payForOrder, orderShippedUpdate];

/** Which generated senders recognise a message as a reply to them. */
function recognisedBy(name: string): string[] {
  const m = first(name);
  return SENDERS.filter((s) => s.parseReply(m) !== undefined).map((s) => s.name);
}

test('the envelope: messages with their phone number id and profile, statuses', () => {
  const w = parseWebhook(JSON.parse(raw('button_reply')));
  assert.is(w.messages.length, 1);
  assert.equal([w.messages[0]!.phoneNumberId, w.messages[0]!.displayPhoneNumber, w.messages[0]!.profileName], ['106540352242922', '15550783881', 'Asha Verma']);
  const s = parseWebhook(JSON.parse(raw('statuses')));
  assert.equal(s.messages, []);
  assert.equal(s.statuses.map((x) => [x.id, x.status, x.recipientId]), [['wamid.SENT', 'delivered', '919000000000'], ['wamid.SENT2', 'failed', '919000000000']]);
  assert.is(s.statuses[1]!.errors?.[0]?.code, 131047);
});

test('button_reply: the help menu recognises its own id, typed', () => {
  assert.equal(recognisedBy('button_reply'), ['help_menu']);
  const r = helpMenu.parseReply(first('button_reply'))!;
  assert.equal([r.kind, r.id, r.title], ['button', 'track_order', 'Track my order']);
});

test('a carousel quick reply arrives as a button_reply', () => {
  assert.equal(recognisedBy('carousel_quick_reply'), ['pick_a_plant']);
});

test('list_reply: a templated id is matched by its pattern', () => {
  assert.equal(recognisedBy('list_reply'), ['catalog']);
  const r = catalog.parseReply(first('list_reply'))!;
  assert.equal([r.kind, r.id, r.description], ['list', 'sku:ECH-BLUE', '₹349.00 · free delivery']);
});

test('nfm_reply for a Flow: response_json parsed, the flow token checked', () => {
  assert.equal(recognisedBy('nfm_reply_flow'), ['book_visit']);
  const r = bookVisit.parseReply(first('nfm_reply_flow'))!;
  assert.equal([r.kind, r.flowToken, r.response['slot']], ['flow', 'consult-2026-q4', 'morning']);
  const other = JSON.parse(raw('nfm_reply_flow').replace('consult-2026-q4', 'another-flow'));
  assert.is(bookVisit.parseReply(parseWebhook(other).messages[0]!.message), undefined);
});

test('nfm_reply for an address', () => {
  assert.equal(recognisedBy('nfm_reply_address'), ['delivery_address']);
  const r = deliveryAddress.parseReply(first('nfm_reply_address'))!;
  assert.equal((r.response['values'] as Record<string, string>)['in_pin_code'], '560001');
});

test('a shared location answers the location request; with sentId, only its own', () => {
  assert.equal(recognisedBy('location'), ['pickup_location']);
  const m = first('location');
  const r = pickupLocation.parseReply(m)!;
  assert.equal([r.kind, r.latitude, r.longitude, r.name], ['location', 12.9716, 77.5946, 'Cubbon Park']);
  assert.ok(pickupLocation.parseReply(m, 'wamid.SENT'));
  assert.is(pickupLocation.parseReply(m, 'wamid.OTHER'), undefined);
});

test('a template quick reply has its own shape and answers no interactive message', () => {
  const m = first('template_button');
  assert.equal(m.button, { payload: 'STOP_PROMOS', text: 'Stop promotions' });
  assert.equal(recognisedBy('template_button'), []);
});

test('a CTA URL message gets no reply', () => {
  for (const name of ['button_reply', 'list_reply', 'location', 'nfm_reply_flow']) assert.is(trackOrder.parseReply(first(name)), undefined);
});

test('hostile bodies give a WebhookError naming the path, never a crash', () => {
  const good = JSON.parse(raw('button_reply'));
  const cases: [unknown, RegExp][] = [
    [null, /the body must be a JSON object/],
    ['text', /the body must be a JSON object/],
    [{ object: 'page' }, /object must be "whatsapp_business_account"/],
    [{ object: 'whatsapp_business_account', entry: {} }, /entry must be a list/],
    [{ object: 'whatsapp_business_account', entry: [5] }, /entry\[0\] must be an object/],
    [{ ...good, entry: [{ changes: [{ field: 'messages', value: { metadata: {}, messages: [] } }] }] }, /phone_number_id must be a string/],
    [JSON.parse(JSON.stringify(good).replace('"track_order"', '42')), /button_reply\.id must be a string/],
    [JSON.parse(JSON.stringify(good).replace('"type": "interactive"', '"type": "location"').replace(/"type":"interactive"/, '"type":"location"')), /location must have a numeric latitude and longitude|must be/],
  ];
  for (const [body, message] of cases) {
    assert.throws(() => parseWebhook(body), (e: unknown) => e instanceof WebhookError && message.test((e as Error).message));
  }
});

test('a huge body is walked without trouble', () => {
  const body = JSON.parse(raw('button_reply'));
  const one = body.entry[0].changes[0].value.messages[0];
  body.entry[0].changes[0].value.messages = Array.from({ length: 50_000 }, () => one);
  assert.is(parseWebhook(body).messages.length, 50_000);
});

test('response_json that is not JSON: no reply, no crash', () => {
  const body = JSON.parse(raw('nfm_reply_flow'));
  body.entry[0].changes[0].value.messages[0].interactive.nfm_reply.response_json = '{not json';
  assert.is(bookVisit.parseReply(parseWebhook(body).messages[0]!.message), undefined);
});

test('parseReply takes hostile messages: wrong types, missing fields, nulls', () => {
  const hostile: unknown[] = [
    null, undefined, 0, 'text', [], {}, { type: 'interactive' }, { type: 'interactive', interactive: null }, { type: 'interactive', interactive: 'x' },
    { type: 'interactive', interactive: { button_reply: null } }, { type: 'interactive', interactive: { button_reply: { id: 5, title: 'x' } } },
    { type: 'interactive', interactive: { button_reply: { id: 'track_order' } } }, { type: 'interactive', interactive: { list_reply: ['sku:x'] } },
    { type: 'interactive', interactive: { nfm_reply: { name: 'flow', response_json: 42 } } }, { type: 'interactive', interactive: { nfm_reply: { name: 'flow', response_json: '[1]' } } },
    { type: 'interactive', interactive: { nfm_reply: { name: 'address_message', response_json: 'null' } } },
    { type: 'location', location: null }, { type: 'location', location: { latitude: '1', longitude: 2 } }, { type: 'location', context: null },
  ];
  for (const m of hostile) for (const s of SENDERS) assert.is(s.parseReply(m as never), undefined, `${s.name} on ${JSON.stringify(m)}`);
});

const SECRET = 'app-secret-42';
const sign = (body: string) => `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`;

test('signatures: valid over the raw bytes; invalid, missing, malformed and short are refused', async () => {
  const body = raw('button_reply');
  const v = async (b: unknown, signature: string | null | undefined, appSecret = SECRET) => verifySignature({ body: b as string, signature, appSecret });
  const valid: [string, unknown, string][] = [
    ['a string', body, sign(body)],
    ['a Uint8Array', new TextEncoder().encode(body), sign(body)],
    ['a Buffer', Buffer.from(body), sign(body)],
    ['an ArrayBuffer', new TextEncoder().encode(body).buffer, sign(body)],
    ['a view into a larger buffer', new TextEncoder().encode(`xx${body}yy`).subarray(2, 2 + Buffer.byteLength(body)), sign(body)],
    ['a Uint8Array from another realm', runInNewContext('new Uint8Array(bytes)', { bytes: [...Buffer.from(body)] }), sign(body)],
    ['upper-case hex', body, sign(body).toUpperCase().replace('SHA256=', 'sha256=')],
  ];
  for (const [name, b, signature] of valid) assert.equal(await v(b, signature), { valid: true }, name);
  const invalid: [string, string | null | undefined, string, RegExp][] = [
    ['another secret', sign(body), 'another-secret', /does not match/],
    ['no header', undefined, SECRET, /no X-Hub-Signature-256 header/],
    ['a null header', null, SECRET, /no X-Hub-Signature-256 header/],
    ['an empty header', '', SECRET, /no X-Hub-Signature-256 header/],
    ['a short header', sign(body).slice(0, 40), SECRET, /not sha256=<64 hex digits>/],
    ['sha1', sign(body).replace('sha256=', 'sha1='), SECRET, /not sha256=/],
    ['not hex', `sha256=${'zz'.repeat(32)}`, SECRET, /not sha256=/],
    ['an empty secret', sign(body), '', /no app secret/],
  ];
  for (const [name, signature, secret, problem] of invalid) {
    const r = await v(body, signature, secret);
    assert.is(r.valid, false, name);
    assert.match((r as { problem: string }).problem, problem, name);
  }
  const reserialised = await v(JSON.stringify(JSON.parse(body)), sign(body));
  assert.is(reserialised.valid, false, 're-serialised JSON differs');
});

test('signatures: a body that is not bytes is a TypeError, never valid, even one made to look like bytes', async () => {
  const body = raw('button_reply');
  const real = new TextEncoder().encode(body);
  const hostile: [string, unknown][] = [
    ['a parsed object', JSON.parse(body)],
    ['a parsed object with a buffer key', { buffer: real.buffer, byteOffset: 0, byteLength: real.byteLength }],
    ['Buffer.toJSON()', Buffer.from(body).toJSON()],
    ['a look-alike Uint8Array', { [Symbol.toStringTag]: 'Uint8Array', buffer: real.buffer, byteOffset: 0, byteLength: real.byteLength }],
    ['a look-alike ArrayBuffer', { [Symbol.toStringTag]: 'ArrayBuffer', byteLength: real.byteLength }],
    ['a DataView', new DataView(real.buffer)],
    ['an array of bytes', [...real]],
    ['null', null],
    ['undefined', undefined],
    ['a number', 42],
  ];
  for (const [name, b] of hostile) {
    const r = await verifySignature({ body: b as string, signature: sign(body), appSecret: SECRET }).catch((e: unknown) => e);
    assert.instance(r, TypeError, name);
    assert.match((r as Error).message, /^verifySignature: body must be the raw request bytes \(a string, Uint8Array or ArrayBuffer\), not /, name);
  }
  // The old three-argument call, and no argument at all: a TypeError, never a verdict.
  for (const args of [[body, sign(body), SECRET], [Buffer.from(body), sign(body), SECRET], [null], []]) {
    const r = await (verifySignature as (...a: unknown[]) => Promise<unknown>)(...args).catch((e: unknown) => e);
    assert.instance(r, TypeError);
    assert.match((r as Error).message, /verifySignature takes one object: \{ body, signature, appSecret \}/);
  }
});

test('value.errors are surfaced with their phone number, not dropped; a bad one is a WebhookError', () => {
  const body = JSON.parse(raw('statuses'));
  const value = body.entry[0].changes[0].value;
  value.errors = [{ code: 131051, title: 'Message type unknown', message: 'Message type unknown', error_data: { details: 'Message type is currently not supported.' } }];
  const w = parseWebhook(body);
  assert.equal(w.errors, [{ phoneNumberId: value.metadata.phone_number_id, code: 131051, title: 'Message type unknown', message: 'Message type unknown', error_data: { details: 'Message type is currently not supported.' }, details: 'Message type is currently not supported.' }]);
  assert.is(w.statuses.length, 2, 'the statuses beside them too');
  assert.equal(parseWebhook(JSON.parse(raw('button_reply'))).errors, []);
  for (const [errors, message] of [[{}, /value\.errors must be a list/], [[null], /value\.errors\[0\] must be an object/], [[{ title: 'x' }], /value\.errors\[0\]\.code must be a number/]] as const) {
    value.errors = errors;
    assert.throws(() => parseWebhook(body), (e: unknown) => e instanceof WebhookError && message.test((e as Error).message), JSON.stringify(errors));
  }
});

test('contacts are matched by wa_id through one map: each sender gets its own name, and many contacts stay linear', () => {
  const body = JSON.parse(raw('button_reply'));
  const value = body.entry[0].changes[0].value;
  const one = value.messages[0];
  const n = 3_000;
  // Count how often a contact's wa_id is read: a lookup per message would read n * n / 2 of them.
  let reads = 0;
  value.contacts = Array.from({ length: n }, (_, i) => ({ get wa_id() {
    reads++;
    return `91${i}`;
  }, profile: { name: `Name ${i}` } }));
  value.messages = Array.from({ length: n }, (_, i) => ({ ...one, from: `91${n - 1 - i}` }));
  const w = parseWebhook(body);
  assert.is(w.messages.length, n);
  assert.is(w.messages[0]!.profileName, `Name ${n - 1}`);
  assert.is(w.messages[n - 1]!.profileName, 'Name 0');
  assert.ok(reads <= 2 * n, `wa_id was read ${reads} times for ${n} contacts`);
  // A sender with no contact of its own gets no name (the lone-contact case aside).
  value.contacts = [{ wa_id: 'a', profile: { name: 'A' } }, { wa_id: 'b', profile: { name: 'B' } }];
  value.messages = [{ ...one, from: 'c' }];
  assert.is(parseWebhook(body).messages[0]!.profileName, undefined);
  value.contacts = [{ wa_id: '+91 98', profile: { name: 'Lone' } }];
  assert.is(parseWebhook(body).messages[0]!.profileName, 'Lone');
});

test('an order (a cart from a product, product list or catalog message) is the reply of the messages of its catalog', () => {
  assert.equal(recognisedBy('order'), ['featured_plant', 'shade_plants', 'browse_nursery']);
  const r = shadePlants.parseReply(first('order'))!;
  assert.equal([r.kind, r.catalogId, r.text], ['order', '146265584024623', 'Please gift-wrap the fern']);
  assert.equal(r.items, [
    { productRetailerId: 'FERN-BOSTON', quantity: 2, itemPrice: 399, currency: 'INR' },
    { productRetailerId: 'ECH-BLUE', quantity: 1, itemPrice: 349, currency: 'INR' },
  ]);
  // Another catalog's cart answers none of them.
  const other = parseWebhook(JSON.parse(raw('order').replace('146265584024623', '999'))).messages[0]!.message;
  assert.is(featuredPlant.parseReply(other), undefined);
  assert.ok(browseNursery.parseReply(other), 'a catalog message names no catalog id: any cart answers it');
});

test('an order without product_items, or with a malformed item, is refused with its path', () => {
  const broken = JSON.parse(raw('order'));
  broken.entry[0].changes[0].value.messages[0].order.product_items[1].quantity = 'one';
  assert.throws(() => parseWebhook(broken), (e: unknown) => e instanceof WebhookError && e.message.includes('order.product_items[1].quantity'));
});

test('call_permission_reply answers the call permission request, typed', () => {
  assert.equal(recognisedBy('call_permission_reply'), ['may_we_call']);
  const r = mayWeCall.parseReply(first('call_permission_reply'))!;
  assert.equal([r.kind, r.accepted, r.permanent, r.expiresAt, r.source], ['call_permission', true, false, 1750604800, 'user_action']);
  const rejected = parseWebhook(JSON.parse(raw('call_permission_reply').replace('"accept"', '"reject"'))).messages[0]!.message;
  assert.is(mayWeCall.parseReply(rejected)!.accepted, false);
});

test('a call from the call button: the calls field is parsed and its cta_payload read by parseCall', () => {
  const w = parseWebhook(JSON.parse(raw('call_connect')));
  assert.equal(w.messages, []);
  assert.is(w.calls.length, 1);
  const call = w.calls[0]!;
  assert.equal([call.phoneNumberId, call.id, call.event, call.cta_payload], ['106540352242922', 'wacid.HBgLOTE5MDAwMDAwMDAw', 'connect', 'plant-doctor-faq']);
  assert.equal(callPlantDoctor.parseCall(call), { kind: 'call', payload: 'plant-doctor-faq', call });
  assert.is(callPlantDoctor.parseCall({ ...call, cta_payload: 'another-button' }), undefined);
  assert.is(callPlantDoctor.parseCall({ ...call, event: 'terminate' }), undefined);
  // Payment messages get no reply message.
  assert.is(payForOrder.parseReply(first('order')), undefined);
});

test('a call button without payload claims no call: parseCall is always undefined (a user-started call has no cta_payload either)', async () => {
  const text = 'messages:\n  call_us:\n    type: voice_call\n    body: Call us\n    call:\n      text: Call\n';
  const module = compile([{ path: 'nopayload.wa.yaml', text }], { emit: ['ts'] }).outputs.find((o) => o.path.endsWith('.wa.ts'))!;
  assert.match(module.text, /parseCall\(_call: Waml\.CallEvent\): undefined \{/, 'the type says it');
  assert.match(module.text, /Always undefined: this message's call button has no `payload`/, 'the doc comment says why');
  mkdirSync(join(import.meta.dirname, '../.tmp'), { recursive: true });
  const dir = mkdtempSync(join(import.meta.dirname, '../.tmp', 'call-'));
  writeFileSync(join(dir, 'nopayload.wa.ts'), module.text);
  const { callUs } = (await import(join(dir, 'nopayload.wa.ts'))) as { callUs: { parseCall: (call: unknown) => unknown } };
  rmSync(dir, { recursive: true });
  const call = parseWebhook(JSON.parse(raw('call_connect'))).calls[0]!;
  const { cta_payload: _, ...userStarted } = call;
  assert.is(callUs.parseCall(userStarted), undefined, 'a connect call without cta_payload, as a call the user starts');
  assert.is(callUs.parseCall(call), undefined);
});

test.run();
