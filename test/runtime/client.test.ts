import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createClient, retryAfterMs, WhatsAppApiError, WhatsAppTransportError } from '../../runtime/index.js';

const TOKEN = 'EAAG-secret-token-123';
type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => void;

/** A real HTTP server on 127.0.0.1 that answers with `handlers` in turn, recording each request. */
async function server(...handlers: Handler[]) {
  const seen: { method: string; url: string; auth: string; type: string; body: string; at: number }[] = [];
  const s = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', auth: String(req.headers.authorization), type: String(req.headers['content-type']), body, at: Date.now() });
      const h = handlers[Math.min(seen.length - 1, handlers.length - 1)]!;
      h(req, body, res);
    });
  });
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const port = (s.address() as AddressInfo).port;
  return { baseUrl: `http://127.0.0.1:${port}`, seen, close: () => new Promise<void>((resolve) => s.close(() => resolve())) };
}

const json = (status: number, payload: unknown, headers: Record<string, string> = {}): Handler => (_req, _body, res) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(payload));
};
const OK = json(200, { messaging_product: 'whatsapp', contacts: [{ input: '12015550123', wa_id: '12015550123' }], messages: [{ id: 'wamid.HBgL', message_status: 'accepted' }] });
const BODY = { messaging_product: 'whatsapp', recipient_type: 'individual', to: '12015550123', type: 'interactive', interactive: { type: 'location_request_message', body: { text: 'Hi' }, action: { name: 'send_location' } } };

test('send: the path, the bearer token, the JSON body; the result', async () => {
  const s = await server(OK);
  const client = createClient({ phoneNumberId: '106540352242922', accessToken: TOKEN, baseUrl: s.baseUrl, apiVersion: 'v23.0' });
  const result = await client.send(BODY);
  await s.close();
  assert.equal(result, { messageId: 'wamid.HBgL', waId: '12015550123', status: 'accepted' });
  assert.is(s.seen.length, 1);
  assert.is(s.seen[0]!.method, 'POST');
  assert.is(s.seen[0]!.url, '/v23.0/106540352242922/messages');
  assert.is(s.seen[0]!.auth, `Bearer ${TOKEN}`);
  assert.is(s.seen[0]!.type, 'application/json');
  assert.equal(JSON.parse(s.seen[0]!.body), BODY);
});

test('the default version is documented and used', async () => {
  const s = await server(OK);
  await createClient({ phoneNumberId: '1', accessToken: TOKEN, baseUrl: `${s.baseUrl}/` }).send(BODY);
  await s.close();
  assert.is(s.seen[0]!.url, '/v23.0/1/messages');
});

const envelope = (code: number, extra: Record<string, unknown> = {}) => ({
  error: { message: '(#131009) Parameter value is not valid', type: 'OAuthException', code, error_data: { messaging_product: 'whatsapp', details: 'Button title length invalid' }, fbtrace_id: 'AbCdEf', ...extra },
});

test('an error envelope becomes a WhatsAppApiError with every field, in words', async () => {
  const s = await server(json(400, envelope(131009, { error_subcode: 2494010 })));
  const client = createClient({ phoneNumberId: '1', accessToken: TOKEN, baseUrl: s.baseUrl });
  const error = await client.send(BODY).catch((e: unknown) => e);
  await s.close();
  assert.instance(error, WhatsAppApiError);
  const e = error as WhatsAppApiError;
  assert.equal([e.status, e.code, e.subcode, e.details, e.fbtraceId, e.transient], [400, 131009, 2494010, 'Button title length invalid', 'AbCdEf', false]);
  assert.match(e.message, /131009/);
  assert.match(e.message, /the parameter value is not valid/);
  assert.match(e.message, /Button title length invalid/);
});

test('each documented error code, and what is transient', async () => {
  const cases: [number, number, boolean, RegExp][] = [
    [400, 100, false, /a parameter is invalid/],
    [400, 131008, false, /a required parameter is missing/],
    [429, 130429, true, /rate limit/],
    [400, 131047, false, /24 hours/],
    [400, 131056, false, /too many messages/],
    [400, 131026, false, /could not be delivered/],
    [500, 131000, true, /went wrong/],
  ];
  for (const [status, code, transient, words] of cases) {
    const s = await server(json(status, envelope(code)));
    const e = (await createClient({ phoneNumberId: '1', accessToken: TOKEN, baseUrl: s.baseUrl }).send(BODY).catch((x: unknown) => x)) as WhatsAppApiError;
    await s.close();
    assert.is(e.code, code);
    assert.is(e.transient, transient, String(code));
    assert.match(e.message, words);
  }
});

