import type { Value } from '../../runtime/template.js';
import { compile, type Source } from '../compile.js';
import { Reporter } from '../diagnostics/diagnostic.js';
import { parseTemplate } from '../../grammar/index.js';
import type { RequestBody } from '../emit/json.js';
import { evaluate } from '../plan/evaluate.js';
import { planMessage, type BodyPlan } from '../plan/plan.js';
import { load } from '../load/load.js';
import { toPlain } from '../load/tree.js';
import { buildFile } from '../model/build.js';
import { checkTemplates } from '../templates/check.js';
import type { Param, Params } from '../templates/params.js';
import { previewPage, type PreviewMessage } from './html.js';
import { templateView } from '../message-templates/view.js';
import { examples } from '../message-templates/variables.js';

/**
 * Values for a message's params when no data is given: `typical` short and plausible,
 * `worst` the longest the declarations allow (60 characters where a string is unbounded).
 */
export function sampleValues(params: Params, mode: 'typical' | 'worst'): { [key: string]: Value } {
  const out: { [key: string]: Value } = {};
  for (const [name, p] of Object.entries(params)) out[name] = sample(p, name, mode);
  return out;
}

function sample(p: Param, name: string, mode: 'typical' | 'worst'): Value {
  switch (p.kind) {
    case 'string': {
      if (p.enum && p.enum.length > 0) return mode === 'typical' ? p.enum[0]! : [...p.enum].sort((a, b) => b.length - a.length)[0]!;
      const max = p.maxLength ?? 60;
      if (mode === 'worst') return 'W'.repeat(max);
      const word = name.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());
      return word.slice(0, max).padEnd(p.minLength ?? 0, 'x');
    }
    case 'url':
      return mode === 'typical' ? 'https://example.com/page' : `https://example.com/${'w'.repeat(Math.max(0, (p.maxLength ?? 80) - 20))}`;
    case 'integer':
      return mode === 'typical' ? Math.min(Math.max(p.minimum ?? 1, 3), p.maximum ?? 3) : (p.maximum ?? 999_999);
    case 'number':
      return mode === 'typical' ? Math.min(Math.max(p.minimum ?? 1, 12.5), p.maximum ?? 12.5) : (p.maximum ?? 99_999.99);
    case 'boolean':
      return true;
    case 'array': {
      const n = mode === 'typical' ? Math.max(p.minItems ?? 0, Math.min(2, p.maxItems ?? 2)) : (p.maxItems ?? 5);
      return Array.from({ length: n }, (_, i) => {
        const item = sampleValues(p.items, mode);
        // Tell the items apart (ids must be unique).
        for (const [k, v] of Object.entries(item)) if (typeof v === 'string' && mode === 'typical') item[k] = `${v} ${i + 1}`.slice(0, p.items[k]?.kind === 'string' ? (p.items[k] as { maxLength?: number }).maxLength ?? 60 : 60);
        return item;
      });
    }
    case 'object':
      return sampleValues(p.fields, mode);
  }
}

/**
 * The preview of some sources: every message's body as the page draws it, and the run's
 * diagnostics (shown on the page). Messages whose structure is broken are left out.
 */
export function preview(sources: readonly Source[], data?: Source): { html: string; messages: PreviewMessage[] } {
  const result = compile(sources, data ? { data } : {});
  const values = data ? load(data.text, new Reporter(data.path)).root : undefined;
  const messages: PreviewMessage[] = [];
  for (const s of sources) {
    const r = new Reporter(s.path);
    const root = load(s.text, r).root;
    if (!root) continue;
    const file = buildFile(s.path, root, s.text, r, parseTemplate);
    for (const parsed of file.messages) {
      const info = checkTemplates(parsed, r);
      const m = info.message;
      if (!m.type) continue;
      try {
        if (m.type === 'template') {
          // A template is shown with the data, or with the params' examples (what Meta reviews).
          if (values) messages.push({ file: s.path, name: m.name, type: m.type, body: templateView(m, toPlain(values) as { [key: string]: Value }), values: 'data' });
          else if (!info.needsData) messages.push({ file: s.path, name: m.name, type: m.type, body: templateView(m, {}), values: 'fixed' });
          else messages.push({ file: s.path, name: m.name, type: m.type, body: templateView(m, { ...sampleValues(m.scope, 'typical'), ...examples(m) }), worst: templateView(m, sampleValues(m.scope, 'worst')), values: 'generated' });
          continue;
        }
        // The body plan evaluated as the JSON output is, without its checks: the page shows what is over.
        const plan = planMessage(m, []);
        const body = (v: { [key: string]: Value }) => draw(plan, v);
        if (!info.needsData) messages.push({ file: s.path, name: m.name, type: m.type, body: body({}), values: 'fixed' });
        else if (values) messages.push({ file: s.path, name: m.name, type: m.type, body: body(toPlain(values) as { [key: string]: Value }), values: 'data' });
        else {
          const typical = body(sampleValues(m.scope, 'typical'));
          const worst = body(sampleValues(m.scope, 'worst'));
          messages.push({ file: s.path, name: m.name, type: m.type, body: typical, worst, values: 'generated' });
        }
      } catch {
        // A message with parts missing: its diagnostics say why; nothing to draw.
      }
    }
  }
  return { html: previewPage(messages, result.diagnostics.filter((d) => d.severity !== 'info')), messages };
}

function draw(plan: BodyPlan, values: { [key: string]: Value }): RequestBody {
  const out = evaluate(plan, values, { checks: false });
  if ('failure' in out) throw new Error(out.failure.problem);
  return out.body;
}
