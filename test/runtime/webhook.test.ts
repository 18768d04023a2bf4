import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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

const raw = (name: string) => readFileSync(join(import.meta.dirname, '../fixtures/webhooks', `${name}.json`), 'utf8');
const first = (name: string) => parseWebhook(JSON.parse(raw(name))).messages[0]!.message;
const SENDERS = [helpMenu, catalog, bookVisit, deliveryAddress, pickupLocation, pickAPlant, trackOrder];

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
  assert.is(await verifySignature(body, sign(body), SECRET), true);
  assert.is(await verifySignature(new TextEncoder().encode(body), sign(body), SECRET), true);
  assert.is(await verifySignature(Buffer.from(body), sign(body).toUpperCase().replace('SHA256=', 'sha256='), SECRET), true);
  assert.is(await verifySignature(body, sign(body), 'another-secret'), false);
  assert.is(await verifySignature(JSON.stringify(JSON.parse(body)), sign(body), SECRET), false, 're-serialised JSON differs');
  assert.is(await verifySignature(body, undefined, SECRET), false);
  assert.is(await verifySignature(body, null, SECRET), false);
  assert.is(await verifySignature(body, '', SECRET), false);
  assert.is(await verifySignature(body, sign(body).slice(0, 40), SECRET), false);
  assert.is(await verifySignature(body, sign(body).replace('sha256=', 'sha1='), SECRET), false);
  assert.is(await verifySignature(body, `sha256=${'zz'.repeat(32)}`, SECRET), false);
  assert.is(await verifySignature(body, sign(body), ''), false);
});

test.run();
