import { test } from 'uvu';
import { chars, table } from '../harness.js';

const carousel = (cards: string) => `
  messages:
    m:
      type: carousel
      body: Hi
      cards:
${cards}
`;
const card = (extra = '') => `        - { image: https://e.com/a.png, button: { text: Go, url: https://e.com }${extra} }`;
const cards = (n: number) => Array.from({ length: n }, () => card()).join('\n');

table(test, [
  { name: 'two cards pass', yaml: carousel(cards(2)) },
  { name: 'ten cards pass', yaml: carousel(cards(10)) },
  { name: 'an eleventh card fails, at the eleventh', yaml: carousel(`${cards(10)}\n        - «{ image: https://e.com/a.png, button: { text: Go, url: https://e.com } }»`), expect: [{ code: 'WA304', message: 'has 11 cards; the limit is 10' }] },
  { name: 'one card fails, at the key', yaml: carousel(card()).replace('cards:', '«cards»:'), expect: [{ code: 'WA305', message: 'has 1 cards; at least 2 are required' }] },
  // Items that are not cards are WA203 (the structure check), and still counted: two written
  // are not "0 cards"; one written is "1 cards", said at the key as for any count.
  { name: 'two cards that are not mappings are counted as two', yaml: carousel('        - «5»\n        - «a»'), expect: [{ code: 'WA203', message: 'must be a mapping, not the number 5' }, { code: 'WA203', message: 'must be a mapping, not text' }] },
  { name: 'one card that is not a mapping is counted as one', yaml: carousel('        - «5»').replace('cards:', '«cards»:'), expect: [{ code: 'WA305', message: 'has 1 cards; at least 2 are required' }, { code: 'WA203' }] },
  { name: 'cards are numbered as written: after a number, the next card is card 2', yaml: carousel(`        - «7»\n        - «{ image: https://e.com/a.png }»\n${card()}`), expect: [{ code: 'WA203' }, { code: 'WA412', message: 'card 2 has no button' }] },
  { name: 'a card body of 160 characters passes', yaml: carousel([card(`, body: ${chars(160)}`), card()].join('\n')) },
  { name: 'a card body of 161 characters fails', yaml: carousel([card(`, body: «${chars(161)}»`), card()].join('\n')), expect: [{ code: 'WA301', message: 'card body is 161 characters; the limit is 160' }] },
  { name: 'a card body of 160 Japanese characters passes', yaml: carousel([card(`, body: ${chars(160, 'あ')}`), card()].join('\n')) },
  { name: 'two line breaks in a card body pass', yaml: carousel([card(', body: "a\\nb\\nc"'), card()].join('\n')) },
  { name: 'three line breaks in a card body fail', yaml: carousel([card(', body: «"a\\nb\\nc\\nd"»'), card()].join('\n')), expect: [{ code: 'WA307', message: '3 line breaks; the limit is 2' }] },
  { name: 'an empty card body fails', yaml: carousel([card(', body: «""»'), card()].join('\n')), expect: [{ code: 'WA303' }] },
  { name: 'a card without a header fails', yaml: carousel(`        - «{ button: { text: Go, url: https://e.com } }»\n${card()}`), expect: [{ code: 'WA411', message: 'card 1 has no header' }] },
  { name: 'a card with an image and a video fails at the video', yaml: carousel(`        - { image: https://e.com/a.png, «video»: https://e.com/a.mp4, button: { text: Go, url: https://e.com } }\n${card()}`), expect: [{ code: 'WA411' }] },
  { name: 'a video card passes', yaml: carousel(`        - { video: { id: "77" }, button: { text: Go, url: https://e.com } }\n${card()}`) },
]);

test.run();
