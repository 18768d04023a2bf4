import type { Filter as FilterNode, Pipe } from '../../grammar/index.js';
import { evaluatePipe, FILTER_NAMES, toText, type FilterName } from '../../runtime/template.js';
import type { Reporter } from '../diagnostics/diagnostic.js';
import { textSpan } from '../model/spans.js';
import type { Message, Repeat, Text } from '../model/types.js';
import { mapMessage, type Item } from '../model/visit.js';
import { suggest } from '../suggest.js';
import { checkWrittenNumber } from '../load/numbers.js';
import { mapTemplateTexts } from '../message-templates/model.js';
import { FILTERS } from './filters.js';
import { toRuntimePipe } from './runtime.js';
import type { Param } from './params.js';
import { describeKind, literalType, paramType, type Bounds, type ValueType } from './types.js';

type Scope = Map<string, ValueType>;

/** What the template check learns of a message. */
export interface TemplateInfo {
  /** The message with every placeholder typed and every repeating item counted: a copy. */
  message: Message;
  /** Names of the params (of the file or the message) that the message reads. */
  used: Set<string>;
  /** Whether any text reads a param or any item repeats: such a message needs data to be built. */
  needsData: boolean;
  /** Whether any text holds a placeholder (of literals alone, `{{ "{{" }}`, when data is not needed). */
  templated: boolean;
}

/**
 * Checks every placeholder of a message: names resolve to declared params (or to the `as`
 * name of an `each`), fields exist, filters exist and fit their input, nothing renders a
 * list or a mapping as text, `each` names an array and `when` a boolean. Returns a copy of the
 * message in which each placeholder carries its type and the bounds of its text, and each
 * repeating item the bounds of its count; the message given is not changed.
 */
export function checkTemplates(m: Message, r: Reporter): TemplateInfo {
  const scope: Scope = new Map();
  for (const [name, p] of Object.entries(m.scope)) scope.set(name, paramType(p, name));
  const c = new Checker(r, scope);
  const mapped = mapMessage(m, {
    text: (t) => c.text(t),
    items: (list, item) => list.map((x) => c.item(x, item)),
  });
  // A message template's texts are checked the same way, into a typed copy of its spec.
  const message = m.template ? { ...mapped, template: mapTemplateTexts(m.template, (t) => c.text(t)) } : mapped;
  return { message, used: c.used, needsData: c.needsData, templated: c.templated };
}

class Checker {
  readonly used = new Set<string>();
  needsData = false;
  templated = false;

  constructor(
    private readonly r: Reporter,
    private scope: Scope,
  ) {}

  /** Checks an item in the scope its `each` opens; the copy carries its counted repeat. */
  item<T extends Item>(x: T, mapItem: (x: T) => T): T {
    const outer = this.scope;
    const repeat = x.repeat ? this.repeat(x.repeat) : undefined;
    const out = mapItem(x);
    this.scope = outer;
    return repeat ? { ...out, repeat } : out;
  }

  private repeat(rep: Repeat): Repeat {
    this.needsData = true;
    const out: Repeat = { ...rep };
    let count: Bounds = { min: 1, max: 1 };
    if (rep.each) {
      const t = this.resolve(rep.each.path, rep.each.span);
      if (t && t.kind !== 'array') {
        this.r.report('WA508', rep.each.span, `\`each\` needs an array param; \`${t.label}\` is ${describeKind(t)}`);
      } else if (t) {
        count = { min: t.optional ? 0 : (t.minItems ?? 0), max: t.maxItems ?? Number.POSITIVE_INFINITY };
        const name = rep.as?.name ?? 'item';
        if (this.scope.has(name) && rep.as) {
          const hidden = this.scope.get(name)!;
          this.r.report('WA504', rep.as.span, `\`as: ${name}\` hides the param \`${name}\``, {
            ...(hidden.param ? { related: [this.r.related(hidden.param.nameSpan, 'declared here')] } : {}),
            help: 'choose another name for the item',
          });
        }
        const scope = new Map(this.scope);
        const item: ValueType = { kind: 'object', optional: false, bounds: { min: 0, max: Number.POSITIVE_INFINITY }, label: `${t.label}[]`, fields: t.fields ?? {} };
        scope.set(name, item);
        this.scope = scope;
      }
    } else if (rep.as) {
      this.r.report('WA512', rep.as.span, '`as` names the item of an `each`; there is no `each` here');
    }
    if (rep.when) {
      const w = this.text(rep.when);
      out.when = w;
      const exprs = w.parts.filter((p) => p.kind === 'expr');
      const onlyOne = exprs.length === 1 && w.parts.every((p) => p.kind === 'expr' || p.value.trim() === '');
      const t = exprs[0]?.type;
      if (!onlyOne) {
        this.r.report('WA509', w.span, '`when` takes one boolean placeholder, such as `"{{ has_more }}"`');
      } else if (t && t.kind !== 'boolean') {
        this.r.report('WA509', textSpan(w, exprs[0]!.start, exprs[0]!.end), `\`when\` needs a boolean; \`${t.label}\` is ${describeKind(t)}`);
      }
      count = { min: 0, max: count.max };
    }
    out.count = count;
    return out;
  }

