import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parse } from 'yaml';
import type { CreationBody } from '../../compiler/message-templates/account/definition.js';
import { numberWord, writeTemplate } from '../../compiler/message-templates/account/writer.js';
import { creationBodies, listed } from './fixtures.js';

const UPDATE = process.env['UPDATE_GOLDEN'] === '1';
const GOLDEN = join(import.meta.dirname, '../golden/templates-account');

/** Meta's bodies that waml's syntax can express, as the account lists them, and the reason for the others. */
const EXPECTED: Record<string, string | true> = {
  'create_01_named_params_body.json': true,
  'create_02_positional_params_body.json': true,
  'create_03_seasonal_promotion_text_header_quick_replies.json': true,
  'create_04_location_header_utility.json': true,
  'create_05_limited_time_offer.json': true,
  'create_06_media_card_carousel.json': true,
  'create_07_auth_one_tap_legacy_toplevel_package.json': true,
  'create_08_auth_zero_tap_supported_apps.json': true,
  'create_09_voice_call_button.json': '`<NAME>` is not a template name waml can write',
  'create_10_document_header_phone_url_openapi.json': true,
  'create_11_flow_button_by_flow_json_openapi.json': '`<TEMPLATE_NAME>` is not a template name waml can write',
};

test('writer: each of Meta’s creation bodies, as the account lists it, gives its golden .wa.yaml or a reason', () => {
  if (UPDATE) mkdirSync(GOLDEN, { recursive: true });
  for (const [file, b] of creationBodies()) {
    const r = writeTemplate(listed(b));
    const expected = EXPECTED[file];
    if (expected !== true) {
      assert.equal(r, { ok: false, reason: expected }, file);
      continue;
    }
    assert.ok(r.ok, `${file}: ${r.ok ? '' : r.reason}`);
    if (!r.ok) continue;
    assert.is(r.file, `${b.name}.${b.language}.wa.yaml`);
    const golden = join(GOLDEN, file.replace(/\.json$/, '.wa.yaml'));
    if (UPDATE) writeFileSync(golden, r.text);
    assert.fixture(r.text, readFileSync(golden, 'utf8'), file);
    // The text is YAML of waml's template syntax: one message, of type template.
    const doc = parse(r.text) as { waml: number; messages: Record<string, { type: string; language: string }> };
    assert.is(doc.waml, 1);
    assert.equal(Object.keys(doc.messages), [b.name]);
    assert.is(doc.messages[b.name]!.type, 'template');
    assert.is(doc.messages[b.name]!.language, b.language);
    assert.is((doc.messages[b.name] as { parameter_format?: string }).parameter_format, b.parameter_format !== 'named' && b.category !== 'authentication' && JSON.stringify(b.components).includes('{{') ? 'positional' : undefined, file);
  }
});

const t = (components: CreationBody['components'], extra: Partial<CreationBody> = {}): CreationBody => ({ name: 'x', language: 'en_US', category: 'UTILITY', components, ...extra });
const yaml = (b: CreationBody) => {
  const r = writeTemplate(b);
  if (!r.ok) throw new Error(r.reason);
  return parse(r.text) as { params?: Record<string, { type: string; example: string }>; messages: { x: Record<string, unknown> } };
};

test('writer: positional variables are named by where they stand; examples go on the params', () => {
  const doc = yaml(t([
    { type: 'HEADER', format: 'TEXT', text: 'Hi {{1}}', example: { header_text: ['Ann'] } },
    { type: 'BODY', text: 'A {{1}} b {{2}} c', example: { body_text: [['x', 'y']] } },
    { type: 'BUTTONS', buttons: [{ type: 'URL', text: 'A', url: 'https://a.example/{{1}}', example: ['https://a.example/p'] }, { type: 'URL', text: 'B', url: 'https://b.example/?q={{1}}', example: ['zz'] }] },
  ]));
  assert.equal(doc.params, {
    header_one: { type: 'string', example: 'Ann' },
    one: { type: 'string', example: 'x' },
    two: { type: 'string', example: 'y' },
    link_one: { type: 'string', example: 'p' },
    link_two: { type: 'string', example: 'zz' },
  });
  assert.is(doc.messages.x['header'], 'Hi {{ header_one }}');
  assert.equal(doc.messages.x['buttons'], [{ url: { text: 'A', url: 'https://a.example/{{ link_one }}' } }, { url: { text: 'B', url: 'https://b.example/?q={{ link_two }}' } }]);
});

test('writer: named variables keep their names, shared between header and body', () => {
  const doc = yaml(t([
    { type: 'HEADER', format: 'TEXT', text: 'Order {{order_id}}', example: { header_text_named_params: [{ param_name: 'order_id', example: 'A-1' }] } },
    { type: 'BODY', text: 'Hi {{name}}, order {{order_id}} ships.', example: { body_text_named_params: [{ param_name: 'name', example: 'Ann' }, { param_name: 'order_id', example: 'A-1' }] } },
  ], { parameter_format: 'NAMED' }));
  assert.equal(Object.keys(doc.params!), ['order_id', 'name']);
  assert.is(doc.messages.x['body'], 'Hi {{ name }}, order {{ order_id }} ships.');
});

