import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { compilePattern, type Pattern } from '../runtime/pattern.js';
import { codePoints } from '../runtime/template.js';
import { table } from './harness.js';

const compiled = (source: string): Pattern => {
  const p = compilePattern(source);
  if (!('test' in p)) throw new Error(`${source}: ${p.message}`);
  return p;
};

// Patterns of every construct the matcher runs, and the alphabet their random values use.
const PATTERNS = [
  '^(a+)+$', '^(a|aa)*b$', '^[^].*[a]$', '[a-c]{2,4}', '^SKU-\\d{3,5}$', '(?:ab|a)(?:bc|c)?', '^(?<word>[a-z]+)( [a-z]+)*$', 'x*y?z+',
  '[]', '[^]', '.', '.*\\n.*', '\\w+@\\w+\\.(com|org)', '^(a*)*$', 'a{0,3}b{2}', '\\u{1F600}|😀+', '[\\u0041-\\u0043]+', '\\p{Lu}\\p{Ll}*', '^$|^a$', 'a|^b|c$', '(a|b)*a(a|b){3}',
  '\\s*\\S+\\s*', '[\\d\\-]+', '\\uD83D\\uDE00', '(x|)+y',
];
const ALPHABET = ['a', 'b', 'c', 'x', 'y', 'z', 'A', 'B', ' ', '\n', '-', '1', '5', '@', '.', 'o', 'm', 'S', 'K', 'U', '😀', '\ud800', 'é'];

test('the linear matcher agrees with JavaScript regular expressions on random values (whole-value match)', () => {
  for (const source of PATTERNS) {
    const mine = compiled(source);
    const js = new RegExp(`^(?:${source})$`, 'u');
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...ALPHABET), { maxLength: 14 }).map((a) => a.join('')), (value) => {
        if (mine.test(value) !== js.test(value)) throw new Error(`${source} on ${JSON.stringify(value)}: ${mine.test(value)} vs ${js.test(value)}`);
      }),
      { numRuns: 400, seed: 12 },
    );
    // And on values the pattern matches, generated from it.
    if (source === '[]') continue; // Nothing matches: nothing to generate.
    fc.assert(
      fc.property(fc.stringMatching(js, { maxLength: 30 }), (value) => {
        assert.ok(mine.test(value), `${source} matches ${JSON.stringify(value)}`);
        const n = codePoints(value);
        // The length bounds hold for every matching value.
        assert.ok(n >= mine.bounds.min && n <= mine.bounds.max, `${source}: ${n} outside ${mine.bounds.min}..${mine.bounds.max}`);
      }),
      { numRuns: 200, seed: 13 },
    );
  }
});

test('matching is linear: at most one visit of each state per character, on hostile values too', () => {
  const cases = [['^(a+)+$', `${'a'.repeat(10_000)}!`, false], ['^(a|aa)*b$', 'a'.repeat(10_000), false], ['(x+x+)+y', 'x'.repeat(10_000), false], ['^(a*)*$', 'a'.repeat(10_000), true], ['^[^].*[a]$', 'b'.repeat(9_999) + 'a', true]] as const;
  for (const [source, value, matches] of cases) {
    const p = compiled(source);
    assert.is(p.test(value), matches, source);
    assert.ok(p.steps(value) <= p.states * (codePoints(value) + 1), `${source}: ${p.steps(value)} steps`);
  }
});

// Unused params warn (WA510) unless read: the message reads `code`.
const param = (pattern: string) => `
  params:
    code: { type: string, minLength: 1, maxLength: 9, pattern: ${pattern} }
  messages:
    m: { type: location_request_message, body: "{{ code }}" }
`;

table(test, [
  { name: 'a back-reference is refused', yaml: param(String.raw`«'^(a)\1$'»`), expect: [{ code: 'WA523', message: 'back-reference `\\1`' }] },
  { name: 'a named back-reference is refused', yaml: param(String.raw`«'^(?<x>a)\k<x>$'»`), expect: [{ code: 'WA523' }] },
  { name: 'lookahead is refused', yaml: param("«'^(?=a)a$'»"), expect: [{ code: 'WA523', message: 'lookaround' }] },
  { name: 'negative lookbehind is refused', yaml: param("«'^(?<!a)b$'»"), expect: [{ code: 'WA523' }] },
  { name: 'a word boundary is refused', yaml: param(String.raw`«'\bword'»`), expect: [{ code: 'WA523', message: 'word boundary' }] },
  { name: 'too much counted repetition is refused', yaml: param("«'^((a{100}){100}){2}$'»"), expect: [{ code: 'WA524' }] },
  { name: 'not a regular expression', yaml: param("«'^(a$'»"), expect: [{ code: 'WA503' }] },
  { name: 'a hostile but regular pattern is fine: it runs without backtracking', yaml: param("'^(a+)+$'") },
]);

test.run();
