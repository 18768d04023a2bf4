import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createClient, redactor, retryAfterMs, WhatsAppApiError, WhatsAppTransportError, type Clock, type RetryOptions } from '../../runtime/index.js';

const TOKEN = 'EAAG-secret-token-123';
type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => void;

/** A real HTTP server on 127.0.0.1 that answers with `handlers` in turn, recording each request. */
async function server(...handlers: Handler[]) {
  const seen: { method: string; url: string; auth: string; type: string; body: string; raw: Buffer }[] = [];
  const s = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      seen.push({ method: req.method ?? '', url: req.url ?? '', auth: String(req.headers.authorization), type: String(req.headers['content-type']), body: raw.toString('utf8'), raw });
      const h = handlers[Math.min(seen.length - 1, handlers.length - 1)]!;
      h(req, raw.toString('utf8'), res);
    });
  });
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const port = (s.address() as AddressInfo).port;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    seen,
    close: () => {
      s.closeAllConnections(); // a stalled answer must not keep the server open
      return new Promise<void>((resolve) => s.close(() => resolve()));
    },
  };
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

/** Every piece of 8 or more characters of the token, looked for in what an error exposes. */
function assertNoTokenPiece(e: Error, token: string, name: string) {
  for (const where of [e.message, JSON.stringify(e), String(e.stack)]) {
    for (let i = 0; i + 8 <= token.length; i++) assert.not.ok(where.includes(token.slice(i, i + 8)), `${name}: ${JSON.stringify(token.slice(i, i + 8))} in ${where.slice(0, 200)}`);
  }
}

test('no piece of the access token (8 characters or more) appears in an error, wherever it is echoed', async () => {
  const long = 'EAAGm0PX4ZCpsBAKZCZBq9xW7ZAr2ZB3ZCnYk1ZAq';
  const echoes: [string, (t: string) => Handler][] = [
    ['the whole token', (t) => json(401, { error: { message: `Invalid OAuth access token - ${t}`, code: 190 } })],
    ['a 16-character prefix', (t) => json(401, { error: { message: `Invalid OAuth access token ${t.slice(0, 16)}...`, code: 190 } })],
    ['a suffix', (t) => json(401, { error: { message: `token ending ${t.slice(-9)} is invalid`, code: 190 } })],
    ['8 characters from the middle', (t) => json(401, { error: { message: `near ${t.slice(5, 13)}!`, code: 190 } })],
    ['in details and fbtrace_id', (t) => json(400, { error: { message: 'x', code: 100, error_data: { details: `bad ${t.slice(2, 14)}` }, fbtrace_id: t.slice(-12) } })],
    ['twice, overlapping our words', (t) => json(400, { error: { message: `${t.slice(0, 10)}${t.slice(0, 10)}`, code: 100 } })],
  ];
  for (const token of [TOKEN, long]) {
    for (const [name, echo] of echoes) {
      const s = await server(echo(token));
      const e = (await createClient({ phoneNumberId: '1', accessToken: token, baseUrl: s.baseUrl }).send(BODY).catch((x: unknown) => x)) as Error;
      await s.close();
      assert.instance(e, WhatsAppApiError, name);
      assert.match(e.message, /\[redacted\]/, name);
      assertNoTokenPiece(e, token, name);
    }
    // A fetch that fails with the token in its words (a proxy echoing the header, say).
    const failing = (async () => {
      throw new Error(`connect to proxy failed, Authorization: Bearer ${token.slice(0, 20)}`);
    }) as typeof fetch;
    const e = (await createClient({ phoneNumberId: '1', accessToken: token, fetch: failing }).send(BODY).catch((x: unknown) => x)) as Error;
    assert.instance(e, WhatsAppTransportError);
    assertNoTokenPiece(e, token, 'a failing fetch');
  }
});

test('redactor: runs of 8+ characters shared with the secret, and nothing else', () => {
  const secret = 'EAAGm0PX4ZCpsBAK';
  const r = redactor(secret);
  const cases: [string, string][] = [
    ['no secret here', 'no secret here'],
    [`a ${secret} b`, 'a [redacted] b'],
    [`${secret.slice(0, 8)}`, '[redacted]'],
    [`x${secret.slice(0, 7)}y`, `x${secret.slice(0, 7)}y`],
    [`${secret.slice(3, 12)}|${secret.slice(8)}`, '[redacted]|[redacted]'],
    [`${secret}${secret}`, '[redacted]'],
    ['', ''],
  ];
  for (const [text, expected] of cases) assert.is(r(text), expected, text);
  assert.is(redactor('abc')('xabcyabc'), 'x[redacted]y[redacted]', 'a short secret: whole copies');
  assert.is(redactor('')('text'), 'text');
});

