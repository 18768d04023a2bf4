#!/usr/bin/env node
'use strict';
// The waml command. `--version` and `--help` are answered here, before anything else is
// loaded. Everything else runs the CLI bundle (dist/cli/waml.cjs, built by `npm run build`,
// which `npm ci` and `npm install` run through the `prepare` script) through V8's code
// cache: the first run saves the bundle's compiled code, and later runs skip parsing and
// compiling it. The cache lives beside the bundle, or, where the package cannot be written
// (a read-only install), in a folder of the user's own under the temporary folder; where
// neither can be written, or the cache is stale or broken, waml runs without it, silently.
// A cache is for one bundle's content (named by the build on the bundle's first line) and one
// Node, and V8 verifies its checksum before using it (a damaged cache is refused and made again).
// Parts of the CLI that most runs never need (the template grammar, the schema validator's
// code) are bundles of their own beside it, which the bundle asks this loader for
// (`__wamlChunk`) when it first needs them: each is run through a code cache of its own.
// A cache is written only by a run that compiled files (`check`, `build`: the bundle says
// so through `__wamlChunk.cacheThisRun()`), since it holds the code that run used: a first
// run that only printed a usage error would leave a cache without the compiler's code.
// A worker thread of `--jobs` is started with this argument first; it loads the bundle too.
const worker = process.argv[2] === '--waml-worker';
let cacheThisRun = false;
const first = process.argv[2];
if (first === '--version' || first === '-v' || first === 'version') {
  process.stdout.write(`${require('../package.json').version}\n`);
} else if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
  process.stdout.write(load('help.cjs', (path) => require(path)).HELP);
} else {
  // V8's escape analysis was the largest part of its optimising compiler's work on waml's code
  // (a quarter of those threads' time in a build of 10,000 files) and made the compiled code
  // no faster: without it a build spends about a third less CPU time optimising, time that
  // each thread of `--jobs` would pay again. Set before anything is compiled (and in every
  // run, workers too), so that the code cache, which is kept per set of flags, stays valid.
  // A release build of V8 neither writes nor checks a code cache's checksum: a cache damaged
  // on disk whose header still matches would be deserialised, and crash every run. With
  // --verify-snapshot-checksum V8 writes an Adler-32 of the cache and refuses one that does not
  // match, before reading it (about 0.3 ms for the CLI's cache; hashing it here would first
  // have to load node:crypto or node:zlib, which costs more).
  require('node:v8').setFlagsFromString('--no-turbo-escape --verify-snapshot-checksum --expose-gc');
  load('waml.cjs', runCached);
}

/** Runs a file of dist/cli, or says the package is not built. */
function load(name, how) {
  const path = require('node:path').join(__dirname, '..', 'dist', 'cli', name);
  try {
    return how(path);
  } catch (error) {
    if (error && (error.code === 'ENOENT' || error.code === 'MODULE_NOT_FOUND') && String(error.message).includes(name)) {
      process.stderr.write('waml: the command is not built yet; run `npm run build` in the waml package\n');
      process.exitCode = 2;
      return { HELP: '' };
    }
    throw error;
  }
}

