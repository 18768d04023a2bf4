import type { Plugin } from 'esbuild';
/** See yaml-plugin.mjs. */
export declare const yamlPlugin: Plugin;
