import { test } from 'uvu';
import { chars, listWithSections as list, table } from '../harness.js';

const s = (title: string | undefined, id: string) => `        - { ${title === undefined ? '' : `title: ${title}, `}rows: [{ id: ${id}, title: Row }] }`;
const many = (n: number) => Array.from({ length: n }, (_, i) => s(`S${i}`, `r${i}`)).join('\n');

table(test, [
  { name: 'one titled section passes', yaml: list(s('S', 'a')) },
  { name: 'ten sections pass', yaml: list(many(10)) },
  { name: 'an eleventh section fails (and so do rows)', yaml: list(`${many(10)}\n        - «{ title: S10, rows: [«{ id: r10, title: Row }»] }»`), expect: [{ code: 'WA304', message: 'has 11 sections; the limit is 10' }, { code: 'WA304', message: 'has 11 rows' }] },
  { name: 'no sections fails', yaml: `
    messages:
      m:
        type: list
        body: Hi
        button: Open
        «sections»: []
  `, expect: [{ code: 'WA305' }] },
  { name: 'a title of 24 characters passes', yaml: list(s(chars(24), 'a')) },
  { name: 'a title of 25 characters fails', yaml: list(s(`«${chars(25)}»`, 'a')), expect: [{ code: 'WA301', message: 'section title is 25 characters; the limit is 24' }] },
  { name: 'a title of 24 Hangul syllables passes', yaml: list(s(chars(24, '한'), 'a')) },
  { name: 'a single untitled section is a warning', yaml: list(`        - «{ rows: [{ id: a, title: Row }] }»`), expect: [{ code: 'WA410', severity: 'warning' }] },
  { name: 'an untitled section among two is an error', yaml: list(`${s('S', 'a')}\n        - «{ rows: [{ id: b, title: Row }] }»`), expect: [{ code: 'WA409', severity: 'error', message: 'section 2 of 2' }] },
  { name: 'an untitled section after one that is not a mapping is section 2 of 2, an error', yaml: list(`        - «5»\n        - «{ rows: [{ id: b, title: Row }] }»`), expect: [{ code: 'WA203' }, { code: 'WA409', severity: 'error', message: 'section 2 of 2' }] },
  { name: 'an empty section title fails', yaml: list(s('«""»', 'a')), expect: [{ code: 'WA303' }] },
]);

test.run();
