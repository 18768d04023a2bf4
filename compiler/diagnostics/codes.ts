/**
 * Every diagnostic code waml can raise, in one table. A code is an identity: it is never
 * reused or renumbered, and its name and summary are documented in the README and in
 * docs/diagnostics.md (a test keeps the three in step).
 *
 * 1xx loading YAML, 2xx structure, 3xx lengths and counts, 4xx headers, media, cards and
 * uniqueness, 5xx params, placeholders and data, 6xx address and Flow messages, 7xx message
 * templates, 8xx importing bodies and sending, 9xx the build.
 */

export type Severity = 'error' | 'warning' | 'info';

export interface CodeInfo {
  /** Stable name, kebab-case. */
  name: string;
  severity: Severity;
  /** One line: what the diagnostic means. */
  summary: string;
}

export const CODES = {
  WA101: { name: 'yaml-syntax', severity: 'error', summary: 'The file is not valid YAML.' },
  WA102: { name: 'duplicate-key', severity: 'error', summary: 'A key appears twice in one mapping.' },
  WA103: { name: 'tab-indentation', severity: 'error', summary: 'A tab is used for indentation; YAML allows only spaces.' },
  WA104: { name: 'multiple-documents', severity: 'error', summary: 'The file holds more than one YAML document.' },
  WA105: { name: 'alias', severity: 'error', summary: 'An alias refers to no anchor, or aliases expand beyond the safe limit.' },
  WA106: { name: 'custom-tag', severity: 'error', summary: 'A YAML tag other than the standard ones is used.' },
  WA107: { name: 'root-not-mapping', severity: 'error', summary: 'The file is empty or its top level is not a mapping.' },
  WA108: { name: 'yaml-warning', severity: 'warning', summary: 'The YAML parser warns about the file.' },
  WA109: { name: 'unsupported-version', severity: 'error', summary: 'The `waml` key names a language version other than 1.' },
  WA110: { name: 'complex-key', severity: 'error', summary: 'A mapping key is not a plain scalar.' },
  WA111: { name: 'merge-key', severity: 'error', summary: 'A YAML merge key (`<<`) is used; waml does not merge mappings.' },
  WA112: { name: 'non-printable-character', severity: 'error', summary: 'The file holds a character YAML does not allow: a control character, U+FFFE or U+FFFF.' },
  WA113: { name: 'escaped-control-character', severity: 'warning', summary: 'An escape in a quoted text writes a control character or a noncharacter, which no message text can show.' },
  WA120: { name: 'colon-in-text', severity: 'error', summary: 'Unquoted text holds `: `, which YAML reads as a mapping.' },
  WA121: { name: 'comment-in-text', severity: 'warning', summary: 'A `#` after a space starts a comment that cuts unquoted text short.' },
  WA122: { name: 'misindented-key', severity: 'error', summary: 'A key is indented more or less than the key above it.' },
  WA123: { name: 'api-header-shape', severity: 'error', summary: 'A header is written in the API\'s shape (`type:` beside the media key).' },

  WA201: { name: 'unknown-key', severity: 'error', summary: 'A key that the language does not know.' },
  WA202: { name: 'missing-key', severity: 'error', summary: 'A required key is missing.' },
  WA203: { name: 'wrong-type', severity: 'error', summary: 'A value has the wrong type (text, mapping, list).' },
  WA204: { name: 'invalid-message-name', severity: 'error', summary: 'A message name is not an identifier.' },
  WA205: { name: 'unknown-message-type', severity: 'error', summary: 'A message `type` is not one of the interactive types or `template`.' },
  WA206: { name: 'key-not-for-type', severity: 'error', summary: 'A key that belongs to another message type.' },
  WA207: { name: 'no-messages', severity: 'error', summary: '`messages` defines no message.' },
  WA208: { name: 'invalid-shape', severity: 'error', summary: 'A value does not have the shape the language expects.' },
  WA209: { name: 'identifier-collision', severity: 'error', summary: "A message name gives the same identifier in generated code as another message's name." },
  WA210: { name: 'inexact-number', severity: 'error', summary: 'A number that JSON or JavaScript cannot carry exactly: not finite, an integer past 2^53, or more digits than a double keeps.' },
  WA211: { name: 'invalid-key-order', severity: 'error', summary: '`key_order` names a path that is no object of the body, a key that object cannot have, or a key twice.' },
  WA212: { name: 'flow-data-text', severity: 'error', summary: 'A Flow `data` written as a text is not a JSON object (the serialized form Meta\'s "Sending a Flow" page sends).' },
  WA213: { name: 'over-advised-count', severity: 'warning', summary: 'A list is within what Meta documents but has more items than a smaller limit that another source gives.' },

  WA301: { name: 'too-long', severity: 'error', summary: 'A text is longer than the API accepts.' },
  WA302: { name: 'over-advised-length', severity: 'warning', summary: 'A text is within the accepted limit but over a smaller limit that other sources give.' },
  WA303: { name: 'empty-text', severity: 'error', summary: 'A text that must be present is empty or only white space.' },
  WA304: { name: 'too-many', severity: 'error', summary: 'A list has more items than the API accepts.' },
  WA305: { name: 'too-few', severity: 'error', summary: 'A list has fewer items than the API requires.' },
  WA306: { name: 'id-whitespace', severity: 'error', summary: 'An id begins or ends with white space.' },
  WA307: { name: 'too-many-line-breaks', severity: 'error', summary: 'A carousel card body has more than two line breaks.' },

  WA401: { name: 'header-not-allowed', severity: 'error', summary: 'This message type does not take this kind of header, or any header.' },
  WA402: { name: 'footer-not-allowed', severity: 'error', summary: 'This message type does not take a footer.' },
  WA403: { name: 'media-source', severity: 'error', summary: 'A media reference needs exactly one of `link` or `id`.' },
  WA404: { name: 'filename-not-document', severity: 'error', summary: '`filename` is only for document media.' },
  WA405: { name: 'invalid-url', severity: 'error', summary: 'A URL is not an absolute http or https URL.' },
  WA406: { name: 'insecure-url', severity: 'warning', summary: 'A URL uses http rather than https.' },
  WA407: { name: 'duplicate-id', severity: 'error', summary: 'Two buttons or rows share an id; replies could not be told apart.' },
  WA408: { name: 'duplicate-title', severity: 'error', summary: 'Two reply buttons share a title.' },
  WA409: { name: 'section-title-required', severity: 'error', summary: 'A list with more than one section has a section without a title.' },
  WA410: { name: 'section-title-advised', severity: 'warning', summary: 'The only section of a list has no title.' },
  WA411: { name: 'card-header', severity: 'error', summary: 'A carousel card needs exactly one of `image` or `video`.' },
  WA412: { name: 'card-action', severity: 'error', summary: 'A carousel card needs exactly one of `button` (URL) or `buttons` (quick replies).' },
  WA413: { name: 'card-kinds-differ', severity: 'error', summary: 'Carousel cards mix URL buttons and quick replies.' },
  WA414: { name: 'card-button-count-differs', severity: 'error', summary: 'Carousel cards have different numbers of quick-reply buttons.' },
  WA415: { name: 'reference-id-characters', severity: 'error', summary: "An order's `reference_id` has characters other than letters, digits, `_`, `-` and `.`." },
  WA416: { name: 'order-amounts', severity: 'error', summary: "An order's amounts do not add up: the subtotal is not the items' prices times their quantities, or the total not subtotal + tax + shipping − discount." },
  WA417: { name: 'amount-offsets', severity: 'error', summary: 'An amount of an order has an offset other than 100, the one INR (the only currency) takes.' },
  WA418: { name: 'not-a-whole-number', severity: 'error', summary: "An amount's value or offset, a quantity or `ttl_minutes` is not a whole number written out." },
  WA419: { name: 'order-status-spelling', severity: 'warning', summary: "An order status is spelled as some providers spell it (`partially_shipped`), not as Meta's page does (`partially-shipped`)." },

  WA501: { name: 'unknown-param-type', severity: 'error', summary: 'A param declares a type waml does not know.' },
  WA502: { name: 'contradictory-constraints', severity: 'error', summary: "A param's constraints contradict each other, such as minLength over maxLength." },
  WA503: { name: 'invalid-pattern', severity: 'error', summary: "A param's `pattern` is not a valid regular expression." },
  WA504: { name: 'param-redefined', severity: 'error', summary: 'A message redefines a param of its file, or an `as` name hides a param.' },
  WA505: { name: 'unknown-name', severity: 'error', summary: 'An expression names a param that is not declared.' },
  WA506: { name: 'unknown-field', severity: 'error', summary: 'An expression reads a field that the param does not have.' },
  WA507: { name: 'filter-type', severity: 'error', summary: 'A filter is applied to a value of the wrong type, or with wrong arguments.' },
  WA508: { name: 'each-not-array', severity: 'error', summary: '`each` names something that is not an array param.' },
  WA509: { name: 'when-not-boolean', severity: 'error', summary: '`when` is not a boolean expression.' },
  WA510: { name: 'unused-param', severity: 'warning', summary: 'A param is declared but never used.' },
  WA511: { name: 'template-syntax', severity: 'error', summary: 'A `{{ }}` placeholder cannot be parsed.' },
  WA512: { name: 'invalid-param', severity: 'error', summary: 'A param declaration is incomplete or uses a constraint its type does not have.' },
  WA513: { name: 'unknown-filter', severity: 'error', summary: 'An expression uses a filter that does not exist.' },
  WA514: { name: 'possibly-too-long', severity: 'warning', summary: 'A templated text may be longer than the API accepts; it is checked again before sending.' },
  WA515: { name: 'possibly-wrong-count', severity: 'warning', summary: 'A list built with `each` may have more (or fewer) items than the API accepts.' },
  WA516: { name: 'needs-data', severity: 'info', summary: 'A message has params and no data was given, so no JSON was built for it.' },
  WA517: { name: 'invalid-data', severity: 'error', summary: "A value in the data file does not match the param's declaration." },
  WA518: { name: 'template-not-allowed', severity: 'error', summary: 'A placeholder where the value must be fixed (a type, a mode, a country).' },
  WA519: { name: 'not-text', severity: 'error', summary: 'A placeholder would write a list or a mapping as text.' },
  WA520: { name: 'possibly-empty', severity: 'warning', summary: 'A templated text that must be present may be empty; it is checked again before sending.' },
  WA521: { name: 'possibly-invalid-url', severity: 'warning', summary: 'A templated URL may not be an absolute http(s) URL; it is checked again before sending.' },
  WA522: { name: 'invalid-data-file', severity: 'error', summary: 'The data file is not a JSON object.' },
  WA523: { name: 'unsafe-pattern', severity: 'error', summary: "A param's `pattern` uses what a matcher that never backtracks cannot run: back-references, lookaround, word boundaries." },
  WA524: { name: 'pattern-too-large', severity: 'error', summary: "A param's `pattern` repeats into more states than the linear matcher allows (10,000)." },

  WA601: { name: 'address-country', severity: 'warning', summary: 'Address messages are available only in India (`IN`).' },
  WA602: { name: 'flow-version', severity: 'error', summary: 'A Flow message version other than "3".' },
  WA603: { name: 'flow-target', severity: 'error', summary: 'A Flow message needs exactly one of `id` or `name`.' },
  WA604: { name: 'flow-cta-emoji', severity: 'warning', summary: 'A Flow button text contains emoji, which Meta advises against.' },
  WA605: { name: 'invalid-value', severity: 'error', summary: 'A value is not one of the values the API accepts.' },
  WA606: { name: 'flow-payload-without-navigate', severity: 'error', summary: '`screen` or `data` is given for a Flow whose action is not `navigate`.' },
  WA607: { name: 'flow-data-empty', severity: 'error', summary: 'Flow `data` is given but empty.' },

  WA701: { name: 'template-name', severity: 'error', summary: "A template's name is not 1 to 512 lowercase letters, digits and underscores." },
  WA702: { name: 'template-language', severity: 'error', summary: "A template's language is not one of Meta's template language codes." },
  WA703: { name: 'category-not-allowed', severity: 'error', summary: 'A part of a template is not allowed in its category (carousels and offers are marketing only).' },
  WA704: { name: 'template-part-not-allowed', severity: 'error', summary: 'A template of this kind takes no such part (a footer on an offer, a header on an authentication template).' },
  WA705: { name: 'template-variable-name', severity: 'error', summary: 'A named template variable is not lowercase letters and underscores.' },
  WA706: { name: 'placeholder-not-a-param', severity: 'error', summary: 'A placeholder in a template is not a param: templates take `{{ name }}` of a declared param.' },
  WA707: { name: 'placeholder-not-allowed', severity: 'error', summary: 'A placeholder where a template cannot have one (a footer, a button label, a second header variable).' },
  WA708: { name: 'variable-at-edge', severity: 'error', summary: 'The template body starts or ends with a placeholder, which Meta refuses (2388299).' },
  WA709: { name: 'adjacent-variables', severity: 'error', summary: 'Two placeholders stand side by side, or with only white space between them.' },
  WA710: { name: 'too-many-variables', severity: 'error', summary: 'A template text has more placeholders than its words can carry (2388293).' },
  WA711: { name: 'variable-two-values', severity: 'error', summary: 'One named template variable is written with two different expressions.' },
  WA712: { name: 'missing-example', severity: 'error', summary: 'A param used by a template has no `example`, which Meta requires.' },
  WA713: { name: 'invalid-example', severity: 'error', summary: "A param's `example` does not fit its declaration." },
  WA714: { name: 'quick-replies-split', severity: 'error', summary: 'The quick replies of a template do not stand together.' },
  WA715: { name: 'url-variable-position', severity: 'error', summary: "A template URL's placeholder is not at its end, or there are several." },
  WA716: { name: 'button-label-characters', severity: 'warning', summary: 'A template button label has emoji or line breaks.' },
  WA717: { name: 'header-format', severity: 'error', summary: 'A template text header has markdown characters (an error), emoji or line breaks (a warning).' },
  WA718: { name: 'media-sample', severity: 'error', summary: 'A template media header has no sample to submit: no URL, param example or handle.' },
  WA719: { name: 'otp-button', severity: 'error', summary: 'The one-time-password button of an authentication template is missing or incomplete.' },
  WA720: { name: 'out-of-range', severity: 'error', summary: 'A number is outside the range the API accepts.' },
  WA721: { name: 'cards-differ', severity: 'error', summary: 'The cards of a carousel template differ in header kind, body or buttons.' },
  WA722: { name: 'template-card-header', severity: 'error', summary: 'A carousel template card needs exactly one of `image` or `video`.' },
  WA723: { name: 'flow-button-target', severity: 'error', summary: 'A Flow button needs exactly one of `id`, `name` or `json`, and `screen` only with navigate.' },
  WA724: { name: 'body-line-breaks', severity: 'warning', summary: 'A template body has line breaks, which some providers refuse.' },
  WA725: { name: 'button-display', severity: 'info', summary: 'The buttons are shown differently: behind "See all options", or not on WhatsApp desktop.' },
  WA726: { name: 'send-value-missing', severity: 'error', summary: 'A value needed to send the template is not given (the one-time code, the offer expiry).' },
  WA727: { name: 'invalid-parameter', severity: 'error', summary: 'A template parameter value has a line break, a tab or more than four spaces in a row, or is empty (132018).' },
  WA728: { name: 'duplicate-template', severity: 'error', summary: 'Two messages define the same template name in the same language.' },

  WA820: { name: 'import-not-writable', severity: 'error', summary: '`waml import` meets a field or value the language cannot write; it refuses the body rather than write a different message, naming the field.' },
  WA821: { name: 'import-malformed', severity: 'error', summary: '`waml import` meets a field that is missing, null or of the wrong type, or a key written twice.' },
  WA822: { name: 'import-unknown-type', severity: 'error', summary: '`waml import` meets an interactive type the language does not write.' },
  WA823: { name: 'invalid-recipient', severity: 'error', summary: 'A recipient is not a phone number, a business-scoped user id or a group id, or its `recipient_type` does not match it.' },
  WA824: { name: 'invalid-send-option', severity: 'error', summary: 'A reply-to message id is empty, or callback data is empty or longer than 512 characters.' },
  WA825: { name: 'interactive-to-group', severity: 'error', summary: 'An interactive message is built for, or imported from a body sent to, a group: the Groups messaging page lists text, media and text or media templates only.' },

  WA901: { name: 'output-collision', severity: 'error', summary: 'Two messages would be written to the same output file.' },
  WA902: { name: 'unreadable-file', severity: 'error', summary: 'A source file could not be read as UTF-8 text, or is a device, FIFO or socket rather than a file.' },
  WA903: { name: 'file-too-large', severity: 'error', summary: 'A source or data file is larger than the size limit.' },
  WA904: { name: 'output-name-too-long', severity: 'error', summary: 'A message would be written to a file whose name is longer than file systems allow (255 bytes).' },
  WA905: { name: 'output-case-collision', severity: 'error', summary: 'Two outputs differ only in case, so they are one file on macOS and Windows.' },
} as const satisfies Record<string, CodeInfo>;

export type Code = keyof typeof CODES;
