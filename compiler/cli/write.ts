import { lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { attempt } from './environment.js';

/**
 * Temporary files: `.waml-<pid>-<random>.tmp`, beside their target; of a fixed length, so that
 * an output whose own name is as long as the file system allows can still be written. (Builds
 * before this named them `.<name>.waml-<pid>-<random>.tmp`; those are cleaned up too.)
 */
const TEMP = /^\.(?:.+\.)?waml-(\d+)-[a-z0-9]+\.tmp$/;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the temporary files of builds that were killed before they could rename them. Only
 * files: a folder (or anything else) that happens to have such a name is the user's, and is
 * left alone. Best effort: what cannot be removed stays, and the build goes on.
 */
export function removeStaleTemporaries(dir: string): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    const m = TEMP.exec(e.name);
    if (!m || !e.isFile() || Number(m[1]) === process.pid || alive(Number(m[1]))) continue;
    try {
      rmSync(join(dir, e.name), { force: true });
    } catch {
      // Not ours to insist on.
    }
  }
}

export interface WriteResult {
  written: string[];
  unchanged: string[];
}

/**
 * The current content of a regular file, or undefined (absent, a folder, a FIFO: never read).
 * It is read only when it could be `text`: a file of another size differs.
 */
function currentText(target: string, text: string): string | undefined {
  try {
    const stat = statSync(target, { throwIfNoEntry: false });
    return stat?.isFile() && stat.size === Buffer.byteLength(text) ? readFileSync(target, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Writes files below `outDir` atomically (a temporary file in the same folder, then a
 * rename), leaving a file whose content is already right untouched. A path that would land
 * outside `outDir` is refused. A build killed at any moment leaves each output whole, old or
 * new; its temporary files are removed by the next build. What the system refuses (a full
 * disk, a read-only folder, a file where a folder should be) is an EnvironmentError naming
 * the file, shown as `label/<path>` (`label` defaults to `outDir`).
 */
export function writeOutputs(outDir: string, files: readonly { path: string; text: string }[], options: { removeStale?: boolean; label?: string } = {}): WriteResult {
  const root = resolve(outDir);
  const label = options.label ?? outDir;
  const result: WriteResult = { written: [], unchanged: [] };
  attempt(`cannot write to ${label}`, () => {
    let stat;
    try {
      stat = lstatSync(root);
    } catch {
      return; // It is created below.
    }
    if (!stat.isDirectory() && !statSync(root).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
  });
  if (options.removeStale ?? true) removeStaleTemporaries(root);
  const made = new Set<string>();
  for (const f of files) {
    const target = resolve(root, f.path);
    if (!target.startsWith(root + sep)) throw new Error(`refusing to write outside the output folder: ${f.path}`);
    if (currentText(target, f.text) === f.text) {
      result.unchanged.push(f.path);
      continue;
    }
    const shown = `${label.replace(/[\\/]+$/, '')}/${f.path}`;
    const dir = dirname(target);
    if (!made.has(dir)) {
      attempt(`cannot write ${shown}`, () => mkdirSync(dir, { recursive: true }));
      made.add(dir);
    }
    const tmp = join(dir, `.waml-${process.pid}-${Math.random().toString(36).slice(2, 10).padEnd(8, '0')}.tmp`);
    attempt(`cannot write ${shown}`, () => {
      try {
        writeFileSync(tmp, f.text);
        renameSync(tmp, target);
      } catch (error) {
        rmSync(tmp, { force: true });
        throw error;
      }
    });
    result.written.push(f.path);
  }
  return result;
}
