// @ts-check
/**
 * What the bench's profiling scripts share: bundling their page (unminified, names kept for
 * the profile), and a V8 CPU profile (from the DevTools protocol's `Profiler.stop`) summed
 * per function: self and total time, the top functions, and the call tree under a function
 * named on the command line (`TREE=<name>`), printed on stderr.
 */
import { build } from 'esbuild';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Bundles bench/pages/`page` as `profile.js` into `OUT` or .bench-cache/`name`,
 * and returns that folder.
 * @param {string} page
 * @param {string} name
 */
export async function bundleProfilePage(page, name) {
  const out = process.env.OUT ?? path.join(root, '.bench-cache', name);
  await build({
    entryPoints: { profile: path.join(root, 'bench', 'pages', page) },
    outdir: out,
    bundle: true,
    format: 'esm',
    target: 'es2022',
    logLevel: 'silent',
    tsconfig: path.join(root, 'tsconfig.json'),
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  return out;
}

/** @typedef {import('playwright-core').Protocol.Profiler.Profile} Profile */
/** @typedef {import('playwright-core').Protocol.Profiler.ProfileNode} ProfileNode */

const IDLE = ['(idle)', '(program)', '(root)'];

/**
 * @param {Profile} profile
 * @param {(us: number) => number} scale microseconds to the unit reported (per call, per append…)
 */
export function summarizeProfile(profile, scale) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parentOf = new Map(profile.nodes.flatMap((n) => (n.children ?? []).map((c) => [c, n.id])));
  const nameOf = (/** @type {ProfileNode} */ node) => {
    const f = node.callFrame;
    return `${f.functionName || '(anonymous)'} ${f.url ? `${path.basename(f.url)}:${f.lineNumber + 1}` : ''}`.trim();
  };
  /** @type {Map<string, number>} */
  const selfUs = new Map();
  /** @type {Map<string, number>} */
  const totalUs = new Map();
  /** @type {Map<number, number>} */
  const ownUs = new Map();
  const deltas = profile.timeDeltas ?? [];
  (profile.samples ?? []).forEach((id, k) => {
    const us = deltas[k + 1] ?? 0;
    const node = byId.get(id);
    if (!node) return;
    ownUs.set(id, (ownUs.get(id) ?? 0) + us);
    selfUs.set(nameOf(node), (selfUs.get(nameOf(node)) ?? 0) + us);
    const seen = new Set();
    for (let n = node; n; n = byId.get(parentOf.get(n.id) ?? -1)) {
      const name = nameOf(n);
      if (seen.has(name)) continue;
      seen.add(name);
      totalUs.set(name, (totalUs.get(name) ?? 0) + us);
    }
  });
  const top = (/** @type {Map<string, number>} */ m, /** @type {number} */ n) =>
    Object.fromEntries(
      [...m]
        .filter(([name]) => !IDLE.includes(name))
        .sort((a, b) => b[1] - a[1])
        .slice(0, n)
        .map(([name, us]) => [name, scale(us)]),
    );
  /** @type {Map<number, number>} */
  const totals = new Map();
  const total = (/** @type {number} */ id) => {
    const known = totals.get(id);
    if (known !== undefined) return known;
    const t = (ownUs.get(id) ?? 0) + (byId.get(id)?.children ?? []).reduce((s, c) => s + total(c), 0);
    totals.set(id, t);
    return t;
  };
  /** Prints the call tree under each outermost call of a function whose name starts with `name`, children above `min`. */
  const printTree = (/** @type {string} */ name, /** @type {number} */ min) => {
    const print = (/** @type {number} */ id, /** @type {string} */ indent) => {
      const node = byId.get(id);
      if (!node) return;
      process.stderr.write(`${indent}${scale(total(id))} ${nameOf(node)}\n`);
      for (const c of [...(node.children ?? [])].sort((a, b) => total(b) - total(a))) if (scale(total(c)) >= min) print(c, `${indent}  `);
    };
    for (const node of profile.nodes) {
      const parent = byId.get(parentOf.get(node.id) ?? -1);
      if (nameOf(node).startsWith(name) && !(parent && nameOf(parent).startsWith(name))) print(node.id, '');
    }
  };
  return { self: (/** @type {number} */ n) => top(selfUs, n), total: (/** @type {number} */ n) => top(totalUs, n), printTree };
}
