import { renderTemplate, templateBody, type TemplateRequestBody } from '../../runtime/message-template.js';
import type { Recipient, SendOptions } from '../../runtime/recipient.js';
import type { Value } from '../../runtime/template.js';
import { diagnostic, Reporter, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Json } from '../emit/json.js';
import type { LMap } from '../load/tree.js';
import { toPlain } from '../load/tree.js';
import type { Message, WamlFile } from '../model/types.js';
import { SourceText, type Span } from '../source.js';
import { LIMITS } from '../limits.js';
import type { TemplateInfo } from '../templates/check.js';
import { checkData } from '../templates/data.js';
import type { Params } from '../templates/params.js';
import { creationBody } from './creation.js';
import { categoryOf, templateName } from './model.js';
import { sendPlan } from './send.js';
import { emitTemplateDeclarations, emitTemplateSenders } from './sender.js';

/** A compiled message template: its creation body, and its send body when it could be built. */
export interface CompiledTemplate {
  file: string;
  /** The template's name on Meta. */
  name: string;
  /** The message that defines it (its name, unless the message says `name:`). */
  message: string;
  nameSpan: Span;
  language: string;
  /** The template's languages when it has `languages:` (one compiled template per language). */
  languages?: string[];
  category: 'marketing' | 'utility' | 'authentication';
  /** The body of `POST /{WABA-ID}/message_templates`, exactly as submitted. */
  creation: { [key: string]: Json };
  /** The body of `POST /{PHONE_NUMBER_ID}/messages`; absent when it needs data not given. */
  send?: TemplateRequestBody;
}

/**
 * Compiles one checked `type: template` message of a file without errors: its creation body
 * always (the params' examples fill its `example` blocks), its send body when it has no
 * placeholders or `data` gives their values. Values Meta would refuse at send time (132018)
 * are WA727 at the placeholder that writes them.
 */
export function compileTemplate(
  m: Message,
  /** The file's text with its line starts, made once per file by the caller. */
  source: SourceText,
  info: TemplateInfo,
  data: { path: string; root: LMap | undefined } | undefined,
  params: Params,
  reporter: Reporter,
  dataDiagnostics: Map<string, Diagnostic>,
  to: Recipient | undefined,
  send?: SendOptions,
): { compiled: CompiledTemplate; waiting: boolean } {
  const t = m.template!;
  const compiled: CompiledTemplate = { file: source.path, name: templateName(m), message: m.name, nameSpan: m.nameSpan, language: t.language!.value, category: categoryOf(t)!, creation: creationBody(m) };
  const plan = sendPlan(m, source);
  if (plan.incomplete) {
    // Said only when send bodies are asked for (a data file given).
    if (data) reporter.report('WA726', plan.incomplete.span, `template \`${m.name}\` has no send body: it needs ${plan.incomplete.what}`, {
      severity: 'info',
      help: 'its creation body is built; give the values to send to build the send body and sender',
    });
    return { compiled, waiting: false };
  }
  let values: { [key: string]: Value } = {};
  if (info.needsData) {
    if (!data) return { compiled, waiting: true };
    if (!data.root) return { compiled, waiting: false };
    const dataReporter = new Reporter(data.path);
    if (!checkData(data.root, params, source.path, dataReporter)) {
      for (const d of dataReporter.diagnostics) dataDiagnostics.set(`${d.span.start}:${d.span.end}:${d.message}`, d);
      return { compiled, waiting: false };
    }
    values = toPlain(data.root) as { [key: string]: Value };
  }
  let ok = true;
  const suffix = data && info.needsData ? ` (rendered with ${data.path})` : '';
  const template = renderTemplate(m.name, { template: plan.template, lengths: plan.lengths }, values, (p) => {
    ok = false;
    if ('limit' in p.leaf) reporter.report('WA301', plan.spans.get(p.leaf)!, `${p.leaf.field} ${p.problem}${suffix}`, { help: 'shorten the values, or bound the params with `maxLength`' });
    else {
      reporter.report('WA727', plan.spans.get(p.leaf)!, `template parameter ${p.leaf.field} ${p.problem}${suffix}`, {
        help: `WhatsApp refuses it: ${LIMITS.tplParameter.wording} (${LIMITS.tplParameter.source})`,
      });
    }
  });
  if (ok) compiled.send = templateBody(m.name, to, template, send);
  return { compiled, waiting: false };
}

/**
 * The sender module (`ts`) or its declarations (`dts`) of a file: the interactive messages'
 * module as the emitter wrote it, with the template senders after it. A file without
 * templates keeps its module unchanged. `languages`: the copies of each template with
 * `languages:` in each of its languages (the default first), for one send plan per language.
 */
export function templateModule(
  interactive: string | undefined,
  file: WamlFile,
  templates: readonly Message[],
  sourceText: string,
  used: ReadonlyMap<string, Params>,
  kind: 'ts' | 'dts',
  languages: ReadonlyMap<string, readonly Message[]> = new Map(),
): string {
  if (templates.length === 0) return interactive ?? '';
  const blocks = kind === 'ts' ? emitTemplateSenders(file, templates, sourceText, used, languages) : emitTemplateDeclarations(file, templates, used, languages);
  if (interactive !== undefined) return `${interactive.replace(/\n$/, '')}\n${blocks.join('\n')}\n`;
  return `${[`// Generated by waml from ${commentSafe(file.path)}; do not edit.`, ...blocks].join('\n')}\n`;
}

/** The file's path in a comment: no control characters, no comment end. */
export function commentSafe(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '?').replace(/\*\//g, '*?');
}

/** What a template claims in a run: its name in a language, and where it is defined. */
export type TemplateClaim = Pick<CompiledTemplate, 'file' | 'name' | 'message' | 'nameSpan' | 'language'>;

/**
 * A template's name and language are its identity in the account (Meta: unique per
 * language): two messages of a run that define the same pair are WA728, and the later
 * file writes nothing. Files are claimed in path order.
 */
export class TemplateClaims {
  private readonly claimed = new Map<string, TemplateClaim>();

  /** One file's templates claimed: WA728 for each pair claimed before, and then none is kept. */
  claim(templates: readonly TemplateClaim[]): Diagnostic[] {
    const out: Diagnostic[] = [];
    const mine = new Map<string, TemplateClaim>();
    for (const t of templates) {
      const key = `${t.name}\u0000${t.language}`;
      const first = this.claimed.get(key) ?? mine.get(key);
      if (!first) {
        mine.set(key, t);
        continue;
      }
      out.push(
        diagnostic(t.file, 'WA728', t.nameSpan, `template \`${t.name}\` in ${t.language} is already defined by message \`${first.message}\` of ${first.file}`, {
          related: [{ file: first.file, span: first.nameSpan, message: 'first defined here' }],
          help: `${LIMITS.tplName.label}s are unique per language in an account: rename one, or give it another language`,
        }),
      );
    }
    if (out.length === 0) for (const [key, t] of mine) this.claimed.set(key, t);
    return out;
  }
}
