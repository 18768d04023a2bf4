import { WhatsAppApiError, WhatsAppTransportError, type Outcome, type RequestKind } from './errors.js';
import { redactor } from './redact.js';

/** The Graph API version waml targets: the one whose OpenAPI description it checks against. */
export const DEFAULT_API_VERSION = 'v23.0';
export const DEFAULT_BASE_URL = 'https://graph.facebook.com';

/** The most tries after the first that `retry.retries` may ask for (waml's own bound). */
export const MAX_RETRIES = 10;
/** The shortest first wait `retry.baseDelayMs` may ask for (waml's own floor). */
export const MIN_BASE_DELAY_MS = 100;

export interface RetryOptions {
  /**
   * How many times to try again after the first attempt: an integer from 0 to 10. Only a
   * failure that certainly did not send is tried again (429, a 4xx Meta marks transient, a
   * connection that was never made), unless `unsafeRetryUnknownOutcome` says otherwise.
   */
  retries: number;
  /** The first wait, doubled after each try: at least 100 ms (default 500 ms). */
  baseDelayMs?: number;
  /**
   * The longest wait (default 30 s). `Retry-After` is honoured, never below the back-off;
   * when it asks for longer than this, the error is thrown rather than trying early.
   */
  maxDelayMs?: number;
  /**
   * Also try again when the outcome is unknown: a 5xx answer, a timeout, a dropped
   * connection. The messages endpoint is not idempotent, so this MAY DELIVER A MESSAGE
   * TWICE. Off by default. (Read receipts, the typing indicator and media uploads are safe
   * to repeat and are retried on an unknown outcome without it.)
   */
  unsafeRetryUnknownOutcome?: boolean;
}

/** Time as the client sees it: `now` for `Retry-After` dates, `sleep` for the waits between tries. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

/** The real clock: `Date.now` and `setTimeout`. */
export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export interface ClientOptions {
  phoneNumberId: string;
  accessToken: string;
  apiVersion?: string;
  baseUrl?: string;
  fetch?: typeof fetch;
  /** Abort a request whose whole answer (headers and body) has not arrived after this long (default 30 s). */
  timeoutMs?: number;
  /**
   * Opt-in retries. Off by default: a send that timed out or failed may still have been
   * delivered, and a retry would deliver it twice.
   */
  retry?: RetryOptions;
  /** The clock the retries wait on (default: the real one). Timeouts always use real timers. */
  clock?: Clock;
}

export interface SendResult {
  messageId: string;
  waId: string | undefined;
  /** `accepted`, or `held_for_quality_assessment`, when Meta says. */
  status: string | undefined;
}

/** A file to upload: its bytes and its MIME type (`image/jpeg`, `video/mp4`, `application/pdf`, ...). */
export interface MediaFile {
  data: Uint8Array | ArrayBuffer | Blob;
  type: string;
  /** The file name Meta records (default `file`). */
  filename?: string;
}

/** What a generated sender needs: something that sends a request body. */
export interface Client {
  /** Sends a message (a request body, such as a sender's `build()` gives). */
  send(body: unknown): Promise<SendResult>;
}

/** The client `createClient` makes: sending, read receipts and the typing indicator, media. */
export interface WhatsAppClient extends Client {
  /**
   * Marks an inbound message (and the ones before it) as read: the blue ticks. With
   * `typing: true` the user also sees a typing indicator, until the next message or 25 s.
   */
  markRead(messageId: string, options?: { typing?: boolean }): Promise<void>;
  /** Uploads a file to `/<phone-number-id>/media`; its id goes in a media header (`{ id }`). */
  uploadMedia(file: MediaFile): Promise<{ id: string }>;
}

/** `Retry-After` in seconds or as an HTTP date, as milliseconds from now. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** A whole answer: read within the timeout, headers and body. */
interface Answer {
  status: number;
  retryAfter: string | null;
  text: string;
}

/** Node's codes for a connection that was never made: nothing was sent. */
const NEVER_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EHOSTUNREACH', 'ENETUNREACH']);

function causeCode(error: unknown): string | undefined {
  const cause = (error as { cause?: { code?: unknown; errors?: { code?: unknown }[] } } | undefined)?.cause;
  if (typeof cause?.code === 'string') return cause.code;
  const inner = Array.isArray(cause?.errors) ? cause.errors.find((e) => typeof e?.code === 'string') : undefined;
  return inner ? String(inner.code) : undefined;
}

/** fetch refused the request before connecting: a port the Fetch standard blocks ("bad port"). */
function refusedBeforeSending(error: unknown): boolean {
  const cause = (error as { cause?: { message?: unknown } } | undefined)?.cause;
  return cause instanceof Error && cause.message === 'bad port';
}

