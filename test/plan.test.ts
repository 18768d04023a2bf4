import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { compile } from '../compiler/compile.js';
import { Reporter } from '../compiler/diagnostics/diagnostic.js';
import { load } from '../compiler/load/load.js';
import { buildFile } from '../compiler/model/build.js';
import { evaluate } from '../compiler/plan/evaluate.js';
import { planMessage } from '../compiler/plan/plan.js';
import { RULES } from '../compiler/rules/index.js';
import { checkTemplates } from '../compiler/templates/check.js';
import { instantiate } from '../compiler/templates/instantiate.js';
import { parseTemplate } from '../grammar/index.js';

const CAROUSEL = `params:
  picks: { type: array, minItems: 1, maxItems: 3, items: { id: { type: string, maxLength: 8 }, title: { type: string, minLength: 1, maxLength: 12 } } }
messages:
  m:
    type: carousel
    body: Pick
    cards:
      - image: https://example.com/a.png
        buttons: [{ each: picks, as: p, id: "a{{ p.id }}", title: "{{ p.title }}" }]
      - image: https://example.com/b.png
        buttons: [{ id: b1, title: B1 }, { id: b2, title: B2 }]
`;

/** Freezes a value and everything it reaches: a later stage that writes into it throws. */
function deepFreeze<T>(value: T, seen = new Set<unknown>()): T {
  if (typeof value !== 'object' || value === null || seen.has(value)) return value;
  seen.add(value);
  for (const k of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[k], seen);
  return Object.freeze(value);
}

function model(text: string) {
  const r = new Reporter('a.wa.yaml');
  const file = buildFile('a.wa.yaml', load(text, r).root!, text, r, parseTemplate);
  return { r, file };
}

test('no stage writes into the model: template check, rules, plan, evaluation and instantiation run on a frozen one', () => {
  const { r, file } = model(CAROUSEL);
  const m = deepFreeze(file.messages[0]!);
  const typed = checkTemplates(m, r).message;
  for (const rule of RULES) rule.check(typed, r);
  assert.equal(r.diagnostics.filter((d) => d.severity === 'error'), []);
  const plan = planMessage(deepFreeze(typed), r.checks);
  const values = { picks: [{ id: '1', title: 'One' }, { id: '2', title: 'Two' }] };
  assert.ok('body' in evaluate(deepFreeze(plan), values));
  instantiate(typed, values);
  // The model itself still has its untyped placeholders: the typed copy is another object.
  const part = m.cards!.items[0]!.buttons!.items[0]!.title!.parts[0]!;
  assert.is(part.kind === 'expr' && part.type, undefined);
});

test('a check the compiler cannot prove is a typed value on the plan: same count on every card', () => {
  const { r, file } = model(CAROUSEL);
  const typed = checkTemplates(file.messages[0]!, r).message;
  for (const rule of RULES) rule.check(typed, r);
  const plan = planMessage(typed, r.checks);
  const cards = plan.interactive.entries.find((e) => e.key === 'action')!.value;
  assert.is(cards.kind, 'object');
  const list = cards.kind === 'object' ? cards.entries[0]!.value : undefined;
  assert.is(list?.kind, 'list');
  assert.equal(list?.kind === 'list' ? list.checks.map((c) => c.kind) : [], ['unique', 'sameCount']);
  const one = evaluate(plan, { picks: [{ id: '1', title: 'One' }] });
  assert.ok('failure' in one && one.failure.check.kind === 'sameCount');
  assert.ok('body' in evaluate(plan, { picks: [{ id: '1', title: 'One' }, { id: '2', title: 'Two' }] }));
  // Both interpreters read the same check: the printed sender calls the same function.
  const module = compile([{ path: 'a.wa.yaml', text: CAROUSEL }], { emit: ['ts'] }).outputs[0]!.text;
  assert.match(module, /\$\.sameCount\(m\$site\("cards\[\]\.action\.buttons", 7, 5\), \$\.uniqueAt\(m\$site\("quick-reply id", 7, 5\), \$\.indexCards\(/);
});

test('compile() imported from its own module compiles templates: it brings its parser', () => {
  const text = 'params:\n  name: { type: string, maxLength: 10 }\nmessages:\n  m: { type: location_request_message, body: "Hi {{ name }}" }\n';
  const r = compile([{ path: 'a.wa.yaml', text }], { data: { path: 'd.json', text: '{"name":"Asha"}' } });
  assert.equal(r.diagnostics, []);
  assert.is((r.messages[0]!.body.interactive['body'] as { text: string }).text, 'Hi Asha');
});

test.run();
