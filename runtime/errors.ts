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
}

/** The API answered a send with an error. The access token never appears in it. */
export class WhatsAppApiError extends Error implements ApiErrorFields {
  readonly status: number;
  readonly code: number | undefined;
  readonly subcode: number | undefined;
  readonly details: string | undefined;
  readonly fbtraceId: string | undefined;
  readonly transient: boolean;

  constructor(fields: ApiErrorFields, metaMessage: string | undefined) {
    const meaning = fields.code !== undefined ? MEANINGS[fields.code] : undefined;
    const words = [
      `WhatsApp API error${fields.code !== undefined ? ` ${fields.code}` : ''} (HTTP ${fields.status})`,
      meaning,
      metaMessage && metaMessage !== meaning ? `Meta says: ${metaMessage}` : undefined,
      fields.details ? `details: ${fields.details}` : undefined,
    ].filter(Boolean);
    super(words.join('; '));
    this.name = 'WhatsAppApiError';
    this.status = fields.status;
    this.code = fields.code;
    this.subcode = fields.subcode;
    this.details = fields.details;
    this.fbtraceId = fields.fbtraceId;
    this.transient = fields.transient;
  }
}

/** The request did not get an answer: it timed out, or the network failed. */
export class WhatsAppTransportError extends Error {
  readonly kind: 'timeout' | 'network';
  readonly transient = true;
  constructor(kind: 'timeout' | 'network', message: string) {
    super(message);
    this.name = 'WhatsAppTransportError';
    this.kind = kind;
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
