import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type RequestListener } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createWebhookHandler, type FastifyInstanceLike, type FastifyReplyLike, type FastifyRequestLike, type WebhookHandlerOptions } from '../../runtime/index.js';
import { helpMenu } from '../golden/ts/support-menu.wa.js';

const SECRET = 'app-secret-42';
const VERIFY = 'verify-me-7';
const raw = (name: string) => readFileSync(join(import.meta.dirname, '../fixtures/webhooks', `${name}.json`), 'utf8');
const sign = (body: string | Buffer) => `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`;

/** A handler whose callbacks record what the app was handed, in order. */
function recording(extra: Partial<WebhookHandlerOptions> = {}) {
  const seen: string[] = [];
  const failures: unknown[] = [];
  const webhook = createWebhookHandler({
    appSecret: SECRET,
    verifyToken: VERIFY,
    onMessage: ({ message, profileName }) => {
      const reply = helpMenu.parseReply(message); // typed: "track_order" | "returns" | "talk_to_agent"
      seen.push(`message ${profileName} ${reply?.id ?? message.type}`);
    },
    onStatus: (s) => void seen.push(`status ${s.id} ${s.status}`),
    onError: (e) => void seen.push(`error ${e.code}`),
    onCall: (c) => void seen.push(`call ${c.event} ${c.cta_payload ?? '-'}`),
    onFailure: (e) => void failures.push(e),
    ...extra,
  });
  return { webhook, seen, failures };
}

/** A real server on 127.0.0.1 running `listener`. */
async function serve(listener: RequestListener) {
  const s = createServer(listener);
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
  return { url, close: () => new Promise<void>((resolve) => s.close(() => resolve())) };
}

const post = (url: string, body: string, signature: string | undefined, headers: Record<string, string> = {}) =>
  fetch(`${url}/webhook`, { method: 'POST', body, headers: { 'content-type': 'application/json', ...(signature ? { 'x-hub-signature-256': signature } : {}), ...headers } });

/** What every adapter must do, asserted through a real server. */
async function conformance(name: string, make: (h: ReturnType<typeof recording>) => RequestListener) {
  const h = recording();
  const s = await serve(make(h));
  try {
    const get = async (query: string) => {
      const r = await fetch(`${s.url}/webhook?${query}`);
      return [r.status, await r.text()];
    };
    assert.equal(await get(`hub.mode=subscribe&hub.verify_token=${VERIFY}&hub.challenge=1158201444`), [200, '1158201444'], `${name}: the handshake`);
    assert.equal((await get('hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1'))[0], 403, `${name}: a wrong verify token`);
    assert.equal((await get(`hub.verify_token=${VERIFY}&hub.challenge=1`))[0], 403, `${name}: no hub.mode`);
    assert.equal((await get(`hub.mode=subscribe&hub.verify_token=${VERIFY}&hub.challenge=%3Cscript%3E`))[0], 400, `${name}: a challenge that is not a plain token is not echoed`);

    const body = raw('button_reply');
    let r = await post(s.url, body, sign(body));
    assert.equal([r.status, await r.text()], [200, 'ok\n'], `${name}: a signed message`);
    assert.equal(h.seen, ['message Asha Verma track_order'], `${name}: the typed reply`);

    const statuses = JSON.parse(raw('statuses'));
    statuses.entry[0].changes[0].value.errors = [{ code: 131051, title: 'Message type unknown' }];
    const text = JSON.stringify(statuses);
    h.seen.length = 0;
    r = await post(s.url, text, sign(text));
    assert.is(r.status, 200);
    assert.equal(h.seen, ['status wamid.SENT delivered', 'status wamid.SENT2 failed', 'error 131051'], `${name}: statuses and errors, in order`);

    const call = raw('call_connect');
    h.seen.length = 0;
    r = await post(s.url, call, sign(call));
    assert.is(r.status, 200);
    assert.equal(h.seen, ['call connect plant-doctor-faq'], `${name}: a call event, with the call button's payload`);

    h.seen.length = 0;
    for (const [what, b, sig, status, words] of [
      ['a wrong signature', body, sign(`${body} `), 401, /signature refused: the signature does not match the body/],
      ['no signature', body, undefined, 401, /no X-Hub-Signature-256 header/],
      ['re-serialised JSON', JSON.stringify(JSON.parse(body)), sign(body), 401, /does not match/],
      ['signed, not JSON', '{"object":', sign('{"object":'), 400, /not JSON/],
      ['signed, not a webhook', '{"object":"page"}', sign('{"object":"page"}'), 400, /object must be "whatsapp_business_account"/],
    ] as const) {
      const a = await post(s.url, b, sig);
      assert.is(a.status, status, `${name}: ${what}`);
      assert.match(await a.text(), words, `${name}: ${what}`);
    }
    assert.equal(h.seen, [], `${name}: nothing refused reaches the app`);
    const put = await fetch(`${s.url}/webhook`, { method: 'PUT', body: 'x' });
    assert.equal([put.status, put.headers.get('allow')], [405, 'GET, POST'], `${name}: other methods`);
  } finally {
    await s.close();
  }
}

