import { TEMPLATE_LANGUAGES } from './message-templates/languages.js';

/**
 * Every API limit waml checks, as data: one row per limit, each with its source. A change of
 * the API is a change of one row here; the rules in rules/ read these rows and hold no
 * numbers of their own.
 *
 * Policy where sources disagree: the larger limit is an error (`severity: 'error'`) and the
 * smaller one a warning (`severity: 'warning'`) whose `source` names the sources.
 */

export interface Limit {
  /** What the limit concerns, in the words a diagnostic uses: "button title". */
  label: string;
  /** The field in the request body. */
  field: string;
  min?: number;
  max?: number;
  /** For enumerations: the values the API accepts. */
  values?: readonly string[];
  severity: 'error' | 'warning';
  source: string;
  /** How the limit reads in the README's table, where min/max/values alone would not say it. */
  wording?: string;
  /**
   * How sure the limit is, for rows whose source is not simply Meta's page: `Meta OpenAPI`
   * (only in Meta's machine artefacts), `library` or `vendor` (Meta is silent), `observed`
   * (only in real error responses).
   */
  basis?: 'Meta' | 'Meta OpenAPI' | 'library' | 'vendor' | 'observed';
}

const MESSAGES_REF = 'Messages reference';

export const LIMITS = {
  // Every type.
  bodyText: { label: 'body', field: 'interactive.body.text', max: 1024, severity: 'error', source: `${MESSAGES_REF}; OpenAPI BodyObject.text maxLength` },
  footerText: { label: 'footer', field: 'interactive.footer.text', max: 60, severity: 'error', source: `${MESSAGES_REF}; OpenAPI FooterObject.text maxLength` },
  headerText: { label: 'header text', field: 'interactive.header.text', max: 60, severity: 'error', source: `${MESSAGES_REF}; OpenAPI HeaderObject.text maxLength` },
  headerKinds: { label: 'header', field: 'interactive.header.type', values: ['text', 'image', 'video', 'document'], severity: 'error', source: `${MESSAGES_REF}; OpenAPI HeaderObject.type` },
  mediaSchemes: { label: 'media link', field: 'header.<media>.link', values: ['http', 'https'], severity: 'error', source: 'OpenAPI MediaObject.link (HTTP/HTTPS only)' },

  // Reply buttons.
  buttonCount: { label: 'reply buttons', field: 'interactive.action.buttons', min: 1, max: 3, severity: 'error', source: 'Reply buttons page; OpenAPI ActionObject.buttons' },
  buttonId: { label: 'button id', field: 'action.buttons[].reply.id', max: 256, severity: 'error', source: 'Reply buttons page; OpenAPI reply.id maxLength' },
  buttonTitle: { label: 'button title', field: 'action.buttons[].reply.title', max: 20, severity: 'error', source: 'Reply buttons page; OpenAPI reply.title maxLength' },

  // Lists.
  listBodyText: { label: 'list body', field: 'interactive.body.text', max: 4096, severity: 'error', source: 'List messages page' },
  listBodyTextAdvised: { label: 'list body', field: 'interactive.body.text', max: 1024, severity: 'warning', source: `${MESSAGES_REF} and OpenAPI BodyObject.text say 1024; the list page says 4096` },
  listHeaderKinds: { label: 'list header', field: 'interactive.header.type', values: ['text'], severity: 'error', source: 'List messages page: text headers only' },
  listButton: { label: 'list button', field: 'interactive.action.button', max: 20, severity: 'error', source: 'List messages page; OpenAPI ActionObject.button maxLength' },
  sectionCount: { label: 'sections', field: 'interactive.action.sections', min: 1, max: 10, severity: 'error', source: 'List messages page; OpenAPI ActionObject.sections' },
  sectionTitle: { label: 'section title', field: 'action.sections[].title', max: 24, severity: 'error', source: 'List messages page; OpenAPI SectionObject.title maxLength' },
  sectionTitleRequired: { label: 'section title', field: 'action.sections[].title', min: 2, wording: 'required with 2 or more sections', severity: 'error', source: `${MESSAGES_REF}: required when there is more than one section` },
  sectionTitleAdvised: { label: 'section title', field: 'action.sections[].title', min: 1, wording: 'advised with 1 section', severity: 'warning', source: `List messages page: required (${MESSAGES_REF}: only with more than one section)` },
  rowsPerSection: { label: 'rows in a section', field: 'action.sections[].rows', min: 1, severity: 'error', source: 'List messages page' },
  rowsTotal: { label: 'rows in total across all sections', field: 'action.sections[].rows', max: 10, severity: 'error', source: 'List messages page: at most 10 rows across all sections' },
  rowId: { label: 'row id', field: 'action.sections[].rows[].id', max: 200, severity: 'error', source: 'List messages page; OpenAPI RowObject.id maxLength' },
  rowTitle: { label: 'row title', field: 'action.sections[].rows[].title', max: 24, severity: 'error', source: 'List messages page; OpenAPI RowObject.title maxLength' },
  rowDescription: { label: 'row description', field: 'action.sections[].rows[].description', max: 72, severity: 'error', source: 'List messages page; OpenAPI RowObject.description maxLength' },

  // CTA URL.
  ctaDisplayText: { label: 'button text', field: 'action.parameters.display_text', max: 20, severity: 'error', source: 'CTA URL button messages page' },
  urlSchemes: { label: 'URL', field: 'action.parameters.url', values: ['https', 'http'], severity: 'error', source: 'CTA URL button messages page: an absolute http(s) URL' },

  // Carousels.
  carouselHeaderKinds: { label: 'carousel', field: 'interactive.header', values: [], severity: 'error', source: 'Media carousel page: no header on the message, only on cards' },
  carouselFooter: { label: 'carousel', field: 'interactive.footer', max: 0, severity: 'error', source: 'Media carousel page: no footer on the message' },
  cardCount: { label: 'cards', field: 'interactive.action.cards', min: 2, max: 10, severity: 'error', source: 'Media carousel page' },
  cardHeaderKinds: { label: 'card header', field: 'cards[].header.type', values: ['image', 'video'], severity: 'error', source: 'Media carousel page' },
  cardBody: { label: 'card body', field: 'cards[].body.text', max: 160, severity: 'error', source: 'Media carousel page' },
  cardBodyLineBreaks: { label: 'card body', field: 'cards[].body.text', max: 2, wording: '≤ 2 line breaks', severity: 'error', source: 'Media carousel page: at most 2 line breaks' },
  cardUrlButtons: { label: 'URL buttons on a card', field: 'cards[].action', min: 1, max: 1, severity: 'error', source: 'Media carousel page' },
  cardQuickReplies: { label: 'quick-reply buttons on a card', field: 'cards[].action.buttons', min: 1, severity: 'error', source: 'Media carousel page: "one or more quick-reply buttons" (no maximum given)' },
  cardQuickRepliesAdvised: { label: 'quick-reply buttons on a card', field: 'cards[].action.buttons', max: 3, severity: 'warning', basis: 'library', source: 'pywa allows at most 3; Meta\'s media carousel page gives no number' },
  cardQuickReplyId: { label: 'quick-reply id', field: 'cards[].action.buttons[].quick_reply.id', max: 256, severity: 'error', source: 'Media carousel page' },
  cardQuickReplyTitle: { label: 'quick-reply title', field: 'cards[].action.buttons[].quick_reply.title', max: 20, severity: 'error', source: 'Media carousel page' },

  // Location requests.
  locationHeaderKinds: { label: 'location request', field: 'interactive.header', values: [], severity: 'error', source: 'Location request messages page: body only' },
  locationFooter: { label: 'location request', field: 'interactive.footer', max: 0, severity: 'error', source: 'Location request messages page: body only' },

  // Address messages.
  addressCountry: { label: 'address country', field: 'action.parameters.country', values: ['IN'], severity: 'warning', source: 'Address messages page: available in India only' },
  addressPinCode: { label: 'in_pin_code', field: 'action.parameters.values.in_pin_code', max: 6, severity: 'error', source: 'Address messages page' },

  // Flows.
  flowVersion: { label: 'flow message version', field: 'action.parameters.flow_message_version', values: ['3'], severity: 'error', source: 'Flows sending page' },
  flowCta: { label: 'Flow button text', field: 'action.parameters.flow_cta', max: 30, severity: 'error', source: 'Flows sending page (Meta advises at most 30)' },
  flowCtaAdvised: { label: 'Flow button text', field: 'action.parameters.flow_cta', max: 20, severity: 'warning', source: 'whatsapp-api-js and pywa enforce 20; Meta advises 30' },
  flowMode: { label: 'Flow mode', field: 'action.parameters.mode', values: ['draft', 'published'], severity: 'error', source: 'Flows sending page' },
  flowAction: { label: 'Flow action', field: 'action.parameters.flow_action', values: ['navigate', 'data_exchange'], severity: 'error', source: 'Flows sending page' },
  flowDataText: { label: 'Flow data', field: 'action.parameters.flow_action_payload.data', wording: 'a mapping, or a JSON object serialized to a text', severity: 'error', source: 'Flows sending page ("Sending a Flow", 2026) sends `data` as a JSON object serialized to a string; the Messages reference and OpenAPI say an object: both are accepted, the newest page followed' },

  // Single- and multi-product messages, catalog messages (Meta's catalogs pages, 2026).
  productHeaderKinds: { label: 'single-product message', field: 'interactive.header', values: [], severity: 'error', source: "OpenAPI HeaderObject: cannot be set for 'product' type; Single-product messages page" },
  productListHeaderKinds: { label: 'multi-product header', field: 'interactive.header.type', values: ['text'], severity: 'error', source: "Multi-product messages page: a text header, required; OpenAPI HeaderObject: required for 'product_list'" },
  productSections: { label: 'sections', field: 'interactive.action.sections', min: 1, max: 10, severity: 'error', source: 'Multi-product messages page; OpenAPI ActionObject.sections' },
  productSectionTitle: { label: 'section title', field: 'action.sections[].title', max: 24, severity: 'error', source: 'Multi-product messages page; OpenAPI SectionObject.title maxLength' },
  productSectionTitleRequired: { label: 'section title', field: 'action.sections[].title', min: 2, wording: 'required with 2 or more sections', severity: 'error', source: 'OpenAPI SectionObject.title: required if the message has more than one section' },
  productsPerSection: { label: 'products in a section', field: 'action.sections[].product_items', min: 1, severity: 'error', source: 'OpenAPI SectionObject.product_items minItems 1 (its maxItems 30 is also the limit across all sections)' },
  productsTotal: { label: 'products in total across all sections', field: 'action.sections[].product_items', max: 30, severity: 'error', source: 'Multi-product messages page: at most 30 products across all sections' },
  productRetailerId: { label: 'product retailer id', field: 'action.product_retailer_id', max: 100, severity: 'error', source: "Catalog supported fields page (Commerce): a product's `id`, which messages name as `product_retailer_id`, has a character limit of 100" },
  catalogHeaderKinds: { label: 'catalog message', field: 'interactive.header', values: [], severity: 'error', source: 'Catalog messages page: a fixed header that the business does not set' },

  // Payments (India): order_details and order_status.
  orderReferenceId: { label: 'reference_id', field: 'action.parameters.reference_id', max: 35, wording: '≤ 35; letters, digits, `_` `-` `.`', severity: 'error', source: 'Payments API (payment gateways) page: unique, English letters, numbers, underscores, dashes or dots, at most 35 characters' },
  orderGoodsType: { label: 'order type', field: 'action.parameters.type', values: ['digital-goods', 'physical-goods'], severity: 'error', source: 'Payments API (payment gateways) page' },
  orderCurrency: { label: 'currency', field: 'action.parameters.currency', values: ['INR'], severity: 'error', source: 'Payments API (payment gateways) page: INR only' },
  orderDetailsStatus: { label: 'order status', field: 'action.parameters.order.status', values: ['pending'], severity: 'error', source: 'Payments API (payment gateways) page: only `pending` in order_details' },
  orderItemName: { label: 'item name', field: 'action.parameters.order.items[].name', max: 60, severity: 'error', source: 'Payments API (payment gateways) page: cannot exceed 60 characters' },
  orderAmounts: { label: 'order amounts', field: 'action.parameters.total_amount', wording: 'subtotal = Σ price × quantity; total = subtotal + tax + shipping − discount', severity: 'error', source: 'Payments API (payment gateways) page: subtotal is the sum of items (sale_amount when given) times quantity; total_amount is subtotal + tax + shipping − discount' },
  orderOffset: { label: 'amount offset', field: 'action.parameters.**.offset', min: 100, max: 100, wording: '100 (the only currency is INR)', severity: 'error', source: 'Payments API (payment gateways) page, amount object: "offset Must be 100 for INR"; INR is the only currency' },
  orderStatusValues: { label: 'order status', field: 'action.parameters.order.status', values: ['pending', 'processing', 'partially-shipped', 'shipped', 'completed', 'canceled'], severity: 'error', source: 'Send order status template message page (payments): pending, processing, partially-shipped, shipped, completed, canceled' },
  orderStatusVendorSpelling: { label: 'order status', field: 'action.parameters.order.status', values: ['partially_shipped'], severity: 'warning', basis: 'vendor', source: "Splashify's order status API writes `partially_shipped`; Meta's order status page writes `partially-shipped`" },
  orderStatusDescription: { label: 'status description', field: 'action.parameters.order.description', max: 120, severity: 'error', source: 'Order status page (payments): at most 120 characters' },

  // Calling (2025-26): the call button and the call permission request.
  voiceCallDisplayText: { label: 'call button text', field: 'action.parameters.display_text', max: 20, severity: 'error', source: "Call button messages page; Kapso's voice call page (default `Call Now`)" },
  voiceCallTtl: { label: 'ttl_minutes', field: 'action.parameters.ttl_minutes', min: 1, max: 43200, severity: 'error', source: "Call button messages page; Kapso's voice call page: 1 to 43200 minutes (default 10080)" },
  voiceCallPayload: { label: 'call payload', field: 'action.parameters.payload', max: 512, severity: 'error', source: "Call button messages page; Kapso's voice call page: returned as `cta_payload` in call webhooks" },
  callPermissionHeaderKinds: { label: 'call permission request', field: 'interactive.header', values: [], severity: 'error', source: 'Call permission request page: only the body can be customized' },
  callPermissionFooter: { label: 'call permission request', field: 'interactive.footer', max: 0, severity: 'error', source: 'Call permission request page: only the body can be customized' },

  // Message templates on the account (waml templates push).
  templateEditableStatuses: { label: 'template status for an edit', field: 'POST /<TEMPLATE_ID>', values: ['APPROVED', 'REJECTED', 'PAUSED'], severity: 'error', source: 'Template management page: only APPROVED, REJECTED or PAUSED templates can be edited' },
  templateApprovedEditsPerDay: { label: 'edits of an approved template in 24 hours', field: 'POST /<TEMPLATE_ID>', max: 1, severity: 'error', source: 'Template management page (Meta refuses beyond it)' },
  templateApprovedEditsPer30Days: { label: 'edits of an approved template in 30 days', field: 'POST /<TEMPLATE_ID>', max: 10, severity: 'error', source: 'Template management page (Meta refuses beyond it)' },
  templateUploadTypes: { label: 'media sample type', field: 'POST /<APP_ID>/uploads file_type', values: ['application/pdf', 'image/jpeg', 'image/jpg', 'image/png', 'video/mp4'], severity: 'error', source: 'Graph API "Upload a file" guide (Resumable Upload API)' },

  // Message templates (`type: template`). Pages: Meta's "Template components", "Templates"
  // (overview), "Template review", "Supported languages", "Authentication templates" and its
  // one-tap and zero-tap pages, "Limited-time offer templates", "Media card carousel
  // templates", "Time-to-live", "Call button messages"; Meta's OpenAPI description
  // (facebook/openapi business-messaging-api_v23.0).
  tplName: { label: 'template name', field: 'name', min: 1, max: 512, severity: 'error', source: 'Templates page: lowercase letters, digits and underscores; One-tap, LTO and carousel pages: at most 512 characters' },
  tplLanguage: { label: 'template language', field: 'language', values: TEMPLATE_LANGUAGES, wording: "Meta's 111 template language codes", severity: 'error', source: 'Supported languages page (Nov 4, 2025): 111 codes, case-sensitive, with `_`; copied with its source in test/fixtures/message-template-languages.txt' },
  tplCategory: { label: 'category', field: 'category', values: ['marketing', 'utility', 'authentication'], severity: 'error', source: 'Templates page; Template categorization page' },
  tplMarketingOnly: { label: 'carousels and limited-time offers', field: 'category', values: ['marketing'], severity: 'error', source: 'LTO page: only MARKETING templates; Media card carousel page: carousel cards are only available for marketing' },
  tplOtpAuthOnly: { label: 'one-time passcodes', field: 'category', values: ['authentication'], severity: 'error', source: 'Template categorization page: only AUTHENTICATION templates may carry one-time passcodes' },
  tplLocationHeaderCategories: { label: 'location header', field: 'components[HEADER].format', values: ['utility', 'marketing'], severity: 'error', source: 'Template components page: LOCATION headers in UTILITY or MARKETING templates' },
  tplUtilityCopyCode: { label: 'copy-code button', field: 'components[BUTTONS].buttons[COPY_CODE]', values: ['marketing'], severity: 'warning', basis: 'vendor', source: 'Gupshup template button list: UTILITY templates cannot use COPY_CODE (Meta is silent)' },
  tplNamedVariable: { label: 'named variable', field: 'components[].text {{name}}', wording: 'lowercase letters and `_`', severity: 'error', source: 'Templates page: lowercase characters and underscores, unique in the template' },
  tplNamedVariableAdvised: { label: 'named variable', field: 'components[].text {{name}}', max: 20, wording: '≤ 20, no digits', severity: 'warning', basis: 'library', source: 'whatsapp-api-js `^[a-z_]{1,20}$`; Meta gives no length' },
  tplVariableEdges: { label: 'body variable', field: 'components[BODY].text', wording: 'not first or last', severity: 'error', source: 'Template review page; Error codes page: 2388299 leading or trailing parameters not allowed' },
  tplVariableTrailingPunctuation: { label: 'body variable', field: 'components[BODY].text', wording: 'not followed only by punctuation', severity: 'warning', basis: 'vendor', source: 'CommzGate, DoubleTick, BusinessChat: a variable followed only by punctuation counts as trailing' },
  tplVariableAdjacent: { label: 'variables', field: 'components[].text', wording: 'not side by side', severity: 'error', basis: 'vendor', source: 'CommzGate, DoubleTick, Twilio 63040: no two variables side by side or with only white space between (Meta: review)' },
  tplVariableRatio: { label: 'words per variable', field: 'components[BODY].text', min: 2, wording: '≥ 2n+1 other words for n variables', severity: 'error', basis: 'vendor', source: 'Syniverse, Mercuri (3n+1 words and variables), Maqsam (2n+1 other words): the same bound; Meta publishes none (2388293)' },
  tplVariablesMax: { label: 'variables in a template', field: 'components[].text', max: 100, severity: 'error', basis: 'vendor', source: 'Maqsam: at most 100 variables per template (Meta gives no number)' },
  tplHeaderVariables: { label: 'header variables', field: 'components[HEADER].text', max: 1, severity: 'error', source: 'Template components page: text headers support 1 parameter' },
  tplExample: { label: 'variable example', field: 'components[].example', min: 1, wording: 'one per variable', severity: 'error', source: 'Templates page: include an example value for each parameter; Template review page' },
  tplHeaderText: { label: 'template header', field: 'components[HEADER].text', max: 60, severity: 'error', source: 'Template components page (2388040)' },
  tplHeaderMarkdown: { label: 'template header', field: 'components[HEADER].text', values: ['*', '_', '~', '`'], wording: 'no `*` `_` `~` `` ` ``', severity: 'error', source: 'Template components page: markdown special characters are not supported (2388047)' },
  tplHeaderAdvice: { label: 'template header', field: 'components[HEADER].text', wording: 'no emoji or line breaks', severity: 'warning', basis: 'vendor', source: 'Twilio 63040: no emoji, no line breaks in a header (Meta is silent)' },
  tplMediaSample: { label: 'media header sample', field: 'components[HEADER].example.header_handle', min: 1, max: 1, severity: 'error', source: 'Template components page: media headers need example.header_handle' },
  tplBody: { label: 'template body', field: 'components[BODY].text', max: 1024, severity: 'error', source: 'Template components page (2388040)' },
  tplBodyLineBreaks: { label: 'template body', field: 'components[BODY].text', wording: 'line breaks advised against', severity: 'warning', basis: 'vendor', source: "Twilio 63040 says a body cannot contain line breaks; Meta's own examples have them" },
  tplFooter: { label: 'template footer', field: 'components[FOOTER].text', max: 60, severity: 'error', source: 'Template components page (2388040)' },
  tplFooterVariables: { label: 'footer variables', field: 'components[FOOTER].text', max: 0, severity: 'error', source: 'Template components page (no footer example); pywa, Kapso, Twilio 63040 (2388073); the utility and catalog pages say variables are supported' },
  tplButtons: { label: 'buttons', field: 'components[BUTTONS].buttons', max: 10, severity: 'error', source: 'Template components page' },
  tplQuickReplies: { label: 'quick-reply buttons', field: 'buttons[QUICK_REPLY]', max: 10, severity: 'error', source: 'Template components page' },
  tplUrlButtons: { label: 'URL buttons', field: 'buttons[URL]', max: 2, severity: 'error', source: 'Template components page' },
  tplPhoneButtons: { label: 'phone buttons', field: 'buttons[PHONE_NUMBER]', max: 1, severity: 'error', source: 'Template components page' },
  tplCopyCodeButtons: { label: 'copy-code buttons', field: 'buttons[COPY_CODE]', max: 1, severity: 'error', source: 'Template components page; Coupon templates page' },
  tplVoiceCallButtons: { label: 'voice-call buttons', field: 'buttons[VOICE_CALL]', max: 1, severity: 'error', basis: 'library', source: 'pywa VoiceCallButton (the Call button page gives the syntax, no number)' },
  tplButtonGrouping: { label: 'quick replies', field: 'components[BUTTONS].buttons', wording: 'one group, before or after the others', severity: 'error', source: 'Template components page; Kapso grouping check' },
  tplButtonLabel: { label: 'button label', field: 'buttons[].text', max: 25, severity: 'error', source: 'Template components page; Flows page; One-tap page (2388040)' },
  tplButtonLabelCharacters: { label: 'button label', field: 'buttons[].text', wording: 'no emoji or line breaks', severity: 'warning', source: "Utility, marketing and coupon pages say alphanumeric only; Meta's own labels have spaces and `!`" },
  tplButtonDisplay: { label: 'buttons', field: 'components[BUTTONS].buttons', max: 3, wording: '> 3, or quick replies with others: shown differently', severity: 'warning', source: 'Template components page: more than 3 buttons show "See all options"; 4 or more, or quick replies with others, are not shown on desktop' },
  tplUrl: { label: 'button URL', field: 'buttons[URL].url', max: 2000, severity: 'error', source: 'Template components page; LTO page: the suffix counts against 2000' },
  tplUrlVariables: { label: 'URL variables', field: 'buttons[URL].url', max: 1, wording: '≤ 1, at the end', severity: 'error', source: 'Template components page; Media card carousel page: appended to the end' },
  tplUrlSchemes: { label: 'button URL', field: 'buttons[URL].url', values: ['https', 'http'], severity: 'error', source: 'Template components page: a URL' },
  tplPhone: { label: 'phone number', field: 'buttons[PHONE_NUMBER].phone_number', max: 20, severity: 'error', source: 'Template components page; Media card carousel page' },
  tplCopyCode: { label: 'coupon code', field: 'buttons[COPY_CODE].example', max: 20, severity: 'error', source: 'Coupon templates page (Dec 3, 2025): at most 20, alphanumeric' },
  tplCopyCodeAdvised: { label: 'coupon code', field: 'buttons[COPY_CODE].example', max: 15, severity: 'warning', source: 'Template components and LTO pages, Kapso say 15; the coupon page says 20' },
  tplFlowTarget: { label: 'Flow', field: 'buttons[FLOW].flow_id | flow_name | flow_json', min: 1, max: 1, wording: 'exactly one of id, name, json', severity: 'error', source: 'Flows sending page; Kapso' },
  tplFlowAction: { label: 'Flow action', field: 'buttons[FLOW].flow_action', values: ['navigate', 'data_exchange'], severity: 'error', source: 'Flows sending page' },
  tplFlowIcon: { label: 'Flow icon', field: 'buttons[FLOW].icon', values: ['DOCUMENT', 'PROMOTION', 'REVIEW'], severity: 'error', basis: 'library', source: 'pywa FlowButtonIcon; Kapso' },
  tplVoiceCallTtl: { label: 'voice call ttl_minutes', field: 'button[voice_call].ttl_minutes', min: 1, max: 43200, severity: 'error', source: 'Call button messages page' },
  tplVoiceCallPayload: { label: 'voice call payload', field: 'button[voice_call].payload', max: 512, severity: 'error', source: 'Call button messages page' },
  tplAuthParts: { label: 'authentication template', field: 'components', wording: 'body, footer and one OTP button only; no text', severity: 'error', source: "Authentication templates page: Meta's preset text; URLs, media and emoji are not supported" },
  tplAuthCode: { label: 'one-time code', field: 'components[body].parameters[0].text', max: 15, severity: 'error', source: 'Template categorization page: parameters are restricted to 15 characters; One-tap page' },
  tplCodeExpiration: { label: 'code_expires_in', field: 'components[FOOTER].code_expiration_minutes', min: 1, max: 90, severity: 'error', source: 'One-tap and zero-tap pages; upsert reference' },
  tplOtpKinds: { label: 'OTP kind', field: 'buttons[OTP].otp_type', values: ['copy_code', 'one_tap', 'zero_tap'], severity: 'error', source: 'Authentication templates page' },
  tplOtpLabel: { label: 'OTP label', field: 'buttons[OTP].text | autofill_text', max: 25, severity: 'error', source: 'One-tap page; zero-tap page (2388040)' },
  tplPackageName: { label: 'package name', field: 'supported_apps[].package_name', max: 224, wording: '≤ 224, 2 or more dotted segments', severity: 'error', source: 'One-tap and zero-tap pages; Kapso regex' },
  tplSignatureHash: { label: 'signature hash', field: 'supported_apps[].signature_hash', min: 11, max: 11, severity: 'error', source: 'One-tap and zero-tap pages: 11 characters of [A-Za-z0-9+/=]' },
  tplSupportedApps: { label: 'supported apps', field: 'buttons[OTP].supported_apps', min: 1, max: 5, severity: 'error', source: 'One-tap page: up to 5 apps' },
  tplZeroTapTerms: { label: 'zero_tap_terms_accepted', field: 'buttons[OTP].zero_tap_terms_accepted', values: ['true'], severity: 'error', source: 'Zero-tap page: the template is not created without it' },
  tplTtlAuthentication: { label: 'ttl_seconds', field: 'message_send_ttl_seconds', min: 30, max: 900, wording: '30–900, or -1', severity: 'error', source: 'Time-to-live page: authentication' },
  tplTtlUtility: { label: 'ttl_seconds', field: 'message_send_ttl_seconds', min: 30, max: 43200, wording: '30–43200, or -1', severity: 'error', source: 'Time-to-live page: utility' },
  tplTtlMarketing: { label: 'ttl_seconds', field: 'message_send_ttl_seconds', min: 43200, max: 2592000, severity: 'error', source: 'Time-to-live page: marketing (Marketing Messages Lite API only)' },
  tplCards: { label: 'cards', field: 'components[CAROUSEL].cards', min: 2, max: 10, severity: 'error', source: 'Media card carousel page' },
  tplCardHeaderKinds: { label: 'card header', field: 'cards[].components[HEADER].format', values: ['image', 'video'], severity: 'error', source: 'Media card carousel page' },
  tplCardBody: { label: 'card body', field: 'cards[].components[BODY].text', max: 160, severity: 'error', source: 'Media card carousel page (2388040)' },
  tplCardButtons: { label: 'card buttons', field: 'cards[].components[BUTTONS].buttons', min: 1, max: 2, severity: 'error', source: 'Media card carousel page' },
  tplCardButtonKinds: { label: 'card button', field: 'cards[].components[BUTTONS].buttons[].type', values: ['quick_reply', 'url', 'phone'], severity: 'error', source: 'Media card carousel page' },
  tplCarouselParts: { label: 'carousel template', field: 'components', wording: 'body and cards only', severity: 'error', source: 'Media card carousel page: a body and a carousel component' },
  tplOfferText: { label: 'offer text', field: 'limited_time_offer.text', max: 16, severity: 'error', source: 'LTO page (2388040)' },
  tplOfferBody: { label: 'offer body', field: 'components[BODY].text', max: 600, severity: 'error', source: 'LTO page (2388040)' },
  tplOfferHeaderKinds: { label: 'offer header', field: 'components[HEADER].format', values: ['image', 'video'], severity: 'error', source: 'LTO page: an optional image or video header, no footer' },
  tplParameter: { label: 'text parameter', field: 'components[].parameters[].text', wording: 'no line break, tab or 5 spaces; not empty', severity: 'error', basis: 'observed', source: 'Observed (#132018) "Param text cannot have new-line/tab characters or more than 4 consecutive spaces"; Twilio 63013' },

  // The files waml reads and writes (not the API's: file systems' and YAML's).
  printable: { label: 'character', field: '(the file)', wording: 'printable (YAML `c-printable`)', severity: 'error', source: 'YAML 1.2.2, 5.1 Character Set: tab, line breaks and printable characters only' },
  printableEscaped: { label: 'escaped character', field: '(every text)', wording: 'printable', severity: 'warning', source: 'YAML 1.2.2 allows escapes of any character; a control character is no text a phone shows' },
  outputFileName: { label: 'output file name', field: '<stem>.<message>.json', max: 255, wording: '≤ 255 bytes', severity: 'error', source: 'file systems: 255 bytes a name (ext4, APFS; NTFS 255 UTF-16 units)' },
  outputNameCase: { label: 'output file names', field: '<stem>.<message>.json', wording: 'unique ignoring case', severity: 'error', source: 'case-insensitive file systems: APFS (macOS) and NTFS (Windows) by default' },

  // The request.
  recipient: { label: 'recipient', field: 'to', min: 7, max: 15, wording: '7–15 digits', severity: 'error', source: 'Messages reference: `to`, the user\'s phone number; E.164: 7 to 15 digits, an optional leading +' },
  recipientUser: { label: 'business-scoped user id', field: 'recipient', wording: '`CC.` or `CC.ENT.` then 1–128 letters and digits', severity: 'error', source: 'Business-scoped user IDs page: a two-letter country code, a period, then up to 128 letters and digits (a parent id adds `ENT.`); sent as `recipient`' },
  recipientGroup: { label: 'group', field: 'to', values: ['individual', 'group'], wording: '`recipient_type: group` with the group id in `to`', severity: 'error', source: 'Groups messaging page: `recipient_type` `group`, `to` the group id from the Groups API, and only text, media and text or media template messages (no interactive message: WA825); OpenAPI v23 Message.recipient_type allows `individual` only, the newer page followed' },
  replyTo: { label: 'reply-to message id', field: 'context.message_id', min: 1, wording: 'a message id, not empty', severity: 'error', source: 'Messages reference: `context.message_id`, the id of the message replied to' },
  callbackData: { label: 'callback data', field: 'biz_opaque_callback_data', max: 512, severity: 'error', source: 'Messages reference: `biz_opaque_callback_data`, at most 512 characters; OpenAPI biz_opaque_callback_data maxLength 512' },
} as const satisfies Record<string, Limit>;

export type LimitName = keyof typeof LIMITS;
