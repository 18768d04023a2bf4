import { test } from 'uvu';
import { chars, table } from '../harness.js';

const tpl = (header: string, params = '') => `
  params:
    order: { type: string, maxLength: 12, example: GT-1 }
    banner: { type: url, maxLength: 100, example: "https://cdn.example.com/b.png" }${params}
  messages:
    m:
      type: template
      category: marketing
      language: en_US
      header: ${header}
      body: "Your order {{ order }} is on its way, banner {{ banner }} too."
`;

table(test, [
  { name: 'a text header of 60 characters passes', yaml: tpl(chars(60)) },
  { name: 'a text header of 61 characters fails', yaml: tpl(`«${chars(61)}»`), expect: [{ code: 'WA301', message: 'template header is 61 characters' }] },
  { name: 'a header too long as submitted fails', yaml: tpl(`«"${chars(52)} {{ order }}"»`), expect: [{ code: 'WA301', message: 'as submitted' }] },
  { name: 'one placeholder passes', yaml: tpl('"Order {{ order }} shipped"') },
  { name: 'a second variable fails at it', yaml: tpl('"Order {{ order }} to «{{ city }}»"', '\n    city: { type: string, maxLength: 5, example: Pune }'), expect: [{ code: 'WA707', message: 'at most 1 placeholder' }] },
  { name: 'the same variable twice is one variable', yaml: tpl('"Order {{ order }} is {{ order }}"') },
  { name: 'markdown in a header fails at the character', yaml: tpl('"Our «*»big* sale"'), expect: [{ code: 'WA717', severity: 'error' }] },
  { name: 'an emoji in a header is a warning', yaml: tpl('«"Our sale 🎉"»'), expect: [{ code: 'WA717', severity: 'warning' }] },
  { name: 'an image header from a url param passes', yaml: tpl('{ image: "{{ banner }}" }') },
  { name: 'an image by id without a handle has no sample', yaml: tpl('{ «image»: { id: "12345" } }'), expect: [{ code: 'WA718' }] },
  { name: 'an image by id with a handle passes', yaml: tpl('{ image: { id: "12345" }, handle: "4::aW..." }') },
  { name: 'a media link must be a URL', yaml: tpl('{ image: «not-a-url» }'), expect: [{ code: 'WA405' }] },
]);

test.run();
