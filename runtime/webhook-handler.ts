import { WebhookError } from './errors.js';
import { verifySignature, type RawBody } from './signature.js';
import { parseWebhook, type CallEvent, type MessageEvent, type StatusEvent, type Webhook, type WebhookErrorEvent } from './webhook.js';

/** The largest webhook body read by default (waml's own bound; Meta documents none): 5 MiB. */
export const DEFAULT_MAX_WEBHOOK_BYTES = 5 * 1024 * 1024;

export interface WebhookHandlerOptions {
  /** The app's secret: every POST must carry `X-Hub-Signature-256` made with it. */
  appSecret: string;
  /** The verify token set in the app dashboard: the GET handshake must present it. */
  verifyToken: string;
  /** Each inbound message, in order; read its typed reply with a sender's `parseReply(event.message)`. */
  onMessage?(event: MessageEvent): void | Promise<void>;
  /** Each status (sent, delivered, read, failed) of a message the app sent. */
  onStatus?(event: StatusEvent): void | Promise<void>;
  /** Each error WhatsApp reports in `value.errors`. */
  onError?(event: WebhookErrorEvent): void | Promise<void>;
  /** Each call event (the `calls` field); a call from a call button has its `cta_payload`: read it with the sender's `parseCall`. */
  onCall?(event: CallEvent): void | Promise<void>;
  /**
   * Called when the app's own callback threw (the answer is then 500, so Meta delivers the
   * webhook again) or the framework gave a parsed body. Default: `console.error`.
   */
  onFailure?(error: unknown): void;
  /** Bodies larger than this are refused with 413 (default 5 MiB). */
  maxBodyBytes?: number;
}

/** A request, whatever the framework: its method, URL (a path with its query, or absolute), headers and raw body. */
export interface WebhookRequest {
  method: string;
  url: string;
  header(name: string): string | null | undefined;
  /** The raw bytes as received; undefined when there is none (a GET). */
  body: RawBody | undefined;
}

/** What to answer. `error` (present only on a 500) is what made it one, for logging: any thrown value, even `undefined`. */
export interface WebhookAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
  error?: unknown;
}

/** The parts of Node's `IncomingMessage` the adapter reads (an Express request is one). */
export interface NodeRequestLike extends AsyncIterable<unknown> {
  method?: string | undefined;
  url?: string | undefined;
  headers: Record<string, string | string[] | undefined>;
  /** Set by a body parser that ran before (Express): a Buffer from `express.raw()` is used as is. */
  body?: unknown;
}

/** The parts of Node's `ServerResponse` the adapter writes. */
export interface NodeResponseLike {
  writeHead(status: number, headers: Record<string, string>): unknown;
  end(body: string): unknown;
}

/** The parts of a Fastify instance the plugin uses: a raw-bytes JSON parser and one route, both scoped to the plugin. */
export interface FastifyInstanceLike {
  addContentTypeParser(type: string, options: { parseAs: 'buffer' }, parser: (request: unknown, body: Uint8Array, done: (error: Error | null, body?: unknown) => void) => void): unknown;
  route(route: { method: string[]; url: string; bodyLimit: number; handler: (request: FastifyRequestLike, reply: FastifyReplyLike) => Promise<unknown> }): unknown;
}
export interface FastifyRequestLike {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body?: unknown;
}
export interface FastifyReplyLike {
  code(status: number): FastifyReplyLike;
  headers(headers: Record<string, string>): FastifyReplyLike;
  send(body: string): unknown;
}

export interface WebhookHandler {
  /** The framework-free core: a request in, an answer out. Never throws. */
  handle(request: WebhookRequest): Promise<WebhookAnswer>;
  /** For the Fetch API (Deno, Bun, Cloudflare Workers, Next.js route handlers) and Hono: `webhook.fetch(c.req.raw)`. */
  fetch(request: Request): Promise<Response>;
  /** For Node's `http` and Express: `http.createServer(webhook.node)`, `app.all('/webhook', webhook.node)`. */
  node(request: NodeRequestLike, response: NodeResponseLike): Promise<void>;
  /** A Fastify plugin: `app.register(webhook.fastify, { prefix: '/webhook' })`; it keeps the raw bytes of its own route. */
  fastify(instance: FastifyInstanceLike, options: { path?: string }, done: (error?: Error) => void): void;
}

