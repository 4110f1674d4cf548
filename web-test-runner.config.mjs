// @ts-check
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { chromiumArgs, executablePath } from './scripts/chromium.mjs';
import { summaryReporter } from './scripts/summary-reporter.mjs';
import { reactEsmPlugin } from './test/react/react-esm-plugin.mjs';
import { backendPlugin } from './test/e2e/backend-plugin.mjs';

/**
 * The strictest reasonable host policy: no inline script, no eval, Trusted Types with the
 * library's policy names only. test/security/csp.test.ts proves the widgets run under it.
 */
export const STRICT_CSP =
  "default-src 'self'; script-src 'self'; object-src 'none'; require-trusted-types-for 'script'; trusted-types lit-html cc-digital-widgets dompurify";

/**
 * Serves the pages in test/security/fixtures/ with the strict policy as a real header.
 * @type {import('@web/dev-server-core').Middleware}
 */
async function strictCspPages(context, next) {
  await next();
  if (context.path.startsWith('/test/security/fixtures/') && context.path.endsWith('.html')) {
    context.set('Content-Security-Policy', STRICT_CSP);
  }
}

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 2,
  concurrentBrowsers: 1,
  // A test file that hangs (for example on an unresolved import) fails instead of stalling CI;
  // the longest files (the email widget's) need over two minutes when other jobs load the CPUs.
  testsFinishTimeout: 300_000,
  browserStartTimeout: 60_000,
  middleware: [strictCspPages],
  testFramework: {
    config: {
      ui: 'bdd',
      // A hang guard, not a speed budget: two pages share two cores with axe and esbuild.
      timeout: 20000,
    },
  },
  plugins: [
    // Uses tsconfig.json: experimentalDecorators + useDefineForClassFields false (legacy decorators).
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }),
    // test/react: React ships CommonJS; serve it as ES modules.
    reactEsmPlugin(),
    // test/e2e: `executeServerCommand('cc-backend', …)` starts, kills and restarts the reference backend (server/).
    backendPlugin(),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        headless: true,
        args: chromiumArgs,
      },
      // Test files run side by side in one browser, but only one page can own the
      // window focus: emulate focus in every page so focus()/activeElement/:focus-visible
      // behave as in a focused tab whatever the concurrency.
      async createPage({ context }) {
        const page = await context.newPage();
        const cdp = await page.createCDPSession();
        await cdp.send('Emulation.setFocusEmulationEnabled', { enabled: true });
        return page;
      },
    }),
  ],
  // Keep the default output; the summary reporter prints the closing
  // "<passed> passed, <failed> failed, <skipped> skipped" line last.
  reporters: [defaultReporter(), summaryReporter()],
};