/** A clock that never waits: it records the delays the client asked for. */
function fakeClock(now = 1_000_000): Clock & { delays: number[] } {
  const delays: number[] = [];
  return { delays, now: () => now, sleep: async (ms) => void delays.push(ms) };
}

/** The promise's outcome; a test failure (not a hang) if it has not settled after a generous 10 s. */
function settled<T>(promise: Promise<T>): Promise<T | Error> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const guard = new Promise<Error>((resolve) => (timer = setTimeout(() => resolve(new Error('send() never settled')), 10_000)));
  return Promise.race([promise.catch((e: unknown) => e as Error), guard]).finally(() => clearTimeout(timer));
}

const stallers: [string, Handler][] = [
  ['no headers', () => undefined],
  ['headers, then no body', (_q, _b, res) => res.writeHead(200, { 'content-type': 'application/json' }).flushHeaders()],
  ['half a body, then nothing', (_q, _b, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': '500' });
    res.write('{"messaging_product":"whatsapp","messages":[');
  }],
];

test('a stalled answer (no headers, headers without a body, half a body) settles as a timeout', async () => {
  for (const [name, handler] of stallers) {
    const s = await server(handler);
    const e = await settled(createClient({ phoneNumberId: '1', accessToken: TOKEN, baseUrl: s.baseUrl, timeoutMs: 100 }).send(BODY));
    await s.close();
    assert.instance(e, WhatsAppTransportError, name);
    assert.is((e as WhatsAppTransportError).kind, 'timeout', name);
    assert.is((e as WhatsAppTransportError).outcome, 'unknown', name);
    assert.match((e as Error).message, /may or may not have taken effect/);
  }
});

test('a fetch that ignores the abort signal still settles as a timeout', async () => {
  let calls = 0;
  const deaf = ((_url: string, _init: RequestInit) => {
    calls++;
    return new Promise<Response>(() => undefined); // never settles, whatever the signal says
  }) as typeof fetch;
  const e = await settled(createClient({ phoneNumberId: '1', accessToken: TOKEN, fetch: deaf, timeoutMs: 50 }).send(BODY));
  assert.instance(e, WhatsAppTransportError);
  assert.equal([(e as WhatsAppTransportError).kind, calls], ['timeout', 1]);
});

test('a stalled answer is not retried unless the caller accepts duplicates', async () => {
  const clock = fakeClock();
  const a = await server(stallers[1]![1]);
  const e = await settled(createClient({ phoneNumberId: '1', accessToken: TOKEN, baseUrl: a.baseUrl, timeoutMs: 100, clock, retry: { retries: 3 } }).send(BODY));
  await a.close();
  assert.is((e as WhatsAppTransportError).kind, 'timeout');
  assert.equal([a.seen.length, clock.delays], [1, []]);
  const b = await server(stallers[1]![1], OK);
  const r = await settled(createClient({ phoneNumberId: '1', accessToken: TOKEN, baseUrl: b.baseUrl, timeoutMs: 100, clock, retry: { retries: 3, unsafeRetryUnknownOutcome: true } }).send(BODY));
  await b.close();
  assert.equal(r, { messageId: 'wamid.HBgL', waId: '12015550123', status: 'accepted' });
  assert.equal([b.seen.length, clock.delays], [2, [500]]);
});

test('no retry unless asked: a 503 fails at once, its outcome unknown', async () => {
  const s = await server(json(503, envelope(131000)), OK);
  const e = (await createClient({ phoneNumberId: '1', accessToken: TOKEN, baseUrl: s.baseUrl }).send(BODY).catch((x: unknown) => x)) as WhatsAppApiError;
  await s.close();
  assert.instance(e, WhatsAppApiError);
  assert.is(e.outcome, 'unknown');
  assert.match(e.message, /may or may not have been sent/);
  assert.is(s.seen.length, 1);
});

