import * as $ from '../../runtime/build.js';
import { WamlLimitError } from '../../runtime/errors.js';
import { envelope, reorder, type Recipient, type SendOptions } from '../../runtime/recipient.js';
import { evaluatePipe, lookup, render, type Value } from '../../runtime/template.js';
import type { RuntimeCheck } from '../diagnostics/diagnostic.js';
import type { Json, RequestBody } from '../emit/json.js';
import { interactiveIn, type BodyPlan, type PlanList, type PlanNode } from './plan.js';

type Scope = { readonly [key: string]: Value };

/** A check the values broke, with the runtime's own words for it. */
export interface Failure {
  check: RuntimeCheck;
  problem: string;
}

export interface EvaluateOptions {
  /** The recipient; the body leaves `to` out without it. Call with a valid one (compile() checks it). */
  to?: Recipient;
  /** The send-time extras: a reply's message id, callback data. */
  send?: SendOptions;
  /** Whether to run the plan's checks (the preview draws bodies over the limits too). Default true. */
  checks?: boolean;
  /** For a message with `languages:`, the language of the body; the default when absent. */
  language?: string;
}

/**
 * The body plan evaluated with param values: the request body, or the first check the values
 * break. The checks are the runtime's own functions, the ones a generated `build()` calls,
 * applied to the same values in the same order. Call with values that fit the declarations.
 */
export function evaluate(plan: BodyPlan, values: Scope, options: EvaluateOptions = {}): { body: RequestBody } | { failure: Failure } {
  try {
    const interactive = new Evaluator(plan.message, options.checks ?? true).node(interactiveIn(plan, options.language), values) as { [key: string]: Json };
    // The same functions a generated build() calls: the envelope's keys, then an imported body's key order.
    const body = reorder(envelope(plan.message, options.to, options.send, 'interactive', interactive), plan.keyOrder) as unknown as RequestBody;
    return { body };
  } catch (error) {
    if (error instanceof CheckFailed) return { failure: { check: error.check, problem: error.problem } };
    throw error;
  }
}

class CheckFailed extends Error {
  constructor(
    readonly check: RuntimeCheck,
    readonly problem: string,
  ) {
    super(problem);
  }
}

class Evaluator {
  constructor(
    private readonly message: string,
    private readonly checking: boolean,
  ) {}

  node(n: PlanNode, scope: Scope): Json {
    switch (n.kind) {
      case 'value':
        return n.value;
      case 'text': {
        let text = render(n.template, scope);
        for (const c of this.checking ? n.checks : []) text = this.run(c, () => textCheck(c, this.site(c), text));
        return text;
      }
      case 'object': {
        // Keys are data: `__proto__` is an own key like any other.
        const out: { [key: string]: Json } = {};
        for (const e of n.entries) setKey(out, e.key, this.node(e.value, scope));
        return out;
      }
      case 'list':
        return this.list(n, scope);
    }
  }

  private list(n: PlanList, scope: Scope): Json[] {
    let items: Json[] = [];
    for (const item of n.items) {
      const scopes: Scope[] = [];
      if (item.each) {
        for (const element of $.each(lookup(scope, item.each.path))) scopes.push(withName(scope, item.each.as, element));
      } else scopes.push(scope);
      for (const s of scopes) if (!item.when || evaluatePipe(item.when, s) === true) items.push(this.node(item.node, s));
    }
    if (n.index !== undefined) {
      const key = n.index;
      items = items.map((x, i) => {
        const out: { [key: string]: Json } = {};
        setKey(out, key, i);
        for (const [k, v] of Object.entries(x as { [key: string]: Json })) setKey(out, k, v);
        return out;
      });
    }
    for (const c of this.checking ? n.checks : []) items = this.run(c, () => listCheck(c, this.site(c), items));
    return items;
  }

  private site(c: RuntimeCheck): $.Site {
    return { message: this.message, field: c.field, source: { file: '', line: 0, column: 0 } };
  }

  private run<T>(c: RuntimeCheck, f: () => T): T {
    try {
      return f();
    } catch (error) {
      if (error instanceof WamlLimitError) throw new CheckFailed(c, error.message.replace(/^[^:]*: /, '').replace(/ \(:0:0\)$/, ''));
      throw error;
    }
  }
}

/** Sets an own key, `__proto__` too (which plain assignment would take for the prototype). */
function setKey(out: { [key: string]: Json }, key: string, value: Json): void {
  if (key === '__proto__') Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  else out[key] = value;
}

function withName(scope: Scope, name: string, v: Value): Scope {
  const out = Object.create(null) as { [key: string]: Value };
  for (const k of Object.keys(scope)) out[k] = scope[k];
  out[name] = v;
  return out;
}

/** One text check, by its kind: the runtime function a generated sender calls for it. */
export function textCheck(c: RuntimeCheck, site: $.Site, text: string): string {
  switch (c.kind) {
    case 'maxLength':
      return $.maxLength(site, text, c.limit);
    case 'notBlank':
      return $.notBlank(site, text);
    case 'trimmed':
      return $.trimmed(site, text);
    case 'url':
      return $.url(site, text);
    case 'maxLineBreaks':
      return $.lineBreaks(site, text, c.limit);
    default:
      throw new Error(`a ${c.kind} check on a text`);
  }
}

/** One list check, by its kind. */
export function listCheck<T>(c: RuntimeCheck, site: $.Site, items: T[]): T[] {
  switch (c.kind) {
    case 'maxItems':
      return $.count(site, items, undefined, c.limit);
    case 'minItems':
      return $.count(site, items, c.limit, undefined);
    case 'sameCount':
      return $.sameCount(site, items, c.path);
    case 'totalItems':
      return $.totalItems(site, items, c.path, c.limit);
    case 'unique':
      return $.uniqueAt(site, items, c.path);
    default:
      throw new Error(`a ${c.kind} check on a list`);
  }
}
