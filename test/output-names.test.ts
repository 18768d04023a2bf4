// WA904 and WA905: output names that file systems cannot hold, found at check time. The
// harness compiles `test.wa.yaml`, so a message name of 245 characters makes the largest
// name allowed: `test.<245>.json` is 255 bytes.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { compile } from '../compiler/index.js';
import { chars, table } from './harness.js';

const msg = (name: string) => `
    ${name}:
      type: location_request_message
      body: Hi`;
const file = (...names: string[]) => `
  messages:${names.map(msg).join('')}
`;

table(test, [
  { name: 'a name that makes a 255-byte file name passes', yaml: file(chars(245)) },
  { name: 'one more character is WA904, at the name', yaml: file(`«${chars(246)}»`), expect: [{ code: 'WA904', message: 'whose name is 256 bytes; file systems allow 255' }] },
  { name: 'a 300-character name is WA904', yaml: file(`«${chars(300)}»`), expect: [{ code: 'WA904' }] },
  // Names differing only in case also give one sender name: WA209 stands beside WA905.
  { name: '`help` and `Help` are WA905, at the second, naming the first', yaml: file('help', '««Help»»'), expect: [{ code: 'WA209' }, { code: 'WA905', related: '2:3', message: 'differ only in case' }] },
  { name: 'three names in one case family: each after the first', yaml: file('menu', '«MENU»', '««Menu»»'), expect: [{ code: 'WA905' }, { code: 'WA209' }, { code: 'WA905' }] },
  { name: 'names differing in more than case pass', yaml: file('help', 'help_2', 'Help_3') },
]);

test('two files whose stems differ only in case: WA905 for every output of the later one', () => {
  const text = 'messages:\n  m:\n    type: location_request_message\n    body: Hi\n';
  const r = compile([{ path: 'Menu.wa.yaml', text }, { path: 'other/menu.wa.yaml', text }], { emit: ['json', 'ts'] });
  assert.equal(r.diagnostics.map((d) => `${d.file} ${d.code} ${d.span.start}-${d.span.end}`), ['other/menu.wa.yaml WA905 0-0', 'other/menu.wa.yaml WA905 12-13']);
  assert.equal(r.outputs.map((o) => o.path), ['Menu.wa.ts', 'Menu.m.json'], 'the earlier file still builds');
});

test('a stem in another normal form (NFD é) is the same name on macOS: WA905', () => {
  const text = 'messages:\n  m:\n    type: location_request_message\n    body: Hi\n';
  const r = compile([{ path: 'caf\u00e9.wa.yaml', text }, { path: 'x/cafe\u0301.wa.yaml', text }]);
  assert.equal(r.diagnostics.map((d) => d.code), ['WA905']);
});

test('the limit counts UTF-8 bytes: a stem of 100 é (200 bytes) leaves room for a name of 49', () => {
  const text = (name: string) => `messages:\n  ${name}:\n    type: location_request_message\n    body: Hi\n`;
  const stem = '\u00e9'.repeat(100);
  assert.equal(compile([{ path: `${stem}.wa.yaml`, text: text(chars(49)) }]).diagnostics.map((d) => d.code), []);
  assert.equal(compile([{ path: `${stem}.wa.yaml`, text: text(chars(50)) }]).diagnostics.map((d) => d.code), ['WA904']);
});

test.run();
