import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createGraph, GraphError, regainAccessMs } from '../../compiler/cli/templates/graph.js';
import { startFakeGraph, type FakeGraph } from '../fake-graph/server.js';
import { body } from './fixtures.js';

const WABA = '102290129340398';

/** A client on the fake whose waits are recorded, not waited. */
function client(fake: FakeGraph, options: { retries?: number; maxWaitMs?: number; pageSize?: number; token?: string } = {}) {
  const waits: number[] = [];
  const graph = createGraph({ baseUrl: fake.baseUrl, version: 'v23.0', token: options.token ?? fake.token, sleep: async (ms) => void waits.push(ms), ...options });
  return { graph, waits };
}

const add = (fake: FakeGraph, n: number) => {
  for (let i = 0; i < n; i++) fake.add({ name: `t_${String(i).padStart(2, '0')}`, language: 'en_US', category: 'UTILITY', components: [{ type: 'BODY', text: `Text ${i}` }], status: 'APPROVED' });
};

test('list: follows the cursors page by page until Meta gives no `next`; asks for the fields it compares', async () => {
  const fake = await startFakeGraph();
  add(fake, 5);
  const { graph } = client(fake, { pageSize: 2 });
  const all = await graph.listTemplates(WABA);
  await fake.close();
  assert.equal(all.map((t) => t.name), ['t_00', 't_01', 't_02', 't_03', 't_04']);
  const gets = fake.seen.filter((s) => s.method === 'GET');
  assert.is(gets.length, 3);
  assert.is(gets[0]!.path, `/v23.0/${WABA}/message_templates`);
  assert.equal(gets[0]!.query, { fields: 'id,name,language,status,category,parameter_format,components,rejected_reason,message_send_ttl_seconds', limit: '2' });
  assert.is(gets[1]!.query['after'], Buffer.from('2').toString('base64'));
  assert.not.ok('access_token' in gets[1]!.query, 'the token travels in the header, never in a URL');
  assert.is(gets[0]!.auth, `Bearer ${fake.token}`);
  assert.is(all[0]!.rejected_reason, 'NONE');
});

test('list: a 429, then code 80008 with X-Business-Use-Case-Usage, then success: two waits, as Meta asked', async () => {
  const fake = await startFakeGraph();
  add(fake, 1);
  fake.fail('GET', /message_templates/, 429, { message: 'Too many requests', code: 4 }, { 'retry-after': '7' });
  fake.fail('GET', /message_templates/, 400, { message: '(#80008) There have been too many calls to this WhatsApp Business account.', code: 80008 }, {
    'x-business-use-case-usage': JSON.stringify({ [WABA]: [{ type: 'whatsapp_business_management', call_count: 100, total_cputime: 1, total_time: 1, estimated_time_to_regain_access: 0 }] }),
  });
  const { graph, waits } = client(fake);
  const all = await graph.listTemplates(WABA);
  await fake.close();
  assert.is(all.length, 1);
  assert.equal(waits, [7000, 0]);
});

test('rate limit: a wait longer than the longest allowed ends the run with Meta’s estimate, without waiting', async () => {
  const fake = await startFakeGraph();
  fake.fail('GET', /message_templates/, 400, { message: '(#80007) Rate limit issues', code: 80007 }, {
    'x-business-use-case-usage': JSON.stringify({ [WABA]: [{ type: 'whatsapp_business_management', estimated_time_to_regain_access: 12 }] }),
  });
  const { graph, waits } = client(fake, { maxWaitMs: 60_000 });
  const error = await graph.listTemplates(WABA).catch((e: unknown) => e);
  await fake.close();
  assert.instance(error, GraphError);
  assert.ok((error as GraphError).rateLimited);
  assert.is((error as GraphError).code, 80007);
  assert.match((error as GraphError).message, /try again in about 12 minutes/);
  assert.equal(waits, []);
});

test('rate limit: retries stop after the allowed number, each wait doubling when Meta gives none', async () => {
  const fake = await startFakeGraph();
  fake.fail('POST', /message_templates/, 429, { message: 'slow down', code: 4 }, {}, 10);
  const { graph, waits } = client(fake, { retries: 3 });
  const error = await graph.createTemplate(WABA, body('create_01_named_params_body.json')).catch((e: unknown) => e);
  await fake.close();
  assert.instance(error, GraphError);
  assert.equal(waits, [1000, 2000, 4000]);
  assert.is(fake.seen.filter((s) => s.method === 'POST').length, 4, 'a throttled create was not made, so it is tried again');
  assert.is(fake.templates.size, 0);
});

test('a 5xx is retried for a read, never for a create (it may have been made)', async () => {
  const fake = await startFakeGraph();
  fake.fail('GET', /message_templates/, 500, { message: 'An unexpected error has occurred.', code: 1, is_transient: true });
  fake.fail('POST', /message_templates/, 500, { message: 'An unexpected error has occurred.', code: 2 });
  const { graph, waits } = client(fake);
  assert.equal(await graph.listTemplates(WABA), []);
  const error = await graph.createTemplate(WABA, body('create_01_named_params_body.json')).catch((e: unknown) => e);
  await fake.close();
  assert.instance(error, GraphError);
  assert.is((error as GraphError).status, 500);
  assert.is(waits.length, 1);
  assert.is(fake.seen.filter((s) => s.method === 'POST').length, 1);
});

