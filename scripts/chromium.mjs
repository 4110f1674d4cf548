// @ts-check
/**
 * The one place that says how to launch Chromium here: Debian's /usr/bin/chromium (or
 * CHROME_PATH), headless as root on a machine without network. Used by the browser tests
 * (web-test-runner.config.mjs), the Storybook check and the benchmark.
 */
import process from 'node:process';

/** The browser: `CHROME_PATH`, else Debian's Chromium. */
export const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium';

/**
 * Chromium flags that work headless as root on a machine without network.
 * Without the background-networking flags Chromium floods the closed network.
 */
export const chromiumArgs = [
  '--no-sandbox',
  '--headless=new',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
  // Pages run side by side; a page in the background must keep full-speed timers and frames.
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
];
