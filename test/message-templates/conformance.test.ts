import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { compile } from '../../compiler/index.js';

/**
 * Meta's own creation and send bodies (test/fixtures/msgtemplates), rebuilt from `.wa.yaml`
 * sources: the same JSON, key order included, after the normalisations each case names.
 * waml writes enum values in lower case (Meta accepts both), `parameter_format` whenever
 * there are variables, the full URL as a URL button's example, `supported_apps` rather than
 * the top-level package fields dropped in Graph API v21.0, and button indexes as strings.
 * send_07 (currency and date_time parameters) and send_09 (a catalog button) are bodies
 * waml cannot express.
 */

const DIR = join(import.meta.dirname, '../fixtures/msgtemplates');
type J = null | boolean | number | string | J[] | { [key: string]: J };
const read = (name: string): J => JSON.parse(readFileSync(join(DIR, name), 'utf8')) as J;

/** Lower-cases the enum values Meta writes in either case. */
function lowerEnums(v: J): J {
  if (Array.isArray(v)) return v.map(lowerEnums);
  if (v === null || typeof v !== 'object') return v;
  const out: { [key: string]: J } = {};
  for (const [k, x] of Object.entries(v)) out[k] = ['type', 'format', 'category', 'parameter_format', 'sub_type'].includes(k) && typeof x === 'string' ? x.toLowerCase() : lowerEnums(x);
  return out;
}

/** Sorts keys, for the OpenAPI examples, whose keys are in alphabetical order. */
function sortKeys(v: J): J {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v === null || typeof v !== 'object') return v;
  return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys(v[k]!)]));
}

/** Inserts `parameter_format` after `category`, where Meta leaves out its default (positional). */
function withFormat(v: J, format: string): J {
  const o = v as { [key: string]: J };
  const out: { [key: string]: J } = {};
  for (const [k, x] of Object.entries(o)) {
    out[k] = x;
    if (k === 'category') out['parameter_format'] = format;
  }
  return out;
}

function build(source: string, data?: object, to?: string) {
  const text = readFileSync(join(DIR, 'sources', source), 'utf8');
  const result = compile([{ path: source, text }], { ...(data ? { data: { path: 'data.json', text: JSON.stringify(data) } } : {}), ...(to ? { to } : {}) });
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  assert.equal(errors, [], `${source} compiles without errors`);
  assert.is(result.templates.length, 1);
  return result.templates[0]!;
}

const same = (actual: unknown, expected: J, what: string) => assert.is(JSON.stringify(actual, null, 1), JSON.stringify(expected, null, 1), what);

test('create_01: named parameters', () => {
  same(build('named.wa.yaml').creation, read('create_01_named_params_body.json'), 'creation body');
});

test('send_01: named parameters carry parameter_name', () => {
  same(build('named.wa.yaml', { first_name: 'Jessica', order_number: 'SKBUP2-4CPIG9' }, '+16505551234').send, read('send_01_named_params_body.json'), 'send body');
});

test('create_02 and send_02: positional parameters', () => {
  const t = build('positional.wa.yaml', { first_name: 'Jessica', order_number: 'SKBUP2-4CPIG9' }, '+16505551234');
  same(t.creation, read('create_02_positional_params_body.json'), 'creation body');
  same(t.send, read('send_02_positional_params_body.json'), 'send body');
});

test('create_03: text header, footer, quick replies (upper case, no parameter_format in Meta)', () => {
  same(build('seasonal.wa.yaml').creation, withFormat(lowerEnums(read('create_03_seasonal_promotion_text_header_quick_replies.json')), 'positional'), 'creation body');
});

test('create_04: a location header (upper case in Meta)', () => {
  same(build('location.wa.yaml').creation, withFormat(lowerEnums(read('create_04_location_header_utility.json')), 'positional'), 'creation body');
});

