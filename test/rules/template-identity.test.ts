import { test } from 'uvu';
import { chars, table } from '../harness.js';

const tpl = (name: string, language = 'en_US') => `
  messages:
    ${name}:
      type: template
      category: utility
      language: ${language}
      body: Your order has shipped.
`;

table(test, [
  { name: 'a lowercase name with digits and underscores passes', yaml: tpl('order_shipped_2') },
  { name: 'a name may start with a digit, given as `name:`', yaml: tpl('april_promo').replace('type: template', 'type: template\n      name: 2023_april_promo') },
  { name: '`name:` is checked too', yaml: tpl('april_promo').replace('type: template', 'type: template\n      name: «April-Promo»'), expect: [{ code: 'WA701' }] },
  // Long template names go in `name:`: a message name that long could not name an output file (WA904).
  { name: 'a name of 512 characters passes', yaml: tpl('m').replace('type: template', `type: template\n      name: ${chars(512)}`) },
  { name: 'a name of 513 characters fails', yaml: tpl('m').replace('type: template', `type: template\n      name: «${chars(513)}»`), expect: [{ code: 'WA701', message: '513 characters; the limit is 512' }] },
  { name: 'capitals are refused', yaml: tpl('«orderShipped»'), expect: [{ code: 'WA701', message: 'lowercase letters, digits and underscores' }] },
  { name: 'a known language passes', yaml: tpl('m', 'pt_BR') },
  { name: 'a three-letter language code passes', yaml: tpl('m', 'fil') },
  { name: 'a hyphen is refused, with the right code suggested', yaml: tpl('m', '«en-US»'), expect: [{ code: 'WA702', message: 'did you mean `en_US`' }] },
  { name: 'case matters', yaml: tpl('m', '«en_us»'), expect: [{ code: 'WA702', message: 'did you mean `en_US`' }] },
  { name: 'an unknown category fails, with a suggestion', yaml: tpl('m').replace('category: utility', 'category: «utlity»'), expect: [{ code: 'WA605', message: 'did you mean `utility`' }] },
  { name: 'a library-only code is refused', yaml: tpl('m', '«es_VE»'), expect: [{ code: 'WA702' }] },
  { name: 'a region Meta does not list suggests the language alone', yaml: tpl('m', '«de_DE»'), expect: [{ code: 'WA702', message: 'did you mean `de`' }] },
  { name: 'UK suggests GB, the ISO region', yaml: tpl('m', '«en_UK»'), expect: [{ code: 'WA702', message: 'did you mean `en_GB`' }] },
  { name: 'an unknown region of a language with regions only suggests one of them', yaml: tpl('m', '«pt_AO»'), expect: [{ code: 'WA702', message: /did you mean `pt_(BR|PT)`/ }] },
  { name: 'an unknown language suggests the closest code', yaml: tpl('m', '«enn»'), expect: [{ code: 'WA702', message: 'did you mean `en`' }] },
]);

test.run();
