import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { compile } from '../compiler/index.js';
import { CODES, type Code } from '../compiler/diagnostics/codes.js';
import { render, SourceMap } from '../compiler/diagnostics/render.js';
import { importBody } from '../compiler/import.js';
import { LIMITS } from '../compiler/limits.js';
import { RULES } from '../compiler/rules/index.js';
import { analyze } from '../compiler/translations/analyze.js';
import { importTranslations } from '../compiler/translations/import.js';
import { codesTable, limitsTable, replaceBetween } from './readme-tables.js';

const ROOT = join(import.meta.dirname, '..');
const DOC = join(ROOT, 'docs/diagnostics.md');
const UPDATE = process.env['UPDATE_GOLDEN'] === '1';
const ALL = Object.keys(CODES) as Code[];

function filesUnder(dir: string, ending: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(ending))
    .map((e) => join(e.parentPath, e.name));
}

interface Section {
  code: string;
  name: string;
  severity: string;
  yaml?: string;
  /** A translation file (the WA8xx examples): the source is `yaml`. */
  xml?: string;
  /** A request body that `waml import` refuses with the code (8xx). */
  json?: string;
  /** Offsets of the text block's content, for rewriting. */
  output?: { start: number; end: number; text: string };
}

function sections(doc: string): Section[] {
  const out: Section[] = [];
  const heads = [...doc.matchAll(/^### (WA\d{3}) (\S+)\n/gm)];
  heads.forEach((h, i) => {
    const start = h.index! + h[0].length;
    const end = i + 1 < heads.length ? heads[i + 1]!.index! : doc.length;
    const body = doc.slice(start, end);
    const severity = /^\*\*(error|warning|info)\.\*\*/m.exec(body)?.[1] ?? '';
    const section: Section = { code: h[1]!, name: h[2]!, severity };
    const yaml = /```yaml\n([\s\S]*?)```/.exec(body);
    if (yaml) section.yaml = yaml[1]!;
    const xml = /```xml\n([\s\S]*?)```/.exec(body);
    if (xml) section.xml = xml[1]!;
    const json = /```json\n([\s\S]*?)```/.exec(body);
    if (json) section.json = json[1]!;
    const text = /```text\n([\s\S]*?)```/.exec(body);
    if (text) section.output = { start: start + text.index! + '```text\n'.length, end: start + text.index! + '```text\n'.length + text[1]!.length, text: text[1]! };
    out.push(section);
  });
  return out;
}

test('docs/diagnostics.md documents every code, with its name and severity, in order', () => {
  const found = sections(readFileSync(DOC, 'utf8'));
  assert.equal(found.map((s) => s.code), ALL);
  for (const s of found) {
    const info = CODES[s.code as Code];
    assert.is(s.name, info.name, `${s.code} name`);
    assert.is(s.severity, info.severity, `${s.code} severity`);
  }
});

test('every documented example raises its code and prints exactly what the page shows', () => {
  let doc = readFileSync(DOC, 'utf8');
  const found = sections(doc).filter((s) => s.yaml !== undefined && s.xml === undefined);
  const rewrites: { start: number; end: number; text: string }[] = [];
  for (const s of found) {
    const result = compile([{ path: 'example.wa.yaml', text: s.yaml! }]);
    assert.ok(result.diagnostics.some((d) => d.code === s.code), `${s.code}: its example raises it (got ${result.diagnostics.map((d) => d.code).join(', ') || 'nothing'})`);
    const printed = render(result.diagnostics, new SourceMap().add('example.wa.yaml', s.yaml!), 'gcc');
    if (UPDATE) rewrites.push({ start: s.output!.start, end: s.output!.end, text: printed });
    else assert.fixture(s.output?.text ?? '(no text block)', printed, `${s.code}: the output shown`);
  }
  if (UPDATE) {
    for (const r of rewrites.sort((a, b) => b.start - a.start)) doc = doc.slice(0, r.start) + r.text + doc.slice(r.end);
    writeFileSync(DOC, doc);
  }
  const withoutExample = sections(readFileSync(DOC, 'utf8')).filter((s) => s.yaml === undefined && s.json === undefined).map((s) => s.code);
  assert.equal(withoutExample, ['WA112', 'WA516', 'WA517', 'WA522', 'WA727', 'WA901', 'WA902', 'WA903'], 'only codes that need the build command, a data file or bytes go without a one-file example');
});

test('every translation-file example raises its code and prints exactly what the page shows', () => {
  let doc = readFileSync(DOC, 'utf8');
  const found = sections(doc).filter((s) => s.xml !== undefined);
  assert.equal(found.map((s) => s.code), ALL.filter((c) => c >= 'WA801' && c <= 'WA819'), 'every translation code (WA801-WA819) has a translation-file example');
  const rewrites: { start: number; end: number; text: string }[] = [];
  for (const s of found) {
    const translations = [{ path: 'en_US.de.xlf', text: s.xml! }];
    const sources = [{ path: 'example.wa.yaml', text: s.yaml! }];
    const result = importTranslations({ translations, sources, analyze });
    assert.ok(result.diagnostics.some((d) => d.code === s.code), `${s.code}: its example raises it (got ${result.diagnostics.map((d) => d.code).join(', ') || 'nothing'})`);
    const map = new SourceMap().add('en_US.de.xlf', s.xml!).add('example.wa.yaml', s.yaml!);
    const printed = render(result.diagnostics, map, 'gcc');
    if (UPDATE) rewrites.push({ start: s.output!.start, end: s.output!.end, text: printed });
    else assert.fixture(s.output?.text ?? '(no text block)', printed, `${s.code}: the output shown`);
  }
  if (UPDATE) {
    for (const r of rewrites.sort((a, b) => b.start - a.start)) doc = doc.slice(0, r.start) + r.text + doc.slice(r.end);
    writeFileSync(DOC, doc);
  }
});

test('every documented request body is refused by waml import with its code, as the page shows', () => {
  let doc = readFileSync(DOC, 'utf8');
  const found = sections(doc).filter((s) => s.json !== undefined);
  assert.ok(found.length >= 5);
  const rewrites: { start: number; end: number; text: string }[] = [];
  for (const s of found) {
    const result = importBody(JSON.parse(s.json!), 'example');
    assert.ok(!result.ok && result.code === s.code, `${s.code}: its example is refused with it (got ${result.ok ? 'an import' : result.code})`);
    const printed = result.ok ? '' : `waml: body.json cannot be imported: ${result.reason} [${result.code}${result.field ? ` at ${result.field}` : ''}]\n`;
    if (UPDATE) rewrites.push({ start: s.output!.start, end: s.output!.end, text: printed });
    else assert.fixture(s.output?.text ?? '(no text block)', printed, `${s.code}: the output shown`);
  }
  if (UPDATE) {
    for (const r of rewrites.sort((a, b) => b.start - a.start)) doc = doc.slice(0, r.start) + r.text + doc.slice(r.end);
    writeFileSync(DOC, doc);
  }
});

test('the README\'s tables of codes and limits are those of the code', () => {
  const path = join(ROOT, 'README.md');
  const readme = readFileSync(path, 'utf8');
  const expected = replaceBetween(replaceBetween(readme, 'codes', codesTable()), 'limits', limitsTable());
  if (UPDATE) writeFileSync(path, expected);
  else assert.fixture(readme, expected, 'README tables (UPDATE_GOLDEN=1 rewrites them)');
});

test("every row of the README's limits table has six cells: a `|` in a field or source is escaped", () => {
  const table = limitsTable().split('\n').slice(2);
  assert.ok(table.some((row) => row.startsWith('| `tplOtpLabel` ')), 'a row whose field holds a `|`');
  for (const row of table) assert.is(row.split(/(?<!\\)\|/).length - 2, 6, row);
});

test('the README lists every code with its name and severity', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  for (const code of ALL) {
    const { name, severity } = CODES[code];
    assert.match(readme, new RegExp(`^\\| \`${code}\` \\| \`${name}\` \\| ${severity} \\|`, 'm'), `${code} in the README table`);
  }
});

test('every code is raised somewhere in the compiler', () => {
  const source = filesUnder('compiler', '.ts').map((f) => readFileSync(f, 'utf8')).join('\n');
  for (const code of ALL) {
    if (code === 'WA101' || code === 'WA108') continue; // chosen as the fallback for yaml's other codes
    assert.ok(source.includes(`'${code}'`), `${code} is reported by some stage`);
  }
  assert.match(source, /\?\? 'WA101'/);
  assert.match(source, /\?\? 'WA108'/);
});

test('every code is asserted by a test', () => {
  const tests = filesUnder('test', '.test.ts')
    .filter((f) => !f.endsWith('meta.test.ts'))
    .map((f) => readFileSync(f, 'utf8'))
    .join('\n');
  for (const code of ALL) assert.ok(new RegExp(`${code}\\b`).test(tests), `${code} appears in an assertion`);
});

test('every rule has a table test of its own and declares known codes', () => {
  const ruleTests = new Set(readdirSync(join(ROOT, 'test/rules')));
  const ruleFiles = readdirSync(join(ROOT, 'compiler/rules')).filter((f) => f !== 'index.ts' && f !== 'rule.ts');
  assert.is(RULES.length, ruleFiles.length, 'every rule file is in the ordered list');
  for (const rule of RULES) {
    assert.ok(ruleTests.has(`${rule.name}.test.ts`), `test/rules/${rule.name}.test.ts`);
    assert.ok(ruleFiles.includes(`${rule.name}.ts`), `compiler/rules/${rule.name}.ts`);
    for (const code of rule.codes) assert.ok(code in CODES, `${rule.name}: ${code}`);
    assert.ok(rule.description.length > 10);
  }
});

test('every limit has a source and is read by the compiler', () => {
  const source = filesUnder('compiler', '.ts').filter((f) => !f.endsWith('limits.ts')).map((f) => readFileSync(f, 'utf8')).join('\n');
  for (const [name, limit] of Object.entries(LIMITS)) {
    assert.ok(limit.source.length > 3, `${name} has a source`);
    assert.ok(source.includes(`LIMITS.${name}`), `LIMITS.${name} is read`);
  }
});

test('rules hold no numbers of their own: limits come from the table', () => {
  for (const f of readdirSync(join(ROOT, 'compiler/rules'))) {
    const text = readFileSync(join(ROOT, 'compiler/rules', f), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    const numbers = text.match(/(?<![\w.'"`-])(?:[2-9]|\d{2,})(?![\w'"`])/g) ?? [];
    assert.equal(numbers, [], `${f} has no literal limits`);
  }
});


test('every property of the language schema has a description (editors show them)', async () => {
  const schema = JSON.parse(readFileSync(join(ROOT, 'compiler/schema/waml.schema.json'), 'utf8'));
  const missing: string[] = [];
  const walk = (node: unknown, path: string): void => {
    if (!node || typeof node !== 'object') return;
    const n = node as Record<string, unknown>;
    if (n['properties']) {
      for (const [key, value] of Object.entries(n['properties'] as Record<string, Record<string, unknown> | false>)) {
        if (value === false) continue; // a key the type refuses (a carousel's header): the rules explain it
        if (typeof value['description'] !== 'string' || value['description'].length < 5) missing.push(`${path}/${key}`);
      }
    }
    for (const [key, value] of Object.entries(n)) if (key !== 'if') walk(value, `${path}/${key}`);
  };
  walk(schema, '#');
  assert.equal(missing, []);
  // Every definition is named (editors show the title of the type a value matches).
  assert.equal(Object.entries(schema.$defs as Record<string, { title?: string }>).filter(([, d]) => !d.title).map(([k]) => k), []);
});

test.run();
