import { readFileSync, writeFileSync } from 'node:fs';
import { codesTable, limitsTable, replaceBetween } from './test/readme-tables.js';
const r = readFileSync('README.md', 'utf8');
writeFileSync('README.md', replaceBetween(replaceBetween(r, 'codes', codesTable()), 'limits', limitsTable()));
