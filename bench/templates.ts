// Template parsing per string against a plain scan of the same strings, in one process.
// The plain scan walks every character (what any reader of the string must at least do);
// the ratio says what the grammar costs on top. No assertions: a benchmark reports.
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

function plainScan(strings: string[]): number {
  let n = 0;
  for (const s of strings) for (let i = 0; i < s.length; i++) n += s.charCodeAt(i) === 123 ? 1 : 0;
  return n;
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

export function benchTemplates(strings: number, rounds: number): { name: string; baseline: number; measured: number; unit: string }[] {
  const input = corpus(strings);
  const scan = time(() => plainScan(input), rounds);
  const parse = time(() => parseAll(input), rounds);
  return [{ name: `template parsing, ${strings} strings`, baseline: scan, measured: parse, unit: 'ms' }];
}
