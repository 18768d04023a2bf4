import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { compile } from '../compiler/index.js';
import { dedent } from './harness.js';

/** Applies a diagnostic's first fix and returns the new text. */
function applyFix(text: string, code: string): string {
  const d = compile([{ path: 'f.wa.yaml', text }]).diagnostics.find((x) => x.code === code);
  assert.ok(d?.fixes?.[0], `a fix for ${code}`);
  let out = text;
  for (const e of [...d!.fixes![0]!.edits].sort((a, b) => b.span.start - a.span.start)) out = out.slice(0, e.span.start) + e.text + out.slice(e.span.end);
  return out;
}

const message = (params: string) =>
  dedent(`
    params:
    ${params}
    messages:
      m:
        type: button
        body: Pick
        buttons: [{ id: a, title: "Hi {{ name }}" }]
  `);

for (const [style, params] of [
  ['a shorthand', '  name: string'],
  ['a flow mapping', '  name: { type: string, minLength: 1 }'],
  ['a flow mapping with a maxLength', '  name: { type: string, minLength: 1, maxLength: 40 }'],
  ['a block mapping', '  name:\n        type: string\n        minLength: 1'],
] as const) {
  test(`the maxLength fix on ${style} makes the title safe`, () => {
    const fixed = applyFix(message(params), 'WA514');
    const codes = compile([{ path: 'f.wa.yaml', text: fixed }]).diagnostics.map((d) => d.code);
    assert.not.ok(codes.includes('WA514'), `${fixed}\n${codes}`);
    assert.ok(!codes.some((c) => c.startsWith('WA1') || c.startsWith('WA2')), `still valid YAML and structure: ${fixed}`);
  });
}

test('the rename fix removes a duplicate id', () => {
  const text = dedent(`
    messages:
      m:
        type: button
        body: Pick
        buttons:
          - { id: yes, title: Yes }
          - { id: yes, title: Sure }
  `);
  const fixed = applyFix(text, 'WA407');
  assert.match(fixed, /\{ id: yes_2, title: Sure \}/);
  assert.equal(compile([{ path: 'f.wa.yaml', text: fixed }]).diagnostics, []);
});

test.run();
