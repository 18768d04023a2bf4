// The floor the CLI's batch figures are measured against: a process that only reads every
// `.wa.yaml` file of a folder (or one file) and parses it with yaml, as waml's loader does
// (same options); with --write DIR, it also writes one JSON file per message, atomically as
// the CLI does (a temporary file, then a rename). Nothing is checked. Plain JavaScript, so
// the floor does not pay for a TypeScript loader either; the bench bundles it with yaml as
// waml's bundles carry it (scripts/yaml-plugin.mjs), so both parse with the same code.
import { readdirSync, readFileSync, renameSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';

const [path, flag, out] = process.argv.slice(2);
const files = statSync(path).isDirectory() ? readdirSync(path).filter((n) => n.endsWith('.wa.yaml')).sort().map((n) => join(path, n)) : [path];
if (flag === '--write') mkdirSync(out, { recursive: true });
for (const file of files) {
  const doc = parseDocument(readFileSync(file, 'utf8'), { prettyErrors: false, uniqueKeys: false, merge: false });
  if (flag !== '--write') continue;
  const messages = doc.toJS()?.messages ?? {};
  const stem = file.slice(file.lastIndexOf('/') + 1).replace(/\.wa\.yaml$/, '');
  for (const [name, message] of Object.entries(messages)) {
    const target = join(out, `${stem}.${name}.json`);
    writeFileSync(`${target}.tmp`, `${JSON.stringify(message, null, 2)}\n`);
    renameSync(`${target}.tmp`, target);
  }
}
