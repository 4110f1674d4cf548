// @ts-check
/* global console, URL, window -- window: inside page.evaluate, run by the browser */
/**
 * `npm run bench`: bundle sizes, a 10,000-message thread (first render, appends,
 * scrolling), store throughput and memory. Prints ONE JSON object on stdout — every figure
 * with its budget, pass/fail and a naive baseline measured in the same run, and the ratio
 * figure / baseline, which stays comparable on a busy machine. Progress goes to stderr.
 *
 * Sizes: esbuild bundles (minified, production), each output file gzipped at level 9.
 * Timings and memory: headless Chromium through playwright-core (/usr/bin/chromium, or
 * CHROME_PATH), the page bundled from bench/pages/. Not part of `npm test`.
 *
 * `--only store` (or a comma-separated list of bundle, thread, store, memory, virtualizer)
 * measures just those figures, for quick iterations; the default is everything.
 *
 * `virtualizer` compares the pane's own long-thread virtualizer with @lit-labs/virtualizer
 * showing the same rows (bench/pages/virtualizer.ts), runs interleaved; ratios are ours /
 * theirs. It also checks both under a strict style policy and with real key presses.
 */
import { build } from 'esbuild';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { chromiumArgs, executablePath } from '../scripts/chromium.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'node_modules', '.cache', 'cc-bench');
/** The flags of every Chromium launch here (scripts/chromium.mjs), plus GC and precise memory for the heap figure. */
const CHROMIUM_ARGS = [...chromiumArgs, '--js-flags=--expose-gc', '--enable-precise-memory-info'];

const BUDGET = {
  libraryKB: 60,
  chatPathKB: 40,
  firstRenderMs: 50,
  appendP95Ms: 4,
  scrollLongTasks: 0,
  eventsPerSecond: 200_000,
  heapMB: 60,
};

const THREAD = 10_000;
const RUNS = 3;
/** Store throughput: best of this many bursts. */
const STORE_RUNS = 10;

const SECTIONS = ['bundle', 'thread', 'store', 'memory', 'virtualizer'];
const onlyArg = process.argv.indexOf('--only');
const only = onlyArg < 0 ? SECTIONS : (process.argv[onlyArg + 1] ?? '').split(',').filter(Boolean);
const unknownSection = only.find((s) => !SECTIONS.includes(s));
if (only.length === 0 || unknownSection !== undefined) {
  process.stderr.write(`bench: --only takes a comma-separated list of ${SECTIONS.join(', ')}\n`);
  process.exit(2);
}
const want = (/** @type {string} */ section) => only.includes(section);

