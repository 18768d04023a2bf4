import { canonical, pieces } from './placeholders.js';
import { textKey, toBcp47, unitId, type TranslatableText, type TranslationIndex } from './model.js';
import { attributeSafe, escapeAttribute, escapeText } from './xml.js';

export const XLIFF_NS = 'urn:oasis:names:tc:xliff:document:2.0';
export const SLR_NS = 'urn:oasis:names:tc:xliff:sizerestriction:2.0';

/** One translation file to write: `<source language>.<target language>.xlf`. */
export interface ExportedFile {
  path: string;
  text: string;
  source: string;
  target: string;
  /** Units in the file, and how many of them have no target text yet. */
  units: number;
  untranslated: number;
}

/**
 * The `<file>` id of a source: its path with `/` as `:` when it is made only of letters,
 * digits, `.`, `_`, `-` and `/` (an XML name token), else `f-` and a hash of the path. The
 * path itself is the `original` attribute, which is what import reads.
 */
export function fileId(path: string): string {
  if (/^[A-Za-z0-9._/-]+$/.test(path)) return path.replace(/\//g, ':');
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < path.length; i++) {
    h1 = Math.imul(h1 ^ path.charCodeAt(i), 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ path.charCodeAt(i), 0x811c9dc5) >>> 0;
  }
  return `f-${h1.toString(16).padStart(8, '0')}${h2.toString(16).padStart(8, '0')}`;
}

/** How a length reads in a note: `14 characters`, `9 to 31 characters`, `at least 9 characters`. */
export function describeLength(length: { min: number; max: number | null }): string {
  if (length.max === null) return `at least ${length.min} characters`;
  if (length.min === length.max) return `${length.min} character${length.min === 1 ? '' : 's'}`;
  return `${length.min} to ${length.max} characters`;
}

function lengthNote(t: TranslatableText): string {
  const base = describeLength(t.length);
  const placeholders = t.text !== null && pieces(t.text).some((p) => p.kind === 'placeholder');
  const withValues = placeholders ? ', with the shortest and longest values its placeholders allow' : '';
  if (t.maxLength === null) return base + withValues;
  const longest = t.length.max;
  if (t.length.min > t.maxLength) return `${base}${withValues}: over the limit of ${t.maxLength} by ${t.length.min - t.maxLength}`;
  if (longest === null || longest > t.maxLength) return `${base}${withValues}: may be over the limit of ${t.maxLength}`;
  return base + withValues;
}

/**
 * A text as XLIFF inline content: literal runs escaped, each placeholder a `<ph/>` that points
 * at its original text in the unit's `<originalData>` (`dataRef`), cannot be deleted, and
 * shows itself (`disp`, `equiv`). `ids` gives each placeholder occurrence its id: the target
 * reuses the id of the source occurrence it corresponds to, as XLIFF asks.
 */
function inline(text: string, data: Map<string, string>, ids: (placeholder: string) => string): string {
  let out = '';
  for (const p of pieces(text)) {
    if (p.kind === 'text') {
      out += escapeText(p.text);
      continue;
    }
    let ref = data.get(p.text);
    if (ref === undefined) {
      ref = `d${data.size + 1}`;
      data.set(p.text, ref);
    }
    const shown = attributeSafe(p.text) ? ` disp="${escapeAttribute(p.text)}" equiv="${escapeAttribute(p.text)}"` : '';
    out += `<ph id="${ids(p.text)}" dataRef="${ref}" canDelete="no"${shown}/>`;
  }
  return out;
}

/** The source's placeholder ids, then the target's: the n-th occurrence of a placeholder in the target takes the id of its n-th occurrence in the source, others new ids. */
function idMaker(): { source: (p: string) => string; target: (p: string) => string } {
  let next = 1;
  const bySource = new Map<string, string[]>();
  const used = new Map<string, number>();
  return {
    source: (p) => {
      const id = String(next++);
      const key = canonical(p);
      let ids = bySource.get(key);
      if (!ids) bySource.set(key, (ids = []));
      ids.push(id);
      return id;
    },
    target: (p) => {
      const key = canonical(p);
      const n = used.get(key) ?? 0;
      used.set(key, n + 1);
      return bySource.get(key)?.[n] ?? String(next++);
    },
  };
}

