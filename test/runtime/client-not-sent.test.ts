import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createClient, WhatsAppApiError, WhatsAppTransportError, type Clock } from '../../runtime/index.js';

const TOKEN = 'EAAG-secret-token-123';
const BODY = { messaging_product: 'whatsapp', to: '1', type: 'text', text: { body: 'x' } };
function countingClock(): Clock & { delays: number[] } {
  const delays: number[] = [];
  return { delays, now: () => 0, sleep: async (ms) => void delays.push(ms) };
}

test('a token that cannot go in a header, or a baseUrl that is not an http(s) URL: a TypeError from createClient, the token never quoted', () => {
  for (const accessToken of ['bad\ntoken-with-newline-1234567', 'cr\rtoken', 'nul\0token', 'emoji-😀-token', '', '   ']) {
    const e = (() => {
      try {
        createClient({ phoneNumberId: '1', accessToken });
      } catch (x) {
        return x as Error;
      }
      return undefined;
    })();
    assert.instance(e, TypeError, JSON.stringify(accessToken));
    assert.match(e!.message, /^createClient: accessToken must be/);
    if (accessToken.trim()) assert.not.match(e!.message, accessToken.slice(0, 3), 'the token is not quoted');
  }
  for (const baseUrl of ['not a url', 'ftp://example.com', '/relative', '127.0.0.1:8080']) {
    assert.throws(() => createClient({ phoneNumberId: '1', accessToken: TOKEN, baseUrl }), /^createClient: baseUrl must be an absolute http\(s\) URL/, baseUrl);
  }
  // What real tokens look like, and a local base URL, still pass.
  createClient({ phoneNumberId: '1', accessToken: 'EAAGm0PX4ZCpsBAKZCZBq9xW7ZAr2ZB3ZCnYk1ZAq', baseUrl: 'http://127.0.0.1:8080/' });
});

test('a port fetch blocks ("bad port") sent nothing: not-sent, with no "may or may not" in the words', async () => {
  const clock = countingClock();
  const e = (await createClient({ phoneNumberId: '1', accessToken: TOKEN, baseUrl: 'http://127.0.0.1:9', clock, retry: { retries: 1 } }).send(BODY).catch((x: unknown) => x)) as WhatsAppTransportError;
  assert.instance(e, WhatsAppTransportError);
  assert.equal([e.kind, e.outcome], ['network', 'not-sent']);
  assert.match(e.message, /bad port/);
  assert.not.match(e.message, /may or may not/);
  assert.equal(clock.delays, [500], 'a not-sent failure is retried as any other');
});

test('an answer without a media id speaks of the upload, one without success of the read receipt; a send keeps its words', async () => {
  const s = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{}');
    });
  });
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const client = createClient({ phoneNumberId: '1', accessToken: TOKEN, baseUrl: `http://127.0.0.1:${(s.address() as AddressInfo).port}` });
  const upload = (await client.uploadMedia({ data: new Uint8Array([1]), type: 'image/png' }).catch((x: unknown) => x)) as WhatsAppApiError;
  const read = (await client.markRead('wamid.1').catch((x: unknown) => x)) as WhatsAppApiError;
  const send = (await client.send(BODY).catch((x: unknown) => x)) as WhatsAppApiError;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  for (const e of [upload, read, send]) assert.instance(e, WhatsAppApiError);
  assert.match(upload.message, /no media id; the file may or may not have been stored; upload it again to get an id$/);
  assert.not.match(upload.message, /message may or may not have been sent/);
  assert.match(read.message, /does not say success; the message may or may not have been marked read$/);
  assert.match(send.message, /no message id; the message may or may not have been sent$/);
  assert.equal([upload.outcome, read.outcome, send.outcome], ['unknown', 'unknown', 'unknown']);
});

test.run();