test('writer: literal braces are written so that they stay literal', () => {
  const doc = yaml(t([{ type: 'BODY', text: 'Use {{1}} not {{a b}} or }}', example: { body_text: [['a']] } }]));
  assert.is(doc.messages.x['body'], 'Use {{ one }} not {{ "{{" }}a b{{ "}}" }} or {{ "}}" }}');
});

test('writer: quick-reply ids come from the titles, unique', () => {
  const doc = yaml(t([{ type: 'BODY', text: 'Hi' }, { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Yes, please!' }, { type: 'QUICK_REPLY', text: 'yes please' }, { type: 'QUICK_REPLY', text: '¡¿?!' }] }]));
  assert.equal((doc.messages.x['buttons'] as { quick_reply: { id: string } }[]).map((b) => b.quick_reply.id), ['yes_please', 'yes_please_2', 'reply']);
});

test('writer: what waml’s syntax cannot say is refused with the reason (table)', () => {
  const table: [CreationBody, string][] = [
    [t([{ type: 'BODY', text: 'Hi {{1}} there' }]), 'the body has no example for `{{1}}`'],
    [t([{ type: 'HEADER', format: 'IMAGE', example: { header_handle: ['4::abc'] } }, { type: 'BODY', text: 'x' }]), 'the header lists no URL for its media sample'],
    [t([{ type: 'HEADER', format: 'PRODUCT' }, { type: 'BODY', text: 'x' }]), 'a `PRODUCT` header has no waml syntax'],
    [t([{ type: 'BODY', text: 'x' }, { type: 'BUTTONS', buttons: [{ type: 'CATALOG', text: 'View' }] }]), 'a `CATALOG` button has no waml syntax'],
    [t([{ type: 'BODY', text: 'x' }, { type: 'CALL_PERMISSION_REQUEST' }]), 'a `CALL_PERMISSION_REQUEST` component has no waml syntax'],
    [t([{ type: 'BODY', text: 'x' }, { type: 'BUTTONS', buttons: [{ type: 'FLOW', text: 'Go' }] }]), 'a Flow button names no Flow'],
    [t([{ type: 'BODY', text: '{{a}} and {{a}}', example: { body_text_named_params: [{ param_name: 'a', example: 'x' }] } }, { type: 'HEADER', format: 'TEXT', text: '{{a}}', example: { header_text_named_params: [{ param_name: 'a', example: 'y' }] } }], { parameter_format: 'named' }), '`a` has two different examples ("x" and "y")'],
    [t([{ type: 'BODY', text: 'x' }], { name: 'Bad-Name' }), '`Bad-Name` is not a template name waml can write'],
  ];
  for (const [b, reason] of table) assert.equal(writeTemplate(b), { ok: false, reason }, reason);
});

test('writer: authentication templates as Meta lists them (OTP as a URL button, preset texts)', () => {
  const doc = yaml({
    name: 'x', language: 'en_US', category: 'AUTHENTICATION',
    components: [
      { type: 'BODY', text: '*{{1}}* is your verification code. For your security, do not share this code.' },
      { type: 'FOOTER', text: 'This code expires in 10 minutes.' },
      { type: 'BUTTONS', buttons: [{ type: 'URL', text: 'Copy code', url: 'https://www.whatsapp.com/otp/code/?otp_type=COPY_CODE&code=otp{{1}}' }] },
    ],
  });
  assert.equal(doc.messages.x, { type: 'template', category: 'authentication', language: 'en_US', security_recommendation: true, code_expires_in: 10, otp: { kind: 'copy_code', text: 'Copy code', code: '{{ code }}' } });
  assert.equal(doc.params, { code: { type: 'string', maxLength: 15, example: '123456' } }, 'the code sent: at most 15 characters');
});

test('writer: a template name that is not an identifier stays the template’s `name:`; the time-to-live is kept', () => {
  const r = writeTemplate({ ...t([{ type: 'BODY', text: 'Hi' }]), name: '2023_april_promo', message_send_ttl_seconds: 600 });
  assert.ok(r.ok);
  const doc = parse(r.ok ? r.text : '') as { messages: Record<string, Record<string, unknown>> };
  assert.equal(Object.keys(doc.messages), ['t_2023_april_promo']);
  assert.is(doc.messages['t_2023_april_promo']!['name'], '2023_april_promo');
  assert.is(doc.messages['t_2023_april_promo']!['ttl_seconds'], 600);
  assert.is(doc.messages['t_2023_april_promo']!['parameter_format'], undefined, 'no variables: no format');
});

test('numberWord', () => {
  assert.equal([1, 9, 13, 20, 21, 99, 100, 101].map(numberWord), ['one', 'nine', 'thirteen', 'twenty', 'twenty_one', 'ninety_nine', 'one_hundred', 'one_hundred_one']);
});

test.run();
