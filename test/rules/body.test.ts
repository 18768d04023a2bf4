import { test } from 'uvu';
import { chars, table } from '../harness.js';

const button = (body: string) => `
  messages:
    m:
      type: button
      body: ${body}
      buttons: [{ id: a, title: A }]
`;
const list = (body: string) => `
  messages:
    m:
      type: list
      body: ${body}
      button: Open
      sections: [{ title: S, rows: [{ id: a, title: A }] }]
`;

table(test, [
  { name: 'a body of 1024 characters passes', yaml: button(chars(1024)) },
  { name: 'a body of 1025 characters is too long', yaml: button(`«${chars(1025)}»`), expect: [{ code: 'WA301', message: 'body is 1025 characters; the limit is 1024' }] },
  { name: 'emoji count as one character each: 1024 passes', yaml: button(chars(1024, '😀')) },
  { name: 'emoji count as one character each: 1025 fails', yaml: button(`«${chars(1025, '😀')}»`), expect: [{ code: 'WA301', message: '1025 characters' }] },
  { name: 'Devanagari counts code points', yaml: button(`«${chars(1025, 'क')}»`), expect: [{ code: 'WA301' }] },
  { name: 'an empty body is an error', yaml: button('«""»'), expect: [{ code: 'WA303' }] },
  { name: 'a body of only spaces is an error', yaml: button('«"   "»'), expect: [{ code: 'WA303' }] },
  { name: 'a numeric body keeps its characters', yaml: button('1.50') },
  { name: 'a list body of 1024 passes', yaml: list(chars(1024)) },
  { name: 'a list body of 1025 is a warning (sources disagree)', yaml: list(`«${chars(1025)}»`), expect: [{ code: 'WA302', severity: 'warning', message: 'some sources say 1024' }] },
  { name: 'a list body of 4096 is still only a warning', yaml: list(`«${chars(4096)}»`), expect: [{ code: 'WA302', severity: 'warning' }] },
  { name: 'a list body of 4097 is an error', yaml: list(`«${chars(4097)}»`), expect: [{ code: 'WA301', severity: 'error', message: 'the limit is 4096' }] },
]);

test.run();
