import { SourceText } from '../source.js';
import type { Message, WamlFile } from '../model/types.js';
import { toSpecs, type Param, type Params } from '../templates/params.js';
import { sendPlan } from './send.js';
import { camel, chooseLanguage, str } from '../emit/ts.js';
import type { PlanLeaf } from '../../runtime/message-template.js';

/**
 * Typed senders of message templates, one exported object per `type: template` message:
 * `build(to, params, options?)` renders the send body (and refuses what Meta would refuse with 132018),
 * `send(client, to, params)` posts it, and `parseReply` turns a tap on one of its quick
 * replies (an inbound `type: "button"` message whose `payload` is the button's id) into a
 * typed answer. Pure and deterministic; every source string enters the code through
 * JSON.stringify.
 */
export function emitTemplateSenders(file: WamlFile, templates: readonly Message[], sourceText: string, used: ReadonlyMap<string, Params>, languages: ReadonlyMap<string, readonly Message[]> = new Map()): string[] {
  const source = new SourceText(file.path, sourceText);
  const lines: string[] = [`import { $ as $t, $template, type Client as TemplateClient, type InboundMessage as TemplateInbound, type ParamSpecs as TemplateParamSpecs, type SendResult as TemplateSendResult, type TemplateRequestBody, type Recipient as TemplateRecipient, type SendOptions as TemplateSendOptions } from '@waml/runtime';`];
  for (const m of templates) {
    const name = camel(m.name);
    const P = camel(m.name, true);
    const params = used.get(m.name) ?? m.scope;
    const hasParams = Object.keys(params).length > 0;
    const plan = sendPlan(m, source);
    // A template in several languages: one send plan per language, the default first.
    const each = languages.get(m.name);
    const plans = each && each.length > 0 ? each.map((x) => ({ language: x.template!.language!.value, plan: sendPlan(x, source) })) : undefined;
    // A template in several languages takes its own options: the send options and its language.
    const opts = plans ? `${P}Options` : 'TemplateSendOptions';
    lines.push('', `// ---- ${m.name} (template, ${plans ? plans.map((p) => p.language).join(', ') : m.template!.language!.value}) ----`, '');
    lines.push(...types(m, P, params, plans?.map((p) => p.language)));
    lines.push('');
    lines.push(`const ${name}Params: TemplateParamSpecs = ${JSON.stringify(toSpecs(params))};`);
    if (plans) {
      if (!plan.incomplete) {
        lines.push(`const ${name}Plans: Record<${P}Language, $template.SendPlan> = {`);
        for (const p of plans) lines.push(`  ${str(p.language)}: ${planCode({ template: p.plan.template, lengths: p.plan.lengths }, '  ')},`);
        lines.push('};');
      }
    } else if (!plan.incomplete) lines.push(`const ${name}Plan: $template.SendPlan = ${planCode({ template: plan.template, lengths: plan.lengths }, '')};`);
    lines.push('');
    lines.push(`export const ${name} = {`);
    lines.push(`  name: ${str(m.name)} as const,`);
    lines.push(`  language: ${str(m.template!.language!.value)} as const,`);
    if (plans) lines.push('  /** The languages of the template; the first is the default. */', `  languages: [${plans.map((p) => str(p.language)).join(', ')}] as readonly ${P}Language[],`);
    if (plan.incomplete) {
      lines.push('  /** This template cannot be sent from its definition alone (see WA726). */');
      lines.push(`  build(to: TemplateRecipient | undefined, input${hasParams ? '' : '?'}: ${P}Params, options?: ${opts}): ${P}Body {`);
      lines.push(`    void to;`, `    void input;`, `    void options;`, `    throw new Error(${str(`${m.name}: the template has no send body (WA726)`)});`);
    } else {
      lines.push('  /** The send body; `to` undefined leaves the recipient out. Throws WamlParamError or WamlLimitError (132018). */');
      lines.push(`  build(to: TemplateRecipient | undefined, input${hasParams ? '' : '?'}: ${P}Params, options?: ${opts}): ${P}Body {`);
      lines.push(`    const params = $t.params(${str(m.name)}, ${name}Params, input ?? {});`);
      if (plans) {
        lines.push(`    ${chooseLanguage(plans[0]!.language)}`);
        lines.push(`    const plan = Object.hasOwn(${name}Plans, language) ? ${name}Plans[language] : undefined;`);
        lines.push(`    if (!plan) throw new RangeError(${str(`${m.name}: no such language `)} + JSON.stringify(language) + ${str(`; it has ${plans.map((p) => p.language).join(', ')}`)});`);
        lines.push(`    return $template.templateBody(${str(m.name)}, to, $template.renderTemplate(${str(m.name)}, plan, params), send);`);
      } else lines.push(`    return $template.templateBody(${str(m.name)}, to, $template.renderTemplate(${str(m.name)}, ${name}Plan, params), options);`);
    }
    lines.push('  },');
    lines.push('  /** Builds the message and sends it with the client. */');
    lines.push(`  send(client: TemplateClient, to: TemplateRecipient, input${hasParams ? '' : '?'}: ${P}Params, options?: ${opts}): Promise<TemplateSendResult> {`);
    lines.push(`    return client.send(${name}.build(to, input${hasParams ? '' : ' ?? {}'}, options));`);
    lines.push('  },');
    lines.push(...parseReply(m, P));
    lines.push('};');
  }
  return lines;
}

