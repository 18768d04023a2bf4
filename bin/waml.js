#!/usr/bin/env node
// The waml command. The CLI is bundled into dist/cli/waml.js by `npm run build`,
// which `npm ci` and `npm install` run through the `prepare` script.
import('../dist/cli/waml.js').catch((error) => {
  if (error && error.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/cli/waml.js')) {
    process.stderr.write('waml: the command is not built yet; run `npm run build` in the waml package\n');
    process.exitCode = 2;
    return;
  }
  throw error;
});
