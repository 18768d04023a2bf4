import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';

/** The starter message: the schema line for editors, and one message to grow from. */
export const STARTER = `# yaml-language-server: $schema=../node_modules/waml/compiler/schema/waml.schema.json
#
# A waml message file. \`npx waml check messages\` checks it; \`npm run messages\` builds
# typed senders into src/messages. The reference: the waml README.
messages:
  welcome:
    type: button
    header: Welcome!
    body: Hi! What can we help you with today?
    buttons:
      - { id: track_order, title: Track my order }
      - { id: talk_to_agent, title: Talk to a person }
`;

export const SCRIPT = 'waml build messages --out src/messages --emit ts';

/**
 * Writes a starter into `dir`: messages/welcome.wa.yaml and a `messages` script in
 * package.json (created if there is none). Never overwrites: what exists is left as it is.
 * Returns one line per thing done or left.
 */
export function init(dir: string): string[] {
  const root = resolve(dir);
  const done: string[] = [];
  mkdirSync(join(root, 'messages'), { recursive: true });
  const message = join(root, 'messages', 'welcome.wa.yaml');
  if (existsSync(message)) done.push('messages/welcome.wa.yaml exists; left as it is');
  else {
    writeFileSync(message, STARTER);
    done.push('wrote messages/welcome.wa.yaml');
  }
  const pkgPath = join(root, 'package.json');
  if (existsSync(pkgPath)) {
    let pkg: { scripts?: Record<string, string> };
    try {
      pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as typeof pkg;
    } catch {
      done.push('package.json is not valid JSON; left as it is (add the script yourself)');
      return done;
    }
    if (pkg.scripts?.['messages'] !== undefined) done.push('package.json already has a `messages` script; left as it is');
    else {
      pkg.scripts = { ...pkg.scripts, messages: SCRIPT };
      writeFileSync(pkgPath, `${JSON.stringify(pkg, null, 2)}\n`);
      done.push('added the `messages` script to package.json');
    }
  } else {
    const name = basename(root).toLowerCase().replace(/[^a-z0-9-._]/g, '-').replace(/^[-._]+/, '') || 'messages';
    writeFileSync(pkgPath, `${JSON.stringify({ name, private: true, type: 'module', scripts: { messages: SCRIPT } }, null, 2)}\n`);
    done.push('wrote package.json with a `messages` script');
  }
  return done;
}

/**
 * What to do after `init`, for the install model: the senders import `@waml/runtime` at run
 * time (a dependency), while waml itself only builds them (a dev dependency). Names only the
 * installs that `package.json` in `dir` does not already list.
 */
export function nextSteps(dir: string): string {
  let pkg: { dependencies?: Record<string, string>; devDependencies?: Record<string, string> } = {};
  try {
    pkg = JSON.parse(readFileSync(join(resolve(dir), 'package.json'), 'utf8')) as typeof pkg;
  } catch {
    // No readable package.json: name both installs.
  }
  const installs: string[] = [];
  if (pkg.dependencies?.['@waml/runtime'] === undefined) installs.push('npm install @waml/runtime');
  if (pkg.devDependencies?.['waml'] === undefined && pkg.dependencies?.['waml'] === undefined) installs.push('npm install --save-dev waml');
  const build = 'npm run messages (typed senders in src/messages)';
  return installs.length > 0 ? `next: ${installs.join(' && ')}, then ${build}` : `next: ${build}`;
}
