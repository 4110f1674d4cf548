// @ts-check
/* global console */
/**
 * The store figure of `npm run bench` in Node, for profiling:
 *   node --cpu-prof --cpu-prof-dir=.bench-cache/prof bench/profile-store.mjs [interactions] [perInteraction] [runs]
 * The store has no DOM dependency, so bench/pages/store-throughput.ts is bundled as is
 * (unminified, names kept for the profile). Node's V8 is not Chromium's: the figure that
 * counts is still `node bench/run.mjs --only store`.
 */
import { build } from 'esbuild';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outfile = path.join(root, '.bench-cache', 'node', 'store-throughput.mjs');
await build({
  entryPoints: [path.join(root, 'bench', 'pages', 'store-throughput.ts')],
  outfile,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'es2022',
  logLevel: 'silent',
  tsconfig: path.join(root, 'tsconfig.json'),
  define: { 'process.env.NODE_ENV': '"production"' },
});
const [interactions = 50, perInteraction = 1000, runs = 5] = process.argv.slice(2).map(Number);
/** @type {typeof import('./pages/store-throughput.js')} */
const { storeThroughput } = await import(pathToFileURL(outfile).href);
const result = storeThroughput(interactions, perInteraction, runs);
console.log(JSON.stringify({ ...result, runs: result.runs.map(Math.round), eventsPerSecond: Math.round(result.eventsPerSecond) }));
