import type { Reporter } from '../diagnostics/diagnostic.js';
import type { LMap, LNode } from '../load/tree.js';
import { toPlain } from '../load/tree.js';
import type { Span } from '../source.js';
import { listOr, suggest } from '../suggest.js';
import schema from './waml.schema.json' with { type: 'json' };
import validate from './generated/validate.cjs';
import { conforms, type Schema } from './conforms.js';

type ValidationError = validate.ValidationError;

type SchemaObject = { properties?: Record<string, unknown>; type?: string | string[]; enum?: unknown[] };

const MESSAGE_TYPES = schema.$defs.message.properties.type.enum as string[];
/** The keys a schema accepts: a key whose schema is `false` is named only to be refused (the rules say why). */
function keysOf(s: SchemaObject): string[] {
  return Object.entries(s.properties ?? {})
    .filter(([, v]) => v !== false)
    .map(([k]) => k);
}
const TYPE_KEYS: Record<string, string[]> = Object.fromEntries(MESSAGE_TYPES.map((t) => [t, keysOf((schema.$defs as Record<string, SchemaObject>)[t]!)]));

/**
 * Checks the file's structure against the language's JSON Schema (precompiled by ajv) and
 * reports each schema error at the YAML node it concerns, in words: unknown keys with a
 * "did you mean", missing keys, wrong types, unknown message types. No ajv wording reaches
 * the user.
 */
export function checkStructure(root: LMap, reporter: Reporter): void {
  const plain = toPlain(root);
  // Most files conform: a quick pass says so without the validator, which is built (on its
  // first call) only for a file the quick pass cannot clear.
  if (conforms(schema as Schema, plain)) return;
  if (validate(plain)) return;
  const apiShaped = apiShapedHeaders(root, reporter);
  // A message that is not a mapping fails the message schema once and each type's `then`
  // once more (their `if` holds vacuously for a non-mapping): the same words at the same
  // place are said once.
  const said = new Set<string>();
  const once: Say = {
    report(code, span, message, extras) {
      const key = `${code} ${span.start} ${span.end} ${message}`;
      if (said.has(key)) return;
      said.add(key);
      reporter.report(code, span, message, extras);
    },
  };
  for (const error of validate.errors ?? []) if (!apiShaped.has(error.instancePath)) report(root, error, once);
}

type Say = Pick<Reporter, 'report'>;

const HEADER_KINDS = ['text', 'image', 'video', 'document'];

/**
 * Headers written as the API writes them, `header: { type: image, image: { link: … } }`:
 * one diagnostic that names the waml shape (the kind is the key) instead of an unknown key
 * and a second kind. Returns their paths, whose own schema errors are then left out.
 */
function apiShapedHeaders(root: LMap, reporter: Reporter): Set<string> {
  const paths = new Set<string>();
  const messages = root.entries.find((e) => e.key === 'messages')?.value;
  if (messages?.kind !== 'map') return paths;
  for (const m of messages.entries) {
    if (m.value.kind !== 'map') continue;
    const header = m.value.entries.find((e) => e.key === 'header')?.value;
    if (header?.kind !== 'map') continue;
    const type = header.entries.find((e) => e.key === 'type')?.value;
    const kind = type?.kind === 'scalar' && typeof type.value === 'string' && HEADER_KINDS.includes(type.value) ? type.value : undefined;
    const value = kind && header.entries.find((e) => e.key === kind)?.value;
    if (!kind || !value || header.entries.length !== 2) continue;
    const pointer = `/messages/${m.key.replace(/~/g, '~0').replace(/\//g, '~1')}/header`;
    paths.add(pointer);
    const link = value.kind === 'map' ? value.entries.find((e) => e.key === 'link')?.value : undefined;
    const shown = value.kind === 'scalar' ? value.source : link?.kind === 'scalar' && value.kind === 'map' && value.entries.length === 1 ? link.source : '…';
    const suggestion = kind === 'text' ? `header: ${shown}` : `header: { ${kind}: ${shown} }`;
    reporter.report('WA123', header.span, `\`${m.key}.header\` is written in the API's shape (\`type: ${kind}\` beside \`${kind}\`); in waml the kind is the key`, {
      help: `drop \`type\` and write \`${suggestion}\``,
    });
  }
  return paths;
}

