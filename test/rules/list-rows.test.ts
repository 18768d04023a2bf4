import { test } from 'uvu';
import { chars, listWithSections as list, table } from '../harness.js';

const row = (id: string, title = 'Row', description?: string) => `{ id: ${id}, title: ${title}${description === undefined ? '' : `, description: ${description}`} }`;
const section = (title: string, rows: string[]) => `        - title: ${title}\n          rows:\n${rows.map((r) => `            - ${r}`).join('\n')}`;
const rows = (from: number, n: number) => Array.from({ length: n }, (_, i) => row(`r${from + i}`));

table(test, [
  { name: 'ten rows in one section pass', yaml: list(section('A', rows(0, 10))) },
  { name: 'ten rows across three sections pass', yaml: list([section('A', rows(0, 4)), section('B', rows(4, 3)), section('C', rows(7, 3))].join('\n')) },
  { name: 'eleven rows across sections fail at the eleventh, though no section has more than ten', yaml: list([section('A', rows(0, 6)), section('B', [...rows(6, 4), `«${row('r10')}»`])].join('\n')), expect: [{ code: 'WA304', message: '11 rows; the limit is 10 in total across all sections' }] },
  { name: 'a section without rows fails', yaml: list(`${section('A', rows(0, 1))}\n        - title: B\n          «rows»: []`), expect: [{ code: 'WA305' }] },
  // Rows that are not mappings (WA203) count as written.
  { name: 'two rows that are not mappings are rows: the section has rows', yaml: list(section('A', ['«5»', '«a»'])), expect: [{ code: 'WA203' }, { code: 'WA203' }] },
  { name: 'ten rows and a number are eleven, over the limit at the number', yaml: list(section('A', [...rows(0, 10), '««5»»'])), expect: [{ code: 'WA203' }, { code: 'WA304', message: '11 rows' }] },
  { name: 'a row title of 24 characters passes', yaml: list(section('A', [row('a', chars(24))])) },
  { name: 'a row title of 25 characters fails', yaml: list(section('A', [row('a', `«${chars(25)}»`)])), expect: [{ code: 'WA301', message: 'row title is 25 characters; the limit is 24' }] },
  { name: 'a row title of 24 emoji with skin tones counts code points', yaml: list(section('A', [row('a', `«${chars(12, '👍🏽')}${'x'}»`)])), expect: [{ code: 'WA301', message: '25 characters' }] },
  { name: 'a description of 72 characters passes', yaml: list(section('A', [row('a', 'Row', chars(72))])) },
  { name: 'a description of 73 characters fails', yaml: list(section('A', [row('a', 'Row', `«${chars(73)}»`)])), expect: [{ code: 'WA301', message: 'row description is 73 characters; the limit is 72' }] },
  { name: 'a row id of 200 characters passes', yaml: list(section('A', [row(chars(200))])) },
  { name: 'a row id of 201 characters fails', yaml: list(section('A', [row(`«${chars(201)}»`)])), expect: [{ code: 'WA301', message: 'row id is 201 characters; the limit is 200' }] },
  { name: 'a row id repeated in another section fails, naming the first', yaml: list([section('A', [row('dup')]), section('B', [row('«dup»')])].join('\n')), expect: [{ code: 'WA407', related: '9:19' }] },
  { name: 'a row id with white space around fails', yaml: list(section('A', [row('«"dup "»')])), expect: [{ code: 'WA306' }] },
  { name: 'an empty row title fails', yaml: list(section('A', [row('a', '«""»')])), expect: [{ code: 'WA303' }] },
]);

test.run();
