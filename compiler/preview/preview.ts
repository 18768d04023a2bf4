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
import { LIMITS } from '../limits.js';

/**
 * The most a sample needs: one item more than the longest list the API takes, one character
 * more than its longest text. Past that, a preview shows nothing new, so declarations such as
 * `maxItems: 50000000` or `maxLength: 1000000000` never build values of that size.
 */
const SAMPLE_ITEMS = Math.max(LIMITS.buttonCount.max, LIMITS.sectionCount.max, LIMITS.rowsTotal.max, LIMITS.cardCount.max, LIMITS.cardQuickRepliesAdvised.max) + 1;
const SAMPLE_LENGTH = Math.max(LIMITS.bodyText.max, LIMITS.listBodyText.max) + 1;
/** Values made for one message at most (arrays of arrays multiply): the rest are left out. */
const SAMPLE_VALUES = 10_000;

/**
 * Values for a message's params when no data is given: `typical` short and plausible,
 * `worst` the longest the declarations allow (60 characters where a string is unbounded),
 * within the caps above.
 */
export function sampleValues(params: Params, mode: 'typical' | 'worst', budget = { left: SAMPLE_VALUES }): { [key: string]: Value } {
  const out: { [key: string]: Value } = {};
  for (const [name, p] of Object.entries(params)) out[name] = sample(p, name, mode, budget);
  return out;
}

function sample(p: Param, name: string, mode: 'typical' | 'worst', budget: { left: number }): Value {
  budget.left--;
  switch (p.kind) {
    case 'string': {
      if (p.enum && p.enum.length > 0) return mode === 'typical' ? p.enum[0]! : [...p.enum].sort((a, b) => b.length - a.length)[0]!;
      const max = Math.min(p.maxLength ?? 60, SAMPLE_LENGTH);
      if (mode === 'worst') return 'W'.repeat(max);
      const word = name.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());
      return word.slice(0, max).padEnd(Math.min(p.minLength ?? 0, SAMPLE_LENGTH), 'x');
    }
    case 'url':
      return mode === 'typical' ? 'https://example.com/page' : `https://example.com/${'w'.repeat(Math.max(0, Math.min(p.maxLength ?? 80, SAMPLE_LENGTH) - 20))}`;
    case 'integer':
      return mode === 'typical' ? Math.min(Math.max(p.minimum ?? 1, 3), p.maximum ?? 3) : (p.maximum ?? 999_999);
    case 'number':
      return mode === 'typical' ? Math.min(Math.max(p.minimum ?? 1, 12.5), p.maximum ?? 12.5) : (p.maximum ?? 99_999.99);
    case 'boolean':
      return true;
    case 'array': {
      const wanted = mode === 'typical' ? Math.max(p.minItems ?? 0, Math.min(2, p.maxItems ?? 2)) : (p.maxItems ?? 5);
      const n = Math.min(wanted, SAMPLE_ITEMS);
      const items: { [key: string]: Value }[] = [];
      for (let i = 0; i < n && budget.left > 0; i++) {
        budget.left--;
        const item = sampleValues(p.items, mode, budget);
        // Tell the items apart (ids must be unique).
        for (const [k, v] of Object.entries(item)) if (typeof v === 'string' && mode === 'typical') item[k] = `${v} ${i + 1}`.slice(0, p.items[k]?.kind === 'string' ? (p.items[k] as { maxLength?: number }).maxLength ?? 60 : 60);
        items.push(item);
      }
      return items;
    }
    case 'object':
      return sampleValues(p.fields, mode, budget);
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
