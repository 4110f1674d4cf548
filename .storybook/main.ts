import type { StorybookConfig } from '@storybook/web-components-vite';

/**
 * Storybook 10 + Vite. The project uses legacy decorators (experimentalDecorators +
 * useDefineForClassFields false in tsconfig.json), which Vite's TypeScript transform
 * honours, so no extra transform is needed here.
 */
const config: StorybookConfig = {
  // Element stories, and the guides (stories/docs/*.mdx: integrating a backend, theming).
  stories: ['../stories/docs/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  framework: {
    name: '@storybook/web-components-vite',
    options: {},
  },
  core: {
    disableTelemetry: true,
  },
  // Storybook's own preview chunks (docs renderer, axe) are large by nature.
  viteFinal: config => ({ ...config, build: { ...config.build, chunkSizeWarningLimit: 2048 } }),
};

export default config;
