// The translation files' stages on their own: the XLIFF writer (golden), the reader's
// positioned errors, the byte-keeping merge into YAML, and import's checks, driven by a small
// stand-in for the compiler's language index (the end-to-end tests with compile() are in
// translations-cli.test.ts).
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { isMap, isScalar, isSeq, parse, parseDocument, type Node as YamlNode } from 'yaml';
import { SourceText } from '../compiler/source.js';
import { exportXliff, fileId } from '../compiler/translations/export.js';
import { importTranslations, type Analysis } from '../compiler/translations/import.js';
import { applyEdits, doubleQuoted, plainOk } from '../compiler/translations/merge.js';
import type { TextFile, TranslatableText, TranslationIndex } from '../compiler/translations/model.js';
import { canonical, placeholders } from '../compiler/translations/placeholders.js';
import { readXliff } from '../compiler/translations/read.js';
import { analyze as realAnalyze } from '../compiler/translations/analyze.js';

const GOLDEN = join(import.meta.dirname, 'golden/translations');
const UPDATE = process.env['UPDATE_GOLDEN'] === '1';

/** Limits of the stand-in, by a field's last key. */
const LIMIT: Record<string, number> = { body: 1024, title: 20, footer: 60, button: 20 };
const PROSE = new Set(Object.keys(LIMIT));

/**
 * A stand-in for compile()'s language index: messages with `languages:`, texts as mappings
 * of languages or plain (shared) prose; lengths are code points (placeholders as written).
 */
function analyze(sources: readonly TextFile[]): Analysis {
  const index: TranslationIndex = { messages: [], texts: [] };
  for (const s of sources) {
    const doc = parseDocument(s.text);
    const messages = doc.get('messages', true);
    if (!isMap(messages)) continue;
    for (const pair of messages.items) {
      const name = String((pair.key as { value: unknown }).value);
      const m = pair.value;
      if (!isMap(m)) continue;
      const langs = m.get('languages', true);
      const languages = isSeq(langs) ? langs.items.map((i) => String((i as { value: unknown }).value)) : [];
      index.messages.push({ file: s.path, message: name, languages });
      if (languages.length < 2) continue;
      const found: Omit<TranslatableText, 'language' | 'text' | 'span' | 'length'>[] = [];
      const perLanguage = new Map<string, TranslatableText[]>(languages.map((l) => [l, []]));
      const walk = (node: YamlNode | null, path: string, last: string): void => {
        if (isSeq(node)) node.items.forEach((x, i) => walk(x as YamlNode, `${path}.${i}`, String(i)));
        else if (isMap(node)) {
          const keys = node.items.map((p) => String((p.key as { value: unknown }).value));
          if (keys.length > 0 && keys.every((k) => languages.includes(k))) {
            for (const l of languages) {
              const v = node.get(l, true);
              const text = isScalar(v) ? String(v.value) : null;
              perLanguage.get(l)!.push({
                file: s.path, message: name, field: path.slice(1), language: l, text, shared: false,
                span: isScalar(v) ? { start: v.range![0], end: v.range![1] } : null,
                maxLength: LIMIT[last] ?? null, length: { min: [...(text ?? '')].length, max: [...(text ?? '')].length },
                mapSpan: { start: node.range![0], end: trimEnd(s.text, node.range![1]) },
              });
            }
          } else for (const p of node.items) if (String((p.key as { value: unknown }).value) !== 'languages') walk(p.value as YamlNode, `${path}.${String((p.key as { value: unknown }).value)}`, String((p.key as { value: unknown }).value));
        } else if (isScalar(node) && PROSE.has(last)) {
          for (const l of languages) {
            const text = String(node.value);
            perLanguage.get(l)!.push({ file: s.path, message: name, field: path.slice(1), language: l, text, shared: true, span: { start: node.range![0], end: node.range![1] }, maxLength: LIMIT[last] ?? null, length: { min: [...text].length, max: [...text].length }, mapSpan: null });
          }
        }
      };
      walk(m, '', '');
      void found;
      for (const l of languages) index.texts.push(...perLanguage.get(l)!);
    }
  }
  return { index, diagnostics: [] };
}

function trimEnd(text: string, end: number): number {
  while (end > 0 && /\s/.test(text.charAt(end - 1))) end--;
  return end;
}

