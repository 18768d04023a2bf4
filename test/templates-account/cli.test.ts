import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parse } from 'yaml';
import type { CreationBody } from '../../compiler/message-templates/account/definition.js';
import { writeTemplate } from '../../compiler/message-templates/account/writer.js';
import { startFakeGraph as start, type FakeGraph } from '../fake-graph/server.js';
import { body } from './fixtures.js';

/** Fakes of the running test, closed after it whatever happens. */
const open: FakeGraph[] = [];
async function startFakeGraph(options: Parameters<typeof start>[0] = {}): Promise<FakeGraph> {
  const fake = await start(options);
  open.push(fake);
  return fake;
}
test.after.each(async () => {
  await Promise.all(open.splice(0).map((f) => f.close()));
});

const BIN = join(import.meta.dirname, '../../bin/waml.js');
const WABA = '102290129340398';

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real command against the fake (asynchronously: the fake answers in this process). */
function waml(args: string[], cwd: string, fake: FakeGraph | undefined, env: Record<string, string> = {}): Promise<Run> {
  const base: Record<string, string> = { PATH: process.env['PATH'] ?? '' };
  if (fake) Object.assign(base, { WAML_GRAPH_URL: fake.baseUrl, WHATSAPP_TOKEN: fake.token });
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'templates', ...args], { cwd, env: { ...base, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** A folder holding creation bodies as `<name>.<language>.template.json`, as build writes them. */
function bodies(...list: CreationBody[]): { dir: string; files: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'waml-templates-'));
  const files = list.map((b) => {
    const f = `${b.name}.${b.language}.template.json`;
    writeFileSync(join(dir, f), JSON.stringify(b, null, 2));
    return f;
  });
  return { dir, files };
}

const named = body('create_01_named_params_body.json');
const promo = body('create_03_seasonal_promotion_text_header_quick_replies.json');
const location = body('create_04_location_header_utility.json');

test('usage: the account, the token and the command are required; one line each, exit 2', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'waml-templates-'));
  const fake = await startFakeGraph();
  const noWaba = await waml(['diff'], dir, fake);
  const noToken = await waml(['diff', '--waba', WABA], dir, undefined);
  const badWaba = await waml(['diff', '--waba', 'abc'], dir, fake);
  const badCommand = await waml(['sync', '--waba', WABA], dir, fake);
  const badOption = await waml(['diff', '--waba', WABA, '--delete'], dir, fake);
  const help = await waml(['--help'], dir, undefined);
  const missing = await waml(['diff', 'nowhere', '--waba', WABA], dir, fake);
  assert.is(missing.status, 2);
  assert.is(missing.stderr, 'waml: no such file or folder: nowhere\n');
  await fake.close();
  assert.equal([noWaba.status, noToken.status, badWaba.status, badCommand.status, badOption.status, help.status], [2, 2, 2, 2, 2, 0]);
  assert.is(noWaba.stderr, 'waml: `waml templates` needs the account: --waba ID (or WHATSAPP_WABA_ID)\n');
  assert.is(noToken.stderr, 'waml: no access token: set WHATSAPP_TOKEN\n');
  assert.match(badCommand.stderr, /unknown templates command `sync`/);
  assert.match(badOption.stderr, /unknown option `--delete` for `waml templates diff`/);
  assert.match(help.stdout, /waml templates push \[PATH \.\.\.\] --waba ID \[--delete\]/);
  assert.is(fake.seen.length, 0, 'nothing is asked of the account before the arguments are right');
});

