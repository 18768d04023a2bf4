// A user's code against waml/runtime: what must type-check, and, on each line after a
// ts-expect-error comment, what must not (a forgotten await, a body that is not bytes).
import { createClient, verifySignature, type Client, type WhatsAppClient } from 'waml/runtime';

declare const rawBody: string;
declare const header: string | null;

export async function ok(bytes: Uint8Array, buffer: ArrayBuffer): Promise<boolean> {
  const { valid } = await verifySignature({ body: rawBody, signature: header, appSecret: 's' });
  const check = await verifySignature({ body: bytes, signature: undefined, appSecret: 's' });
  if (!check.valid) console.log(check.problem);
  const client: WhatsAppClient = createClient({ phoneNumberId: '1', accessToken: 't', retry: { retries: 2, unsafeRetryUnknownOutcome: false } });
  await client.markRead('wamid.X', { typing: true });
  await client.uploadMedia({ data: buffer, type: 'image/png' });
  const minimal: Client = { send: client.send }; // what a generated sender needs
  void minimal;
  return valid && (await verifySignature({ body: buffer, signature: header, appSecret: 's' })).valid;
}

export function forgotAwait(): boolean {
  const check = verifySignature({ body: rawBody, signature: header, appSecret: 's' });
  // @ts-expect-error: a forgotten await: a Promise has no `valid`
  if (!check.valid) return false;
  // @ts-expect-error: a forgotten await, destructured
  const { valid } = verifySignature({ body: rawBody, signature: header, appSecret: 's' });
  // @ts-expect-error: a forgotten await in a condition is always true
  if (verifySignature({ body: rawBody, signature: header, appSecret: 's' })) return true;
  return valid;
}

export async function wrongBody(parsed: { buffer: ArrayBuffer }): Promise<void> {
  // @ts-expect-error: a parsed body is not the raw bytes
  await verifySignature({ body: parsed, signature: header, appSecret: 's' });
  // @ts-expect-error: null is not a body
  await verifySignature({ body: null, signature: header, appSecret: 's' });
  // @ts-expect-error: the old three-argument call
  await verifySignature(rawBody, header, 's');
}

// The README's webhook handler example, as written there.
import { createWebhookHandler } from 'waml/runtime';
import { helpMenu } from '../golden/ts/support-menu.wa.js';

export function readmeHandler(client: WhatsAppClient, APP_SECRET: string, VERIFY_TOKEN: string) {
  const webhook = createWebhookHandler({
    appSecret: APP_SECRET,
    verifyToken: VERIFY_TOKEN,
    async onMessage({ message }) {
      const reply = helpMenu.parseReply(message);
      if (reply?.id === 'track_order') await client.markRead(message.id, { typing: true });
      // @ts-expect-error: not one of the menu's ids
      if (reply?.id === 'track_ordr') return;
    },
    onStatus(status) {
      void status.status;
    },
    onError(error) {
      void error.code;
    },
  });
  const POST: (request: Request) => Promise<Response> = webhook.fetch;
  return POST;
}