/** Runs one send against answers in turn: what the server saw, what the client asked to wait, and the outcome. */
async function run(retry: RetryOptions, ...handlers: Handler[]) {
  const clock = fakeClock();
  const s = await server(...handlers);
  const result = await createClient({ phoneNumberId: '1', accessToken: TOKEN, baseUrl: s.baseUrl, retry, clock }).send(BODY).catch((e: unknown) => e);
  await s.close();
  for (const r of s.seen) assert.equal(JSON.parse(r.body), BODY, 'every try sends the same body');
  return { requests: s.seen.length, delays: clock.delays, result, clock };
}

const at = (status: number, headers: Record<string, string> = {}) => json(status, envelope(status === 429 ? 130429 : 131000), headers);

test('retries: only what certainly did not send, waiting what the back-off and Retry-After ask', async () => {
  const cases: [string, RetryOptions, Handler[], number, number[], 'ok' | number][] = [
    // [name, retry, answers, requests, delays asked, result: ok or the status thrown]
    ['a 504 then a 200: NOT retried, the 504 may have sent it', { retries: 3 }, [at(504), OK], 1, [], 504],
    ['a 500 is not retried either', { retries: 3 }, [at(500), OK], 1, [], 500],
    ['opted in to duplicates: the 504 is retried', { retries: 3, unsafeRetryUnknownOutcome: true }, [at(504), OK], 2, [500], 'ok'],
    ['429 with Retry-After: 1 waits 1 s', { retries: 2 }, [at(429, { 'retry-after': '1' }), OK], 2, [1000], 'ok'],
    ['Retry-After: 0 does not undercut the back-off', { retries: 3, baseDelayMs: 200 }, [at(429, { 'retry-after': '0' }), at(429, { 'retry-after': '0' }), at(429, { 'retry-after': '0' }), OK], 4, [200, 400, 800], 'ok'],
    ['a Retry-After shorter than the back-off', { retries: 2, baseDelayMs: 2000 }, [at(429, { 'retry-after': '1' }), OK], 2, [2000], 'ok'],
    ['a Retry-After past maxDelayMs: thrown, not tried early', { retries: 3, maxDelayMs: 5000 }, [at(429, { 'retry-after': '3600' }), OK], 1, [], 429],
    ['the back-off stops at maxDelayMs', { retries: 4, baseDelayMs: 1000, maxDelayMs: 3000 }, [at(429), at(429), at(429), at(429), OK], 5, [1000, 2000, 3000, 3000], 'ok'],
    ['bounded: gives up after its retries', { retries: 2 }, [at(429)], 3, [500, 1000], 429],
    ['a 400 is never retried', { retries: 3, unsafeRetryUnknownOutcome: true }, [json(400, envelope(131009)), OK], 1, [], 400],
    ['a 400 Meta marks transient was refused: retried', { retries: 1 }, [json(400, envelope(131000, { is_transient: true })), OK], 2, [500], 'ok'],
    ['retries: 0 is no retry', { retries: 0 }, [at(429), OK], 1, [], 429],
  ];
  for (const [name, retry, handlers, requests, delays, outcome] of cases) {
    const r = await run(retry, ...handlers);
    assert.is(r.requests, requests, `${name}: requests`);
    assert.equal(r.delays, delays, `${name}: delays asked`);
    if (outcome === 'ok') assert.equal(r.result, { messageId: 'wamid.HBgL', waId: '12015550123', status: 'accepted' }, name);
    else {
      assert.instance(r.result, WhatsAppApiError, name);
      assert.is((r.result as WhatsAppApiError).status, outcome, name);
      assert.is((r.result as WhatsAppApiError).outcome, outcome >= 500 ? 'unknown' : 'not-sent', name);
    }
  }
});

test('Retry-After as an HTTP date is measured on the injected clock', async () => {
  const clock = fakeClock(Date.UTC(2030, 0, 1, 0, 0, 0));
  const s = await server(at(429, { 'retry-after': new Date(Date.UTC(2030, 0, 1, 0, 0, 7)).toUTCString() }), OK);
  await createClient({ phoneNumberId: '1', accessToken: TOKEN, baseUrl: s.baseUrl, retry: { retries: 1 }, clock }).send(BODY);
  await s.close();
  assert.equal(clock.delays, [7000]);
});

