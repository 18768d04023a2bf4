import { LIMITS } from '../../limits.js';
import type { CreationBody, JsonObject } from './definition.js';
import type { DiffEntry } from './diff.js';

/**
 * What `waml templates push` does, decided from a diff. Pure. It creates what is new, edits
 * what changed where Meta allows it, and deletes only when asked.
 *
 * Meta's rules ("Template management", Edit templates, Limitations): only templates with an
 * APPROVED, REJECTED or PAUSED status can be edited; only the category, components and
 * time-to-live can be edited, and the components are replaced as a whole; the category of an
 * approved template cannot be edited; approved templates can be edited at most 10 times in
 * 30 days and once in 24 hours (Meta refuses the edit beyond that; waml reports Meta's
 * answer). Deleting: "Templates that are in a disabled status cannot be deleted"; a delete by
 * `hsm_id` and `name` removes that one language.
 * https://developers.facebook.com/documentation/business-messaging/whatsapp/templates/template-management
 */

export type Action =
  | { kind: 'create'; name: string; language: string; body: CreationBody }
  | { kind: 'edit'; name: string; language: string; id: string; status: string; body: JsonObject; changes: string[] }
  | { kind: 'delete'; name: string; language: string; id: string }
  | { kind: 'blocked'; name: string; language: string; reason: string };

export interface PlanOptions {
  /** Delete the templates that are only on the account (`--delete`). */
  delete: boolean;
}

const EDITABLE = LIMITS.templateEditableStatuses.values as readonly string[];

/** Why Meta would refuse to edit a template in this status. */
function notEditable(status: string): string {
  switch (status) {
    case 'PENDING':
    case 'IN_APPEAL':
      return `it is in review (${status}); Meta edits only ${EDITABLE.join(', ')} templates: push again once it is reviewed`;
    case 'DISABLED':
      return 'it is DISABLED; Meta edits only ' + EDITABLE.join(', ') + ' templates: create it under a new name';
    case 'PENDING_DELETION':
    case 'DELETED':
      return `it is being deleted (${status}); Meta does not let an approved template's name be reused for 30 days`;
    default:
      return `its status is ${status}; Meta edits only ${EDITABLE.join(', ')} templates`;
  }
}

/** The edit request: the components (always: Meta replaces them all), the category when it changed, the time-to-live when set. */
function editBody(local: CreationBody, categoryChanged: boolean): JsonObject {
  const body: JsonObject = {};
  if (categoryChanged) body['category'] = local.category;
  body['components'] = local.components;
  if (local['message_send_ttl_seconds'] !== undefined) body['message_send_ttl_seconds'] = local['message_send_ttl_seconds'];
  return body;
}

/** The actions for a diff, in the diff's order. Entries that are the same need none. */
export function planPush(entries: readonly DiffEntry[], options: PlanOptions): Action[] {
  const actions: Action[] = [];
  for (const e of entries) {
    const id = { name: e.name, language: e.language };
    if (e.kind === 'new') actions.push({ kind: 'create', ...id, body: e.local! });
    else if (e.kind === 'changed') {
      const r = e.remote!;
      const status = String(r.status).toUpperCase();
      const categoryChanged = String(r.category).toUpperCase() !== String(e.local!.category).toUpperCase();
      if (!EDITABLE.includes(status)) actions.push({ kind: 'blocked', ...id, reason: notEditable(status) });
      else if (categoryChanged && status === 'APPROVED') {
        actions.push({ kind: 'blocked', ...id, reason: `Meta does not change the category of an approved template (${String(r.category).toUpperCase()} → ${String(e.local!.category).toUpperCase()}): keep the category, or create the template under a new name` });
      } else actions.push({ kind: 'edit', ...id, id: r.id, status, body: editBody(e.local!, categoryChanged), changes: e.changes });
    } else if (e.kind === 'only-on-account' && options.delete) {
      const status = String(e.remote!.status).toUpperCase();
      if (status === 'DISABLED') actions.push({ kind: 'blocked', ...id, reason: 'Meta does not delete DISABLED templates' });
      else if (status !== 'PENDING_DELETION' && status !== 'DELETED') actions.push({ kind: 'delete', ...id, id: e.remote!.id });
    }
  }
  return actions;
}