/** Runs a CommonJS bundle as Node would, with its compiled code taken from (and saved to) a cache; returns its exports. */
function runCached(file) {
  const fs = require('node:fs');
  const path = require('node:path');
  const vm = require('node:vm');
  const Module = require('node:module');
  // Node's options for this process, which may set V8's flags: a cache is kept per set of them.
  const flags = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].join(' ').trim();
  const fd = fs.openSync(file, 'r');
  let source;
  let stamp;
  try {
    const stat = fs.fstatSync(fd);
    source = fs.readFileSync(fd, 'utf8');
    // The cache is for this bundle, exactly, and this Node: anything else is not used. The
    // bundle's content is named by its first line (a hash the build wrote); its size and
    // modification time guard a bundle changed by hand.
    const id = source.startsWith('//waml-bundle ') ? source.slice(14, source.indexOf('\n')) : '-';
    stamp = `waml code cache 2 ${process.version} ${process.arch} ${stat.size} ${stat.mtimeMs} ${id} ${JSON.stringify(flags)}\n`;
  } finally {
    fs.closeSync(fd);
  }
  // V8 keeps a code cache for one set of its flags, and Node's options (NODE_OPTIONS, as CI and
  // editors often set, or flags before the script) can change them: runs with and without would
  // each refuse and rewrite the other's cache. A run with any such options has a place of its
  // own (the stamp names the options), so alternating between none and one set keeps both.
  const slot = flags ? `${file}.flags` : file;
  const beside = `${slot}.cache`;
  let cached = readCache(fs, beside, stamp, false);
  let shared;
  if (cached === undefined) {
    shared = sharedPlace(slot);
    cached = readCache(fs, shared, stamp, true);
  }
  // The bundle's text is a function of the module's names (see scripts/build.mjs), compiled as read.
  const script = new vm.Script(source, { filename: file, cachedData: cached });
  if (!worker && (cached === undefined || script.cachedDataRejected)) {
    // Saved once the run is over, so that the code it ran is in the cache too.
    process.once('exit', () => {
      if (cacheThisRun) saveCache(fs, path, [beside, shared ?? sharedPlace(slot)], stamp, script);
    });
  }
  const mod = { exports: {} };
  const run = script.runInThisContext();
  const dir = path.dirname(file);
  const chunks = new Map();
  const chunk = (name) => {
    if (!chunks.has(name)) chunks.set(name, runCached(path.join(dir, name)));
    return chunks.get(name);
  };
  chunk.cacheThisRun = () => {
    cacheThisRun = true;
  };
  run.call(mod.exports, mod.exports, Module.createRequire(file), mod, file, dir, __filename, chunk);
  return mod.exports;
}

/** The cache's place where the bundle's folder cannot be written: the user's own folder under the temporary folder. */
function sharedPlace(file) {
  const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
  // One cache per installed bundle: its path, hashed (FNV-1a), names it.
  let h = 0x811c9dc5;
  for (let i = 0; i < file.length; i++) h = Math.imul(h ^ file.charCodeAt(i), 0x01000193) >>> 0;
  return require('node:path').join(require('node:os').tmpdir(), `waml-code-cache${uid === undefined ? '' : `-${uid}`}`, `${h.toString(16)}.cache`);
}

function readCache(fs, place, stamp, shared) {
  let bytes;
  try {
    if (shared && !ownFolder(fs, require('node:path').dirname(place), false)) return undefined;
    // Only a regular file is read: a FIFO or a device standing where the cache goes would
    // block the run or never end (opened without blocking, then looked at).
    const fd = fs.openSync(place, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
    try {
      if (!fs.fstatSync(fd).isFile()) return undefined;
      bytes = fs.readFileSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return undefined;
  }
  const head = Buffer.from(stamp);
  if (bytes.length <= head.length || !bytes.subarray(0, head.length).equals(head)) return undefined;
  return bytes.subarray(head.length);
}

/**
 * A folder only this user can write, for a cache under the shared temporary folder (made when
 * `make`): a cache planted by someone else would be code run as us, so any other folder is refused.
 */
function ownFolder(fs, dir, make) {
  if (make) {
    try {
      fs.mkdirSync(dir, { mode: 0o700 });
    } catch (error) {
      if (error.code !== 'EEXIST') return false;
    }
  }
  const stat = fs.lstatSync(dir);
  const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
  return stat.isDirectory() && (uid === undefined || (stat.uid === uid && (stat.mode & 0o077) === 0));
}

/** Writes the cache atomically (a temporary file, then a rename) to the first place that takes it. */
function saveCache(fs, path, places, stamp, script) {
  let data;
  try {
    data = Buffer.concat([Buffer.from(stamp), script.createCachedData()]);
  } catch {
    return;
  }
  for (const [i, place] of places.entries()) {
    const dir = path.dirname(place);
    const tmp = path.join(dir, `.${path.basename(place)}.${process.pid}.tmp`);
    try {
      if (i > 0 && !ownFolder(fs, dir, true)) continue;
      fs.writeFileSync(tmp, data, { mode: 0o600 });
      fs.renameSync(tmp, place);
      return;
    } catch {
      try {
        fs.rmSync(tmp, { force: true });
      } catch {
        // Nothing to clean.
      }
    }
  }
}
