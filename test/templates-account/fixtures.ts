import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CreationBody, JsonObject, RemoteTemplate } from '../../compiler/message-templates/account/definition.js';

export const FIXTURES = join(import.meta.dirname, '../fixtures/templates-account');

/** Meta's creation bodies (test/fixtures/templates-account), by file name. */
export function creationBodies(): Map<string, CreationBody> {
  const out = new Map<string, CreationBody>();
  for (const f of readdirSync(FIXTURES).filter((f) => f.endsWith('.json')).sort()) out.set(f, JSON.parse(readFileSync(join(FIXTURES, f), 'utf8')));
  return out;
}

export const body = (file: string): CreationBody => creationBodies().get(file)!;

/** A body as the account would list it: an id, a status, media samples as URLs (as GET gives them). */
export function listed(b: CreationBody, status = 'APPROVED', id = '900000000000001', extra: Partial<RemoteTemplate> = {}): RemoteTemplate {
  const components = JSON.parse(JSON.stringify(b.components).replace(/"4::[^"]*"/g, '"https://scontent.whatsapp.net/v/sample.png"')) as JsonObject[];
  return { ...structuredClone(b), id, status, category: b.category.toUpperCase(), components, ...extra } as RemoteTemplate;
}