const log = (/** @type {string} */ message) => process.stderr.write(`bench: ${message}\n`);
const round = (/** @type {number} */ n, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
const kb = (/** @type {number} */ bytes) => round(bytes / 1024, 1);
const median = (/** @type {number[]} */ values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
};

/**
 * One figure of the report. `lowerIsBetter` figures pass at or under the budget, others at
 * or over it; `ratio` is value / baseline.
 * @param {{ value: number, unit: string, budget?: number, baseline?: number, baselineIs?: string, lowerIsBetter?: boolean, [k: string]: unknown }} f
 */
function figure({ value, unit, budget, baseline, baselineIs, lowerIsBetter = true, ...details }) {
  return {
    value,
    unit,
    ...(budget === undefined ? {} : { budget, pass: lowerIsBetter ? value <= budget : value >= budget }),
    ...(baseline === undefined ? {} : { baseline, baselineIs, ratio: round(value / baseline, 3) }),
    ...details,
  };
}

// ---- bundle sizes -----------------------------------------------------------------

const ESBUILD = /** @type {const} */ ({
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2022',
  write: false,
  metafile: true,
  legalComments: 'none',
  logLevel: 'silent',
  tsconfig: path.join(root, 'tsconfig.json'),
  define: { 'process.env.NODE_ENV': '"production"' },
});

/** Element modules, as rollup.config.mjs finds them: src/components/<tag>/<tag>.ts. */
function elementModules() {
  const dir = path.join(root, 'src', 'components');
  return readdirSync(dir)
    .filter((name) => name.startsWith('cc-') && existsSync(path.join(dir, name, `${name}.ts`)))
    .sort()
    .map((name) => `src/components/${name}/${name}.ts`);
}

/**
 * Bundles `entry` (a file in the bench cache) and sizes its output: every file gzipped on
 * its own; `eager` is what loading the entry fetches before any dynamic import.
 * @param {string} entry
 * @param {boolean} splitting false: dynamic imports are bundled in (everything eager)
 */
async function sizes(entry, splitting = true) {
  const result = await build({ ...ESBUILD, entryPoints: [entry], splitting, outdir: path.join(out, 'sizes') });
  const outputs = result.metafile.outputs;
  const gz = new Map(result.outputFiles.map((f) => [path.relative(root, f.path), gzipSync(f.contents, { level: 9 }).length]));
  // Modules loaded by a dynamic import are entry points of their own in the metafile: pick the entry's output.
  const entryOut = Object.keys(outputs).find((name) => {
    const from = outputs[name]?.entryPoint;
    return from !== undefined && path.resolve(from) === path.resolve(entry);
  });
  if (!entryOut) throw new Error(`no output for ${entry}`);
  const eager = new Set();
  for (const queue = [entryOut]; queue.length > 0; ) {
    const name = /** @type {string} */ (queue.pop());
    if (eager.has(name)) continue;
    eager.add(name);
    for (const i of outputs[name]?.imports ?? []) if (i.kind === 'import-statement') queue.push(i.path);
  }
  const js = Object.keys(outputs).filter((name) => name.endsWith('.js'));
  const sum = (/** @type {string[]} */ names) => names.reduce((n, name) => n + (gz.get(name) ?? 0), 0);
  /** Minified bytes per package or source folder in the eager files. */
  const eagerInputs = new Map();
  for (const name of eager) {
    for (const [input, { bytesInOutput }] of Object.entries(outputs[name]?.inputs ?? {})) {
      const key = input.startsWith('node_modules/') ? input.split('/').slice(0, input.split('/')[1]?.startsWith('@') ? 3 : 2).join('/') : input;
      eagerInputs.set(key, (eagerInputs.get(key) ?? 0) + bytesInOutput);
    }
  }
  return { totalGzip: sum(js), eagerGzip: sum([...eager]), files: js.length, eagerInputs };
}

/** Top contributors (minified bytes, before gzip). */
function top(/** @type {Map<string, number>} */ inputs, n = 12) {
  return Object.fromEntries([...inputs].filter(([, b]) => b > 0).sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, b]) => [k, kb(b)]));
}