test('push creates what is new, uploading media samples; then diff shows nothing left to do', async () => {
  const fake = await startFakeGraph();
  fake.media.set('/media/receipt.pdf', { bytes: Buffer.from('%PDF-1.4 receipt'), type: 'application/pdf' });
  const doc = body('create_10_document_header_phone_url_openapi.json');
  const withUrl = JSON.parse(JSON.stringify(doc).replace(/"4::[^"]*"/, JSON.stringify(`${fake.baseUrl}/media/receipt.pdf`))) as CreationBody;
  withUrl.name = 'order_receipt';
  const { dir, files } = bodies(named, promo, location, withUrl);
  const before = await waml(['diff', ...files, '--waba', WABA], dir, fake);
  assert.is(before.status, 1);
  assert.match(before.stdout, /^\+ order_confirmation \(en_US\)\s+new: push creates it$/m);
  assert.match(before.stdout, /push would create 4, edit 0, delete 0\n$/);

  const noApp = await waml(['push', ...files, '--waba', WABA], dir, fake);
  assert.is(noApp.status, 2);
  assert.match(noApp.stderr, /media samples are uploaded with a Meta app: give --app-id ID \(or WHATSAPP_APP_ID\)/);
  assert.is(fake.templates.size, 0);

  const push = await waml(['push', ...files, '--waba', WABA], dir, fake, { WHATSAPP_APP_ID: '1234567890' });
  assert.is(push.status, 0, push.stdout + push.stderr);
  assert.match(push.stdout, /^created order_confirmation \(en_US\): template \d+, PENDING$/m);
  assert.is(push.stdout.match(/^created /gm)!.length, 4);
  assert.match(push.stderr, /uploaded http:\/\/127\.0\.0\.1:\d+\/media\/receipt\.pdf/);
  const receipt = fake.find('order_receipt', 'en_US')!;
  const handle = (receipt.components[0]!['example'] as { header_handle: string[] }).header_handle[0]!;
  assert.is(fake.uploads.get(handle)!.bytes.toString(), '%PDF-1.4 receipt');
  assert.is(fake.uploads.get(handle)!.type, 'application/pdf');

  const after = await waml(['diff', ...files, '--waba', WABA], dir, fake);
  await fake.close();
  assert.is(after.status, 0, after.stdout);
  assert.match(after.stdout, /^= order_confirmation \(en_US\) PENDING$/m);
  assert.match(after.stdout, /in sync: nothing to push\n$/);
});

test('diff shows each status, Meta’s rejection reason and what is only on the account; push edits, and deletes only with --delete', async () => {
  const fake = await startFakeGraph();
  fake.add({ ...structuredClone(promo), category: 'MARKETING', status: 'APPROVED' });
  fake.add({ ...structuredClone(location), status: 'REJECTED', rejected_reason: 'INVALID_FORMAT' });
  fake.add({ ...structuredClone(named), name: 'old_offer', status: 'PAUSED' });
  fake.add({ ...structuredClone(named), name: 'gone_bad', status: 'DISABLED' });
  const changed = structuredClone(promo);
  changed.components[2]!['text'] = 'Tap below to manage what we send you';
  const fixedLocation = structuredClone(location);
  fixedLocation.components[1]!['text'] = 'Good news {{1}}! Order #{{2}} is on its way. Thank you!';
  const { dir, files } = bodies(changed, fixedLocation);
  const diff = await waml(['diff', ...files, '--waba', WABA], dir, fake);
  assert.is(diff.status, 1);
  const lines = diff.stdout.trimEnd().split('\n');
  assert.match(lines[0]!, /^- gone_bad \(en_US\) DISABLED\s+only on the account: pull writes it$/);
  assert.match(lines[1]!, /^- old_offer \(en_US\) PAUSED\s+only on the account: pull writes it$/);
  assert.match(lines[2]!, /^~ order_delivery_update \(en_US\) REJECTED\s+changed \(BODY\.text\): push edits it; Meta's reason: INVALID_FORMAT$/);
  assert.match(lines[3]!, /^~ seasonal_promotion \(en_US\) APPROVED\s+changed \(FOOTER\.text\): push edits it \(Meta allows 1 edit of an approved template in 24 hours, 10 in 30 days\)$/);
  assert.is(lines[4], 'push would create 0, edit 2, delete 0');

  const push = await waml(['push', ...files, '--waba', WABA], dir, fake);
  assert.is(push.status, 0, push.stdout);
  assert.match(push.stdout, /^edited seasonal_promotion \(en_US\): template \d+ \(FOOTER\.text\)$/m);
  assert.is(fake.find('order_delivery_update', 'en_US')!.status, 'PENDING', 'an edited rejected template goes back to review');
  assert.is(fake.templates.size, 4, 'nothing deleted without --delete');

  const remove = await waml(['push', ...files, '--waba', WABA, '--delete'], dir, fake);
  const after = await waml(['diff', ...files, '--waba', WABA], dir, fake);
  await fake.close();
  assert.is(remove.status, 1, 'a DISABLED template cannot be deleted: that is reported');
  assert.match(remove.stdout, /^deleted old_offer \(en_US\): template \d+$/m);
  assert.match(remove.stdout, /^not pushed gone_bad \(en_US\): Meta does not delete DISABLED templates$/m);
  assert.equal([...fake.templates.values()].map((t) => t.name).sort(), ['gone_bad', 'order_delivery_update', 'seasonal_promotion']);
  assert.is(after.stdout.trimEnd().split('\n').at(-1), 'in sync: nothing to push');
});

test('push: a template in review is not edited (Meta refuses); an approved one’s category is not changed', async () => {
  const fake = await startFakeGraph();
  fake.add({ ...structuredClone(promo), category: 'MARKETING', status: 'PENDING' });
  fake.add({ ...structuredClone(location), category: 'UTILITY', status: 'APPROVED' });
  const changed = structuredClone(promo);
  changed.components[2]!['text'] = 'Bye';
  const recategorised = { ...structuredClone(location), category: 'MARKETING' };
  const { dir, files } = bodies(changed, recategorised);
  const push = await waml(['push', ...files, '--waba', WABA], dir, fake);
  await fake.close();
  assert.is(push.status, 1);
  assert.match(push.stdout, /^not pushed seasonal_promotion \(en_US\): it is in review \(PENDING\); Meta edits only APPROVED, REJECTED, PAUSED templates: push again once it is reviewed$/m);
  assert.match(push.stdout, /^not pushed order_delivery_update \(en_US\): Meta does not change the category of an approved template \(UTILITY → MARKETING\)/m);
  assert.is(fake.seen.filter((s) => s.method === 'POST').length, 0);
});

test('pull writes a .wa.yaml for each template only on the account, positional ones included, into an empty folder', async () => {
  const fake = await startFakeGraph();
  fake.media.set('/media/receipt.pdf', { bytes: Buffer.from('%PDF'), type: 'application/pdf' });
  fake.uploads.set('4::receipt', { bytes: Buffer.from('%PDF'), type: 'application/pdf', name: 'receipt.pdf' });
  const made = [named, promo, location, body('create_05_limited_time_offer.json'), body('create_10_document_header_phone_url_openapi.json')].map((b, i) => {
    const copy = JSON.parse(JSON.stringify(b).replace(/"4::[^"]*"/g, '"4::receipt"')) as CreationBody;
    if (i === 4) copy.name = 'order_receipt';
    return fake.add({ ...copy, category: copy.category.toUpperCase(), status: 'APPROVED', ...(copy.parameter_format ? { parameter_format: copy.parameter_format.toUpperCase() } : {}) });
  });
  fake.add({ name: 'catalog_one', language: 'en_US', category: 'MARKETING', status: 'APPROVED', components: [{ type: 'BODY', text: 'x' }, { type: 'BUTTONS', buttons: [{ type: 'CATALOG', text: 'View catalog' }] }] });
  const empty = mkdtempSync(join(tmpdir(), 'waml-pull-'));
  const pull = await waml(['pull', '--waba', WABA, '--out', 'messages'], empty, fake);
  assert.is(pull.status, 1, 'one template cannot be written: exit 1, the others are written');
  assert.match(pull.stdout, /^not pulled catalog_one \(en_US\): a `CATALOG` button has no waml syntax$/m);
  const written = readdirSync(join(empty, 'messages')).sort();
  assert.equal(written, ['limited_time_offer_caribbean_pkg_2023.en_US.wa.yaml', 'order_confirmation.en_US.wa.yaml', 'order_delivery_update.en_US.wa.yaml', 'order_receipt.en_US.wa.yaml', 'seasonal_promotion.en_US.wa.yaml']);
  assert.match(pull.stderr, /pulled 5 templates; 1 not pulled/);
  // Each file is what the writer makes of the template as the account lists it (media as its URL on the account).
  for (const t of made) {
    const text = readFileSync(join(empty, 'messages', `${t.name}.${t.language}.wa.yaml`), 'utf8');
    const doc = parse(text) as { messages: Record<string, { type: string; header?: unknown }> };
    assert.is(doc.messages[t.name]!.type, 'template');
    const expected = writeTemplate({ ...t, components: JSON.parse(JSON.stringify(t.components).replace(/"4::receipt"/g, JSON.stringify(`${fake.baseUrl}/media/copy-4receipt-receipt.pdf`))) });
    assert.ok(expected.ok);
    if (expected.ok) assert.fixture(text, expected.text);
  }
  assert.match(readFileSync(join(empty, 'messages', 'seasonal_promotion.en_US.wa.yaml'), 'utf8'), /header: Our \{\{ header_one \}\} is on!/);
  // Pulled again: nothing changes on disk, and a file in the way is not overwritten.
  writeFileSync(join(empty, 'messages', 'order_confirmation.en_US.wa.yaml'), '# mine\n');
  mkdirSync(join(empty, 'other'));
  const again = await waml(['pull', 'other', '--waba', WABA, '--out', 'messages'], empty, fake);
  assert.match(again.stdout, /^not pulled order_confirmation \(en_US\): order_confirmation\.en_US\.wa\.yaml exists and is not one of the sources compared; not overwritten$/m);
  assert.is(readFileSync(join(empty, 'messages', 'order_confirmation.en_US.wa.yaml'), 'utf8'), '# mine\n');
  assert.not.match(again.stdout, /^wrote /m, 'the files already right are left untouched');
  writeFileSync(join(empty, 'a-file'), 'x');
  const intoFile = await waml(['pull', 'other', '--waba', WABA, '--out', 'a-file'], empty, fake);
  assert.is(intoFile.status, 2);
  assert.match(intoFile.stderr, /^waml: cannot write into a-file: (ENOTDIR|EEXIST)\n/);
});

test('a 429 on the list is waited out as Meta asks, then the run goes on', async () => {
  const fake = await startFakeGraph();
  fake.add({ ...structuredClone(named), category: 'UTILITY', status: 'APPROVED', parameter_format: 'NAMED' });
  fake.fail('GET', /message_templates/, 429, { message: 'Too many calls', code: 80008 }, { 'retry-after': '0' }, 2);
  const { dir, files } = bodies(named);
  const r = await waml(['diff', ...files, '--waba', WABA], dir, fake);
  await fake.close();
  assert.is(r.status, 0, r.stdout + r.stderr);
  assert.is(fake.seen.filter((s) => s.method === 'GET').length, 3);
  assert.is(r.stderr.match(/trying again in 0 s/g)!.length, 2);
  assert.match(r.stdout, /^= order_confirmation \(en_US\) APPROVED$/m);
});

test('a rate limit that outlasts the retries stops the push, says how many are left, and never prints the token', async () => {
  const fake = await startFakeGraph();
  fake.fail('POST', /message_templates/, 400, { message: `(#80007) Rate limit issues for ${fake.token}`, code: 80007 }, { 'retry-after': '0' }, 4);
  const { dir, files } = bodies(named, promo, location);
  const r = await waml(['push', ...files, '--waba', WABA], dir, fake);
  const unreachable = await waml(['diff', ...files, '--waba', WABA], dir, undefined, { WAML_GRAPH_URL: 'http://127.0.0.1:9', WHATSAPP_TOKEN: fake.token });
  await fake.close();
  assert.is(r.status, 1);
  assert.match(r.stdout, /^failed order_confirmation \(en_US\): creating `order_confirmation` \(en_US\): Graph API error 80007 \(HTTP 400\): \(#80007\) Rate limit issues for \[redacted\]; Meta's rate limit: try again later$/m);
  assert.match(r.stdout, /^stopped: 2 more left for the next push$/m);
  assert.is(fake.templates.size, 0);
  assert.not.match(r.stdout + r.stderr, fake.token);
  assert.is(unreachable.status, 2);
  assert.match(unreachable.stderr, /^waml: listing the templates: the request failed/);
  assert.not.match(unreachable.stderr, fake.token);
});

test('the account and the token from the environment, another variable with --token-env; sources with errors stop before the account is asked', async () => {
  const fake = await startFakeGraph();
  const { dir, files } = bodies(named);
  const viaEnv = await waml(['diff', ...files, '--token-env', 'MY_WA_TOKEN'], dir, fake, { WHATSAPP_WABA_ID: WABA, WHATSAPP_TOKEN: '', MY_WA_TOKEN: fake.token });
  assert.is(viaEnv.status, 1, viaEnv.stderr);
  assert.match(viaEnv.stdout, /^\+ order_confirmation \(en_US\)/m);
  assert.is(fake.seen.at(-1)!.auth, `Bearer ${fake.token}`);
  assert.is(fake.seen.at(-1)!.path, `/v23.0/${WABA}/message_templates`);
  const seen = fake.seen.length;
  writeFileSync(join(dir, 'broken.wa.yaml'), 'messages:\n  m:\n    type: button\n    body: Hi\n    buttons: [{ id: a, title: This title is far too long for a button }]\n');
  const broken = await waml(['diff', 'broken.wa.yaml', '--waba', WABA], dir, fake);
  assert.is(broken.status, 1);
  assert.match(broken.stdout, /error\[WA301\]/);
  assert.is(broken.stderr, 'waml: the sources have errors; nothing was compared with the account\n');
  assert.is(fake.seen.length, seen);
});

test('two local definitions of one template: one line naming both, nothing asked of the account', async () => {
  const fake = await startFakeGraph();
  const { dir, files } = bodies(named);
  writeFileSync(join(dir, 'copy.json'), JSON.stringify(named));
  writeFileSync(join(dir, 'broken.json'), '{"name": "x"}');
  const twice = await waml(['push', ...files, 'copy.json', '--waba', WABA], dir, fake);
  const broken = await waml(['push', 'broken.json', '--waba', WABA], dir, fake);
  await fake.close();
  assert.is(twice.status, 1);
  assert.is(twice.stderr, 'waml: template `order_confirmation` (en_US) is defined twice: order_confirmation.en_US.template.json and copy.json\n');
  assert.is(broken.status, 2);
  assert.is(broken.stderr, 'waml: broken.json is not a template creation body: it has no `language`\n');
  assert.is(fake.seen.filter((s) => s.method === 'POST').length, 0);
});

test.run();
