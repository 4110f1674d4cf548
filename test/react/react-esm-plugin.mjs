// @ts-check
import { execFileSync } from 'node:child_process';
import process from 'node:process';
import { build } from 'esbuild';

/**
 * React and ReactDOM ship CommonJS only, which a browser cannot import. This
 * web-test-runner plugin serves `react`, `react-dom`, `react-dom/client` and
 * `react/jsx-runtime` as ES modules: esbuild bundles them once into one module, so they
 * share one React, and each specifier re-exports its part with the named exports the
 * package has (as Node sees them) plus a default export.
 * @returns {import('@web/test-runner').TestRunnerPlugin}
 */
export function reactEsmPlugin() {
  const specifiers = ['react', 'react-dom', 'react-dom/client', 'react/jsx-runtime'];
  const prefix = '/__react-esm__/';
  /** @type {Promise<string> | undefined} */
  let shared;
  /** @type {Record<string, string[]> | undefined} */
  let exportNames;
  // Asked of a separate Node process: React's development build patches the console,
  // which the test runner's own console does not survive.
  const namesOf = (/** @type {string} */ specifier) =>
    (exportNames ??= JSON.parse(
      execFileSync(
        process.execPath,
        ['-e', `console.log(JSON.stringify(Object.fromEntries(${JSON.stringify(specifiers)}.map((s) => [s, Object.keys(require(s))]))))`],
        { cwd: process.cwd(), encoding: 'utf8' },
      ),
    ))[specifier] ?? [];
  const bundle = () =>
    (shared ??= build({
      stdin: { contents: specifiers.map((s, i) => `export * as m${i} from '${s}';`).join('\n'), resolveDir: process.cwd() },
      bundle: true,
      format: 'esm',
      platform: 'browser',
      write: false,
      define: { 'process.env.NODE_ENV': '"development"' },
      logLevel: 'silent',
    }).then((result) => result.outputFiles[0]?.text ?? ''));

  return {
    name: 'react-esm',
    resolveImport({ source }) {
      return specifiers.includes(source) ? `${prefix}${source}.js` : undefined;
    },
    async serve(context) {
      if (!context.path.startsWith(prefix)) return undefined;
      if (context.path === `${prefix}shared.js`) return { body: await bundle(), type: 'js' };
      const specifier = context.path.slice(prefix.length, -'.js'.length);
      const index = specifiers.indexOf(specifier);
      if (index < 0) return undefined;
      const names = namesOf(specifier).filter((name) => name !== 'default' && /^[A-Za-z_$][\w$]*$/.test(name));
      const body = [
        `import { m${index} as m } from '${prefix}shared.js';`,
        'export default m.default;',
        names.length > 0 ? `export const { ${names.join(', ')} } = m;` : '',
      ].join('\n');
      return { body, type: 'js' };
    },
  };
}
