// `npm run bench`: every benchmark, each as a ratio to a baseline measured in the same run,
// with the medians beside it. `--quick` runs tiny sizes (CI uses it to prove the benches run).
import { benchTemplates } from './templates.js';

const quick = process.argv.includes('--quick');
const rows = [...benchTemplates(quick ? 200 : 20_000, quick ? 3 : 15)];

const pad = (s: string, n: number) => s.padEnd(n);
console.log(`${pad('benchmark', 36)} ${pad('baseline', 12)} ${pad('measured', 12)} ratio`);
for (const r of rows) {
  const ratio = r.measured / r.baseline;
  console.log(`${pad(r.name, 36)} ${pad(`${r.baseline.toFixed(2)} ${r.unit}`, 12)} ${pad(`${r.measured.toFixed(2)} ${r.unit}`, 12)} ${ratio.toFixed(1)}x`);
}
console.log(`\nbaseline for template parsing: a plain character scan of the same strings. Node ${process.version}, ${process.arch}.`);
