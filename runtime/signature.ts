const encoder = new TextEncoder();
const tag = (v: unknown) => Object.prototype.toString.call(v);
const byteLength = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'byteLength')!.get!;

/** A real ArrayBuffer, from any realm: its `byteLength` getter throws on anything else. */
function isArrayBuffer(v: unknown): v is ArrayBuffer {
  if (typeof v !== 'object' || v === null) return false;
  try {
    byteLength.call(v);
    return true;
  } catch {
    return false;
  }
}

/** The raw request bytes as received: a string, a `Uint8Array` (a Node `Buffer` is one) or an `ArrayBuffer`. */
export type RawBody = string | Uint8Array | ArrayBuffer;

/** What to check: the raw body, the `X-Hub-Signature-256` header, the app's secret. */
export interface SignatureInput {
  body: RawBody;
  /** The `X-Hub-Signature-256` header as received (`sha256=<hex>`), or nothing. */
  signature: string | null | undefined;
  appSecret: string;
}

/** The verdict. Read `valid`: the object itself is always truthy. */
export type SignatureCheck = { readonly valid: true } | { readonly valid: false; readonly problem: string };

/**
 * The body's bytes, or a TypeError for anything else: a parsed JSON object (even one with a
 * `buffer` key), null, a number. That is a mistake in the app, not in the request.
 */
function bytes(body: unknown): Uint8Array {
  if (typeof body === 'string') return encoder.encode(body);
  if (ArrayBuffer.isView(body) && tag(body) === '[object Uint8Array]') return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  if (isArrayBuffer(body)) return new Uint8Array(body);
  const what = body === null ? 'null' : Array.isArray(body) ? 'an array' : typeof body === 'object' ? 'an object (already parsed?)' : typeof body;
  throw new TypeError(`verifySignature: body must be the raw request bytes (a string, Uint8Array or ArrayBuffer), not ${what}`);
}

/**
 * Whether `X-Hub-Signature-256` (`sha256=<hex>`) is the HMAC-SHA256 of the raw request bytes
 * keyed with the app secret. Check the raw bytes as received: re-serialised JSON differs.
 *
 * Resolves to `{ valid }`, an object, so that a forgotten `await` does not type-check
 * (`verifySignature(...).valid` is an error on a Promise); it takes one object, so that the
 * old three-argument call fails both type-checking and at run time. `valid` is false for a
 * missing, short, malformed or wrong header or an empty secret (`problem` says which); a body
 * that is not bytes or a string (null, a parsed object) rejects with a TypeError. The
 * comparison takes the same time wherever the first difference is. Uses Web Crypto (Node
 * 20+, Deno, Bun, edge runtimes).
 */
export async function verifySignature(input: SignatureInput): Promise<SignatureCheck> {
  if (typeof input !== 'object' || input === null || !('body' in input)) {
    throw new TypeError('verifySignature takes one object: { body, signature, appSecret }');
  }
  const raw = bytes(input.body);
  const { signature, appSecret } = input;
  if (typeof appSecret !== 'string' || appSecret === '') return { valid: false, problem: 'no app secret' };
  if (typeof signature !== 'string' || signature === '') return { valid: false, problem: 'no X-Hub-Signature-256 header' };
  const match = /^sha256=([0-9a-fA-F]{64})$/.exec(signature.trim());
  if (!match) return { valid: false, problem: 'the X-Hub-Signature-256 header is not sha256=<64 hex digits>' };
  const given = new Uint8Array(32);
  for (let i = 0; i < 32; i++) given[i] = parseInt(match[1]!.slice(i * 2, i * 2 + 2), 16);
  const key = await crypto.subtle.importKey('raw', encoder.encode(appSecret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const expected = new Uint8Array(await crypto.subtle.sign('HMAC', key, raw as Uint8Array<ArrayBuffer>));
  let diff = 0;
  for (let i = 0; i < 32; i++) diff |= given[i]! ^ expected[i]!;
  return diff === 0 ? { valid: true } : { valid: false, problem: 'the signature does not match the body' };
}
