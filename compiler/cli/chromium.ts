import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** A Chromium to start, and where it was found. */
export interface FoundChromium {
  executablePath: string;
  /** Extra switches the build needs (the packaged build runs as a single headless process). */
  args: string[];
  /** How it was found, for messages: `WAML_CHROMIUM`, `PATH`, or `@sparticuz/chromium`. */
  via: string;
}

/** No Chromium could be found or started: said plainly in one line, not as a bug in waml. */
export class BrowserError extends Error {}

/** The one line that tells a user how to get a browser for `--png`. */
export const HOW_TO_GET_CHROMIUM =
  'set WAML_CHROMIUM to a Chromium or Chrome binary, install one (Debian: apt-get install chromium), or npm install --save-dev @sparticuz/chromium';

/** Names a Chromium goes by on PATH, most specific first. */
const NAMES = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome', 'chrome'];

/** Switches every launch gets: headless, no sandbox (root in CI), and no traffic of its own. */
const QUIET = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/**
 * Switches of the packaged build (made for serverless functions) that are not used: two would
 * weaken the page's own security, and a single-process browser ends when its first page closes.
 */
const DROPPED = new Set(['--disable-web-security', '--allow-running-insecure-content', '--single-process']);

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The first Chromium on PATH, if any. */
function onPath(env: Record<string, string | undefined>): string | undefined {
  for (const dir of (env['PATH'] ?? '').split(delimiter)) {
    if (dir === '') continue;
    for (const name of NAMES) {
      const candidate = join(dir, name);
      if (executable(candidate)) return candidate;
    }
  }
  return undefined;
}

/**
 * Finds a Chromium, in this order: `WAML_CHROMIUM` (used as given, even if it cannot start, so
 * a wrong setting is reported rather than skipped); a Chromium or Chrome on PATH; the build
 * that the `@sparticuz/chromium` package ships inside itself (a devDependency of waml, so a
 * fresh clone has a browser with nothing installed by hand; it unpacks to the system's
 * temporary folder on first use, a few seconds). Throws a BrowserError naming the ways to get
 * one when there is none.
 */
export async function findChromium(
  env: Record<string, string | undefined>,
  loadPackaged: () => Promise<unknown> = () => import('@sparticuz/chromium'),
): Promise<FoundChromium> {
  const set = env['WAML_CHROMIUM'];
  if (set !== undefined && set !== '') return { executablePath: set, args: QUIET, via: 'WAML_CHROMIUM' };
  const local = onPath(env);
  if (local) return { executablePath: local, args: QUIET, via: 'PATH' };
  let packaged: { executablePath(): Promise<string>; args: string[] } | undefined;
  try {
    packaged = ((await loadPackaged()) as { default: typeof packaged }).default;
  } catch {
    throw new BrowserError(`no Chromium found: ${HOW_TO_GET_CHROMIUM}`);
  }
  let path: string;
  try {
    path = await packaged!.executablePath();
  } catch (error) {
    throw new BrowserError(`the Chromium of @sparticuz/chromium could not be unpacked (${String((error as Error).message).split('\n')[0]}): ${HOW_TO_GET_CHROMIUM}`);
  }
  const args = [...QUIET, ...packaged!.args.filter((a) => !DROPPED.has(a) && !QUIET.includes(a))];
  return { executablePath: path, args, via: '@sparticuz/chromium' };
}

/** Chromium through playwright-core, headless, with no background traffic; the tests use it too. */
export async function launchChromium(env: Record<string, string | undefined>): Promise<import('playwright-core').Browser> {
  const found = await findChromium(env);
  const { chromium } = await import('playwright-core');
  try {
    return await chromium.launch({ executablePath: found.executablePath, args: found.args });
  } catch (error) {
    const first = String((error as Error).message).split('\n')[0];
    throw new BrowserError(`Chromium could not start (${found.executablePath}, from ${found.via}): ${first}; ${HOW_TO_GET_CHROMIUM}`);
  }
}
