import { test } from 'uvu';
import { table } from '../harness.js';

const tpl = (flow: string) => `
  messages:
    m:
      type: template
      category: marketing
      language: en_US
      body: Check out this new offer today.
      buttons:
        - flow: ${flow}
`;

table(test, [
  { name: 'a Flow by id passes', yaml: tpl('{ text: Book, flow: { id: "123" }, action: navigate, screen: WELCOME }') },
  { name: 'a Flow by id and name fails at the second', yaml: tpl('{ text: Book, flow: { id: "123", name: «booking» } }'), expect: [{ code: 'WA723', message: 'exactly one' }] },
  { name: 'a screen with data_exchange fails', yaml: tpl('{ text: Book, flow: { id: "123" }, action: data_exchange, screen: «WELCOME» }'), expect: [{ code: 'WA723', message: 'navigate' }] },
  { name: 'an unknown action fails', yaml: tpl('{ text: Book, flow: { id: "123" }, action: «navigat» }'), expect: [{ code: 'WA605' }] },
  { name: 'an unknown icon fails', yaml: tpl('{ text: Book, flow: { id: "123" }, icon: «document» }'), expect: [{ code: 'WA605', message: 'DOCUMENT' }] },
  { name: 'empty data fails', yaml: tpl('{ text: Book, flow: { id: "123" }, data: «{}» }'), expect: [{ code: 'WA723', message: 'empty' }] },
]);

test.run();