const HELP = `languages: [en_US, de, es]
messages:
  help_menu:
    languages: [en_US, de, es]
    type: button
    # the body, in three languages
    body:
      en_US: How can we help today, {{ name }}?
      de: Wie können wir heute helfen, {{name}}?
      es: "¿Cómo podemos ayudarte hoy, {{ name }}?"
    buttons:
      - id: track_order
        title: { en_US: Track order, de: 'Verfolgen', es: Seguir pedido }
      - id: talk
        title:
          en_US: Talk to us
          de: Mit uns reden
    footer: Acme Support
`;

// ---------------------------------------------------------------------------------------------
// Merge: every byte outside a replaced scalar stays.

const MERGE: { name: string; yaml: string; value: string; expected: string }[] = [
  { name: 'plain stays plain', yaml: 'a: Track order\nb: x\n', value: 'Verfolgen', expected: 'a: Verfolgen\nb: x\n' },
  { name: 'plain that would read as a number is quoted', yaml: 'a: Track\n', value: '1.50', expected: 'a: "1.50"\n' },
  { name: 'plain with ": " is quoted', yaml: 'a: Track\n', value: 'Hinweis: jetzt', expected: 'a: "Hinweis: jetzt"\n' },
  { name: 'plain with " #" is quoted', yaml: 'a: Track # note\n', value: 'Nr #1', expected: 'a: "Nr #1" # note\n' },
  { name: 'single-quoted stays single-quoted, quotes doubled', yaml: "a: 'x'\n", value: "l'été", expected: "a: 'l''été'\n" },
  { name: 'double-quoted with escapes', yaml: 'a: "x"\n', value: 'say "hi"\\ \ttab\nline', expected: 'a: "say \\"hi\\"\\\\ \\ttab\\nline"\n' },
  { name: 'a line break in a plain text becomes double-quoted', yaml: 'a: x\n', value: 'one\ntwo', expected: 'a: "one\\ntwo"\n' },
  { name: 'literal block keeps its style and indentation', yaml: 'a: |\n    one\n    two\nb: 1\n', value: 'eins\nzwei\n', expected: 'a: |\n    eins\n    zwei\nb: 1\n' },
  { name: 'literal block, no final line break: strip', yaml: 'a: |-\n  one\nb: 1\n', value: 'eins\n\nzwei', expected: 'a: |-\n  eins\n\n  zwei\nb: 1\n' },
  { name: 'folded block with one line', yaml: 'a: >-\n  one\n  two\nb: 1\n', value: 'eins zwei', expected: 'a: >-\n  eins zwei\nb: 1\n' },
  { name: 'folded block with line breaks stays folded (a break is an empty line)', yaml: 'a: >\n  one\nb: 1\n', value: 'eins\nzwei\n', expected: 'a: >\n  eins\n\n  zwei\nb: 1\n' },
  { name: 'folded block with two line breaks in a row', yaml: 'a: >-\n  one\nb: 1\n', value: 'eins\n\nzwei drei', expected: 'a: >-\n  eins\n\n\n  zwei drei\nb: 1\n' },
  { name: 'folded block with an indented line becomes literal', yaml: 'a: >\n  one\nb: 1\n', value: 'eins\n  zwei\n', expected: 'a: |\n  eins\n    zwei\nb: 1\n' },
  { name: 'a block text starting with a space is double-quoted', yaml: 'a: |\n  one\nb: 1\n', value: ' eins', expected: 'a: " eins"\nb: 1\n' },
  { name: 'control characters are escaped', yaml: 'a: x\n', value: 'a\u0007b\u0085c', expected: 'a: "a\\x07b\\x85c"\n' },
  { name: 'CRLF line ends around it stay', yaml: 'a: x\r\nb: y\r\n', value: 'z', expected: 'a: z\r\nb: y\r\n' },
  { name: 'emoji and a comment after', yaml: 'a: x   # keep\n', value: 'Hallo 👋', expected: 'a: Hallo 👋   # keep\n' },
];

for (const c of MERGE) {
  test(`merge: ${c.name}`, () => {
    const out = applyEdits(c.yaml, [{ kind: 'replace', start: c.yaml.indexOf(':') + 2, text: c.value }]);
    assert.is(out, c.expected);
    assert.is((parse(out) as Record<string, unknown>)['a'] !== undefined, true);
  });
}

test('merge: a value in a flow mapping, found by its offset', () => {
  const yaml = 'a: { en: Track, de: X }\n';
  const out = applyEdits(yaml, [{ kind: 'replace', start: yaml.indexOf('X'), text: 'Ja, bitte' }]);
  assert.is(out, 'a: { en: Track, de: "Ja, bitte" }\n');
  assert.equal(parse(out), { a: { en: 'Track', de: 'Ja, bitte' } });
});

