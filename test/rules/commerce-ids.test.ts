import { test } from 'uvu';
import { table } from '../harness.js';

const product = (catalog: string, sku: string) => `
  messages:
    m:
      type: product
      catalog: ${catalog}
      product: ${sku}
`;
const list = (sku: string) => `
  messages:
    m:
      type: product_list
      header: Plants
      body: Our picks
      catalog: "1462"
      sections:
        - products: [fern, ${sku}]
`;

table(test, [
  { name: 'a product with its catalog and retailer id passes', yaml: product('"146265584024623"', 'monstera') },
  { name: 'a product without a body passes (the body is optional)', yaml: product('"1"', 'a') },
  { name: 'an empty catalog id fails', yaml: product('«""»', 'monstera'), expect: [{ code: 'WA303', message: 'catalog id is empty' }] },
  { name: 'a retailer id with a trailing space fails', yaml: product('"1"', '«"monstera "»'), expect: [{ code: 'WA306' }] },
  { name: 'a retailer id of 100 characters passes (the catalog fields page)', yaml: product('"1"', 'a'.repeat(100)) },
  { name: 'a retailer id of 101 characters fails', yaml: product('"1"', `«${'a'.repeat(101)}»`), expect: [{ code: 'WA301', message: 'product retailer id is 101 characters; the limit is 100' }] },
  { name: 'a product list retailer id of 101 characters fails', yaml: list(`«${'b'.repeat(101)}»`), expect: [{ code: 'WA301' }] },
  { name: 'a catalog thumbnail of 101 characters fails', yaml: `\nmessages:\n  m:\n    type: catalog_message\n    body: Browse\n    thumbnail: «${'c'.repeat(101)}»\n`, expect: [{ code: 'WA301', message: 'thumbnail product retailer id is 101' }] },
  { name: 'a blank product of a product list fails', yaml: list('«" "»'), expect: [{ code: 'WA303', message: 'product retailer id is empty' }] },
  { name: 'a catalog message thumbnail must not be blank', yaml: '\nmessages:\n  m:\n    type: catalog_message\n    body: Browse\n    thumbnail: «""»\n', expect: [{ code: 'WA303' }] },
  { name: 'a catalog message without a thumbnail passes', yaml: '\nmessages:\n  m:\n    type: catalog_message\n    body: Browse\n' },
  {
    name: 'a product id built from an unbounded param may be empty',
    yaml: '\nmessages:\n  m:\n    type: product\n    params: { sku: { type: string, maxLength: 100 } }\n    catalog: "1"\n    product: «"{{ sku }}"»\n',
    expect: [{ code: 'WA520' }],
  },
  {
    name: 'a product id from a param of any length is checked before sending (WA514)',
    yaml: '\nmessages:\n  m:\n    type: product\n    params: { sku: { type: string, minLength: 1 } }\n    catalog: "1"\n    product: «"{{ sku }}"»\n',
    expect: [{ code: 'WA514', message: 'product retailer id may be any length; the limit is 100' }],
  },
]);

test.run();
