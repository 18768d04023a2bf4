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
  cardQuickReplies: { label: 'quick-reply buttons on a card', field: 'cards[].action.buttons', min: 1, max: 3, severity: 'error', source: 'pywa (Meta documents no number)' },
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

  // Message templates on the account (waml templates push).
  templateEditableStatuses: { label: 'template status for an edit', field: 'POST /<TEMPLATE_ID>', values: ['APPROVED', 'REJECTED', 'PAUSED'], severity: 'error', source: 'Template management page: only APPROVED, REJECTED or PAUSED templates can be edited' },
  templateApprovedEditsPerDay: { label: 'edits of an approved template in 24 hours', field: 'POST /<TEMPLATE_ID>', max: 1, severity: 'error', source: 'Template management page (Meta refuses beyond it)' },
  templateApprovedEditsPer30Days: { label: 'edits of an approved template in 30 days', field: 'POST /<TEMPLATE_ID>', max: 10, severity: 'error', source: 'Template management page (Meta refuses beyond it)' },
  templateUploadTypes: { label: 'media sample type', field: 'POST /<APP_ID>/uploads file_type', values: ['application/pdf', 'image/jpeg', 'image/jpg', 'image/png', 'video/mp4'], severity: 'error', source: 'Graph API "Upload a file" guide (Resumable Upload API)' },

  // The files waml reads and writes (not the API's: file systems' and YAML's).
  printable: { label: 'character', field: '(the file)', wording: 'printable (YAML `c-printable`)', severity: 'error', source: 'YAML 1.2.2, 5.1 Character Set: tab, line breaks and printable characters only' },
  printableEscaped: { label: 'escaped character', field: '(every text)', wording: 'printable', severity: 'warning', source: 'YAML 1.2.2 allows escapes of any character; a control character is no text a phone shows' },
  outputFileName: { label: 'output file name', field: '<stem>.<message>.json', max: 255, wording: '≤ 255 bytes', severity: 'error', source: 'file systems: 255 bytes a name (ext4, APFS; NTFS 255 UTF-16 units)' },
  outputNameCase: { label: 'output file names', field: '<stem>.<message>.json', wording: 'unique ignoring case', severity: 'error', source: 'case-insensitive file systems: APFS (macOS) and NTFS (Windows) by default' },

  // The request.
  recipient: { label: 'recipient', field: 'to', min: 7, max: 15, wording: '7–15 digits', severity: 'error', source: 'E.164: 7 to 15 digits, an optional leading +' },
} as const satisfies Record<string, Limit>;

export type LimitName = keyof typeof LIMITS;
