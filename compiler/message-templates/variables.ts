import { evaluatePipe, toText, type Value } from '../../runtime/template.js';
import type { Pipe } from '../../grammar/index.js';
import type { ExprPart, Message, Text } from '../model/types.js';
import { toRuntimePipe } from '../templates/runtime.js';
import { formatOf, type ParameterFormat } from './model.js';

/**
 * How waml's placeholders become a template's variables. A placeholder in a template is
 * `{{ name }}` of a declared param, optionally with filters (applied when sending). Named
 * templates submit it as `{{name}}`; positional ones number the distinct placeholders of
 * each component from 1 in order of appearance (`{{1}}`, `{{2}}`), as Meta requires.
 */

/** The param a placeholder names, when it is a bare param (no field, no index, no literal). */
export function paramOf(pipe: Pipe | undefined): string | undefined {
  if (!pipe || pipe.primary.kind !== 'path' || pipe.primary.segments.length > 0) return undefined;
  return pipe.primary.head.name;
}

/** Two placeholders are the same variable when they are written alike (filters included). */
export function pipeKey(pipe: Pipe): string {
  return JSON.stringify(toRuntimePipe(pipe));
}

/** The checked placeholders of a text, in order. */
export function placeholders(text: Text | undefined): (ExprPart & { pipe: Pipe })[] {
  if (!text) return [];
  return text.parts.filter((p): p is ExprPart & { pipe: Pipe } => p.kind === 'expr' && p.pipe !== undefined);
}

/** One variable of a component: its submitted name (`order_id` or `1`) and its placeholder. */
export interface Variable {
  name: string;
  pipe: Pipe;
  part: ExprPart;
}

/**
 * A component's text as submitted (`{{order_id}}`, or `{{1}}` when positional) and its
 * distinct variables in order of first appearance. URL buttons are always positional:
 * Meta numbers URL variables `{{1}}` in named templates too.
 */
export function submitted(text: Text, format: ParameterFormat): { text: string; variables: Variable[] } {
  let out = '';
  const variables: Variable[] = [];
  const byKey = new Map<string, string>();
  for (const p of text.parts) {
    if (p.kind === 'literal') {
      out += p.value;
      continue;
    }
    if (!p.pipe) continue;
    const key = format === 'named' ? (paramOf(p.pipe) ?? pipeKey(p.pipe)) : pipeKey(p.pipe);
    let name = byKey.get(key);
    if (name === undefined) {
      name = format === 'named' ? (paramOf(p.pipe) ?? key) : String(variables.length + 1);
      byKey.set(key, name);
      variables.push({ name, pipe: p.pipe, part: p });
    }
    out += `{{${name}}}`;
  }
  return { text: out, variables };
}

/** The examples of a message's params, as values to render placeholders with. */
export function examples(m: Message): { [key: string]: Value } {
  const out: { [key: string]: Value } = Object.create(null);
  for (const [name, p] of Object.entries(m.scope)) if (p.example) out[name] = p.example.value;
  return out;
}

/** A placeholder's example: its param's example, through its filters. */
export function exampleOf(pipe: Pipe, values: { readonly [key: string]: Value }): string {
  return toText(evaluatePipe(toRuntimePipe(pipe), values));
}

/** The parameter format of a message (named unless it says positional). */
export function formatOfMessage(m: Message): ParameterFormat {
  return m.template ? formatOf(m.template) : 'named';
}