test('merge: every value reads back exactly, whatever the text (double quotes when needed)', () => {
  const values = ['', ' ', 'x ', '- item', '? q', '@x', 'true', 'null', '~', '0x1F', '12:30', '{a}', '[a]', '*a', '&a', '!t', '|', '>', "'", '"', '#', 'a: b', 'a #b', 'tab\there', '\r', 'end\n\n', '\u2028', '\ufeffx', 'Ä\u0301'];
  for (const [style, start] of [['a: x\n', 3], ["a: 'x'\n", 3], ['a: "x"\n', 3], ['a: |\n  x\n', 3], ['a: >\n  x\n', 3], ['a: [x]\n', 4], ['a: {k: x}\n', 7]] as const) {
    for (const v of values) {
      const out = applyEdits(style, [{ kind: 'replace', start, text: v }]);
      const read = parse(out) as { a: unknown };
      const got = Array.isArray(read.a) ? read.a[0] : typeof read.a === 'object' && read.a !== null ? (read.a as { k: unknown }).k : read.a;
      assert.is(got, v, `${JSON.stringify(style)} with ${JSON.stringify(v)}: ${JSON.stringify(out)}`);
    }
  }
});

test('merge: any text, in any style, reads back as itself and leaves the rest of the file alone (property)', () => {
  const styles: [string, number][] = [['a: x # c\nb: 1\n', 3], ["a: 'x'\nb: 1\n", 3], ['a: "x"\nb: 1\n', 3], ['a: |\n  x\nb: 1\n', 3], ['a: >-\n  x\nb: 1\n', 3], ['a: [x, y]\nb: 1\n', 4], ['a: {k: x, j: y}\nb: 1\n', 7], ['- k: x\n  j: y\n', 5]];
  fc.assert(
    fc.property(fc.constantFrom(...styles), fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: fc.constantFrom('a', ' ', '\n', ':', '#', '"', "'", '\\', '{', ',', '-', '\t', '|', '>', '\r') })), ([yaml, start], value) => {
      const out = applyEdits(yaml, [{ kind: 'replace', start, text: value }]);
      const doc = parseDocument(out);
      assert.equal(doc.errors, []);
      let found: unknown;
      const walk = (n: unknown): void => {
        if (isScalar(n) && n.range && n.range[0] === start) found = n.value;
        else if (isMap(n) || isSeq(n)) for (const item of n.items as unknown[]) (isMap(n) ? [(item as { key: unknown }).key, (item as { value: unknown }).value] : [item]).forEach(walk);
      };
      walk(doc.contents);
      assert.is(found, value);
      // Before the scalar, every byte is as it was; after it, the file's tail is unchanged.
      assert.is(out.slice(0, start), yaml.slice(0, start));
      const tail = yaml.slice(yaml.indexOf('\n', start));
      assert.ok(out.endsWith(tail.slice(tail.indexOf('b:') === -1 ? tail.length : tail.indexOf('b:'))));
    }),
    { numRuns: 400 },
  );
});

test('merge: a missing language is added to a flow mapping and to a block mapping', () => {
  const flow = 'title: { en_US: Track order, de: Verfolgen }\n';
  const m1 = { start: flow.indexOf('{'), end: flow.indexOf('}') + 1 };
  assert.is(applyEdits(flow, [{ kind: 'insert', map: m1, key: 'es', text: 'Seguir pedido' }]), 'title: { en_US: Track order, de: Verfolgen, es: Seguir pedido }\n');
  const block = 'x:\n  title:\n    en_US: Talk\n    de: Reden\n  next: 1\n';
  const start = block.indexOf('en_US');
  const m2 = { start, end: block.indexOf('Reden') + 'Reden'.length };
  assert.is(applyEdits(block, [{ kind: 'insert', map: m2, key: 'es', text: 'Hablar: ya' }]), 'x:\n  title:\n    en_US: Talk\n    de: Reden\n    es: "Hablar: ya"\n  next: 1\n');
  const commented = 'title:\r\n  en_US: Talk\r\n  de: Reden   # informal\r\nnext: 1\r\n';
  const m3 = { start: commented.indexOf('en_US'), end: commented.indexOf('Reden') + 5 };
  assert.is(applyEdits(commented, [{ kind: 'insert', map: m3, key: 'es', text: 'Hablar' }]), 'title:\r\n  en_US: Talk\r\n  de: Reden   # informal\r\n  es: Hablar\r\nnext: 1\r\n');
  const seq = '- en_US: Talk\n  de: Reden\n';
  assert.equal(parse(applyEdits(seq, [{ kind: 'insert', map: { start: 2, end: seq.length - 1 }, key: 'es', text: 'Hablar' }])), [{ en_US: 'Talk', de: 'Reden', es: 'Hablar' }]);
});