test('Node http: the handshake, signed bodies, typed replies, statuses and errors, refusals', async () => {
  await conformance('node', (h) => (req, res) => void h.webhook.node(req, res));
});

test('Express-shaped: a Buffer from express.raw() is used; a body express.json() parsed is refused loudly', async () => {
  // Express's req and res are Node's, with `body` set by the body parser that ran before.
  await conformance('express.raw', (h) => (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.method === 'POST') (req as IncomingMessage & { body?: unknown }).body = Buffer.concat(chunks);
      void h.webhook.node(req, res);
    });
  });
  const h = recording();
  const s = await serve((req, res) => {
    let text = '';
    req.on('data', (c: Buffer) => (text += c));
    req.on('end', () => {
      (req as IncomingMessage & { body?: unknown }).body = JSON.parse(text); // what express.json() leaves
      void h.webhook.node(req, res);
    });
  });
  const body = raw('button_reply');
  const r = await post(s.url, body, sign(body));
  await s.close();
  assert.is(r.status, 500);
  assert.equal(h.seen, []);
  assert.match(String(h.failures[0]), /already parsed \(express\.json\(\)\?\).*express\.raw\(\{ type: "application\/json" \}\)/);
});

test('Fetch Request/Response (Hono: webhook.fetch(c.req.raw)), behind a real server', async () => {
  await conformance('fetch', (h) => (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      // What a Fetch-based server (Hono's Node server, Deno, Bun) hands the route: a Request.
      const headers = new Headers(Object.entries(req.headers).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v] as [string, string]] : [])));
      const body = req.method === 'GET' ? undefined : Buffer.concat(chunks);
      const response = await h.webhook.fetch(new Request(`http://${req.headers.host}${req.url}`, { method: req.method!, headers, ...(body ? { body } : {}) }));
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(await response.text());
    });
  });
});

test('a callback that throws: 500 (Meta delivers again), and the app hears why', async () => {
  const boom = new Error('database down');
  const h = recording({ onMessage: () => Promise.reject(boom) });
  const s = await serve((req, res) => void h.webhook.node(req, res));
  const body = raw('button_reply');
  const r = await post(s.url, body, sign(body));
  await s.close();
  assert.equal([r.status, await r.text()], [500, 'the app failed on this webhook\n']);
  assert.equal(h.failures, [boom]);
});

test('bodies over maxBodyBytes: 413, declared or streamed, in Node and Fetch', async () => {
  const h = recording({ maxBodyBytes: 64 });
  const s = await serve((req, res) => void h.webhook.node(req, res));
  const body = raw('button_reply');
  const declared = await post(s.url, body, sign(body));
  const streamed = await fetch(`${s.url}/webhook`, { method: 'POST', body: new Blob([body]).stream(), duplex: 'half', headers: { 'x-hub-signature-256': sign(body) } } as RequestInit);
  await s.close();
  assert.equal([declared.status, streamed.status], [413, 413]);
  const stream = new Request('http://localhost/webhook', { method: 'POST', body: new Blob([body]).stream(), duplex: 'half' } as RequestInit);
  assert.is((await h.webhook.fetch(stream)).status, 413);
  assert.equal(h.seen, []);
});

