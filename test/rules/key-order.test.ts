import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { compile } from '../../compiler/index.js';
import { table } from '../harness.js';

const button = (order: string) => `
  messages:
    m:
      type: button
      body: Hi
      buttons: [{ id: a, title: A }, { id: b, title: B }]
      key_order:
${order}
`;

table(test, [
  { name: 'the body, the interactive object and every button pass', yaml: button('        $: [interactive, messaging_product, recipient_type, type]\n        interactive: [action, body, type]\n        interactive.action.buttons[]: [reply, type]\n        interactive.action.buttons[].reply: [title, id]') },
  { name: 'one button by its index passes', yaml: button('        interactive.action.buttons[1].reply: [title, id]') },
  { name: 'a Flow data object takes any key', yaml: button('        interactive.action.parameters.flow_action_payload.data.user: [name, age]') },
  { name: 'a path that is no object of a body fails at the path', yaml: button('        «interactive.actions»: [buttons]'), expect: [{ code: 'WA211', message: '`interactive.actions` is no object of a request body' }] },
  { name: 'a key the object cannot have fails at the key', yaml: button('        interactive.action.buttons[].reply: [title, «label»]'), expect: [{ code: 'WA211', message: '`interactive.action.buttons[].reply` has no key `label`' }] },
  { name: 'a key listed twice fails at the second', yaml: button('        interactive: [action, body, «action»]'), expect: [{ code: 'WA211', message: '`action` is listed twice' }] },
  { name: 'a key order that is not a mapping of lists fails the structure check', yaml: button('        interactive: «action»'), expect: [{ code: 'WA203' }] },
]);

test('the body is built in the key order given; keys not listed follow in the documented order', () => {
  const result = compile([{ path: 'm.wa.yaml', text: button('        $: [interactive, type]\n        interactive.action.buttons[].reply: [title]') }], { to: '15551234567' });
  const body = JSON.parse(result.outputs[0]!.text) as { interactive: { action: { buttons: { reply: object }[] } } };
  assert.equal(Object.keys(body), ['interactive', 'type', 'messaging_product', 'recipient_type', 'to']);
  assert.equal(Object.keys(body.interactive.action.buttons[1]!.reply), ['title', 'id']);
});

test('without key_order a body keeps the documented order', () => {
  const result = compile([{ path: 'm.wa.yaml', text: 'messages:\n  m:\n    type: button\n    body: Hi\n    buttons: [{ id: a, title: A }]\n' }], { to: '15551234567' });
  assert.equal(Object.keys(JSON.parse(result.outputs[0]!.text)), ['messaging_product', 'recipient_type', 'to', 'type', 'interactive']);
});

test.run();
