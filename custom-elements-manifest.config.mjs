// @ts-check
/**
 * Custom Elements Manifest analyzer configuration (`npm run analyze`, checked by
 * `npm run analyze:check`). Writes ./custom-elements.json, which is committed.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Public tokens every element (but the unstyled <cc-provider>) reads through the shared
 * `tokens` and `controls` styles (src/styles/tokens.ts), listed on each element by the
 * `cc-theming` plugin below; descriptions come from THEME_TOKEN_DESCRIPTIONS (src/styles/theme-docs.ts).
 */
const SHARED_TOKENS = [
  '--cc-font-family',
  '--cc-font-size',
  '--cc-space',
  '--cc-radius',
  '--cc-color-text',
  '--cc-color-surface',
  '--cc-color-primary',
  '--cc-color-on-primary',
  '--cc-color-primary-hover',
  '--cc-color-focus',
  '--cc-color-disabled',
  '--cc-color-on-disabled',
];
/** @type {Map<string, string>} */
const tokenDescriptions = new Map(
  [...readFileSync('src/styles/theme-docs.ts', 'utf8').matchAll(/^ {2}'(--cc-[a-z-]+)': '((?:[^'\\]|\\.)*)',$/gm)].map(m => [
    m[1] ?? '',
    m[2] ?? '',
  ]),
);

/** The `theme` attribute every element takes (the `schemes` styles in src/styles/themes.ts). */
const THEME_ATTRIBUTE = {
  name: 'theme',
  type: { text: "'light' | 'dark' | 'auto'" },
  description:
    'Colour scheme (R-X-03): `dark`, `light` (the default) or `auto` (follows `prefers-color-scheme`). Elements inside this one follow it. Hosts can also set it on any ancestor with `themes.css`.',
};

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
      name: 'cc-theming',
      packageLinkPhase({ customElementsManifest }) {
        for (const mod of customElementsManifest.modules ?? []) {
          for (const declaration of mod.declarations ?? []) {
            if (!('tagName' in declaration) || !declaration.tagName) continue;
            const element = /** @type {import('custom-elements-manifest/schema').CustomElementDeclaration} */ (declaration);
            if (!(element.attributes ?? []).some(a => a.name === THEME_ATTRIBUTE.name)) element.attributes = [...(element.attributes ?? []), THEME_ATTRIBUTE];
            if (element.tagName === 'cc-provider') continue;
            const documented = new Set((element.cssProperties ?? []).map(p => p.name));
            const shared = SHARED_TOKENS.filter(name => !documented.has(name)).map(name => ({ name, description: tokenDescriptions.get(name) ?? '' }));
            if (shared.length > 0) element.cssProperties = [...(element.cssProperties ?? []), ...shared];
          }
        }
      },
    },
    {
      name: 'cc-sort-modules',
      packageLinkPhase({ customElementsManifest }) {
        customElementsManifest.modules?.sort((a, b) => byCodePoint(a.path, b.path));
      },
    },
  ],
};
