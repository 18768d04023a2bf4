import type { Rule } from './rule.js';

/**
 * The objects of an interactive request body, by path (`[]` for the items of a list), with
 * the keys each can have; `*` where any key can stand (a Flow's data, an address's fields).
 * Paths of every interactive type, so that a `key_order` is checked for its form; which of
 * them a message's body has depends on its type and values.
 */
const OBJECTS: Readonly<Record<string, readonly string[] | '*'>> = {
  $: ['messaging_product', 'recipient_type', 'to', 'recipient', 'context', 'biz_opaque_callback_data', 'type', 'interactive'],
  context: ['message_id'],
  interactive: ['type', 'header', 'body', 'footer', 'action'],
  'interactive.header': ['type', 'text', 'image', 'video', 'document'],
  'interactive.header.image': ['id', 'link'],
  'interactive.header.video': ['id', 'link'],
  'interactive.header.document': ['id', 'link', 'filename'],
  'interactive.body': ['text'],
  'interactive.footer': ['text'],
  'interactive.action': ['name', 'parameters', 'buttons', 'button', 'sections', 'cards', 'catalog_id', 'product_retailer_id'],
  'interactive.action.buttons[]': ['type', 'reply'],
  'interactive.action.buttons[].reply': ['id', 'title'],
  'interactive.action.sections[]': ['title', 'rows', 'product_items'],
  'interactive.action.sections[].product_items[]': ['product_retailer_id'],
  'interactive.action.sections[].rows[]': ['id', 'title', 'description'],
  'interactive.action.parameters': ['display_text', 'url', 'country', 'values', 'saved_addresses', 'validation_errors', 'flow_message_version', 'flow_token', 'flow_id', 'flow_name', 'flow_cta', 'flow_action', 'flow_action_payload', 'mode', 'thumbnail_product_retailer_id', 'reference_id', 'type', 'payment_type', 'payment_configuration', 'payment_settings', 'currency', 'total_amount', 'order', 'ttl_minutes', 'payload'],
  'interactive.action.parameters.values': '*',
  'interactive.action.parameters.validation_errors': '*',
  'interactive.action.parameters.saved_addresses[]': ['id', 'value'],
  'interactive.action.parameters.saved_addresses[].value': '*',
  'interactive.action.parameters.flow_action_payload': ['screen', 'data'],
  'interactive.action.cards[]': ['card_index', 'type', 'header', 'body', 'action'],
  'interactive.action.cards[].header': ['type', 'image', 'video'],
  'interactive.action.cards[].header.image': ['id', 'link'],
  'interactive.action.cards[].header.video': ['id', 'link'],
  'interactive.action.cards[].body': ['text'],
  'interactive.action.cards[].action': ['name', 'parameters', 'buttons'],
  'interactive.action.cards[].action.parameters': ['display_text', 'url'],
  'interactive.action.cards[].action.buttons[]': ['type', 'quick_reply'],
  'interactive.action.cards[].action.buttons[].quick_reply': ['id', 'title'],
};

/** Objects inside a Flow's `data` are the Flow's own: any path under it, any key. */
const FLOW_DATA = 'interactive.action.parameters.flow_action_payload.data';
/** An order_details message's order, amounts and payment settings are written as the API has them: any path under them, any key. */
const PAYMENT = ['interactive.action.parameters.order', 'interactive.action.parameters.total_amount', 'interactive.action.parameters.payment_settings'];

/** The keys an object at `path` can have, or undefined when no object of a body has that path. */
export function objectKeys(path: string): readonly string[] | '*' | undefined {
  const generic = path.replace(/\[\d+\]/g, '[]');
  for (const prefix of [FLOW_DATA, ...PAYMENT]) if (generic === prefix || generic.startsWith(`${prefix}.`) || generic.startsWith(`${prefix}[`)) return '*';
  return Object.prototype.hasOwnProperty.call(OBJECTS, generic) ? OBJECTS[generic] : undefined;
}

/**
 * `key_order`: each path names an object of a request body (`$`, `interactive.action`,
 * `interactive.action.buttons[]` or `…buttons[1]`), and lists keys that object can have,
 * each once.
 */
export const keyOrder: Rule = {
  name: 'key-order',
  description: 'A `key_order` names objects of the body and keys they can have, each once.',
  codes: ['WA211'],
  check(m, r) {
    if (!m.keyOrder) return;
    for (const e of m.keyOrder.entries) {
      const allowed = objectKeys(e.path);
      if (allowed === undefined) {
        r.report('WA211', e.pathSpan, `\`${e.path}\` is no object of a request body`, {
          help: 'write a path such as `$` (the body), `interactive.action` or `interactive.action.buttons[]` (every button)',
        });
        continue;
      }
      const seen = new Set<string>();
      for (const k of e.keys) {
        if (seen.has(k.value)) r.report('WA211', k.span, `\`${k.value}\` is listed twice for \`${e.path}\``, { help: 'list each key once' });
        else if (allowed !== '*' && !allowed.includes(k.value)) {
          r.report('WA211', k.span, `\`${e.path}\` has no key \`${k.value}\``, { help: `its keys are ${allowed.map((x) => `\`${x}\``).join(', ')}` });
        }
        seen.add(k.value);
      }
    }
  },
};
