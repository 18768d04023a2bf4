import { test } from 'uvu';
import { chars, table } from '../harness.js';

const msg = (type: string, header: string, extra: string) => `
  messages:
    m:
      type: ${type}
      header: ${header}
      body: Hi
${extra}
`;
const BUTTONS = '      buttons: [{ id: a, title: A }]';
const LIST = '      button: Open\n      sections: [{ title: S, rows: [{ id: a, title: A }] }]';
const CAROUSEL = `      cards:
        - { image: https://e.com/a.png, button: { text: Go, url: https://e.com } }
        - { image: https://e.com/b.png, button: { text: Go, url: https://e.com } }`;

table(test, [
  { name: 'a text header of 60 characters passes', yaml: msg('button', chars(60), BUTTONS) },
  { name: 'a text header of 61 characters fails', yaml: msg('button', `«${chars(61)}»`, BUTTONS), expect: [{ code: 'WA301', message: 'header text is 61 characters; the limit is 60' }] },
  { name: 'the long form `text:` is checked the same', yaml: msg('button', `{ text: «${chars(61)}» }`, BUTTONS), expect: [{ code: 'WA301' }] },
  { name: 'a header of 60 CJK characters passes', yaml: msg('button', chars(60, '漢'), BUTTONS) },
  { name: 'an empty text header fails', yaml: msg('button', '«""»', BUTTONS), expect: [{ code: 'WA303' }] },
  { name: 'an image header on a button message passes', yaml: msg('button', '{ image: https://e.com/a.png }', BUTTONS) },
  { name: 'a document header on a button message passes', yaml: msg('button', '{ document: { link: https://e.com/a.pdf, filename: a.pdf } }', BUTTONS) },
  { name: 'a text header on a list passes', yaml: msg('list', 'Pick', LIST) },
  { name: 'an image header on a list fails', yaml: msg('list', '«{ image: https://e.com/a.png }»', LIST), expect: [{ code: 'WA401', message: 'not an `image` header' }] },
  { name: 'a video header on a list fails', yaml: msg('list', '«{ video: https://e.com/a.mp4 }»', LIST), expect: [{ code: 'WA401' }] },
  { name: 'a carousel takes no header', yaml: `
    messages:
      m:
        type: carousel
        «header»: Hi
        body: Hi
${CAROUSEL.replace(/^ {6}/gm, '        ')}
  `, expect: [{ code: 'WA401', message: 'takes no header' }] },
  { name: 'a location request takes no header', yaml: `
    messages:
      m:
        type: location_request_message
        «header»: Hi
        body: Share your location
  `, expect: [{ code: 'WA401' }] },
  { name: 'a single-product message takes no header', yaml: `
    messages:
      m:
        type: product
        «header»: Monstera
        catalog: "1"
        product: monstera
  `, expect: [{ code: 'WA401', message: 'a `product` message takes no header' }] },
  { name: 'a product list takes text headers only', yaml: `
    messages:
      m:
        type: product_list
        header: «{ image: https://example.com/a.jpg }»
        body: Picks
        catalog: "1"
        sections: [{ products: [a] }]
  `, expect: [{ code: 'WA401' }] },
  { name: 'a call permission request takes no header', yaml: `
    messages:
      m:
        type: call_permission_request
        «header»: Calls
        body: May we call you?
  `, expect: [{ code: 'WA401' }] },
  { name: 'a voice call message may have an image header', yaml: `
    messages:
      m:
        type: voice_call
        header: { image: https://example.com/a.jpg }
        body: Call us
  ` },
]);

test.run();
