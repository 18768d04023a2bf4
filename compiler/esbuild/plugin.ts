/**
 * `waml/esbuild`: an esbuild plugin, so that an app bundled with esbuild can
 * `import { helpMenu } from './menu.wa.yaml'`. The file is compiled to its TypeScript sender
 * module; waml's diagnostics become esbuild's errors and warnings, with file, line and
 * column. The module imports `@waml/runtime`, resolved from the app like any dependency.
 */
import { readFile } from 'node:fs/promises';
import { dirname, relative } from 'node:path';
import type { Message, Plugin } from 'esbuild';
import { compileModule, WAML_FILE, type LocatedDiagnostic } from '../module.js';

export interface WamlPluginOptions {
  /** A data file is not used here: senders take their params at run time. Diagnostics are relative to this folder (default: the working folder). */
  root?: string;
}

function toMessage(d: LocatedDiagnostic, absolute: string): Message {
  return {
    id: d.code,
    pluginName: 'waml',
    text: d.text,
    location: { file: absolute, namespace: 'file', line: d.line, column: d.column, length: d.length, lineText: d.lineText, suggestion: '' },
    notes: d.notes.map((text) => ({ text, location: null })),
    detail: undefined,
  };
}

export function waml(options: WamlPluginOptions = {}): Plugin {
  return {
    name: 'waml',
    setup(build) {
      const root = options.root ?? process.cwd();
      build.onLoad({ filter: WAML_FILE }, async (args) => {
        const text = await readFile(args.path, 'utf8');
        const result = compileModule(relative(root, args.path).split('\\').join('/'), text);
        const errors = result.errors.map((d) => toMessage(d, args.path));
        const warnings = result.warnings.map((d) => toMessage(d, args.path));
        if (result.code === undefined) return { errors, warnings };
        return { contents: result.code, loader: 'ts', warnings, resolveDir: dirname(args.path) };
      });
    },
  };
}

export default waml;
