import { test } from 'uvu';
import { chars, table } from '../harness.js';

const card = (id: string, extra = '') => `
        - image: https://e.com/${id}.png${extra}
          buttons:
            - quick_reply: { id: ${id}, title: More }
            - url: { text: Shop, url: "https://e.com/${id}" }`;
const tpl = (cards: string) => `
  messages:
    m:
      type: template
      category: marketing
      language: en_US
      body: Our newest plants are here.
      cards:${cards}
`;

table(test, [
  { name: 'two cards of one shape pass', yaml: tpl(card('a') + card('b')) },
  { name: 'one card fails at cards', yaml: tpl(card('a')).replace('      cards:', '      «cards»:'), expect: [{ code: 'WA305' }] },
  { name: 'two cards that are not mappings are two cards', yaml: tpl(' [«5», «a»]'), expect: [{ code: 'WA203' }, { code: 'WA203' }] },
  { name: 'a card body of 161 fails', yaml: tpl(card('a', `\n          body: «${chars(161)}»`) + card('b', `\n          body: ${chars(10)}`)), expect: [{ code: 'WA301', message: 'card body is 161' }] },
  { name: 'a card with a body among cards without differs', yaml: tpl(card('a') + card('b', '\n          body: Hello').replace('        - image: https://e.com/b.png', '        - «image: https://e.com/b.png').replace('url: "https://e.com/b" }', 'url: "https://e.com/b" }»')), expect: [{ code: 'WA721', related: '8:9' }] },
  { name: 'a card with image and video fails', yaml: tpl(card('a', '\n          «video»: https://e.com/v.mp4') + card('b')), expect: [{ code: 'WA722' }] },
  { name: 'three buttons on a card fail at the third', yaml: tpl(card('a', '').replace('url: "https://e.com/a" }', 'url: "https://e.com/a" }\n            - «phone: { text: Call, phone: "+15551234567" }»') + card('b').replace('        - image: https://e.com/b.png', '        - «image: https://e.com/b.png').replace('url: "https://e.com/b" }', 'url: "https://e.com/b" }»')), expect: [{ code: 'WA304' }, { code: 'WA721' }] },
  { name: 'a copy-code button on a card is not allowed', yaml: tpl(`
        - image: https://e.com/a.png
          buttons: [{ «copy_code»: { example: SAVE10 } }]
        - image: https://e.com/b.png
          buttons: [{ copy_code: { example: SAVE10 } }]`).replace('buttons: [{ copy_code', 'buttons: [{ «copy_code»').replace('«copy_code»: { example: SAVE10 } }]\n        - image: https://e.com/b.png\n          buttons: [{ «copy_code»', '«copy_code»: { example: SAVE10 } }]\n        - image: https://e.com/b.png\n          buttons: [{ «copy_code»'), expect: [{ code: 'WA704' }, { code: 'WA704' }] },
]);

test.run();
