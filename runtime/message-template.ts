/**
 * What a generated template sender calls: it renders the send body of a message template
 * from its plan (the body with a placeholder template at each value that comes from params)
 * and checks every text parameter as Meta does at send time. The compiler renders `--data`
 * with the same function, so both give the same bytes.
 */
import { WamlLimitError, type SourceLocation } from './errors.js';
import { envelope, type Recipient, type SendOptions } from './recipient.js';
import { codePoints, render, type Template, type Value } from './template.js';

/** A value of the plan rendered from params: text, or a number (`expiration_time_ms`). */
export interface PlanLeaf {
  readonly $render: Template;
  /** Render as a number rather than text. */
  readonly number?: true;
  /** A text parameter: checked for Meta's 132018 (no line break, tab or 5 spaces; not empty). */
  readonly parameter?: true;
  /** The API field, for errors. */
  readonly field: string;
  readonly source: SourceLocation;
}

export type Plan = string | number | boolean | null | PlanLeaf | readonly Plan[] | { readonly [key: string]: Plan };

/**
 * A hydrated length that only the values settle: the component's text with its values in
 * place must stay within the limit (Meta: 132005, "hydrated text too long").
 */
export interface LengthCheck {
  readonly $render: Template;
  readonly limit: number;
  readonly field: string;
  readonly source: SourceLocation;
}

/** What a template sender renders: the `template` object's plan and its length checks. */
export interface SendPlan {
  readonly template: Plan;
  readonly lengths: readonly LengthCheck[];
}

/** A send body's `template` object. */
export interface TemplateObject {
  name: string;
  language: { code: string };
  components?: { [key: string]: unknown }[];
}

/** The request body that sends a message template. */
export interface TemplateRequestBody<T extends TemplateObject = TemplateObject> {
  messaging_product: 'whatsapp';
  recipient_type: 'individual' | 'group';
  to?: string;
  recipient?: string;
  context?: { message_id: string };
  biz_opaque_callback_data?: string;
  type: 'template';
  template: T;
}

/**
 * Why Meta refuses a text parameter (error 132018, "Param text cannot have new-line/tab
 * characters or more than 4 consecutive spaces"; an empty one is refused too), or undefined.
 */
export function parameterProblem(text: string): string | undefined {
  if (text === '') return 'is empty';
  if (/[\r\n]/.test(text)) return 'has a line break';
  if (text.includes('\t')) return 'has a tab';
  if (text.includes('     ')) return 'has more than four spaces in a row';
  return undefined;
}

function isLeaf(p: Plan): p is PlanLeaf {
  return typeof p === 'object' && p !== null && !Array.isArray(p) && Object.prototype.hasOwnProperty.call(p, '$render');
}

/** A problem found while rendering, with the leaf (or length check) it concerns. */
export interface PlanProblem {
  leaf: PlanLeaf | LengthCheck;
  problem: string;
  value: string;
}

/**
 * Renders a send plan: the `template` object, after its hydrated lengths are checked. Each
 * problem goes to `report`; without it the first throws.
 */
export function renderTemplate(message: string, plan: SendPlan, params: { readonly [key: string]: Value }, report?: (p: PlanProblem) => void): TemplateObject {
  for (const check of plan.lengths) {
    const text = render(check.$render, params);
    const n = codePoints(text);
    if (n > check.limit) {
      const p: PlanProblem = { leaf: check, problem: `is ${n} characters with its values; the limit is ${check.limit}`, value: text };
      if (report) report(p);
      else throw new WamlLimitError(message, check.field, p.problem, check.limit, n, check.source);
    }
  }
  return renderPlan(message, plan.template, params, report) as TemplateObject;
}

/**
 * Renders a plan with params. Each problem goes to `report`; without it the first throws a
 * WamlLimitError naming the field and its `.wa.yaml` location.
 */
export function renderPlan(message: string, plan: Plan, params: { readonly [key: string]: Value }, report?: (p: PlanProblem) => void): unknown {
  const walk = (p: Plan): unknown => {
    if (p === null || typeof p !== 'object') return p;
    if (Array.isArray(p)) return (p as readonly Plan[]).map(walk);
    if (isLeaf(p)) {
      const text = render(p.$render, params);
      if (p.number) {
        const n = Number(text);
        if (text.trim() === '' || !Number.isFinite(n)) fail(message, { leaf: p, problem: 'is not a number', value: text }, report);
        return n;
      }
      const problem = p.parameter ? parameterProblem(text) : undefined;
      if (problem) fail(message, { leaf: p, problem, value: text }, report);
      return text;
    }
    const out: { [key: string]: unknown } = {};
    for (const [k, v] of Object.entries(p as { readonly [key: string]: Plan })) out[k] = walk(v);
    return out;
  };
  return walk(plan);
}

function fail(message: string, p: PlanProblem, report: ((p: PlanProblem) => void) | undefined): void {
  if (report) report(p);
  else throw new WamlLimitError(message, p.leaf.field, `${p.problem} (WhatsApp refuses it: 132018)`, undefined, p.value, p.leaf.source);
}

/** The request body around a rendered `template` object; the recipient's keys left out when `to` is undefined. */
export function templateBody<T extends TemplateObject>(message: string, to: Recipient | undefined, template: T, options?: SendOptions): TemplateRequestBody<T> {
  return envelope(message, to, options, 'template', template) as unknown as TemplateRequestBody<T>;
}