test('plainOk and doubleQuoted agree with the YAML parser', () => {
  for (const v of ['Track order', 'Ümlaut ok', 'a-b', 'x:y', 'Nr. 1']) {
    assert.ok(plainOk(v, false), v);
    assert.is(parse(`k: ${v}`).k, v);
  }
  for (const v of ['yes', '1e3', '-x', 'a: b', '', ' x']) assert.not.ok(plainOk(v, false), v);
  for (const v of ['"\\', '\u0000\u001f\u007f', '😀\n\t']) assert.is(parse(`k: ${doubleQuoted(v)}`).k, v);
});

// ---------------------------------------------------------------------------------------------
// Placeholders.

test('placeholders are found by the template grammar, and compared without white space', () => {
  assert.equal(placeholders('Hi {{ name }}, {{ "}}" }} and {{ order.id | upper }}!'), ['{{ name }}', '{{ "}}" }}', '{{ order.id | upper }}']);
  assert.is(canonical('{{ order.id | truncate(3, " …") }}'), '{{order.id|truncate(3," …")}}');
  assert.is(canonical('{{name|upper}}'), canonical('{{ name | upper }}'));
});

// ---------------------------------------------------------------------------------------------
// Export: golden file.

const SOURCES = [{ path: 'menus/help.wa.yaml', text: HELP }];

test('export: one XLIFF 2.0 file per target language, with limits, lengths and protected placeholders (golden)', () => {
  const files = exportXliff(analyze(SOURCES).index);
  assert.equal(files.map((f) => [f.path, f.units, f.untranslated]), [['en_US.de.xlf', 4, 0], ['en_US.es.xlf', 4, 1]]);
  mkdirSync(GOLDEN, { recursive: true });
  for (const f of files) {
    const path = join(GOLDEN, f.path);
    if (UPDATE) writeFileSync(path, f.text);
    assert.fixture(f.text, readFileSync(path, 'utf8'), f.path);
  }
  const de = files[0]!.text;
  assert.match(de, '<unit id="help_menu.buttons.0.title" slr:sizeRestriction="20">');
  assert.match(de, '<note category="length" appliesTo="target">9 characters</note>');
  assert.match(de, '<ph id="1" dataRef="d2" canDelete="no" disp="{{name}}" equiv="{{name}}"/>');
  assert.match(de, '<unit id="help_menu.footer" translate="no"');
  assert.ok(exportXliff(analyze(SOURCES).index, ['es']).every((f) => f.target === 'es'));
});

test('export: file ids are name tokens; an unusual path is hashed, and its original kept', () => {
  assert.is(fileId('menus/help.wa.yaml'), 'menus:help.wa.yaml');
  assert.match(fileId('my menus/ä.wa.yaml'), /^f-[0-9a-f]{16}$/);
  assert.is.not(fileId('a b'), fileId('a c'));
});

// ---------------------------------------------------------------------------------------------
// Reading: positioned errors, never a throw.

function at(path: string, text: string, offset: number): string {
  const p = new SourceText(path, text).position(offset);
  return `${p.line}:${p.column}`;
}

const MALFORMED: { name: string; text: string; code: string; where: string }[] = [
  { name: 'unclosed tag', text: '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="de">\n  <file original="a">\n</xliff>\n', code: 'WA801', where: '3:8' },
  { name: 'not XML at all', text: 'msgid "x"\n', code: 'WA801', where: '1:1' },
  { name: 'a DOCTYPE', text: '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "aaaa">]>\n<x/>', code: 'WA801', where: '2:33' },
  { name: 'another root', text: '<?xml version="1.0"?>\n<tmx version="1.4"/>\n', code: 'WA802', where: '2:1' },
  { name: 'XLIFF 1.2', text: '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="1.2" srcLang="en" trgLang="de"/>', code: 'WA802', where: '1:63' },
  { name: 'no trgLang', text: '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en"/>', code: 'WA802', where: '1:1' },
  { name: 'a file without original', text: '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="de">\n  <file id="f">\n  </file>\n</xliff>', code: 'WA802', where: '2:3' },
  { name: 'a <pc> in a target', text: '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="de"><file original="a"><unit id="m.body"><segment><source>x</source><target>a <pc id="1">b</pc></target></segment></unit></file></xliff>', code: 'WA812', where: '1:168' },
  { name: 'an empty file', text: '', code: 'WA801', where: '1:1' },
  { name: 'a <cp/> of a lone surrogate', text: '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="de"><file original="a"><unit id="m.body"><segment><source>x</source><target>a<cp hex="D800"/></target></segment></unit></file></xliff>', code: 'WA812', where: '1:167' },
  { name: 'a <cp/> beyond Unicode', text: '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="de"><file original="a"><unit id="m.body"><segment><source>x</source><target>a<cp hex="110000"/></target></segment></unit></file></xliff>', code: 'WA812', where: '1:167' },
];

