#!/usr/bin/env node
// The waml command, for those who run bin/waml.js by name: the command itself is
// bin/waml.cjs (CommonJS starts faster; see there).
import { createRequire } from 'node:module';

createRequire(import.meta.url)('./waml.cjs');
