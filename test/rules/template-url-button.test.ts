import { test } from 'uvu';
import { chars, table } from '../harness.js';

const tpl = (u: string) => `
  params:
    id: { type: string, maxLength: 12, example: GT-1 }
    name: { type: string, maxLength: 12, example: Asha }
  messages:
    m:
      type: template
      category: utility
      language: en_US
      body: "Hello {{ name }}, your order {{ id }} has shipped."
      buttons:
        - url: { text: Track, url: ${u} }
`;

table(test, [
  { name: 'a URL with a placeholder at its end passes', yaml: tpl('"https://shop.example.com/t/{{ id }}"') },
  { name: 'a placeholder inside the URL fails', yaml: tpl('"https://shop.example.com/«{{ id }}»/track"'), expect: [{ code: 'WA715', message: 'at its end' }] },
  { name: 'a second placeholder fails', yaml: tpl('"https://shop.example.com/t/«{{ name }}»«{{ id }}»"'), expect: [{ code: 'WA715', message: 'at its end' }, { code: 'WA715', message: 'at most 1' }] },
  { name: 'a URL over 2000 characters fails', yaml: tpl(`«https://e.com/${chars(1990)}»`), expect: [{ code: 'WA301', message: 'button URL is 2004' }] },
  { name: 'a URL that is not absolute fails', yaml: tpl('«shop.example.com»'), expect: [{ code: 'WA405' }] },
  { name: 'an http URL is a warning', yaml: tpl('«http://shop.example.com/t»'), expect: [{ code: 'WA406' }] },
]);

test.run();
