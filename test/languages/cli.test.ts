import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { LIMITS, TEMPLATE_LANGUAGES } from '../../compiler/index.js';

const ROOT = join(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/waml.js');

function waml(args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const MENU = `languages: [en_US, de, es]
params:
  name: { type: string, maxLength: 8 }
messages:
  help_menu:
    type: button
    body: { en_US: "Hi {{ name }}", de: "Hallo {{ name }}", es: "Hola {{ name }}" }
    buttons:
      - { id: track, title: { en_US: Track order, de: Bestellung nachverfolgen, es: Seguir pedido } }
`;
const SINGLE = 'messages:\n  pickup:\n    type: location_request_message\n    body: Share your location\n';

function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'waml-languages-'));
  writeFileSync(join(dir, 'menu.wa.yaml'), MENU);
  writeFileSync(join(dir, 'single.wa.yaml'), SINGLE);
  writeFileSync(join(dir, 'data.json'), '{ "name": "Asha" }');
  return dir;
}

test('check: the German title over its limit is reported at its line and column, naming the language', () => {
  const dir = project();
  const r = waml(['check', '.', '--format', 'gcc'], dir);
  assert.is(r.status, 1);
  assert.is(r.stdout.trim(), 'menu.wa.yaml:9:55: error: button title is 24 characters; the limit is 20 (de) [WA301]');
  rmSync(dir, { recursive: true });
});

test('build --language es,en_US builds those languages only, checked alone; the other file as always', () => {
  const dir = project();
  const r = waml(['build', '.', '--out', 'out', '--data', 'data.json', '--language', 'es,en_US'], dir);
  assert.is(r.stdout, 'no problems in 2 files\n');
  assert.is(r.status, 0);
  assert.equal(readdirSync(join(dir, 'out')).sort(), ['menu.help_menu.en_US.json', 'menu.help_menu.es.json', 'single.pickup.json']);
  assert.is(JSON.parse(readFileSync(join(dir, 'out/menu.help_menu.es.json'), 'utf8')).interactive.body.text, 'Hola Asha');
  rmSync(dir, { recursive: true });
});

test('--language repeated adds to the list; the same as a comma list', () => {
  const dir = project();
  const r = waml(['build', '.', '--out', 'out', '--data', 'data.json', '--language', 'es', '--language=en_US'], dir);
  assert.is(r.status, 0);
  assert.equal(readdirSync(join(dir, 'out')).sort(), ['menu.help_menu.en_US.json', 'menu.help_menu.es.json', 'single.pickup.json']);
  rmSync(dir, { recursive: true });
});

test('--language with a code no message has, or that is no code, is one clear line and exit 2', () => {
  const dir = project();
  const none = waml(['check', '.', '--language', 'fr'], dir);
  assert.is(none.status, 2);
  assert.is(none.stderr, 'waml: --language fr: no message has this language; the messages have de, en_US, es\n');
  const bad = waml(['build', '.', '--out', 'out', '--language', 'en-US'], dir);
  assert.is(bad.status, 2);
  assert.match(bad.stderr, /^waml: `--language` takes language codes such as en_US,de; not `en-US` \(did you mean `en_US`\?\)\n/);
  rmSync(dir, { recursive: true });
});

test("the template language codes are Meta's list, in its order, as the fixture copied from Meta's page has them", () => {
  const listed = readFileSync(join(import.meta.dirname, '../fixtures/message-template-languages.txt'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
  assert.equal([...TEMPLATE_LANGUAGES], listed);
  assert.is(listed.length, 111);
  assert.is(LIMITS.tplLanguage.values, TEMPLATE_LANGUAGES);
  assert.match(LIMITS.tplLanguage.source, /Supported languages page/);
});

test.run();
