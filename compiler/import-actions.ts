/**
 * `waml import` for the interactive types of commerce, payments and calling: the keys of a
 * message definition from the body's `action`. Strict: a field waml would not write back is
 * refused by name rather than dropped (ActionRefusal, which import.ts reports).
 */
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const isArray = (v: unknown): v is unknown[] => Array.isArray(v);
const isNumber = (v: unknown): v is number => typeof v === 'number';

/** WA821: a field missing or of the wrong type; WA820: a field or value waml cannot write. */
export class ActionRefusal extends Error {
  constructor(
    readonly code: 'WA820' | 'WA821',
    readonly field: string,
    reason: string,
  ) {
    super(reason);
  }
}

function need<T>(v: unknown, what: string, check: (v: unknown) => v is T): T {
  if (v === undefined) throw new ActionRefusal('WA821', what, `\`${what}\` is missing`);
  if (!check(v)) throw new ActionRefusal('WA821', what, `\`${what}\` is ${v === null ? 'null; waml writes a value there or leaves the key out' : 'of the wrong type'}`);
  return v;
}

/** Refuses an object with a key waml would not write back: nothing is dropped without a word. */
function only(o: Obj, keys: readonly string[], what: string): void {
  for (const k of Object.keys(o)) if (!keys.includes(k)) throw new ActionRefusal('WA820', `${what}.${k}`, `\`${what}.${k}\` is not a field waml can write for this type, so the message would change; remove it to import the rest`);
}

/** The action's `name`, which the type fixes. */
function named(action: Obj, name: string): void {
  if (action['name'] !== name) throw new ActionRefusal('WA820', 'interactive.action.name', `interactive.action.name must be \`${name}\`, not ${JSON.stringify(action['name'])}`);
}

/**
 * A `null` anywhere in a value kept as written (`order.tax: null`) is refused by its path in
 * the body (WA821), as every other null is; iteratively, so depth costs no stack.
 */
function noNulls(value: unknown, at: string): void {
  const stack: [unknown, string][] = [[value, at]];
  while (stack.length > 0) {
    const [v, here] = stack.pop()!;
    if (v === null) throw new ActionRefusal('WA821', here, `\`${here}\` is null; waml writes a value there or leaves the key out`);
    if (Array.isArray(v)) v.forEach((x, i) => stack.push([x, `${here}[${i}]`]));
    else if (isObj(v)) for (const [k, x] of Object.entries(v)) stack.push([x, `${here}.${k}`]);
  }
}

/** The keys of the message definition that the action of a `type` message gives. */
export function importCommerceAction(type: string, action: Obj): Obj {
  const m: Obj = {};
  switch (type) {
    case 'product':
      only(action, ['catalog_id', 'product_retailer_id'], 'interactive.action');
      m['catalog'] = need(action['catalog_id'], 'interactive.action.catalog_id', isString);
      m['product'] = need(action['product_retailer_id'], 'interactive.action.product_retailer_id', isString);
      break;
    case 'product_list':
      only(action, ['catalog_id', 'sections'], 'interactive.action');
      m['catalog'] = need(action['catalog_id'], 'interactive.action.catalog_id', isString);
      m['sections'] = need(action['sections'], 'interactive.action.sections', isArray).map((s, si) => {
        const so = need(s, `interactive.action.sections[${si}]`, isObj);
        only(so, ['title', 'product_items'], `interactive.action.sections[${si}]`);
        const out: Obj = {};
        if (so['title'] !== undefined) out['title'] = need(so['title'], `interactive.action.sections[${si}].title`, isString);
        out['products'] = need(so['product_items'], `interactive.action.sections[${si}].product_items`, isArray).map((p, pi) => {
          const po = need(p, `interactive.action.sections[${si}].product_items[${pi}]`, isObj);
          only(po, ['product_retailer_id'], `interactive.action.sections[${si}].product_items[${pi}]`);
          return need(po['product_retailer_id'], `interactive.action.sections[${si}].product_items[${pi}].product_retailer_id`, isString);
        });
        return out;
      });
      break;
    case 'catalog_message': {
      only(action, ['name', 'parameters'], 'interactive.action');
      named(action, 'catalog_message');
      if (action['parameters'] !== undefined) {
        const p = need(action['parameters'], 'interactive.action.parameters', isObj);
        only(p, ['thumbnail_product_retailer_id'], 'interactive.action.parameters');
        m['thumbnail'] = need(p['thumbnail_product_retailer_id'], 'interactive.action.parameters.thumbnail_product_retailer_id', isString);
      }
      break;
    }
    case 'order_details':
      only(action, ['name', 'parameters'], 'interactive.action');
      named(action, 'review_and_pay');
      // Kept as written, in the API's names: the language writes `payment` as the API does.
      m['payment'] = need(action['parameters'], 'interactive.action.parameters', isObj);
      noNulls(m['payment'], 'interactive.action.parameters');
      break;
    case 'order_status': {
      only(action, ['name', 'parameters'], 'interactive.action');
      named(action, 'review_order');
      const p = need(action['parameters'], 'interactive.action.parameters', isObj);
      only(p, ['reference_id', 'order'], 'interactive.action.parameters');
      const o = need(p['order'], 'interactive.action.parameters.order', isObj);
      only(o, ['status', 'description'], 'interactive.action.parameters.order');
      const order: Obj = { reference_id: need(p['reference_id'], 'interactive.action.parameters.reference_id', isString), status: need(o['status'], 'interactive.action.parameters.order.status', isString) };
      if (o['description'] !== undefined) order['description'] = need(o['description'], 'interactive.action.parameters.order.description', isString);
      m['order'] = order;
      break;
    }
    case 'voice_call': {
      only(action, ['name', 'parameters'], 'interactive.action');
      named(action, 'voice_call');
      if (action['parameters'] !== undefined) {
        const p = need(action['parameters'], 'interactive.action.parameters', isObj);
        only(p, ['display_text', 'ttl_minutes', 'payload'], 'interactive.action.parameters');
        const call: Obj = {};
        if (p['display_text'] !== undefined) call['text'] = need(p['display_text'], 'interactive.action.parameters.display_text', isString);
        if (p['ttl_minutes'] !== undefined) call['ttl_minutes'] = need(p['ttl_minutes'], 'interactive.action.parameters.ttl_minutes', isNumber);
        if (p['payload'] !== undefined) call['payload'] = need(p['payload'], 'interactive.action.parameters.payload', isString);
        m['call'] = call;
      }
      break;
    }
    case 'call_permission_request':
      only(action, ['name'], 'interactive.action');
      named(action, 'call_permission_request');
      break;
    default:
      throw new ActionRefusal('WA820', 'interactive.type', `interactive type \`${type}\` is not one of commerce, payments or calling`);
  }
  return m;
}
