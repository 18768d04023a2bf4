/** The request bodies waml builds, typed as the Cloud API documents them. */

export type Media = { id: string; filename?: string } | { link: string; filename?: string };
export type Header =
  | { type: 'text'; text: string }
  | { type: 'image'; image: Media }
  | { type: 'video'; video: Media }
  | { type: 'document'; document: Media };
export interface TextObject {
  text: string;
}

export interface ButtonInteractive {
  type: 'button';
  header?: Header;
  body: TextObject;
  footer?: TextObject;
  action: { buttons: { type: 'reply'; reply: { id: string; title: string } }[] };
}
export interface ListInteractive {
  type: 'list';
  header?: Header;
  body: TextObject;
  footer?: TextObject;
  action: { button: string; sections: { title?: string; rows: { id: string; title: string; description?: string }[] }[] };
}
export interface CtaUrlInteractive {
  type: 'cta_url';
  header?: Header;
  body: TextObject;
  footer?: TextObject;
  action: { name: 'cta_url'; parameters: { display_text: string; url: string } };
}
export interface CarouselCard {
  card_index: number;
  type: 'cta_url';
  header: Header;
  body?: TextObject;
  action: { name: 'cta_url'; parameters: { display_text: string; url: string } } | { buttons: { type: 'quick_reply'; quick_reply: { id: string; title: string } }[] };
}
export interface CarouselInteractive {
  type: 'carousel';
  body: TextObject;
  action: { cards: CarouselCard[] };
}
export interface LocationRequestInteractive {
  type: 'location_request_message';
  body: TextObject;
  action: { name: 'send_location' };
}
export interface AddressInteractive {
  type: 'address_message';
  header?: Header;
  body: TextObject;
  footer?: TextObject;
  action: { name: 'address_message'; parameters: { country: string; [key: string]: unknown } };
}
export interface FlowInteractive {
  type: 'flow';
  header?: Header;
  body: TextObject;
  footer?: TextObject;
  action: { name: 'flow'; parameters: { flow_message_version: string; flow_cta: string; [key: string]: unknown } };
}

export interface ProductInteractive {
  type: 'product';
  body?: TextObject;
  footer?: TextObject;
  action: { catalog_id: string; product_retailer_id: string };
}
export interface ProductListInteractive {
  type: 'product_list';
  header: { type: 'text'; text: string };
  body: TextObject;
  footer?: TextObject;
  action: { catalog_id: string; sections: { title?: string; product_items: { product_retailer_id: string }[] }[] };
}
export interface CatalogInteractive {
  type: 'catalog_message';
  body: TextObject;
  footer?: TextObject;
  action: { name: 'catalog_message'; parameters?: { thumbnail_product_retailer_id: string } };
}
/** An amount in the API's form: `value` / `offset` (1100 / 100 is 11.00). */
export interface Amount {
  value: number;
  offset: number;
}
export interface OrderDetailsInteractive {
  type: 'order_details';
  header?: Header;
  body: TextObject;
  footer?: TextObject;
  action: {
    name: 'review_and_pay';
    parameters: { reference_id: string; type: string; currency: string; total_amount: Amount; order: { status: string; items: { retailer_id: string; name: string; amount: Amount; quantity: number; [key: string]: unknown }[]; subtotal: Amount; [key: string]: unknown }; [key: string]: unknown };
  };
}
export interface OrderStatusInteractive {
  type: 'order_status';
  header?: Header;
  body: TextObject;
  footer?: TextObject;
  action: { name: 'review_order'; parameters: { reference_id: string; order: { status: string; description?: string } } };
}
export interface VoiceCallInteractive {
  type: 'voice_call';
  header?: Header;
  body: TextObject;
  footer?: TextObject;
  action: { name: 'voice_call'; parameters?: { display_text?: string; ttl_minutes?: number; payload?: string } };
}
export interface CallPermissionRequestInteractive {
  type: 'call_permission_request';
  body: TextObject;
  action: { name: 'call_permission_request' };
}

export type Interactive =
  | ButtonInteractive
  | ListInteractive
  | CtaUrlInteractive
  | CarouselInteractive
  | LocationRequestInteractive
  | AddressInteractive
  | FlowInteractive
  | ProductInteractive
  | ProductListInteractive
  | CatalogInteractive
  | OrderDetailsInteractive
  | OrderStatusInteractive
  | VoiceCallInteractive
  | CallPermissionRequestInteractive;

export interface RequestBody<I extends Interactive = Interactive> {
  messaging_product: 'whatsapp';
  /** `group` for a group's id in `to`. */
  recipient_type: 'individual' | 'group';
  /** A phone number, or a group's id. */
  to?: string;
  /** A business-scoped user id. */
  recipient?: string;
  /** The message this one replies to. */
  context?: { message_id: string };
  biz_opaque_callback_data?: string;
  type: 'interactive';
  interactive: I;
}
