import { existsSync, readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { DEFAULT_API_VERSION, DEFAULT_BASE_URL } from '../../../runtime/client.js';
import { render, SourceMap } from '../../diagnostics/render.js';
import { LIMITS } from '../../limits.js';
import type { CreationBody, RemoteTemplate } from '../../message-templates/account/definition.js';
import { diffTemplates, type LocalTemplate } from '../../message-templates/account/diff.js';
import { mediaToUpload, mimeOf, withHandles } from '../../message-templates/account/media.js';
import { planPush, type Action } from '../../message-templates/account/plan.js';
import { renderDiff, summary } from '../../message-templates/account/report.js';
import { asCreationBody, templatesFromOutputs } from '../../message-templates/account/seam.js';
import { writeTemplate } from '../../message-templates/account/writer.js';
import { subcommandArgs, subcommandWords, UsageError } from '../args.js';
import { runBatch } from '../batch.js';
import { discover, displayPath, readSource } from '../files.js';
import { writeOutputs } from '../write.js';
import { createGraph, GraphError, type Graph } from './graph.js';
import type { Io } from '../run.js';

/**
 * `waml templates diff | push | pull`: the shell around the pure stages of
 * compiler/message-templates/account (diff, plan, report, writer) and the Graph client.
 *
 * Exit status: 0 in sync / done; 1 differences (diff), a template not pushed or not written,
 * or sources with errors; 2 bad usage, a missing token, or the Graph API not answering.
 */

export const TEMPLATES_HELP = `waml templates: compare, submit and fetch the message templates of a WhatsApp Business Account

Usage:
  waml templates diff [PATH ...] --waba ID
  waml templates push [PATH ...] --waba ID [--delete] [--app-id ID]
  waml templates pull [PATH ...] --waba ID [--out DIR]

A PATH is a .wa.yaml file or a folder (as for check), or a creation body
(<stem>.<name>.<language>.template.json, as build writes it).

diff  what is new, changed, the same or only on the account, with each template's status
      (PENDING, APPROVED, REJECTED with Meta's reason, PAUSED, DISABLED…)
push  create the new templates and edit the changed ones; --delete also deletes the
      templates that are only on the account (one language each)
pull  write a .wa.yaml for each template that is only on the account, into --out
      (default: the current folder)

Options:
  --waba ID         the WhatsApp Business Account (or WHATSAPP_WABA_ID)
  --app-id ID       the Meta app that uploads media samples (or WHATSAPP_APP_ID)
  --api-version V   the Graph API version (or WAML_GRAPH_VERSION; default ${DEFAULT_API_VERSION})
  --token-env NAME  the environment variable holding the access token (default WHATSAPP_TOKEN)
  --delete          push: delete what is only on the account
  --out DIR         pull: where to write

Exit status: 0 in sync or done, 1 differences or a template not pushed, 2 bad usage or no answer.
`;

interface TemplateArgs {
  action: 'diff' | 'push' | 'pull';
  paths: string[];
  waba?: string;
  appId?: string;
  apiVersion?: string;
  tokenEnv: string;
  delete: boolean;
  out?: string;
}


function parse(argv: readonly string[]): TemplateArgs | 'help' {
  const [action, ...rest] = argv;
  if (action === undefined || action === '--help' || action === '-h' || action === 'help') return 'help';
  if (action !== 'diff' && action !== 'push' && action !== 'pull') throw new UsageError(`unknown templates command \`${action}\`; use \`diff\`, \`push\` or \`pull\``);
  const args: TemplateArgs = { action, paths: [], tokenEnv: 'WHATSAPP_TOKEN', delete: false };
  const valued = ['--waba', '--api-version', '--token-env', ...(action === 'pull' ? ['--out'] : []), ...(action === 'push' ? ['--app-id'] : [])];
  const help = subcommandWords(`templates ${action}`, rest, { flags: action === 'push' ? ['--delete'] : [], valued }, (p) => args.paths.push(p), (name, value) => {
    if (value === true) args.delete = true;
    else if (name === '--waba') args.waba = value;
    else if (name === '--app-id') args.appId = value;
    else if (name === '--api-version') args.apiVersion = value;
    else if (name === '--token-env') args.tokenEnv = value;
    else args.out = value;
  });
  if (help) return help;
  return args;
}

/** The local definitions: creation bodies given as JSON files, and what compile() makes of the .wa.yaml sources. */
async function locals(args: TemplateArgs, io: Io): Promise<{ ok: true; templates: LocalTemplate[] } | { ok: false; code: number }> {
  const templates: LocalTemplate[] = [];
  const json = args.paths.filter((p) => p.toLowerCase().endsWith('.json'));
  const sources = args.paths.filter((p) => !p.toLowerCase().endsWith('.json'));
  for (const p of json) {
    const absolute = resolve(io.cwd, p);
    const read = readSource(absolute, 1024 * 1024);
    let body: CreationBody | string;
    if (!read.ok) body = read.reason;
    else {
      try {
        body = asCreationBody(JSON.parse(read.text));
      } catch (error) {
        body = `it is not JSON (${(error as Error).message})`;
      }
    }
    if (typeof body === 'string') {
      io.stderr(`waml: ${p} is not a template creation body: ${body}\n`);
      return { ok: false, code: 2 };
    }
    templates.push({ body, origin: displayPath(io.cwd, absolute) });
  }
  if (json.length > 0 && sources.length === 0) return { ok: true, templates };
  let found;
  try {
    found = discover(sources, io.cwd);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`waml: ${error.message}\n`);
    return { ok: false, code: 2 };
  }
  if (found.length === 0) return { ok: true, templates };
  const result = await runBatch({ files: found, options: { emit: ['json'], maxFileSize: 1024 * 1024 }, keepOutputs: true });
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    const map = new SourceMap();
    for (const [path, text] of result.texts) map.add(path, text);
    io.stdout(render(errors, map, 'pretty', { color: false }));
    io.stderr(`waml: the sources have errors; nothing was compared with the account\n`);
    return { ok: false, code: 1 };
  }
  templates.push(...templatesFromOutputs(result.outputs));
  return { ok: true, templates };
}