test('Meta\'s is_transient wins, and a body that is not JSON still gives an error', async () => {
  const s = await server(json(400, envelope(131000, { is_transient: true })), (_q, _b, res) => {
    res.writeHead(502, { 'content-type': 'text/html' });
    res.end('<html>Bad gateway</html>');
  });
  const client = createClient({ phoneNumberId: '1', accessToken: TOKEN, baseUrl: s.baseUrl });
  const a = (await client.send(BODY).catch((x: unknown) => x)) as WhatsAppApiError;
  const b = (await client.send(BODY).catch((x: unknown) => x)) as WhatsAppApiError;
  await s.close();
  assert.is(a.transient, true);
  assert.instance(b, WhatsAppApiError);
  assert.equal([b.status, b.code, b.transient], [502, undefined, true]);
});

test('the access token never appears in an error', async () => {
  const s = await server(json(401, { error: { message: `Invalid OAuth access token - ${TOKEN}`, code: 190, fbtrace_id: 'x' } }));
  const e = (await createClient({ phoneNumberId: '1', accessToken: TOKEN, baseUrl: s.baseUrl }).send(BODY).catch((x: unknown) => x)) as Error;
  await s.close();
  assert.not.match(e.message, TOKEN);
  assert.not.match(JSON.stringify(e), TOKEN);
  assert.not.match(String(e.stack), TOKEN);
  assert.match(e.message, /\[redacted\]/);
});

test('a timeout aborts the request and throws', async () => {
  const s = await server((_q, _b, res) => setTimeout(() => OK(_q, _b, res), 500));
  const started = Date.now();
  const e = await createClient({ phoneNumberId: '1', accessToken: TOKEN, baseUrl: s.baseUrl, timeoutMs: 50 }).send(BODY).catch((x: unknown) => x);
  const took = Date.now() - started;
  await s.close();
  assert.instance(e, WhatsAppTransportError);
  assert.is((e as WhatsAppTransportError).kind, 'timeout');
  assert.ok(took < 450, `aborted after ${took} ms`);
});

test('no retry unless asked: a 503 fails at once', async () => {
  const s = await server(json(503, envelope(131000)), OK);
  const e = await createClient({ phoneNumberId: '1', accessToken: TOKEN, baseUrl: s.baseUrl }).send(BODY).catch((x: unknown) => x);
  await s.close();
  assert.instance(e, WhatsAppApiError);
  assert.is(s.seen.length, 1);
});

test('opt-in retry: 429 and 5xx are tried again, honouring Retry-After', async () => {
  const s = await server(json(429, envelope(130429), { 'retry-after': '1' }), json(503, envelope(131000)), OK);
  const client = createClient({ phoneNumberId: '1', accessToken: TOKEN, baseUrl: s.baseUrl, retry: { retries: 2, baseDelayMs: 10 } });
  const result = await client.send(BODY);
  await s.close();
  assert.is(result.messageId, 'wamid.HBgL');
  assert.is(s.seen.length, 3);
  assert.ok(s.seen[1]!.at - s.seen[0]!.at >= 950, `waited ${s.seen[1]!.at - s.seen[0]!.at} ms for Retry-After: 1`);
  assert.ok(s.seen[2]!.at - s.seen[1]!.at < 900, 'then the backoff');
});

test('opt-in retry never retries a 4xx other than 429, and gives up after its retries', async () => {
  const a = await server(json(400, envelope(131009)), OK);
  await createClient({ phoneNumberId: '1', accessToken: TOKEN, baseUrl: a.baseUrl, retry: { retries: 3, baseDelayMs: 1 } }).send(BODY).catch(() => undefined);
  await a.close();
  assert.is(a.seen.length, 1);
  const b = await server(json(500, envelope(131000)));
  const e = await createClient({ phoneNumberId: '1', accessToken: TOKEN, baseUrl: b.baseUrl, retry: { retries: 2, baseDelayMs: 1 } }).send(BODY).catch((x: unknown) => x);
  await b.close();
  assert.is(b.seen.length, 3);
  assert.instance(e, WhatsAppApiError);
});

test('Retry-After as seconds or as a date', () => {
  assert.is(retryAfterMs('3'), 3000);
  assert.is(retryAfterMs(new Date(Date.UTC(2030, 0, 1, 0, 0, 10)).toUTCString(), Date.UTC(2030, 0, 1, 0, 0, 0)), 10_000);
  assert.is(retryAfterMs('soon'), undefined);
  assert.is(retryAfterMs(null), undefined);
});

test('a network failure is a transport error', async () => {
  const e = await createClient({ phoneNumberId: '1', accessToken: TOKEN, baseUrl: 'http://127.0.0.1:9' }).send(BODY).catch((x: unknown) => x);
  assert.instance(e, WhatsAppTransportError);
  assert.is((e as WhatsAppTransportError).kind, 'network');
});

test.run();
