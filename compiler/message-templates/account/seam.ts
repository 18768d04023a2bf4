import { isObject, type CreationBody } from './definition.js';
import type { LocalTemplate } from './diff.js';

/**
 * Where the compiler's outputs feed the account commands. `compile()` gives, for each
 * message of `type: template` and each of its languages, an output of kind
 * `"template-creation"` whose text is exactly the Graph API creation body. Pure.
 */

export interface CompiledOutput {
  path: string;
  text: string;
  file: string;
  message: string;
  kind?: string;
}

/** Checks that a JSON value is a creation body: a name, a language, a category, components. */
export function asCreationBody(value: unknown): CreationBody | string {
  if (!isObject(value)) return 'it is not a JSON object';
  for (const k of ['name', 'language', 'category'] as const) if (typeof value[k] !== 'string' || value[k] === '') return `it has no \`${k}\``;
  if (!Array.isArray(value['components']) || !value['components'].every(isObject)) return 'it has no `components` list';
  return value as unknown as CreationBody;
}

/** The creation bodies among compile() outputs, with where each comes from. */
export function templatesFromOutputs(outputs: readonly CompiledOutput[]): LocalTemplate[] {
  const out: LocalTemplate[] = [];
  for (const o of outputs) {
    if (o.kind !== 'template-creation') continue;
    const body = asCreationBody(JSON.parse(o.text));
    if (typeof body === 'string') throw new Error(`compile() gave a template-creation output that is not a creation body (${o.path}: ${body})`);
    out.push({ body, origin: `${o.file}: ${o.message}` });
  }
  return out;
}
