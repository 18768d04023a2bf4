// The entry of the language server bundle (dist/cli/lsp.js): the CLI imports it only for
// `waml lsp`, so that checks and builds never load it.
import { startServer } from './server.js';

export function start(version: string): void {
  startServer(version);
}