/** The declarations of the template senders, for `--emit js`. */
export function emitTemplateDeclarations(file: WamlFile, templates: readonly Message[], used: ReadonlyMap<string, Params>, languages: ReadonlyMap<string, readonly Message[]> = new Map()): string[] {
  void file;
  const lines: string[] = [`import type { Client as TemplateClient, InboundMessage as TemplateInbound, SendResult as TemplateSendResult, TemplateRequestBody, Recipient as TemplateRecipient, SendOptions as TemplateSendOptions } from '@waml/runtime';`];
  for (const m of templates) {
    const P = camel(m.name, true);
    const params = used.get(m.name) ?? m.scope;
    const opt = Object.keys(params).length > 0 ? '' : '?';
    const codes = languages.get(m.name)?.map((x) => x.template!.language!.value);
    const opts = codes && codes.length > 0 ? `${P}Options` : 'TemplateSendOptions';
    lines.push('', ...types(m, P, params, codes));
    lines.push(
      `export declare const ${camel(m.name)}: {`,
      `  name: ${str(m.name)};`,
      `  language: ${str(m.template!.language!.value)};`,
      ...(codes && codes.length > 0 ? [`  languages: readonly ${P}Language[];`] : []),
      `  build(to: TemplateRecipient | undefined, input${opt}: ${P}Params, options?: ${opts}): ${P}Body;`,
      `  send(client: TemplateClient, to: TemplateRecipient, input${opt}: ${P}Params, options?: ${opts}): Promise<TemplateSendResult>;`,
      `  parseReply(message: TemplateInbound, sentId?: string): ${P}Reply | undefined;`,
      '};',
    );
  }
  return lines;
}

function types(m: Message, P: string, params: Params, languages?: readonly string[]): string[] {
  const ids = replyIds(m);
  const lines = [`export type ${P}Params = ${record(params)};`, `export type ${P}Body = TemplateRequestBody;`];
  if (languages && languages.length > 0) {
    lines.push(
      `/** The languages of template \`${m.name}\`; the first, ${str(languages[0]!)}, is the default. */`,
      `export type ${P}Language = ${languages.map(str).join(' | ')};`,
      `/** How to build \`${m.name}\`: the send options, and its language; every field optional. */`,
      `export interface ${P}Options extends TemplateSendOptions {`,
      `  /** The language of the send body; ${str(languages[0]!)} when absent. */`,
      `  language?: ${P}Language;`,
      '}',
    );
  }
  if (ids.length === 0) lines.push(`/** A template without quick replies gets no reply. */`, `export type ${P}Reply = never;`);
  else {
    lines.push(`export type ${P}ReplyId = ${ids.map(str).join(' | ')};`);
    lines.push(`export interface ${P}Reply {`, `  kind: "button";`, '  /** The id of the quick reply tapped (its payload). */', `  id: ${P}ReplyId;`, '  /** The label tapped. */', '  title: string;', '  message: TemplateInbound;', '}');
  }
  return lines;
}

/** The ids of the template's quick replies, on the message and on its cards. */
function replyIds(m: Message): string[] {
  const t = m.template!;
  const out: string[] = [];
  for (const b of [...(t.buttons?.items ?? []), ...(t.cards?.items.flatMap((c) => c.buttons?.items ?? []) ?? [])]) {
    if (b.kind === 'quick_reply' && b.id && !out.includes(b.id.value)) out.push(b.id.value);
  }
  return out;
}

function parseReply(m: Message, P: string): string[] {
  const ids = replyIds(m);
  const lines = [
    '  /**',
    '   * A tap on one of its quick replies in one inbound message (an item of `value.messages`),',
    '   * or undefined. Template quick replies arrive as `type: "button"` with the id as `payload`.',
    '   */',
    `  parseReply(message: TemplateInbound, sentId?: string): ${P}Reply | undefined {`,
    '    if (typeof message !== "object" || message === null) return undefined;',
    '    if (sentId !== undefined && message.context?.id !== sentId) return undefined;',
  ];
  if (ids.length === 0) lines.push('    return undefined;');
  else {
    lines.push('    const tap = message.type === "button" ? message.button : undefined;');
    lines.push('    if (typeof tap !== "object" || tap === null || typeof tap.payload !== "string" || typeof tap.text !== "string") return undefined;');
    lines.push(`    if (!${JSON.stringify(ids)}.includes(tap.payload)) return undefined;`);
    lines.push(`    return { kind: "button", id: tap.payload as ${P}ReplyId, title: tap.text, message };`);
  }
  lines.push('  },');
  return lines;
}

/** A plan as code: JSON, with each leaf written out (its template as JSON too). */
function planCode(value: unknown, indent: string): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => `${inner}${planCode(v, inner)}`).join(',\n')},\n${indent}]`;
  }
  // A leaf or a length check stands on one line.
  if ((value as Partial<PlanLeaf>).$render !== undefined) return JSON.stringify(value);
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${planCode(v, inner)}`).join(',\n')},\n${indent}}`;
}

/** The TypeScript type of a template's params: scalars only (templates take no lists). */
function record(params: Params): string {
  const names = Object.keys(params);
  if (names.length === 0) return '{}';
  return `{\n${names.map((n) => `  ${n}${params[n]!.optional ? '?' : ''}: ${typeCode(params[n]!)};`).join('\n')}\n}`;
}

function typeCode(p: Param): string {
  if (p.kind === 'string') return p.enum ? p.enum.map(str).join(' | ') : 'string';
  if (p.kind === 'url') return 'string';
  if (p.kind === 'integer' || p.kind === 'number') return 'number';
  if (p.kind === 'boolean') return 'boolean';
  return 'unknown';
}