test('retry options out of bounds are one clear TypeError at createClient', () => {
  const bad: [RetryOptions, RegExp][] = [
    [{ retries: 11 }, /retries must be an integer from 0 to 10, not 11/],
    [{ retries: -1 }, /retries must be an integer/],
    [{ retries: 1.5 }, /retries must be an integer/],
    [{ retries: Infinity }, /retries must be an integer/],
    [{ retries: 2, baseDelayMs: 0 }, /baseDelayMs must be at least 100 ms, not 0/],
    [{ retries: 2, baseDelayMs: NaN }, /baseDelayMs must be at least 100/],
    [{ retries: 2, baseDelayMs: 1000, maxDelayMs: 500 }, /maxDelayMs must be .* no smaller than baseDelayMs \(1000\)/],
  ];
  for (const [retry, message] of bad) assert.throws(() => createClient({ phoneNumberId: '1', accessToken: TOKEN, retry }), (e: unknown) => e instanceof TypeError && message.test((e as Error).message), JSON.stringify(retry));
  assert.throws(() => createClient({ phoneNumberId: '1', accessToken: TOKEN, timeoutMs: -5 }), /timeoutMs must be a positive number/);
});

test('a connection that was never made did not send: retried without the opt-in', async () => {
  const clock = fakeClock();
  const closed = await server(OK);
  await closed.close(); // a port nothing listens on
  const e = (await createClient({ phoneNumberId: '1', accessToken: TOKEN, baseUrl: closed.baseUrl, retry: { retries: 2 }, clock }).send(BODY).catch((x: unknown) => x)) as WhatsAppTransportError;
  assert.instance(e, WhatsAppTransportError);
  assert.equal([e.kind, e.outcome], ['network', 'not-sent']);
  assert.match(e.message, /ECONNREFUSED/);
  assert.equal(clock.delays, [500, 1000]);
});

