import { test } from 'uvu';
import { table } from '../harness.js';

const header = (h: string) => `
  messages:
    m:
      type: cta_url
      header: ${h}
      body: Hi
      button: { text: Go, url: https://e.com }
`;

table(test, [
  { name: 'a URL shorthand passes', yaml: header('{ image: https://e.com/a.png }') },
  { name: 'a link mapping passes', yaml: header('{ video: { link: https://e.com/a.mp4 } }') },
  { name: 'an id passes', yaml: header('{ image: { id: "1234" } }') },
  { name: 'http links are accepted for media', yaml: header('{ image: http://e.com/a.png }') },
  { name: 'both link and id fail at the id', yaml: header('{ image: { link: https://e.com/a.png, id: «"1"» } }'), expect: [{ code: 'WA403', message: 'both `link` and `id`' }] },
  { name: 'neither link nor id fails', yaml: header('{ document: «{ filename: a.pdf }» }'), expect: [{ code: 'WA403' }] },
  { name: 'a relative link fails', yaml: header('{ image: «/a.png» }'), expect: [{ code: 'WA405' }] },
  { name: 'an ftp link fails', yaml: header('{ image: «ftp://e.com/a.png» }'), expect: [{ code: 'WA405' }] },
  { name: 'a filename on a document passes', yaml: header('{ document: { id: "9", filename: report.pdf } }') },
  { name: 'a filename on an image fails', yaml: header('{ image: { id: "9", filename: «a.png» } }'), expect: [{ code: 'WA404' }] },
  { name: 'an empty id fails', yaml: header('{ image: { id: «""» } }'), expect: [{ code: 'WA303' }] },
  { name: 'card media are checked too', yaml: `
    messages:
      m:
        type: carousel
        body: Hi
        cards:
          - { image: «not a url», button: { text: Go, url: https://e.com } }
          - { image: https://e.com/b.png, button: { text: Go, url: https://e.com } }
  `, expect: [{ code: 'WA405' }] },
]);

test.run();
