/**
 * waml's runtime: what generated sender modules import, and what a webhook handler needs.
 * No dependencies; it uses `fetch` and Web Crypto, so it runs on Node 20+, Deno, Bun and
 * edge runtimes.
 */
export { createClient, DEFAULT_API_VERSION, DEFAULT_BASE_URL, MAX_RETRIES, MIN_BASE_DELAY_MS, retryAfterMs, systemClock, type Client, type ClientOptions, type Clock, type MediaFile, type RetryOptions, type SendResult, type WhatsAppClient } from './client.js';
export { WamlLimitError, WamlParamError, WebhookError, WhatsAppApiError, WhatsAppTransportError, type ApiErrorFields, type Outcome, type RequestKind, type SourceLocation } from './errors.js';
export { checkParams, type ParamProblem, type ParamSpec, type ParamSpecs } from './params.js';
export { redactor } from './redact.js';
export { verifySignature, type RawBody, type SignatureCheck, type SignatureInput } from './signature.js';
export { render, type Template, type Value } from './template.js';
export { parseResponseJson, parseWebhook, type ButtonReply, type CallEvent, type CallPermissionReply, type InboundMessage, type Order, type OrderItem, type ListReply, type MessageEvent, type NfmReply, type SharedLocation, type StatusEvent, type Webhook, type WebhookErrorEvent } from './webhook.js';
export {
  createWebhookHandler,
  DEFAULT_MAX_WEBHOOK_BYTES,
  type FastifyInstanceLike,
  type FastifyReplyLike,
  type FastifyRequestLike,
  type NodeRequestLike,
  type NodeResponseLike,
  type WebhookAnswer,
  type WebhookHandler,
  type WebhookHandlerOptions,
  type WebhookRequest,
} from './webhook-handler.js';
export * as $ from './build.js';
export { recipientKeys, reorder, SEND_OPTION_KEYS, type Recipient, type SendOptions } from './recipient.js';
export * as $template from './message-template.js';
export type { LengthCheck, Plan, PlanLeaf, SendPlan as TemplateSendPlan, TemplateObject, TemplateRequestBody } from './message-template.js';
export type * from './types.js';
