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

export type Interactive = ButtonInteractive | ListInteractive | CtaUrlInteractive | CarouselInteractive | LocationRequestInteractive | AddressInteractive | FlowInteractive;

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