for (const c of MALFORMED) {
  test(`read: ${c.name} is ${c.code} at ${c.where}`, () => {
    const r = readXliff('de.xlf', c.text);
    assert.is(r.diagnostics.length > 0, true, 'a diagnostic');
    assert.is(r.diagnostics[0]!.code, c.code);
    assert.is(at('de.xlf', c.text, r.diagnostics[0]!.span.start), c.where);
  });
}

test('read: segments and ignorables are joined; <cp/> and <mrk> are text; a CR survives', () => {
  const text = '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="de"><file original="a"><unit id="m.body"><originalData><data id="d1">{{ n }}</data></originalData><segment><source>A.</source><target>Eins.</target></segment><ignorable><source> </source></ignorable><segment><source>B <ph id="1" dataRef="d1"/></source><target><mrk id="m1" type="term">Zwei</mrk> <ph id="1" dataRef="d1"/><cp hex="0007"/>&#13;</target></segment></unit></file></xliff>';
  const r = readXliff('de.xlf', text);
  assert.equal(r.diagnostics, []);
  const unit = r.document!.files[0]!.units[0]!;
  assert.is(unit.source!.text, 'A. B {{ n }}');
  assert.is(unit.target!.text, 'Eins. Zwei {{ n }}\u0007\r');
});

// ---------------------------------------------------------------------------------------------
// Import.

function run(translations: TextFile[], sources: TextFile[] = SOURCES) {
  return importTranslations({ translations, sources, analyze });
}

function exported(language: string): TextFile {
  const f = exportXliff(analyze(SOURCES).index).find((x) => x.target === language)!;
  return { path: `translations/${f.path}`, text: f.text };
}

test('import: a round trip with no edits changes nothing, byte for byte', () => {
  const r = run([exported('de'), exported('es')]);
  assert.equal(r.diagnostics, []);
  assert.equal(r.changed, []);
  assert.is(r.units, 8);
});

test('import: a translated target replaces only its scalar; a missing language is added', () => {
  const de = exported('de');
  const es = exported('es');
  const r = run([
    { path: de.path, text: de.text.replace('<target>Verfolgen</target>', '<target>Paket verfolgen</target>') },
    { path: es.path, text: es.text.replace('<source>Talk to us</source>\n', '<source>Talk to us</source>\n        <target>Hablar: ya</target>\n') },
  ]);
  assert.equal(r.diagnostics, []);
  assert.is(r.texts, 2);
  const expected = HELP.replace("de: 'Verfolgen'", "de: 'Paket verfolgen'").replace('          de: Mit uns reden\n', '          de: Mit uns reden\n          es: "Hablar: ya"\n');
  assert.is(r.changed[0]!.text, expected);
});

function unitTarget(file: TextFile, from: string, to: string): TextFile {
  assert.ok(file.text.includes(from), from);
  return { path: file.path, text: file.text.replace(from, to) };
}