function unitXml(source: TranslatableText, target: TranslatableText | undefined, indent: string): string {
  const lines: string[] = [];
  const shared = source.shared;
  const hasPlaceholders = source.text !== null && pieces(source.text).some((p) => p.kind === 'placeholder');
  const attrs = [`id="${escapeAttribute(unitId(source.message, source.field))}"`];
  if (shared) attrs.push('translate="no"');
  if (source.maxLength !== null && !hasPlaceholders) attrs.push(`slr:sizeRestriction="${source.maxLength}"`);
  lines.push(`${indent}<unit ${attrs.join(' ')}>`);
  lines.push(`${indent}  <notes>`);
  if (source.maxLength !== null) lines.push(`${indent}    <note category="limit">at most ${source.maxLength} characters</note>`);
  if (shared) lines.push(`${indent}    <note category="shared">one text for every language: write it as a mapping of languages in the source to translate it</note>`);
  lines.push(`${indent}    <note category="length" appliesTo="source">${escapeText(lengthNote(source))}</note>`);
  if (target && target.text !== null && !shared) lines.push(`${indent}    <note category="length" appliesTo="target">${escapeText(lengthNote(target))}</note>`);
  lines.push(`${indent}  </notes>`);
  const data = new Map<string, string>();
  const ids = idMaker();
  const sourceXml = inline(source.text ?? '', data, ids.source);
  const targetText = shared ? source.text : (target?.text ?? null);
  const targetXml = targetText === null ? null : inline(targetText, data, ids.target);
  if (data.size > 0) {
    lines.push(`${indent}  <originalData>`);
    for (const [text, id] of data) lines.push(`${indent}    <data id="${id}">${escapeText(text)}</data>`);
    lines.push(`${indent}  </originalData>`);
  }
  const state = shared ? 'final' : targetXml === null ? 'initial' : 'translated';
  lines.push(`${indent}  <segment state="${state}">`);
  lines.push(`${indent}    <source>${sourceXml}</source>`);
  if (targetXml !== null) lines.push(`${indent}    <target>${targetXml}</target>`);
  lines.push(`${indent}  </segment>`);
  lines.push(`${indent}</unit>`);
  return lines.join('\n');
}

/**
 * XLIFF 2.0 files for translators: for each message in several languages, its default (first)
 * language is the source and each other language a target; the files are one per pair of
 * languages, `<source>.<target>.xlf`, with a `<file>` per source file and a `<unit>` per text
 * (id `<message>.<field>`). Each unit's notes give the limit and the proven length of the
 * source and of the current target text; `slr:sizeRestriction` gives the limit to tools that
 * enforce it (texts without placeholders). Texts written once for every language are units
 * marked `translate="no"`. `languages` (when given) keeps only those target languages.
 * Pure and deterministic.
 */
export function exportXliff(index: TranslationIndex, languages?: readonly string[]): ExportedFile[] {
  const byKey = new Map<string, TranslatableText>();
  for (const t of index.texts) byKey.set(textKey(t.file, t.message, t.field, t.language), t);
  // pair -> file -> units
  const pairs = new Map<string, { source: string; target: string; files: Map<string, string[]>; units: number; untranslated: number }>();
  const wanted = languages ? new Set(languages.map((l) => toBcp47(l).toLowerCase())) : undefined;
  const defaultTexts = new Map<string, TranslatableText[]>();
  for (const t of index.texts) {
    const key = `${t.file}\u0000${t.message}\u0000${t.language}`;
    let list = defaultTexts.get(key);
    if (!list) defaultTexts.set(key, (list = []));
    list.push(t);
  }
  for (const m of index.messages) {
    if (m.languages.length < 2) continue;
    const [src, ...targets] = m.languages as [string, ...string[]];
    const sourceTexts = defaultTexts.get(`${m.file}\u0000${m.message}\u0000${src}`) ?? [];
    for (const trg of targets) {
      if (wanted && !wanted.has(toBcp47(trg).toLowerCase())) continue;
      const name = `${src}.${trg}`.replace(/[^A-Za-z0-9_.-]/g, "_");
      let pair = pairs.get(name);
      if (!pair) pairs.set(name, (pair = { source: src, target: trg, files: new Map(), units: 0, untranslated: 0 }));
      let units = pair.files.get(m.file);
      if (!units) pair.files.set(m.file, (units = []));
      for (const s of sourceTexts) {
        const t = byKey.get(textKey(m.file, m.message, s.field, trg));
        units.push(unitXml(s, t, '    '));
        pair.units++;
        if (!s.shared && (t === undefined || t.text === null)) pair.untranslated++;
      }
    }
  }
  const out: ExportedFile[] = [];
  for (const [name, pair] of [...pairs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const lines = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<!-- Written by `waml translations export`. Translate the <target> texts; keep each <ph/> (a placeholder). Then: waml translations import FILE -->',
      `<xliff xmlns="${XLIFF_NS}" xmlns:slr="${SLR_NS}" version="2.0" srcLang="${escapeAttribute(toBcp47(pair.source))}" trgLang="${escapeAttribute(toBcp47(pair.target))}">`,
    ];
    for (const [file, units] of pair.files) {
      if (units.length === 0) continue;
      lines.push(`  <file id="${escapeAttribute(fileId(file))}" original="${escapeAttribute(file)}" xml:space="preserve">`);
      lines.push('    <slr:profiles generalProfile="xliff:codepoints"/>');
      lines.push(...units);
      lines.push('  </file>');
    }
    lines.push('</xliff>', '');
    out.push({ path: `${name}.xlf`, text: lines.join('\n'), source: pair.source, target: pair.target, units: pair.units, untranslated: pair.untranslated });
  }
  return out;
}
