import { evaluate } from '../plan/evaluate.js';
import type { Recipient, SendOptions } from '../../runtime/recipient.js';
import type { BodyPlan } from '../plan/plan.js';

/** A JSON value, as the request body holds it. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** The request body for `POST /{phone-number-id}/messages`. */
export interface RequestBody {
  messaging_product: 'whatsapp';
  recipient_type: 'individual' | 'group';
  /** A phone number, or a group's id. */
  to?: string;
  /** A business-scoped user id. */
  recipient?: string;
  context?: { message_id: string };
  biz_opaque_callback_data?: string;
  type: 'interactive';
  interactive: { [key: string]: Json };
}

/**
 * The request body of a checked message without params: its body plan evaluated with no
 * values, `to` left out when not given. Call only for messages of a file without errors.
 */
export function emitBody(plan: BodyPlan, to?: Recipient, send?: SendOptions): RequestBody {
  const out = evaluate(plan, {}, { ...(to === undefined ? {} : { to }), ...(send === undefined ? {} : { send }) });
  if ('failure' in out) throw new Error(`emitBody: message ${plan.message} needs values: ${out.failure.problem}`);
  return out.body;
}

/** The bytes of a JSON output file: two-space indentation and a final newline. */
export function printJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

