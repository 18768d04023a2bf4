import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { preview } from '../../compiler/preview/preview.js';
import type { TemplateView } from '../../compiler/message-templates/view.js';
import '../../compiler/index.js';

const ROOT = join(import.meta.dirname, '../..');
const source = { path: 'examples/templates.wa.yaml', text: readFileSync(join(ROOT, 'examples/templates.wa.yaml'), 'utf8') };
const data = { path: 'examples/data.json', text: readFileSync(join(ROOT, 'examples/data.json'), 'utf8') };
const view = (messages: ReturnType<typeof preview>['messages'], name: string) => messages.find((m) => m.name === name)!.body as TemplateView;

test('without data, templates are drawn with their params\' examples, as Meta reviews them', () => {
  const { messages } = preview([source]);
  assert.equal(messages.map((m) => [m.name, m.type, m.values]), [
    ['order_shipped', 'template', 'generated'],
    ['spring_sale', 'template', 'generated'],
    ['new_succulents', 'template', 'generated'],
    ['login_code', 'template', 'generated'],
  ]);
  const shipped = view(messages, 'order_shipped');
  assert.equal(shipped.header, { kind: 'text', text: 'Order GT-20418 has shipped' });
  assert.is(shipped.body, 'Hi Asha, your plants left our nursery today and are on their way to you.');
  assert.equal(shipped.buttons, [{ kind: 'quick_reply', text: 'Track order', id: 'track' }, { kind: 'quick_reply', text: 'Talk to us', id: 'talk_to_us' }]);
  const sale = view(messages, 'spring_sale');
  assert.equal(sale.offer, { text: 'Spring sale!', expires: true });
  assert.equal(sale.header, { kind: 'image', source: 'https://cdn.example.com/spring.png' });
  assert.equal(sale.buttons.map((b) => b.text), ['Copy offer code SPRING25', 'Shop the sale']);
  assert.is(view(messages, 'new_succulents').cards.length, 2);
  const login = view(messages, 'login_code');
  assert.is(login.body, '*482913* is your verification code. For your security, do not share this code.');
  assert.is(login.footer, 'This code expires in 10 minutes.');
});

test('with data, the data\'s values; the page draws the offer, the cards and each button', () => {
  const { html, messages } = preview([source], { ...data, text: data.text.replace('"Asha"', '"Ravi"') });
  assert.is(view(messages, 'order_shipped').body, 'Hi Ravi, your plants left our nursery today and are on their way to you.');
  const section = html.slice(html.indexOf('data-message="spring_sale"'), html.indexOf('data-message="new_succulents"'));
  assert.match(section, /class="offer"/);
  assert.match(section, /Spring sale!/);
  assert.match(section, /Good news, Ravi! Use code SPRING25/);
  const cards = html.slice(html.indexOf('data-message="new_succulents"'), html.indexOf('data-message="login_code"'));
  assert.is(cards.match(/class="card"/g)?.length, 2);
  assert.is(cards.match(/template-button quick_reply/g)?.length, 2);
});

test('more than three buttons: two and "See all options", as WhatsApp shows them', () => {
  const text = `
messages:
  m:
    type: template
    category: marketing
    language: en_US
    body: Our sale starts today, come and see.
    buttons:
${['a', 'b', 'c', 'd'].map((id) => `      - quick_reply: { id: ${id}, title: Option ${id} }`).join('\n')}
`;
  const { html } = preview([{ path: 'm.wa.yaml', text }]);
  const labels = [...html.matchAll(/class="action template-button [a-z_]+"[^>]*><span class="icon">[^<]*<\/span><span class="action-text"[^>]*>([^<]*)</g)].map((x) => x[1]);
  assert.equal(labels, ['Option a', 'Option b', 'See all options']);
});

test.run();
