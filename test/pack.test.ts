// The package as a team gets it: `npm pack`, then the README's "Add waml to a project",
// step by step, in a new ES module app and a new CommonJS app outside this repository,
// installing only from local tarballs (no network): init, build, prune the dev
// dependencies, run the app against a fake Graph API on 127.0.0.1 and signed webhooks, and
// type-check a bundler's `.wa.yaml` import.
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { compile } from '../compiler/index.js';

const ROOT = join(import.meta.dirname, '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const NPM_ENV = { ...process.env, npm_config_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', npm_config_loglevel: 'error' };

/** A code block of the README's "Add waml to a project", by the name of its marker. */
function block(name: string): string {
  const m = new RegExp(`<!-- add:${name} -->\\n\`\`\`\\w*\\n([\\s\\S]*?)\`\`\`\\n`).exec(README);
  if (!m) throw new Error(`README has no block <!-- add:${name} -->`);
  return m[1]!;
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = NPM_ENV): SpawnSyncReturns<string> {
  const r = spawnSync(command, args, { cwd, env, encoding: 'utf8' });
  assert.is(r.status, 0, `${command} ${args.join(' ')} in ${cwd}:\n${r.stdout}\n${r.stderr}`);
  return r;
}

const work = mkdtempSync(join(tmpdir(), 'waml-pack-'));
const tarballs = join(work, 'tarballs');
mkdirSync(tarballs);

interface Packed {
  name: string;
  filename: string;
  unpackedSize: number;
  files: { path: string }[];
}
// Scripts are not run: the test suite runs after `npm run build`.
const packed = JSON.parse(run('npm', ['pack', '--ignore-scripts', '--json', '--workspaces', '--include-workspace-root', '--pack-destination', tarballs], ROOT).stdout) as Packed[];
const waml = packed.find((p) => p.name === 'waml')!;
const runtime = packed.find((p) => p.name === '@waml/runtime')!;

/**
 * The tarball(s) for each package the README installs: waml's own, and the dev tools packed
 * from this repository's installed copies, with their dependencies.
 */
