import { test } from 'uvu';
import { chars, table } from '../harness.js';

const flow = (spec: string) => `
  messages:
    m:
      type: flow
      body: Book a visit
      flow:
${spec}
`;

table(test, [
  { name: 'an id and a cta pass', yaml: flow('        id: "123"\n        cta: Book') },
  { name: 'a name instead of an id passes', yaml: flow('        name: booking\n        cta: Book') },
  { name: 'both id and name fail at the name', yaml: flow('        id: "1"\n        name: «booking»\n        cta: Book'), expect: [{ code: 'WA603' }] },
  { name: 'neither id nor name fails at the key', yaml: `
    messages:
      m:
        type: flow
        body: Hi
        «flow»: { cta: Book }
  `, expect: [{ code: 'WA603' }] },
  { name: 'version 3 passes', yaml: flow('        id: "1"\n        cta: Book\n        version: "3"') },
  { name: 'version 2 fails', yaml: flow('        id: "1"\n        cta: Book\n        version: «"2"»'), expect: [{ code: 'WA602' }] },
  { name: 'a cta of 20 characters passes', yaml: flow(`        id: "1"\n        cta: ${chars(20)}`) },
  { name: 'a cta of 21 characters is a warning', yaml: flow(`        id: "1"\n        cta: «${chars(21)}»`), expect: [{ code: 'WA302', severity: 'warning', message: 'the API accepts 30, but some sources say 20' }] },
  { name: 'a cta of 30 characters is still a warning', yaml: flow(`        id: "1"\n        cta: «${chars(30)}»`), expect: [{ code: 'WA302' }] },
  { name: 'a cta of 31 characters is an error', yaml: flow(`        id: "1"\n        cta: «${chars(31)}»`), expect: [{ code: 'WA301', severity: 'error', message: 'the limit is 30' }] },
  { name: 'emoji in the cta warn', yaml: flow('        id: "1"\n        cta: «Book 📅»'), expect: [{ code: 'WA604', severity: 'warning' }] },
  { name: 'a flag emoji warns', yaml: flow('        id: "1"\n        cta: «Book 🇮🇳»'), expect: [{ code: 'WA604' }] },
  { name: 'mode draft passes', yaml: flow('        id: "1"\n        cta: Book\n        mode: draft') },
  { name: 'an unknown mode fails with a suggestion', yaml: flow('        id: "1"\n        cta: Book\n        mode: «publised»'), expect: [{ code: 'WA605', message: 'did you mean `published`?' }] },
  { name: 'an unknown action fails', yaml: flow('        id: "1"\n        cta: Book\n        action: «open»'), expect: [{ code: 'WA605' }] },
  { name: 'navigate with screen and data passes', yaml: flow('        id: "1"\n        cta: Book\n        action: navigate\n        screen: START\n        data: { a: 1 }') },
  { name: 'screen and data with data_exchange fail', yaml: flow('        id: "1"\n        cta: Book\n        action: data_exchange\n        screen: «START»\n        «data»: { a: 1 }'), expect: [{ code: 'WA606' }, { code: 'WA606' }] },
  { name: 'empty data fails', yaml: flow('        id: "1"\n        cta: Book\n        screen: START\n        data: «{}»'), expect: [{ code: 'WA607' }] },
  // Meta's newest "Sending a Flow" page sends data as a JSON object serialized to a string.
  { name: 'data as a JSON object in a text passes', yaml: flow(`        id: "1"\n        cta: Book\n        screen: START\n        data: '{"product_name": "name", "product_price": 100}'`) },
  { name: 'data as a text that is not JSON fails', yaml: flow(`        id: "1"\n        cta: Book\n        screen: START\n        data: «'product_name=name'»`), expect: [{ code: 'WA212', message: 'this is not JSON' }] },
  { name: 'data as a JSON list in a text fails', yaml: flow(`        id: "1"\n        cta: Book\n        screen: START\n        data: «'[1, 2]'»`), expect: [{ code: 'WA212', message: 'is JSON, but not an object' }] },
  { name: 'data as an empty JSON object in a text fails', yaml: flow(`        id: "1"\n        cta: Book\n        screen: START\n        data: «'{}'»`), expect: [{ code: 'WA212', message: 'is an empty object' }] },
  { name: 'data as a text with data_exchange fails', yaml: flow(`        id: "1"\n        cta: Book\n        action: data_exchange\n        «data»: '{"a": 1}'`), expect: [{ code: 'WA606' }] },
  { name: 'an empty id fails', yaml: flow('        id: «""»\n        cta: Book'), expect: [{ code: 'WA303' }] },
]);

test.run();
