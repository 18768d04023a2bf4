// Runs one scenario of test/scenarios.ts with V8's precise coverage on and prints how many
// calls and block executions each size took, as a JSON array (see test/operations.ts).
import { Session } from 'node:inspector';

const session = new Session();
session.connect();
const post = (method: string, params: object = {}): any => {
  let result: unknown;
  session.post(method, params, (error, value) => {
    if (error) throw error;
    result = value;
  });
  return result;
};
post('Profiler.enable');
post('Profiler.startPreciseCoverage', { callCount: true, detailed: true });

const [name, ...sizes] = process.argv.slice(2);
const scenarios = (await import('./scenarios.js')) as Record<string, (size: number) => void | Promise<void>>;
const scenario = scenarios[name!];
if (!scenario) throw new Error(`no scenario named ${name}`);
const count = async (size: number): Promise<number> => {
  post('Profiler.takePreciseCoverage'); // resets the counts
  await scenario(size);
  const { result } = post('Profiler.takePreciseCoverage') as { result: { functions: { ranges: { count: number }[] }[] }[] };
  let total = 0;
  for (const script of result) for (const f of script.functions) for (const r of f.ranges) total += r.count;
  return total;
};
const numbers = sizes.map(Number);
await count(numbers[0]!);
const counts: number[] = [];
for (const n of numbers) counts.push(await count(n));
process.stdout.write(JSON.stringify(counts));