test('a connection dropped mid-answer: outcome unknown, not retried', async () => {
  const clock = fakeClock();
  const s = await server((req) => req.socket.destroy(), OK);
  const e = (await createClient({ phoneNumberId: '1', accessToken: TOKEN, baseUrl: s.baseUrl, retry: { retries: 2 }, clock }).send(BODY).catch((x: unknown) => x)) as WhatsAppTransportError;
  await s.close();
  assert.instance(e, WhatsAppTransportError);
  assert.equal([e.kind, e.outcome, s.seen.length, clock.delays], ['network', 'unknown', 1, []]);
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

test('redactor, as a property: whatever pieces of the token a text holds, no 8 of its characters survive; other text is kept', () => {
  const piece = (token: string) => fc.tuple(fc.nat(), fc.integer({ min: 8, max: 64 })).map(([at, length]) => token.slice(at % Math.max(1, token.length - 7), (at % Math.max(1, token.length - 7)) + length));
  fc.assert(
    fc.property(
      fc.string({ minLength: 8, maxLength: 60, unit: fc.constantFrom(...'EAGabcZ019-_x'.split('')) }).chain((token) =>
        fc.tuple(fc.constant(token), fc.array(fc.oneof(piece(token), fc.string({ maxLength: 12 })), { maxLength: 8 })),
      ),
      ([token, parts]) => {
        const out = redactor(token)(parts.join(''));
        for (let i = 0; i + 8 <= token.length; i++) if (out.includes(token.slice(i, i + 8))) return false;
        return true;
      },
    ),
    { numRuns: 500, seed: 13 },
  );
  fc.assert(
    fc.property(fc.string({ minLength: 8, maxLength: 40, unit: fc.constantFrom(...'abcdef'.split('')) }), fc.string({ maxLength: 80, unit: fc.constantFrom(...'uvwxyz .'.split('')) }), (token, text) => redactor(token)(text) === text),
    { numRuns: 300, seed: 13 },
  );
});

const SUCCESS = json(200, { success: true });

test('markRead: the read receipt, and with typing the typing indicator; { success: true } is success', async () => {
  const s = await server(SUCCESS, SUCCESS);
  const client = createClient({ phoneNumberId: '106540352242922', accessToken: TOKEN, baseUrl: s.baseUrl });
  assert.is(await client.markRead('wamid.IN1'), undefined);
  assert.is(await client.markRead('wamid.IN2', { typing: true }), undefined);
  await s.close();
  assert.equal(s.seen.map((r) => [r.url, r.auth, JSON.parse(r.body)]), [
    ['/v23.0/106540352242922/messages', `Bearer ${TOKEN}`, { messaging_product: 'whatsapp', status: 'read', message_id: 'wamid.IN1' }],
    ['/v23.0/106540352242922/messages', `Bearer ${TOKEN}`, { messaging_product: 'whatsapp', status: 'read', message_id: 'wamid.IN2', typing_indicator: { type: 'text' } }],
  ]);
});

test('markRead: an error is a WhatsAppApiError; a repeated receipt is harmless, so a 5xx is retried without the opt-in', async () => {
  const clock = fakeClock();
  const s = await server(at(503), SUCCESS, json(400, envelope(100)), json(200, { success: false }));
  const client = createClient({ phoneNumberId: '1', accessToken: TOKEN, baseUrl: s.baseUrl, retry: { retries: 1 }, clock });
  await client.markRead('wamid.IN1');
  assert.equal([s.seen.length, clock.delays], [2, [500]]);
  const e = await client.markRead('wamid.IN1').catch((x: unknown) => x);
  assert.instance(e, WhatsAppApiError);
  assert.is((e as WhatsAppApiError).code, 100);
  const f = await client.markRead('wamid.IN1').catch((x: unknown) => x);
  assert.match((f as Error).message, /does not say success/);
  await s.close();
});

test('send() of a read receipt says to use markRead, and sends nothing; markRead needs an id', async () => {
  const s = await server(SUCCESS);
  const client = createClient({ phoneNumberId: '1', accessToken: TOKEN, baseUrl: s.baseUrl });
  const e = await client.send({ messaging_product: 'whatsapp', status: 'read', message_id: 'wamid.X' }).catch((x: unknown) => x);
  assert.instance(e, TypeError);
  assert.match((e as Error).message, /client\.markRead\(messageId\)/);
  const f = await client.markRead('').catch((x: unknown) => x);
  assert.instance(f, TypeError);
  await s.close();
  assert.is(s.seen.length, 0);
});

test('uploadMedia: multipart to /media with the file, its type and messaging_product; the media id back', async () => {
  const s = await server(json(200, { id: '1013859600285441' }));
  const client = createClient({ phoneNumberId: '106540352242922', accessToken: TOKEN, baseUrl: s.baseUrl });
  const bytes = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 1, 2, 3, 0x0d, 0x0a, 0x2d, 0x2d]);
  assert.equal(await client.uploadMedia({ data: bytes, type: 'image/jpeg', filename: 'fern.jpg' }), { id: '1013859600285441' });
  await s.close();
  const r = s.seen[0]!;
  assert.equal([r.url, r.auth], ['/v23.0/106540352242922/media', `Bearer ${TOKEN}`]);
  assert.match(r.type, /^multipart\/form-data; boundary=/);
  const form = await new Response(new Uint8Array(r.raw), { headers: { 'content-type': r.type } }).formData();
  assert.is(form.get('messaging_product'), 'whatsapp');
  assert.is(form.get('type'), 'image/jpeg');
  const file = form.get('file') as File;
  assert.equal([file.name, file.type], ['fern.jpg', 'image/jpeg']);
  assert.equal(new Uint8Array(await file.arrayBuffer()), bytes);
});

test('uploadMedia: an ArrayBuffer or a Blob; bad input is a TypeError; an answer without an id is an error', async () => {
  const s = await server(json(200, { id: 'a' }), json(200, { id: 'b' }), json(200, {}));
  const client = createClient({ phoneNumberId: '1', accessToken: TOKEN, baseUrl: s.baseUrl });
  assert.equal(await client.uploadMedia({ data: new Uint8Array([1, 2]).buffer, type: 'application/pdf' }), { id: 'a' });
  assert.equal(await client.uploadMedia({ data: new Blob(['%PDF']), type: 'application/pdf' }), { id: 'b' });
  const e = await client.uploadMedia({ data: new Uint8Array([1]), type: 'image/png' }).catch((x: unknown) => x);
  assert.match((e as Error).message, /no media id/);
  for (const bad of [{ data: 'text', type: 'image/png' }, { data: new Uint8Array([1]), type: 'not a type' }, null]) {
    assert.instance(await client.uploadMedia(bad as never).catch((x: unknown) => x), TypeError, JSON.stringify(bad));
  }
  await s.close();
  assert.is(s.seen.length, 3);
});

test.run();
