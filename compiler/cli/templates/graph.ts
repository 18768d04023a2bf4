import { redactor } from '../../../runtime/redact.js';
import type { CreationBody, JsonObject, RemoteTemplate } from '../../message-templates/account/definition.js';

/**
 * The few Graph API calls of `waml templates`, over `fetch`, with the runtime client's habits:
 * a timeout on every request, the token only in the Authorization header and never in an
 * error, retries only where they are safe. The clock is injected (`sleep`), so tests count
 * the waits instead of waiting.
 *
 * Endpoints (Meta, "Template management" and the WhatsApp Business Account reference):
 *   GET    /<WABA_ID>/message_templates?fields=…&limit=…&after=…   list (cursor paging)
 *   POST   /<WABA_ID>/message_templates                          create → { id, status, category }
 *   POST   /<TEMPLATE_ID>                                        edit → { success: true }
 *   DELETE /<WABA_ID>/message_templates?hsm_id=…&name=…          delete one language
 *   POST   /<APP_ID>/uploads?file_name&file_length&file_type     upload session → { id: "upload:…" }
 *   POST   /<UPLOAD_SESSION_ID> (file_offset: 0, the bytes)      → { h: "<handle>" }
 * Paging: "next … If not included, this is the last page of data" (Graph API, Paginated
 * results, cursor-based pagination). Uploads: Graph API "Upload a file" (Resumable Upload API).
 *
 * Rate limits: Meta answers a throttled call with HTTP 400 and code 4 (app), 80007 (the
 * WhatsApp Business Account, 200 or 5,000 calls an hour) — WhatsApp "Error codes" page,
 * Throttling errors; "About the platform", Rate limits — or, under business-use-case limits,
 * code 80008 with an `X-Business-Use-Case-Usage` header whose
 * `estimated_time_to_regain_access` is in minutes (Graph API "Rate Limits" page); 429 is taken
 * the same way. A throttled call was not carried out, so it is retried whatever its method.
 * A 5xx or a lost answer is retried only for reads: a create that timed out may have been made.
 */

export const RATE_LIMIT_CODES: readonly number[] = [4, 17, 32, 613, 80007, 80008];

/** The most pages read: 6,000 templates at the smallest page. */
const MAX_PAGES = 6000;

export const LIST_FIELDS = 'id,name,language,status,category,parameter_format,components,rejected_reason,message_send_ttl_seconds';

export interface GraphOptions {
  baseUrl: string;
  version: string;
  token: string;
  fetch?: typeof fetch;
  /** Abort a request after this long (default 30 s). */
  timeoutMs?: number;
  /** How to wait: injected so tests count waits (default: a timer). */
  sleep?: (ms: number) => Promise<void>;
  /** Retries after a throttled answer (and, for reads, a 5xx or a lost answer). Default 3. */
  retries?: number;
  /** The longest wait before a retry (default 60 s); a longer one ends the run with Meta's estimate. */
  maxWaitMs?: number;
  /** Templates per page (default 100). */
  pageSize?: number;
  /** Tells of each wait, for the user. */
  onWait?: (ms: number, why: string) => void;
}

export interface GraphErrorFields {
  status: number;
  code?: number;
  subcode?: number;
  /** Meta's own words: message, then `error_user_title`/`error_user_msg` when given. */
  meta?: string;
  fbtraceId?: string;
  rateLimited: boolean;
}

/** The Graph API refused a call, or gave no answer (status 0). Never carries the token. */
export class GraphError extends Error implements GraphErrorFields {
  readonly status: number;
  readonly code?: number;
  readonly subcode?: number;
  readonly meta?: string;
  readonly fbtraceId?: string;
  readonly rateLimited: boolean;
  constructor(fields: GraphErrorFields, message: string) {
    super(message);
    this.name = 'GraphError';
    this.status = fields.status;
    if (fields.code !== undefined) this.code = fields.code;
    if (fields.subcode !== undefined) this.subcode = fields.subcode;
    if (fields.meta !== undefined) this.meta = fields.meta;
    if (fields.fbtraceId !== undefined) this.fbtraceId = fields.fbtraceId;
    this.rateLimited = fields.rateLimited;
  }
}

/** `Retry-After` (seconds or an HTTP date) as milliseconds. */
function retryAfter(header: string | null, now: number): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** The longest `estimated_time_to_regain_access` (minutes) in an `X-Business-Use-Case-Usage` header, as milliseconds. */
export function regainAccessMs(header: string | null): number | undefined {
  if (!header) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(header);
  } catch {
    return undefined;
  }
  let minutes: number | undefined;
  const visit = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k === 'estimated_time_to_regain_access' && typeof x === 'number') minutes = Math.max(minutes ?? 0, x);
        else visit(x);
      }
    }
  };
  visit(parsed);
  return minutes === undefined ? undefined : minutes * 60_000;
}

