import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { build } from 'esbuild';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { waml } from 'waml/esbuild';
import { compile } from '../compiler/index.js';

const ROOT = join(import.meta.dirname, '..');
mkdirSync(join(import.meta.dirname, '.tmp'), { recursive: true });

test('an app bundled with esbuild imports a .wa.yaml and builds the same body as the JSON output', async () => {
  const dir = mkdtempSync(join(import.meta.dirname, '.tmp', 'app-'));
  const menu = readFileSync(join(ROOT, 'examples/support-menu.wa.yaml'), 'utf8');
  writeFileSync(join(dir, 'menu.wa.yaml'), menu);
  writeFileSync(join(dir, 'app.ts'), "import { helpMenu } from './menu.wa.yaml';\nprocess.stdout.write(JSON.stringify(helpMenu.build('12015550123'), null, 2) + '\\n');\n");
  const result = await build({ entryPoints: [join(dir, 'app.ts')], bundle: true, platform: 'node', format: 'esm', outfile: join(dir, 'out.mjs'), plugins: [waml()], logLevel: 'silent' });
  assert.equal(result.errors, []);
  const run = spawnSync(process.execPath, [join(dir, 'out.mjs')], { encoding: 'utf8' });
  assert.is(run.status, 0, run.stderr);
  const expected = compile([{ path: 'menu.wa.yaml', text: menu }], { to: '12015550123' }).outputs[0]!.text;
  assert.is(run.stdout, expected);
  rmSync(dir, { recursive: true });
});

test("waml's diagnostics become esbuild's errors, with file, line and column", async () => {
  const dir = mkdtempSync(join(import.meta.dirname, '.tmp', 'app-'));
  writeFileSync(join(dir, 'bad.wa.yaml'), 'messages:\n  m:\n    type: button\n    body: Hi\n    buttons: [{ id: a, title: Twenty-one characters }]\n');
  writeFileSync(join(dir, 'app.ts'), "import { m } from './bad.wa.yaml';\nconsole.log(m);\n");
  const error = await build({ entryPoints: [join(dir, 'app.ts')], bundle: true, platform: 'node', format: 'esm', write: false, plugins: [waml()], logLevel: 'silent' }).catch((e: { errors: { text: string; location: { file: string; line: number; column: number; lineText: string } }[] }) => e);
  const errors = (error as { errors?: { text: string; location: { file: string; line: number; column: number; lineText: string } }[] }).errors ?? [];
  assert.is(errors.length, 1);
  assert.match(errors[0]!.text, /button title is 21 characters; the limit is 20 \[WA301\]/);
  // esbuild reports files relative to the working folder and 0-based columns (its printer adds 1).
  assert.equal([errors[0]!.location.file, errors[0]!.location.line, errors[0]!.location.column], [relative(process.cwd(), join(dir, 'bad.wa.yaml')), 5, 30]);
  assert.match(errors[0]!.location.lineText, /Twenty-one characters/);
  rmSync(dir, { recursive: true });
});

test.run();
