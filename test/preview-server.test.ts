import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { isLocalHost } from '../compiler/cli/preview-server.js';

const ROOT = join(import.meta.dirname, '..');

/** One request to the server on 127.0.0.1 with exactly the Host header given (or none). */
function get(port: number, host: string | undefined, method = 'GET', path = '/'): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, setHost: false, headers: host === undefined ? {} : { host } }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** `waml preview . --serve` in a folder of its own, until `use` is done. */
async function serving(files: Record<string, string>, use: (port: number) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'waml-serve-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const child = spawn(process.execPath, [join(ROOT, 'bin/waml.js'), 'preview', '.', '--serve'], { cwd: dir });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        const m = /preview at http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
        if (m) resolve(Number(m[1]));
      });
      child.on('exit', (code) => reject(new Error(`the server exited (${code})`)));
      setTimeout(() => reject(new Error('no server after 20 s')), 20_000);
    });
    await use(port);
  } finally {
    child.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}

const SOURCE = { 'a.wa.yaml': 'messages:\n  m:\n    type: location_request_message\n    body: "First text </script><script>alert(1)</script>"\n' };

test('the Host header: the loopback names with the port answer; any other name is refused (DNS rebinding)', async () => {
  await serving(SOURCE, async (port) => {
    for (const host of [`localhost:${port}`, `LOCALHOST:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`]) {
      const r = await get(port, host);
      assert.is(r.status, 200, host);
      assert.match(r.body, /First text/, host);
    }
    const refused = [`evil.example:${port}`, 'evil.example', `localhost.evil.example:${port}`, `127.0.0.1.nip.io:${port}`, `localhost:${port + 1}`, 'localhost', '127.0.0.1', `127.0.0.2:${port}`, `[::2]:${port}`, `localhost:${port}@evil.example`, ''];
    for (const host of refused) {
      for (const path of ['/', '/events']) {
        const r = await get(port, host, 'GET', path);
        assert.is(r.status, 403, `${host} ${path}`);
        assert.not.match(r.body, /First text/);
        assert.match(r.body, /answers only to localhost, 127\.0\.0\.1 or \[::1\] with its port/);
      }
    }
    const none = await get(port, undefined);
    assert.ok(none.status === 400 || none.status === 403, `no Host header: ${none.status}`);
    assert.not.match(none.body, /First text/);
    assert.is((await get(port, `localhost:${port}`, 'POST')).status, 405);
  });
});

test('a strict Content-Security-Policy: nothing loads or runs but the page\'s own inline style and scripts, by hash', async () => {
  await serving(SOURCE, async (port) => {
    const r = await get(port, `127.0.0.1:${port}`);
    const csp = String(r.headers['content-security-policy']);
    const directives = new Map(csp.split(/;\s*/).map((d) => [d.split(' ')[0]!, d.split(' ').slice(1)]));
    assert.equal(directives.get('default-src'), ["'none'"]);
    assert.equal(directives.get('connect-src'), ["'self'"], 'the reload events');
    for (const d of ['base-uri', 'form-action', 'frame-ancestors']) assert.equal(directives.get(d), ["'none'"], d);
    assert.not.match(csp, /unsafe-inline|unsafe-eval|\*/);
    const hash = (t: string) => `'sha256-${createHash('sha256').update(t).digest('base64')}'`;
    const scripts = [...r.body.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    const styles = [...r.body.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]!);
    assert.is(scripts.length, 2, 'the toggle and the reload: the source text stays text');
    assert.equal(directives.get('script-src'), scripts.map(hash), 'exactly the page\'s scripts');
    assert.equal(directives.get('style-src'), styles.map(hash));
    assert.is(r.headers['x-content-type-options'], 'nosniff');
    assert.is(r.headers['referrer-policy'], 'no-referrer');
  });
});

test('isLocalHost: a table', () => {
  const cases: [string | undefined, number, boolean][] = [
    ['localhost:5173', 5173, true],
    ['127.0.0.1:5173', 5173, true],
    ['[::1]:5173', 5173, true],
    ['localhost', 80, true],
    ['localhost', 5173, false],
    ['localhost:80', 5173, false],
    ['localhost.:5173', 5173, false],
    ['0.0.0.0:5173', 5173, false],
    ['attacker.test:5173', 5173, false],
    ['localhost:5173\r\nx: y', 5173, false],
    [undefined, 5173, false],
  ];
  for (const [host, port, ok] of cases) assert.is(isLocalHost(host, port), ok, String(host));
});

test.run();
