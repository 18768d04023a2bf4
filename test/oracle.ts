import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';

/**
 * Meta's own JSON Schema for the `interactive` object (test/fixtures/oracle, MIT), compiled
 * with ajv: a second opinion that no one here wrote. Its `format: "url"` is not a standard
 * format; it is checked as an absolute http(s) URL.
 */
export function metaValidator(): (interactive: unknown) => string[] {
  const schema = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures/oracle/meta-interactive.schema.json'), 'utf8'));
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  ajv.addFormat('url', /^https?:\/\/\S+$/);
  const validate = ajv.compile(schema);
  return (interactive) => (validate(interactive) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));
}

/**
 * The types Meta's schema knows; it lacks cta_url, carousel, location, address, order and
 * voice call messages.
 */
export const ORACLE_TYPES = new Set(['button', 'list', 'flow', 'product', 'product_list', 'catalog_message', 'call_permission_request']);
