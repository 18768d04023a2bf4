import { test } from 'uvu';
import { chars, table } from '../harness.js';

const list = (button: string) => `
  messages:
    m:
      type: list
      body: Hi
      button: ${button}
      sections: [{ title: S, rows: [{ id: a, title: A }] }]
`;

table(test, [
  { name: 'a label of 20 characters passes', yaml: list(chars(20)) },
  { name: 'a label of 21 characters fails', yaml: list(`«${chars(21)}»`), expect: [{ code: 'WA301', message: 'list button is 21 characters; the limit is 20' }] },
  { name: 'a label of 20 Thai letters passes', yaml: list(chars(20, 'ก')) },
  { name: 'an empty label fails', yaml: list('«" "»'), expect: [{ code: 'WA303' }] },
]);

test.run();
