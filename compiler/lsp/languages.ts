/**
 * Counts per language for the editor: an inlay hint after each language's text of a
 * mapping (`de ⚠ 21/20`), and on hover over any of them, every language's count of that text.
 * Pure: the language texts of a compile in, hints and markdown out.
 */
import type { Span } from '../source.js';
import type { TranslatableText } from '../translations/model.js';
import type { Hint } from './decorations.js';

/** `21/20`, `≤31/20` (placeholders: its longest), with ⚠ when over. */
function count(t: TranslatableText): { label: string; over: boolean; words: string } {
  const fixed = t.length.max !== null && t.length.min === t.length.max;
  const most = t.length.max === null ? '∞' : String(t.length.max);
  const over = t.maxLength !== null && (t.length.max === null || t.length.max > t.maxLength);
  const n = fixed ? most : `≤${most}`;
  const label = `${over ? '⚠ ' : ''}${n}${t.maxLength !== null ? `/${t.maxLength}` : ''}`;
  const words = fixed ? `${most} character${most === '1' ? '' : 's'}` : `${t.length.min} to ${t.length.max === null ? 'any number of' : t.length.max} characters, by its params`;
  return { label, over, words };
}

/** The end of a span's first line, before trailing white space: where a hint goes. */
function hintOffset(text: string, span: Span): number {
  const nl = text.indexOf('\n', span.start);
  let offset = nl === -1 || nl > span.end ? span.end : nl;
  while (offset > span.start && /[\s\r]/.test(text[offset - 1]!)) offset--;
  return offset;
}

/**
 * A hint per language text written in a mapping of languages (not for a text shared by every
 * language: its one count is the usual hint), labelled with its language.
 */
export function languageHints(texts: readonly TranslatableText[], file: string, source: string, range?: Span): Hint[] {
  const out: Hint[] = [];
  // One hint per scalar and language: the uses of an aliased mapping share them; an aliased
  // language's scalar is its anchor's, where another language's hint stands.
  const done = new Set<string>();
  for (const t of texts) {
    if (t.file !== file || t.shared || !t.span || t.text === null || t.maxLength === null || t.alias) continue;
    if (range && (t.span.end < range.start || t.span.start > range.end)) continue;
    const key = `${t.span.start}\u0000${t.language}`;
    if (done.has(key)) continue;
    done.add(key);
    const c = count(t);
    out.push({ offset: hintOffset(source, t.span), label: `${t.language} ${c.label}`, tooltip: `\`${t.language}\` ${t.field}: ${c.words}; the limit is ${t.maxLength}`, over: c.over });
  }
  return out.sort((x, y) => x.offset - y.offset);
}

/** The spans of the language texts, to leave out the usual one-language hint where a language hint stands. */
export function languageSpans(texts: readonly TranslatableText[], file: string): Set<number> {
  const out = new Set<number>();
  for (const t of texts) if (t.file === file && !t.shared && t.span) out.add(t.span.start);
  return out;
}

/**
 * Hover on a language's text (or its mapping): the count of that text in every language of
 * its message, the one under the cursor in bold.
 */
export function languageHover(texts: readonly TranslatableText[], file: string, offset: number): { markdown: string; span: Span } | undefined {
  let hit: TranslatableText | undefined;
  for (const t of texts) {
    if (t.file !== file) continue;
    if (t.span && !t.alias && offset >= t.span.start && offset <= t.span.end) {
      if (!hit || !hit.span || hit.span.start !== t.span.start) hit = t; // the first use of an aliased mapping names it
    }
    else if (!hit && !t.shared && t.mapSpan && offset >= t.mapSpan.start && offset <= t.mapSpan.end) hit = t;
  }
  if (!hit) return undefined;
  const same = texts.filter((t) => t.file === file && t.message === hit.message && t.field === hit.field);
  const lines = [`**${hit.field}** of \`${hit.message}\` in ${same.length} language${same.length === 1 ? '' : 's'}${hit.maxLength !== null ? ` (limit ${hit.maxLength})` : ''}${hit.shared ? ', one text for all' : ''}:`, ''];
  for (const t of same) {
    const here = t === hit && hit.span !== null && offset >= hit.span.start && offset <= hit.span.end;
    const name = here ? `**${t.language}**` : t.language;
    lines.push(t.text === null ? `- ${name}: missing` : `- ${name}: ${count(t).label}${count(t).over ? ' (over)' : ''}`);
  }
  return { markdown: lines.join('\n'), span: (hit.span && offset >= hit.span.start && offset <= hit.span.end ? hit.span : hit.mapSpan) ?? hit.span! };
}
