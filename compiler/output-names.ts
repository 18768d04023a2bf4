import type { Reporter } from './diagnostics/diagnostic.js';
import { LIMITS } from './limits.js';
import type { Span } from './source.js';

/**
 * Output files are named `<file stem>.<message>.json`. Names a file system cannot hold are
 * found when checking, not half way through a build: a name longer than 255 bytes (WA904),
 * and two messages of one file whose names differ only in case (WA905), which are one file on
 * the case-insensitive file systems of macOS and Windows. Across files, OutputClaims does the
 * same for whole paths.
 */

const ENCODER = new TextEncoder();

/** The UTF-8 length of a file name. */
export function nameBytes(name: string): number {
  return ENCODER.encode(name).length;
}

/** The key under which case-insensitive (and normalisation-insensitive) file systems compare names. */
export function foldName(path: string): string {
  return path.normalize('NFC').toLowerCase();
}

export function checkOutputNames(stem: string, messages: readonly { name: string; nameSpan: Span; type?: string; languages?: { codes: { code: string }[] } }[], r: Reporter): void {
  const limit = LIMITS.outputFileName;
  const folded = new Map<string, { name: string; nameSpan: Span }>();
  for (const m of messages) {
    // A message in several languages writes `<stem>.<message>.<language>.json` (a template's
    // creation body `….template.json`): the longest of them must fit.
    let longest = '';
    for (const c of m.languages?.codes ?? []) if (c.code.length > longest.length) longest = c.code;
    const suffix = longest === '' ? '' : `.${longest}${m.type === 'template' ? '.template' : ''}`;
    const file = `${stem}.${m.name}${suffix}.json`;
    const bytes = nameBytes(file);
    if (bytes > limit.max) {
      r.report('WA904', m.nameSpan, `message \`${m.name.length > 40 ? `${m.name.slice(0, 40)}…` : m.name}\` would be written to a file whose name is ${bytes} bytes; file systems allow ${limit.max}`, {
        help: `shorten the message name (or the file name) by ${bytes - limit.max} characters (limit: ${limit.source})`,
      });
    }
    const key = foldName(m.name);
    const first = folded.get(key);
    if (first) {
      r.report('WA905', m.nameSpan, `messages \`${first.name}\` and \`${m.name}\` differ only in case: ${stem}.${first.name}.json and ${file} are one file on macOS and Windows`, {
        related: [r.related(first.nameSpan, 'the other name')],
        help: `give them names that differ in more than case (${LIMITS.outputNameCase.source})`,
      });
    } else folded.set(key, m);
  }
}
