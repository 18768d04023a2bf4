import type { LNode } from '../load/tree.js';
import type { Message, Text } from '../model/types.js';
import type { CompileResult } from '../pipeline.js';
import type { Span } from '../source.js';
import { textBounds } from '../templates/bounds.js';
import { isText, languagesOf } from './project.js';

/** One text of one message in one language, as written in the .wa.yaml source. */
export interface LanguageText {
  file: string; // Source name as given to compile()
  message: string; // message name (key under messages:)
  field: string; // dotted source path inside the message, e.g. "body", "buttons.0.title", "sections.1.rows.0.description"
  language: string; // language code, e.g. "de"
  text: string | null; // the text in that language; null when the mapping misses it (an error elsewhere)
  span: Span | null; // span of that language's scalar in the source (null when missing);
  //   for a plain (non-map) text shared by all languages: the plain scalar's span
  shared: boolean; // true when the source gives one plain text for every language
  maxLength: number | null; // the limit this text is checked against (limits table), null if none
  length: { min: number; max: number | null }; // proven length bounds, in the same unit the
  //   limit uses (code points; placeholders contribute their bounds)
  /** The span of the language mapping the text stands in (null for a shared text): where a missing language goes. */
  mapSpan: Span | null;
}

/** The messages and texts of a compile, for translation tools (see languageTexts). */
export interface LanguageIndex {
  messages: { file: string; message: string; languages: string[] }[];
  texts: LanguageText[];
}

/**
 * Every translatable text of every message, languages in declared order, fields in source
 * order (grouped by message, then language). `languages` per message: the declared list
 * (first = default); a message in one language (no `languages:`) is listed with none, and
 * has no texts here. Sources with errors are included: a text over its limit is exactly what
 * a translator must see. Pure: no I/O.
 */
export function languageTexts(result: CompileResult): {
  messages: { file: string; message: string; languages: string[] }[];
  texts: LanguageText[];
} {
  return result.languages ?? { messages: [], texts: [] };
}

/** The last key of a field that holds prose to translate (ids, URLs, codes and names are not). */
const PROSE = new Set(['header', 'text', 'body', 'footer', 'title', 'description', 'button', 'cta']);

/** One language of a message, as the pipeline checked it: the typed copy the rules read. */
export interface LanguageUnit {
  language: string;
  message: Message;
}

/**
 * The language texts of one message: for each of its languages (the typed copy the rules
 * checked, with the limit each text was measured against), every translatable text.
 * `node` is the message's mapping in the source, for the fields' source paths.
 */
export function messageTexts(source: Message, node: LNode | undefined, units: readonly LanguageUnit[], limits: ReadonlyMap<object, number>): LanguageText[] {
  const paths = new Map<number, string>();
  if (node) indexPaths(node, '', paths);
  // Where each language's own scalar stands, and the mapping around it.
  const mapOf = new Map<number, Span>();
  for (const t of texts(source)) for (const e of t.translations?.entries ?? []) mapOf.set(e.text.span.start, t.translations!.span);
  const out: LanguageText[] = [];
  for (const unit of units) {
    const list: { at: number; text: LanguageText }[] = [];
    for (const t of texts(unit.message)) {
      const map = mapOf.get(t.span.start) ?? null;
      const shared = map === null;
      let field = paths.get(t.span.start);
      if (field === undefined) continue;
      if (!shared) field = field.slice(0, field.lastIndexOf('.'));
      const last = field.slice(field.lastIndexOf('.') + 1);
      if (shared && !PROSE.has(last) && !field.includes('validation_errors')) continue;
      const bounds = textBounds(t);
      const missing = t.absent === true;
      list.push({
        at: map?.start ?? t.span.start,
        text: {
          file: source.file,
          message: source.name,
          field,
          language: unit.language,
          text: missing ? null : t.value,
          span: missing ? null : t.span,
          shared,
          maxLength: limits.get(t) ?? null,
          length: { min: bounds.min, max: Number.isFinite(bounds.max) ? bounds.max : null },
          mapSpan: map,
        },
      });
    }
    list.sort((a, b) => a.at - b.at);
    out.push(...list.map((x) => x.text));
  }
  return out;
}

/** The messages' entries of the index: each with its declared languages. */
export function messageEntry(m: Message): { file: string; message: string; languages: string[] } {
  return { file: m.file, message: m.name, languages: languagesOf(m) };
}

/** Every text of a message (not its params, nor parsed Flow data). */
function texts(m: Message): Text[] {
  const out: Text[] = [];
  const walk = (x: unknown, key: string): void => {
    if (key === 'params' || key === 'scope' || key === 'languages' || key === 'data' || key === 'scalar' || x === null || typeof x !== 'object') return;
    if (Array.isArray(x)) {
      for (const v of x) walk(v, '');
      return;
    }
    if (isText(x)) {
      out.push(x);
      return;
    }
    for (const [k, v] of Object.entries(x)) walk(v, k);
  };
  walk(m, '');
  return out;
}

/** The dotted source path of every value in a message's mapping, by where it starts; inner values win. */
function indexPaths(node: LNode, path: string, out: Map<number, string>, seen = new Set<LNode>()): void {
  // An aliased node is shared: its first place names it (and a cycle ends here).
  if (seen.has(node)) return;
  seen.add(node);
  out.set(node.span.start, path);
  if (node.kind === 'map') for (const e of node.entries) indexPaths(e.value, path === '' ? e.key : `${path}.${e.key}`, out, seen);
  else if (node.kind === 'seq') node.items.forEach((item, i) => indexPaths(item, path === '' ? String(i) : `${path}.${i}`, out, seen));
}
