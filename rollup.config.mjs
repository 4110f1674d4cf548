// @ts-check
/**
 * `npm run build` (after `scripts/clean.mjs`, before `tsc -p tsconfig.build.json`):
 *
 * 1. the library: ESM, one module per source file under dist/ (preserveModules),
 *    entries src/index.ts, the adapters, the React wrappers (src/react/index.ts) and
 *    every element module src/components/<tag>/<tag>.ts; src/styles/themes.css is copied;
 *    runtime dependencies stay external; minified with terser; sourcemaps.
 * 2. the demo: demo/main.ts with every dependency inlined into dist/demo/main.js
 *    (minified, sourcemap) and demo's static files (index.html, *.css, …) copied
 *    next to it. The HTML may not contain inline scripts or inline event handlers
 *    (the demo server sends a strict Content-Security-Policy).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';

/** @type {{ dependencies?: Record<string, string>, peerDependencies?: Record<string, string> }} */
const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const externalPackages = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})];

/** @param {string} id */
const isExternal = id => externalPackages.some(name => id === name || id.startsWith(`${name}/`));

/** Element modules: src/components/<tag>/<tag>.ts */
function elementInputs() {
  const root = 'src/components';
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter(name => name.startsWith('cc-'))
    .map(name => path.posix.join(root, name, `${name}.ts`))
    .filter(file => existsSync(file))
    .sort();
}

const extensions = ['.ts', '.mjs', '.js', '.json'];

const terserOptions = {
  module: true,
  ecma: /** @type {const} */ (2020),
  compress: { passes: 2 },
  format: { comments: false },
};

/** @type {import('rollup').RollupOptions} */
const library = {
  input: ['src/index.ts', 'src/adapters/simulated/index.ts', 'src/adapters/websocket/index.ts', 'src/react/index.ts', ...elementInputs()],
  external: isExternal,
  plugins: [
    copyFile('src/styles/themes.css', 'styles/themes.css'),
    nodeResolve({ extensions }),
    // tsconfig.json: experimentalDecorators + useDefineForClassFields false (legacy decorators).
    esbuild({ target: 'es2022', tsconfig: 'tsconfig.json', sourceMap: true }),
    terser(terserOptions),
  ],
  output: {
    dir: 'dist',
    format: 'es',
    sourcemap: true,
    preserveModules: true,
    preserveModulesRoot: 'src',
    entryFileNames: '[name].js',
  },
  onwarn(warning, warn) {
    // A circular import between type-only modules is harmless; everything else is shown.
    if (warning.code === 'CIRCULAR_DEPENDENCY' && warning.ids?.every(id => id.includes('/src/core/'))) return;
    warn(warning);
  },
};

/**
 * Copies one file into the output as it is (the host-page stylesheet themes.css).
 * @param {string} from
 * @param {string} fileName
 * @returns {import('rollup').Plugin}
 */
function copyFile(from, fileName) {
  return {
    name: 'copy-file',
    buildStart() {
      this.addWatchFile(from);
      this.emitFile({ type: 'asset', fileName, source: readFileSync(from) });
    },
  };
}

/**
 * Copies demo/ static files (everything that is not TypeScript) into the demo
 * output, and rejects inline scripts in HTML (blocked by the demo's CSP).
 * @param {string} dir
 * @returns {import('rollup').Plugin}
 */
function copyStatic(dir) {
  /** @param {string} base @returns {string[]} */
  const walk = base =>
    readdirSync(base).flatMap(name => {
      const full = path.join(base, name);
      return statSync(full).isDirectory() ? walk(full) : [full];
    });
  return {
    name: 'copy-demo-static',
    buildStart() {
      for (const file of walk(dir)) {
        if (/\.(ts|mts|cts)$/.test(file)) continue;
        this.addWatchFile(file);
        const source = readFileSync(file);
        const fileName = path.relative(dir, file).split(path.sep).join('/');
        if (file.endsWith('.html')) {
          const html = source.toString('utf8');
          const inline = html.match(/<script\b(?![^>]*\bsrc\s*=)[^>]*>/i);
          if (inline) this.error(`${file}: inline <script> is not allowed (strict CSP); use <script type="module" src="./main.js">. Found: ${inline[0]}`);
          const handler = html.match(/<[^>]+\s(on[a-z]+)\s*=/i);
          if (handler) this.error(`${file}: inline event handler attribute "${handler[1]}" is not allowed (strict CSP).`);
          if (!/<script\b[^>]*\bsrc\s*=\s*["']\.?\/?main\.js["']/i.test(html)) {
            this.warn(`${file}: no <script type="module" src="./main.js"> found; the bundled demo would not load.`);
          }
        }
        this.emitFile({ type: 'asset', fileName, source });
      }
    },
  };
}

/** @type {import('rollup').RollupOptions | undefined} */
const demo = existsSync('demo/main.ts')
  ? {
      input: 'demo/main.ts',
      plugins: [
        copyStatic('demo'),
        nodeResolve({ extensions, browser: true }),
        esbuild({
          target: 'es2022',
          tsconfig: 'tsconfig.json',
          sourceMap: true,
          define: { 'process.env.NODE_ENV': '"production"' },
        }),
        terser(terserOptions),
      ],
      output: {
        dir: 'dist/demo',
        format: 'es',
        sourcemap: true,
        entryFileNames: 'main.js',
        inlineDynamicImports: true,
      },
    }
  : undefined;

if (!demo) console.warn('rollup.config.mjs: demo/main.ts not found, skipping the demo bundle.');

export default demo ? [library, demo] : [library];