async function bundleFigures() {
  log('bundle sizes');
  await mkdir(out, { recursive: true });
  const rel = (/** @type {string} */ file) => JSON.stringify(path.relative(out, path.join(root, file)).split(path.sep).join('/'));
  const library = path.join(out, 'library.ts');
  await writeFile(library, [`export * from ${rel('src/index.ts')};`, ...elementModules().map((m) => `import ${rel(m)};`)].join('\n'));
  // What a host showing a chat pane loads: 'cc-digital-widgets/cc-chat-widget' and 'cc-digital-widgets/store'.
  const chat = path.join(out, 'chat.ts');
  const chatLines = [
    `export { CcChatWidget } from ${rel('src/components/cc-chat-widget/cc-chat-widget.ts')};`,
    `export { createInteractionStore } from ${rel('src/core/store/store.ts')};`,
  ];
  await writeFile(chat, chatLines.join('\n'));
  const chatWithProvider = path.join(out, 'chat-provider.ts');
  await writeFile(chatWithProvider, [...chatLines, `export { CcProvider } from ${rel('src/components/cc-provider/cc-provider.ts')};`].join('\n'));
  const simulated = path.join(out, 'simulated.ts');
  await writeFile(simulated, `export * from ${rel('src/adapters/simulated/index.ts')};`);

  const [lib, libOneFile, chatPath, chatEager, chatProvider, sim] = await Promise.all([
    sizes(library),
    sizes(library, false),
    sizes(chat),
    sizes(chat, false),
    sizes(chatWithProvider),
    sizes(simulated, false),
  ]);
  const forbidden = [...chatPath.eagerInputs.keys()].filter((k) =>
    /^node_modules\/(dompurify|marked)$|^src\/content\/(markdown|markdown-html|sanitize)\.ts$|^src\/components\/cc-email-widget\//.test(k),
  );
  return {
    'bundle.library': figure({
      value: kb(lib.totalGzip),
      unit: 'KB gzip',
      budget: BUDGET.libraryKB,
      baseline: kb(libOneFile.totalGzip),
      baselineIs: 'the same code as one bundle, nothing loaded lazily',
      files: lib.files,
      largest: top(libOneFile.eagerInputs),
      what: 'src/index.ts and every element module with all dependencies, lazy chunks included, each file gzip -9',
    }),
    'bundle.chatPath': figure({
      value: kb(chatPath.eagerGzip),
      unit: 'KB gzip',
      budget: BUDGET.chatPathKB,
      baseline: kb(chatEager.totalGzip),
      baselineIs: 'the same entry with every dynamic import bundled in (marked and DOMPurify eager)',
      lazyKB: kb(chatPath.totalGzip - chatPath.eagerGzip),
      withProviderKB: kb(chatProvider.eagerGzip),
      largest: top(chatPath.eagerInputs),
      what: "<cc-chat-widget> and createInteractionStore ('cc-digital-widgets/cc-chat-widget' and '/store'): code loaded before any dynamic import; withProviderKB adds the optional <cc-provider>",
    }),
    'bundle.chatPathLoadsContentLazily': {
      value: forbidden.length === 0,
      budget: true,
      pass: forbidden.length === 0,
      eagerButShouldBeLazy: forbidden,
      what: 'marked, DOMPurify, the content module and the email widget are not in the chat path',
    },
    'bundle.simulated': figure({ value: kb(sim.totalGzip), unit: 'KB gzip', what: 'the optional simulated contact center (cc-digital-widgets/simulated), not counted above' }),
  };
}

// ---- the browser ----------------------------------------------------------------

/** Bundles the bench page twice: as is, and with the naive message lists (the store baseline). */
async function buildPages() {
  log('bundling the bench page');
  const pages = path.join(out, 'pages');
  await rm(pages, { recursive: true, force: true });
  const naiveTimeline = path.join(root, 'bench', 'baseline', 'naive-timeline.ts');
  /** @type {import('esbuild').Plugin} */
  const naive = {
    name: 'naive-timeline',
    setup(b) {
      b.onResolve({ filter: /\/timeline\.js$/ }, (args) =>
        args.importer.includes(`${path.sep}src${path.sep}core${path.sep}store${path.sep}`) ? { path: naiveTimeline } : undefined,
      );
    },
  };
  const entry = path.join(root, 'bench', 'pages', 'bench-page.ts');
  for (const [dir, plugins] of /** @type {const} */ ([
    ['real', []],
    ['naive', [naive]],
  ])) {
    const result = await build({ ...ESBUILD, entryPoints: { bench: entry }, outdir: path.join(pages, dir), write: true, splitting: true, plugins: [...plugins] });
    if (dir === 'naive' && !Object.keys(result.metafile.inputs).some((i) => i.endsWith('naive-timeline.ts'))) throw new Error('the naive baseline was not swapped in');
    await writeFile(
      path.join(pages, dir, 'index.html'),
      '<!doctype html><html lang="en"><meta charset="utf-8"><title>cc bench</title><body style="margin:0;width:800px"><script type="module" src="./bench.js"></script></body></html>',
    );
    // Served with STYLE_CSP: no inline style anywhere, the page's width comes from the script.
    await writeFile(
      path.join(pages, dir, 'csp.html'),
      '<!doctype html><html lang="en"><meta charset="utf-8"><title>cc bench, strict CSP</title><body><script type="module" src="./bench.js"></script></body></html>',
    );
  }
  return pages;
}