const IMPORT_ERRORS: { name: string; edit: (f: TextFile) => TextFile; code: string; where: string; message?: RegExp }[] = [
  { name: 'an over-long title', edit: (f) => unitTarget(f, '<target>Verfolgen</target>', '<target>Bestellung verfolgen!</target>'), code: 'WA808', where: '29:17', message: /`de` text of `help_menu.buttons.0.title` is 21 characters; the limit is 20/ },
  { name: 'a missing placeholder', edit: (f) => unitTarget(f, ', <ph id="1" dataRef="d2" canDelete="no" disp="{{name}}" equiv="{{name}}"/>?', '?'), code: 'WA806', where: '18:17' },
  { name: 'an unknown placeholder', edit: (f) => unitTarget(f, 'helfen, <ph', 'helfen {{ other }}, <ph'), code: 'WA807', where: '18:17' },
  { name: 'a <ph/> with unknown data', edit: (f) => unitTarget(f, '<target>Wie können wir heute helfen, <ph id="1" dataRef="d2" canDelete="no" disp="{{name}}" equiv="{{name}}"/>', '<target>Wie können wir heute helfen, <ph id="1" dataRef="d9"/>'), code: 'WA807', where: '18:46' },
  { name: 'an unknown unit', edit: (f) => unitTarget(f, 'id="help_menu.body"', 'id="help_menu.bodies"'), code: 'WA805', where: '6:15' },
  { name: 'an unknown message', edit: (f) => unitTarget(f, 'id="help_menu.body"', 'id="other.body"'), code: 'WA805', where: '6:15' },
  { name: 'a wrong target language', edit: (f) => unitTarget(f, 'trgLang="de"', 'trgLang="fr"'), code: 'WA803', where: '3:150' },
  { name: 'a wrong source language', edit: (f) => unitTarget(f, 'srcLang="en-US"', 'srcLang="de"'), code: 'WA803', where: '3:134' },
  { name: 'an unknown source file', edit: (f) => unitTarget(f, 'original="menus/help.wa.yaml"', 'original="menus/gone.wa.yaml"'), code: 'WA804', where: '4:43' },
  { name: 'a changed shared text', edit: (f) => unitTarget(f, '<target>Acme Support</target>', '<target>Acme Hilfe</target>'), code: 'WA810', where: '51:17' },
  { name: 'a unit given twice', edit: (f) => unitTarget(f, '  </file>', `    <unit id="help_menu.body"><segment><source>x</source></segment></unit>\n  </file>`), code: 'WA813', where: '54:15' },
];

for (const c of IMPORT_ERRORS) {
  test(`import: ${c.name} is ${c.code} at ${c.where} in the translation file, and nothing changes`, () => {
    const file = c.edit(exported('de'));
    const r = run([file]);
    const d = r.diagnostics.find((x) => x.code === c.code);
    assert.ok(d, `${c.code} among ${r.diagnostics.map((x) => x.code).join(', ')}`);
    assert.is(d!.file, file.path);
    assert.is(at(file.path, file.text, d!.span.start), c.where);
    if (c.message) assert.match(d!.message, c.message);
    assert.equal(r.changed, []);
  });
}

test('import: a stale source text is a warning, and the translation still goes in', () => {
  const file = unitTarget(exported('de'), '<source>Track order</source>\n        <target>Verfolgen</target>', '<source>Track my order</source>\n        <target>Folgen</target>');
  const r = run([file]);
  assert.equal(r.diagnostics.map((d) => [d.code, d.severity, at(file.path, file.text, d.span.start)]), [['WA814', 'warning', '28:17']]);
  assert.match(r.changed[0]!.text, "de: 'Folgen'");
});

test('import: an untranslated (empty or absent) target is skipped', () => {
  const r = run([unitTarget(exported('de'), '<target>Verfolgen</target>', '<target></target>')]);
  assert.equal(r.diagnostics, []);
  assert.equal(r.changed, []);
});

test('import, compiled for real: a text with placeholders possibly over its limit is WA809, a warning, and goes in', () => {
  const yaml = 'languages: [en_US, de]\nmessages:\n  m:\n    type: button\n    params:\n      item: { type: string, maxLength: 10 }\n    body: { en_US: Pick one, de: Eins wählen }\n    buttons:\n      - id: a\n        title: { en_US: "Track {{ item }}", de: "{{ item }} folgen" }\n';
  const sources = [{ path: 'm.wa.yaml', text: yaml }];
  const de = exportXliff(realAnalyze(sources).index).find((f) => f.target === 'de')!;
  const text = de.text.replace(/(<target><ph [^>]*\/>) folgen<\/target>/, '$1 verfolgen, bitte</target>');
  assert.is.not(text, de.text);
  const r = importTranslations({ translations: [{ path: 'de.xlf', text }], sources, analyze: realAnalyze });
  assert.equal(r.diagnostics.map((d) => [d.code, d.severity, at('de.xlf', text, d.span.start)]), [['WA809', 'warning', `${text.slice(0, text.indexOf('<target><ph')).split('\n').length}:17`]]);
  assert.match(r.diagnostics[0]!.message, '`de` text of `m.buttons.0.title` may be longer than its limit of 20: it is 17 to 27 characters');
  assert.match(r.changed[0]!.text, 'de: "{{ item }} verfolgen, bitte" }');
});

