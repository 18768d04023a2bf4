import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';

/** Temporary files: `.<name>.waml-<pid>-<random>.tmp`, beside their target. */
const TEMP = /^\..+\.waml-(\d+)-[a-z0-9]+\.tmp$/;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes the temporary files of builds that were killed before they could rename them. */
export function removeStaleTemporaries(dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const m = TEMP.exec(name);
    if (m && Number(m[1]) !== process.pid && !alive(Number(m[1]))) rmSync(join(dir, name), { force: true });
  }
}

export interface WriteResult {
  written: string[];
  unchanged: string[];
}

/**
 * Writes files below `outDir` atomically (a temporary file in the same folder, then a
 * rename), leaving a file whose content is already right untouched. A path that would land
 * outside `outDir` is refused. A build killed at any moment leaves each output whole, old or
 * new; its temporary files are removed by the next build.
 */
export function writeOutputs(outDir: string, files: readonly { path: string; text: string }[], options: { removeStale?: boolean } = {}): WriteResult {
  const root = resolve(outDir);
  const result: WriteResult = { written: [], unchanged: [] };
  if (options.removeStale ?? true) removeStaleTemporaries(root);
  const made = new Set<string>();
  for (const f of files) {
    const target = resolve(root, f.path);
    if (!target.startsWith(root + sep)) throw new Error(`refusing to write outside the output folder: ${f.path}`);
    // The old content is read only when it could be the same: a file of another size differs.
    let current: string | undefined;
    try {
      if (statSync(target, { throwIfNoEntry: false })?.size === Buffer.byteLength(f.text)) current = readFileSync(target, 'utf8');
    } catch {
      current = undefined;
    }
    if (current === f.text) {
      result.unchanged.push(f.path);
      continue;
    }
    const dir = dirname(target);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    const tmp = join(dirname(target), `.${basename(target)}.waml-${process.pid}-${Math.random().toString(36).slice(2, 10)}.tmp`);
    try {
      writeFileSync(tmp, f.text);
      renameSync(tmp, target);
    } catch (error) {
      rmSync(tmp, { force: true });
      throw error;
    }
    result.written.push(f.path);
  }
  return result;
}