/** The policy of csp.html: scripts and styles from the page's origin only, no style attributes. */
const STYLE_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; style-src-attr 'none'; object-src 'none'";

/** Serves `dir` on a free port; csp.html with STYLE_CSP. */
async function serve(/** @type {string} */ dir) {
  const server = createServer(async (req, res) => {
    const file = path.join(dir, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    if (!file.startsWith(dir)) return void res.writeHead(403).end();
    try {
      const body = await readFile(file);
      const csp = path.basename(file) === 'csp.html' ? { 'content-security-policy': STYLE_CSP } : {};
      res.writeHead(200, { 'content-type': file.endsWith('.js') ? 'text/javascript' : 'text/html; charset=utf-8', ...csp }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return { server, url: `http://127.0.0.1:${address.port}` };
}

/**
 * Runs `fn(window.ccBench, arg)` on a fresh page of the real (or naive) bundle.
 * @template T
 * @param {import('playwright-core').Browser} browser
 * @param {string} url
 * @param {(page: import('playwright-core').Page) => Promise<T>} run
 */
async function onPage(browser, url, run) {
  const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
  page.on('pageerror', (e) => log(`page error: ${e.message}`));
  try {
    await page.goto(url);
    await page.waitForFunction(() => 'ccBench' in window);
    return await run(page);
  } finally {
    await page.close();
  }
}

/** @param {import('playwright-core').Page} page */
async function heapAfterGc(page) {
  const cdp = await page.context().newCDPSession(page);
  for (let k = 0; k < 3; k++) {
    await page.evaluate(() => (/** @type {{ gc?: () => void }} */ (/** @type {unknown} */ (window))).gc?.());
    await cdp.send('HeapProfiler.collectGarbage');
  }
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize;
}

async function browserFigures() {
  const pages = await buildPages();
  const { server, url } = await serve(pages);
  const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
  try {
    const real = `${url}/real/index.html`;
    const naive = `${url}/naive/index.html`;

    /** @type {Record<'widget' | 'naive', import('./pages/bench-page.js').ThreadResult[]>} */
    const threads = { widget: [], naive: [] };
    for (let run = 0; run < (want('thread') ? RUNS : 0); run++) {
      for (const kind of /** @type {const} */ (['widget', 'naive'])) {
        log(`thread of ${THREAD} messages: ${kind}, run ${run + 1}/${RUNS}`);
        // The plain list takes a second or more per append: 20 of them make its baseline.
        const appends = kind === 'widget' ? 100 : 20;
        threads[kind].push(await onPage(browser, real, (page) => page.evaluate(([k, n, a]) => window.ccBench.thread(k, n, a), /** @type {const} */ ([kind, THREAD, appends]))));
      }
    }
    const pick = (/** @type {'widget' | 'naive'} */ kind, /** @type {(r: import('./pages/bench-page.js').ThreadResult) => number} */ f) => round(median(threads[kind].map(f)), 2);

    // Best of STORE_RUNS runs each: a short burst, and a busy machine (a shared VM's host
    // included) only ever makes it slower; ten runs ride out a slow spell of a few seconds.
    const throughput = async (/** @type {string} */ bundle, /** @type {number} */ interactions, /** @type {number} */ per) =>
      onPage(browser, bundle, (page) => page.evaluate(([i, p, r]) => window.ccBench.storeThroughput(i, p, r), [interactions, per, STORE_RUNS]));
    const storeRuns = async () => {
      log('store throughput');
      return { busy: await throughput(real, 50, 1000), busyNaive: await throughput(naive, 50, 1000), long: await throughput(real, 1, THREAD), longNaive: await throughput(naive, 1, THREAD) };
    };
    const store = want('store') ? await storeRuns() : undefined;

    const heap = async (/** @type {'widget' | 'naive' | 'none'} */ kind) =>
      onPage(browser, real, async (page) => {
        const messages = await page.evaluate((k) => window.ccBench.memory(k, 50, 1000), kind);
        return { messages, bytes: await heapAfterGc(page) };
      });
    const memoryRuns = async () => {
      log('memory');
      return { empty: await onPage(browser, real, heapAfterGc), withWidget: await heap('widget'), withNaive: await heap('naive'), storeOnly: await heap('none') };
    };
    const memory = want('memory') ? await memoryRuns() : undefined;

    const virtualizerRuns = async () => {
      /** @type {Record<'ours' | 'theirs', import('./pages/bench-page.js').VirtualizerResult[]>} */
      const runs = { ours: [], theirs: [] };
      for (let run = 0; run < RUNS; run++) {
        for (const kind of /** @type {const} */ (['ours', 'theirs'])) {
          log(`virtualizer, ${THREAD} messages: ${kind}, run ${run + 1}/${RUNS}`);
          runs[kind].push(await onPage(browser, real, (page) => page.evaluate(([k, n]) => window.ccBench.virtualizer(k, n), /** @type {const} */ ([kind, THREAD]))));
        }
      }
      /** @type {Record<string, Record<string, unknown>>} */
      const behaviour = {};
      for (const kind of /** @type {const} */ (['ours', 'theirs'])) {
        log(`virtualizer: ${kind} with real keys and under a strict style policy`);
        const keys = await onPage(browser, real, async (page) => {
          await page.evaluate(([k, n]) => window.ccBench.keyboardSetup(k, n), /** @type {const} */ ([kind, THREAD]));
          /** @type {Record<string, unknown>} */
          const seen = {};
          for (const key of ['Home', 'PageDown', 'End', 'PageUp', 'ArrowUp']) {
            await page.keyboard.press(key);
            seen[key] = await page.evaluate(() => window.ccBench.keyboardCheck());
          }
          return seen;
        });
        const violations = await onPage(browser, `${url}/real/csp.html`, (page) => page.evaluate((k) => window.ccBench.cspProbe(k), kind));
        behaviour[kind] = { keys, cspViolations: violations };
      }
      behaviour['cspControl'] = { violations: await onPage(browser, `${url}/real/csp.html`, (page) => page.evaluate(() => window.ccBench.cspControl())), what: 'a deliberate style attribute on the same page: must be reported' };
      return { runs, behaviour };
    };
    const virtualizer = want('virtualizer') ? await virtualizerRuns() : undefined;

    const version = browser.version();
    return {
      chromium: version,
      figures: {
        ...(want('thread') ? threadFigures() : {}),
        ...(store ? storeFigures(store) : {}),
        ...(memory ? memoryFigures(memory) : {}),
        ...(virtualizer ? virtualizerFigures(virtualizer) : {}),
      },
    };

    function threadFigures() {
      return {
        'thread.firstRender': figure({
          value: pick('widget', (r) => r.firstRenderMs),
          unit: 'ms',
          budget: BUDGET.firstRenderMs,
          baseline: pick('naive', (r) => r.firstRenderMs),
          baselineIs: `a plain Lit list rendering all ${THREAD} messages with the pane's markup`,
          renderedMessages: pick('widget', (r) => r.renderedMessages),
          baselineRenderedMessages: pick('naive', (r) => r.renderedMessages),
          coldFirstRenderMs: pick('widget', (r) => r.coldFirstRenderMs),
          baselineColdFirstRenderMs: pick('naive', (r) => r.coldFirstRenderMs),
          what: `append <cc-chat-widget> showing ${THREAD} messages until rendered and laid out, on a page that has shown a pane before (median of ${RUNS}); coldFirstRenderMs: the first pane on a fresh page (10 messages: script, styles and fonts warming up)`,
        }),
        'thread.appendP95': figure({
          value: pick('widget', (r) => r.appendP95Ms),
          unit: 'ms',
          budget: BUDGET.appendP95Ms,
          baseline: pick('naive', (r) => r.appendP95Ms),
          baselineIs: 'the plain list (20 appends)',
          medianMs: pick('widget', (r) => median([...r.appendMs])),
          baselineMedianMs: pick('naive', (r) => median([...r.appendMs])),
          what: `95th percentile of 100 appends: store.ingest to rendered and laid out (median of ${RUNS})`,
        }),
        'thread.scrollLongTasks': figure({
          value: pick('widget', (r) => r.scroll.longTasks),
          unit: 'long tasks (> 50 ms)',
          budget: BUDGET.scrollLongTasks,
          baseline: Math.max(1, pick('naive', (r) => r.scroll.longTasks)),
          baselineIs: 'the plain list (at least 1, for the ratio)',
          baselineLongTasks: pick('naive', (r) => r.scroll.longTasks),
          steps: threads.widget[0]?.scroll.steps,
          worstStepMs: pick('widget', (r) => r.scroll.worstStepMs),
          p95StepMs: pick('widget', (r) => r.scroll.p95StepMs),
          baselineWorstStepMs: pick('naive', (r) => r.scroll.worstStepMs),
          what: '150 screens up from the bottom, then 30 jumps across the thread; long tasks seen by a PerformanceObserver',
        }),
      };
    }

    /** @param {{ busy: import('./pages/bench-page.js').StoreResult, busyNaive: import('./pages/bench-page.js').StoreResult, long: import('./pages/bench-page.js').StoreResult, longNaive: import('./pages/bench-page.js').StoreResult }} r */
    function storeFigures({ busy, busyNaive, long, longNaive }) {
      return {
        'store.eventsPerSecond': figure({
          value: Math.round(busy.eventsPerSecond),
          unit: 'events/s',
          budget: BUDGET.eventsPerSecond,
          lowerIsBetter: false,
          baseline: Math.round(busyNaive.eventsPerSecond),
          baselineIs: 'the same store with message lists scanned and copied per change (bench/baseline/naive-timeline.ts)',
          events: busy.events,
          messages: busy.messages,
          what: `store.ingest of 50 busy conversations × 1,000 messages (messages, receipts, typing; validation, reducer, notifications, the selectors of a pane and a contact request subscribed); best of ${STORE_RUNS}`,
        }),
        'store.eventsPerSecondLongThread': figure({
          value: Math.round(long.eventsPerSecond),
          unit: 'events/s',
          lowerIsBetter: false,
          baseline: Math.round(longNaive.eventsPerSecond),
          baselineIs: 'the naive message lists',
          events: long.events,
          what: `the same traffic into one conversation growing to ${THREAD} messages (information, no budget)`,
        }),
      };
    }

    /**
     * Ours / theirs, medians of the runs, with each run's own ratio for the spread.
     * @param {{ runs: Record<'ours' | 'theirs', import('./pages/bench-page.js').VirtualizerResult[]>, behaviour: Record<string, Record<string, unknown>> }} v
     */
    function virtualizerFigures({ runs, behaviour }) {
      const ratio = (/** @type {(r: import('./pages/bench-page.js').VirtualizerResult) => number} */ f, what = '', unit = 'ms') => {
        const ours = runs.ours.map(f);
        const theirs = runs.theirs.map(f);
        const perRun = ours.map((o, k) => round(o / Math.max(theirs[k] ?? NaN, 1e-9), 3));
        return {
          ours: round(median(ours), 2),
          theirs: round(median(theirs), 2),
          unit,
          oursPerRun: ours.map((n) => round(n, 2)),
          theirsPerRun: theirs.map((n) => round(n, 2)),
          ratio: round(median(ours) / Math.max(median(theirs), 1e-9), 3),
          ratioPerRun: perRun,
          ratioSpread: round(Math.max(...perRun) - Math.min(...perRun), 3),
          what,
        };
      };
      const each = (/** @type {(r: import('./pages/bench-page.js').VirtualizerResult) => unknown} */ f) => ({ ours: runs.ours.map(f), theirs: runs.theirs.map(f) });
      return {
        'virtualizer.firstRender': ratio((r) => r.firstRenderMs, `append the element showing ${THREAD} messages until the newest is in view`),
        'virtualizer.appendP95': ratio((r) => r.appendP95Ms, 'p95 of 50 appends: store.ingest until the new message is rendered, laid out and in view'),
        'virtualizer.appendMedian': ratio((r) => r.appendMedianMs, 'median of the same appends'),
        'virtualizer.scrollStepP95': ratio((r) => r.scroll.p95StepMs, '100 screens up, 30 jumps: each step until rows cover the viewport'),
        'virtualizer.scrollLongTasks': ratio((r) => r.scroll.longTasks, 'long tasks (> 50 ms) during those steps', 'long tasks'),
        'virtualizer.droppedFrames': ratio((r) => r.frames.dropped, '240 frames scrolling 40 px each: frames missed', 'frames'),
        'virtualizer.findMedian': ratio((r) => r.find.medianMs, "the ten newest matches of '77' one after another: ours by its find box, theirs by scrollToIndex(k, 'center'); until the match is in view"),
        'virtualizer.findWorst': ratio((r) => r.find.worstMs, 'the slowest of those ten'),
        'virtualizer.behaviour': {
          renderedMessages: each((r) => r.renderedMessages),
          findMissed: each((r) => r.find.missed),
          anchorDriftPx: each((r) => r.anchor.driftPx),
          anchorKept: each((r) => r.anchor.kept),
          focusAfterScrollAway: each((r) => r.focusAfterScrollAway),
          log: each((r) => r.log),
          ...behaviour,
          what: 'anchor: the pane narrowed to 520 px, how far the top message moved; focus: a focused message scrolled out of view; keys: real key presses on the focused log (first/last message in view after each); CSP: violations under ' + STYLE_CSP,
        },
      };
    }

    /** @param {{ empty: number, withWidget: { messages: number, bytes: number }, withNaive: { messages: number, bytes: number }, storeOnly: { messages: number, bytes: number } }} r */
    function memoryFigures({ empty, withWidget, withNaive, storeOnly }) {
      return {
        'memory.heap': figure({
          value: round(withWidget.bytes / 1024 / 1024, 1),
          unit: 'MB JS heap after GC',
          budget: BUDGET.heapMB,
          baseline: round(withNaive.bytes / 1024 / 1024, 1),
          baselineIs: 'the same store with the plain list showing one conversation',
          messages: withWidget.messages,
          storeOnlyMB: round(storeOnly.bytes / 1024 / 1024, 1),
          emptyPageMB: round(empty / 1024 / 1024, 1),
          what: '50 conversations × 1,000 messages in the store, one shown by <cc-chat-widget>; Runtime.getHeapUsage after gc()',
        }),
      };
    }
  } finally {
    await browser.close();
    server.close();
  }
}

const started = Date.now();
const bundles = want('bundle') ? await bundleFigures() : {};
const { chromium: version, figures } = only.some((s) => s !== 'bundle') ? await browserFigures() : { chromium: undefined, figures: {} };
const all = { ...bundles, ...figures };
const report = {
  bench: 'cc-digital-widgets',
  date: new Date().toISOString(),
  machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, loadavg: os.loadavg().map((n) => round(n, 2)), node: process.version, chromium: version },
  seconds: round((Date.now() - started) / 1000, 1),
  ...(only.length < SECTIONS.length ? { only } : {}),
  pass: Object.values(all).every((f) => !('pass' in f) || f.pass),
  figures: all,
};
console.log(JSON.stringify(report, null, 2));
