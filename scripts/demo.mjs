#!/usr/bin/env node
// @ts-check
/**
 * Builds the demo agent desktop into dist/demo with esbuild, and optionally serves it.
 *
 *   node scripts/demo.mjs                   build dist/demo once (part of `npm run build`)
 *   node scripts/demo.mjs --serve           build, then serve at http://localhost:8000 (`npm start`)
 *   node scripts/demo.mjs --serve --watch   rebuild on every change under src/ and demo/ (`npm run dev`)
 *
 * The demo needs one bundle, not the library's per-module build and type declarations,
 * so `npm start` answers in seconds on a fresh clone. Static files (HTML, CSS, images)
 * and the library's themes.css are copied beside the bundle; HTML with an inline script or an inline event handler is
 * refused, because the demo server sends a strict Content-Security-Policy.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, watch as watchFiles, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const source = path.join(root, 'demo');
const out = path.join(root, 'dist', 'demo');
const args = new Set(process.argv.slice(2));
const serve = args.has('--serve');
const watch = args.has('--watch');

/** @param {string} dir @returns {string[]} */
const walk = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });

/**
 * Why an HTML file cannot be served under the demo's policy, or `undefined`.
 * @param {string} html
 */
function cspProblem(html) {
  const inline = html.match(/<script\b(?![^>]*\bsrc\s*=)[^>]*>/i);
  if (inline) return `inline <script> is not allowed (strict CSP); use <script type="module" src="./main.js">. Found: ${inline[0]}`;
  const handler = html.match(/<[^>]+\s(on[a-z]+)\s*=/i);
  if (handler) return `inline event handler attribute "${handler[1]}" is not allowed (strict CSP).`;
  if (!/<script\b[^>]*\bsrc\s*=\s*["']\.?\/?main\.js["']/i.test(html)) return 'no <script type="module" src="./main.js">: the bundled demo would not load.';
  return undefined;
}

/** Copies demo/'s static files next to the bundle. */
function copyStatic() {
  for (const file of walk(source)) {
    if (/\.(ts|mts|cts)$/.test(file)) continue;
    if (file.endsWith('.html')) {
      const problem = cspProblem(readFileSync(file, 'utf8'));
      if (problem) throw new Error(`${path.relative(root, file)}: ${problem}`);
    }
    const target = path.join(out, path.relative(source, file));
    mkdirSync(path.dirname(target), { recursive: true });
    copyFileSync(file, target);
  }
  // The host-page stylesheet of the library: `theme` on <html> themes every element.
  copyFileSync(path.join(root, 'src', 'styles', 'themes.css'), path.join(out, 'themes.css'));
}

/** @type {import('esbuild').Plugin} */
const staticFiles = {
  name: 'demo-static',
  setup(build) {
    build.onEnd((result) => {
      if (result.errors.length > 0) return;
      try {
        copyStatic();
      } catch (error) {
        result.errors.push({ text: error instanceof Error ? error.message : String(error) });
      }
      if (watch) console.log(`demo rebuilt ${new Date().toLocaleTimeString()}`);
    });
  },
};

/** @type {import('esbuild').BuildOptions} */
const options = {
  absWorkingDir: root,
  entryPoints: ['demo/main.ts'],
  outfile: 'dist/demo/main.js',
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  // tsconfig.json: experimentalDecorators + useDefineForClassFields false (legacy decorators).
  tsconfig: 'tsconfig.json',
  minify: !watch,
  sourcemap: true,
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
  plugins: [staticFiles],
};

rmSync(out, { recursive: true, force: true });
if (watch) {
  const context = await esbuild.context(options);
  await context.watch();
  // esbuild watches what the bundle imports; the HTML and CSS beside it are copied on change.
  watchFiles(source, { recursive: true }, (_event, name) => {
    if (!name || /\.(ts|mts|cts)$/.test(name)) return;
    try {
      copyStatic();
      console.log(`demo files copied ${new Date().toLocaleTimeString()}`);
    } catch (error) {
      console.error(error instanceof Error ? error.message : error);
    }
  });
} else {
  await esbuild.build(options);
}

if (serve) {
  const server = spawn(process.execPath, [path.join(root, 'scripts', 'serve.mjs'), out], { stdio: 'inherit' });
  server.on('exit', (code) => process.exit(code ?? 0));
  for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) process.on(signal, () => server.kill(signal));
}
