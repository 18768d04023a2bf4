import { test } from 'uvu';
import { chars, table } from '../harness.js';

const list = (sections: string, params = '') => `
  messages:
    m:
      type: product_list
      header: Plants
      body: Our picks
      catalog: "1462"${params}
      sections:
${sections}
`;
const skus = (from: number, n: number) => Array.from({ length: n }, (_, i) => `p${from + i}`);
const section = (title: string | undefined, items: string[]) => `        - ${title === undefined ? '' : `title: ${title}\n          `}products: [${items.join(', ')}]`;

table(test, [
  { name: 'one untitled section passes', yaml: list(section(undefined, skus(0, 3))) },
  { name: 'thirty products across sections pass', yaml: list([section('A', skus(0, 10)), section('B', skus(10, 20))].join('\n')) },
  {
    name: 'thirty-one products across sections fail at the thirty-first',
    yaml: list([section('A', skus(0, 15)), `        - title: B\n          products: [${skus(15, 15).join(', ')}, «p30»]`].join('\n')),
    expect: [{ code: 'WA304', message: '31 products; the limit is 30 in total across all sections' }],
  },
  { name: 'a second section without a title fails', yaml: list([section('A', skus(0, 1)), `        - «products: [p9]»`].join('\n')), expect: [{ code: 'WA409' }] },
  { name: 'a section title of 24 characters passes', yaml: list(section(chars(24), skus(0, 1))) },
  { name: 'a section title of 25 characters fails', yaml: list(section(`«${chars(25)}»`, skus(0, 1))), expect: [{ code: 'WA301', message: 'section title is 25 characters; the limit is 24' }] },
  { name: 'a section without products fails', yaml: list('        - title: A\n          «products»: []'), expect: [{ code: 'WA305' }] },
  { name: 'eleven sections fail at the eleventh', yaml: list([...Array.from({ length: 10 }, (_, i) => section(`S${i}`, [`p${i}`])), `        - «title: S10\n          products: [p10]»`].join('\n')), expect: [{ code: 'WA304', message: '11 sections; the limit is 10' }] },
  {
    name: 'products repeated over an unbounded array may pass thirty: a warning and a check before sending',
    yaml: list('        - title: A\n          products:\n            - { each: skus, as: s, id: "{{ s.sku }}" }', '\n      params: { skus: { type: array, minItems: 1, items: { sku: { type: string, minLength: 1, maxLength: 100 } } } }').replace('sections:\n', '«sections»:\n'),
    expect: [{ code: 'WA515', message: 'any number of products' }],
  },
]);

test.run();
