import { test } from 'uvu';
import { chars, table } from '../harness.js';

const cta = (text: string, url: string) => `
  messages:
    m:
      type: cta_url
      body: Hi
      button: { text: ${text}, url: ${url} }
`;

table(test, [
  { name: 'a text of 20 characters passes', yaml: cta(chars(20), 'https://e.com') },
  { name: 'a text of 21 characters fails', yaml: cta(`«${chars(21)}»`, 'https://e.com'), expect: [{ code: 'WA301', message: 'button text is 21 characters; the limit is 20' }] },
  { name: 'a text of 20 Greek letters passes', yaml: cta(chars(20, 'λ'), 'https://e.com') },
  { name: 'an empty text fails', yaml: cta('«""»', 'https://e.com'), expect: [{ code: 'WA303' }] },
  { name: 'a URL with a query passes', yaml: cta('Go', 'https://example.com?clickID=abc123') },
  { name: 'an http URL is a warning', yaml: cta('Go', '«http://e.com»'), expect: [{ code: 'WA406', severity: 'warning' }] },
  { name: 'a URL without a scheme fails', yaml: cta('Go', '«www.e.com»'), expect: [{ code: 'WA405' }] },
  { name: 'a mailto URL fails', yaml: cta('Go', '«mailto:a@e.com»'), expect: [{ code: 'WA405' }] },
  { name: 'a URL with spaces fails', yaml: cta('Go', '«"https://e.com/a b"»'), expect: [{ code: 'WA405' }] },
  { name: 'an empty URL fails', yaml: cta('Go', '«""»'), expect: [{ code: 'WA303' }] },
]);

test.run();