test('import, compiled for real: a translation that breaks its message otherwise is WA811, quoting the compiler', () => {
  const yaml = 'languages: [en_US, de]\nmessages:\n  m:\n    type: location_request_message\n    body: { en_US: Share your location, de: Standort teilen }\n';
  const sources = [{ path: 'm.wa.yaml', text: yaml }];
  const de = exportXliff(realAnalyze(sources).index).find((f) => f.target === 'de')!;
  const text = de.text.replace('<target>Standort teilen</target>', '<target> </target>');
  const r = importTranslations({ translations: [{ path: 'de.xlf', text }], sources, analyze: realAnalyze });
  const line = text.slice(0, text.indexOf('<target> </target>')).split('\n').length;
  assert.equal(r.diagnostics.map((d) => [d.code, at('de.xlf', text, d.span.start)]), [['WA811', `${line}:17`]]);
  assert.match(r.diagnostics[0]!.message, /^`de` text of `m.body` makes its message invalid: .* \[WA303\]$/);
  assert.equal(r.changed, []);
});

test('import: malformed XML is one positioned WA801, not a throw', () => {
  const de = exported('de');
  const r = run([{ path: de.path, text: de.text.replace('</segment>', '</segmnt>') }]);
  assert.equal(r.diagnostics.map((d) => d.code), ['WA801']);
  assert.equal(r.changed, []);
});

// ---------------------------------------------------------------------------------------------
// Anchors and aliases: no import changes another language's text, or another use of a text.

