import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parse } from 'yaml';
import { compile } from '../compiler/index.js';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin/waml.js');
const SCHEMA_PATH = join(ROOT, 'compiler/schema/waml.schema.json');
const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8'));
const waml = (args: string[], cwd = ROOT) => spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' });

test('waml schema prints the shipped schema, which the package exports as waml/schema.json', () => {
  const r = waml(['schema']);
  assert.is(r.status, 0);
  assert.equal(JSON.parse(r.stdout), schema);
  assert.is(createRequire(import.meta.url).resolve('waml/schema.json'), SCHEMA_PATH);
});

test('an editor validating with the schema raises no error on any example, templated ones included', () => {
  const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
  const validate = ajv.compile(schema);
  for (const f of readdirSync(join(ROOT, 'examples')).filter((x) => x.endsWith('.wa.yaml'))) {
    const value = parse(readFileSync(join(ROOT, 'examples', f), 'utf8'));
    assert.ok(validate(value), `${f}: ${JSON.stringify(validate.errors)}`);
  }
});

// Each message type's shape applies `if` the message's `type` is that type; an `if` of
// properties alone holds for a value that is not a mapping at all, and an editor then showed
// every type's "must be object" on one line. Each `if` asks for a mapping too.
test('an editor shows one error, not one per message type, for a message that is not a mapping', () => {
  const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
  const validate = ajv.compile(schema);
  for (const value of [5, 'hello', [], null, true]) {
    assert.not.ok(validate({ messages: { welcome: value } }));
    const errors = validate.errors!.map((e) => `${e.instancePath} ${e.keyword}`);
    assert.equal(errors, ['/messages/welcome type'], JSON.stringify(value));
  }
  // A mapping still gets its type's shape.
  assert.not.ok(validate({ messages: { welcome: { type: 'button', body: 'Hi' } } }));
  assert.ok(validate.errors!.some((e) => e.instancePath === '/messages/welcome' && e.keyword === 'required'));
});

test('a completion snippet for every message type, each a message that compiles clean', () => {
  const snippets = schema.$defs.message.defaultSnippets as { label: string; body: { type: string } }[];
  assert.equal(snippets.map((s) => s.body.type).sort(), ['address_message', 'button', 'call_permission_request', 'carousel', 'catalog_message', 'cta_url', 'flow', 'list', 'location_request_message', 'order_details', 'order_status', 'product', 'product_list', 'template', 'voice_call']);
  for (const s of snippets) {
    const filled = JSON.parse(JSON.stringify(s.body).replace(/\$\{\d+:([^}]*)\}/g, '$1'));
    const result = compile([{ path: 's.wa.yaml', text: JSON.stringify({ messages: { m: filled } }) }]);
    assert.equal(result.diagnostics, [], s.label);
  }
});

test('limits are in the descriptions editors show', () => {
  assert.match(schema.$defs.button.properties.buttons.items.properties.title.description, /At most 20 characters/);
  assert.match(schema.$defs.list.properties.sections.description, /at most 10 rows in total/);
});

test('waml init writes a starter that checks clean, and never overwrites', () => {
  const dir = mkdtempSync(join(tmpdir(), 'waml-init-'));
  const first = waml(['init'], dir);
  assert.is(first.status, 0);
  assert.match(first.stdout, /wrote messages\/welcome\.wa\.yaml\nwrote package\.json with a `messages` script/);
  // The install model: the runtime is a dependency (senders import it), waml a dev dependency.
  assert.match(first.stdout, /\nnext: npm install @waml\/runtime && npm install --save-dev waml, then npm run messages/);
  const starter = readFileSync(join(dir, 'messages/welcome.wa.yaml'), 'utf8');
  assert.ok(starter.startsWith('# yaml-language-server: $schema=../node_modules/waml/compiler/schema/waml.schema.json\n'));
  assert.equal(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).scripts, { messages: 'waml build messages --out src/messages --emit ts' });
  assert.is(waml(['check', 'messages'], dir).status, 0);
  writeFileSync(join(dir, 'messages/welcome.wa.yaml'), '# mine\n');
  const again = waml(['init'], dir);
  assert.match(again.stdout, /exists; left as it is/);
  assert.is(readFileSync(join(dir, 'messages/welcome.wa.yaml'), 'utf8'), '# mine\n');
  rmSync(dir, { recursive: true });
});

test('waml init adds its script to an existing package.json, keeping the rest', () => {
  const dir = mkdtempSync(join(tmpdir(), 'waml-init-'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'shop', version: '1.0.0', scripts: { test: 'node --test' } }));
  const r = waml(['init', '.'], dir);
  assert.is(r.status, 0);
  assert.equal(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')), { name: 'shop', version: '1.0.0', scripts: { test: 'node --test', messages: 'waml build messages --out src/messages --emit ts' } });
  assert.match(r.stdout, /\nnext: npm install @waml\/runtime && npm install --save-dev waml, then/);
  // Only what package.json does not list yet.
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'shop', dependencies: { '@waml/runtime': '0.1.0' } }));
  assert.match(waml(['init', '.'], dir).stdout, /\nnext: npm install --save-dev waml, then npm run messages/);
  rmSync(dir, { recursive: true });
});

test('waml init where it cannot write says so in one line, exit 2', () => {
  const dir = mkdtempSync(join(tmpdir(), 'waml-init-'));
  writeFileSync(join(dir, 'taken'), 'a file, not a folder');
  const r = waml(['init', 'taken'], dir);
  assert.is(r.status, 2);
  assert.match(r.stderr, /^waml: cannot write the starter into taken: E\w+\n$/);
  rmSync(dir, { recursive: true });
});

test.run();
