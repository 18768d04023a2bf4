import { SaxesParser, type SaxesTagNS } from 'saxes';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Span } from '../source.js';
import { XLIFF_NS } from './export.js';

/** A `<source>` or `<target>`: its text with placeholders put back, and where it stands. */
export interface Content {
  /** The text, each `<ph/>` replaced by its original placeholder (unresolved ones left out). */
  text: string;
  /** The element's content (between its tags); an empty element: just after its name. */
  span: Span;
  /** Each `<ph/>`: its id, dataRef and equiv, and where it stands. */
  placeholders: { id: string; dataRef?: string; equiv?: string; span: Span; text: string | null }[];
}

export interface Unit {
  id: string;
  /** The `<unit …>` start tag. */
  span: Span;
  idSpan: Span;
  translate: boolean;
  /** The unit's `<originalData>`: data id -> text. */
  data: Map<string, string>;
  /** The segments' and ignorables' sources and targets, joined; null when no segment has a target. */
  source: Content | null;
  target: Content | null;
}

export interface XliffFile {
  original: string;
  span: Span;
  originalSpan: Span;
  units: Unit[];
}

export interface XliffDocument {
  path: string;
  srcLang: string;
  trgLang: string;
  srcLangSpan: Span;
  trgLangSpan: Span;
  files: XliffFile[];
}

/** Inline elements that only mark text (terms, comments, segment marks): their content is kept. */
const TRANSPARENT = new Set(['mrk', 'sm', 'em']);

/** The span of an attribute's value inside a start tag, found in the raw text. */
function attributeSpan(text: string, tag: Span, qname: string): Span {
  const raw = text.slice(tag.start, tag.end);
  const m = new RegExp(`\\s${qname.replace(/[.:-]/g, '\\$&')}\\s*=\\s*(["'])`).exec(raw);
  if (!m) return tag;
  const start = tag.start + m.index + m[0].length;
  const close = text.indexOf(m[1]!, start);
  return { start, end: close === -1 ? tag.end : close };
}

interface Frame {
  local: string;
  uri: string;
  start: number;
  /** Just past the start tag's `>`. */
  contentStart: number;
  tag: SaxesTagNS;
}

/** A content being read: text runs and `<ph/>`s (resolved when the unit ends: its data may come later in a hand-made file). */
interface Building {
  parts: (string | Content['placeholders'][number])[];
  start: number;
  end: number;
}

/**
 * Reads an XLIFF 2.0 translation file with positions: a well-formedness error is `WA801`
 * (reading stops there), a file that is not XLIFF 2.0 or lacks what import needs `WA802`,
 * markup inside a target that waml cannot map back to text `WA812`. A DOCTYPE is refused
 * (XLIFF has none, and entities are not expanded). Pure.
 */
