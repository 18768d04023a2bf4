import { evaluatePipe, lookup, render, type Value } from '../../runtime/template.js';
import type { Message, Repeat, Text } from '../model/types.js';
import { mapMessage } from '../model/visit.js';
import { toRuntimePipe, toRuntimeTemplate } from './runtime.js';

type Scope = { readonly [key: string]: Value };

/**
 * A templated message with its params' values: every placeholder rendered, every `each`
 * expanded and every `when` decided. The result has only fixed texts, at the spans of the
 * templates they came from, so the same rules check it (`--data` diagnostics). Call only on a
 * message whose templates checked clean and whose data fits its declarations. The request
 * body itself comes from the body plan (plan/evaluate.ts), with the same runtime functions.
 */
export function instantiate(m: Message, values: Scope): Message {
  let scope = values;
  return mapMessage(m, {
    text: (t) => renderText(t, scope),
    items: (list, item) => {
      const out: (typeof list)[number][] = [];
      for (const x of list) {
        const rep = x.repeat;
        const scopes: Scope[] = [];
        if (rep?.each) {
          const arr = lookup(scope, rep.each.path);
          for (const element of Array.isArray(arr) ? (arr as readonly Value[]) : []) scopes.push(bind(scope, rep.as?.name ?? 'item', element));
        } else scopes.push(scope);
        const outer = scope;
        for (const s of scopes) {
          if (rep?.when && !holds(rep.when, s)) continue;
          scope = s;
          const { repeat: _repeat, ...rest } = item(x);
          out.push(rest as typeof x);
        }
        scope = outer;
      }
      return out;
    },
  });
}

function renderText(t: Text, scope: Scope): Text {
  if (!t.templated) return t;
  const value = render(toRuntimeTemplate(t), scope);
  return { ...t, value, templated: false, parts: [{ kind: 'literal', value, start: 0, end: value.length }] };
}

function bind(scope: Scope, name: string, v: Value): Scope {
  const out = Object.create(null) as { [key: string]: Value };
  for (const k of Object.keys(scope)) out[k] = scope[k];
  out[name] = v;
  return out;
}

function holds(when: NonNullable<Repeat['when']>, scope: Scope): boolean {
  const expr = when.parts.find((p) => p.kind === 'expr');
  return expr?.kind === 'expr' && expr.pipe ? evaluatePipe(toRuntimePipe(expr.pipe), scope) === true : false;
}
