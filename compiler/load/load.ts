import { parseDocument, Scalar as YamlScalar, isAlias, isMap, isScalar, isSeq, isPair, type Document, type Node, type Scalar, type YAMLError } from 'yaml';
import type { Reporter } from '../diagnostics/diagnostic.js';
import type { Code } from '../diagnostics/codes.js';
import type { Span } from '../source.js';
import type { LEntry, LMap, LNode } from './tree.js';
import { commentsInText, explainErrors } from './explain.js';
import { checkEscapedCharacters, checkRawCharacters } from './printable.js';

/** The yaml library's alias limit, left at its default: more expansions than this are refused. */
const MAX_ALIAS_COUNT = 100;

/**
 * The deepest nesting of lists and mappings waml reads. A message needs about six levels; the
 * limit keeps every later stage (which walk the tree recursively) far from the stack's end.
 */
export const MAX_DEPTH = 256;

/** yaml's own error codes that have a waml code of their own; every other one is WA101. */
const YAML_CODES: Partial<Record<string, Code>> = {
  TAB_AS_INDENT: 'WA103',
  MULTIPLE_DOCS: 'WA104',
  BAD_ALIAS: 'WA105',
  TAG_RESOLVE_FAILED: 'WA106',
};

/** What every comment that cuts a text starts with (see commentsInText): a space or tab, `#`, then neither space nor `#`. */
const COMMENT_IN_TEXT = /[ \t]#[^\s#]/;

