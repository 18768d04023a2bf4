// Template parsing per string against yaml's parse of the same strings (one document, a list
// of double-quoted scalars, with the loader's options), in one process: what reading the
// strings from a file already costs. (An earlier baseline, a loop that only looked at each
// character, gave ratios near 120x that said nothing: no parser that builds tokens, a tree
// and an AST comes near one comparison per character.) Only strings holding `{{` are ever
// parsed. No assertions: a benchmark reports.
import { parseDocument } from 'yaml';
import { parseTemplate } from '../grammar/index.js';

/** Realistic templated strings, varied, generated deterministically. */
export function corpus(n: number): string[] {
  const shapes = [
    (i: number) => `Hi {{ name }}! Your order {{ order_id }} ships in ${i % 9} days.`,
    (i: number) => `{{ p.name | truncate(24) }} #${i}`,
    (i: number) => `sku:{{ p.sku }}-${i}`,
    (i: number) => `₹{{ p.price | number(2) }} · free delivery over ₹${999 + i}`,
    (i: number) => `https://shop.example.com/track/{{ order_id }}?src=wa&n=${i}`,
    (i: number) => `{{ first_name | upper | truncate(20) }}, we're here 24/7 (${i})`,
    (i: number) => `Dear {{ customer.first | default("friend") }}, item {{ items[${i % 5}].name }} is back in stock!`,
  ];
  return Array.from({ length: n }, (_, i) => shapes[i % shapes.length]!(i));
}

function yamlParse(document: string): number {
  return parseDocument(document, { prettyErrors: false, uniqueKeys: false, merge: false }).contents === null ? 0 : 1;
}

function parseAll(strings: string[]): number {
  let n = 0;
  for (const s of strings) n += parseTemplate(s).template.parts.length;
  return n;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

/** Times `fn` over `rounds` runs (after a warm-up) and returns the median in ms. */
function time(fn: () => number, rounds: number): number {
  fn();
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t = performance.now();
    fn();
    samples.push(performance.now() - t);
  }
  return median(samples);
}

/** Medians in ms over all the strings. */
export function benchTemplates(strings: number, rounds: number): { name: string; baseline: number; measured: number }[] {
  const input = corpus(strings);
  // JSON's string syntax is YAML's double-quoted scalar.
  const document = input.map((s) => `- ${JSON.stringify(s)}\n`).join('');
  const yaml = time(() => yamlParse(document), rounds);
  const parse = time(() => parseAll(input), rounds);
  return [{ name: `template parsing vs yaml's parse of the same strings, ${strings}`, baseline: yaml, measured: parse }];
}
