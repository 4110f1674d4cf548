import { setCustomElementsManifest, type Decorator, type Preview } from '@storybook/web-components-vite';
import manifest from '../custom-elements.json';
import { LOCALES, localeDirection, setLocale, type Locale } from '../src/controllers/localize.js';
import '../src/styles/themes.css';
import { disposeStoryWorlds, withStoryWorlds } from '../stories/support.js';

// Controls, argTypes and the docs tables come from the committed manifest.
setCustomElementsManifest(manifest);

type Theme = 'light' | 'dark' | 'auto';

/**
 * The toolbar's theme is applied the way a host page would: `src/styles/themes.css`
 * (the file hosts link) and `theme="…"` on the root element; the public `--cc-*`
 * tokens it sets reach every element's shadow tree. The page itself follows the
 * scheme through the system colours.
 */
const PAGE_CSS = `
body { background: Canvas; color: CanvasText; }
`;

function ensurePageStyles(): void {
  if (document.getElementById('cc-storybook-page')) return;
  const style = document.createElement('style');
  style.id = 'cc-storybook-page';
  style.textContent = PAGE_CSS;
  document.head.append(style);
}

const isLocale = (value: unknown): value is Locale => LOCALES.includes(value as Locale);
const isTheme = (value: unknown): value is Theme => value === 'light' || value === 'dark' || value === 'auto';

/** Applies the toolbar's locale and theme before each story renders. */
const withLocaleAndTheme: Decorator = (story, context) => {
  const locale: unknown = context.globals['locale'];
  const theme: unknown = context.globals['theme'];
  const nextLocale = isLocale(locale) ? locale : 'en';
  setLocale(nextLocale);
  document.documentElement.lang = nextLocale;
  document.documentElement.dir = localeDirection(nextLocale);
  ensurePageStyles();
  document.documentElement.setAttribute('theme', isTheme(theme) ? theme : 'light');
  return story();
};

const preview: Preview = {
  tags: ['autodocs'],
  decorators: [withStoryWorlds, withLocaleAndTheme],
  // A story's simulated contact center lives until Storybook tears the story down.
  beforeEach: ({ id }) => () => disposeStoryWorlds(id),
  globalTypes: {
    locale: {
      description: 'Language of the widgets',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English (en)' },
          { value: 'zh-CN', title: '中文 (zh-CN)' },
          { value: 'ar', title: 'العربية (ar, right to left)' },
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
          { value: 'auto', icon: 'contrast', title: 'System (prefers-color-scheme)' },
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
