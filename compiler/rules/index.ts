import { address } from './address.js';
import { body } from './body.js';
import { carouselButtons } from './carousel-buttons.js';
import { carouselCards } from './carousel-cards.js';
import { ctaUrl } from './cta-url.js';
import { flow } from './flow.js';
import { footer } from './footer.js';
import { header } from './header.js';
import { listButton } from './list-button.js';
import { listRows } from './list-rows.js';
import { listSections } from './list-sections.js';
import { media } from './media.js';
import { replyButtons } from './reply-buttons.js';
import type { Rule } from './rule.js';

/** Every rule, in the order they run. */
export const RULES: readonly Rule[] = [
  header,
  media,
  body,
  footer,
  replyButtons,
  listButton,
  listSections,
  listRows,
  ctaUrl,
  carouselCards,
  carouselButtons,
  address,
  flow,
];
