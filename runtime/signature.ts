const encoder = new TextEncoder();

function bytes(body: string | ArrayBuffer | ArrayBufferView): Uint8Array {
  if (typeof body === 'string') return encoder.encode(body);
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
}

/**
 * Whether `X-Hub-Signature-256` (`sha256=<hex>`) is the HMAC-SHA256 of the raw request bytes
 * keyed with the app secret. Compare the raw bytes as received: re-serialised JSON differs.
 * False for a missing, short, malformed or wrong header; the comparison takes the same time
 * wherever the first difference is. Uses Web Crypto (Node 20+, Deno, Bun, edge runtimes).
 */
export async function verifySignature(rawBody: string | ArrayBuffer | ArrayBufferView, signatureHeader: string | null | undefined, appSecret: string): Promise<boolean> {
  if (typeof signatureHeader !== 'string' || typeof appSecret !== 'string' || appSecret === '') return false;
  const match = /^sha256=([0-9a-fA-F]{64})$/.exec(signatureHeader.trim());
  if (!match) return false;
  const given = new Uint8Array(32);
  for (let i = 0; i < 32; i++) given[i] = parseInt(match[1]!.slice(i * 2, i * 2 + 2), 16);
  const key = await crypto.subtle.importKey('raw', encoder.encode(appSecret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const expected = new Uint8Array(await crypto.subtle.sign('HMAC', key, bytes(rawBody) as Uint8Array<ArrayBuffer>));
  let diff = 0;
  for (let i = 0; i < 32; i++) diff |= given[i]! ^ expected[i]!;
  return diff === 0;
}
