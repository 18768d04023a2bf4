import { test } from 'uvu';
import { chars, table } from '../harness.js';

const tpl = (buttons: string) => `
  messages:
    m:
      type: template
      category: marketing
      language: en_US
      body: Our sale starts today, come and see.
      «buttons»:
${buttons}
`;
const qr = (id: string, title = 'More') => `        - quick_reply: { id: ${id}, title: ${title} }`;
const url = (text = 'Shop') => `        - url: { text: ${text}, url: "https://shop.example.com/sale" }`;

table(test, [
  { name: 'three quick replies pass', yaml: tpl([qr('a'), qr('b'), qr('c')].join('\n')).replace('«buttons»', 'buttons') },
  { name: 'quick replies then URL buttons pass, with a display info', yaml: tpl([qr('a'), qr('b'), url()].join('\n')), expect: [{ code: 'WA725', severity: 'info' }] },
  { name: 'four quick replies show behind "See all options"', yaml: tpl([qr('a'), qr('b'), qr('c'), qr('d')].join('\n')), expect: [{ code: 'WA725', message: 'See all options' }] },
  { name: 'eleven buttons fail at the eleventh', yaml: tpl([...Array.from({ length: 10 }, (_, i) => qr(`q${i}`)), '        - ««quick_reply»: { id: q10, title: More }»'].join('\n')), expect: [{ code: 'WA725' }, { code: 'WA304', message: '11 quick-reply buttons' }, { code: 'WA304', message: '11 buttons' }] },
  { name: 'ten buttons and a number are eleven, over the limit at the number', yaml: tpl([...Array.from({ length: 10 }, (_, i) => qr(`q${i}`)), '        - ««5»»'].join('\n')), expect: [{ code: 'WA725' }, { code: 'WA203' }, { code: 'WA304', message: 'has 11 buttons' }] },
  { name: 'a third URL button fails', yaml: tpl([url('A'), url('B'), `        - «url»: { text: C, url: "https://shop.example.com/c" }`].join('\n')).replace('«buttons»', 'buttons'), expect: [{ code: 'WA304', message: '3 URL buttons' }] },
  { name: 'quick replies split by a URL button fail', yaml: tpl([qr('a'), url(), `        - «quick_reply»: { id: b, title: Other }`].join('\n')), expect: [{ code: 'WA725' }, { code: 'WA714' }] },
  { name: 'a label of 26 characters fails', yaml: tpl(qr('a', `«${chars(26)}»`)).replace('«buttons»', 'buttons'), expect: [{ code: 'WA301', message: 'button label is 26' }] },
  { name: 'an emoji label is a warning', yaml: tpl(qr('a', '«Yes 👍»')).replace('«buttons»', 'buttons'), expect: [{ code: 'WA716' }] },
  { name: 'duplicate quick-reply ids fail', yaml: tpl([qr('a'), `        - quick_reply: { id: «a», title: Other }`].join('\n')).replace('«buttons»', 'buttons'), expect: [{ code: 'WA407', related: '8:28' }] },
]);

test.run();
