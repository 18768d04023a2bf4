/**
 * `waml/esbuild`: an esbuild plugin, so that an app bundled with esbuild can
 * `import { helpMenu } from './menu.wa.yaml'`. The file is compiled to its TypeScript sender
 * module; waml's diagnostics become esbuild's errors and warnings, with file, line and
 * column. `waml/runtime` resolves to the runtime shipped with this waml.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Message, Plugin } from 'esbuild';
import { compile } from '../index.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { SourceText } from '../source.js';

export interface WamlPluginOptions {
  /** A data file is not used here: senders take their params at run time. Diagnostics are relative to this folder (default: the working folder). */
  root?: string;
}

function toMessage(d: Diagnostic, source: SourceText, absolute: string): Message {
  const start = source.position(d.span.start);
  const lineText = source.lineText(start.line - 1);
  const end = d.span.end > d.span.start ? source.position(d.span.end) : start;
  return {
    id: d.code,
    pluginName: 'waml',
    text: `${d.message} [${d.code}]`,
    location: {
      file: absolute,
      namespace: 'file',
      line: start.line,
      column: start.column - 1,
      length: end.line === start.line ? Math.max(0, end.column - start.column) : Math.max(0, lineText.length - start.column + 1),
      lineText,
      suggestion: '',
    },
    notes: [...(d.related ?? []).map((r) => ({ text: `${r.message} (${r.file})`, location: null })), ...(d.help ? [{ text: d.help, location: null }] : [])],
    detail: undefined,
  };
}

export function waml(options: WamlPluginOptions = {}): Plugin {
  return {
    name: 'waml',
    setup(build) {
      const root = options.root ?? process.cwd();
      // The runtime next to this plugin: dist/runtime.js.
      const runtime = join(dirname(fileURLToPath(import.meta.url)), 'runtime.js');
      build.onResolve({ filter: /^waml\/runtime$/ }, () => ({ path: runtime }));
      build.onLoad({ filter: /\.wa\.ya?ml$/ }, async (args) => {
        const text = await readFile(args.path, 'utf8');
        const path = relative(root, args.path).split('\\').join('/');
        const result = compile([{ path, text }], { emit: ['ts'] });
        const source = new SourceText(path, text);
        const errors = result.diagnostics.filter((d) => d.severity === 'error').map((d) => toMessage(d, source, args.path));
        const warnings = result.diagnostics.filter((d) => d.severity === 'warning').map((d) => toMessage(d, source, args.path));
        const module = result.outputs.find((o) => o.path.endsWith('.wa.ts'));
        if (errors.length > 0 || !module) return { errors, warnings };
        return { contents: module.text, loader: 'ts', warnings, resolveDir: dirname(args.path) };
      });
    },
  };
}

export default waml;
