/**
 * Every diagnostic code waml can raise, in one table. A code is an identity: it is never
 * reused or renumbered, and its name and summary are documented in the README and in
 * docs/diagnostics.md (a test keeps the three in step).
 *
 * 1xx loading YAML, 2xx structure, 3xx lengths and counts, 4xx headers, media, cards and
 * uniqueness, 5xx templates and data, 6xx address and Flow messages, 9xx the build.
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
  WA205: { name: 'unknown-message-type', severity: 'error', summary: 'A message `type` is not one of the seven interactive types.' },
  WA206: { name: 'key-not-for-type', severity: 'error', summary: 'A key that belongs to another message type.' },
  WA207: { name: 'no-messages', severity: 'error', summary: '`messages` defines no message.' },
  WA208: { name: 'invalid-shape', severity: 'error', summary: 'A value does not have the shape the language expects.' },

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

  WA601: { name: 'address-country', severity: 'warning', summary: 'Address messages are available only in India (`IN`).' },
  WA602: { name: 'flow-version', severity: 'error', summary: 'A Flow message version other than "3".' },
  WA603: { name: 'flow-target', severity: 'error', summary: 'A Flow message needs exactly one of `id` or `name`.' },
  WA604: { name: 'flow-cta-emoji', severity: 'warning', summary: 'A Flow button text contains emoji, which Meta advises against.' },
  WA605: { name: 'invalid-value', severity: 'error', summary: 'A value is not one of the values the API accepts.' },
  WA606: { name: 'flow-payload-without-navigate', severity: 'error', summary: '`screen` or `data` is given for a Flow whose action is not `navigate`.' },
  WA607: { name: 'flow-data-empty', severity: 'error', summary: 'Flow `data` is given but empty.' },

  WA901: { name: 'output-collision', severity: 'error', summary: 'Two messages would be written to the same output file.' },
  WA902: { name: 'unreadable-file', severity: 'error', summary: 'A source file could not be read as UTF-8 text, or is a device, FIFO or socket rather than a file.' },
  WA903: { name: 'file-too-large', severity: 'error', summary: 'A source or data file is larger than the size limit.' },
  WA904: { name: 'output-name-too-long', severity: 'error', summary: 'A message would be written to a file whose name is longer than file systems allow (255 bytes).' },
  WA905: { name: 'output-case-collision', severity: 'error', summary: 'Two outputs differ only in case, so they are one file on macOS and Windows.' },
} as const satisfies Record<string, CodeInfo>;

export type Code = keyof typeof CODES;
