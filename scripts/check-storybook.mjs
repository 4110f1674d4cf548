#!/usr/bin/env node
// @ts-check
/**
 * `npm run test:storybook` (after `npm run build-storybook`; run by .ci/run): visits every
 * entry of the BUILT Storybook (storybook-static/) in headless Chromium and fails unless
 *
 * - every story renders without a console error, uncaught exception or Storybook error
 *   screen, in every checked variant (theme × locale, below);
 * - axe-core (node_modules/axe-core, the same engine as @storybook/addon-a11y) reports no
 *   violation inside #storybook-root (R-X-02), colour contrast included, so both the light
 *   and the dark scheme are held to WCAG AA (R-X-03);
 * - nothing is fetched from another origin (Storybook must work offline: no CDN fonts);
 * - every docs page (autodocs and MDX) renders without a console error.
 *
 *   node scripts/check-storybook.mjs [storybook-static]
 *   STORYBOOK_CHECK_CONCURRENCY=1   pages checked side by side (default 2)
 *   STORYBOOK_CHECK_FILTER=chat     only entries whose id contains the text
 *   CHROME_PATH=/path/to/chrome     browser (default /usr/bin/chromium)
 */
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumArgs, executablePath } from './chromium.mjs';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const staticDir = path.resolve(process.argv[2] ?? path.join(projectRoot, 'storybook-static'));
const axePath = path.join(projectRoot, 'node_modules', 'axe-core', 'axe.min.js');
const concurrency = Math.max(1, Number.parseInt(process.env.STORYBOOK_CHECK_CONCURRENCY ?? '2', 10) || 2);
const filter = process.env.STORYBOOK_CHECK_FILTER ?? '';


/**
 * Every story is checked in these toolbar variants (Storybook's `globals` URL parameter):
 * both colour schemes in English, and the Chinese and the Arabic (right-to-left) strings in
 * the light scheme. The dark scheme changes colours only, so there axe runs just the rules
 * that look at colour.
 * @type {readonly { name: string, globals: string, rules?: string[] }[]}
 */
const VARIANTS = [
  { name: 'light', globals: 'theme:light;locale:en' },
  { name: 'dark', globals: 'theme:dark;locale:en', rules: ['color-contrast', 'link-in-text-block'] },
  { name: 'zh-CN', globals: 'theme:light;locale:zh-CN' },
  { name: 'ar', globals: 'theme:light;locale:ar' },
];
/** The a11y addon's own automatic axe run is switched off: this script runs axe itself. */
const BASE_GLOBALS = 'a11y.manual:!true';

/** How long a story may keep changing its DOM (its scripted world) before axe runs anyway. */
const SETTLE_MAX_MS = 2500;
/** A DOM quiet for this long counts as settled. */
const SETTLE_QUIET_MS = 250;
const RENDER_TIMEOUT_MS = 30_000;

/** @type {Record<string, string>} */
const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * @typedef {{ id: string, title: string, name: string, type: 'story' | 'docs' }} IndexEntry
 * @typedef {{ id: string, impact: string | null, help: string, helpUrl: string, nodes: { target: unknown[], failureSummary?: string }[] }} AxeViolation
 * @typedef {{ entry: IndexEntry, variant: string, problems: string[] }} Result
 */

/** @returns {IndexEntry[]} */
function readIndex() {
  const indexPath = path.join(staticDir, 'index.json');
  if (!existsSync(indexPath)) {
    console.error(`✖ ${indexPath} not found: run \`npm run build-storybook\` first.`);
    process.exit(1);
  }
  /** @type {{ entries: Record<string, IndexEntry> }} */
  const index = JSON.parse(readFileSync(indexPath, 'utf8'));
  return Object.values(index.entries).filter((e) => e.id.includes(filter));
}

