import { WhatsAppApiError, WhatsAppTransportError } from './errors.js';

/** The Graph API version waml targets: the one whose OpenAPI description it checks against. */
export const DEFAULT_API_VERSION = 'v23.0';
export const DEFAULT_BASE_URL = 'https://graph.facebook.com';

export interface RetryOptions {
  /** How many times to try again after the first attempt (429 and 5xx only). */
  retries: number;
  /** The first wait, doubled after each try (default 500 ms). */
  baseDelayMs?: number;
  /** The longest wait (default 30 s). `Retry-After` is honoured up to this. */
  maxDelayMs?: number;
}

export interface ClientOptions {
  phoneNumberId: string;
  accessToken: string;
  apiVersion?: string;
  baseUrl?: string;
  fetch?: typeof fetch;
  /** Abort a request after this long (default 30 s). */
  timeoutMs?: number;
  /**
   * Opt-in retries. Off by default: a send that timed out or failed may still have been
   * delivered, and a retry would deliver it twice.
   */
  retry?: RetryOptions;
}

export interface SendResult {
  messageId: string;
  waId: string | undefined;
  /** `accepted`, or `held_for_quality_assessment`, when Meta says. */
  status: string | undefined;
}

export interface Client {
  send(body: unknown): Promise<SendResult>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `Retry-After` in seconds or as an HTTP date, as milliseconds from now. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** A client for `POST /{version}/{phone-number-id}/messages`. */
export function createClient(options: ClientOptions): Client {
  const base = (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
  const url = `${base}/${options.apiVersion ?? DEFAULT_API_VERSION}/${encodeURIComponent(options.phoneNumberId)}/messages`;
  const doFetch = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const token = options.accessToken;
  const scrub = (s: string | undefined) => (s && token ? s.split(token).join('[redacted]') : s);

  async function attempt(body: unknown): Promise<Response> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      return await doFetch(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: controller.signal,
      });
    } catch (error) {
      if (controller.signal.aborted) throw new WhatsAppTransportError('timeout', `no answer from the WhatsApp API within ${timeoutMs} ms; the message may or may not have been sent`);
      throw new WhatsAppTransportError('network', `the request to the WhatsApp API failed: ${scrub((error as Error).message)}`);
    } finally {
      clearTimeout(timer);
    }
  }

  async function toError(response: Response): Promise<WhatsAppApiError> {
    let payload: { error?: Record<string, unknown> } = {};
    try {
      payload = (await response.json()) as typeof payload;
    } catch {
      payload = {};
    }
    const e = (payload && typeof payload === 'object' && payload.error && typeof payload.error === 'object' ? payload.error : {}) as Record<string, unknown>;
    const data = (e['error_data'] && typeof e['error_data'] === 'object' ? e['error_data'] : {}) as Record<string, unknown>;
    const num = (v: unknown) => (typeof v === 'number' ? v : undefined);
    const str = (v: unknown) => (typeof v === 'string' ? scrub(v) : undefined);
    const transient = typeof e['is_transient'] === 'boolean' ? (e['is_transient'] as boolean) : response.status === 429 || response.status >= 500;
    return new WhatsAppApiError(
      { status: response.status, code: num(e['code']), subcode: num(e['error_subcode']), details: str(data['details']), fbtraceId: str(e['fbtrace_id']), transient },
      str(e['message']),
    );
  }

  return {
    async send(body) {
      const retry = options.retry;
      for (let tries = 0; ; tries++) {
        const response = await attempt(body);
        if (response.ok) {
          const json = (await response.json().catch(() => ({}))) as { messages?: { id?: string; message_status?: string }[]; contacts?: { wa_id?: string }[] };
          const message = json.messages?.[0];
          if (!message?.id) throw new WhatsAppApiError({ status: response.status, code: undefined, subcode: undefined, details: 'the answer has no message id', fbtraceId: undefined, transient: false }, undefined);
          return { messageId: message.id, waId: json.contacts?.[0]?.wa_id, status: message.message_status };
        }
        const retryable = response.status === 429 || response.status >= 500;
        if (!retry || !retryable || tries >= retry.retries) throw await toError(response);
        const backoff = Math.min((retry.baseDelayMs ?? 500) * 2 ** tries, retry.maxDelayMs ?? 30_000);
        const after = retryAfterMs(response.headers.get('retry-after'));
        await response.body?.cancel().catch(() => undefined);
        await sleep(Math.min(after ?? backoff, retry.maxDelayMs ?? 30_000));
      }
    },
  };
}
