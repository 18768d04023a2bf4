import { test } from 'uvu';
import { chars, table } from '../harness.js';

const button = (footer: string) => `
  messages:
    m:
      type: button
      body: Hi
      footer: ${footer}
      buttons: [{ id: a, title: A }]
`;

table(test, [
  { name: 'a footer of 60 characters passes', yaml: button(chars(60)) },
  { name: 'a footer of 61 characters fails', yaml: button(`«${chars(61)}»`), expect: [{ code: 'WA301', message: 'footer is 61 characters; the limit is 60' }] },
  { name: 'a footer of 60 emoji passes', yaml: button(chars(60, '🎉')) },
  { name: 'a footer of 61 Arabic letters fails', yaml: button(`«${chars(61, 'ب')}»`), expect: [{ code: 'WA301' }] },
  { name: 'an empty footer fails', yaml: button("«''»"), expect: [{ code: 'WA303' }] },
  { name: 'a carousel takes no footer', yaml: `
    messages:
      m:
        type: carousel
        body: Hi
        «footer»: Bye
        cards:
          - { image: https://e.com/a.png, button: { text: Go, url: https://e.com } }
          - { image: https://e.com/b.png, button: { text: Go, url: https://e.com } }
  `, expect: [{ code: 'WA402' }] },
  { name: 'a location request takes no footer', yaml: `
    messages:
      m:
        type: location_request_message
        body: Share your location
        «footer»: Bye
  `, expect: [{ code: 'WA402', message: 'takes no footer' }] },
  { name: 'a call permission request takes no footer', yaml: `
    messages:
      m:
        type: call_permission_request
        body: May we call you?
        «footer»: Thanks
  `, expect: [{ code: 'WA402' }] },
  { name: 'a catalog message may have a footer', yaml: `
    messages:
      m:
        type: catalog_message
        body: Browse
        footer: Free delivery
  ` },
]);

test.run();
