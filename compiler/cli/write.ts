import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';

export interface WriteResult {
  written: string[];
  unchanged: string[];
}

/**
 * Writes files below `outDir` atomically (a temporary file in the same folder, then a
 * rename), leaving a file whose content is already right untouched. A path that would land
 * outside `outDir` is refused.
 */
export function writeOutputs(outDir: string, files: readonly { path: string; text: string }[]): WriteResult {
  const root = resolve(outDir);
  const result: WriteResult = { written: [], unchanged: [] };
  for (const f of files) {
    const target = resolve(root, f.path);
    if (!target.startsWith(root + sep)) throw new Error(`refusing to write outside the output folder: ${f.path}`);
    let current: string | undefined;
    try {
      current = readFileSync(target, 'utf8');
    } catch {
      current = undefined;
    }
    if (current === f.text) {
      result.unchanged.push(f.path);
      continue;
    }
    mkdirSync(dirname(target), { recursive: true });
    const tmp = `${target}.${process.pid}.${Date.now().toString(36)}.tmp`;
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
