import { definitionOf, describePath, differences, formatOf, type CreationBody, type RemoteTemplate } from './definition.js';

/**
 * Which templates are new, changed, the same, or only on the account, for one WhatsApp
 * Business Account. Pure: local creation bodies and listed templates in, entries out.
 * A template is identified by its name and language (Meta: "names are not unique … same
 * name, but in different languages", Templates overview).
 */

export type DiffKind = 'new' | 'changed' | 'same' | 'only-on-account';

export interface DiffEntry {
  kind: DiffKind;
  name: string;
  language: string;
  /** The local definition (absent for `only-on-account`). */
  local?: CreationBody;
  /** Where the local definition comes from (a file, a message), for messages. */
  origin?: string;
  /** The account's template (absent for `new`). */
  remote?: RemoteTemplate;
  /** For `changed`: where the definitions differ, as readable paths (`BODY.text`). */
  changes: string[];
  /** Set when the parameter formats differ (`POSITIONAL` on the account, `NAMED` here). */
  format?: { local: 'NAMED' | 'POSITIONAL'; remote: 'NAMED' | 'POSITIONAL' };
}

export interface LocalTemplate {
  body: CreationBody;
  /** Where it comes from, e.g. `promos.wa.yaml: summer_sale`. */
  origin: string;
}

export interface DiffResult {
  entries: DiffEntry[];
  /** Two local definitions of one name and language: one line each. */
  problems: string[];
}

export const key = (name: string, language: string) => `${name}\u0000${language}`;

/** Compares the local definitions with the account's templates. Entries are sorted by name, then language. */
export function diffTemplates(locals: readonly LocalTemplate[], remotes: readonly RemoteTemplate[]): DiffResult {
  const problems: string[] = [];
  const byKey = new Map<string, LocalTemplate>();
  for (const l of locals) {
    const k = key(l.body.name, l.body.language);
    const first = byKey.get(k);
    if (first) problems.push(`template \`${l.body.name}\` (${l.body.language}) is defined twice: ${first.origin} and ${l.origin}`);
    else byKey.set(k, l);
  }
  const remoteByKey = new Map<string, RemoteTemplate>();
  for (const r of remotes) if (!remoteByKey.has(key(r.name, r.language))) remoteByKey.set(key(r.name, r.language), r);

  const entries: DiffEntry[] = [];
  for (const [k, l] of byKey) {
    const r = remoteByKey.get(k);
    const base = { name: l.body.name, language: l.body.language, local: l.body, origin: l.origin };
    if (!r) {
      entries.push({ ...base, kind: 'new', changes: [] });
      continue;
    }
    // The time-to-live is compared only when the local definition sets it (Meta may list its default).
    const a = definitionOf(l.body['message_send_ttl_seconds'] === undefined ? { ...r, message_send_ttl_seconds: undefined } : r);
    const b = definitionOf(l.body);
    const changes = differences(a, b).map((p) => describePath(p, b));
    const entry: DiffEntry = { ...base, kind: changes.length > 0 ? 'changed' : 'same', remote: r, changes };
    const lf = formatOf(l.body);
    const rf = formatOf(r);
    // Without variables the parameter format means nothing.
    if (lf !== rf && JSON.stringify(b).includes('{{#')) entry.format = { local: lf, remote: rf };
    entries.push(entry);
  }
  for (const [k, r] of remoteByKey) {
    if (!byKey.has(k)) entries.push({ kind: 'only-on-account', name: r.name, language: r.language, remote: r, changes: [] });
  }
  entries.sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : x.language < y.language ? -1 : x.language > y.language ? 1 : 0));
  return { entries, problems };
}
