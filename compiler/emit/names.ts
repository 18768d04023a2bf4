import type { Reporter } from '../diagnostics/diagnostic.js';
import type { WamlFile } from '../model/types.js';

/**
 * The identifiers a message gives generated code, a fixed function of its name: its sender
 * (`helpMenu`) and the prefix of its types (`HelpMenu` → `HelpMenuParams`, `HelpMenuBody`,
 * `HelpMenuReply`, `HelpMenuReplyId`). Snake case becomes camel case; a name that would be a
 * reserved word, a strict-mode restricted name or a global the module reads gets `Message`
 * appended; a leading digit gets `_`. Everything else in a module is either imported under a
 * name no message can give (`$`, the type namespace `Waml`) or module-private with a `$` in
 * its name (`helpMenu$params`), which message names cannot contain. So the only possible
 * collision is between two messages, which check refuses (WA209).
 */
export function identifiers(name: string): { value: string; type: string } {
  const value = camel(name);
  return { value, type: value.charAt(0).toUpperCase() + value.slice(1) };
}

/** `help_menu` → `helpMenu`; `HelpMenu` with `upper`. */
export function camel(name: string, upper = false): string {
  const parts = name.split('_').filter((p) => p !== '');
  const joined = parts.map((p, i) => (i === 0 ? p.charAt(0).toLowerCase() + p.slice(1) : p.charAt(0).toUpperCase() + p.slice(1))).join('');
  const safe = joined === '' ? 'message' : joined;
  const value = /^[0-9]/.test(safe) ? `_${safe}` : RESERVED.has(safe) ? `${safe}Message` : safe;
  return upper ? value.charAt(0).toUpperCase() + value.slice(1) : value;
}

/**
 * Reserved words (ES2022 and TypeScript's contextual ones that cannot name a `const`), the
 * names strict mode forbids binding, and the globals generated modules read.
 */
const RESERVED = new Set(
  [
    'break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with',
    'let static yield await implements interface package private protected public any boolean number string symbol type from of as async get set declare namespace module require keyof readonly unique infer is asserts never unknown object bigint abstract override satisfies accessor out',
    'eval arguments undefined globalThis',
  ]
    .join(' ')
    .split(' '),
);

/** Two messages of a file whose names give the same identifiers: the second is refused (WA209). */
export function checkIdentifiers(file: WamlFile, r: Reporter): void {
  const first = new Map<string, WamlFile['messages'][number]>();
  for (const m of file.messages) {
    const id = identifiers(m.name).value;
    const earlier = first.get(id);
    if (!earlier) {
      first.set(id, m);
      continue;
    }
    r.report('WA209', m.nameSpan, `message \`${m.name}\` would be the sender \`${id}\` in generated code, as \`${earlier.name}\` already is`, {
      related: [r.related(earlier.nameSpan, `\`${earlier.name}\` is \`${id}\``)],
      help: 'rename one of them so that they differ in more than underscores and case',
    });
  }
}
