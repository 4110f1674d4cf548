#!/usr/bin/env node
// @ts-check
/**
 * `npm run server`: bundles the reference backend (server/src/*.ts plus the protocol,
 * event validation and seed data it shares with src/) with esbuild into
 * node_modules/.cache/cc-reference-backend/server.mjs, then runs it. `ws` stays an
 * external dependency. `buildServer()` is also used by the end-to-end tests, which run
 * the bundle in a child process they can kill.
 *
 * `node server/run.mjs mint-token --agent agent-me --ttl 3600` prints an agent token
 * (see server/src/auth.ts) instead of starting the server.
 */
import { build } from 'esbuild';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { URL, fileURLToPath, pathToFileURL } from 'node:url';

const entry = fileURLToPath(new URL('./src/main.ts', import.meta.url));
const outfile = fileURLToPath(new URL('../node_modules/.cache/cc-reference-backend/server.mjs', import.meta.url));

/**
 * Bundles the backend; resolves with the path of the runnable ES module. The file is
 * replaced atomically (write, then rename), so a build running at the same time as
 * another one, or as a server starting, never exposes a half-written bundle.
 * @returns {Promise<string>}
 */
export async function buildServer() {
  const result = await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'inline',
    logLevel: 'warning',
    write: false,
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error('esbuild produced no output');
  mkdirSync(path.dirname(outfile), { recursive: true });
  const temporary = `${outfile}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(temporary, output.contents);
  renameSync(temporary, outfile);
  return outfile;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  // The default data directory is the project's own, whatever the working directory.
  process.env['DATA_DIR'] ||= fileURLToPath(new URL('../.cc-data', import.meta.url));
  await import(pathToFileURL(await buildServer()).href);
}
