import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { UsageError } from './args.js';

/** A file found on disk: its absolute path and the path shown to the user. */
export interface Found {
  absolute: string;
  display: string;
}

/**
 * The files to compile: each PATH that is a file, and every `*.wa.yaml` below each PATH that
 * is a folder, skipping `node_modules`, dot-folders and the folders in `exclude` (the output
 * folder). Sorted, without repeats.
 */
export function discover(paths: readonly string[], cwd: string, exclude: readonly string[] = []): Found[] {
  const found = new Map<string, Found>();
  const skip = new Set(exclude.map((p) => resolve(cwd, p)));
  const add = (absolute: string): void => {
    if (!found.has(absolute)) found.set(absolute, { absolute, display: displayPath(cwd, absolute) });
  };
  const walk = (dir: string): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // An unreadable folder holds nothing we can compile.
    }
    for (const e of entries) {
      const full = join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name === 'node_modules' || e.name.startsWith('.') || skip.has(full)) continue;
        walk(full);
      } else if (e.isFile() && e.name.endsWith('.wa.yaml')) add(full);
    }
  };
  for (const p of paths.length > 0 ? paths : ['.']) {
    const absolute = resolve(cwd, p);
    let stat;
    try {
      stat = statSync(absolute);
    } catch {
      throw new UsageError(`no such file or folder: ${p}`);
    }
    if (stat.isDirectory()) walk(absolute);
    else add(absolute);
  }
  return [...found.values()].sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0));
}

/** Paths as users see them: relative to the working folder, with `/`. */
export function displayPath(cwd: string, absolute: string): string {
  const rel = relative(cwd, absolute) || absolute;
  return sep === '/' ? rel : rel.split(sep).join('/');
}

export type Read = { ok: true; text: string } | { ok: false; reason: string; size?: number };

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads a file as UTF-8 text (a byte order mark is dropped); invalid UTF-8 is a failure, and
 * so is a file over `limit` bytes, which is not read at all.
 */
export function readSource(absolute: string, limit = Infinity): Read {
  let bytes: Buffer;
  try {
    const size = statSync(absolute).size;
    if (size > limit) return { ok: false, reason: `it is ${size} bytes; the limit is ${limit}`, size };
    bytes = readFileSync(absolute);
  } catch (error) {
    return { ok: false, reason: (error as NodeJS.ErrnoException).code === 'EISDIR' ? 'it is a folder' : `it cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  try {
    return { ok: true, text: UTF8.decode(bytes) };
  } catch {
    return { ok: false, reason: 'it is not valid UTF-8 text' };
  }
}