const tarballOf = new Map<string, string[]>([
  ['waml', [join(tarballs, waml.filename)]],
  ['@waml/runtime', [join(tarballs, runtime.filename)]],
]);
function packInstalled(name: string): string[] {
  const dir = join(ROOT, 'node_modules', name);
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  const out = JSON.parse(run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', tarballs, dir], ROOT).stdout) as Packed[];
  return [join(tarballs, out[0]!.filename), ...Object.keys(pkg.dependencies ?? {}).flatMap(packInstalled)];
}
for (const name of ['typescript', '@types/node']) tarballOf.set(name, packInstalled(name));

/** Runs one line of a README shell block, installing named packages from their tarballs. */
function runLine(line: string, cwd: string, env: NodeJS.ProcessEnv = NPM_ENV): SpawnSyncReturns<string> {
  const [command, ...args] = line.split(/\s+/);
  const install = command === 'npm' && args[0] === 'install';
  return run(command!, install ? args.flatMap((a) => tarballOf.get(a) ?? [a]) : args, cwd, env);
}

test('npm pack: each package carries its LICENSE, what its exports name, and no lifecycle scripts', () => {
  const paths = new Set(waml.files.map((f) => f.path));
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { exports: Record<string, unknown>; bin: Record<string, string>; scripts: Record<string, string> };
  const named = (v: unknown): string[] => (typeof v === 'string' ? [v] : Object.values(v as Record<string, unknown>).flatMap(named));
  for (const file of [...named(pkg.exports), ...Object.values(pkg.bin)]) assert.ok(paths.has(file.replace(/^\.\//, '')), `waml's tarball lacks ${file}`);
  for (const file of ['LICENSE', 'README.md', 'package.json', 'dist/cli/waml.cjs', 'dist/cli/lsp.cjs', 'dist/cli/help.cjs', 'bin/waml.cjs']) assert.ok(paths.has(file), file);
  assert.equal([...paths].filter((p) => /^(test|scripts|bench|runtime|grammar|examples)\//.test(p) || (p.startsWith('compiler/') && !p.endsWith('.json'))), []);
  // npm runs these by itself (prepare on git installs, pre/post scripts around others): none may ship.
  const lifecycle = ['preinstall', 'install', 'postinstall', 'prepare', 'prepack', 'postpack', 'prepublish', 'prepublishOnly', 'pretest', 'posttest'];
  assert.equal(Object.keys(pkg.scripts).filter((s) => lifecycle.includes(s)), []);
  const runtimePkg = JSON.parse(readFileSync(join(ROOT, 'packages/runtime/package.json'), 'utf8')) as { exports: Record<string, unknown>; scripts?: unknown; dependencies?: unknown };
  assert.equal(runtimePkg.scripts, undefined);
  assert.equal(runtimePkg.dependencies, undefined);
  const runtimePaths = runtime.files.map((f) => f.path).sort();
  assert.ok(runtimePaths.includes('LICENSE') && runtimePaths.includes('README.md'));
  for (const file of named(runtimePkg.exports)) assert.ok(runtimePaths.includes(file.replace(/^\.\//, '')), `@waml/runtime's tarball lacks ${file}`);
  assert.equal(runtimePaths.filter((p) => !/^(LICENSE|README\.md|package\.json|dist\/[a-z-]+\.(js|cjs|d\.ts|d\.cts))$/.test(p)), []);
  assert.ok(runtime.unpackedSize < 1_000_000, `@waml/runtime is ${runtime.unpackedSize} bytes`);
});

interface Request {
  method: string;
  url: string;
  authorization: string | undefined;
  body: unknown;
}

/** A fake Graph API on 127.0.0.1: records each request and answers as Meta does. */
async function fakeGraph(): Promise<{ url: string; requests: Request[]; close: () => void }> {
  const requests: Request[] = [];
  const server = createServer(async (req: IncomingMessage, res) => {
    let text = '';
    for await (const chunk of req) text += chunk;
    const body = JSON.parse(text) as { to: string };
    requests.push({ method: req.method!, url: req.url!, authorization: req.headers.authorization, body });
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ messaging_product: 'whatsapp', contacts: [{ input: body.to, wa_id: body.to }], messages: [{ id: `wamid.SENT${requests.length}` }] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests, close: () => server.close() };
}

/** Node 20.10-20.18 cannot require() an ES module; later versions can unless told not to. */
const NO_REQUIRE_ESM = process.allowedNodeEnvironmentFlags.has('--no-experimental-require-module') ? ['--no-experimental-require-module'] : [];

const ENTRY_NAMES = ['waml', 'waml/runtime', 'waml/esbuild', 'waml/rollup', 'waml/vite', '@waml/runtime'];
/** A use of each public entry that type-checks only with its declarations. */
const ENTRIES = `import { compile, type CompileResult } from 'waml';
import { createClient, type Client } from 'waml/runtime';
import { waml as esbuildPlugin } from 'waml/esbuild';
import { waml as rollupPlugin } from 'waml/rollup';
import { waml as vitePlugin } from 'waml/vite';
import { verifySignature } from '@waml/runtime';

export const result: CompileResult = compile([{ path: 'a.wa.yaml', text: 'messages: {}' }]);
export const client: Client = createClient({ phoneNumberId: '1', accessToken: 't' });
export const names: string[] = [esbuildPlugin().name, rollupPlugin().name, vitePlugin().name];
export const valid: Promise<boolean> = verifySignature({ body: '{}', signature: null, appSecret: 'secret' }).then((v) => v.valid);
`;

const SECRET = 'app-secret-for-tests';
const VERIFY_TOKEN = 'verify-token-for-tests';
const PHONE_ID = '106540352242922';
const FROM = '15551230000';

function envelope(message: Record<string, unknown>): string {
  return JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [{ id: '102290129340398', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '15550783881', phone_number_id: PHONE_ID }, contacts: [{ profile: { name: 'Asha' }, wa_id: FROM }], messages: [{ from: FROM, timestamp: '1700000000', ...message }] } }] }],
  });
}

/** Posts `raw`, signed with the app secret (or the signature of `signed` when it is other text). */
async function post(url: string, raw: string, signed: boolean | string): Promise<number> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (signed !== false) headers['x-hub-signature-256'] = `sha256=${createHmac('sha256', SECRET).update(signed === true ? raw : signed).digest('hex')}`;
  return (await fetch(url, { method: 'POST', headers, body: raw })).status;
}

/** The README's steps, in a new app of that kind, outside this repository. */
async function readmeApp(kind: 'esm' | 'cjs'): Promise<void> {
  const app = join(work, `${kind}-app`);
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), `${JSON.stringify(kind === 'esm' ? { name: 'esm-app', private: true, type: 'module' } : { name: 'cjs-app', private: true }, null, 2)}\n`);

  // Install and init.
  const installOut = block('install').trim().split('\n').map((line) => runLine(line, app));
  assert.match(installOut.at(-1)!.stdout, /wrote messages\/welcome\.wa\.yaml/);
  assert.match(installOut.at(-1)!.stdout, /next: npm run messages/); // both installs are already listed
  // Scripts: init wrote the README's `messages` script; the README adds build and start.
  const scripts = (JSON.parse(block('scripts')) as { scripts: Record<string, string> }).scripts;
  const pkg = JSON.parse(readFileSync(join(app, 'package.json'), 'utf8')) as { scripts: Record<string, string>; dependencies: Record<string, string>; devDependencies: Record<string, string> };
  assert.is(pkg.scripts['messages'], scripts['messages']);
  assert.ok(pkg.dependencies['@waml/runtime'] && pkg.devDependencies['waml'] && !pkg.dependencies['waml']);
  writeFileSync(join(app, 'package.json'), `${JSON.stringify({ ...pkg, scripts: { ...pkg.scripts, ...scripts } }, null, 2)}\n`);
  writeFileSync(join(app, 'tsconfig.json'), block('tsconfig'));
  mkdirSync(join(app, 'src'));
  writeFileSync(join(app, 'src/app.ts'), block('app'));

  // Types for a bundler's import of the .wa.yaml itself: precise, not `any`.
  for (const line of block('types').trim().split('\n')) runLine(line, app);
  assert.ok(statSync(join(app, 'messages/welcome.wa.d.yaml.ts')).isFile());
  const checkDir = join(app, 'typed');
  mkdirSync(checkDir);
  writeFileSync(join(checkDir, 'route.ts'), `${block('import')}\n// @ts-expect-error: no button of the message has this id\nexport const wrong = (m: InboundMessage): boolean => welcome.parseReply(m)?.id === 'cancel';\n`);
  writeFileSync(join(checkDir, 'tsconfig.json'), JSON.stringify({ extends: '../tsconfig.json', compilerOptions: { rootDir: '..', noEmit: true, allowArbitraryExtensions: true }, include: ['.'] }));
  run('npx', ['tsc', '-p', 'typed'], app);
  writeFileSync(join(checkDir, 'route.ts'), `${block('import')}\nexport const wrong = (m: InboundMessage): boolean => welcome.parseReply(m)?.id === 'cancel';\n`);
  const bad = spawnSync('npx', ['tsc', '-p', 'typed'], { cwd: app, env: NPM_ENV, encoding: 'utf8' });
  assert.is(bad.status, 2, 'a wrong reply id is a type error');
  assert.match(bad.stdout, /TS2367/);

  // Every public entry, typed and loaded in this app's module system (require() of ES modules off).
  writeFileSync(join(checkDir, 'route.ts'), ENTRIES);
  run('npx', ['tsc', '-p', 'typed'], app);
  const load = kind === 'esm' ? `Promise.all(${JSON.stringify(ENTRY_NAMES)}.map((e) => import(e)))` : `Promise.resolve(${JSON.stringify(ENTRY_NAMES)}.map((e) => require(e)))`;
  const loaded = run(process.execPath, [...NO_REQUIRE_ESM, ...(kind === 'esm' ? ['--input-type=module'] : []), '-e', `${load}.then((ms) => console.log(ms.map((m) => Object.keys(m).length > 0).join()))`], app);
  assert.is(loaded.stdout.trim(), ENTRY_NAMES.map(() => 'true').join());
  rmSync(checkDir, { recursive: true });

  // Build, then keep only what runs.
  const [build, prune, start] = block('run').trim().split('\n');
  runLine(build!, app);
  const compiled = readFileSync(join(app, 'dist/app.js'), 'utf8');
  if (kind === 'cjs') assert.match(compiled, /require\("@waml\/runtime"\)/);
  else assert.match(compiled, /from '@waml\/runtime'/);
  runLine(prune!, app);
  const installed = readdirSync(join(app, 'node_modules'))
    .filter((n) => !n.startsWith('.'))
    .flatMap((n) => (n.startsWith('@') ? readdirSync(join(app, 'node_modules', n)).map((m) => `${n}/${m}`) : [n]));
  assert.equal(installed, ['@waml/runtime']);
  const size = (dir: string): number => readdirSync(dir, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? size(join(dir, e.name)) : statSync(join(dir, e.name)).size), 0);
  assert.ok(size(join(app, 'node_modules')) < 1_000_000);

  // Run it: a text message gets the menu (sent to the fake Graph API), a button reply is routed.
  const graph = await fakeGraph();
  const nodeOptions = NO_REQUIRE_ESM.join(' ');
  const [command, ...args] = start!.split(/\s+/);
  const child = spawn(command!, args, {
    cwd: app,
    detached: true,
    env: { ...NPM_ENV, NODE_OPTIONS: nodeOptions, PORT: '0', WA_PHONE_NUMBER_ID: PHONE_ID, WA_ACCESS_TOKEN: 'test-token', WA_APP_SECRET: SECRET, WA_VERIFY_TOKEN: VERIFY_TOKEN, WA_GRAPH_URL: graph.url },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  /** The app's next line of output that is its own (not npm's banner). */
  const nextLine = async (): Promise<string> => {
    for (;;) {
      const r = await lines.next();
      if (r.done) throw new Error(`the app ended: ${stderr}`);
      if (r.value.trim() !== '' && !r.value.startsWith('>')) return r.value;
    }
  };
  try {
    const port = /^listening on (\d+)$/.exec(await nextLine())?.[1];
    assert.ok(port, 'the app says where it listens');
    const hook = `http://127.0.0.1:${port}/webhook`;
    // The GET handshake, as the app dashboard makes it when the endpoint is set.
    const handshake = await fetch(`${hook}?hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=1158201444`);
    assert.equal([handshake.status, await handshake.text()], [200, '1158201444']);
    assert.is((await fetch(`${hook}?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1`)).status, 403);
    const hello = envelope({ id: 'wamid.IN1', type: 'text', text: { body: 'hi' } });
    assert.is(await post(hook, hello, false), 401, 'an unsigned webhook is refused');
    assert.is(await post(hook, hello, 'hi there'), 401, 'a signature of other bytes is refused');
    assert.is(await post(hook, hello, true), 200);
    assert.is(await nextLine(), `sent wamid.SENT1 to ${FROM}`);
    const starter = readFileSync(join(app, 'messages/welcome.wa.yaml'), 'utf8');
    const expected = JSON.parse(compile([{ path: 'welcome.wa.yaml', text: starter }], { to: FROM }).outputs[0]!.text) as unknown;
    assert.equal(graph.requests.map((r) => [r.method, r.url, r.authorization]), [['POST', `/v23.0/${PHONE_ID}/messages`, 'Bearer test-token']]);
    assert.equal(graph.requests[0]!.body, expected);
    const reply = envelope({ id: 'wamid.IN2', type: 'interactive', context: { from: '15550783881', id: 'wamid.SENT1' }, interactive: { type: 'button_reply', button_reply: { id: 'track_order', title: 'Track my order' } } });
    assert.is(await post(hook, reply, true), 200);
    assert.is(await nextLine(), `${FROM} chose track_order`);
    assert.is(graph.requests.length, 1, 'a reply sends nothing');
  } finally {
    process.kill(-child.pid!, 'SIGTERM');
    graph.close();
  }
}

test('README "Add waml to a project" in a new ES module app: install, init, build, prune, send, receive, typed import', async () => {
  await readmeApp('esm');
});

test('the same in a new CommonJS app, with require() of ES modules turned off', async () => {
  await readmeApp('cjs');
});

test.after(() => rmSync(work, { recursive: true, force: true }));

test.run();