interface Call {
  method: 'GET' | 'POST' | 'DELETE';
  /** A path below the version (`/123/message_templates`), or a full URL. */
  path: string;
  query?: Record<string, string>;
  json?: unknown;
  bytes?: Uint8Array;
  headers?: Record<string, string>;
  /** OAuth instead of Bearer (the upload endpoints document it). */
  oauth?: boolean;
  /** Whether the call may be repeated after a 5xx or a lost answer. */
  safe: boolean;
  what: string;
}

export interface Graph {
  listTemplates(waba: string): Promise<RemoteTemplate[]>;
  createTemplate(waba: string, body: CreationBody): Promise<{ id: string; status?: string; category?: string }>;
  editTemplate(id: string, body: JsonObject): Promise<void>;
  deleteTemplate(waba: string, name: string, id: string): Promise<void>;
  upload(appId: string, bytes: Uint8Array, fileName: string, mime: string): Promise<string>;
  download(url: string, maxBytes: number): Promise<{ bytes: Uint8Array; contentType: string | null }>;
}

export function createGraph(options: GraphOptions): Graph {
  const base = options.baseUrl.replace(/\/+$/, '');
  const doFetch = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const retries = options.retries ?? 3;
  const maxWaitMs = options.maxWaitMs ?? 60_000;
  const token = options.token;
  // The runtime's redactor: the token, and any 8 characters of it, never reach a message.
  const scrub = redactor(token);

  async function once(call: Call, url: string): Promise<Response> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    const headers: Record<string, string> = { authorization: `${call.oauth ? 'OAuth' : 'Bearer'} ${token}`, ...call.headers };
    let body: BodyInit | undefined;
    if (call.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(call.json);
    } else if (call.bytes) body = new Blob([call.bytes as Uint8Array<ArrayBuffer>]);
    try {
      return await doFetch(url, { method: call.method, headers, ...(body !== undefined ? { body } : {}), signal: controller.signal });
    } catch (error) {
      const why = controller.signal.aborted ? `no answer within ${timeoutMs} ms` : `the request failed: ${scrub((error as Error).message)}`;
      throw new GraphError({ status: 0, rateLimited: false }, `${call.what}: ${why}`);
    } finally {
      clearTimeout(timer);
    }
  }

  async function failure(call: Call, response: Response): Promise<GraphError> {
    let payload: unknown;
    try {
      payload = await response.json();
    } catch {
      payload = undefined;
    }
    const e = (payload && typeof payload === 'object' && 'error' in payload && (payload as { error: unknown }).error && typeof (payload as { error: unknown }).error === 'object' ? (payload as { error: Record<string, unknown> }).error : {}) as Record<string, unknown>;
    const num = (v: unknown) => (typeof v === 'number' ? v : undefined);
    const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? scrub(v.trim()) : undefined);
    const code = num(e['code']);
    const meta = [text(e['message']), text(e['error_user_title']), text(e['error_user_msg'])].filter((x, i, all) => x && all.indexOf(x) === i).join(' — ') || undefined;
    const rateLimited = response.status === 429 || (code !== undefined && RATE_LIMIT_CODES.includes(code));
    const subcode = num(e['error_subcode']);
    const fields: GraphErrorFields = { status: response.status, rateLimited };
    if (code !== undefined) fields.code = code;
    if (subcode !== undefined) fields.subcode = subcode;
    if (meta !== undefined) fields.meta = meta;
    const trace = text(e['fbtrace_id']);
    if (trace !== undefined) fields.fbtraceId = trace;
    const words = `Graph API error${code !== undefined ? ` ${code}` : ''}${subcode !== undefined ? `/${subcode}` : ''} (HTTP ${response.status})${meta ? `: ${meta}` : ''}`;
    return new GraphError(fields, `${call.what}: ${words}`);
  }

  async function request(call: Call): Promise<unknown> {
    const url = new URL(call.path.startsWith('http') ? call.path : `${base}/${options.version}${call.path}`);
    for (const [k, v] of Object.entries(call.query ?? {})) url.searchParams.set(k, v);
    for (let attempt = 0; ; attempt++) {
      let response: Response | undefined;
      let error: GraphError;
      let wait = Math.min(1000 * 2 ** attempt, maxWaitMs);
      try {
        response = await once(call, url.href);
      } catch (e) {
        if (!(e instanceof GraphError)) throw e;
        error = e;
      }
      if (response?.ok) {
        try {
          return await response.json();
        } catch {
          throw new GraphError({ status: response.status, rateLimited: false }, `${call.what}: the answer is not JSON`);
        }
      }
      if (response) {
        error = await failure(call, response);
        const hinted = retryAfter(response.headers.get('retry-after'), Date.now()) ?? regainAccessMs(response.headers.get('x-business-use-case-usage'));
        if (error.rateLimited && hinted !== undefined) wait = hinted;
      }
      const retryable = error!.rateLimited || (call.safe && (error!.status === 0 || error!.status >= 500));
      if (!retryable || attempt >= retries) {
        if (error!.rateLimited) throw new GraphError(error!, `${error!.message}; Meta's rate limit: try again${wait > 0 ? ` in about ${Math.max(1, Math.ceil(wait / 60_000))} minute${wait > 60_000 ? 's' : ''}` : ' later'}`);
        throw error!;
      }
      if (wait > maxWaitMs) throw new GraphError(error!, `${error!.message}; Meta's rate limit: try again in about ${Math.ceil(wait / 60_000)} minutes`);
      options.onWait?.(wait, error!.message);
      await sleep(wait);
    }
  }

  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

  return {
    async listTemplates(waba) {
      const all: RemoteTemplate[] = [];
      const seen = new Set<string>();
      let after: string | undefined;
      for (;;) {
        const query: Record<string, string> = { fields: LIST_FIELDS, limit: String(options.pageSize ?? 100) };
        if (after !== undefined) query['after'] = after;
        const page = (await request({ method: 'GET', path: `/${encodeURIComponent(waba)}/message_templates`, query, safe: true, what: 'listing the templates' })) as {
          data?: unknown[];
          paging?: { next?: string; cursors?: { after?: string } };
        };
        for (const t of Array.isArray(page?.data) ? page.data : []) {
          if (t && typeof t === 'object' && typeof (t as RemoteTemplate).name === 'string' && typeof (t as RemoteTemplate).language === 'string') {
            const r = t as RemoteTemplate;
            all.push({ ...r, components: Array.isArray(r.components) ? r.components : [] });
          }
        }
        const next = page?.paging?.next;
        after = str(page?.paging?.cursors?.after);
        // A WABA holds at most 6,000 templates (Templates overview): a cursor seen before, or
        // more pages than that could fill, is an answer that would never end.
        if (!next || after === undefined || seen.has(after) || seen.size >= MAX_PAGES) return all;
        seen.add(after);
      }
    },
    async createTemplate(waba, body) {
      const r = (await request({ method: 'POST', path: `/${encodeURIComponent(waba)}/message_templates`, json: body, safe: false, what: `creating \`${body.name}\` (${body.language})` })) as Record<string, unknown>;
      const id = str(r?.['id']);
      if (!id) throw new GraphError({ status: 200, rateLimited: false }, `creating \`${body.name}\` (${body.language}): the answer has no template id`);
      const out: { id: string; status?: string; category?: string } = { id };
      if (str(r['status'])) out.status = str(r['status'])!;
      if (str(r['category'])) out.category = str(r['category'])!;
      return out;
    },
    async editTemplate(id, body) {
      await request({ method: 'POST', path: `/${encodeURIComponent(id)}`, json: body, safe: false, what: `editing template ${id}` });
    },
    async deleteTemplate(waba, name, id) {
      await request({ method: 'DELETE', path: `/${encodeURIComponent(waba)}/message_templates`, query: { hsm_id: id, name }, safe: false, what: `deleting \`${name}\` (template ${id})` });
    },
    async upload(appId, bytes, fileName, mime) {
      const session = (await request({
        method: 'POST',
        path: `/${encodeURIComponent(appId)}/uploads`,
        query: { file_name: fileName, file_length: String(bytes.byteLength), file_type: mime },
        oauth: true,
        safe: false,
        what: `starting the upload of ${fileName}`,
      })) as Record<string, unknown>;
      const id = str(session?.['id']);
      if (!id || !id.startsWith('upload:')) throw new GraphError({ status: 200, rateLimited: false }, `starting the upload of ${fileName}: the answer has no upload session id`);
      const done = (await request({ method: 'POST', path: `/${id}`, bytes, headers: { file_offset: '0' }, oauth: true, safe: false, what: `uploading ${fileName}` })) as Record<string, unknown>;
      const handle = str(done?.['h']);
      if (!handle) throw new GraphError({ status: 200, rateLimited: false }, `uploading ${fileName}: the answer has no handle`);
      return handle;
    },
    async download(url, maxBytes) {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), timeoutMs);
      try {
        const response = await doFetch(url, { signal: controller.signal });
        if (!response.ok) throw new GraphError({ status: response.status, rateLimited: false }, `downloading the media sample ${url}: HTTP ${response.status}`);
        const length = Number(response.headers.get('content-length') ?? 0);
        if (length > maxBytes) throw new GraphError({ status: response.status, rateLimited: false }, `the media sample ${url} is ${length} bytes; the largest is ${maxBytes}`);
        const bytes = new Uint8Array(await response.arrayBuffer());
        if (bytes.byteLength > maxBytes) throw new GraphError({ status: response.status, rateLimited: false }, `the media sample ${url} is over ${maxBytes} bytes`);
        return { bytes, contentType: response.headers.get('content-type') };
      } catch (error) {
        if (error instanceof GraphError) throw error;
        throw new GraphError({ status: 0, rateLimited: false }, `downloading the media sample ${url}: ${controller.signal.aborted ? `no answer within ${timeoutMs} ms` : scrub((error as Error).message)}`);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
