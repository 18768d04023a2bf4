/**
 * waml's programmatic API. `compile()` is pure: it takes source texts and returns
 * diagnostics, request bodies and the files to write, touching no file system.
 */
export { compile, DEFAULT_MAX_FILE_SIZE, fileStem, isValidRecipient, recipientArg, sendProblem } from './compile.js';
export type { CompileOptions, CompileResult, CompiledMessage, Output, Source, Unbuilt } from './compile.js';
export type { Diagnostic, Related, RuntimeCheck } from './diagnostics/diagnostic.js';
export { CODES, type Code, type CodeInfo, type Severity } from './diagnostics/codes.js';
export { FORMATS, render, SourceMap, toJson, type Format, type JsonDiagnostic, type JsonReport, type RenderOptions } from './diagnostics/render.js';
export type { RequestBody, Json } from './emit/json.js';
export { LIMITS, type Limit } from './limits.js';
export { importBody, readJson, type ImportedSend, type ImportResult } from './import.js';
export { creationBody } from './message-templates/creation.js';
export type { CompiledTemplate } from './message-templates/compile.js';
export { TEMPLATE_LANGUAGES } from './message-templates/languages.js';
export { languageTexts, type LanguageText } from './languages/texts.js';
export { SourceText, type Position, type Range, type Span } from './source.js';