function realRound(yaml: string, language: string, edit: (xlf: string) => string) {
  const sources = [{ path: 'm.wa.yaml', text: yaml }];
  const files = exportXliff(realAnalyze(sources).index);
  const file = files.find((f) => f.target === language)!;
  const text = edit(file.text);
  return { text, ids: [...file.text.matchAll(/<unit id="([^"]+)"/g)].map((m) => m[1]), result: importTranslations({ translations: [{ path: 'x.xlf', text }], sources, analyze: realAnalyze }) };
}

test('import: a language written as an alias of the default language gets its own scalar; the default text stays', () => {
  const yaml = 'languages: [en_US, de]\nmessages:\n  m:\n    type: location_request_message\n    body: { en_US: &g OK then, de: *g }\n';
  const { result } = realRound(yaml, 'de', (x) => x.replace('<target>OK then</target>', '<target>Also gut</target>'));
  assert.equal(result.diagnostics, []);
  assert.is(result.changed[0]!.text, yaml.replace('de: *g', 'de: Also gut'));
});

test('import: a sibling language aliased to another is replaced itself; changing the anchor owner is WA815', () => {
  const yaml = 'languages: [en_US, de, de_AT]\nmessages:\n  m:\n    type: location_request_message\n    body: { en_US: Hello, de: &g Guten Tag, de_AT: *g }\n';
  const at_ = realRound(yaml, 'de_AT', (x) => x.replace('<target>Guten Tag</target>', '<target>Servus</target>'));
  assert.equal(at_.result.diagnostics, []);
  assert.is(at_.result.changed[0]!.text, yaml.replace('de_AT: *g', 'de_AT: Servus'));
  const de = realRound(yaml, 'de', (x) => x.replace('<target>Guten Tag</target>', '<target>Hallo</target>'));
  assert.equal(de.result.diagnostics.map((d) => [d.code, at('x.xlf', de.text, d.span.start)]), [['WA815', `${de.text.slice(0, de.text.indexOf('<target>Hallo')).split('\n').length}:17`]]);
  assert.match(de.result.diagnostics[0]!.message, '`de_AT` text of `m.body`');
  assert.equal(de.result.changed, []);
});

const ALIASED_ROWS = `languages: [en_US, pt_BR, zh_CN]
messages:
  m:
    type: list
    body: { en_US: Pick, pt_BR: Escolha, zh_CN: 选择 }
    button: { en_US: Menu, pt_BR: Menu, zh_CN: 菜单 }
    sections:
      - title: { en_US: Orders, pt_BR: Pedidos, zh_CN: 订单 }
        rows:
          - id: a
            title: &t { en_US: Track, pt_BR: Rastrear, zh_CN: 跟踪 }
          - id: b
            title: *t
`;

test('export: each use of an aliased text mapping is its own unit, named by its own path; the unedited round trip is clean', () => {
  const r = realRound(ALIASED_ROWS, 'pt_BR', (x) => x);
  assert.equal(r.ids, ['m.body', 'm.button', 'm.sections.0.title', 'm.sections.0.rows.0.title', 'm.sections.0.rows.1.title']);
  assert.equal(r.result.diagnostics, []);
  assert.equal(r.result.changed, []);
});

test('import: one use of an aliased text mapping translated alone is WA815; every use the same goes in once', () => {
  const one = realRound(ALIASED_ROWS, 'pt_BR', (x) => x.replace('<target>Rastrear</target>', '<target>Seguir</target>'));
  assert.equal(one.result.diagnostics.map((d) => d.code), ['WA815']);
  assert.is(at('x.xlf', one.text, one.result.diagnostics[0]!.span.start), `${one.text.slice(0, one.text.indexOf('<target>Seguir')).split('\n').length}:17`);
  assert.equal(one.result.changed, []);
  const both = realRound(ALIASED_ROWS, 'pt_BR', (x) => x.replaceAll('<target>Rastrear</target>', '<target>Seguir</target>'));
  assert.equal(both.result.diagnostics, []);
  assert.is(both.result.changed[0]!.text, ALIASED_ROWS.replace('pt_BR: Rastrear', 'pt_BR: Seguir'));
});

test('merge: a language added to a flow mapping with a trailing comma goes after it, with its own', () => {
  const lines = 'footer: {\n  en_US: Foot,\n  de: Fuß,\n}\n';
  const m = { start: lines.indexOf('{'), end: lines.indexOf('}') + 1 };
  assert.is(applyEdits(lines, [{ kind: 'insert', map: m, key: 'fr', text: 'FR Foot' }]), 'footer: {\n  en_US: Foot,\n  de: Fuß,\n  fr: FR Foot,\n}\n');
  const one = 'footer: { en_US: Foot, de: Fuß, }\n';
  const m1 = { start: one.indexOf('{'), end: one.indexOf('}') + 1 };
  assert.is(applyEdits(one, [{ kind: 'insert', map: m1, key: 'fr', text: 'Pied, bas' }]), 'footer: { en_US: Foot, de: Fuß, fr: "Pied, bas", }\n');
});

test('import, compiled for real: a language added to a multi-line flow mapping with a trailing comma; one after a comment is WA816, not a crash', () => {
  const yaml = 'languages: [en_US, de, fr]\nmessages:\n  m:\n    type: button\n    body: { en_US: Pick, de: Wählen, fr: Choisir }\n    footer: {\n      en_US: Foot,\n      de: Fuß,\n    }\n    buttons:\n      - { id: a, title: { en_US: A, de: A, fr: A } }\n';
  const fill = (x: string) => x.replace('<source>Foot</source>\n', '<source>Foot</source>\n        <target>FR Foot</target>\n');
  const ok = realRound(yaml, 'fr', fill);
  assert.equal(ok.result.diagnostics.filter((d) => d.code !== 'WA103' && d.severity === 'error'), []);
  assert.is(ok.result.changed[0]!.text, yaml.replace('      de: Fuß,\n', '      de: Fuß,\n      fr: FR Foot,\n'));
  const commented = yaml.replace('      de: Fuß,\n', '      de: Fuß # informal\n');
  const bad = realRound(commented, 'fr', fill);
  assert.equal(bad.result.diagnostics.map((d) => [d.code, at('x.xlf', bad.text, d.span.start)]), [['WA816', `${bad.text.slice(0, bad.text.indexOf('<target>FR Foot')).split('\n').length}:17`]]);
  assert.equal(bad.result.changed, []);
});

test('import, compiled for real: a control character given as <cp/> goes in with the warning check gives (WA817 quoting WA113)', () => {
  const yaml = 'languages: [en_US, de]\nmessages:\n  m:\n    type: location_request_message\n    body: { en_US: Share your location, de: Standort teilen }\n';
  for (const hex of ['7', '0']) {
    const r = realRound(yaml, 'de', (x) => x.replace('<target>Standort teilen</target>', `<target>Standort<cp hex="${hex}"/> teilen</target>`));
    assert.equal(r.result.diagnostics.map((d) => [d.code, d.severity]), [['WA817', 'warning']], hex);
    assert.match(r.result.diagnostics[0]!.message, '[WA113]');
    const checked = realAnalyze(r.result.changed).diagnostics.filter((d) => d.severity !== 'info').map((d) => d.code);
    assert.equal(checked, ['WA113']);
  }
});

test.run();
