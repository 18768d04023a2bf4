import { createServer } from 'node:http';
import { watch as fsWatch } from 'node:fs';
import { dirname, resolve, basename } from 'node:path';
import { UsageError, type Args } from './args.js';
import { DEFAULT_MAX_FILE_SIZE } from '../compile.js';
import { discover, displayPath, readSource } from './files.js';
import { preview } from '../preview/preview.js';
import { isLocalHost, RELOAD_SCRIPT, securityHeaders } from './preview-server.js';
import { writeOutputs } from './write.js';
import { launchChromium } from './chromium.js';

export { BrowserError } from './chromium.js';
import { describeSystemError, EnvironmentError, isSystemError } from './environment.js';

interface PreviewIo {
  cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
}

async function render(args: Args, io: PreviewIo, reload: boolean): Promise<string> {
  const found = discover(args.paths, io.cwd, args.out ? [dirname(resolve(io.cwd, args.out))].filter((d) => d !== io.cwd) : []);
  const sources = found.flatMap((f) => {
    const r = readSource(f.absolute, DEFAULT_MAX_FILE_SIZE);
    if (!r.ok) io.stderr(`waml: ${f.display} was not read: ${r.reason}\n`);
    return r.ok ? [{ path: f.display, text: r.text }] : [];
  });
  let data;
  if (args.data) {
    const absolute = resolve(io.cwd, args.data);
    const r = readSource(absolute, DEFAULT_MAX_FILE_SIZE);
    if (!r.ok) throw new UsageError(`the data file ${args.data} cannot be used: ${r.reason}`);
    data = { path: displayPath(io.cwd, absolute), text: r.text };
  }
  const html = preview(sources, data).html;
  return reload ? html.replace('</body>', `${RELOAD_SCRIPT}</body>`) : html;
}

/** Renders a page to PNG with Chromium through playwright-core (both loaded only for --png). */
async function screenshot(html: string, file: string, env: Record<string, string | undefined>): Promise<void> {
  const browser = await launchChromium(env);
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.setContent(html, { waitUntil: 'load' });
    await page.screenshot({ path: file, fullPage: true });
  } finally {
    await browser.close();
  }
}

/**
 * `waml preview PATH... [--data FILE] --out page.html [--png FILE]`, or `--serve`: a page on
 * localhost that is drawn again, and reloaded, when a file is saved.
 */
export async function previewCommand(args: Args, io: PreviewIo, env: Record<string, string | undefined>): Promise<number> {
  if (args.serve) {
    let html = await render(args, io, true);
    const clients = new Set<import('node:http').ServerResponse>();
    const headers = securityHeaders();
    let port = 0;
    const server = createServer((req, res) => {
      // Only this machine, by its own name: a rebound DNS name gets nothing (see preview-server.ts).
      if (!isLocalHost(req.headers.host, port)) {
        res.writeHead(403, { ...headers, 'content-type': 'text/plain; charset=utf-8' });
        res.end('waml preview answers only to localhost, 127.0.0.1 or [::1] with its port\n');
        return;
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { ...headers, allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' });
        res.end('waml preview only serves GET\n');
        return;
      }
      if (req.url === '/events') {
        res.writeHead(200, { ...headers, 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
        res.write(': connected\n\n');
        clients.add(res);
        req.on('close', () => clients.delete(res));
        return;
      }
      res.writeHead(200, { ...headers, 'content-type': 'text/html; charset=utf-8' });
      res.end(html);
    });
    await new Promise<void>((ok, fail) => {
      server.once('error', (error) => fail(isSystemError(error) ? new EnvironmentError(`cannot serve on 127.0.0.1:${args.port ?? 0}: ${describeSystemError(error)}`) : error));
      server.listen(args.port ?? 0, '127.0.0.1', ok);
    });
    port = (server.address() as import('node:net').AddressInfo).port;
    io.stdout(`waml: preview at http://127.0.0.1:${port}/ (Ctrl-C to stop)\n`);
    let timer: ReturnType<typeof setTimeout> | undefined;
    for (const root of (args.paths.length > 0 ? args.paths : ['.']).map((p) => resolve(io.cwd, p))) {
      fsWatch(root, { recursive: true }, () => {
        clearTimeout(timer);
        timer = setTimeout(async () => {
          try {
            html = await render(args, io, true);
          } catch (error) {
            // A data file that went missing while serving: say so and keep the last page.
            if (!(error instanceof UsageError)) throw error;
            io.stderr(`waml: ${error.message}\n`);
            return;
          }
          for (const c of clients) c.write('data: reload\n\n');
          io.stdout('waml: redrawn\n');
        }, 60);
      });
    }
    return new Promise<number>(() => undefined);
  }
  const html = await render(args, io, false);
  if (args.out) {
    const out = resolve(io.cwd, args.out);
    writeOutputs(dirname(out), [{ path: basename(out), text: html }], { label: dirname(args.out) });
    io.stderr(`waml: wrote ${args.out}\n`);
  }
  if (args.png) {
    await screenshot(html, resolve(io.cwd, args.png), env);
    io.stderr(`waml: wrote ${args.png}\n`);
  }
  return 0;
}

