// `waml translations export | import`, spawned as a user runs it, on sources compiled by the
// real compiler: the round trip leaves sources byte-identical, an edit changes only its
// scalar, and problems are positioned in the translation file, never a stack trace.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin/waml.js');

function waml(args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const HELP = `# Help menu, in three languages
languages: [en_US, de, es]
messages:
  help_menu:
    type: button
    body:
      en_US: How can we help today?
      de: Wie können wir heute helfen?
      es: "¿Cómo podemos ayudarte hoy?"
    buttons:
      - id: track_order   # the id is the same in every language
        title: { en_US: Track order, de: 'Verfolgen', es: Seguir pedido }
      - id: talk
        title:
          en_US: Talk to us
          de: |-
            Mit uns reden
          es: Hablar
    footer: Acme
`;

function project(text = HELP): string {
  const dir = mkdtempSync(join(tmpdir(), 'waml-translations-'));
  mkdirSync(join(dir, 'menus'));
  writeFileSync(join(dir, 'menus/help.wa.yaml'), text);
  return dir;
}

test('export writes one XLIFF file per target language; import of the untouched files leaves the source byte-identical', () => {
  const dir = project();
  const e = waml(['translations', 'export', 'menus', '--out', 'translations'], dir);
  assert.is(e.status, 0, e.stderr);
  assert.equal(readdirSync(join(dir, 'translations')).sort(), ['en_US.de.xlf', 'en_US.es.xlf']);
  assert.is(e.stdout, 'translations/en_US.de.xlf: 4 units, 0 untranslated\ntranslations/en_US.es.xlf: 4 units, 0 untranslated\n');
  const before = statSync(join(dir, 'menus/help.wa.yaml')).mtimeMs;
  const i = waml(['translations', 'import', 'translations'], dir);
  assert.is(i.status, 0, i.stdout + i.stderr);
  assert.is(i.stdout, 'no problems in 2 files\n');
  assert.match(i.stderr, /nothing to import/);
  assert.is(readFileSync(join(dir, 'menus/help.wa.yaml'), 'utf8'), HELP);
  assert.is(statSync(join(dir, 'menus/help.wa.yaml')).mtimeMs, before, 'not even rewritten');
});

test('import of an edited target changes only that scalar, keeping a block scalar block and a byte order mark', () => {
  const dir = project(`\uFEFF${HELP.replace(/\n/g, '\r\n')}`);
  assert.is(waml(['translations', 'export', 'menus', '--out', 't'], dir).status, 0);
  const path = join(dir, 't/en_US.de.xlf');
  const xlf = readFileSync(path, 'utf8');
  writeFileSync(path, xlf.replace('<target>Verfolgen</target>', '<target>Paket: verfolgen</target>').replace('<target>Mit uns reden</target>', '<target>Sprechen Sie mit uns</target>'));
  const i = waml(['translations', 'import', 't/en_US.de.xlf'], dir);
  assert.is(i.status, 0, i.stdout + i.stderr);
  assert.match(i.stderr, 'imported 2 texts into menus/help.wa.yaml');
  const expected = `\uFEFF${HELP.replace("de: 'Verfolgen'", `de: 'Paket: verfolgen'`).replace('            Mit uns reden', '            Sprechen Sie mit uns').replace(/\n/g, '\r\n')}`;
  assert.is(readFileSync(join(dir, 'menus/help.wa.yaml'), 'utf8'), expected);
  assert.is(waml(['check', 'menus'], dir).status, 0);
});

test('an over-long translation is reported at its line in the translation file, and nothing is written', () => {
  const dir = project();
  assert.is(waml(['translations', 'export', 'menus', '--out', 't'], dir).status, 0);
  const path = join(dir, 't/en_US.de.xlf');
  const xlf = readFileSync(path, 'utf8');
  const edited = xlf.replace('<target>Verfolgen</target>', '<target>Bestellung verfolgen!</target>');
  writeFileSync(path, edited);
  const line = edited.slice(0, edited.indexOf('Bestellung verfolgen!')).split('\n').length;
  const i = waml(['translations', 'import', 't/en_US.de.xlf', '--format', 'gcc'], dir);
  assert.is(i.status, 1);
  assert.is(i.stdout, `t/en_US.de.xlf:${line}:17: error: \`de\` text of \`help_menu.buttons.0.title\` is 21 characters; the limit is 20 [WA808]\n`);
  assert.match(i.stderr, 'nothing imported');
  assert.is(readFileSync(join(dir, 'menus/help.wa.yaml'), 'utf8'), HELP);
});

test('malformed translation files are positioned diagnostics, never a stack trace', () => {
  const dir = project();
  assert.is(waml(['translations', 'export', 'menus', '--out', 't'], dir).status, 0);
  const path = join(dir, 't/en_US.de.xlf');
  const xlf = readFileSync(path, 'utf8');
  const cases: [string, string][] = [
    [xlf.replace('</segment>', '</segmnt>'), 'WA801'],
    [xlf.replace('id="help_menu.body"', 'id="help_menu.bod"'), 'WA805'],
    [xlf.replace('trgLang="de"', 'trgLang="fr"'), 'WA803'],
    [xlf.replace('\n</xliff>', ''), 'WA801'],
    ['\u0000\u0001', 'WA801'],
  ];
  for (const [text, code] of cases) {
    writeFileSync(path, text);
    const i = waml(['translations', 'import', 't/en_US.de.xlf', '--format', 'gcc'], dir);
    assert.is(i.status, 1, `${code}: ${i.stderr}`);
    assert.match(i.stdout, new RegExp(`^t/en_US\\.de\\.xlf:\\d+:\\d+: error: .* \\[${code}\\]$`, 'm'));
    assert.not.match(i.stderr + i.stdout, /internal error|at .*\.js:\d+/);
    assert.is(readFileSync(join(dir, 'menus/help.wa.yaml'), 'utf8'), HELP);
  }
});

test('export --language writes only those targets; import reports in every --format', () => {
  const dir = project();
  const e = waml(['translations', 'export', 'menus', '--out', 't', '--language', 'es'], dir);
  assert.is(e.status, 0, e.stderr);
  assert.equal(readdirSync(join(dir, 't')), ['en_US.es.xlf']);
  const none = waml(['translations', 'export', 'menus', '--out', 't', '--language', 'fr'], dir);
  assert.equal([none.status, none.stdout, none.stderr], [2, '', 'waml: no message has the language fr; nothing to export\n'], 'a language no message has is bad usage, as for check');
  const path = join(dir, 't/en_US.es.xlf');
  writeFileSync(path, readFileSync(path, 'utf8').replace('<target>Hablar</target>', '<target>Hablar con nosotros ahora mismo</target>'));
  const r = waml(['translations', 'import', 't', '--format', 'json'], dir);
  assert.is(r.status, 1);
  const report = JSON.parse(r.stdout) as { diagnostics: { file: string; code: string; range: { start: { line: number } } }[] };
  assert.equal(report.diagnostics.map((d) => [d.file, d.code]), [['t/en_US.es.xlf', 'WA808']]);
  assert.is(readFileSync(join(dir, 'menus/help.wa.yaml'), 'utf8'), HELP);
});

test('usage and unreadable files are one line, exit 2', () => {
  const dir = project();
  const cases: [string[], RegExp][] = [
    [['translations', 'export', 'menus'], /needs `--out DIR`/],
    [['translations', 'import'], /needs the translation files/],
    [['translations', 'import', 'nope.xlf'], /no such file or folder: nope\.xlf/],
    [['translations', 'frobnicate'], /unknown translations command/],
    [['translations', 'export', 'menus', '--out', 't', '--language', 'de/../x'], /--language` takes language codes/],
  ];
  for (const [args, message] of cases) {
    const r = waml(args, dir);
    assert.is(r.status, 2, args.join(' '));
    assert.match(r.stderr, message);
    assert.ok(r.stderr.trim().split('\n').length <= 2, r.stderr); // one line, and "Run … --help" for usage
  }
  assert.match(waml(['translations', '--help'], dir).stdout, /waml translations export/);
});

test('the examples, with a file in three languages: export then import with no edits leaves every source byte-identical', () => {
  const dir = mkdtempSync(join(tmpdir(), 'waml-translations-examples-'));
  cpSync(join(ROOT, 'examples'), join(dir, 'examples'), { recursive: true });
  writeFileSync(join(dir, 'examples/help-in-three-languages.wa.yaml'), HELP);
  const e = waml(['translations', 'export', 'examples', '--out', 'translations'], dir);
  assert.is(e.status, 0, e.stderr);
  const i = waml(['translations', 'import', 'translations'], dir);
  assert.is(i.status, 0, i.stdout + i.stderr);
  assert.match(i.stderr, /nothing to import/);
  for (const f of readdirSync(join(dir, 'examples'))) {
    const original = f === 'help-in-three-languages.wa.yaml' ? HELP : readFileSync(join(ROOT, 'examples', f), 'utf8');
    assert.is(readFileSync(join(dir, 'examples', f), 'utf8'), original, f);
  }
});

test.run();