/** Where each media sample URL is uploaded once, for the bodies of a push. */
async function uploadAll(graph: Graph, appId: string | undefined, actions: Action[], io: Io): Promise<Map<string, string> | string> {
  const handles = new Map<string, string>();
  for (const a of actions) {
    if (a.kind !== 'create' && a.kind !== 'edit') continue;
    const body = a.kind === 'create' ? a.body : { components: a.body['components'] as CreationBody['components'] };
    for (const { url } of mediaToUpload(body)) {
      if (handles.has(url)) continue;
      if (!appId) return 'media samples are uploaded with a Meta app: give --app-id ID (or WHATSAPP_APP_ID)';
      const { bytes, contentType } = await graph.download(url, 100 * 1024 * 1024);
      const mime = mimeOf(url, contentType);
      const types = LIMITS.templateUploadTypes.values as readonly string[];
      if (!mime || !types.includes(mime)) return `the media sample ${url} is ${mime ?? 'of an unknown type'}; Meta takes ${types.join(', ')}`;
      const name = basename(new URL(url).pathname) || 'sample';
      handles.set(url, await graph.upload(appId, bytes, name, mime));
      io.stderr(`waml: uploaded ${url}\n`);
    }
  }
  return handles;
}

async function push(graph: Graph, waba: string, actions: Action[], handles: Map<string, string>, io: Io): Promise<number> {
  let failed = 0;
  for (let i = 0; i < actions.length; i++) {
    const a = actions[i]!;
    const who = `${a.name} (${a.language})`;
    try {
      if (a.kind === 'create') {
        const r = await graph.createTemplate(waba, withHandles(a.body, handles));
        io.stdout(`created ${who}: template ${r.id}${r.status ? `, ${r.status}` : ''}${r.category && r.category.toUpperCase() !== a.body.category.toUpperCase() ? `, category ${r.category} (Meta chose it)` : ''}\n`);
      } else if (a.kind === 'edit') {
        await graph.editTemplate(a.id, withHandles(a.body, handles));
        io.stdout(`edited ${who}: template ${a.id} (${a.changes.join(', ')})\n`);
      } else if (a.kind === 'delete') {
        await graph.deleteTemplate(waba, a.name, a.id);
        io.stdout(`deleted ${who}: template ${a.id}\n`);
      } else {
        failed++;
        io.stdout(`not pushed ${who}: ${a.reason}\n`);
      }
    } catch (error) {
      if (!(error instanceof GraphError)) throw error;
      failed++;
      io.stdout(`failed ${who}: ${error.message}\n`);
      if (error.rateLimited) {
        const left = actions.length - i - 1;
        if (left > 0) io.stdout(`stopped: ${left} more left for the next push\n`);
        return 1;
      }
    }
  }
  return failed > 0 ? 1 : 0;
}

