#!/usr/bin/env node
// @ts-check
/**
 * `npm run analyze:check`: fails when the committed custom-elements.json is not
 * what `npm run analyze` would generate from the current sources.
 *
 * It runs the analyzer with the project's custom-elements-manifest.config.mjs,
 * writes the fresh manifest to a temporary folder and compares it, byte for
 * byte, with the committed ./custom-elements.json. It also checks that
 * src/react/index.ts is what scripts/react-wrappers.mjs generates from the committed
 * manifest, since `npm run analyze` writes both.
 */
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { cli } from '@custom-elements-manifest/analyzer/cli.js';
import { generateReactWrappers, reactWrappersPath } from './react-wrappers.mjs';

const cwd = process.cwd();
const committedPath = path.join(cwd, 'custom-elements.json');

/** @param {unknown} manifest @returns {string[]} */
function tagNames(manifest) {
  /** @type {string[]} */
  const tags = [];
  const modules = /** @type {{ modules?: { declarations?: { tagName?: string }[] }[] }} */ (manifest).modules ?? [];
  for (const mod of modules) {
    for (const decl of mod.declarations ?? []) if (decl.tagName) tags.push(decl.tagName);
  }
  return tags.sort();
}

const manifest = await cli({ argv: ['analyze', '--litelement', '--quiet'], cwd, noWrite: true });
// Same serialisation as the analyzer's own writer.
const fresh = `${JSON.stringify(manifest, null, 2)}\n`;

const outDir = mkdtempSync(path.join(tmpdir(), 'cem-check-'));
const freshPath = path.join(outDir, 'custom-elements.json');
writeFileSync(freshPath, fresh);

const fix = 'Run `npm run analyze` and commit custom-elements.json.';

if (!existsSync(committedPath)) {
  console.error(`✖ custom-elements.json is missing. ${fix}`);
  process.exit(1);
}

const committed = readFileSync(committedPath, 'utf8');

/**
 * Fails unless src/react/index.ts is what the generator writes from the committed manifest.
 * @param {string} manifestText
 */
function checkReactWrappers(manifestText) {
  const wrappersPath = path.join(cwd, reactWrappersPath);
  const current = existsSync(wrappersPath) ? readFileSync(wrappersPath, 'utf8') : undefined;
  /** @type {string} */
  let expected;
  try {
    expected = generateReactWrappers(JSON.parse(manifestText));
  } catch (error) {
    console.error(`✖ ${reactWrappersPath} cannot be generated: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  if (current === expected) {
    console.log(`✔ ${reactWrappersPath} is up to date with custom-elements.json.`);
    return;
  }
  console.error(`✖ ${reactWrappersPath} is not what scripts/react-wrappers.mjs generates from custom-elements.json.`);
  console.error(`  Run \`npm run analyze\` and commit ${reactWrappersPath} (it is generated: do not edit it by hand).`);
  const a = (current ?? '').split('\n');
  const b = expected.split('\n');
  const line = a.findIndex((text, i) => text !== b[i]);
  const at = line === -1 ? Math.min(a.length, b.length) : line;
  console.error(`  First difference at line ${at + 1}:`);
  console.error(`    committed: ${current === undefined ? '<no file>' : (a[at] ?? '<end of file>')}`);
  console.error(`    generated: ${b[at] ?? '<end of file>'}`);
  process.exit(1);
}

if (committed === fresh) {
  console.log(`✔ custom-elements.json is up to date (${tagNames(manifest).length} elements: ${tagNames(manifest).join(', ')}).`);
  checkReactWrappers(committed);
  process.exit(0);
}

console.error('✖ custom-elements.json is out of date: it is not what the analyzer generates from src/components.');
console.error(`  ${fix}`);
console.error(`  Fresh manifest written to ${freshPath} (diff it against ./custom-elements.json).`);

/** @type {unknown} */
let committedJson;
try {
  committedJson = JSON.parse(committed);
} catch (error) {
  console.error(`  The committed file is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
const before = new Set(tagNames(committedJson));
const after = new Set(tagNames(manifest));
const added = [...after].filter(t => !before.has(t));
const removed = [...before].filter(t => !after.has(t));
if (added.length) console.error(`  Elements missing from the committed manifest: ${added.join(', ')}`);
if (removed.length) console.error(`  Elements in the committed manifest that no longer exist: ${removed.join(', ')}`);

const a = committed.split('\n');
const b = fresh.split('\n');
const line = a.findIndex((text, i) => text !== b[i]);
const at = line === -1 ? Math.min(a.length, b.length) : line;
console.error(`  First difference at line ${at + 1}:`);
console.error(`    committed: ${a[at] ?? '<end of file>'}`);
console.error(`    generated: ${b[at] ?? '<end of file>'}`);
process.exit(1);
