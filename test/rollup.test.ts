import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rollup, type RollupLog } from 'rollup';
import { build as viteBuild } from 'vite';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { waml } from 'waml/rollup';
import { waml as vitePlugin } from 'waml/vite';
import { compile } from '../compiler/index.js';

const ROOT = join(import.meta.dirname, '..');
mkdirSync(join(import.meta.dirname, '.tmp'), { recursive: true });

test('an app bundled with Rollup (as Vite does) imports a .wa.yaml and builds the same body as the JSON output', async () => {
  const dir = mkdtempSync(join(import.meta.dirname, '.tmp', 'rollup-'));
  const menu = readFileSync(join(ROOT, 'examples/support-menu.wa.yaml'), 'utf8');
  writeFileSync(join(dir, 'menu.wa.yaml'), menu);
  writeFileSync(join(dir, 'app.js'), "import { helpMenu } from './menu.wa.yaml';\nprocess.stdout.write(JSON.stringify(helpMenu.build('12015550123'), null, 2) + '\\n');\n");
  const logs: RollupLog[] = [];
  const bundle = await rollup({ input: join(dir, 'app.js'), external: ['@waml/runtime'], plugins: [waml()], onLog: (_level, log) => void logs.push(log) });
  await bundle.write({ file: join(dir, 'out.mjs'), format: 'es' });
  assert.equal(logs, []);
  const run = spawnSync(process.execPath, [join(dir, 'out.mjs')], { encoding: 'utf8' });
  assert.is(run.status, 0, run.stderr);
  assert.is(run.stdout, compile([{ path: 'menu.wa.yaml', text: menu }], { to: '12015550123' }).outputs[0]!.text);
  rmSync(dir, { recursive: true });
});

test("waml's errors stop the Rollup build at their file, line and column; warnings are Rollup's", async () => {
  const dir = mkdtempSync(join(import.meta.dirname, '.tmp', 'rollup-'));
  writeFileSync(join(dir, 'bad.wa.yaml'), 'messages:\n  m:\n    type: button\n    body: Hi\n    buttons: [{ id: a, title: Twenty-one characters }]\n');
  writeFileSync(join(dir, 'warn.wa.yaml'), 'messages:\n  m:\n    type: list\n    body: Hi\n    button: Open\n    sections:\n      - rows: [{ id: a, title: A }]\n');
  writeFileSync(join(dir, 'app.js'), "import { m } from './bad.wa.yaml';\nconsole.log(m);\n");
  writeFileSync(join(dir, 'ok.js'), "import { m } from './warn.wa.yaml';\nconsole.log(m);\n");
  const error = (await rollup({ input: join(dir, 'app.js'), external: ['@waml/runtime'], plugins: [waml()], onLog: () => undefined }).catch((e: unknown) => e)) as RollupLog;
  assert.match(error.message, /button title is 21 characters; the limit is 20 \[WA301\]/);
  assert.is(error.code, 'PLUGIN_ERROR');
  assert.is(error.pluginCode, 'WA301');
  // Rollup's locations are 1-based lines and 0-based columns.
  assert.equal(error.loc, { file: join(dir, 'bad.wa.yaml'), line: 5, column: 30 });
  const warnings: RollupLog[] = [];
  await rollup({ input: join(dir, 'ok.js'), external: ['@waml/runtime'], plugins: [waml()], onLog: (level, log) => void (level === 'warn' && warnings.push(log)) });
  assert.is(warnings.length, 1);
  assert.is(warnings[0]!.pluginCode, 'WA410');
  assert.equal(warnings[0]!.loc, { file: join(dir, 'warn.wa.yaml'), line: 7, column: 8 });
  rmSync(dir, { recursive: true });
});

test('an app built with Vite (its own Rollup and esbuild) imports a .wa.yaml; an error stops the build at its place', async () => {
  const dir = mkdtempSync(join(import.meta.dirname, '.tmp', 'vite-'));
  const menu = readFileSync(join(ROOT, 'examples/support-menu.wa.yaml'), 'utf8');
  writeFileSync(join(dir, 'menu.wa.yaml'), menu);
  writeFileSync(join(dir, 'app.ts'), "import { helpMenu } from './menu.wa.yaml';\nprocess.stdout.write(JSON.stringify(helpMenu.build('12015550123'), null, 2) + '\\n');\n");
  const config = (entry: string) => ({ root: dir, configFile: false as const, logLevel: 'silent' as const, plugins: [vitePlugin()], build: { ssr: join(dir, entry), outDir: join(dir, 'out'), rollupOptions: { output: { entryFileNames: 'app.mjs' } } } });
  await viteBuild(config('app.ts'));
  const run = spawnSync(process.execPath, [join(dir, 'out/app.mjs')], { encoding: 'utf8' });
  assert.is(run.status, 0, run.stderr);
  assert.is(run.stdout, compile([{ path: 'menu.wa.yaml', text: menu }], { to: '12015550123' }).outputs[0]!.text);
  writeFileSync(join(dir, 'bad.wa.yaml'), 'messages:\n  m:\n    type: button\n    body: Hi\n    buttons: [{ id: a, title: Twenty-one characters }]\n');
  writeFileSync(join(dir, 'bad.ts'), "import { m } from './bad.wa.yaml';\nconsole.log(m);\n");
  const error = (await viteBuild(config('bad.ts')).catch((e: unknown) => e)) as RollupLog;
  assert.match(error.message, /button title is 21 characters; the limit is 20 \[WA301\]/);
  assert.equal(error.loc, { file: join(dir, 'bad.wa.yaml'), line: 5, column: 30 });
  rmSync(dir, { recursive: true });
});

test('the plugin leaves every other module to the bundler', async () => {
  const plugin = waml();
  const context = { warn: () => assert.unreachable('no warning'), error: (): never => assert.unreachable('no error') as never };
  assert.is(await plugin.transform.call(context, 'export const a = 1;', '/app/src/a.ts'), null);
  assert.is(await plugin.transform.call(context, 'a: 1', '/app/config.yaml'), null);
});

test.run();
