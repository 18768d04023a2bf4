import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createWebhookHandler, type FastifyInstanceLike, type WebhookHandlerOptions } from '../../runtime/index.js';

const SECRET = 'app-secret-42';
const body = readFileSync(join(import.meta.dirname, '../fixtures/webhooks/button_reply.json'), 'utf8');
const sign = (b: string) => `sha256=${createHmac('sha256', SECRET).update(b).digest('hex')}`;

function handler(extra: Partial<WebhookHandlerOptions>) {
  const failures: unknown[] = [];
  const webhook = createWebhookHandler({ appSecret: SECRET, verifyToken: 'vt', onFailure: (e) => void failures.push(e), ...extra });
  return { webhook, failures };
}

/** A real server on 127.0.0.1; `settled` records how each `node()` call ended. */
async function serve(listener: (req: IncomingMessage, res: Parameters<RequestListener>[1], settled: string[]) => void) {
  const settled: string[] = [];
  const s = createServer((req, res) => listener(req, res, settled));
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(s.address() as AddressInfo).port}/webhook`;
  return { url, settled, close: () => new Promise<void>((resolve) => s.close(() => resolve())) };
}
const track = (p: Promise<void>, settled: string[]) => void p.then(() => settled.push('resolved'), (e: unknown) => settled.push(`rejected ${String(e)}`));
const post = (url: string, headers: Record<string, string>) => fetch(url, { method: 'POST', body, headers: { 'x-hub-signature-256': sign(body), ...headers } });

test('an onFailure that throws: node() still answers 500 and resolves; fetch() answers 500, not 400', async () => {
  const thrower = () => {
    throw new Error('logger down');
  };
  const { webhook } = handler({ onMessage: () => Promise.reject(new Error('boom')), onFailure: thrower });
  const s = await serve((req, res, settled) => track(webhook.node(req, res), settled));
  const r = await post(s.url, { 'content-type': 'application/json' });
  const text = await r.text();
  await s.close();
  assert.equal([r.status, text, s.settled], [500, 'the app failed on this webhook\n', ['resolved']]);

  const viaFetch = await webhook.fetch(new Request('http://localhost/webhook', { method: 'POST', body, headers: { 'x-hub-signature-256': sign(body) } }));
  assert.equal([viaFetch.status, await viaFetch.text()], [500, 'the app failed on this webhook\n']);
});

test('an onFailure that throws on the "body already parsed" path: still 500, node() resolves', async () => {
  const { webhook } = handler({ onFailure: () => { throw new Error('logger down'); } });
  const s = await serve((req, res, settled) => {
    (req as IncomingMessage & { body?: unknown }).body = { object: 'whatsapp_business_account' }; // what express.json() leaves
    track(webhook.node(req, res), settled);
  });
  const r = await post(s.url, { 'content-type': 'application/json' });
  await r.text();
  await s.close();
  assert.equal([r.status, s.settled], [500, ['resolved']]);
});

test('every thrown value reaches onFailure, undefined and null included', async () => {
  for (const thrown of [undefined, null, 0, 'text']) {
    const { webhook, failures } = handler({ onMessage: () => { throw thrown; } });
    const a = await webhook.handle({ method: 'POST', url: '/', header: (n) => (n === 'x-hub-signature-256' ? sign(body) : undefined), body });
    assert.is(a.status, 500, String(thrown));
    assert.is(failures.length, 1, `reported: ${String(thrown)}`);
    assert.is(failures[0], thrown);
  }
});

test('express.raw({ type: "application/json" }) skipping a body not declared JSON: 415, not reported; a JSON one it skipped is still 500', async () => {
  const { webhook, failures } = handler({ onMessage: () => undefined });
  // What body-parser's raw() does: a matching content type gets the Buffer, any other leaves `{}` and the stream unread.
  const s = await serve((req, res, settled) => {
    const type = req.headers['content-type'] ?? '';
    if (/^application\/json/.test(type)) {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        (req as IncomingMessage & { body?: unknown }).body = Buffer.concat(chunks);
        track(webhook.node(req, res), settled);
      });
    } else {
      (req as IncomingMessage & { body?: unknown }).body = {};
      track(webhook.node(req, res), settled);
    }
  });
  const answers: [number, string][] = [];
  for (const headers of <Record<string, string>[]>[{ 'content-type': 'text/plain' }, { 'content-type': '' }, { 'content-type': 'text/plain', 'x-hub-signature-256': 'sha256=00' }, { 'content-type': 'application/json; charset=utf-8' }]) {
    const r = await post(s.url, headers);
    answers.push([r.status, await r.text()]);
  }
  await s.close();
  assert.equal(answers.slice(0, 3), [[415, 'a WhatsApp webhook is application/json\n'], [415, 'a WhatsApp webhook is application/json\n'], [415, 'a WhatsApp webhook is application/json\n']]);
  assert.equal(answers[3], [200, 'ok\n'], 'the raw bytes of a JSON body are still used');
  assert.equal(failures, [], 'a client sending the wrong content type is not an app failure');
  assert.equal(s.settled, ['resolved', 'resolved', 'resolved', 'resolved']);

  // A body parsed although declared JSON is the app's misconfiguration: 500, reported.
  const parsed = await webhook.node(
    Object.assign((async function* () {})(), { method: 'POST', url: '/', headers: { 'content-type': 'application/vnd.api+json' }, body: {} }),
    { writeHead: (status: number) => answers.push([status, '']), end: () => undefined },
  );
  assert.is(parsed, undefined);
  assert.equal(answers[4], [500, '']);
  assert.is(failures.length, 1);
});

test('Fastify: maxBodyBytes becomes the route bodyLimit (Fastify answers 413 past it)', () => {
  for (const [max, expected] of [[100, 100], [undefined, 5 * 1024 * 1024]] as const) {
    const routes: Parameters<FastifyInstanceLike['route']>[0][] = [];
    const { webhook } = handler(max === undefined ? {} : { maxBodyBytes: max });
    webhook.fastify({ addContentTypeParser: () => undefined, route: (r) => routes.push(r) }, {}, () => undefined);
    assert.is(routes[0]!.bodyLimit, expected);
  }
});

test.run();