function checkRetry(retry: RetryOptions | undefined): void {
  if (retry === undefined) return;
  if (!Number.isInteger(retry.retries) || retry.retries < 0 || retry.retries > MAX_RETRIES) throw new TypeError(`createClient: retry.retries must be an integer from 0 to ${MAX_RETRIES}, not ${String(retry.retries)}`);
  const base = retry.baseDelayMs ?? 500;
  if (!(typeof base === 'number' && base >= MIN_BASE_DELAY_MS && Number.isFinite(base))) throw new TypeError(`createClient: retry.baseDelayMs must be at least ${MIN_BASE_DELAY_MS} ms, not ${String(retry.baseDelayMs)}`);
  const max = retry.maxDelayMs ?? 30_000;
  if (!(typeof max === 'number' && max >= base && Number.isFinite(max))) throw new TypeError(`createClient: retry.maxDelayMs must be a number of ms no smaller than baseDelayMs (${base}), not ${String(retry.maxDelayMs)}`);
}

/** A client for the Cloud API's `/{version}/{phone-number-id}/messages` and `/media`. */
export function createClient(options: ClientOptions): WhatsAppClient {
  checkRetry(options.retry);
  // Checked once, here: a request that could never be sent is the caller's mistake, not an unknown outcome.
  // (The token itself is never quoted.)
  // What fetch refuses in a header value: NUL, CR, LF, a character past U+00FF.
  if (typeof options.accessToken !== 'string' || options.accessToken.trim() === '' || /[\0\r\n]|[^\0-\xff]/.test(options.accessToken)) throw new TypeError('createClient: accessToken must be a non-empty string that fits an HTTP header (no line breaks, no NUL, nothing past U+00FF)');
  const baseUrl = options.baseUrl ?? DEFAULT_BASE_URL;
  if (typeof baseUrl !== 'string' || !URL.canParse(baseUrl) || !/^https?:$/.test(new URL(baseUrl).protocol)) throw new TypeError(`createClient: baseUrl must be an absolute http(s) URL, not ${JSON.stringify(String(baseUrl))}`);
  if (options.timeoutMs !== undefined && !(typeof options.timeoutMs === 'number' && options.timeoutMs > 0 && Number.isFinite(options.timeoutMs))) throw new TypeError(`createClient: timeoutMs must be a positive number of ms, not ${String(options.timeoutMs)}`);
  const base = `${baseUrl.replace(/\/+$/, '')}/${options.apiVersion ?? DEFAULT_API_VERSION}/${encodeURIComponent(options.phoneNumberId)}`;
  const doFetch = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const clock = options.clock ?? systemClock;
  const token = options.accessToken;
  const scrub = redactor(token);

  /** One request, and its whole answer, within `timeoutMs`; else a transport error. */
  async function exchange(path: string, body: string | FormData, json: boolean): Promise<Answer> {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => {
        reject(new WhatsAppTransportError('timeout', `no complete answer from the WhatsApp API within ${timeoutMs} ms; the request may or may not have taken effect`, 'unknown'));
        controller.abort();
      }, timeoutMs);
    });
    const work = (async (): Promise<Answer> => {
      let response: Response;
      try {
        response = await doFetch(`${base}/${path}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, ...(json ? { 'content-type': 'application/json' } : {}) },
          body,
          signal: controller.signal,
        });
      } catch (error) {
        const code = causeCode(error);
        const outcome: Outcome = (code !== undefined && NEVER_CONNECTED.has(code)) || refusedBeforeSending(error) ? 'not-sent' : 'unknown';
        const words = `${(error as Error)?.message ?? String(error)}${code ? ` (${code})` : refusedBeforeSending(error) ? ' (bad port: fetch refuses to connect to this port)' : ''}`;
        throw new WhatsAppTransportError('network', scrub(`the request to the WhatsApp API failed: ${words}${outcome === 'unknown' ? '; the request may or may not have taken effect' : ''}`), outcome);
      }
      try {
        return { status: response.status, retryAfter: response.headers.get('retry-after'), text: await response.text() };
      } catch (error) {
        throw new WhatsAppTransportError('network', scrub(`the answer of the WhatsApp API was cut off: ${(error as Error)?.message ?? String(error)}; the request may or may not have taken effect`), 'unknown');
      }
    })();
    try {
      return await Promise.race([work, deadline]);
    } finally {
      clearTimeout(timer);
    }
  }

  function parse(text: string): unknown {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return undefined;
    }
  }

  function toError(answer: Answer, request: RequestKind): WhatsAppApiError {
    const payload = parse(answer.text) as { error?: unknown } | undefined;
    const e = (payload && typeof payload === 'object' && payload.error && typeof payload.error === 'object' ? payload.error : {}) as Record<string, unknown>;
    const data = (e['error_data'] && typeof e['error_data'] === 'object' ? e['error_data'] : {}) as Record<string, unknown>;
    const num = (v: unknown) => (typeof v === 'number' ? v : undefined);
    const str = (v: unknown) => (typeof v === 'string' ? scrub(v) : undefined);
    const transient = typeof e['is_transient'] === 'boolean' ? (e['is_transient'] as boolean) : answer.status === 429 || answer.status >= 500;
    return new WhatsAppApiError(
      { status: answer.status, code: num(e['code']), subcode: num(e['error_subcode']), details: str(data['details']), fbtraceId: str(e['fbtrace_id']), transient, request },
      str(e['message']),
      scrub,
    );
  }

  /**
   * Posts, tries again as `options.retry` allows, and gives the parsed JSON of a 2xx answer.
   * `repeatable`: a request that is harmless to repeat (not a message), so an unknown
   * outcome may be retried without the unsafe opt-in.
   */
  async function call(path: string, body: () => string | FormData, json: boolean, request: RequestKind): Promise<Record<string, unknown>> {
    const repeatable = request !== 'message';
    const retry = options.retry;
    const retries = retry?.retries ?? 0;
    const baseDelay = retry?.baseDelayMs ?? 500;
    const maxDelay = retry?.maxDelayMs ?? 30_000;
    const mayRepeat = (outcome: Outcome) => outcome === 'not-sent' || repeatable || retry?.unsafeRetryUnknownOutcome === true;
    for (let tries = 0; ; tries++) {
      const backoff = Math.min(baseDelay * 2 ** tries, maxDelay);
      let answer: Answer;
      try {
        answer = await exchange(path, body(), json);
      } catch (error) {
        if (!(error instanceof WhatsAppTransportError) || tries >= retries || !mayRepeat(error.outcome)) throw error;
        await clock.sleep(backoff);
        continue;
      }
      if (answer.status >= 200 && answer.status < 300) {
        const payload = parse(answer.text);
        return payload && typeof payload === 'object' && !Array.isArray(payload) ? (payload as Record<string, unknown>) : {};
      }
      const error = toError(answer, request);
      const refused = answer.status === 429 || (answer.status < 500 && error.transient);
      if (tries >= retries || !(refused || (answer.status >= 500 && mayRepeat('unknown')))) throw error;
      const after = retryAfterMs(answer.retryAfter, clock.now());
      if (after !== undefined && after > maxDelay) throw error; // trying earlier than asked would only be refused again
      await clock.sleep(Math.max(backoff, after ?? 0));
    }
  }

  return {
    async send(body) {
      if (body && typeof body === 'object' && (body as Record<string, unknown>)['status'] === 'read') throw new TypeError('client.send() sends messages; mark a message read with client.markRead(messageId)');
      const text = JSON.stringify(body);
      const json = (await call('messages', () => text, true, 'message')) as { messages?: { id?: unknown; message_status?: unknown }[]; contacts?: { wa_id?: unknown }[] };
      const message = Array.isArray(json.messages) ? json.messages[0] : undefined;
      if (typeof message?.id !== 'string') throw new WhatsAppApiError({ status: 200, code: undefined, subcode: undefined, details: 'the answer has no message id', fbtraceId: undefined, transient: false, outcome: 'unknown' }, undefined, scrub);
      const waId = Array.isArray(json.contacts) ? json.contacts[0]?.wa_id : undefined;
      return { messageId: message.id, waId: typeof waId === 'string' ? waId : undefined, status: typeof message.message_status === 'string' ? message.message_status : undefined };
    },
    async markRead(messageId, markOptions) {
      if (typeof messageId !== 'string' || messageId === '') throw new TypeError('client.markRead() needs the id of an inbound message (message.id)');
      const text = JSON.stringify({ messaging_product: 'whatsapp', status: 'read', message_id: messageId, ...(markOptions?.typing ? { typing_indicator: { type: 'text' } } : {}) });
      const json = await call('messages', () => text, true, 'read');
      if (json['success'] !== true) throw new WhatsAppApiError({ status: 200, code: undefined, subcode: undefined, details: 'the answer does not say success', fbtraceId: undefined, transient: false, outcome: 'unknown', request: 'read' }, undefined, scrub);
    },
    async uploadMedia(file) {
      if (!file || typeof file.type !== 'string' || !/^[\w.+-]+\/[\w.+-]+$/.test(file.type)) throw new TypeError('client.uploadMedia() needs { data, type } with a MIME type such as image/jpeg');
      const data = file.data;
      const blob = data instanceof Blob ? data : ArrayBuffer.isView(data) || data instanceof ArrayBuffer ? new Blob([data as Uint8Array<ArrayBuffer>], { type: file.type }) : undefined;
      if (!blob) throw new TypeError('client.uploadMedia(): data must be a Uint8Array, an ArrayBuffer or a Blob');
      const form = () => {
        const f = new FormData();
        f.set('messaging_product', 'whatsapp');
        f.set('type', file.type);
        f.set('file', blob, file.filename ?? 'file');
        return f;
      };
      const json = await call('media', form, false, 'upload');
      if (typeof json['id'] !== 'string') throw new WhatsAppApiError({ status: 200, code: undefined, subcode: undefined, details: 'the answer has no media id', fbtraceId: undefined, transient: false, outcome: 'unknown', request: 'upload' }, undefined, scrub);
      return { id: json['id'] };
    },
  };
}
