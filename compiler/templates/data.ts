import { checkParams, formatPath } from '../../runtime/params.js';
import type { Reporter } from '../diagnostics/diagnostic.js';
import type { LMap, LNode } from '../load/tree.js';
import { entry, toPlain } from '../load/tree.js';
import type { Param, Params } from './params.js';
import { toSpecs } from './params.js';

/**
 * Checks param values from a data file against their declarations, with the runtime's own
 * checker (so a data file and a generated sender accept exactly the same values). Problems
 * are reported in the data file, at the value (or at the mapping that lacks one), with the
 * declaration as a related place. Returns whether every value fits.
 */
export function checkData(root: LMap, params: Params, declaredIn: string, r: Reporter): boolean {
  const problems = checkParams(toSpecs(params), toPlain(root));
  for (const p of problems) {
    const node = locate(root, p.missing ? p.path.slice(0, -1) : p.path);
    const decl = declaration(params, p.path);
    r.report('WA517', node.span, `\`${formatPath(p.path)}\` ${p.problem}`, decl ? { related: [{ file: declaredIn, span: decl.nameSpan, message: `\`${decl.name}\` is declared here` }] } : {});
  }
  return problems.length === 0;
}

/** The deepest node of the data along a path. */
function locate(root: LNode, path: readonly (string | number)[]): LNode {
  let node: LNode = root;
  for (const step of path) {
    const next: LNode | undefined = typeof step === 'number' ? (node.kind === 'seq' ? node.items[step] : undefined) : node.kind === 'map' ? entry(node, step)?.value : undefined;
    if (!next) break;
    node = next;
  }
  return node;
}

/** The declaration a path leads to. */
function declaration(params: Params, path: readonly (string | number)[]): Param | undefined {
  let scope: Params | undefined = params;
  let found: Param | undefined;
  for (const step of path) {
    if (typeof step === 'number') continue;
    found = scope?.[step];
    scope = found?.kind === 'array' ? found.items : found?.kind === 'object' ? found.fields : undefined;
  }
  return found;
}
