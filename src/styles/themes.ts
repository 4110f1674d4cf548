import { unsafeCSS } from 'lit';

/** One public design token (R-X-03). */
export interface ThemeToken {
  /** The custom property hosts set on any ancestor, e.g. `--cc-color-surface`. */
  readonly name: `--cc-${string}`;
  /** The element-private alias that holds the resolved value inside each element. */
  readonly alias: `--_cc-${string}`;
  /** Value in the light scheme (the default). */
  readonly light: string;
  /** Value in the dark scheme; the same as `light` for tokens that are not colours. */
  readonly dark: string;
}

/**
 * Every public `--cc-*` token with its light and dark value. `tokens.ts` holds the light
 * values as the elements' fallbacks, `themes.css` the values hosts can link; tests keep
 * the three in step and check WCAG AA contrast of both schemes.
 */
export const THEME_TOKENS: readonly ThemeToken[] = [
  {
    name: '--cc-font-family',
    alias: '--_cc-font',
    light: "system-ui, -apple-system, 'Segoe UI', 'PingFang SC', 'Microsoft YaHei', sans-serif",
    dark: "system-ui, -apple-system, 'Segoe UI', 'PingFang SC', 'Microsoft YaHei', sans-serif",
  },
  { name: '--cc-font-size', alias: '--_cc-font-size', light: '14px', dark: '14px' },
  { name: '--cc-radius', alias: '--_cc-radius', light: '8px', dark: '8px' },
  { name: '--cc-space', alias: '--_cc-space', light: '8px', dark: '8px' },
  { name: '--cc-color-surface', alias: '--_cc-surface', light: '#ffffff', dark: '#1d2025' },
  { name: '--cc-color-surface-alt', alias: '--_cc-surface-alt', light: '#f4f5f7', dark: '#262a31' },
  { name: '--cc-color-text', alias: '--_cc-text', light: '#1b1d21', dark: '#e8eaed' },
  { name: '--cc-color-text-muted', alias: '--_cc-text-muted', light: '#545a66', dark: '#a9b0bb' },
  { name: '--cc-color-border', alias: '--_cc-border', light: '#c9ced6', dark: '#48505c' },
  { name: '--cc-color-field-border', alias: '--_cc-field-border', light: '#7d838f', dark: '#7b8390' },
  { name: '--cc-color-primary', alias: '--_cc-primary', light: '#0a5bd3', dark: '#5b9cff' },
  { name: '--cc-color-on-primary', alias: '--_cc-on-primary', light: '#ffffff', dark: '#0b1220' },
  { name: '--cc-color-primary-hover', alias: '--_cc-primary-hover', light: '#084aad', dark: '#7eb1ff' },
  { name: '--cc-color-customer-bubble', alias: '--_cc-customer-bubble', light: '#e8eaed', dark: '#343a43' },
  { name: '--cc-color-on-customer-bubble', alias: '--_cc-on-customer-bubble', light: '#1b1d21', dark: '#e8eaed' },
  { name: '--cc-color-peer-bubble', alias: '--_cc-peer-bubble', light: '#dcefe6', dark: '#22433a' },
  { name: '--cc-color-on-peer-bubble', alias: '--_cc-on-peer-bubble', light: '#1b1d21', dark: '#e8eaed' },
  { name: '--cc-color-agent-bubble', alias: '--_cc-agent-bubble', light: '#0a5bd3', dark: '#2f6fd6' },
  { name: '--cc-color-on-agent-bubble', alias: '--_cc-on-agent-bubble', light: '#ffffff', dark: '#ffffff' },
  { name: '--cc-color-avatar', alias: '--_cc-avatar', light: '#5d6470', dark: '#6b7380' },
  { name: '--cc-color-on-avatar', alias: '--_cc-on-avatar', light: '#ffffff', dark: '#ffffff' },
  { name: '--cc-color-danger', alias: '--_cc-danger', light: '#c4122f', dark: '#ff7b8a' },
  { name: '--cc-color-success', alias: '--_cc-success', light: '#17753a', dark: '#5fd38d' },
  { name: '--cc-color-warning', alias: '--_cc-warning', light: '#a65700', dark: '#f0a640' },
  { name: '--cc-color-focus', alias: '--_cc-focus', light: '#0a5bd3', dark: '#7eb1ff' },
  { name: '--cc-color-disabled', alias: '--_cc-disabled-bg', light: '#e3e5e8', dark: '#30353d' },
  { name: '--cc-color-on-disabled', alias: '--_cc-disabled-text', light: '#5f6570', dark: '#9aa1ab' },
  // Email content stays on light paper in both schemes, as in mail clients: senders write
  // their inline colours for a light page.
  { name: '--cc-email-body-background', alias: '--_cc-email-body-bg', light: '#ffffff', dark: '#ffffff' },
  { name: '--cc-email-body-color', alias: '--_cc-email-body-text', light: '#1b1d21', dark: '#1b1d21' },
  { name: '--cc-email-body-link', alias: '--_cc-email-body-link', light: '#0a5bd3', dark: '#0a5bd3' },
  { name: '--cc-email-grey-surface', alias: '--_cc-email-grey-surface', light: '#f4f5f7', dark: '#f4f5f7' },
  { name: '--cc-email-grey-text', alias: '--_cc-email-grey-text', light: '#545a66', dark: '#545a66' },
];

/** The schemes an element or ancestor can ask for with its `theme` attribute. */
export type ThemeName = 'light' | 'dark' | 'auto';

const declarations = (lines: readonly string[]): string => lines.map((line) => `${line};`).join(' ');
const differing = THEME_TOKENS.filter((token) => token.dark !== token.light);

/** Dark values as element-private aliases: a host's own `--cc-*` values still win. */
const darkAliases = declarations(['color-scheme: dark', ...differing.map((token) => `${token.alias}: var(${token.name}, ${token.dark})`)]);

/** The resolved values handed down as the public tokens. */
const handedDown = declarations(differing.map((token) => `${token.name}: var(${token.alias})`));

/**
 * The `theme` attribute on an element (R-X-03), part of `tokens`: `theme="dark"` switches
 * it to the dark scheme, `theme="auto"` follows `prefers-color-scheme`, no attribute (or
 * `theme="light"`) keeps the light scheme. Elements in its shadow tree (a template picker
 * inside a chat pane) and, for `<cc-provider>`, slotted elements follow: the resolved
 * values are handed down to the shadow tree's top elements as the public tokens.
 * (Built from THEME_TOKENS, a constant, so `unsafeCSS` is safe here.)
 */
export const schemes = unsafeCSS(
  [
    `:host([theme='dark']) { ${darkAliases} }`,
    `@media (prefers-color-scheme: dark) { :host([theme='auto']) { ${darkAliases} } }`,
    `:host([theme='light']) { color-scheme: light; }`,
    `:host([theme]) > * { ${handedDown} }`,
  ].join('\n'),
);