/** A static file server for storybook-static on a free local port. */
async function serve() {
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const file = path.join(staticDir, decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname));
      // Chromium asks for /favicon.ico on its own; Storybook's iframe has no icon.
      if (url.pathname === '/favicon.ico') return void res.writeHead(204).end();
      if (!file.startsWith(staticDir) || !(await stat(file)).isFile()) throw new Error('not found');
      res.writeHead(200, { 'Content-Type': MIME_TYPES[path.extname(file)] ?? 'application/octet-stream' });
      createReadStream(file).pipe(res);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('static server has no port');
  return { server, origin: `http://127.0.0.1:${address.port}` };
}

/**
 * Shows `entry` on `page`: the first time in a variant by loading iframe.html with the
 * variant's globals, afterwards through Storybook's channel (`setCurrentStory`), which
 * skips reloading and re-parsing the preview bundle for every story. Resolves with
 * 'shown', or with what Storybook reported instead.
 * @param {import('playwright-core').Page} page
 * @param {string} origin
 * @param {IndexEntry} entry
 * @param {typeof VARIANTS[number]} variant
 * @param {boolean} reload
 * @returns {Promise<string>}
 */
async function show(page, origin, entry, variant, reload) {
  const viewMode = entry.type === 'docs' ? 'docs' : 'story';
  if (reload) {
    await page.goto(`${origin}/iframe.html?id=${encodeURIComponent(entry.id)}&viewMode=${viewMode}&globals=${BASE_GLOBALS};${variant.globals}`, {
      waitUntil: 'load',
    });
    // Storybook marks the body: sb-show-main (shown), sb-show-errordisplay (render failed), sb-show-nopreview (unknown id).
    const handle = await page.waitForFunction(
      () => {
        const classes = document.body.classList;
        if (classes.contains('sb-show-errordisplay')) return 'error';
        if (classes.contains('sb-show-nopreview')) return 'missing';
        return classes.contains('sb-show-main') && !classes.contains('sb-show-preparing-story') && !classes.contains('sb-show-preparing-docs')
          ? 'shown'
          : false;
      },
      undefined,
      { timeout: RENDER_TIMEOUT_MS, polling: 50 },
    );
    return /** @type {string} */ (await handle.jsonValue());
  }
  return page.evaluate(
    ({ id, viewMode, timeout }) =>
      new Promise((resolve) => {
        /** @type {{ on(event: string, listener: (arg: unknown) => void): void, off(event: string, listener: (arg: unknown) => void): void, emit(event: string, arg: unknown): void }} */
        // @ts-expect-error Storybook's preview channel
        const channel = window.__STORYBOOK_ADDONS_CHANNEL__;
        /** @type {ReturnType<typeof setInterval> | undefined} */
        let poll;
        /** @type {Record<string, (arg: unknown) => void>} */
        const listeners = {
          storyRendered: (arg) => arg === id && done('shown'),
          docsRendered: (arg) => arg === id && done('shown'),
          // docsRendered can be missed while a docs page re-renders its stories: once the page is prepared, its DOM says when it is up.
          docsPrepared: (arg) => {
            if (typeof arg !== 'object' || arg === null || !('id' in arg) || arg.id !== id) return;
            poll = setInterval(() => {
              const classes = document.body.classList;
              const docs = document.getElementById('storybook-docs');
              if (classes.contains('sb-show-main') && !classes.contains('sb-show-preparing-docs') && docs && docs.childElementCount > 0) done('shown');
            }, 100);
          },
          storyErrored: () => done('error'),
          storyThrewException: () => done('error'),
          storyMissing: () => done('missing'),
        };
        const timer = setTimeout(() => done(`no render event within ${timeout} ms`), timeout);
        /** @param {string} result */
        function done(result) {
          clearTimeout(timer);
          clearInterval(poll);
          for (const [event, listener] of Object.entries(listeners)) channel.off(event, listener);
          resolve(result);
        }
        for (const [event, listener] of Object.entries(listeners)) channel.on(event, listener);
        channel.emit('setCurrentStory', { storyId: id, viewMode });
      }),
    { id: entry.id, viewMode, timeout: RENDER_TIMEOUT_MS },
  );
}

