/**
 * waml's runtime: what generated sender modules import, and what a webhook handler needs.
 * No dependencies; it uses `fetch` and Web Crypto, so it runs on Node 20+, Deno, Bun and
 * edge runtimes.
 */
export { createClient, DEFAULT_API_VERSION, DEFAULT_BASE_URL, retryAfterMs, type Client, type ClientOptions, type RetryOptions, type SendResult } from './client.js';
export { WamlLimitError, WamlParamError, WebhookError, WhatsAppApiError, WhatsAppTransportError, type SourceLocation } from './errors.js';
export { checkParams, type ParamProblem, type ParamSpec, type ParamSpecs } from './params.js';
export { verifySignature } from './signature.js';
export { render, type Template, type Value } from './template.js';
export { parseResponseJson, parseWebhook, type ButtonReply, type InboundMessage, type ListReply, type MessageEvent, type NfmReply, type SharedLocation, type StatusEvent, type Webhook } from './webhook.js';
export * as $ from './build.js';
export type * from './types.js';
