// A user's code against the generated modules: what must type-check, and, on each line
// after a @ts-expect-error, what must not.
import type { InboundMessage } from '@waml/runtime';
import { catalog, type CatalogReplyId } from '../golden/ts/catalog.wa.js';
import { orderStatus } from '../golden/ts/order-status.wa.js';
import { personalMenu } from '../golden/ts/personal-menu.wa.js';
import { helpMenu, type HelpMenuReply } from '../golden/ts/support-menu.wa.js';
import { loginCode, orderShipped, springSale, type OrderShippedReply } from '../golden/ts/templates.wa.js';
import { careMenu, careReminder, type CareMenuLanguage, type CareMenuOptions } from '../golden/ts/plant-care.wa.js';

export function ok(message: InboundMessage): string[] {
  const out: string[] = [];
  out.push(helpMenu.build('12015550123').interactive.type);
  out.push(helpMenu.build(undefined).interactive.body.text);
  out.push(personalMenu.build(undefined, { first_name: 'Asha', vip: true, open_orders: 2 }).interactive.action.buttons[0]?.reply.id ?? '');
  out.push(catalog.build(undefined, { products: [{ sku: 'A-1', name: 'Fern', price: 3 }] }).interactive.action.button);
  out.push(orderStatus.build(undefined, { order_id: 'GT-1', carrier: 'DTDC', eta_days: 3 }).interactive.action.parameters.url);
  const reply: HelpMenuReply | undefined = helpMenu.parseReply(message);
  if (reply?.id === 'track_order') out.push(reply.title);
  const id: CatalogReplyId | undefined = catalog.parseReply(message)?.id;
  if (id === 'all_products' || id?.startsWith('sku:')) out.push(id);
  // Message templates: the send body, and a quick-reply tap typed by its id.
  out.push(orderShipped.build('12015550123', { first_name: 'Asha', order_id: 'GT-1' }).template.name);
  out.push(springSale.build(undefined, { first_name: 'Asha', coupon: 'SPRING25', offer_ends: 1767225600000, banner: 'https://e.com/a.png' }).type);
  out.push(loginCode.build(undefined, { code: '123456' }).template.language.code);
  const tap: OrderShippedReply | undefined = orderShipped.parseReply(message);
  if (tap?.id === 'track' || tap?.id === 'talk_to_us') out.push(tap.title);
  // A message in three languages: the default, one by name, each of its list.
  out.push(careMenu.build(undefined, { plant: 'Aloe' }).interactive.body.text);
  out.push(careMenu.build(undefined, { plant: 'Aloe' }, { language: 'de' }).interactive.body.text);
  for (const language of careMenu.languages) out.push(careMenu.build(undefined, { plant: 'Aloe' }, { language }).interactive.action.buttons[0]?.reply.title ?? '');
  const options: CareMenuOptions = {};
  const es: CareMenuLanguage = 'es';
  out.push(careMenu.build(undefined, { plant: 'Aloe' }, { ...options, language: es }).interactive.type);
  out.push(careReminder.build(undefined, {}, { language: 'es' }).template.language.code);
  out.push(careReminder.build(undefined).template.language.code);
  return out;
}

export function wrong(message: InboundMessage): void {
  // @ts-expect-error: a param of the wrong type
  personalMenu.build(undefined, { first_name: 'Asha', vip: 'yes', open_orders: 2 });
  // @ts-expect-error: a missing param
  personalMenu.build(undefined, { first_name: 'Asha', open_orders: 2 });
  // @ts-expect-error: a value outside the param's enum
  orderStatus.build(undefined, { order_id: 'GT-1', carrier: 'UPS', eta_days: 3 });
  const reply = helpMenu.parseReply(message);
  // @ts-expect-error: an id that no button of the message has
  if (reply?.id === 'cancel_order') return;
  // @ts-expect-error: a catalog id must start with `sku:` unless it is a fixed one
  const id: CatalogReplyId = 'A-1';
  void id;
  // @ts-expect-error: a template's missing param
  loginCode.build(undefined, {});
  // @ts-expect-error: a quick reply the template does not have
  if (orderShipped.parseReply(message)?.id === 'cancel') return;
  // @ts-expect-error: a language the message does not have
  careMenu.build(undefined, { plant: 'Aloe' }, { language: 'fr' });
  // @ts-expect-error: a language the template does not have
  careReminder.build(undefined, {}, { language: 'de_DE' });
  // @ts-expect-error: a message in one language takes no options
  loginCode.build(undefined, { code: '123456' }, { language: 'en_US' });
}
