import { createHash } from 'node:crypto';
import { previewPage } from '../preview/html.js';

/** The script `waml preview --serve` adds to the page: reload when the server says so. */
export const RELOAD_SCRIPT = "<script>new EventSource('/events').onmessage = () => location.reload();</script>";

/**
 * Whether a request's `Host` header names this server on the loopback: `localhost`,
 * `127.0.0.1` or `[::1]`, with the server's port (which a browser leaves out only for 80).
 * Anything else is refused, so that a web page whose own name resolves to 127.0.0.1 (DNS
 * rebinding) cannot read the preview.
 */
export function isLocalHost(host: string | undefined, port: number): boolean {
  if (typeof host !== 'string') return false;
  const m = /^(localhost|127\.0\.0\.1|\[::1\])(?::(\d{1,5}))?$/i.exec(host);
  if (!m) return false;
  return m[2] === undefined ? port === 80 : Number(m[2]) === port;
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const inline = (html: string, tag: 'script' | 'style') => [...html.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => m[1]!);

/**
 * The Content-Security-Policy of the served page: nothing may load or run but the page's own
 * inline style and scripts, named by hash. The hashes are taken from the page drawn with no
 * messages (its fixed parts) plus the reload script, never from the page served, so that no
 * text of a source could allow itself to run.
 */
export function previewContentSecurityPolicy(): string {
  const skeleton = previewPage([]) + RELOAD_SCRIPT;
  const scripts = [...new Set(inline(skeleton, 'script').map(sha256))];
  const styles = [...new Set(inline(skeleton, 'style').map(sha256))];
  return [
    "default-src 'none'",
    `script-src ${scripts.join(' ')}`,
    `style-src ${styles.join(' ')}`,
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The headers of every answer of the preview server. */
export function securityHeaders(): Record<string, string> {
  return {
    'content-security-policy': previewContentSecurityPolicy(),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-resource-policy': 'same-origin',
    'cache-control': 'no-store',
  };
}