/**
 * Checks one entry in one variant on `page`.
 * @param {import('playwright-core').Page} page
 * @param {string} origin
 * @param {IndexEntry} entry
 * @param {typeof VARIANTS[number]} variant
 * @param {boolean} reload whether the page must be (re)loaded for this variant
 * @returns {Promise<Result>}
 */
async function check(page, origin, entry, variant, reload) {
  /** @type {string[]} */
  const problems = [];
  const onConsole = (/** @type {import('playwright-core').ConsoleMessage} */ msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}${msg.location().url ? ` (${msg.location().url})` : ''}`);
  };
  const onPageError = (/** @type {Error} */ error) => problems.push(`uncaught exception: ${error.message}`);
  const onRequest = (/** @type {import('playwright-core').Request} */ request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:') && !url.startsWith('about:')) {
      problems.push(`request to another origin (Storybook must work offline): ${url}`);
    }
  };
  page.on('console', onConsole);
  page.on('pageerror', onPageError);
  page.on('request', onRequest);
  try {
    const state = await show(page, origin, entry, variant, reload);
    if (state === 'error') {
      const message = await page.locator('#error-message').innerText().catch(() => '');
      const stack = await page.locator('#error-stack').innerText().catch(() => '');
      problems.push(`Storybook error screen: ${message} ${stack.split('\n').slice(0, 3).join(' ')}`.trim());
    } else if (state === 'missing') {
      problems.push('Storybook has no story with this id');
    } else if (state !== 'shown') {
      problems.push(state);
    } else {
      await settle(page, entry.type === 'docs' ? '#storybook-docs' : '#storybook-root');
      if (entry.type === 'story') {
        problems.push(...(await axe(page, variant.rules)));
      }
    }
  } catch (error) {
    problems.push(`check failed: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    page.off('console', onConsole);
    page.off('pageerror', onPageError);
    page.off('request', onRequest);
  }
  return { entry, variant: variant.name, problems };
}

/**
 * Waits until the story's shadow-including DOM has been quiet for SETTLE_QUIET_MS (its
 * scripted world has played out), at most SETTLE_MAX_MS, and every Lit element has updated.
 * @param {import('playwright-core').Page} page
 * @param {string} rootSelector
 */
async function settle(page, rootSelector) {
  await page.evaluate(
    async ({ rootSelector, quietMs, maxMs }) => {
      const root = document.querySelector(rootSelector) ?? document.body;
      /** @type {Set<Node>} */
      const observed = new Set();
      let last = performance.now();
      const observer = new MutationObserver(() => {
        last = performance.now();
        observeShadowRoots(root);
      });
      /** @param {Node} node */
      const observe = (node) => {
        if (observed.has(node)) return;
        observed.add(node);
        observer.observe(node, { subtree: true, childList: true, characterData: true, attributes: true });
      };
      /** @param {Element | ShadowRoot} node */
      function observeShadowRoots(node) {
        for (const el of node.querySelectorAll('*')) {
          if (el.shadowRoot) {
            observe(el.shadowRoot);
            observeShadowRoots(el.shadowRoot);
          }
        }
      }
      observe(root);
      if (root instanceof Element) observeShadowRoots(root);
      const start = performance.now();
      while (performance.now() - start < maxMs && performance.now() - last < quietMs) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      observer.disconnect();
      /** @type {Promise<unknown>[]} */
      const updates = [];
      /** @param {Element | ShadowRoot} node */
      const collect = (node) => {
        for (const el of node.querySelectorAll('*')) {
          const update = /** @type {{ updateComplete?: Promise<unknown> }} */ (el).updateComplete;
          if (update instanceof Promise) updates.push(update);
          if (el.shadowRoot) collect(el.shadowRoot);
        }
      };
      if (root instanceof Element) collect(root);
      await Promise.all(updates);
    },
    { rootSelector, quietMs: SETTLE_QUIET_MS, maxMs: SETTLE_MAX_MS },
  );
}

/**
 * Runs axe on #storybook-root (all rules, or only `rules`) and describes each violation.
 * Every violation is a problem: there is no list of tolerated ones.
 * @param {import('playwright-core').Page} page
 * @param {string[] | undefined} rules
 * @returns {Promise<string[]>}
 */
