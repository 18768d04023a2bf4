import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Code } from '../diagnostics/codes.js';
import type { Span } from '../source.js';
import { describeLength } from './export.js';
import { aliasedEntries, mergeEdits, type Edit } from './merge.js';
import { sameLanguage, textKey, type TextFile, type TranslatableText, type TranslationIndex } from './model.js';
import { canonical, placeholders } from './placeholders.js';
import { readXliff, type Content, type XliffDocument } from './read.js';

/** What compile() says of sources: their language texts and their diagnostics. */
export interface Analysis {
  index: TranslationIndex;
  diagnostics: Diagnostic[];
}

export interface ImportInput {
  /** The translation files, as read. */
  translations: readonly TextFile[];
  /** The sources the translation files name (by their `original`), as read. */
  sources: readonly TextFile[];
  /** Why a named source could not be read, by its path. */
  unreadable?: ReadonlyMap<string, string>;
  /** Compiles sources: the same function is used before and after the merge. */
  analyze: (sources: readonly TextFile[]) => Analysis;
}

export interface ImportResult {
  /** Problems, positioned in the translation files (and, for WA811, quoting the source's). */
  diagnostics: Diagnostic[];
  /** The sources whose text changes, with their new text; empty when there is an error. */
  changed: TextFile[];
  /** Units read, and texts changed (the count is given even when nothing is written). */
  units: number;
  texts: number;
}

/** Codes the merged sources are checked for by their limits (WA808, WA809) rather than quoted (WA811). */
const LENGTH_CODES = new Set(['WA301', 'WA302', 'WA514']);

interface Planned {
  key: string;
  file: string;
  language: string;
  label: string;
  translation: string;
  target: Span;
  edit: Edit;
  /** The translation, as the text must read after the merge. */
  text: string;
}

/** Where an edit goes: two units that edit one place (two uses of one aliased text) are one edit. */
function place(e: Edit): string {
  return e.kind === 'replace' ? `r${e.start}` : `i${e.map.start}\u0000${e.key}`;
}

/** `de` text of `help_menu.buttons.0.title`. */
function label(language: string, message: string, field: string): string {
  return `\`${language}\` text of \`${message}.${field}\``;
}

/**
 * Merges translated XLIFF files back into their `.wa.yaml` sources: each unit's target
 * replaces that language's scalar (or is added to the language mapping when the source has
 * none), every other byte staying as it was; an unchanged target changes nothing. Then the
 * merged sources are compiled again, and a text over its limit (`WA808`), possibly over it
 * (`WA809`, a warning) or that makes its message invalid (`WA811`) is reported at the
 * target in the translation file. Any error and nothing changes. Pure.
 */