/** Tags a file may spell out; anything else is a custom tag. */
const STANDARD_TAGS = new Set(
  ['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`),
);

export interface Loaded {
  /** The root mapping, or undefined when the file could not be read as one. */
  root: LMap | undefined;
}

/**
 * Parses one `.wa.yaml` text. YAML errors and warnings become diagnostics at their ranges
 * (yaml's codes are kept in the message); a file with syntax errors yields no tree, since
 * what the parser recovered would only produce confusing follow-on diagnostics. Duplicate
 * keys and custom tags are reported but do not stop the later checks.
 */
export function load(text: string, reporter: Reporter): Loaded {
  // yaml's own duplicate-key check compares every pair of keys (quadratic); the tree builder
  // finds duplicates with a map instead and reports them as yaml would (DUPLICATE_KEY).
  // YAML 1.2 ends lines at CR too; yaml does not, so a lone CR becomes a LF (one character for
  // one: every offset stays right). SourceText counts lines the same way.
  const input = text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
  checkRawCharacters(text, reporter);
  const doc = parseDocument(input, { prettyErrors: false, uniqueKeys: false, merge: false });
  const builder = new TreeBuilder(doc, text, reporter);
  const contents = doc.contents as Node | null;
  const tree = contents ? builder.build(contents) : undefined;

  let fatal = false;
  let exhausted = builder.tooDeep;
  // The common mistakes behind yaml's errors, in words; the errors they explain are not repeated.
  const { explained, consumed } = explainErrors(input, doc.errors);
  for (const e of explained) reporter.report(e.code, e.span, e.message, { help: e.help });
  if (explained.length > 0) fatal = true;
  // (yaml's visitor recurses: not into a tree already found too deep.)
  // Only a `#` after a space and before text can cut a plain scalar: without one, no visit.
  if (!builder.tooDeep && COMMENT_IN_TEXT.test(input)) for (const e of commentsInText(doc, input)) reporter.report(e.code, e.span, e.message, { help: e.help });
  for (const [i, error] of doc.errors.entries()) {
    if (consumed.has(i)) continue;
    const code = YAML_CODES[error.code] ?? 'WA101';
    if (code === 'WA101' || code === 'WA103' || code === 'WA104') fatal = true;
    if (error.code === 'RESOURCE_EXHAUSTION' || builder.tooDeep) {
      if (!exhausted) reportTooDeep(reporter, { start: 0, end: 0 });
      exhausted = true;
      continue;
    }
    reportYamlProblem(reporter, error, code, text.length);
  }
  for (const warning of doc.warnings) {
    const code = YAML_CODES[warning.code] ?? 'WA108';
    // Custom tags are errors in waml: the language has no use for them.
    reportYamlProblem(reporter, warning, code, text.length);
  }
  if (fatal || builder.failed) return { root: undefined };
  // An escape needs a backslash: a text without one has no escaped character to find.
  if (tree && text.includes('\\')) checkEscapedCharacters(text, tree, reporter);

  if (tree === undefined || tree.kind !== 'map') {
    const span = tree ? tree.span : { start: 0, end: Math.min(text.length, 1) };
    const found = tree === undefined ? 'the file is empty' : tree.kind === 'seq' ? 'it is a list' : 'it is a single value';
    reporter.report('WA107', span, `the top level of a .wa.yaml file must be a mapping with a \`messages\` key; ${found}`, {
      help: 'start the file with `messages:` and define each message under it',
    });
    return { root: undefined };
  }
  return { root: tree };
}

function reportTooDeep(reporter: Reporter, span: Span): void {
  reporter.report('WA101', span, `the file nests lists and mappings more than ${MAX_DEPTH} levels deep`, {
    help: 'a .wa.yaml file needs a few levels of nesting, not hundreds',
  });
}

function reportYamlProblem(
  reporter: Reporter,
  error: YAMLError,
  code: Code,
  length: number,
): void {
  // yaml places errors at the end of the input one character past it: keep ranges inside the text.
  const start = Math.min(Math.max(error.pos[0], 0), length);
  const span = { start, end: Math.min(Math.max(error.pos[1], start), length) };
  // yaml appends " at line L, column C:" and a code frame; waml renders its own.
  let message = error.message.split(/ at line \d+, column \d+/)[0]!.trim();
  const extras: { help?: string; related?: ReturnType<Reporter['related']>[] } = {};
  switch (code) {
    case 'WA103':
      message = 'tabs are not allowed as indentation';
      extras.help = 'indent with spaces';
      break;
    case 'WA104':
      message = 'a .wa.yaml file holds one YAML document; this is a second one';
      extras.help = 'remove the `---` line, or move the second document to a file of its own';
      break;
    case 'WA106':
      message = `${message.replace(/^Unresolved tag/, 'unknown tag')}; waml files use no custom tags`;
      extras.help = 'remove the tag';
      break;
    default: // WA101, WA105 and yaml's warnings: its words, and its code.
      message = `${lowerFirst(message)} (${error.code})`;
  }
  reporter.report(code, span, message, extras);
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/** Walks yaml's nodes into the located tree, resolving aliases once each. */
class TreeBuilder {
  failed = false;
  tooDeep = false;
  private depth = 0;
  /** The collections being built: an alias to one of them is a cycle. */
  private readonly building = new Set<Node>();
  private readonly done = new Map<Node, LNode>();
  private aliasesSeen = false;

  constructor(
    private readonly doc: Document,
    private readonly text: string,
    private readonly reporter: Reporter,
  ) {}

  build(node: Node): LNode | undefined {
    const tree = this.node(node);
    if (this.aliasesSeen && !this.failed) this.checkAliasExpansion();
    return tree;
  }

  /** yaml's own guard against alias bombs: toJS counts expansions against maxAliasCount. */
  private checkAliasExpansion(): void {
    try {
      // mapAsMap: complex keys stay keys (no warning printed); only the counting matters here.
      this.doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT, mapAsMap: true });
    } catch (error) {
      if (!(error instanceof ReferenceError)) throw error;
      const span = this.firstAlias ?? { start: 0, end: 0 };
      this.reporter.report('WA105', span, `aliases expand to too many values (more than ${MAX_ALIAS_COUNT} expansions)`, {
        help: 'write the repeated values out, or use fewer nested aliases',
      });
      this.failed = true;
    }
  }

  private firstAlias: Span | undefined;

  private node(node: Node): LNode | undefined {
    if (this.depth >= MAX_DEPTH) {
      if (!this.tooDeep) reportTooDeep(this.reporter, this.span(node));
      this.tooDeep = true;
      this.failed = true;
      return undefined;
    }
    this.depth++;
    // Only an anchored node can be an alias's target: only those are tracked (see nodeAt).
    const anchored = node.anchor !== undefined;
    if (anchored) this.building.add(node);
    try {
      return this.nodeAt(node);
    } finally {
      this.depth--;
      if (anchored) this.building.delete(node);
    }
  }

  private nodeAt(node: Node): LNode | undefined {
    if (isAlias(node)) {
      this.aliasesSeen = true;
      const span = this.span(node);
      this.firstAlias ??= span;
      const target = node.resolve(this.doc);
      if (!target) {
        this.reporter.report('WA105', span, `alias \`*${node.source}\` refers to no anchor`, {
          help: `define \`&${node.source}\` on a value before this alias`,
        });
        this.failed = true;
        return undefined;
      }
      if (this.building.has(target)) {
        // An alias inside the value it names: a cycle, which no message can be.
        this.reporter.report('WA105', span, `alias \`*${node.source}\` is inside the value it refers to (a cycle)`, {
          help: 'write the values out; a message cannot contain itself',
        });
        this.failed = true;
        return undefined;
      }
      const done = this.done.get(target);
      if (done) return done;
      return this.node(target);
    }
    this.checkTag(node);
    if (isScalar(node)) {
      const scalar = node as Scalar;
      const value = scalar.value;
      const result: LNode = {
        kind: 'scalar',
        value: typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value === null ? value : String(value),
        source: typeof scalar.source === 'string' ? scalar.source : String(value),
        span: this.span(scalar),
        node: scalar,
      };
      if (node.anchor !== undefined) this.done.set(node, result);
      return result;
    }
    if (isSeq(node)) {
      const plain: unknown[] = [];
      const result: LNode = { kind: 'seq', items: [], span: this.span(node), plain };
      if (node.anchor !== undefined) this.done.set(node, result);
      for (const item of node.items) {
        const built = this.node(item as Node);
        if (built) {
          result.items.push(built);
          plain.push(built.kind === 'scalar' ? built.value : built.plain);
        }
      }
      return result;
    }
    if (isMap(node)) {
      // The plain value for the validator is built in the same walk; without a prototype, so
      // that `__proto__` is an ordinary key.
      const plain = Object.create(null) as Record<string, unknown>;
      const result: LMap = { kind: 'map', entries: [], span: this.span(node), plain };
      if (node.anchor !== undefined) this.done.set(node, result);
      const seen = new Map<string, Span>();
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const keyNode = pair.key as Node | null;
        let key: string;
        let keySpan: Span;
        if (keyNode === null) {
          key = '';
          keySpan = { start: result.span.start, end: result.span.start };
        } else if (isScalar(keyNode)) {
          this.checkTag(keyNode);
          key = keyNode.value === null ? '' : String(keyNode.value);
          keySpan = this.span(keyNode);
        } else {
          keySpan = this.span(keyNode);
          this.reporter.report('WA110', keySpan, 'keys must be plain text; this key is a list, a mapping or an alias', {
            help: 'write the key as a plain word, such as `body`',
          });
          continue;
        }
        if (key === '<<' && isScalar(keyNode) && keyNode.type === 'PLAIN') {
          this.reporter.report('WA111', keySpan, 'merge keys (`<<`) are not supported in waml files', {
            help: 'write the keys out in this mapping',
          });
          continue;
        }
        const first = seen.get(key);
        if (first) {
          this.reporter.report('WA102', keySpan, 'this key is already defined in the same mapping', {
            related: [this.reporter.related(first, 'first defined here')],
            help: 'remove one of the two, or rename it',
          });
          continue; // The first value is kept.
        }
        seen.set(key, keySpan);
        const valueNode = pair.value as Node | null;
        const value: LNode | undefined = valueNode
          ? this.node(valueNode)
          : emptyScalar(keySpan.end);
        if (value) {
          result.entries.push({ key, keySpan, value } satisfies LEntry);
          plain[key] = value.kind === 'scalar' ? value.value : value.plain;
        }
      }
      return result;
    }
    return undefined;
  }

  private checkTag(node: Node): void {
    const tag = (node as { tag?: string }).tag;
    if (tag && !STANDARD_TAGS.has(tag) && !this.reportedTags.has(node)) {
      this.reportedTags.add(node);
      // yaml resolves some tags itself (`!!binary`, `!!set`); report those too.
      if (tag.startsWith('tag:yaml.org,2002:')) {
        this.reporter.report('WA106', this.span(node), `the tag \`!!${tag.slice(18)}\` is not supported; waml files use no custom tags`, {
          help: 'remove the tag',
        });
      }
      // Other tags are unresolved, and yaml itself warns (TAG_RESOLVE_FAILED).
    }
  }

  private readonly reportedTags = new Set<Node>();

  /** A node's span without the line breaks and spaces that yaml counts into block collections. */
  private span(node: Node): Span {
    const { start, end } = rangeOf(node);
    let e = end;
    while (e > start && isSpace(this.text.charCodeAt(e - 1))) e--;
    return { start, end: e };
  }
}

/** What `/\s/` matches, by code: tested once per node, so without a regular expression. */
function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

function rangeOf(node: Node): Span {
  const r = node.range;
  if (!r) return { start: 0, end: 0 };
  return { start: r[0], end: r[1] };
}

function emptyScalar(at: number): LNode {
  const node = new YamlScalar(null);
  node.range = [at, at, at];
  return { kind: 'scalar', value: null, source: '', span: { start: at, end: at }, node };
}
