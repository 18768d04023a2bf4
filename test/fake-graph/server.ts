import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A fake Graph API on 127.0.0.1 for `waml templates`: the message_templates edge, template
 * edits, deletes and the Resumable Upload API, answering as Meta documents them
 * ("Template management", "Templates" overview, "Upload a file", WhatsApp "Error codes";
 * error envelope `{ error: { message, type, code, error_subcode, error_user_title,
 * error_user_msg, fbtrace_id } }`). State lives in memory; tests drive statuses and
 * failures through the returned object, and its clock is theirs (`fake.now`).
 */

export interface FakeTemplate {
  id: string;
  name: string;
  language: string;
  category: string;
  parameter_format?: string;
  components: Record<string, unknown>[];
  status: string;
  rejected_reason?: string;
  /** When each edit of it happened while approved (ms, on the fake's clock). */
  approvedEdits: number[];
}

export interface Seen {
  method: string;
  path: string;
  query: Record<string, string>;
  auth: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

interface Fault {
  method: string;
  path: RegExp;
  status: number;
  error: Record<string, unknown>;
  headers: Record<string, string>;
}

const EDITABLE = ['APPROVED', 'REJECTED', 'PAUSED'];
const DAY = 24 * 60 * 60 * 1000;

export interface FakeGraph {
  baseUrl: string;
  token: string;
  templates: Map<string, FakeTemplate>;
  seen: Seen[];
  /** Media served at /media/… (for samples to download). */
  media: Map<string, { bytes: Buffer; type: string }>;
  /** Uploaded files by handle. */
  uploads: Map<string, { bytes: Buffer; type: string; name: string }>;
  now: number;
  /** The next `times` requests matching method and path get this error instead. */
  fail(method: string, path: RegExp, status: number, error: Record<string, unknown>, headers?: Record<string, string>, times?: number): void;
  /** Puts a template on the account directly, as if made elsewhere. */
  add(t: Omit<FakeTemplate, 'id' | 'approvedEdits'> & { id?: string }): FakeTemplate;
  find(name: string, language: string): FakeTemplate | undefined;
  close(): Promise<void>;
}

export async function startFakeGraph(options: { token?: string; pageSize?: number } = {}): Promise<FakeGraph> {
  const token = options.token ?? 'EAAG-fake-token-0123456789';
  const faults: Fault[] = [];
  let nextId = 1_000_000_000_000_001;
  let nextUpload = 1;
  const sessions = new Map<string, { name: string; length: number; type: string }>();
  let baseUrl = '';

  const fake: FakeGraph = {
    baseUrl: '',
    token,
    templates: new Map(),
    seen: [],
    media: new Map(),
    uploads: new Map(),
    now: Date.UTC(2026, 0, 1),
    fail(method, path, status, error, headers = {}, times = 1) {
      for (let i = 0; i < times; i++) faults.push({ method, path, status, error, headers });
    },
    add(t) {
      const id = t.id ?? String(nextId++);
      const made: FakeTemplate = { ...t, id, approvedEdits: [] };
      fake.templates.set(id, made);
      return made;
    },
    find(name, language) {
      return [...fake.templates.values()].find((t) => t.name === name && t.language === language);
    },
    close: () => new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve())),
  };

  const send = (res: ServerResponse, status: number, payload: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(payload));
  };
  const error = (res: ServerResponse, status: number, code: number, message: string, extra: Record<string, unknown> = {}) =>
    send(res, status, { error: { message, type: 'OAuthException', code, ...extra, fbtrace_id: 'AFakeTrace' } });

  /** What GET lists for a template: media samples as URLs on the fake (Meta lists its own copy, not the handle). */
  const listed = (t: FakeTemplate, fields: string[]): Record<string, unknown> => {
    const components = structuredClone(t.components).map((c) => mediaAsUrl(c));
    const all: Record<string, unknown> = { id: t.id, name: t.name, language: t.language, status: t.status, category: t.category, components };
    if (t.parameter_format !== undefined) all['parameter_format'] = t.parameter_format;
    all['rejected_reason'] = t.rejected_reason ?? 'NONE';
    const out: Record<string, unknown> = { id: t.id };
    for (const f of fields) if (all[f] !== undefined) out[f] = all[f];
    return out;
  };
  const mediaAsUrl = (c: Record<string, unknown>): Record<string, unknown> => {
    const ex = c['example'] as Record<string, unknown> | undefined;
    const handle = Array.isArray(ex?.['header_handle']) ? (ex!['header_handle'] as unknown[])[0] : undefined;
    if (typeof handle === 'string' && fake.uploads.has(handle)) {
      const u = fake.uploads.get(handle)!;
      const path = `/media/copy-${handle.replace(/[^A-Za-z0-9]/g, '')}-${u.name}`;
      fake.media.set(path, { bytes: u.bytes, type: u.type });
      c['example'] = { ...ex, header_handle: [`${baseUrl}${path}`] };
    }
    if (Array.isArray(c['cards'])) {
      for (const card of c['cards'] as Record<string, unknown>[]) if (Array.isArray(card['components'])) card['components'] = (card['components'] as Record<string, unknown>[]).map(mediaAsUrl);
    }
    return c;
  };

  /** What Meta checks on a creation or an edit that the fake also checks: a body, known media handles. */
  const invalid = (components: unknown): string | undefined => {
    if (!Array.isArray(components)) return 'components must be a list';
    const check = (list: unknown[]): string | undefined => {
      for (const c of list as Record<string, unknown>[]) {
        const format = String(c['format'] ?? '').toUpperCase();
        if (String(c['type']).toUpperCase() === 'HEADER' && ['IMAGE', 'VIDEO', 'DOCUMENT'].includes(format)) {
          const h = (c['example'] as Record<string, unknown> | undefined)?.['header_handle'];
          const handle = Array.isArray(h) ? h[0] : undefined;
          if (typeof handle !== 'string' || !fake.uploads.has(handle)) return 'a media header needs example.header_handle from the Resumable Upload API';
        }
        if (Array.isArray(c['cards'])) for (const card of c['cards'] as Record<string, unknown>[]) {
          const e = check((card['components'] as unknown[]) ?? []);
          if (e) return e;
        }
      }
      return undefined;
    };
    if (!components.some((c) => String((c as Record<string, unknown>)['type']).toUpperCase() === 'BODY')) return 'a template needs a body component';
    return check(components);
  };

  function handle(req: IncomingMessage, body: Buffer, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', baseUrl);
    const query = Object.fromEntries(url.searchParams);
    const auth = String(req.headers.authorization ?? '');
    fake.seen.push({ method: req.method ?? '', path: url.pathname, query, auth, headers: req.headers, body });

    if (req.method === 'GET' && url.pathname.startsWith('/media/')) {
      const m = fake.media.get(url.pathname);
      if (!m) return error(res, 404, 100, 'not found');
      res.writeHead(200, { 'content-type': m.type, 'content-length': String(m.bytes.length) });
      res.end(m.bytes);
      return;
    }
    const fault = faults.findIndex((f) => f.method === req.method && f.path.test(url.pathname));
    if (fault !== -1) {
      const f = faults.splice(fault, 1)[0]!;
      return send(res, f.status, { error: { ...f.error, fbtrace_id: 'AFakeTrace' } }, f.headers);
    }
    const upload = url.pathname.includes('/uploads') || url.pathname.includes('/upload:');
    if (auth !== `${upload ? 'OAuth' : 'Bearer'} ${token}`) return error(res, 401, 190, 'Invalid OAuth access token - Cannot parse access token');

    const parts = url.pathname.split('/').filter(Boolean);
    const [, node, edge] = parts;
    let json: Record<string, unknown> = {};
    if (req.headers['content-type'] === 'application/json') {
      try {
        json = JSON.parse(body.toString('utf8'));
      } catch {
        return error(res, 400, 100, 'Invalid parameter', { error_user_msg: 'the body is not JSON' });
      }
    }

    // Templates: list, create, delete.
    if (edge === 'message_templates' && parts.length === 3) {
      const mine = [...fake.templates.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
      if (req.method === 'GET') {
        const limit = Number(query['limit'] ?? options.pageSize ?? 25);
        const start = query['after'] ? Number(Buffer.from(query['after'], 'base64').toString('utf8')) : 0;
        const fields = (query['fields'] ?? 'name,components,language,status,category,id').split(',');
        const page = mine.slice(start, start + limit);
        const paging: Record<string, unknown> = {
          cursors: { before: Buffer.from(String(start)).toString('base64'), after: Buffer.from(String(start + page.length)).toString('base64') },
        };
        if (start + page.length < mine.length) {
          const next = new URL(url.href);
          next.searchParams.set('after', (paging['cursors'] as { after: string }).after);
          next.searchParams.set('access_token', token);
          paging['next'] = next.href;
        }
        return send(res, 200, { data: page.map((t) => listed(t, fields)), paging });
      }
      if (req.method === 'POST') {
        const name = json['name'];
        const language = json['language'];
        const category = String(json['category'] ?? '').toUpperCase();
        if (typeof name !== 'string' || !/^[a-z0-9_]{1,512}$/.test(name)) return error(res, 400, 100, 'Invalid parameter', { error_user_msg: 'name: lowercase letters, digits and underscores' });
        if (typeof language !== 'string') return error(res, 400, 100, 'Invalid parameter', { error_user_msg: 'language is required' });
        if (!['AUTHENTICATION', 'MARKETING', 'UTILITY'].includes(category)) return error(res, 400, 100, 'Invalid parameter', { error_user_msg: 'category is invalid' });
        const bad = invalid(json['components']);
        if (bad) return error(res, 400, 100, 'Invalid parameter', { error_user_msg: bad });
        // A second template of one name and language: code 100, subcode 2388024 (seen in answers
        // quoted in public code; Meta's error-codes page does not list it).
        if (fake.find(name, language)) {
          return error(res, 400, 100, 'Invalid parameter', { error_subcode: 2388024, error_user_title: 'Content in this language already exists', error_user_msg: `${name} already has content in ${language}` });
        }
        const t = fake.add({ name, language, category, components: json['components'] as Record<string, unknown>[], status: 'PENDING', ...(typeof json['parameter_format'] === 'string' ? { parameter_format: (json['parameter_format'] as string).toUpperCase() } : {}) });
        return send(res, 200, { id: t.id, status: t.status, category: t.category });
      }
      if (req.method === 'DELETE') {
        const t = query['hsm_id'] ? fake.templates.get(query['hsm_id']) : undefined;
        if (!t || t.name !== query['name']) return error(res, 400, 100, 'Invalid parameter', { error_user_msg: 'no such template' });
        if (t.status === 'DISABLED') return error(res, 400, 100, 'Invalid parameter', { error_user_msg: 'Templates that are in a disabled status cannot be deleted' });
        fake.templates.delete(t.id);
        return send(res, 200, { success: true });
      }
    }

    // Uploads: a session, then the bytes.
    if (req.method === 'POST' && edge === 'uploads' && parts.length === 3) {
      const length = Number(query['file_length']);
      const type = query['file_type'] ?? '';
      if (!['application/pdf', 'image/jpeg', 'image/jpg', 'image/png', 'video/mp4'].includes(type)) return error(res, 400, 100, 'Invalid parameter', { error_user_msg: 'file_type is invalid' });
      if (!query['file_name'] || !Number.isInteger(length) || length <= 0) return error(res, 400, 100, 'Invalid parameter');
      const id = `upload:MTpmYWtl${nextUpload++}`;
      sessions.set(id, { name: query['file_name'], length, type });
      return send(res, 200, { id });
    }
    if (req.method === 'POST' && node?.startsWith('upload:') && parts.length === 2) {
      const s = sessions.get(node);
      if (!s) return error(res, 400, 100, 'Invalid upload session');
      if (req.headers['file_offset'] !== '0' || body.length !== s.length) return error(res, 400, 100, 'Invalid parameter', { error_user_msg: 'file_offset and the bytes must match the session' });
      const h = `4::aGFuZGxl${nextUpload++}`;
      fake.uploads.set(h, { bytes: body, type: s.type, name: s.name });
      return send(res, 200, { h });
    }

    // Edit: POST /<TEMPLATE_ID>.
    if (req.method === 'POST' && parts.length === 2 && node && fake.templates.has(node)) {
      const t = fake.templates.get(node)!;
      if (!EDITABLE.includes(t.status)) return error(res, 400, 100, 'Invalid parameter', { error_user_msg: `templates with status ${t.status} cannot be edited` });
      if (json['category'] !== undefined && t.status === 'APPROVED' && String(json['category']).toUpperCase() !== t.category) {
        return error(res, 400, 100, 'Invalid parameter', { error_user_msg: 'You cannot edit the category of an approved template' });
      }
      if (t.status === 'APPROVED') {
        const recent = t.approvedEdits.filter((at) => fake.now - at < DAY).length;
        const month = t.approvedEdits.filter((at) => fake.now - at < 30 * DAY).length;
        if (recent >= 1 || month >= 10) return error(res, 400, 100, 'Invalid parameter', { error_user_msg: 'Approved templates can be edited up to 10 times in a 30 day window, or 1 time in a 24 hour window' });
      }
      if (json['components'] !== undefined) {
        const bad = invalid(json['components']);
        if (bad) return error(res, 400, 100, 'Invalid parameter', { error_user_msg: bad });
      }
      if (t.status === 'APPROVED') t.approvedEdits.push(fake.now);
      if (json['category'] !== undefined) t.category = String(json['category']).toUpperCase();
      if (json['components'] !== undefined) t.components = json['components'] as Record<string, unknown>[];
      // "After editing an approved or paused template, it will automatically be approved unless it fails template review."
      if (t.status === 'REJECTED') {
        t.status = 'PENDING';
        delete t.rejected_reason;
      }
      return send(res, 200, { success: true });
    }
    return error(res, 400, 100, `Unsupported ${req.method} request. Object with ID '${node ?? ''}' does not exist`, { error_subcode: 33 });
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => handle(req, Buffer.concat(chunks), res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.baseUrl = baseUrl;
  return fake;
}
