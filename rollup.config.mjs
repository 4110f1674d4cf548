// @ts-check
/**
 * `npm run build` (after `scripts/clean.mjs`, before `tsc -p tsconfig.build.json`):
 *
 * The library: ESM, one module per source file under dist/ (preserveModules),
 * entries src/index.ts, the adapters, the React wrappers (src/react/index.ts) and
 * every element module src/components/<tag>/<tag>.ts; src/styles/themes.css is copied;
 * runtime dependencies stay external; minified with terser; sourcemaps.
 *
 * The demo is bundled by scripts/demo.mjs (esbuild), which `npm run build` runs after this.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
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

export default library;