test('create_05 and send_03: a limited-time offer', () => {
  const t = build('offer.wa.yaml', { banner: '1602186516975000', name: 'Pablo', code: 'CARIBE25', ends: 1209600000, ref: 'n3mtql' }, '16505555555');
  const expected = withFormat(read('create_05_limited_time_offer.json'), 'positional') as { components: { buttons?: { example?: J }[] }[] };
  // Meta's example URL says `?ref=` where its URL says `?code=`; waml fills the URL itself.
  expected.components[3]!.buttons![1]!.example = ['https://awesomedestinations.com/offers?code=n3mtql'];
  same(t.creation, expected as J, 'creation body');
  const send = read('send_03_limited_time_offer.json') as { template: { components: { index?: J }[] } };
  for (const c of send.template.components) if (typeof c.index === 'number') c.index = String(c.index);
  same(t.send, send as J, 'send body (indexes as strings)');
});

test('create_06 and send_04: a media card carousel', () => {
  const t = build('carousel.wa.yaml', {
    name: 'Pablo', discount: '20%', code: '20OFF',
    aloe_image: '1558081531584829', crassula_image: '861236878885705', echeveria_image: '1587064918516321',
    aloe: 'blue-elf', crassula: 'buddhas-temple', echeveria: 'black-prince',
  }, '+16505551234');
  const expected = withFormat(read('create_06_media_card_carousel.json'), 'positional') as { components: { cards?: { components: { buttons?: { url?: string; example?: J }[] }[] }[] }[] };
  // Meta's carousel page gives the URL example as the suffix alone; waml writes the full URL.
  for (const card of expected.components[1]!.cards!) {
    const url = card.components[1]!.buttons![1]!;
    url.example = [url.url!.replace('{{1}}', (url.example as string[])[0]!)];
  }
  same(t.creation, expected as J, 'creation body');
  same(t.send, read('send_04_media_card_carousel.json'), 'send body');
});

test('create_07: one-tap authentication (supported_apps instead of the pre-v21 top-level fields)', () => {
  const expected = read('create_07_auth_one_tap_legacy_toplevel_package.json') as { components: { buttons?: { [key: string]: J }[] }[] };
  const button = expected.components[2]!.buttons![0]!;
  button['supported_apps'] = [{ package_name: button['package_name']!, signature_hash: button['signature_hash']! }];
  delete button['package_name'];
  delete button['signature_hash'];
  same(build('one-tap.wa.yaml').creation, expected as J, 'creation body');
});

test('create_08: zero-tap authentication', () => {
  same(build('zero-tap.wa.yaml').creation, read('create_08_auth_zero_tap_supported_apps.json'), 'creation body');
});

test('send_05: the one-time code in the body and the URL button', () => {
  same(build('verification.wa.yaml', { code: 'J$FpnYnP' }, '12015553931').send, read('send_05_auth_otp_body_and_url_button.json'), 'send body');
});

test('create_09: a voice call button (Meta writes <NAME>, <CATEGORY>, <LANGUAGE>)', () => {
  const expected = lowerEnums(read('create_09_voice_call_button.json')) as { [key: string]: J };
  same(build('voice-call.wa.yaml').creation, { name: 'call_us', language: 'en_US', category: 'utility', components: expected['components']! }, 'creation body');
});

test('send_06: a voice call button with ttl_minutes and payload (keys in Meta\'s order differ)', () => {
  same(sortKeys(build('wa-voice-call.wa.yaml', undefined, '14085551234').send as unknown as J), sortKeys(read('send_06_voice_call_button.json')), 'send body');
});

test('create_10: a document header, phone and URL buttons (OpenAPI: sorted keys)', () => {
  same(sortKeys(build('document.wa.yaml').creation as J), sortKeys(withFormat(lowerEnums(read('create_10_document_header_phone_url_openapi.json')), 'positional')), 'creation body');
});

test('create_11 and send_08: a Flow button by Flow JSON (OpenAPI: sorted keys, placeholder names)', () => {
  const t = build('flow.wa.yaml', undefined);
  const expected = lowerEnums(read('create_11_flow_button_by_flow_json_openapi.json')) as { [key: string]: J };
  expected['name'] = 'new_offer';
  same(sortKeys(t.creation as J), sortKeys(expected), 'creation body');
  const send = read('send_08_flow_button_openapi.json') as { template: { [key: string]: J } };
  send.template['name'] = 'new_offer';
  const actual = t.send as unknown as { [key: string]: J };
  same(sortKeys(actual), sortKeys({ ...(send as unknown as { [key: string]: J }), recipient_type: 'individual', to: undefined as unknown as J }), 'send body');
});

test.run();
