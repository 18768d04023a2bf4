/** Errors the runtime throws. Each carries plain fields a caller can branch on. */

/** Meta's error codes worth a sentence of their own. */
const MEANINGS: Record<number, string> = {
  100: 'a parameter is invalid',
  131008: 'a required parameter is missing',
  131009: 'the parameter value is not valid',
  130429: 'the rate limit was hit',
  131047: 'more than 24 hours have passed since the user last wrote',
  131056: 'too many messages were sent to this recipient',
  131026: 'the message could not be delivered',
  131000: 'something went wrong on the API side',
};

export interface ApiErrorFields {
  /** The HTTP status. */
  status: number;
  /** Meta's error code, such as 131009. */
  code: number | undefined;
  subcode: number | undefined;
  /** Meta's details (error_data.details), which name the failing parameter. */
  details: string | undefined;
  fbtraceId: string | undefined;
  /** Whether trying again later may succeed (429, 5xx, or Meta says so). */
  transient: boolean;
  /**
   * Whether the message may have been sent all the same: `unknown` for a 5xx answer (the
   * API may have sent it before failing) and for a success without a message id;
   * `not-sent` for an answer that refused it (4xx, 429). Default: from the status.
   */
  outcome?: Outcome;
  /** What was asked, for the wording of an unknown outcome (default `message`). */
  request?: RequestKind;
}

/** What a request asked for: a message, a read receipt (with the typing indicator), a media upload. */
export type RequestKind = 'message' | 'read' | 'upload';

const MAY_HAVE: Record<RequestKind, string> = {
  message: 'the message may or may not have been sent',
  read: 'the message may or may not have been marked read',
  upload: 'the file may or may not have been stored; upload it again to get an id',
};

/**
 * What is known of a failed send: `not-sent` (the API refused it, or it never left) or
 * `unknown` (it may have been delivered: a 5xx answer, a timeout, a dropped connection).
 * Only a `not-sent` failure is safe to send again.
 */
export type Outcome = 'not-sent' | 'unknown';

/** The API answered a send with an error. The access token never appears in it. */
export class WhatsAppApiError extends Error implements ApiErrorFields {
  readonly status: number;
  readonly code: number | undefined;
  readonly subcode: number | undefined;
  readonly details: string | undefined;
  readonly fbtraceId: string | undefined;
  readonly transient: boolean;
  readonly outcome: Outcome;

  /** `redact` cleans the whole message (the client passes one that removes its token). */
  constructor(fields: ApiErrorFields, metaMessage: string | undefined, redact: (text: string) => string = (text) => text) {
    const outcome = fields.outcome ?? (fields.status >= 500 ? 'unknown' : 'not-sent');
    const meaning = fields.code !== undefined ? MEANINGS[fields.code] : undefined;
    const words = [
      `WhatsApp API error${fields.code !== undefined ? ` ${fields.code}` : ''} (HTTP ${fields.status})`,
      meaning,
      metaMessage && metaMessage !== meaning ? `Meta says: ${metaMessage}` : undefined,
      fields.details ? `details: ${fields.details}` : undefined,
      outcome === 'unknown' ? MAY_HAVE[fields.request ?? 'message'] : undefined,
    ].filter(Boolean);
    super(redact(words.join('; ')));
    this.name = 'WhatsAppApiError';
    this.status = fields.status;
    this.code = fields.code;
    this.subcode = fields.subcode;
    this.details = fields.details;
    this.fbtraceId = fields.fbtraceId;
    this.transient = fields.transient;
    this.outcome = outcome;
  }
}

/** The request did not get an answer: it timed out, or the network failed. */
export class WhatsAppTransportError extends Error {
  readonly kind: 'timeout' | 'network';
  readonly transient = true;
  /** `not-sent` when the connection was never made (refused, no such host); else `unknown`. */
  readonly outcome: Outcome;
  constructor(kind: 'timeout' | 'network', message: string, outcome: Outcome = 'unknown') {
    super(message);
    this.name = 'WhatsAppTransportError';
    this.kind = kind;
    this.outcome = outcome;
  }
}

/** Where a field of a message stands in its `.wa.yaml` file. */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

/**
 * A value would break an API limit that the compiler could not prove safe: thrown by a
 * generated `build()` before anything is sent.
 */
export class WamlLimitError extends Error {
  readonly messageName: string;
  readonly field: string;
  readonly limit: number | undefined;
  readonly actual: number | string | undefined;
  readonly source: SourceLocation;
  constructor(messageName: string, field: string, problem: string, limit: number | undefined, actual: number | string | undefined, source: SourceLocation) {
    super(`${messageName}: ${field} ${problem} (${source.file}:${source.line}:${source.column})`);
    this.name = 'WamlLimitError';
    this.messageName = messageName;
    this.field = field;
    this.limit = limit;
    this.actual = actual;
    this.source = source;
  }
}

/** A param value does not fit its declaration: thrown by a generated `build()`. */
export class WamlParamError extends Error {
  readonly messageName: string;
  /** The param path, such as `products[2].name`. */
  readonly path: string;
  constructor(messageName: string, path: string, problem: string) {
    super(`${messageName}: param \`${path}\` ${problem}`);
    this.name = 'WamlParamError';
    this.messageName = messageName;
    this.path = path;
  }
}

/** A webhook body is not what WhatsApp sends. */
export class WebhookError extends Error {
  readonly path: string;
  constructor(path: string, problem: string) {
    super(`webhook body: ${path} ${problem}`);
    this.name = 'WebhookError';
    this.path = path;
  }
}
