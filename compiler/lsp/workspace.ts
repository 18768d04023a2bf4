/**
 * The files of the workspace: open documents (their latest version) and the `*.wa.yaml`
 * files on disk that are not open, each analysed once per version. Collisions between files
 * (`WA901`, two files writing the same output) are found across all of them, as the CLI does.
 */
import { DEFAULT_MAX_FILE_SIZE, OutputClaims } from '../compile.js';
import { TemplateClaims } from '../message-templates/compile.js';
import { diagnostic, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { Analysis, type Stats } from './analysis.js';

/** What the workspace reads of the disk, given by the server (this module does no I/O). */
export interface Files {
  /** Every `*.wa.yaml` below a folder (not node_modules, not dot-folders). */
  list(root: string): string[];
  /** A file's text, or why it was not read (with its size when it is too large). */
  read(path: string, limit: number): { ok: true; text: string } | { ok: false; reason: string; size?: number; missing?: boolean };
}

export class Workspace {
  readonly stats: Stats = { compiles: 0, outputs: 0 };
  private roots: string[] = [];
  /** Latest analysis of each file, open or on disk, by absolute path. */
  private readonly files = new Map<string, Analysis>();
  private readonly opened = new Set<string>();
  /** The last version of each open document that parsed, for completion while a line is half typed. */
  private readonly good = new Map<string, Analysis>();
  private collisionCache?: Map<string, Diagnostic[]>;

  constructor(
    private readonly fs: Files,
    private readonly maxFileSize = DEFAULT_MAX_FILE_SIZE,
  ) {}

  setRoots(roots: string[]): void {
    this.roots = roots.map((r) => r.replace(/[\\/]+$/, ''));
  }

  /** The path diagnostics name: relative to the workspace folder holding the file, with `/`. */
  display(absolute: string): string {
    for (const root of this.roots) {
      const rest = absolute.slice(root.length);
      if (absolute.startsWith(root) && /^[\\/]./.test(rest)) return rest.slice(1).replace(/\\/g, '/');
    }
    return absolute;
  }

  /** Whether a file is one the workspace checks: a `*.wa.yaml` inside a workspace folder, outside node_modules and dot-folders. */
  holds(absolute: string): boolean {
    const shown = this.display(absolute);
    return shown !== absolute && shown.endsWith('.wa.yaml') && !shown.split('/').some((part, i, all) => i < all.length - 1 && (part === 'node_modules' || part.startsWith('.')));
  }

  absoluteOf(display: string): string | undefined {
    for (const [abs, a] of this.files) if (a.path === display) return abs;
    return undefined;
  }

  /** Every `*.wa.yaml` below the workspace folders, sorted. */
  discover(): string[] {
    return this.roots.flatMap((r) => this.fs.list(r)).sort();
  }

  /** Reads a file that is not open; a file that cannot be read is a diagnostic, not a failure. */
  readFromDisk(absolute: string): void {
    if (this.opened.has(absolute)) return;
    const path = this.display(absolute);
    const read = this.fs.read(absolute, this.maxFileSize);
    if (read.ok) this.set(absolute, new Analysis(path, read.text, null, this.stats, this.maxFileSize));
    else if (read.size !== undefined) {
      const d = diagnostic(path, 'WA903', { start: 0, end: 0 }, `${path} is ${read.size} bytes; the limit is ${this.maxFileSize}, so it was not read`, { help: 'split it into several files' });
      this.set(absolute, new Analysis(path, '', null, this.stats, this.maxFileSize, d));
    } else if (read.missing) this.remove(absolute);
    else this.set(absolute, new Analysis(path, '', null, this.stats, this.maxFileSize, diagnostic(path, 'WA902', { start: 0, end: 0 }, `${path} cannot be used: ${read.reason}`)));
  }

  open(absolute: string, text: string, version: number): Analysis {
    this.opened.add(absolute);
    const before = this.files.get(absolute);
    if (before && before.version !== null && before.parsed) this.good.set(absolute, before);
    const a = new Analysis(this.display(absolute), text, version, this.stats, this.maxFileSize);
    this.set(absolute, a);
    return a;
  }

  close(absolute: string): void {
    this.opened.delete(absolute);
    this.good.delete(absolute);
    this.remove(absolute);
  }

  isOpen(absolute: string): boolean {
    return this.opened.has(absolute);
  }

  get(absolute: string): Analysis | undefined {
    return this.files.get(absolute);
  }

  /** The last version of an open document that parsed, other than `a`. */
  previous(absolute: string): Analysis | undefined {
    return this.good.get(absolute);
  }

  all(): [string, Analysis][] {
    return [...this.files];
  }

  private set(absolute: string, a: Analysis): void {
    this.files.set(absolute, a);
    this.collisionCache = undefined;
  }

  remove(absolute: string): void {
    if (this.files.delete(absolute)) this.collisionCache = undefined;
  }

  /**
   * WA901 for every file whose outputs an earlier file (by path) already writes, and WA728
   * for every message template an earlier file already defines in the same language. A file never
   * collides with itself (OutputClaims), so a workspace of one file has none, and its outputs
   * (every body printed as JSON) are not computed on each edit.
   */
  collisions(): Map<string, Diagnostic[]> {
    if (this.collisionCache) return this.collisionCache;
    const out = new Map<string, Diagnostic[]>();
    if (this.files.size < 2) return (this.collisionCache = out);
    const claims = new OutputClaims();
    const templateClaims = new TemplateClaims();
    const list = [...this.files.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    for (const a of list) {
      // As the CLI claims them: outputs, and message templates' names in each language (WA728).
      const templates = a.compiled.errorCount > 0 ? [] : (a.compiled.templates ?? []);
      const found = [...claims.claim(a.path, a.outputs), ...templateClaims.claim(templates)];
      if (found.length > 0) out.set(a.path, found);
    }
    this.collisionCache = out;
    return out;
  }

  /** A file's diagnostics: its own and its collisions with other files. */
  diagnostics(absolute: string): Diagnostic[] {
    const a = this.files.get(absolute);
    if (!a) return [];
    return sortDiagnostics([...a.compiled.diagnostics, ...(this.collisions().get(a.path) ?? [])]);
  }
}