async function axe(page, rules) {
  // Our own axe-core (node_modules/axe-core), replacing the a11y addon's copy on window.
  await page.addScriptTag({ path: axePath });
  /** @type {AxeViolation[]} */
  const violations = await page.evaluate(async (rules) => {
    const options = rules ? { resultTypes: ['violations'], runOnly: { type: 'rule', values: rules } } : { resultTypes: ['violations'] };
    // @ts-expect-error axe-core's global, injected above
    const result = await window.axe.run(document.querySelector('#storybook-root'), options);
    return result.violations;
  }, rules);
  return violations.map((v) => {
    const nodes = v.nodes
      .slice(0, 5)
      .map((n) => `\n      at ${JSON.stringify(n.target)}${n.failureSummary ? `\n        ${n.failureSummary.replace(/\n/g, '\n        ')}` : ''}`)
      .join('');
    const more = v.nodes.length > 5 ? `\n      … and ${v.nodes.length - 5} more` : '';
    return `axe ${v.id} (${v.impact ?? 'n/a'}): ${v.help} — ${v.helpUrl}${nodes}${more}`;
  });
}

async function main() {
  const entries = readIndex();
  if (entries.length === 0) {
    console.error(`✖ no Storybook entries${filter ? ` matching "${filter}"` : ''} in ${staticDir}/index.json`);
    process.exit(1);
  }
  const stories = entries.filter((e) => e.type === 'story');
  const docs = entries.filter((e) => e.type === 'docs');
  /** @type {{ entry: IndexEntry, variant: typeof VARIANTS[number] }[]} */
  const jobs = [
    // Docs pages: rendering and console only (axe on Storybook's own docs UI is not ours to fix).
    ...docs.map((entry) => ({ entry, variant: VARIANTS[0] })),
    // Variant by variant, so a page is reloaded only when the variant changes.
    ...VARIANTS.flatMap((variant) => stories.map((entry) => ({ entry, variant }))),
  ];

  const { server, origin } = await serve();
  const browser = await chromium.launch({ executablePath, args: chromiumArgs, headless: true });
  /** @type {Result[]} */
  const results = [];
  const started = Date.now();
  try {
    let next = 0;
    const worker = async () => {
      // One context per worker: separate storage, focus emulated so focus styles and traps behave.
      const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, reducedMotion: 'reduce' });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setFocusEmulationEnabled', { enabled: true });
      /** @type {string | undefined} */
      let loaded;
      for (let job = jobs[next++]; job; job = jobs[next++]) {
        const result = await check(page, origin, job.entry, job.variant, loaded !== job.variant.name);
        // After a failure, start the next check from a freshly loaded page.
        loaded = result.problems.length === 0 ? job.variant.name : undefined;
        results.push(result);
        const mark = result.problems.length === 0 ? '✔' : '✖';
        console.log(`${mark} ${job.entry.id} [${job.entry.type === 'docs' ? 'docs' : job.variant.name}]`);
      }
      await context.close();
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, jobs.length) }, worker));
  } finally {
    await browser.close();
    server.close();
  }

  const failed = results.filter((r) => r.problems.length > 0);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (failed.length > 0) {
    console.error(`\nStorybook check found problems in ${failed.length} of ${results.length} page(s):`);
    for (const r of failed.sort((a, b) => (a.entry.id < b.entry.id ? -1 : a.entry.id > b.entry.id ? 1 : 0))) {
      console.error(`\n✖ ${r.entry.title} › ${r.entry.name} (${r.entry.id}) [${r.entry.type === 'docs' ? 'docs' : r.variant}]`);
      for (const p of r.problems) console.error(`    ${p}`);
    }
  }
  const summary = `Storybook check: ${stories.length} stories × ${VARIANTS.length} variants (${VARIANTS.map((v) => v.name).join(', ')}) and ${docs.length} docs pages checked in ${seconds} s; ${failed.length} with problems.`;
  if (failed.length > 0) {
    console.error(`\n${summary}`);
    process.exit(1);
  }
  console.log(summary);
}

await main();
