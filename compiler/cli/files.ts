import { closeSync, constants, fstatSync, openSync, readdirSync, readSync, statSync, type Stats } from 'node:fs';
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
  return discoverPaths(paths, cwd, exclude).map((display) => ({ absolute: absolutePath(cwd, display), display }));
}

/**
 * The same files as `discover`, as the paths shown to the user only (sorted, without repeats):
 * one string a file, for a run over many files that keeps the list while it works.
 */
export function discoverPaths(paths: readonly string[], cwd: string, exclude: readonly string[] = []): string[] {
  const found = new Set<string>();
  const skip = new Set(exclude.map((p) => resolve(cwd, p)));
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
      } else if (e.isFile() && e.name.endsWith('.wa.yaml')) found.add(full);
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
    else found.add(absolute);
  }
  const displays: string[] = [];
  for (const absolute of found) displays.push(displayPath(cwd, absolute));
  return displays.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The absolute path of a path shown to the user (`displayPath`'s inverse). */
export function absolutePath(cwd: string, display: string): string {
  return resolve(cwd, display);
}

/**
 * The files of one batch, kept as their shown paths joined by NUL (which no path holds): one
 * string a batch, so that what a run keeps for batches not yet compiled is small, and what a
 * worker thread is sent at its start is the list of every batch as strings.
 */
export function batchFiles(packed: string, cwd: string): Found[] {
  return packed.split('\0').map((display) => ({ absolute: absolutePath(cwd, display), display }));
}

/** Paths as users see them: relative to the working folder, with `/`. */
export function displayPath(cwd: string, absolute: string): string {
  const rel = relative(cwd, absolute) || absolute;
  return sep === '/' ? rel : rel.split(sep).join('/');
}

/** A file's text, or why not: `size` over the limit, `special` not a regular file, `encoding` not UTF-8, `io` not readable. */
export type Read = { ok: true; text: string } | { ok: false; reason: string; why: 'size' | 'special' | 'encoding' | 'io'; size?: number };

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** What a path that is not a regular file is, in words. */
function kindOf(stat: Stats): string {
  if (stat.isFIFO()) return 'a FIFO (named pipe)';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** Bytes read at a time, past what stat said. */
const CHUNK = 64 * 1024;
/** Bytes asked for after a short read, which should find the end of the file. */
const END_PROBE = 256;

/**
 * Reads a file as UTF-8 text (a byte order mark is dropped); invalid UTF-8 is a failure, and
 * so is a file over `limit` bytes, of which at most `limit + 1` bytes are read. Only regular
 * files are read: a device (`/dev/zero`, `/dev/urandom`), a FIFO or a socket is refused
 * without reading, since it may never end. The size `stat` gives is not trusted (it is 0 for
 * those, and a file may grow while it is read): the reader itself stops at the limit.
 */
export function readSource(absolute: string, limit = Infinity): Read {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO must not wait for a writer (it is refused just below).
    fd = openSync(absolute, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return { ok: false, why: 'io', reason: (error as NodeJS.ErrnoException).code === 'EISDIR' ? 'it is a folder' : `it cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  let bytes: Buffer;
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return { ok: false, why: 'io', reason: 'it is a folder' };
    if (!stat.isFile()) return { ok: false, why: 'special', reason: `it is ${kindOf(stat)}, not a file` };
    if (stat.size > limit) return { ok: false, why: 'size', reason: `it is ${stat.size} bytes; the limit is ${limit}`, size: stat.size };
    const chunks: Buffer[] = [];
    let total = 0;
    // The first read asks for the size stat gives and one byte more (to see whether the file
    // grew); a short read is followed by a small one that should find the end. Only a file
    // that grew, or that stat cannot size, is read on in chunks. Buffers of about a file's
    // own size (a small one comes from Node's shared pool) rather than a chunk per file keep
    // a run over many files from churning native memory.
    let want = stat.size > 0 ? stat.size + 1 : CHUNK;
    for (;;) {
      want = Math.min(want, limit - total + 1);
      const chunk = Buffer.allocUnsafe(want);
      const n = readSync(fd, chunk, 0, want, null);
      if (n === 0) break;
      chunks.push(n === want ? chunk : chunk.subarray(0, n));
      total += n;
      if (total > limit) return { ok: false, why: 'size', reason: `it is more than ${limit} bytes; the limit is ${limit}`, size: total };
      want = n === want ? CHUNK : END_PROBE;
    }
    bytes = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
  } catch (error) {
    return { ok: false, why: 'io', reason: `it cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  } finally {
    closeSync(fd);
  }
  try {
    return { ok: true, text: UTF8.decode(bytes) };
  } catch {
    return { ok: false, why: 'encoding', reason: 'it is not valid UTF-8 text' };
  }
}
