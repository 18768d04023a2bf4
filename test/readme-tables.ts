import { CODES, type Code } from '../compiler/diagnostics/codes.js';
import { LIMITS, type Limit } from '../compiler/limits.js';

/** The README's table of diagnostic codes, from the codes table. */
export function codesTable(): string {
  const rows = (Object.keys(CODES) as Code[]).map((code) => {
    const c = CODES[code];
    return `| \`${code}\` | \`${c.name}\` | ${c.severity} | ${c.summary} |`;
  });
  return ['| code | name | severity | meaning |', '|---|---|---|---|', ...rows].join('\n');
}

function bound(l: Limit): string {
  if (l.wording) return l.wording;
  if (l.values) return l.values.length === 0 ? 'not allowed' : l.values.map((v) => `\`${v}\``).join(', ');
  if (l.max === 0) return 'not allowed';
  if (l.min !== undefined && l.max !== undefined) return l.min === l.max ? `exactly ${l.min}` : `${l.min}–${l.max}`;
  if (l.max !== undefined) return `≤ ${l.max}`;
  return `≥ ${l.min}`;
}

/** The README's table of limits, from the limits table. */
export function limitsTable(): string {
  // A `|` in a cell (even in a code span) would end the cell: escaped, as GitHub's tables read it.
  const cell = (text: string): string => text.replaceAll('|', '\\|');
  const rows = Object.entries(LIMITS).map(([name, l]) => `| \`${name}\` | ${cell(l.label)} | \`${cell(l.field)}\` | ${cell(bound(l))} | ${l.severity} | ${cell(`${'basis' in l ? `(${l.basis}) ` : ''}${l.source}`)} |`);
  return ['| row | what | field | limit | severity | source |', '|---|---|---|---|---|---|', ...rows].join('\n');
}

/** Replaces what stands between `<!-- NAME:start -->` and `<!-- NAME:end -->`. */
export function replaceBetween(text: string, name: string, content: string): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a === -1 || b === -1) throw new Error(`README lacks the ${name} markers`);
  return `${text.slice(0, a + start.length)}\n${content}\n${text.slice(b)}`;
}
