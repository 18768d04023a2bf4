/**
 * `waml/rollup` (also `waml/vite`): a Rollup plugin, which Vite takes as it is, so that an app
 * can `import { helpMenu } from './menu.wa.yaml'`. The file is compiled to its sender module
 * and that to JavaScript with esbuild (Vite brings esbuild; with Rollup alone, install it);
 * waml's errors stop the build with file, line and column, its warnings are Rollup's.
 */
import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { compileModule, WAML_FILE, type LocatedDiagnostic } from '../module.js';

export interface WamlPluginOptions {
  /** Diagnostics are relative to this folder (default: the working folder). */
  root?: string;
}

/** Rollup's log object, as far as the plugin uses it. */
export interface RollupLog {
  message: string;
  code?: string;
  id?: string;
  loc?: { file?: string; line: number; column: number };
  frame?: string;
}

/** The part of Rollup's (and Vite's) plugin context the plugin uses. */
export interface TransformContext {
  warn(log: RollupLog): void;
  error(log: RollupLog): never;
}

/** A Rollup plugin (structurally; Rollup's own types need not be installed). */
export interface RollupPlugin {
  name: string;
  /** For Vite: run before its own transforms. */
  enforce: 'pre';
  transform(this: TransformContext, code: string, id: string): Promise<{ code: string; map: null } | null>;
}

function toLog(d: LocatedDiagnostic, file: string): RollupLog {
  const caret = `${' '.repeat(Math.max(0, d.column))}${'^'.repeat(Math.max(1, d.length))}`;
  const notes = d.notes.map((n) => `\n  = ${n}`).join('');
  return { message: `${d.text}${notes}`, code: d.code, id: file, loc: { file, line: d.line, column: d.column }, frame: `${d.lineText}\n${caret}` };
}

type Transform = (code: string, options: { loader: 'ts'; format: 'esm'; target: string; sourcefile: string }) => Promise<{ code: string }>;

async function loadTransform(): Promise<Transform | undefined> {
  try {
    return (await import('esbuild')).transform;
  } catch {
    return undefined;
  }
}

export function waml(options: WamlPluginOptions = {}): RollupPlugin {
  let transform: Promise<Transform | undefined> | undefined;
  return {
    name: 'waml',
    enforce: 'pre',
    async transform(_code, id) {
      const file = id.split('?')[0]!;
      if (!WAML_FILE.test(file)) return null;
      // Read the file itself: a bundler may have handed its text through other plugins.
      const text = await readFile(file, 'utf8');
      const root = options.root ?? process.cwd();
      const result = compileModule(relative(root, file).split('\\').join('/'), text);
      for (const w of result.warnings) this.warn(toLog(w, file));
      if (result.code === undefined) {
        const [first, ...rest] = result.errors;
        if (!first) this.error({ message: `${file}: no sender module was produced`, id: file });
        const log = toLog(first!, file);
        if (rest.length > 0) log.message += rest.map((e) => `\n${file}:${e.line}:${e.column + 1}: ${e.text}`).join('');
        this.error(log);
      }
      transform ??= loadTransform();
      const esbuild = await transform;
      if (!esbuild) this.error({ message: 'waml compiles .wa.yaml modules to JavaScript with esbuild, which is not installed: npm install --save-dev esbuild', id: file });
      const js = await esbuild!(result.code!, { loader: 'ts', format: 'esm', target: 'es2022', sourcefile: file });
      return { code: js.code, map: null };
    },
  };
}

export default waml;