export function importTranslations(input: ImportInput): ImportResult {
  const diagnostics: Diagnostic[] = [];
  const sourceText = new Map(input.sources.map((s) => [s.path, s.text]));
  const before = input.analyze(input.sources);
  const languagesOf = new Map<string, string[]>();
  const filesWithLanguages = new Set<string>();
  for (const m of before.index.messages) {
    languagesOf.set(`${m.file}\u0000${m.message}`, m.languages);
    if (m.languages.length > 1) filesWithLanguages.add(m.file);
  }
  const texts = new Map<string, TranslatableText>();
  for (const t of before.index.texts) texts.set(textKey(t.file, t.message, t.field, t.language), t);

  const planned: Planned[] = [];
  const aliasesOf = new Map<string, Map<string, number>>();
  const seen = new Map<string, { file: string; span: Span }>();
  let units = 0;
  for (const file of input.translations) {
    const read = readXliff(file.path, file.text);
    diagnostics.push(...read.diagnostics);
    if (!read.document) continue;
    const doc = read.document;
    const report = (code: Code, span: Span, message: string, help?: string, related?: Diagnostic['related']): void => {
      diagnostics.push(diagnostic(doc.path, code, span, message, { ...(help !== undefined ? { help } : {}), ...(related ? { related } : {}) }));
    };
    const languageReported = new Set<string>();
    for (const f of doc.files) {
      if (!sourceText.has(f.original)) {
        const why = input.unreadable?.get(f.original) ?? 'it is not among the sources';
        report('WA804', f.originalSpan, `the source ${f.original} cannot be read: ${why}`, 'run the import from the folder the export ran in, or fix the path in `original`');
        continue;
      }
      if (!filesWithLanguages.has(f.original)) {
        report('WA804', f.originalSpan, `the source ${f.original} has no message in several languages`, 'declare `languages:` in the source, then export again');
        continue;
      }
      for (const unit of f.units) {
        units++;
        const dot = unit.id.indexOf('.');
        const message = dot === -1 ? unit.id : unit.id.slice(0, dot);
        const field = dot === -1 ? '' : unit.id.slice(dot + 1);
        const languages = languagesOf.get(`${f.original}\u0000${message}`);
        const source = languages && languages.length > 1 ? texts.get(textKey(f.original, message, field, languages[0]!)) : undefined;
        if (!languages || languages.length < 2 || !source) {
          report('WA805', unit.idSpan, `unit \`${unit.id}\` names no text of ${f.original}${languages ? '' : `: it has no message \`${message}\``}`, 'units are named `<message>.<field>`, as export writes them; export again if the source changed');
          continue;
        }
        if (!sameLanguage(languages[0]!, doc.srcLang)) {
          if (!languageReported.has(`src:${message}`)) {
            languageReported.add(`src:${message}`);
            report('WA803', doc.srcLangSpan, `srcLang is \`${doc.srcLang}\`, but message \`${message}\` is written first in \`${languages[0]}\``, 'export again: the source language of a file is the default (first) language of its messages');
          }
          continue;
        }
        const language = languages.slice(1).find((l) => sameLanguage(l, doc.trgLang));
        if (language === undefined) {
          if (!languageReported.has(`trg:${message}`)) {
            languageReported.add(`trg:${message}`);
            report('WA803', doc.trgLangSpan, `trgLang is \`${doc.trgLang}\`, which message \`${message}\` does not declare (its languages: ${languages.join(', ')})`, 'add the language to `languages:` in the source first');
          }
          continue;
        }
        const key = textKey(f.original, message, field, language);
        const first = seen.get(key);
        if (first) {
          report('WA813', unit.idSpan, `${label(language, message, field)} is translated twice`, 'keep one unit for it', [{ file: first.file, span: first.span, message: 'first translated here' }]);
          continue;
        }
        seen.set(key, { file: doc.path, span: unit.idSpan });
        const target = unit.target;
        if (!target || (target.text === '' && target.placeholders.length === 0)) continue; // not translated yet
        if (!checkPlaceholders(doc, target, source, texts.get(key), report)) continue;
        if (unit.source && unit.source.text !== source.text) {
          report('WA814', unit.source.span, `the source text of \`${unit.id}\` has changed since the export: the translation may be out of date`, `it is now: ${JSON.stringify(source.text)}`);
        }
        const current = texts.get(key);
        if (source.shared) {
          if (target.text !== source.text) report('WA810', target.span, `\`${message}.${field}\` is one text for every language in ${f.original}; its translation cannot be imported`, 'write it as a mapping of languages in the source (`{ en: …, de: … }`), export again, then translate it');
          continue;
        }
        if (current && current.text === target.text) continue;
        let edit: Edit;
        if (current && current.text !== null && current.span) {
          // `de: *g`: the alias itself is replaced, never the text its anchor stands on.
          let aliases = aliasesOf.get(f.original);
          if (!aliases) aliasesOf.set(f.original, (aliases = aliasedEntries(sourceText.get(f.original)!)));
          const alias = current.mapSpan ? aliases.get(`${current.mapSpan.start}\u0000${language}`) : undefined;
          edit = { kind: 'replace', start: alias ?? current.span.start, text: target.text };
        } else if (current?.mapSpan) edit = { kind: 'insert', map: current.mapSpan, key: language, text: target.text };
        else {
          report('WA805', unit.idSpan, `${label(language, message, field)} has no place in ${f.original} to go`, 'write the language in the mapping of the source, then import again');
          continue;
        }
        planned.push({ key, file: f.original, language, label: label(language, message, field), translation: doc.path, target: target.span, edit, text: target.text });
      }
    }
  }
  if (diagnostics.some((d) => d.severity === 'error')) return { diagnostics, changed: [], units, texts: planned.length };

  // Merge, then compile the merged sources and check every changed text there.
  const edits = new Map<string, { edit: Edit; by: Planned }[]>();
  const placed = new Set<string>();
  for (const p of planned) {
    let list = edits.get(p.file);
    if (!list) edits.set(p.file, (list = []));
    const where = `${p.file}\u0000${place(p.edit)}`;
    if (placed.has(where)) continue; // checked below: every use must read as its own translation
    placed.add(where);
    list.push({ edit: p.edit, by: p });
  }
  const merged = input.sources.map((s) => {
    const list = edits.get(s.path);
    if (!list) return s;
    const r = mergeEdits(s.text, list.map((x) => x.edit));
    for (const i of r.failed) {
      const p = list[i]!.by;
      diagnostics.push(
        diagnostic(p.translation, 'WA816', p.target, `${p.label} cannot be written into ${p.file}: its place there is laid out in a way the merge cannot edit and read back`, {
          help: 'write the language into the source by hand (a block mapping, one language a line, always works), then import again',
        }),
      );
    }
    return { path: s.path, text: r.text };
  });
  if (diagnostics.some((d) => d.severity === 'error')) return { diagnostics, changed: [], units, texts: planned.length };
  const after = input.analyze(merged);
  const afterTexts = new Map<string, TranslatableText>();
  for (const t of after.index.texts) afterTexts.set(textKey(t.file, t.message, t.field, t.language), t);
  // No text but the translated ones may change: a text shared through a YAML anchor and alias
  // is refused rather than changed for every use (WA815).
  const plannedKeys = new Set(planned.map((p) => p.key));
  const shared = new Set<Planned>();
  for (const t of after.index.texts) {
    const k = textKey(t.file, t.message, t.field, t.language);
    const b = texts.get(k);
    if (plannedKeys.has(k) || !b || b.text === t.text) continue;
    const culprit =
      planned.find((p) => p.file === t.file && (p.edit.kind === 'replace' ? p.edit.start === b.span?.start : p.edit.map.start === b.mapSpan?.start)) ?? planned.find((p) => p.file === t.file);
    if (!culprit || shared.has(culprit)) continue;
    shared.add(culprit);
    diagnostics.push(
      diagnostic(culprit.translation, 'WA815', culprit.target, `${culprit.label} is shared through a YAML alias with the \`${t.language}\` text of \`${t.message}.${t.field}\`: importing it would change that text too`, {
        help: 'write the text out in the source where the alias stands, then import again',
      }),
    );
  }
  for (const p of planned) {
    const t = afterTexts.get(p.key);
    if (shared.has(p) || !t || t.text === p.text) continue;
    shared.add(p);
    diagnostics.push(
      diagnostic(p.translation, 'WA815', p.target, `${p.label} is shared through a YAML alias with another text, translated differently: one text cannot hold both`, {
        help: 'give every use the same translation, or write the text out in the source where the alias stands',
      }),
    );
  }
  const beforeKeys = new Set(before.diagnostics.map((d) => `${d.file}:${d.code}:${d.message}`));
  for (const p of planned) {
    const t = afterTexts.get(p.key);
    const report = (code: Code, message: string, help?: string): void => {
      diagnostics.push(diagnostic(p.translation, code, p.target, message, help !== undefined ? { help } : {}));
    };
    if (t && t.maxLength !== null) {
      if (t.length.min > t.maxLength) {
        report('WA808', `${p.label} is ${describeLength(t.length)}; the limit is ${t.maxLength}`, `shorten it by ${t.length.min - t.maxLength} character${t.length.min - t.maxLength === 1 ? '' : 's'}`);
      } else if (t.length.max === null || t.length.max > t.maxLength) {
        report('WA809', `${p.label} may be longer than its limit of ${t.maxLength}: it is ${describeLength(t.length)} with the values its placeholders allow`, 'shorten it, or it is checked again before sending');
      }
    }
    if (!t?.span) continue;
    for (const d of after.diagnostics) {
      if (d.file !== p.file || d.severity === 'info' || LENGTH_CODES.has(d.code) || beforeKeys.has(`${d.file}:${d.code}:${d.message}`)) continue;
      if (d.span.start < t.span.start || d.span.end > t.span.end) continue;
      // What `waml check` says of the merged text, at the target: its errors refuse the import, its warnings are shown.
      if (d.severity === 'error') report('WA811', `${p.label} makes its message invalid: ${d.message} [${d.code}]`, d.help);
      else report('WA817', `${p.label} draws a warning from the compiler: ${d.message} [${d.code}]`, d.help);
    }
  }
  const failed = diagnostics.some((d) => d.severity === 'error');
  const changed = failed ? [] : merged.filter((m) => m.text !== sourceText.get(m.path));
  return { diagnostics, changed, units, texts: planned.length };
}

