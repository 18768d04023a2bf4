import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Analysis } from '../compiler/lsp/analysis.js';
import { complete } from '../compiler/lsp/features.js';

/** Completion at `|` in a text: [text with |, trigger, labels expected (or a check)]. */
const CASES: [string, string | undefined, string[] | ((labels: string[]) => boolean)][] = [
  // A space inside a text, a quoted string or a comment: nothing.
  ['messages:\n  m:\n    type: button\n    body: Hello |\n', ' ', []],
  ['messages:\n  m:\n    type: button\n    body: "Hello |\n', ' ', []],
  ['messages:\n  m:\n    type: button\n    # a note |\n', ' ', []],
  // A space after `key: `: values only.
  ['messages:\n  m:\n    type: |\n', ' ', (l) => l.length === 15 && l.includes('carousel') && l.includes('product_list') && l.includes('template')],
  // A space at the start of a line: no keys popping up.
  ['messages:\n  m:\n    type: button\n    |\n', ' ', []],
  // Asked for: the keys the type accepts, those given left out in flow mappings.
  ['messages:\n  m:\n    type: location_request_message\n    |\n', undefined, (l) => l.includes('body') && !l.includes('header') && !l.includes('footer')],
  ['messages:\n  m:\n    type: carousel\n    body: x\n    |\n', undefined, (l) => l.includes('cards') && !l.includes('header') && !l.includes('footer')],
  ['messages:\n  m:\n    type: button\n    |\n', undefined, (l) => l.includes('header') && l.includes('footer') && l.includes('buttons')],
  ['messages:\n  m:\n    type: button\n    body: x\n    buttons:\n      - { id: a, | }\n', ',', (l) => l.includes('title') && !l.includes('id')],
  // A new list item, first of its list: the item's keys (not the list owner's).
  ['messages:\n  m:\n    type: list\n    body: x\n    button: y\n    sections:\n      - title: s\n        rows:\n          - |\n', undefined, (l) => l.includes('title') && l.includes('description') && !l.includes('rows')],
  // Inside a flow mapping after `key: `: that key's values.
  ['messages:\n  m:\n    type: flow\n    body: x\n    flow: { id: "1", mode: | }\n', ' ', ['draft', 'published']],
];

test('completion by context: keys, values, and nothing inside text', () => {
  for (const [marked, trigger, expected] of CASES) {
    const offset = marked.indexOf('|');
    const text = marked.replace('|', '');
    const labels = complete(new Analysis('t.wa.yaml', text, 1, { compiles: 0, outputs: 0 }), offset, undefined, trigger).map((c) => c.label);
    if (typeof expected === 'function') assert.ok(expected(labels), `${JSON.stringify(marked)}: ${labels.join()}`);
    else assert.equal(labels, expected, JSON.stringify(marked));
  }
});

test('an analysis compiles its version once, whatever is asked of it', () => {
  const stats = { compiles: 0, outputs: 0 };
  const a = new Analysis('t.wa.yaml', 'messages:\n  m:\n    type: button\n    body: x\n    buttons:\n      - { id: a, title: b }\n', 1, stats);
  for (let i = 0; i < 5; i++) {
    complete(a, 40);
    void a.root;
    void a.file;
    void a.outputs;
  }
  assert.is(stats.compiles, 1);
  // Over the size limit: never parsed, every feature empty.
  const big = new Analysis('big.wa.yaml', `messages:\n${'#'.repeat(2000)}\n`, 1, stats, 1000);
  assert.ok(big.tooLarge);
  assert.is(big.root, undefined);
  assert.equal(complete(big, 5), []);
  assert.equal(big.compiled.diagnostics.map((d) => d.code), ['WA903']);
});

test.run();
