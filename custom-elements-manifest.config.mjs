// @ts-check
/**
 * Custom Elements Manifest analyzer configuration (`npm run analyze`, checked by
 * `npm run analyze:check`). Writes ./custom-elements.json, which is committed.
 * @type {import('@custom-elements-manifest/analyzer').Config}
 */
export default {
  globs: ['src/components/**/*.ts'],
  exclude: ['src/components/**/*.styles.ts', '**/*.test.ts', '**/*.stories.ts', '**/*.d.ts'],
  outdir: '.',
  litelement: true,
  // package.json already declares "customElements"; never rewrite it.
  packagejson: false,
  dependencies: false,
};
