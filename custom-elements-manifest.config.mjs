// @ts-check
/**
 * Custom Elements Manifest analyzer configuration (`npm run analyze`, checked by
 * `npm run analyze:check`). Writes ./custom-elements.json, which is committed.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** @param {string} a @param {string} b */
const byCodePoint = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

/** @type {import('@custom-elements-manifest/analyzer').Config} */
export default {
  globs: ['src/components/**/*.ts'],
  exclude: ['src/components/**/*.styles.ts', '**/*.test.ts', '**/*.stories.ts', '**/*.d.ts'],
  outdir: '.',
  litelement: true,
  // package.json already declares "customElements"; never rewrite it.
  packagejson: false,
  dependencies: false,
  /**
   * The analyzer's file globbing returns files in file-system order, which varies
   * between runs and machines; analyse them in a fixed order so the manifest (and
   * the freshness check) is deterministic. Same parsing as the analyzer's default.
   */
  overrideModuleCreation({ ts, globs }) {
    return [...globs]
      .sort(byCodePoint)
      .map(glob => ts.createSourceFile(glob, readFileSync(path.resolve(glob), 'utf8'), ts.ScriptTarget.ES2015, true));
  },
  plugins: [
    {
      name: 'cc-sort-modules',
      packageLinkPhase({ customElementsManifest }) {
        customElementsManifest.modules?.sort((a, b) => byCodePoint(a.path, b.path));
      },
    },
  ],
};
