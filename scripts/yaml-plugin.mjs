// An esbuild plugin for every bundle that carries `yaml`: its parser reads
// `process.env.LOG_TOKENS` once per token, and its composer `process.env.LOG_STREAM` once per
// node (debug switches of yaml's own). Each read of process.env is a call into Node's C++
// environment store: counted with valgrind, a sixth of the instructions of compiling a
// 300-line file went to them. In waml's bundles both switches read as `false`; nothing else
// of yaml changes. A test (test/performance.test.ts) checks that no bundle reads them, so a yaml
// that words them differently is noticed, not silently slow.
import { readFileSync } from 'node:fs';

const FILE = /[\\/]node_modules[\\/]yaml[\\/]dist[\\/](parse[\\/]parser|compose[\\/]composer)\.js$/;
const SWITCH = /\bnode_process\.env\.LOG_(TOKENS|STREAM)\b/g;

export const yamlPlugin = {
  name: 'yaml-debug-switches',
  setup(b) {
    b.onLoad({ filter: FILE }, (args) => ({ contents: readFileSync(args.path, 'utf8').replace(SWITCH, 'false'), loader: 'js' }));
  },
};
