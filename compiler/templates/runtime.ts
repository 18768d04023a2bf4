import type { Pipe as PipeNode } from '../../grammar/index.js';
import type { FilterName, Pipe, Template } from '../../runtime/template.js';
import type { Text } from '../model/types.js';

/** A checked placeholder in the runtime's form: offsets dropped, paths as lists of steps. */
export function toRuntimePipe(pipe: PipeNode): Pipe {
  const p = pipe.primary;
  const expr = p.kind === 'literal' ? { literal: p.value } : { path: [p.head.name, ...p.segments.map((s) => (s.kind === 'field' ? s.name : s.index))] };
  return { expr, filters: pipe.filters.map((f) => ({ name: f.name.name as FilterName, args: f.args.map((a) => a.value) })) };
}

/** A text in the runtime's form. Call only on texts whose placeholders all parsed and checked. */
export function toRuntimeTemplate(text: Text): Template {
  return text.parts.map((p) => (p.kind === 'literal' ? p.value : toRuntimePipe(p.pipe!)));
}