test('a sender that goes away mid-body: the Node adapter settles without rejecting (no crash), and the server goes on', async () => {
  const h = recording();
  const outcomes: unknown[] = [];
  let settledOnce!: () => void;
  const settledNow = new Promise<void>((resolve) => (settledOnce = resolve));
  const s = await serve((req, res) => {
    h.webhook.node(req, res).then(
      () => outcomes.push('resolved'),
      (e: unknown) => outcomes.push(e),
    ).finally(settledOnce);
  });
  const socket = connect(Number(new URL(s.url).port), '127.0.0.1');
  await new Promise<void>((resolve) => socket.on('connect', resolve));
  socket.write('POST /webhook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"object":');
  await new Promise((resolve) => setImmediate(resolve));
  socket.destroy();
  await settledNow;
  assert.equal(outcomes, ['resolved']);
  const body = raw('button_reply');
  assert.is((await post(s.url, body, sign(body))).status, 200, 'the next webhook is served');
  await s.close();
  assert.equal(h.failures, [], 'a sender going away is not the app failing');
});

test('a URL that does not parse is a refusal, not a crash', async () => {
  const h = recording();
  const a = await h.webhook.handle({ method: 'GET', url: 'http://[bad', header: () => undefined, body: undefined });
  assert.is(a.status, 403);
});

test('Fastify: a plugin that keeps the raw bytes for its own route only, and answers through reply', async () => {
  const h = recording();
  const parsers: { type: string; parseAs: string; parser: (r: unknown, b: Uint8Array, d: (e: Error | null, v?: unknown) => void) => void }[] = [];
  const routes: Parameters<FastifyInstanceLike['route']>[0][] = [];
  const instance: FastifyInstanceLike = {
    addContentTypeParser: (type, options, parser) => parsers.push({ type, parseAs: options.parseAs, parser }),
    route: (r) => routes.push(r),
  };
  let done = 0;
  h.webhook.fastify(instance, { path: '/hook' }, () => done++);
  assert.equal([done, parsers.map((p) => [p.type, p.parseAs]), routes.map((r) => [r.method, r.url])], [1, [['application/json', 'buffer']], [[['GET', 'POST'], '/hook']]]);
  // The parser hands the bytes through untouched.
  const body = raw('button_reply');
  const bytes = Buffer.from(body);
  let parsed: unknown;
  parsers[0]!.parser({}, bytes, (_e, v) => (parsed = v));
  assert.is(parsed, bytes);
  const call = async (request: FastifyRequestLike) => {
    const sent: { status?: number; headers?: Record<string, string>; body?: string } = {};
    const reply: FastifyReplyLike = {
      code: (status) => ((sent.status = status), reply),
      headers: (headers) => ((sent.headers = headers), reply),
      send: (b) => (sent.body = b),
    };
    await routes[0]!.handler(request, reply);
    return sent;
  };
  const ok = await call({ method: 'POST', url: '/hook', headers: { 'x-hub-signature-256': sign(body) }, body: parsed });
  assert.equal([ok.status, ok.body], [200, 'ok\n']);
  assert.equal(h.seen, ['message Asha Verma track_order']);
  const bad = await call({ method: 'POST', url: '/hook', headers: { 'x-hub-signature-256': sign('other') }, body: parsed });
  assert.is(bad.status, 401);
  const hand = await call({ method: 'GET', url: `/hook?hub.mode=subscribe&hub.verify_token=${VERIFY}&hub.challenge=42`, headers: {} });
  assert.equal([hand.status, hand.body], [200, '42']);
});

test('createWebhookHandler without its secrets is one clear TypeError', () => {
  assert.throws(() => createWebhookHandler({ appSecret: '', verifyToken: VERIFY }), /appSecret must be the app secret/);
  assert.throws(() => createWebhookHandler({ appSecret: SECRET } as never), /verifyToken must be a non-empty string/);
});

test.run();
