import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { BrowserError, findChromium, launchChromium } from '../compiler/cli/chromium.js';
import { formatText } from '../compiler/preview/html.js';
import { preview } from '../compiler/preview/preview.js';
import { setup } from './harness.js';
import '../compiler/index.js';

const ROOT = join(import.meta.dirname, '..');
const TMP = join(import.meta.dirname, '.tmp');
mkdirSync(TMP, { recursive: true });
const sources = readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.wa.yaml')).sort().map((f) => ({ path: `examples/${f}`, text: readFileSync(join(ROOT, 'examples', f), 'utf8') }));
const data = { path: 'examples/data.json', text: readFileSync(join(ROOT, 'examples/data.json'), 'utf8') };

// A real Chromium: WAML_CHROMIUM, one on PATH, or the one the @sparticuz/chromium devDependency
// ships (unpacked on first use); never skipped.
const browser = setup(test, () => launchChromium(process.env), (b) => b.close());

test('WhatsApp formatting: bold, italic, strike, mono, links, line breaks, and nothing unescaped', () => {
  assert.is(formatText('*Blue* _soft_ ~old~ ```x = 1```\nsee https://e.com/a.'), '<strong>Blue</strong> <em>soft</em> <s>old</s> <code>x = 1</code><br>see <a href="https://e.com/a" rel="noreferrer">https://e.com/a</a>.');
  assert.is(formatText('<script>alert(1)</script> & "q"'), '&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot;');
});

test('every example, in a real browser: no console error, the right buttons, rows and cards with their texts', async () => {
  const { html, messages } = preview(sources, data);
  assert.is(messages.length, 24); // 19 interactive messages and 5 message templates (each in its default language)
  const page = await browser().newPage({ viewport: { width: 1280, height: 800 } });
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.setContent(html, { waitUntil: 'load' });
  for (const m of messages) {
    const section = page.locator(`section[data-message="${m.name}"] .variant-typical`);
    if (!('interactive' in m.body)) {
      // A message template: its body with the data's values in place.
      assert.is((await section.locator('.bubble .body').innerText()).replace(/\s+/g, ' ').trim(), m.body.body.replace(/[*_~]/g, '').replace(/\s+/g, ' ').trim(), `${m.name} body`);
      continue;
    }
    const action = m.body.interactive['action'] as Record<string, unknown>;
    const texts = async (selector: string) => (await section.locator(selector).allInnerTexts()).map((t) => t.replace(/\s*\d+\/\d+$/, '').trim());
    if (m.type === 'button') {
      const buttons = action['buttons'] as { reply: { title: string } }[];
      assert.equal(await texts('.reply-button'), buttons.map((b) => b.reply.title), m.name);
    }
    if (m.type === 'list') {
      const rows = (action['sections'] as { rows: { title: string }[] }[]).flatMap((s) => s.rows.map((r) => r.title));
      assert.equal(await texts('.row .title'), rows, m.name);
      assert.equal(await texts('.list-button .action-text'), [action['button'] as string], m.name);
    }
    if (m.type === 'carousel') {
      const cards = action['cards'] as { action: { buttons?: { quick_reply: { title: string } }[] } }[];
      assert.is(await section.locator('.card').count(), cards.length, m.name);
      const quick = cards.flatMap((c) => (c.action.buttons ?? []).map((b) => b.quick_reply.title));
      assert.equal(await texts('.quick-reply'), quick, m.name);
    }
    if (m.type === 'cta_url') assert.equal(await texts('.cta-button .action-text'), [(action['parameters'] as { display_text: string }).display_text]);
    if (m.type === 'flow') assert.equal(await texts('.flow-button .action-text'), [(action['parameters'] as { flow_cta: string }).flow_cta]);
    if (m.type === 'product') assert.equal(await texts('.media.product .source'), [action['product_retailer_id'] as string]);
    if (m.type === 'product_list') {
      const ids = (action['sections'] as { product_items: { product_retailer_id: string }[] }[]).flatMap((s) => s.product_items.map((p) => p.product_retailer_id));
      assert.equal(await texts('.product-row .product-id'), ids, m.name);
    }
    if (m.type === 'order_details') {
      const p = action['parameters'] as { total_amount: { value: number; offset: number }; order: { items: unknown[] } };
      assert.is(await section.locator('.order-item').count(), p.order.items.length, m.name);
      assert.equal(await texts('.order-line.total .price'), [`₹${(p.total_amount.value / p.total_amount.offset).toFixed(2)}`], m.name);
    }
    if (m.type === 'order_status') assert.equal(await texts('.order-status .status'), [((action['parameters'] as { order: { status: string } }).order.status).replaceAll('_', ' ')], m.name);
    if (m.type === 'voice_call') assert.equal(await texts('.call-button .action-text'), [(action['parameters'] as { display_text: string }).display_text], m.name);
    if (m.type === 'call_permission_request') assert.is(await section.locator('.call-permission-button').count(), 2, m.name);
    const body = (m.body.interactive['body'] as { text: string }).text.replace(/[*_~]/g, '');
    assert.is((await section.locator('.bubble .body').innerText()).replace(/\s+/g, ' ').trim(), body.replace(/\s+/g, ' ').trim(), `${m.name} body`);
  }
  // The row cut to exactly its limit is marked, with its count.
  assert.equal(await page.locator('section[data-message="catalog"] .row .count.near').allInnerTexts(), ['24/24']);
  await page.screenshot({ path: join(TMP, 'preview.png'), fullPage: true });
  assert.equal(errors, []);
  await page.close();
});