/**
 * Every placeholder of the source text must be in the translation (WA806), and every
 * placeholder of the translation must be one of the source's or of the language's current
 * text (WA807), compared without white space. A `<ph/>` whose original is unknown is WA807.
 */
function checkPlaceholders(
  doc: XliffDocument,
  target: Content,
  source: TranslatableText,
  current: TranslatableText | undefined,
  report: (code: Code, span: Span, message: string, help?: string) => void,
): boolean {
  let ok = true;
  for (const ph of target.placeholders) {
    if (ph.text === null) {
      report('WA807', ph.span, `this <ph id="${ph.id}"/> refers to no placeholder: ${ph.dataRef !== undefined ? `the unit has no <data id="${ph.dataRef}">` : 'it has no dataRef or equiv'}`, 'copy the placeholder from the source text');
      ok = false;
    }
  }
  if (!ok) return false;
  const wanted = placeholders(source.text ?? '');
  const given = placeholders(target.text);
  const givenSet = new Set(given.map(canonical));
  const allowed = new Set([...wanted, ...placeholders(current?.text ?? '')].map(canonical));
  for (const p of wanted) {
    if (!givenSet.has(canonical(p))) {
      report('WA806', target.span, `the translation leaves out the placeholder \`${p}\` (${doc.trgLang})`, 'keep every placeholder of the source text; its value is filled in when the message is sent');
      ok = false;
      givenSet.add(canonical(p)); // once
    }
  }
  const reported = new Set<string>();
  const phOf = new Map<string, Content['placeholders'][number]>();
  for (const ph of target.placeholders) if (ph.text !== null && !phOf.has(ph.text)) phOf.set(ph.text, ph);
  for (const p of given) {
    const c = canonical(p);
    if (allowed.has(c) || reported.has(c)) continue;
    reported.add(c);
    const ph = phOf.get(p);
    report('WA807', ph?.span ?? target.span, `the translation has the placeholder \`${p}\`, which the source text does not have`, `the source's placeholders: ${wanted.length > 0 ? wanted.map((w) => `\`${w}\``).join(', ') : 'none'}`);
    ok = false;
  }
  return ok;
}
