import { setCustomElementsManifest, type Decorator, type Preview } from '@storybook/web-components-vite';
import manifest from '../custom-elements.json';
import { LOCALES, setLocale, type Locale } from '../src/controllers/localize.js';

// Controls, argTypes and the docs tables come from the committed manifest.
setCustomElementsManifest(manifest);

type Theme = 'light' | 'dark';

/**
 * Dark theme: the public `--cc-*` design tokens, set on the document root, reach every
 * element's shadow tree (custom properties inherit).
 */
const THEME_CSS = `
:root[data-cc-theme='dark'] {
  color-scheme: dark;
  --cc-color-surface: #1d2025;
  --cc-color-surface-alt: #262a31;
  --cc-color-text: #e8eaed;
  --cc-color-text-muted: #a9b0bb;
  --cc-color-border: #48505c;
  --cc-color-primary: #5b9cff;
  --cc-color-on-primary: #0b1220;
  --cc-color-primary-hover: #7eb1ff;
  --cc-color-customer-bubble: #343a43;
  --cc-color-on-customer-bubble: #e8eaed;
  --cc-color-agent-bubble: #2f6fd6;
  --cc-color-on-agent-bubble: #ffffff;
  --cc-color-avatar: #6b7380;
  --cc-color-on-avatar: #ffffff;
  --cc-color-danger: #ff7b8a;
  --cc-color-success: #5fd38d;
  --cc-color-focus: #7eb1ff;
  --cc-color-disabled: #30353d;
  --cc-color-on-disabled: #9aa1ab;
}
:root[data-cc-theme='dark'] body { background: #121417; color: #e8eaed; }
`;

function ensureThemeStyles(): void {
  if (document.getElementById('cc-storybook-theme')) return;
  const style = document.createElement('style');
  style.id = 'cc-storybook-theme';
  style.textContent = THEME_CSS;
  document.head.append(style);
}

const isLocale = (value: unknown): value is Locale => LOCALES.includes(value as Locale);
const isTheme = (value: unknown): value is Theme => value === 'light' || value === 'dark';

/** Applies the toolbar's locale and theme before each story renders. */
const withLocaleAndTheme: Decorator = (story, context) => {
  const locale: unknown = context.globals['locale'];
  const theme: unknown = context.globals['theme'];
  const nextLocale = isLocale(locale) ? locale : 'en';
  setLocale(nextLocale);
  document.documentElement.lang = nextLocale;
  ensureThemeStyles();
  document.documentElement.dataset['ccTheme'] = isTheme(theme) ? theme : 'light';
  return story();
};

const preview: Preview = {
  tags: ['autodocs'],
  decorators: [withLocaleAndTheme],
  globalTypes: {
    locale: {
      description: 'Language of the widgets',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English (en)' },
          { value: 'zh-CN', title: '中文 (zh-CN)' },
        ],
        dynamicTitle: true,
      },
    },
    theme: {
      description: 'Colour theme (design tokens)',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: [
          { value: 'light', icon: 'sun', title: 'Light' },
          { value: 'dark', icon: 'moon', title: 'Dark' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: {
    locale: 'en',
    theme: 'light',
  },
  parameters: {
    controls: {
      expanded: true,
      matchers: { color: /(background|color)$/i, date: /Date$/i },
    },
  },
};

export default preview;
