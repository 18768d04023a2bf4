/**
 * One document version, compiled once: its tree, its model and its diagnostics, shared by
 * every request on that version. Nothing is computed before a request needs it, and a
 * document over the size limit is never parsed (every feature answers at once, empty).
 */
import { compileOne, jsonOutputs, type CompiledSource, type Output } from '../compile.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { LMap } from '../load/tree.js';
import type { LanguageText } from '../languages/texts.js';
import type { Message, WamlFile } from '../model/types.js';
import { viewMessage, type MessageView } from './model.js';

/** Counts of the work done, for tests and benchmarks (`waml/stats`). */
export interface Stats {
  compiles: number;
  /** Times a version's outputs were listed (every body printed), for collisions between files. */
  outputs: number;
}

export class Analysis {
  private result?: CompiledSource;
  private views = new Map<Message, MessageView>();
  private written?: Output[];

  constructor(
    /** The path diagnostics name (relative to the workspace folder where there is one). */
    readonly path: string,
    readonly text: string,
    /** The client's version of the document; null for a file read from disk. */
    readonly version: number | null,
    private readonly stats: Stats,
    private readonly maxFileSize?: number,
    /** Why a file on disk was not read (too large, not UTF-8): its only diagnostic. */
    private readonly unread?: Diagnostic,
  ) {}

  /** Whether this version has been compiled and parsed to a tree (without compiling it). */
  get parsed(): boolean {
    return this.result?.root !== undefined;
  }

  get compiled(): CompiledSource {
    if (!this.result && this.unread) {
      this.result = { path: this.path, tooLarge: true, diagnostics: [this.unread], errorCount: 1, messages: [], modules: [], waiting: [] };
    }
    if (!this.result) {
      this.stats.compiles++;
      this.result = compileOne({ path: this.path, text: this.text }, this.maxFileSize !== undefined ? { maxFileSize: this.maxFileSize } : {});
    }
    return this.result;
  }

  /** The files this version would write (none when it has errors), for collisions between files. */
  get outputs(): Output[] {
    if (!this.written) {
      const c = this.compiled;
      this.stats.outputs++;
      this.written = c.errorCount > 0 ? [] : [...c.modules, ...jsonOutputs(this.path, c.messages, c.templates)];
    }
    return this.written;
  }

  /** Over the size limit: not parsed; features answer nothing. */
  get tooLarge(): boolean {
    return this.compiled.tooLarge;
  }

  /** The texts of its messages with `languages:`, per language (empty without any). */
  get languageTexts(): LanguageText[] {
    return this.compiled.languages?.texts ?? [];
  }

  get root(): LMap | undefined {
    return this.compiled.root;
  }

  get file(): WamlFile | undefined {
    return this.compiled.file;
  }

  view(m: Message): MessageView {
    let v = this.views.get(m);
    if (!v) {
      v = viewMessage(m);
      this.views.set(m, v);
    }
    return v;
  }

  /** The message an offset falls in: the last one whose name starts before it. */
  messageAt(offset: number): Message | undefined {
    const messages = this.file?.messages ?? [];
    let found: Message | undefined;
    for (const m of messages) if (m.nameSpan.start <= offset) found = m;
    return found;
  }
}
