import { test } from 'uvu';
import { chars, table } from '../harness.js';

const msg = (buttons: string) => `
  messages:
    m:
      type: button
      body: Hi
      buttons:
${buttons}
`;
const b = (id: string, title: string) => `        - { id: ${id}, title: ${title} }`;

table(test, [
  { name: 'one button passes', yaml: msg(b('a', 'A')) },
  { name: 'three buttons pass', yaml: msg([b('a', 'A'), b('b', 'B'), b('c', 'C')].join('\n')) },
  { name: 'a fourth button fails, at the fourth', yaml: msg([b('a', 'A'), b('b', 'B'), b('c', 'C'), `        - «{ id: d, title: D }»`].join('\n')), expect: [{ code: 'WA304', message: 'has 4 reply buttons; the limit is 3' }] },
  // An item that is not a mapping (WA203) counts, and items are pointed at by their place as written.
  { name: 'a fourth button fails at the fourth, with a number after it', yaml: msg([b('a', 'A'), b('b', 'B'), b('c', 'C'), `        - «{ id: d, title: D }»`, '        - «5»'].join('\n')), expect: [{ code: 'WA304', message: 'has 5 reply buttons; the limit is 3' }, { code: 'WA203' }] },
  { name: 'a number as the fourth button is over the limit', yaml: msg([b('a', 'A'), b('b', 'B'), b('c', 'C'), '        - ««5»»'].join('\n')), expect: [{ code: 'WA203' }, { code: 'WA304', message: 'has 4 reply buttons' }] },
  { name: 'no buttons fails, at the key', yaml: `
    messages:
      m:
        type: button
        body: Hi
        «buttons»: []
  `, expect: [{ code: 'WA305' }] },
  { name: 'a title of 20 characters passes', yaml: msg(b('a', chars(20))) },
  { name: 'a title of 21 characters fails', yaml: msg(b('a', `«${chars(21)}»`)), expect: [{ code: 'WA301', message: 'button title is 21 characters; the limit is 20' }] },
  { name: 'a title of 20 emoji passes', yaml: msg(b('a', chars(20, '👍'))) },
  { name: 'a title of 21 emoji fails', yaml: msg(b('a', `«${chars(21, '👍')}»`)), expect: [{ code: 'WA301' }] },
  { name: 'a title of 20 Cyrillic letters passes', yaml: msg(b('a', chars(20, 'Ж'))) },
  { name: 'an id of 256 characters passes', yaml: msg(b(chars(256), 'A')) },
  { name: 'an id of 257 characters fails', yaml: msg(b(`«${chars(257)}»`, 'A')), expect: [{ code: 'WA301', message: 'button id is 257 characters' }] },
  { name: 'an id with a leading space fails', yaml: msg(b('«" a"»', 'A')), expect: [{ code: 'WA306' }] },
  { name: 'an id with a trailing space fails', yaml: msg(b('«"a "»', 'A')), expect: [{ code: 'WA306' }] },
  { name: 'an empty title fails', yaml: msg(b('a', '«""»')), expect: [{ code: 'WA303' }] },
  { name: 'a duplicate id points at the second and names the first', yaml: msg([b('same', 'A'), b('«same»', 'B')].join('\n')), expect: [{ code: 'WA407', related: '6:15' }] },
  { name: 'a duplicate title fails', yaml: msg([b('a', 'Yes'), b('b', '«Yes»')].join('\n')), expect: [{ code: 'WA408', related: '6:25' }] },
  { name: 'ids differing only in case are different', yaml: msg([b('a', 'A'), b('A', 'B')].join('\n')) },
  { name: 'numeric ids are their written text: 1 and 1.0 differ', yaml: msg([b('1', 'A'), b('1.0', 'B')].join('\n')) },
]);

test.run();
