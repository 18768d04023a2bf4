import { test } from 'uvu';
import { chars, table } from '../harness.js';

const carousel = (cards: string[]) => `
  messages:
    m:
      type: carousel
      body: Hi
      cards:
${cards.map((c) => `        - { image: https://e.com/a.png, ${c} }`).join('\n')}
`;
const url = (text = 'Go', link = 'https://e.com') => `button: { text: ${text}, url: ${link} }`;
const quick = (...ids: string[]) => `buttons: [${ids.map((id) => `{ id: ${id}, title: T${id.replace(/\W/g, '')} }`).join(', ')}]`;

table(test, [
  { name: 'a button that is not a mapping counts: each card has one, the same number', yaml: carousel(['buttons: [«5»]', quick('a')]), expect: [{ code: 'WA203' }] },
  { name: 'URL cards pass', yaml: carousel([url(), url()]) },
  { name: 'quick-reply cards with the same count pass', yaml: carousel([quick('a', 'b'), quick('c', 'd')]) },
  { name: 'three quick replies per card pass', yaml: carousel([quick('a', 'b', 'c'), quick('d', 'e', 'f')]) },
  // Meta's carousel page says "one or more" and gives no number; only pywa says 3: a warning naming both.
  { name: 'four quick replies on a card warn at the fourth, naming pywa and Meta', yaml: carousel([`buttons: [{ id: a, title: A }, { id: b, title: B }, { id: c, title: C }, «{ id: d, title: D }»]`, `buttons: [{ id: e, title: A }, { id: f, title: B }, { id: g, title: C }, «{ id: h, title: D }»]`]), expect: [{ code: 'WA213', message: 'card 1 has 4 quick-reply buttons on a card; pywa allows 3, Meta gives no number' }, { code: 'WA213' }] },
  { name: 'quick replies from `each` without maxItems may be over 3: a warning, and no check before sending', yaml: `
    params:
      answers: { type: array, minItems: 1, items: { v: { type: string, minLength: 1, maxLength: 5 } } }
    messages:
      m:
        type: carousel
        body: Hi
        cards:
          - image: https://e.com/a.png
            «buttons»:
              - { each: answers, as: x, id: "a{{ x.v }}", title: "{{ x.v }}" }
          - image: https://e.com/b.png
            «buttons»:
              - { each: answers, as: x, id: "b{{ x.v }}", title: "{{ x.v }}" }
  `, expect: [{ code: 'WA213', message: 'card 1 may have any number of quick-reply buttons on a card' }, { code: 'WA213' }] },
  { name: 'no quick replies fail', yaml: carousel(['«buttons»: []', '«buttons»: []']), expect: [{ code: 'WA305' }, { code: 'WA305' }] },
  { name: 'mixed kinds fail at the second kind, naming the first', yaml: carousel([url(), `«buttons»: [{ id: a, title: A }]`]), expect: [{ code: 'WA413', related: '6:39' }] },
  { name: 'different quick-reply counts fail', yaml: carousel([quick('a'), `«buttons»: [{ id: b, title: B }, { id: c, title: C }]`]), expect: [{ code: 'WA414', message: 'card 2 has 2 buttons, but card 1 has 1' }] },
  { name: 'a card without a button fails', yaml: carousel([url(), '«body: Hi»']).replace('{ image: https://e.com/a.png, «body: Hi» }', '«{ image: https://e.com/a.png, body: Hi }»'), expect: [{ code: 'WA412', message: 'card 2 has no button' }] },
  { name: 'a card with both kinds fails', yaml: carousel([url(), `${url()}, «buttons»: [{ id: a, title: A }]`]), expect: [{ code: 'WA412' }] },
  { name: 'quick-reply ids unique across cards', yaml: carousel([quick('a'), 'buttons: [{ id: «a», title: B }]']), expect: [{ code: 'WA407', message: 'quick-reply id `a` is used twice' }] },
  { name: 'the same quick-reply title on two cards passes', yaml: carousel(['buttons: [{ id: a, title: More }]', 'buttons: [{ id: b, title: More }]']) },
  { name: 'a quick-reply title of 21 characters fails', yaml: carousel([`buttons: [{ id: a, title: «${chars(21)}» }]`, quick('b')]), expect: [{ code: 'WA301', message: 'quick-reply title is 21 characters; the limit is 20' }] },
  { name: 'a quick-reply id of 257 characters fails', yaml: carousel([`buttons: [{ id: «${chars(257)}», title: A }]`, quick('b')]), expect: [{ code: 'WA301', message: 'quick-reply id is 257 characters' }] },
  { name: 'a quick-reply id with white space fails', yaml: carousel([`buttons: [{ id: «" a"», title: A }]`, quick('b')]), expect: [{ code: 'WA306' }] },
  { name: 'a URL button text of 21 characters fails', yaml: carousel([url(`«${chars(21)}»`), url()]), expect: [{ code: 'WA301' }] },
  { name: 'a URL button with a bad URL fails', yaml: carousel([url('Go', '«shop»'), url()]), expect: [{ code: 'WA405' }] },
  { name: 'a URL button with http warns', yaml: carousel([url('Go', '«http://e.com»'), url()]), expect: [{ code: 'WA406', severity: 'warning' }] },
]);

test.run();
