import { isObject, type CreationBody, type Json, type JsonObject } from './definition.js';

/**
 * Media samples of a creation body. A media header (and a media carousel card) must carry
 * `example.header_handle: ["<handle>"]`, a handle from the Resumable Upload API, not a URL
 * (Template components page; Templates overview, "Media"). A body built from `.wa.yaml` holds
 * the sample's URL there; push uploads it and puts the handle in its place. Pure.
 */

const MEDIA = new Set(['IMAGE', 'VIDEO', 'DOCUMENT', 'GIF']);

/** Resumable Upload handles look like `4::aW…` (digits, `::`); anything else is taken for a URL to upload. */
export const isHandle = (s: string) => /^\d+::/.test(s) || /^\d+:[A-Za-z0-9+/=_-]+:/.test(s);

function headers(components: readonly Json[], visit: (header: JsonObject) => void): void {
  for (const c of components) {
    if (!isObject(c)) continue;
    const type = String(c['type'] ?? '').toUpperCase();
    if (type === 'HEADER' && MEDIA.has(String(c['format'] ?? '').toUpperCase())) visit(c);
    if (type === 'CAROUSEL' && Array.isArray(c['cards'])) {
      for (const card of c['cards']) if (isObject(card) && Array.isArray(card['components'])) headers(card['components'], visit);
    }
  }
}

function sample(header: JsonObject): string | undefined {
  const ex = header['example'];
  const list = isObject(ex) ? ex['header_handle'] : undefined;
  const first = Array.isArray(list) ? list[0] : undefined;
  return typeof first === 'string' ? first : undefined;
}

/** The media samples of a body that are URLs still to be uploaded, each once, in order. */
export function mediaToUpload(body: { components: readonly JsonObject[] }): { url: string; format: string }[] {
  const out: { url: string; format: string }[] = [];
  headers(body.components, (h) => {
    const s = sample(h);
    if (s !== undefined && !isHandle(s) && !out.some((o) => o.url === s)) out.push({ url: s, format: String(h['format']).toUpperCase() });
  });
  return out;
}

/** A copy of the body with each uploaded sample URL replaced by its handle. */
export function withHandles<T extends CreationBody | JsonObject>(body: T, handles: ReadonlyMap<string, string>): T {
  const copy = structuredClone(body) as T;
  const components = (copy as JsonObject)['components'];
  headers(Array.isArray(components) ? components : [], (h) => {
    const s = sample(h);
    if (s !== undefined && handles.has(s)) h['example'] = { ...(h['example'] as JsonObject), header_handle: [handles.get(s)!] };
  });
  return copy;
}

/** The MIME type of a sample, from the server's answer or else from the URL's ending. */
export function mimeOf(url: string, contentType: string | null | undefined): string | undefined {
  const given = contentType?.split(';')[0]?.trim().toLowerCase();
  if (given && given !== 'application/octet-stream') return given;
  const path = url.split(/[?#]/)[0]!.toLowerCase();
  if (path.endsWith('.png')) return 'image/png';
  if (path.endsWith('.jpg') || path.endsWith('.jpeg')) return 'image/jpeg';
  if (path.endsWith('.mp4')) return 'video/mp4';
  if (path.endsWith('.pdf')) return 'application/pdf';
  return undefined;
}