test('errors carry Meta’s code, subcode and words, and never the token, even when Meta echoes it', async () => {
  const fake = await startFakeGraph();
  const { graph } = client(fake);
  await graph.createTemplate(WABA, body('create_01_named_params_body.json'));
  const duplicate = (await graph.createTemplate(WABA, body('create_01_named_params_body.json')).catch((e: unknown) => e)) as GraphError;
  assert.is(duplicate.code, 100);
  assert.is(duplicate.subcode, 2388024);
  assert.match(duplicate.message, /creating `order_confirmation` \(en_US\): Graph API error 100\/2388024 \(HTTP 400\): Invalid parameter — Content in this language already exists/);
  fake.fail('GET', /message_templates/, 400, { message: `Malformed access token ${fake.token} (…${fake.token.slice(6, 18)}…)`, code: 190 });
  const echoed = (await graph.listTemplates(WABA).catch((e: unknown) => e)) as GraphError;
  const wrong = (await client(fake, { token: 'EAAG-wrong' }).graph.listTemplates(WABA).catch((e: unknown) => e)) as GraphError;
  await fake.close();
  assert.not.match(echoed.message, fake.token);
  assert.not.match(echoed.message, fake.token.slice(6, 18), 'a piece of the token is redacted too');
  assert.match(echoed.message, /\[redacted\]/);
  assert.is(wrong.code, 190);
  assert.is(wrong.status, 401);
});

test('create, edit, delete: Meta’s paths and answers', async () => {
  const fake = await startFakeGraph();
  const { graph } = client(fake);
  const made = await graph.createTemplate(WABA, body('create_03_seasonal_promotion_text_header_quick_replies.json'));
  assert.equal(made, { id: made.id, status: 'PENDING', category: 'MARKETING' });
  fake.templates.get(made.id)!.status = 'APPROVED';
  await graph.editTemplate(made.id, { components: [{ type: 'BODY', text: 'New' }] });
  assert.equal(fake.templates.get(made.id)!.components, [{ type: 'BODY', text: 'New' }]);
  // Meta: at most one edit of an approved template in 24 hours.
  const again = (await graph.editTemplate(made.id, { components: [{ type: 'BODY', text: 'Newer' }] }).catch((e: unknown) => e)) as GraphError;
  assert.match(again.message, /1 time in a 24 hour window/);
  fake.now += 25 * 60 * 60 * 1000;
  await graph.editTemplate(made.id, { components: [{ type: 'BODY', text: 'Newer' }] });
  await graph.deleteTemplate(WABA, 'seasonal_promotion', made.id);
  await fake.close();
  assert.is(fake.templates.size, 0);
  const del = fake.seen.find((s) => s.method === 'DELETE')!;
  assert.equal(del.query, { hsm_id: made.id, name: 'seasonal_promotion' });
  assert.is(fake.seen.find((s) => s.path === `/v23.0/${made.id}`)!.method, 'POST');
});

test('upload: a session, then the bytes at offset 0 with OAuth; the handle', async () => {
  const fake = await startFakeGraph();
  fake.media.set('/media/banner.png', { bytes: Buffer.from('PNGDATA'), type: 'image/png' });
  const { graph } = client(fake);
  const { bytes, contentType } = await graph.download(`${fake.baseUrl}/media/banner.png`, 1000);
  assert.is(contentType, 'image/png');
  const handle = await graph.upload('1234567890', bytes, 'banner.png', 'image/png');
  const tooBig = (await graph.download(`${fake.baseUrl}/media/banner.png`, 3).catch((e: unknown) => e)) as GraphError;
  await fake.close();
  assert.match(handle, /^4::/);
  assert.is(fake.uploads.get(handle)!.bytes.toString(), 'PNGDATA');
  const [start, send] = fake.seen.filter((s) => s.method === 'POST');
  assert.is(start!.path, '/v23.0/1234567890/uploads');
  assert.equal(start!.query, { file_name: 'banner.png', file_length: '7', file_type: 'image/png' });
  assert.is(start!.auth, `OAuth ${fake.token}`);
  assert.match(send!.path, /^\/v23\.0\/upload:/);
  assert.is(send!.headers['file_offset'], '0');
  assert.match(tooBig.message, /is 7 bytes; the largest is 3/);
});

test('list: an answer whose cursor repeats ends instead of looping', async () => {
  let calls = 0;
  const server = createServer((_req, res) => {
    calls++;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ data: [{ id: String(calls), name: `t${calls}`, language: 'en', status: 'APPROVED', category: 'UTILITY', components: [] }], paging: { cursors: { after: 'SAME' }, next: 'http://127.0.0.1/next' } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const graph = createGraph({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, version: 'v23.0', token: 't' });
  const all = await graph.listTemplates(WABA);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  assert.is(calls, 2);
  assert.equal(all.map((t) => t.name), ['t1', 't2']);
});

test('regainAccessMs: the longest estimate in the header, in minutes', () => {
  assert.is(regainAccessMs(JSON.stringify({ a: [{ estimated_time_to_regain_access: 2 }, { estimated_time_to_regain_access: 5 }] })), 300_000);
  assert.is(regainAccessMs('not json'), undefined);
  assert.is(regainAccessMs(null), undefined);
});

test.run();
