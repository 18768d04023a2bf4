import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { WamlParamError } from '../../runtime/errors.js';
import { envelope, GROUP_ID, MAX_CALLBACK_DATA, PHONE, recipientKeys, reorder, SEND_OPTION_KEYS, USER_ID } from '../../runtime/recipient.js';
import * as runtime from '../../runtime/index.js';
import { LIMITS } from '../../compiler/limits.js';
import { templateBody } from '../../runtime/message-template.js';

test('recipients: a phone number, a business-scoped user id (parent ids too), both, or a group', () => {
  const cases: [unknown, unknown][] = [
    ['15551234567', { recipient_type: 'individual', to: '15551234567' }],
    ['+15551234567', { recipient_type: 'individual', to: '+15551234567' }],
    ['US.13491208655302741918', { recipient_type: 'individual', recipient: 'US.13491208655302741918' }],
    ['US.ENT.11815799212886844830', { recipient_type: 'individual', recipient: 'US.ENT.11815799212886844830' }],
    [{ phone: '15551234567', user: 'US.13491208655302741918' }, { recipient_type: 'individual', to: '15551234567', recipient: 'US.13491208655302741918' }],
    [{ user: 'BR.99' }, { recipient_type: 'individual', recipient: 'BR.99' }],
    [{ group: 'Y2FwaV9ncm91cDoxNzA1NTU1MDEzOToxMjAzNjM0MDQ2OTQyMzM4MjAZD' }, { recipient_type: 'group', to: 'Y2FwaV9ncm91cDoxNzA1NTU1MDEzOToxMjAzNjM0MDQ2OTQyMzM4MjAZD' }],
  ];
  for (const [to, keys] of cases) assert.equal(recipientKeys(to as never), keys, JSON.stringify(to));
  const wrong: [unknown, RegExp][] = [
    ['123456', /neither a phone number/],
    ['1234567890123456', /neither a phone number/],
    ['us.1349', /neither a phone number/],
    ['US.', /neither a phone number/],
    [`US.${'1'.repeat(129)}`, /neither a phone number/],
    [{ group: 'a b' }, /group id that is not one/],
    [{ group: 'g', phone: '15551234567' }, /names a group and a person/],
    [{ phone: '12ab' }, /phone number that is not one/],
    [{ user: '15551234567' }, /user id that is not/],
    [{}, /names no phone number/],
    [null, /is not a recipient/],
  ];
  for (const [to, why] of wrong) assert.match(String(recipientKeys(to as never)), why, JSON.stringify(to));
});

test("the runtime's recipient forms and callback limit are the limits table's", () => {
  assert.ok(PHONE.test('1'.repeat(LIMITS.recipient.min)) && !PHONE.test('1'.repeat(LIMITS.recipient.min - 1)));
  assert.ok(PHONE.test('1'.repeat(LIMITS.recipient.max)) && !PHONE.test('1'.repeat(LIMITS.recipient.max + 1)));
  assert.is(MAX_CALLBACK_DATA, LIMITS.callbackData.max);
  assert.ok(USER_ID.test(`US.${'a'.repeat(128)}`) && !USER_ID.test(`US.${'a'.repeat(129)}`));
  assert.ok(GROUP_ID.test('Y2FwaV9ncm91cDoxNzA1NTU1MDEzOToxMjAzNjM0MDQ2OTQyMzM4MjAZD'));
});

