import { render, type Value } from '../../runtime/template.js';
import type { Media, Message, Text } from '../model/types.js';
import { toRuntimeTemplate } from '../templates/runtime.js';
import { categoryOf, type TemplateButton } from './model.js';

/** A message template as a phone shows it: its texts with values in place. */
export interface TemplateView {
  category: string;
  language: string;
  header?: { kind: 'text'; text: string } | { kind: 'image' | 'video' | 'document'; source: string } | { kind: 'location' };
  /** The offer's text and whether it shows its expiry. */
  offer?: { text: string; expires: boolean };
  body: string;
  footer?: string;
  buttons: { kind: string; text: string; id?: string }[];
  cards: { kind: 'image' | 'video'; source: string; body?: string; buttons: { kind: string; text: string; id?: string }[] }[];
}

/** Authentication templates have Meta's preset text (the English wording). */
const AUTH_BODY = (code: string) => `*${code}* is your verification code.`;
const AUTH_SECURITY = 'For your security, do not share this code.';
const AUTH_EXPIRY = (minutes: number) => `This code expires in ${minutes} minutes.`;

/**
 * The view of a template message rendered with `values` (the data file, the params'
 * examples, or generated values). Pure; for a message whose structure is complete.
 */
export function templateView(m: Message, values: { readonly [key: string]: Value }): TemplateView {
  const t = m.template!;
  const text = (x: Text | undefined): string => (x ? (x.templated ? render(toRuntimeTemplate(x), values) : x.value) : '');
  const source = (media: Media | undefined): string => (media?.link ? text(media.link) : media?.id ? `media id ${text(media.id)}` : '');
  const button = (b: TemplateButton): { kind: string; text: string; id?: string } => {
    switch (b.kind) {
      case 'quick_reply':
        return { kind: b.kind, text: text(b.title), id: text(b.id) };
      case 'copy_code':
        return { kind: b.kind, text: `Copy offer code ${text(b.code ?? b.example)}` };
      default:
        return { kind: b.kind, text: text(b.text) };
    }
  };
  const view: TemplateView = { category: categoryOf(t) ?? '', language: t.language?.value ?? '', body: '', buttons: [], cards: [] };
  if (categoryOf(t) === 'authentication') {
    const lines = [AUTH_BODY(t.otp?.code ? text(t.otp.code) : '123456')];
    if (t.securityRecommendation?.value) lines.push(AUTH_SECURITY);
    view.body = lines.join(' ');
    if (t.codeExpiresIn) view.footer = AUTH_EXPIRY(t.codeExpiresIn.value);
    const label = t.otp?.kind?.value === 'copy_code' ? text(t.otp.text) || 'Copy code' : text(t.otp?.autofillText) || 'Autofill';
    view.buttons.push({ kind: 'otp', text: label });
    return view;
  }
  const h = t.header;
  if (h?.kind === 'text') view.header = { kind: 'text', text: text(h.text) };
  else if (h?.kind === 'location') view.header = { kind: 'location' };
  else if (h) view.header = { kind: h.kind, source: source(h.media) };
  if (t.offer) view.offer = { text: text(t.offer.text), expires: t.offer.expires?.value === true };
  view.body = text(t.body);
  if (t.footer) view.footer = text(t.footer);
  view.buttons = (t.buttons?.items ?? []).map(button);
  view.cards = (t.cards?.items ?? []).map((c) => {
    const card: TemplateView['cards'][number] = { kind: c.header?.kind ?? 'image', source: source(c.header?.media), buttons: (c.buttons?.items ?? []).map(button) };
    if (c.body) card.body = text(c.body);
    return card;
  });
  return view;
}