/** Runs `waml templates …`; returns the exit status. */
export async function templatesCommand(argv: readonly string[], io: Io): Promise<number> {
  const parsed = subcommandArgs('templates', argv, io, parse, TEMPLATES_HELP);
  if (!parsed.ok) return parsed.code;
  const args = parsed.args;
  const waba = args.waba ?? io.env['WHATSAPP_WABA_ID'];
  const token = io.env[args.tokenEnv];
  const version = args.apiVersion ?? io.env['WAML_GRAPH_VERSION'] ?? DEFAULT_API_VERSION;
  const appId = args.appId ?? io.env['WHATSAPP_APP_ID'];
  const problem =
    !waba ? '`waml templates` needs the account: --waba ID (or WHATSAPP_WABA_ID)'
    : !/^\d+$/.test(waba) ? `\`--waba ${waba}\` is not a WhatsApp Business Account id (digits)`
    : !token ? `no access token: set ${args.tokenEnv}`
    : !/^v\d+\.\d+$/.test(version) ? `\`${version}\` is not a Graph API version (like ${DEFAULT_API_VERSION})`
    : appId !== undefined && !/^\d+$/.test(appId) ? `\`--app-id ${appId}\` is not an app id (digits)`
    : undefined;
  if (problem) {
    io.stderr(`waml: ${problem}\n`);
    return 2;
  }
  const local = await locals(args, io);
  if (!local.ok) return local.code;
  const graph = createGraph({
    baseUrl: io.env['WAML_GRAPH_URL'] ?? DEFAULT_BASE_URL,
    version,
    token: token!,
    onWait: (ms, why) => io.stderr(`waml: ${why}; trying again in ${Math.ceil(ms / 1000)} s\n`),
  });
  let remote: RemoteTemplate[];
  try {
    remote = await graph.listTemplates(waba!);
  } catch (error) {
    if (!(error instanceof GraphError)) throw error;
    io.stderr(`waml: ${error.message}\n`);
    return 2;
  }
  const { entries, problems } = diffTemplates(local.templates, remote);
  if (problems.length > 0) {
    for (const p of problems) io.stderr(`waml: ${p}\n`);
    return 1;
  }

  if (args.action === 'pull') {
    const outDir = resolve(io.cwd, args.out ?? '.');
    const files: { path: string; text: string }[] = [];
    let refused = 0;
    for (const e of entries) {
      if (e.kind !== 'only-on-account') continue;
      const status = String(e.remote!.status).toUpperCase();
      if (status === 'DELETED' || status === 'PENDING_DELETION') continue;
      const w = writeTemplate(e.remote!);
      if (!w.ok) {
        refused++;
        io.stdout(`not pulled ${e.name} (${e.language}): ${w.reason}\n`);
      } else if (existsSync(resolve(outDir, w.file)) && readFileSync(resolve(outDir, w.file), 'utf8') !== w.text) {
        refused++;
        io.stdout(`not pulled ${e.name} (${e.language}): ${w.file} exists and is not one of the sources compared; not overwritten\n`);
      } else files.push({ path: w.file, text: w.text });
    }
    let written;
    try {
      written = writeOutputs(outDir, files);
    } catch (error) {
      io.stderr(`waml: cannot write into ${args.out ?? '.'}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
      return 2;
    }
    for (const f of written.written) io.stdout(`wrote ${displayPath(io.cwd, resolve(outDir, f))}\n`);
    io.stderr(`waml: pulled ${files.length} template${files.length === 1 ? '' : 's'}${refused ? `; ${refused} not pulled` : ''}\n`);
    return refused > 0 ? 1 : 0;
  }

  const actions = planPush(entries, { delete: args.delete });
  if (args.action === 'diff') {
    io.stdout(renderDiff(entries, actions, { delete: args.delete }));
    return actions.length > 0 ? 1 : 0;
  }
  let handles: Map<string, string> | string;
  try {
    handles = await uploadAll(graph, appId, actions, io);
  } catch (error) {
    if (!(error instanceof GraphError)) throw error;
    io.stderr(`waml: ${error.message}\n`);
    return 2;
  }
  if (typeof handles === 'string') {
    io.stderr(`waml: ${handles}\n`);
    return 2;
  }
  if (actions.length === 0) {
    io.stdout(`${summary(actions)}\n`);
    return 0;
  }
  return push(graph, waba!, actions, handles, io);
}