test('the envelope: recipient keys, context and callback data in the Messages reference order; bad values are WamlParamError', () => {
  const body = envelope('m', { phone: '15551234567', user: 'US.1' }, { replyTo: 'wamid.X', callbackData: 'c' }, 'interactive', { type: 'button' });
  assert.equal(Object.keys(body), ['messaging_product', 'recipient_type', 'to', 'recipient', 'context', 'biz_opaque_callback_data', 'type', 'interactive']);
  assert.equal(body['context'], { message_id: 'wamid.X' });
  assert.equal(Object.keys(envelope('m', undefined, undefined, 'interactive', {})), ['messaging_product', 'recipient_type', 'type', 'interactive']);
  assert.throws(() => envelope('m', '12', undefined, 'interactive', {}), (e: unknown) => e instanceof WamlParamError && e.path === 'to');
  assert.throws(() => envelope('m', undefined, { callbackData: 'x'.repeat(MAX_CALLBACK_DATA + 1) }, 'interactive', {}), (e: unknown) => e instanceof WamlParamError && e.path === 'callbackData' && /513 characters; the limit is 512/.test(e.message));
  assert.ok(envelope('m', undefined, { callbackData: '😀'.repeat(MAX_CALLBACK_DATA) }, 'interactive', {}), 'counted in code points');
  assert.throws(() => envelope('m', undefined, { replyTo: ' ' }, 'interactive', {}), (e: unknown) => e instanceof WamlParamError && e.path === 'replyTo');
});

test('an interactive message is not built for a group (Groups messaging page: text, media and templates only): WamlParamError', () => {
  assert.throws(() => envelope('menu', { group: 'Y2FwaV9ncm91cDox' }, undefined, 'interactive', { type: 'button' }), (e: unknown) => e instanceof WamlParamError && e.path === 'to' && /a group does not take an interactive message: Meta's Groups messaging page lists text, media and text or media template messages only/.test(e.message));
  assert.equal(envelope('t', { group: 'Y2FwaV9ncm91cDox' }, undefined, 'template', {})['recipient_type'], 'group', 'a template goes to a group');
});

test('send options are one list of known keys, exported; a key not in it is refused by the envelope, never dropped', () => {
  assert.equal(Object.keys(SEND_OPTION_KEYS), ['replyTo', 'callbackData']);
  assert.is(runtime.SEND_OPTION_KEYS, SEND_OPTION_KEYS);
  assert.throws(() => envelope('m', undefined, { replyTo: 'wamid.x', language: 'en' } as never, 'interactive', {}), (e: unknown) => e instanceof WamlParamError && e.path === 'language' && /is not a send option/.test(e.message));
  assert.throws(() => envelope('m', undefined, 'wamid.x' as never, 'interactive', {}), (e: unknown) => e instanceof WamlParamError && e.path === 'options');
});

test('a message template is sent to the same recipients with the same options', () => {
  const body = templateBody('t', { group: 'Y2FwaV9ncm91cDox' }, { name: 't', language: { code: 'en' } }, { replyTo: 'wamid.X', callbackData: 'c' });
  assert.equal(body, { messaging_product: 'whatsapp', recipient_type: 'group', to: 'Y2FwaV9ncm91cDox', context: { message_id: 'wamid.X' }, biz_opaque_callback_data: 'c', type: 'template', template: { name: 't', language: { code: 'en' } } });
  assert.equal(Object.keys(templateBody('t', 'US.1', { name: 't', language: { code: 'en' } })), ['messaging_product', 'recipient_type', 'recipient', 'type', 'template']);
});

test('reorder: listed keys first, in order; the rest after, in their order; items by [] or by index; __proto__ stays a key', () => {
  const value = { a: 1, b: { x: 1, y: 2 }, list: [{ p: 1, q: 2 }, { p: 3, q: 4 }], ['__proto__']: 5 } as Record<string, unknown>;
  Object.defineProperty(value, '__proto__', { value: 5, enumerable: true });
  const out = reorder(value, { $: ['list', '__proto__'], b: ['y'], 'list[]': ['q', 'p'], 'list[1]': ['p'] }) as Record<string, unknown>;
  assert.equal(Object.keys(out), ['list', '__proto__', 'a', 'b']);
  assert.equal(Object.keys(out['b'] as object), ['y', 'x']);
  assert.equal((out['list'] as object[]).map((x) => Object.keys(x)), [['q', 'p'], ['p', 'q']]);
  assert.is(Object.getPrototypeOf(out), Object.prototype);
  assert.is(reorder(value, undefined), value, 'no order: the same value');
  assert.equal(Object.keys(reorder({ constructor: { b: 1, a: 2 } }, { constructor: ['a'] }).constructor), ['a', 'b'], 'a path named like a prototype property');
});

test.run();
