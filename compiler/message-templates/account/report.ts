import { LIMITS } from '../../limits.js';
import type { Action } from './plan.js';
import type { DiffEntry } from './diff.js';

/**
 * What `waml templates diff` prints: one line per template, its state on the account, and
 * what push would do. Pure: text out.
 *
 *   + name (lang)                 new: push creates it
 *   ~ name (lang) APPROVED        changed (BODY.text): push edits it
 *   ! name (lang) PENDING         changed (BODY.text): not pushed: <why>
 *   = name (lang) REJECTED        Meta's reason: INVALID_FORMAT
 *   - name (lang) APPROVED        only on the account: pull writes it
 */

const SYMBOL = { new: '+', changed: '~', same: '=', 'only-on-account': '-' } as const;

/** Meta's rejection reason, when there is one (`NONE` is what Meta lists for templates that were not rejected). */
export function rejectionOf(e: DiffEntry): string | undefined {
  const reason = e.remote?.rejected_reason;
  return typeof reason === 'string' && reason !== '' && reason.toUpperCase() !== 'NONE' ? reason : undefined;
}

function line(e: DiffEntry, action: Action | undefined, deleting: boolean): string {
  const status = e.remote ? ` ${String(e.remote.status).toUpperCase()}` : '';
  const head = `${action?.kind === 'blocked' ? '!' : SYMBOL[e.kind]} ${e.name} (${e.language})${status}`;
  const words: string[] = [];
  if (e.kind === 'new') words.push(action?.kind === 'blocked' ? `new: not pushed: ${action.reason}` : 'new: push creates it');
  if (e.kind === 'changed') {
    const what = `changed (${e.changes.join(', ')})`;
    const approved = action?.kind === 'edit' && action.status === 'APPROVED';
    const limits = `Meta allows ${LIMITS.templateApprovedEditsPerDay.max} edit of an approved template in 24 hours, ${LIMITS.templateApprovedEditsPer30Days.max} in 30 days`;
    words.push(action?.kind === 'blocked' ? `${what}: not pushed: ${action.reason}` : `${what}: push edits it${approved ? ` (${limits})` : ''}`);
  }
  if (e.kind === 'only-on-account') {
    if (action?.kind === 'delete') words.push('only on the account: push --delete deletes it');
    else if (action?.kind === 'blocked') words.push(`only on the account: not deleted: ${action.reason}`);
    else words.push(deleting ? 'only on the account' : 'only on the account: pull writes it');
  }
  const reason = rejectionOf(e);
  if (reason) words.push(`Meta's reason: ${reason}`);
  if (e.format) words.push(`${e.format.remote.toLowerCase()} parameters on the account, ${e.format.local.toLowerCase()} here (Meta does not edit the parameter format)`);
  return words.length > 0 ? `${head.padEnd(40)} ${words.join('; ')}` : head;
}

/** Counts of a plan, for the summary line. */
export function summary(actions: readonly Action[]): string {
  const n = (k: Action['kind']) => actions.filter((a) => a.kind === k).length;
  if (actions.length === 0) return 'in sync: nothing to push';
  const parts = [`create ${n('create')}`, `edit ${n('edit')}`, `delete ${n('delete')}`];
  return `push would ${parts.join(', ')}${n('blocked') ? `; ${n('blocked')} cannot be pushed` : ''}`;
}

/** The diff as text: a line per template, then the summary. */
export function renderDiff(entries: readonly DiffEntry[], actions: readonly Action[], options: { delete: boolean }): string {
  const byKey = new Map(actions.map((a) => [`${a.name}\u0000${a.language}`, a]));
  const lines = entries.map((e) => line(e, byKey.get(`${e.name}\u0000${e.language}`), options.delete));
  lines.push(summary(actions));
  return `${lines.join('\n')}\n`;
}
