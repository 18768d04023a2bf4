import { isTemplate, parseTemplate } from '../../grammar/index.js';

/** A text cut into literal runs and `{{ … }}` placeholders (each kept exactly as written). */
export type Piece = { kind: 'text'; text: string } | { kind: 'placeholder'; text: string };

/**
 * The pieces of a text: placeholders are found by the template grammar, so that a `}}` inside
 * a quoted literal (`{{ "}}" }}`) does not end one. A placeholder that does not parse is still
 * one piece, from its `{{` to where the grammar stopped.
 */
export function pieces(text: string): Piece[] {
  if (!isTemplate(text)) return text === '' ? [] : [{ kind: 'text', text }];
  const out: Piece[] = [];
  for (const part of parseTemplate(text).template.parts) {
    const slice = text.slice(part.start, part.end);
    if (slice === '') continue;
    out.push({ kind: part.kind === 'expr' ? 'placeholder' : 'text', text: slice });
  }
  return out;
}

/** The placeholders of a text, as written, in order. */
export function placeholders(text: string): string[] {
  return pieces(text)
    .filter((p) => p.kind === 'placeholder')
    .map((p) => p.text);
}

/**
 * A placeholder's form for comparison: white space outside quoted literals removed, so that
 * `{{name|upper}}` and `{{ name | upper }}` are the same placeholder.
 */
export function canonical(placeholder: string): string {
  let out = '';
  let quote = '';
  for (let i = 0; i < placeholder.length; i++) {
    const c = placeholder[i]!;
    if (quote !== '') {
      out += c;
      if (c === '\\' && i + 1 < placeholder.length) out += placeholder[++i];
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") {
      quote = c;
      out += c;
    } else if (!/\s/.test(c)) out += c;
  }
  return out;
}