const TEXT = { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' };
const answer = (status: number, body: string): WebhookAnswer => ({ status, headers: { ...TEXT }, body: `${body}\n` });
/** A 500 and what caused it: every thrown value is kept, `undefined` included. */
const failed = (body: string, error: unknown): WebhookAnswer => ({ ...answer(500, body), error });
/** A JSON media type (`application/json`, `application/*+json`), parameters allowed. */
const isJson = (type: string | null | undefined) => typeof type === 'string' && /^\s*application\/([\w.-]+\+)?json\s*(;|$)/i.test(type);
const encoder = new TextEncoder();

/** Equal strings, compared in a time that does not depend on where they differ. */
function same(a: string, b: string): boolean {
  const x = encoder.encode(a);
  const y = encoder.encode(b);
  if (x.length !== y.length) return false;
  let diff = 0;
  for (let i = 0; i < x.length; i++) diff |= x[i]! ^ y[i]!;
  return diff === 0;
}

/** A body too large to read: answered 413. */
class TooLarge extends Error {}

/** Reads chunks up to `max` bytes; more is TooLarge. */
async function collect(chunks: AsyncIterable<unknown>, max: number): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    const bytes = typeof chunk === 'string' ? encoder.encode(chunk) : (chunk as Uint8Array);
    size += bytes.byteLength;
    if (size > max) throw new TooLarge();
    parts.push(bytes);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

async function* streamChunks(stream: ReadableStream<Uint8Array>): AsyncIterable<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

const headerOf = (headers: Record<string, string | string[] | undefined>) => (name: string) => {
  const v = headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
};

/**
 * A webhook endpoint for WhatsApp: answers the GET verify handshake, checks the signature on
 * the raw bytes of each POST, parses it, and hands the messages, statuses and errors to the
 * app's callbacks, in order. Answers: 200 once every callback has finished; 401 for a bad
 * signature; 400 for a body that is not a WhatsApp webhook; 403 for a wrong verify token;
 * 405 for other methods; 413 past `maxBodyBytes`; 415 (Node adapter) when a body parser
 * skipped a body not declared JSON; 500 when a callback threw (Meta retries).
 */
export function createWebhookHandler(options: WebhookHandlerOptions): WebhookHandler {
  if (typeof options?.appSecret !== 'string' || options.appSecret === '') throw new TypeError('createWebhookHandler: appSecret must be the app secret (a non-empty string)');
  if (typeof options.verifyToken !== 'string' || options.verifyToken === '') throw new TypeError('createWebhookHandler: verifyToken must be a non-empty string');
  const max = options.maxBodyBytes ?? DEFAULT_MAX_WEBHOOK_BYTES;
  const onFailure = options.onFailure ?? ((error: unknown) => console.error('waml webhook:', error));
  /** Tells the app; an `onFailure` that throws itself is swallowed, so the request is still answered. */
  const fail = (error: unknown): void => {
    try {
      onFailure(error);
    } catch {
      // the app's own reporter failed: there is no one left to tell, and the request must still be answered
    }
  };

  async function deliver(webhook: Webhook): Promise<void> {
    for (const m of webhook.messages) await options.onMessage?.(m);
    for (const s of webhook.statuses) await options.onStatus?.(s);
    for (const e of webhook.errors) await options.onError?.(e);
    for (const c of webhook.calls) await options.onCall?.(c);
  }

  async function handle(request: WebhookRequest): Promise<WebhookAnswer> {
    try {
      return await answerTo(request);
    } catch (error) {
      return failed('the webhook handler failed', error);
    }
  }

  async function answerTo(request: WebhookRequest): Promise<WebhookAnswer> {
    const method = request.method.toUpperCase();
    if (method === 'GET') {
      const query = URL.canParse(request.url, 'http://localhost') ? new URL(request.url, 'http://localhost').searchParams : new URLSearchParams();
      if (query.get('hub.mode') !== 'subscribe' || !same(query.get('hub.verify_token') ?? '', options.verifyToken)) return answer(403, 'the verify token does not match');
      const challenge = query.get('hub.challenge') ?? '';
      if (!/^[A-Za-z0-9_.-]{1,256}$/.test(challenge)) return answer(400, 'hub.challenge is missing or not a plain token');
      return { status: 200, headers: { ...TEXT }, body: challenge };
    }
    if (method !== 'POST') return { ...answer(405, 'a WhatsApp webhook takes GET (the handshake) and POST'), headers: { ...TEXT, allow: 'GET, POST' } };
    if (request.body === undefined) return answer(400, 'no body');
    const check = await verifySignature({ body: request.body, signature: request.header('x-hub-signature-256'), appSecret: options.appSecret });
    if (!check.valid) return answer(401, `signature refused: ${check.problem}`);
    let webhook: Webhook;
    try {
      const text = typeof request.body === 'string' ? request.body : new TextDecoder('utf-8', { fatal: true }).decode(request.body);
      webhook = parseWebhook(JSON.parse(text));
    } catch (error) {
      return answer(400, error instanceof WebhookError ? error.message : 'the body is not JSON');
    }
    try {
      await deliver(webhook);
    } catch (error) {
      return failed('the app failed on this webhook', error);
    }
    return answer(200, 'ok');
  }

  /** `handle`, reporting a 500's cause to `onFailure`. Never throws. */
  async function run(request: WebhookRequest): Promise<WebhookAnswer> {
    const a = await handle(request);
    if ('error' in a) fail(a.error);
    return a;
  }

  const tooLarge = () => answer(413, `the body is larger than ${max} bytes`);
  /** A body that could not be read: too large, or the sender went away mid-way (not the app's failure). */
  const unread = (error: unknown) => (error instanceof TooLarge ? tooLarge() : answer(400, 'the body could not be read'));
  const declaredTooLarge = (length: string | null | undefined) => length !== null && length !== undefined && /^\d+$/.test(length) && Number(length) > max;

  return {
    handle: run,
    async fetch(request) {
      let a: WebhookAnswer;
      if (declaredTooLarge(request.headers.get('content-length'))) a = tooLarge();
      else {
        let body: Uint8Array | undefined;
        let unreadable: WebhookAnswer | undefined;
        try {
          body = request.method === 'GET' || request.method === 'HEAD' || !request.body ? undefined : await collect(streamChunks(request.body), max);
        } catch (error) {
          unreadable = unread(error);
        }
        // Only reading the body may make it a 400: `run` never throws, and the app's failure stays a 500.
        a = unreadable ?? (await run({ method: request.method, url: request.url, header: (n) => request.headers.get(n), body }));
      }
      return new Response(a.body, { status: a.status, headers: a.headers });
    },
    async node(request, response) {
      const header = headerOf(request.headers);
      const method = request.method ?? 'GET';
      let a: WebhookAnswer | undefined;
      const given = request.body;
      // Never rejects: an unhandled rejection would end a Node process (a sender going away must not).
      if (given !== undefined && typeof given !== 'string' && !(given instanceof Uint8Array) && !isJson(header('content-type'))) {
        // A body parser that skipped a body not declared JSON (express.raw({ type: 'application/json' }) leaves `{}`):
        // the sender's fault, refused before any signature check and not reported (anyone could send it).
        a = answer(415, 'a WhatsApp webhook is application/json');
      } else if (given !== undefined && typeof given !== 'string' && !(given instanceof Uint8Array)) {
        a = answer(500, 'the body was parsed before the webhook handler saw it');
        fail(new TypeError('waml webhook: the body was already parsed (express.json()?), so its signature cannot be checked: give this route the raw bytes, e.g. express.raw({ type: "application/json" }), or mount it before the JSON parser'));
      } else if (declaredTooLarge(header('content-length'))) a = tooLarge();
      else {
        let body: RawBody | undefined;
        try {
          body = given !== undefined ? given : method === 'GET' || method === 'HEAD' ? undefined : await collect(request, max);
        } catch (error) {
          body = undefined;
          a = unread(error);
        }
        a ??= await run({ method, url: request.url ?? '/', header, body });
      }
      try {
        response.writeHead(a.status, a.headers);
        response.end(a.body);
      } catch {
        // the connection is gone: nobody is left to answer
      }
    },
    fastify(instance, pluginOptions, done) {
      // Scoped to this plugin (register it without fastify-plugin): other routes keep Fastify's JSON parser.
      instance.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, next) => next(null, body));
      instance.route({
        method: ['GET', 'POST'],
        url: pluginOptions?.path ?? '/',
        // Fastify reads the body itself: past this it answers 413 before the handler runs.
        bodyLimit: max,
        handler: async (request, reply) => {
          const body = request.body;
          const a = await run({
            method: request.method,
            url: request.url,
            header: headerOf(request.headers),
            body: typeof body === 'string' || body instanceof Uint8Array ? body : undefined,
          });
          return reply.code(a.status).headers(a.headers).send(a.body);
        },
      });
      done();
    },
  };
}