export function readXliff(path: string, text: string): { document: XliffDocument | null; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: Frame[] = [];
  let failed = false;
  let document: XliffDocument | null = null;
  let file: XliffFile | null = null;
  let unit: (Unit & { sources: Building[]; targets: Building[]; anyTarget: boolean }) | null = null;
  let content: Building | null = null;
  let contentDepth = 0;
  let segment: { source: Building | null; target: Building | null; ignorable: boolean } | null = null;
  let data: { id: string; text: string } | null = null;
  let tagStart = 0;

  const fail = (code: 'WA801' | 'WA802' | 'WA812', span: Span, message: string, help?: string): void => {
    diagnostics.push(diagnostic(path, code, span, message, help !== undefined ? { help } : {}));
  };
  const at = (): Span => ({ start: Math.max(0, Math.min(parser.position - 1, text.length)), end: Math.min(parser.position, text.length) });

  parser.on('error', (e) => {
    if (failed) return;
    failed = true;
    const message = e.message.replace(/^\d+:\d+: /, '').replace(/\.$/, '');
    // Text before any element: point at its start, not where the parser noticed it.
    const first = stack.length === 0 && !document && /outside of root/.test(message) ? /\S/.exec(text)?.index : undefined;
    fail('WA801', first !== undefined ? { start: first, end: first + 1 } : at(), `${path} is not well-formed XML: ${message}`, 'a translation tool may have damaged it: export it again from the tool');
  });
  parser.on('doctype', () => {
    if (failed) return;
    failed = true;
    fail('WA801', at(), `${path} has a DOCTYPE; XLIFF files have none, and waml does not read one`, 'remove the <!DOCTYPE …> declaration');
  });
  parser.on('opentagstart', () => {
    tagStart = Math.max(0, text.lastIndexOf('<', parser.position - 1));
  });
  parser.on('text', (t) => {
    if (failed) return;
    if (data) data.text += t;
    else if (content) content.parts.push(t);
  });
  parser.on('cdata', (t) => {
    if (failed) return;
    if (data) data.text += t;
    else if (content) content.parts.push(t);
  });
  parser.on('opentag', (tag) => {
    if (failed) return;
    const span = { start: tagStart, end: parser.position };
    const frame: Frame = { local: tag.local, uri: tag.uri, start: tagStart, contentStart: parser.position, tag };
    const parent = stack[stack.length - 1];
    stack.push(frame);
    const attr = (name: string): string | undefined => tag.attributes[name]?.value;
    if (!parent) {
      if (tag.uri !== XLIFF_NS || tag.local !== 'xliff') {
        failed = true;
        fail('WA802', span, `${path} is not an XLIFF 2.0 file: its root is <${tag.name}>${tag.uri && tag.local === 'xliff' ? ` in the namespace ${tag.uri}` : ''}`, `waml reads XLIFF 2.0 (<xliff xmlns="${XLIFF_NS}" version="2.0">), as \`waml translations export\` writes it`);
        return;
      }
      const version = attr('version') ?? '';
      if (!/^2\.\d+$/.test(version)) {
        failed = true;
        fail('WA802', attributeSpan(text, span, 'version'), `${path} is XLIFF ${version || 'of no version'}; waml reads XLIFF 2.0`, 'save it from the translation tool as XLIFF 2.0');
        return;
      }
      const src = attr('srcLang');
      const trg = attr('trgLang');
      if (!src || !trg) {
        failed = true;
        fail('WA802', span, `${path} gives no ${!src ? 'srcLang' : 'trgLang'}: waml cannot tell which language it holds`, 'export it again with `waml translations export`');
        return;
      }
      document = { path, srcLang: src, trgLang: trg, srcLangSpan: attributeSpan(text, span, 'srcLang'), trgLangSpan: attributeSpan(text, span, 'trgLang'), files: [] };
      return;
    }
    if (content) {
      // Inline content of a <source> or <target>.
      if (tag.uri === XLIFF_NS && tag.local === 'ph') {
        const id = attr('id') ?? '';
        const ph: Content['placeholders'][number] = { id, span, text: null };
        const ref = attr('dataRef');
        const equiv = attr('equiv');
        if (ref !== undefined) ph.dataRef = ref;
        if (equiv !== undefined) ph.equiv = equiv;
        content.parts.push(ph);
      } else if (tag.uri === XLIFF_NS && tag.local === 'cp') {
        const hex = attr('hex') ?? '';
        const cp = /^[0-9A-Fa-f]{1,6}$/.test(hex) ? parseInt(hex, 16) : NaN;
        if (Number.isNaN(cp) || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) fail('WA812', span, `<cp hex="${hex}"> is not a character${cp >= 0xd800 && cp <= 0xdfff ? ' (a surrogate: half of a UTF-16 pair, no character on its own)' : ''}`, 'a <cp> gives a character by its hexadecimal code point');
        else content.parts.push(String.fromCodePoint(cp));
      } else if (!(tag.uri === XLIFF_NS && TRANSPARENT.has(tag.local))) {
        fail('WA812', span, `<${tag.name}> in a ${segment?.target === content ? 'target' : 'source'}: waml cannot turn this markup back into text`, 'waml writes placeholders as <ph/>; keep them as they are and use no other markup in a translation');
      }
      contentDepth++;
      return;
    }
    if (tag.uri !== XLIFF_NS) return; // a module's element (slr:profiles, metadata): not needed here
    if (tag.local === 'file' && parent.local === 'xliff' && document) {
      const original = attr('original');
      if (original === undefined) {
        fail('WA802', span, 'this <file> has no `original`: waml cannot tell which source it translates', 'export it again with `waml translations export`');
        file = null;
        return;
      }
      file = { original, span, originalSpan: attributeSpan(text, span, 'original'), units: [] };
      document.files.push(file);
    } else if (tag.local === 'unit' && file) {
      const id = attr('id');
      if (id === undefined) {
        fail('WA802', span, 'this <unit> has no `id`: waml cannot tell which text it translates', 'export it again with `waml translations export`');
        unit = null;
        return;
      }
      unit = { id, span, idSpan: attributeSpan(text, span, 'id'), translate: attr('translate') !== 'no', data: new Map(), source: null, target: null, sources: [], targets: [], anyTarget: false };
    } else if (tag.local === 'data' && unit && parent.local === 'originalData') {
      data = { id: attr('id') ?? '', text: '' };
    } else if ((tag.local === 'segment' || tag.local === 'ignorable') && unit) {
      segment = { source: null, target: null, ignorable: tag.local === 'ignorable' };
    } else if ((tag.local === 'source' || tag.local === 'target') && segment && unit) {
      content = { parts: [], start: parser.position, end: parser.position };
      contentDepth = 0;
      if (tag.local === 'source') segment.source = content;
      else segment.target = content;
    } else if (tag.local === 'cp' && data) {
      const hex = attr('hex') ?? '';
      const n = /^[0-9A-Fa-f]{1,6}$/.test(hex) ? parseInt(hex, 16) : NaN;
      if (n <= 0x10ffff && !(n >= 0xd800 && n <= 0xdfff)) data.text += String.fromCodePoint(parseInt(hex, 16));
    }
  });
  parser.on('closetag', (tag) => {
    if (failed) return;
    stack.pop();
    if (content) {
      if (contentDepth > 0) {
        contentDepth--;
        return;
      }
      content.end = text.lastIndexOf('</', parser.position);
      if (content.end < content.start) content.end = content.start; // an empty element: <target/>
      content = null;
      return;
    }
    if (tag.uri !== XLIFF_NS) return;
    if (tag.local === 'data' && data && unit) {
      unit.data.set(data.id, data.text);
      data = null;
    } else if ((tag.local === 'segment' || tag.local === 'ignorable') && segment && unit) {
      if (segment.source) unit.sources.push(segment.source);
      // An ignorable's target defaults to its source (white space between segments).
      const target = segment.target ?? (segment.ignorable ? segment.source : null);
      if (segment.target) unit.anyTarget = true;
      if (target) unit.targets.push(target);
      segment = null;
    } else if (tag.local === 'unit' && unit && file) {
      const resolved = unit;
      unit.source = join(resolved.sources, resolved.data);
      unit.target = unit.anyTarget ? join(resolved.targets, resolved.data) : null;
      const { sources: _s, targets: _t, anyTarget: _a, ...plain } = resolved;
      file.units.push(plain);
      unit = null;
    } else if (tag.local === 'file') file = null;
  });
  try {
    parser.write(text).close();
  } catch {
    // Reported through the error handler.
  }
  if (!failed && !document && diagnostics.length === 0) fail('WA802', { start: 0, end: Math.min(1, text.length) }, `${path} holds no XLIFF document`);
  return { document: failed ? null : document, diagnostics };
}

/** The contents of a unit's segments joined into one, placeholders resolved through its data. */
function join(parts: Building[], data: Map<string, string>): Content | null {
  if (parts.length === 0) return null;
  const placeholders: Content['placeholders'] = [];
  let text = '';
  for (const p of parts) {
    for (const x of p.parts) {
      if (typeof x === 'string') {
        text += x;
        continue;
      }
      x.text = (x.dataRef !== undefined ? data.get(x.dataRef) : undefined) ?? x.equiv ?? null;
      placeholders.push(x);
      text += x.text ?? '';
    }
  }
  return { text, span: { start: parts[0]!.start, end: parts[parts.length - 1]!.end }, placeholders };
}