test('templates without data: generated values, and a switch to the longest ones allowed', async () => {
  const { html } = preview(sources.filter((s) => s.path.endsWith('catalog.wa.yaml')));
  const page = await browser().newPage();
  await page.setContent(html, { waitUntil: 'load' });
  assert.is(await page.locator('.variant-typical .row').count(), 4);
  assert.is(await page.locator('.variant-worst').isVisible(), false);
  await page.locator('#worst').check();
  assert.is(await page.locator('.variant-worst').isVisible(), true);
  assert.is(await page.locator('.variant-worst .row').count(), 10, 'maxItems 8 products and two fixed rows');
  await page.close();
});

test('preview --serve reloads the page when a file is saved, with diagnostics on the page', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'waml-serve-'));
  writeFileSync(join(dir, 'a.wa.yaml'), 'messages:\n  m:\n    type: location_request_message\n    body: First text\n');
  const child = spawn(process.execPath, [join(ROOT, 'bin/waml.js'), 'preview', '.', '--serve'], { cwd: dir });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (c: Buffer) => {
        const m = /preview at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(c.toString());
        if (m) resolve(m[1]!);
      });
      setTimeout(() => reject(new Error('no server')), 60_000);
    });
    const page = await browser().newPage();
    const errors: string[] = []; // a Content-Security-Policy violation is one
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(url);
    assert.match(await page.locator('.bubble .body').innerText(), /First text/);
    await page.locator('#worst').check(); // the page's own script runs under its policy
    assert.ok(await page.evaluate(() => document.body.classList.contains('worst')));
    assert.equal(errors, []);
    const reloaded = page.waitForEvent('load');
    writeFileSync(join(dir, 'a.wa.yaml'), 'messages:\n  m:\n    type: location_request_message\n    body: Second text\n  n:\n    type: buton\n    body: Hi\n');
    await reloaded;
    assert.match(await page.locator('section[data-message="m"] .bubble .body').innerText(), /Second text/);
    assert.match(await page.locator('.diagnostics').innerText(), /error WA205: unknown message type `buton`/);
    await page.close();
  } finally {
    child.kill();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('--png with a Chromium that cannot start says so in one line, not as a bug', () => {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/waml.js'), 'preview', 'examples/pickup-location.wa.yaml', '--png', join(TMP, 'never.png')], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, WAML_CHROMIUM: '/nonexistent/chromium' } });
  assert.is(r.status, 2);
  assert.match(r.stderr, /^waml: Chromium could not start \(\/nonexistent\/chromium, from WAML_CHROMIUM\): .*; set WAML_CHROMIUM to a Chromium or Chrome binary, install one \(Debian: apt-get install chromium\), or npm install --save-dev @sparticuz\/chromium\n$/);
  assert.not.match(r.stderr, /bug/);
});

test('a browser is found: WAML_CHROMIUM first, then PATH, then the packaged build; none is one line naming the ways', async () => {
  const bin = mkdtempSync(join(tmpdir(), 'waml-path-'));
  writeFileSync(join(bin, 'chromium'), '#!/bin/sh\n', { mode: 0o755 });
  writeFileSync(join(bin, 'google-chrome'), 'not executable', { mode: 0o644 });
  try {
    assert.is((await findChromium({ WAML_CHROMIUM: '/x/chrome', PATH: bin })).executablePath, '/x/chrome');
    const onPath = await findChromium({ PATH: `/nonexistent${delimiter}${bin}` });
    assert.equal([onPath.executablePath, onPath.via], [join(bin, 'chromium'), 'PATH']);
    const packaged = await findChromium({ PATH: '' });
    assert.is(packaged.via, '@sparticuz/chromium');
    assert.ok(!packaged.args.includes('--disable-web-security'), 'switches that weaken the page are dropped');
    const missing = await findChromium({ PATH: '' }, () => Promise.reject(new Error("Cannot find package '@sparticuz/chromium'"))).then(() => undefined, (e: unknown) => e);
    assert.instance(missing, BrowserError);
    assert.is((missing as Error).message, 'no Chromium found: set WAML_CHROMIUM to a Chromium or Chrome binary, install one (Debian: apt-get install chromium), or npm install --save-dev @sparticuz/chromium');
  } finally {
    rmSync(bin, { recursive: true, force: true });
  }
});

test('waml preview --png draws a real PNG with whatever browser is found', () => {
  browser(); // the file's setup found and started one
  const file = join(TMP, 'cli-preview.png');
  rmSync(file, { force: true });
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/waml.js'), 'preview', 'examples/pickup-location.wa.yaml', '--png', file], { cwd: ROOT, encoding: 'utf8' });
  assert.is(r.status, 0, r.stderr);
  const png = readFileSync(file);
  assert.equal([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG signature');
  assert.ok(png.length > 2000, `a picture, not an empty canvas (${png.length} bytes)`);
});

test.run();