interface Located {
  node: LNode;
  /** The key under which the node stands in its parent mapping, if any. */
  keySpan?: Span;
  key?: string;
}

function locate(root: LNode, pointer: string): Located | undefined {
  let here: Located = { node: root };
  if (pointer === '') return here;
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const node = here.node;
    if (node.kind === 'map') {
      const e = node.entries.find((x) => x.key === segment);
      if (!e) return undefined;
      here = { node: e.value, keySpan: e.keySpan, key: e.key };
    } else if (node.kind === 'seq') {
      const item = node.items[Number(segment)];
      if (!item) return undefined;
      here = { node: item, key: `[${segment}]` };
    } else return undefined;
  }
  return here;
}

/** `help_menu.buttons[0].title`, from `/messages/help_menu/buttons/0/title`. */
function describe(pointer: string): string {
  const parts = pointer.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (parts[0] === 'messages' && parts.length > 1) parts.shift();
  let out = '';
  for (const p of parts) out += /^\d+$/.test(p) ? `[${p}]` : out === '' ? p : `.${p}`;
  return out === '' ? 'the file' : out;
}

function kindOf(node: LNode): string {
  if (node.kind === 'map') return 'a mapping';
  if (node.kind === 'seq') return 'a list';
  if (node.value === null) return 'nothing (an empty value)';
  if (typeof node.value === 'number') return `the number ${node.source}`;
  if (typeof node.value === 'boolean') return `\`${node.source}\``;
  return 'text';
}

function expected(type: string | string[] | undefined): string {
  let types = Array.isArray(type) ? type : type ? [type] : [];
  // Texts accept numbers and booleans as written: to the reader they are all text.
  if (types.includes('string')) types = types.filter((t) => t !== 'number' && t !== 'boolean');
  const words = new Set<string>();
  for (const t of types) {
    if (t === 'object') words.add('a mapping');
    else if (t === 'array') words.add('a list');
    else if (t === 'integer') words.add('a whole number');
    else if (t === 'number') words.add('a number');
    else if (t === 'boolean') words.add('`true` or `false`');
    else words.add('text');
  }
  return listOr([...words], false);
}