  /** Resolves a dotted path (as in `each: order.items`). */
  private resolve(path: readonly string[], span: { start: number; end: number }): ValueType | undefined {
    const [head, ...rest] = path;
    let t = this.scope.get(head!);
    if (!t) {
      const guess = suggest(head!, this.scope.keys());
      this.r.report('WA505', span, `\`${head}\` is not a declared param${guess ? `; did you mean \`${guess}\`?` : ''}`, {
        help: `declare it under \`params:\`, such as \`${head}: { type: array, items: { … } }\``,
      });
      return undefined;
    }
    this.use(head!, t);
    for (const name of rest) {
      const field: Param | undefined = t.fields?.[name];
      if (!t.fields || t.kind === 'array' || !field) {
        this.r.report('WA506', span, `\`${t.label}\` has no field \`${name}\``);
        return undefined;
      }
      t = { ...paramType(field, `${t.label}.${name}`), optional: t.optional || field.optional };
    }
    return t;
  }

  private use(name: string, t: ValueType): void {
    if (t.param) this.used.add(name);
  }

  /** A copy of the text with each placeholder typed (a fixed text is returned as it is). */
  text(t: Text): Text {
    if (!t.templated) return t;
    this.templated = true;
    // Placeholders of literals alone (`{{ "{{" }}` for literal braces) have one value: no data needed.
    if (t.parts.some((p) => p.kind === 'expr' && (!p.pipe || p.pipe.primary.kind !== 'literal'))) this.needsData = true;
    const parts = t.parts.map((part) => {
      if (part.kind !== 'expr') return part;
      if (!part.pipe) {
        // It did not parse (WA511 says why); the names in it are not unused params.
        for (const name of t.value.slice(part.start, part.end).match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []) if (this.scope.get(name)?.param) this.used.add(name);
        return part;
      }
      const type = this.pipe(part.pipe, t);
      if (!type) return part;
      if (type.kind === 'array' || type.kind === 'object') {
        this.r.report('WA519', textSpan(t, part.start, part.end), `\`${type.label}\` is ${describeKind(type)} and cannot be written as text`, {
          help: type.kind === 'array' ? 'repeat an item with `each`, or read one field, such as `items[0].name`' : 'read one of its fields',
        });
        return part;
      }
      return { ...part, type };
    });
    return { ...t, parts };
  }

  private pipe(pipe: Pipe, text: Text): ValueType | undefined {
    let t: ValueType | undefined;
    const primary = pipe.primary;
    // A number written in a placeholder must be the number rendered (WA210).
    for (const lit of [primary, ...pipe.filters.flatMap((f) => f.args)]) {
      if (lit.kind === 'literal' && typeof lit.value === 'number' && !checkWrittenNumber(text.value.slice(lit.start, lit.end), lit.value, textSpan(text, lit.start, lit.end), this.r)) return undefined;
    }
    if (primary.kind === 'literal') t = literalType(primary.value);
    else {
      const head = this.scope.get(primary.head.name);
      if (!head) {
        const guess = suggest(primary.head.name, this.scope.keys());
        this.r.report('WA505', textSpan(text, primary.head.start, primary.head.end), `\`${primary.head.name}\` is not a declared param${guess ? `; did you mean \`${guess}\`?` : ''}`, {
          help: `declare it under \`params:\`, such as \`${primary.head.name}: { type: string, maxLength: 20 }\``,
        });
        return undefined;
      }
      this.use(primary.head.name, head);
      t = head;
      for (const seg of primary.segments) {
        const at = textSpan(text, seg.start, seg.end);
        if (seg.kind === 'field') {
          const field: Param | undefined = t.kind !== 'array' ? t.fields?.[seg.name] : undefined;
          if (!field) {
            const known = t.kind !== 'array' && t.fields ? Object.keys(t.fields) : [];
            const guess = suggest(seg.name, known);
            const why = t.kind === 'array' ? `; \`${t.label}\` is a list: pick an item (\`${t.label}[0].${seg.name}\`) or repeat with \`each\`` : !t.fields ? `; \`${t.label}\` is ${describeKind(t)}` : guess ? `; did you mean \`${guess}\`?` : '';
            this.r.report('WA506', at, `\`${t.label}\` has no field \`${seg.name}\`${why}`, known.length > 0 ? { help: `its fields: ${known.join(', ')}` } : {});
            return undefined;
          }
          t = { ...paramType(field, `${t.label}.${seg.name}`), optional: t.optional || field.optional };
        } else {
          if (t.kind !== 'array') {
            this.r.report('WA506', at, `\`${t.label}\` is ${describeKind(t)}; only lists take an index`);
            return undefined;
          }
          const item: ValueType = { kind: 'object', optional: t.optional || seg.index >= (t.minItems ?? 0), bounds: { min: 0, max: Number.POSITIVE_INFINITY }, label: `${t.label}[${seg.index}]`, fields: t.fields ?? {} };
          t = item;
        }
      }
    }
    for (const f of pipe.filters) {
      t = this.filter(f, t, text);
      if (!t) return undefined;
    }
    // A placeholder of literals alone has one exact value.
    if (primary.kind === 'literal' && t) {
      const value = toText(evaluatePipe(toRuntimePipe(pipe), {}));
      const n = [...value].length;
      t = { ...t, bounds: { min: n, max: n } };
      delete t.source;
    }
    return t;
  }

  private filter(f: FilterNode, input: ValueType, text: Text): ValueType | undefined {
    const name = f.name.name;
    const at = textSpan(text, f.start, f.end);
    if (!(FILTER_NAMES as readonly string[]).includes(name)) {
      const guess = suggest(name, FILTER_NAMES);
      this.r.report('WA513', textSpan(text, f.name.start, f.name.end), `unknown filter \`${name}\`${guess ? `; did you mean \`${guess}\`?` : ''}`, {
        help: `filters: ${FILTER_NAMES.join(', ')}`,
      });
      return undefined;
    }
    const sig = FILTERS[name as FilterName];
    if (!sig.accepts.includes(input.kind)) {
      this.r.report('WA507', at, `\`${name}\` does not take ${describeKind(input)} (\`${input.label}\`)`, {
        help: `\`${name}\` takes ${sig.accepts.map((k) => describeKind({ kind: k } as ValueType)).join(', ')}`,
      });
      return undefined;
    }
    if (f.args.length < sig.required || f.args.length > sig.args.length) {
      const count = sig.required === sig.args.length ? `${sig.required}` : `${sig.required} to ${sig.args.length}`;
      this.r.report('WA507', at, `\`${name}\` takes ${count} argument${sig.args.length === 1 ? '' : 's'}; ${f.args.length} given`);
      return undefined;
    }
    for (let i = 0; i < f.args.length; i++) {
      const want = sig.args[i]!;
      const v = f.args[i]!.value;
      const ok = want === 'any' || (want === 'integer' ? typeof v === 'number' && Number.isInteger(v) : typeof v === 'string');
      if (!ok) {
        this.r.report('WA507', textSpan(text, f.args[i]!.start, f.args[i]!.end), `argument ${i + 1} of \`${name}\` must be ${want === 'integer' ? 'a whole number' : 'a string'}`);
        return undefined;
      }
    }
    const out = sig.apply(input, f.args.map((a) => a.value));
    if (typeof out === 'string') {
      this.r.report('WA507', at, out);
      return undefined;
    }
    return out;
  }
}
