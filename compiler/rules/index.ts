import { address } from './address.js';
import { body } from './body.js';
import { carouselButtons } from './carousel-buttons.js';
import { carouselCards } from './carousel-cards.js';
import { ctaUrl } from './cta-url.js';
import { flow } from './flow.js';
import { footer } from './footer.js';
import { header } from './header.js';
import { keyOrder } from './key-order.js';
import { listButton } from './list-button.js';
import { listRows } from './list-rows.js';
import { listSections } from './list-sections.js';
import { media } from './media.js';
import { replyButtons } from './reply-buttons.js';
import { commerceIds } from './commerce-ids.js';
import { productList } from './product-list.js';
import { orderDetails } from './order-details.js';
import { orderStatus } from './order-status.js';
import { voiceCall } from './voice-call.js';
import { templateIdentity } from './template-identity.js';
import { templateCategory } from './template-category.js';
import { templateParts } from './template-parts.js';
import { templatePlaceholders } from './template-placeholders.js';
import { templateExamples } from './template-examples.js';
import { templateVariablePlacement } from './template-variable-placement.js';
import { templateHeader } from './template-header.js';
import { templateBody } from './template-body.js';
import { templateFooter } from './template-footer.js';
import { templateButtons } from './template-buttons.js';
import { templateUrlButton } from './template-url-button.js';
import { templateButtonValues } from './template-button-values.js';
import { templateFlowButton } from './template-flow-button.js';
import { templateAuthentication } from './template-authentication.js';
import { templateCarousel } from './template-carousel.js';
import { templateOffer } from './template-offer.js';
import { templateTtl } from './template-ttl.js';
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
  commerceIds,
  productList,
  orderDetails,
  orderStatus,
  voiceCall,
  keyOrder,
  templateIdentity,
  templateCategory,
  templateParts,
  templatePlaceholders,
  templateExamples,
  templateVariablePlacement,
  templateHeader,
  templateBody,
  templateFooter,
  templateButtons,
  templateUrlButton,
  templateButtonValues,
  templateFlowButton,
  templateAuthentication,
  templateCarousel,
  templateOffer,
  templateTtl,
];