function report(root: LMap, error: ValidationError, reporter: Say): void {
  const path = error.instancePath;
  const at = locate(root, path);
  if (!at) return; // Cannot happen: every error concerns a node of the tree.
  const where = describe(path);
  const parentSchema = (error.parentSchema ?? {}) as SchemaObject;
  switch (error.keyword) {
    case 'if':
    case 'propertyNames':
    case 'false schema':
      // `if` only says its `then` failed, whose own errors follow; propertyNames has its
      // `pattern` error; a key whose schema is `false` (a carousel's header) is the rules' to explain.
      return;
    case 'additionalProperties': {
      const key = String(error.params.additionalProperty);
      const node = at.node as LMap;
      const span = node.entries.find((e) => e.key === key)?.keySpan ?? node.span;
      // `key_order` is written by `waml import`, not by hand: suggested, but not listed in help.
      const allowed = keysOf(parentSchema).filter((k) => k !== 'key_order');
      const guess = suggest(key, keysOf(parentSchema));
      const messageType = /^\/messages\/[^/]+$/.test(path) ? typeOf(node) : undefined;
      if (messageType && !guess) {
        const owners = MESSAGE_TYPES.filter((t) => t !== messageType && TYPE_KEYS[t]!.includes(key));
        if (owners.length > 0) {
          reporter.report('WA206', span, `\`${key}\` is not a key of a \`${messageType}\` message; it belongs to ${listOr(owners)} messages`, {
            help: `a \`${messageType}\` message takes ${listOr(allowed)}`,
          });
          return;
        }
      }
      const inWhat = path === '' ? 'at the top level' : /^\/messages\/[^/]+$/.test(path) ? `in message \`${at.key}\`` : `in \`${where}\``;
      reporter.report('WA201', span, `unknown key \`${key}\` ${inWhat}${guess ? `; did you mean \`${guess}\`?` : ''}`, {
        help: `allowed here: ${listOr(allowed)}`,
      });
      return;
    }
    case 'required': {
      const missing = String(error.params.missingProperty);
      const span = at.keySpan ?? headSpan(at.node);
      const owner = path === '' ? 'the file' : /^\/messages\/[^/]+$/.test(path) ? `message \`${at.key}\`` : `\`${where}\``;
      const help =
        missing === 'type'
          ? `add \`type:\` with one of ${listOr(MESSAGE_TYPES)}`
          : missing === 'messages'
            ? 'add `messages:` and define each message under it'
            : `add \`${missing}:\``;
      reporter.report('WA202', span, `${owner} is missing \`${missing}\``, { help });
      return;
    }
    case 'type': {
      const span = at.node.kind === 'scalar' && at.node.value === null && at.keySpan ? at.keySpan : at.node.span;
      // A text may also be a mapping of languages, which is said where a mapping is written (WA132).
      const wanted = (parentSchema as SchemaObject & { title?: string }).title === 'Text' ? 'text' : expected(parentSchema.type);
      reporter.report('WA203', span, `\`${where}\` must be ${wanted}, not ${kindOf(at.node)}`);
      return;
    }
    case 'enum': {
      const allowed = (error.params.allowedValues as unknown[]).map(String);
      const value = at.node.kind === 'scalar' ? at.node.source : '';
      if (path === '/waml') {
        reporter.report('WA109', at.node.span, `this is waml language version 1; the file asks for \`${value}\``, {
          help: 'write `waml: 1`, or leave the key out',
        });
        return;
      }
      const guess = suggest(value, allowed);
      const code = /^\/messages\/[^/]+\/type$/.test(path) ? 'WA205' : 'WA605';
      const what = code === 'WA205' ? 'message type' : `value for \`${where}\``;
      reporter.report(code, at.node.span, `unknown ${what} \`${value}\`${guess ? `; did you mean \`${guess}\`?` : ''}`, {
        help: `use one of ${listOr(allowed)}`,
      });
      return;
    }
    case 'pattern': {
      const name = String(error.propertyName ?? '');
      if (!/^\/messages$/.test(path)) {
        const node = at.node as LMap;
        const span = node.entries.find((e) => e.key === name)?.keySpan ?? node.span;
        reporter.report('WA512', span, `\`${name}\` is not a valid param name: use letters, digits and \`_\`, not starting with a digit`);
        return;
      }
      const node = at.node as LMap;
      const span = node.entries.find((e) => e.key === name)?.keySpan ?? node.span;
      reporter.report('WA204', span, `\`${name}\` is not a valid message name: use letters, digits and \`_\`, not starting with a digit`, {
        help: `for example \`${name.replace(/[^A-Za-z0-9_]/g, '_').replace(/^(\d)/, '_$1') || 'menu'}\``,
      });
      return;
    }
    case 'minProperties': {
      if (path === '/messages') {
        reporter.report('WA207', at.keySpan ?? at.node.span, '`messages` defines no message', {
          help: 'define at least one message under `messages:`',
        });
        return;
      }
      const allowed = keysOf(parentSchema);
      reporter.report('WA208', at.node.span, `\`${where}\` is empty; give one of ${listOr(allowed)}`);
      return;
    }
    case 'maxProperties': {
      const allowed = keysOf(parentSchema);
      const node = at.node as LMap;
      const extra = node.entries[1];
      reporter.report('WA208', extra ? extra.keySpan : node.span, `\`${where}\` takes exactly one of ${listOr(allowed)}; found ${node.entries.map((e) => `\`${e.key}\``).join(' and ')}`, {
        help: 'keep one of them',
      });
      return;
    }
    default:
      reporter.report('WA208', at.node.span, `\`${where}\` does not have the shape the language expects (${error.keyword})`);
  }
}

function typeOf(node: LMap): string | undefined {
  const t = node.entries.find((e) => e.key === 'type')?.value;
  return t && t.kind === 'scalar' && typeof t.value === 'string' && MESSAGE_TYPES.includes(t.value) ? t.value : undefined;
}

/** The first line of a node, for "missing key" errors on a mapping that has no key of its own. */
function headSpan(node: LNode): Span {
  return { start: node.span.start, end: node.span.start };
}
