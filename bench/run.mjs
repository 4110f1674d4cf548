// @ts-check
/* global console, URL, window, performance -- window, performance: inside page.evaluate, run by the browser */
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
 * `--only store` (or a comma-separated list of bundle, thread, store, memory, virtualizer, peer, email)
 * measures just those figures, for quick iterations; the default is everything.
 *
 * `virtualizer` compares the pane's own long-thread virtualizer with @lit-labs/virtualizer
 * showing the same rows (bench/pages/virtualizer.ts), runs interleaved; ratios are ours /
 * theirs. It also checks both under a strict style policy and with real key presses.
 *
 * `peer` compares the chat pane with deep-chat 2.4 (`<deep-chat>`, a framework-agnostic
 * chat web component; bench/pages/peer-*.ts): the store alone against the naive lists,
 * first render of a 10,000-message history, appends, memory and scrolling, interleaved,
 * one fresh page per run, ratios ours / theirs with each run's own ratio for the spread.
 * `email` compares sanitizing and showing a 200 KB email with DOMPurify alone
 * (bench/pages/email.ts). deep-chat's bundle size is in `bundle`.
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
// In the tree, not under node_modules: where node_modules is a link to another checkout's, esbuild
// would resolve the generated entries' relative imports against that checkout's sources.
const out = path.join(root, '.bench-cache');
/** The flags of every Chromium launch here (scripts/chromium.mjs), plus GC and precise memory for the heap figure. */
const CHROMIUM_ARGS = [
  ...chromiumArgs,
  '--js-flags=--expose-gc',
  '--enable-precise-memory-info',
  // performance.measureUserAgentSpecificMemory() answers at once instead of at the next natural GC.
  '--enable-blink-features=ForceEagerMeasureMemory',
];

const BUDGET = {
  libraryKB: 60,
  chatPathKB: 40,
  firstRenderMs: 50,
  appendP95Ms: 4,
  scrollLongTasks: 0,
  eventsPerSecond: 300_000,
  heapMB: 60,
};

/** Goals against the peers (ours / theirs unless said otherwise). */
const PEER_GOAL = {
  firstRenderRatio: 0.1,
  appendP95Ratio: 0.6,
  jsDomMemoryRatio: 0.5,
  scrollLongTasks: 0,
  scrollDroppedFrames: 1,
  wholeChatPathRatio: 0.6,
  chatPathUpFrontRatio: 0.35,
  emailRatio: 1.2,
};

/**
 * Each element imported on its own, KB gzip before any dynamic import, as a share of the
 * whole of deep-chat: a pane as much as the chat path up front, every other element less.
 */
const ELEMENT_BUDGET_OF_PEER = { pane: 0.35, other: 0.2 };
const PANES = new Set(['cc-chat-widget', 'cc-sms-widget', 'cc-email-widget']);

const THREAD = 10_000;
const RUNS = 3;
/** Peer comparisons: this many interleaved runs each, the median reported (`--peer-runs n` for a quick look). */
const peerRunsArg = process.argv.indexOf('--peer-runs');
const PEER_RUNS = peerRunsArg < 0 ? 7 : Math.max(1, Number(process.argv[peerRunsArg + 1]) || 7);
/**
 * Runs of the 10,000-message pages (first render, memory, scrolling): deep-chat takes about
 * ten seconds to show them, so fewer. deep-chat gets them as its `history` property:
 * addMessage one by one took 11 s for 2,000 and did not finish 10,000 in nine minutes here.
 */
const PEER_LONG_RUNS = 3;
const PEER_APPEND_AT = 1_000;
const PEER_APPENDS = 100;
const SCROLL_STEPS = 300;
const SCROLL_STEP_PX = 100;
const EMAIL_KB = 200;
/** Warm sanitize-and-show calls per email page, after the cold one. */
const EMAIL_REPEAT = 3;
/** Store throughput: best of this many bursts. */
const STORE_RUNS = 10;

const SECTIONS = ['bundle', 'thread', 'store', 'memory', 'virtualizer', 'peer', 'email'];
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

/**
 * One comparison with a peer: medians of the runs, their ratio ours / theirs, and the
 * spread of the per-run ratios (runs are interleaved, so run k of each side saw the same
 * machine). Passes when the ratio is at or under `goal` (or, with `goalIsValue`, when
 * our value is at or under it).
 * @param {{ ours: number[], theirs: number[], unit: string, goal?: number, goalIsValue?: boolean, floor?: number, digits?: number, [k: string]: unknown }} f
 */
function peerFigure({ ours, theirs, unit, goal, goalIsValue = false, floor = 1e-9, digits = 2, ...details }) {
  const perRun = ours.map((o, k) => round(o / Math.max(theirs[k] ?? NaN, floor), 3));
  const value = round(median(ours), digits);
  const peerValue = round(median(theirs), digits);
  const ratio = round(median(ours) / Math.max(median(theirs), floor), 3);
  return {
    value,
    peer: peerValue,
    unit,
    ratio,
    ratioSpread: perRun.length > 1 ? [Math.min(...perRun), Math.max(...perRun)] : undefined,
    runs: ours.length,
    ...(goal === undefined ? {} : { goal: goalIsValue ? `≤ ${goal} ${unit}` : `ratio ≤ ${goal}`, pass: goalIsValue ? value <= goal : ratio <= goal }),
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

  const deepChat = path.join(out, 'deep-chat.ts');
  await writeFile(deepChat, "import 'deep-chat';");

  const [lib, libOneFile, chatPath, chatEager, chatProvider, sim, peer] = await Promise.all([
    sizes(library),
    sizes(library, false),
    sizes(chat),
    sizes(chat, false),
    sizes(chatWithProvider),
    sizes(simulated, false),
    sizes(deepChat),
  ]);
  const elements = [];
  for (const module of elementModules()) elements.push({ module, tag: path.basename(module, '.ts'), size: await sizes(path.join(root, module)) });
  const elementBudget = (/** @type {string} */ tag) => kb(peer.totalGzip * (PANES.has(tag) ? ELEMENT_BUDGET_OF_PEER.pane : ELEMENT_BUDGET_OF_PEER.other));
  const contentInWhole = ['node_modules/marked', 'node_modules/dompurify'].filter((k) => (chatEager.eagerInputs.get(k) ?? 0) > 0);
  const forbidden = [...chatPath.eagerInputs.keys()].filter((k) =>
    /^node_modules\/(dompurify|marked)$|^src\/content\/(markdown|markdown-html|sanitize)\.ts$|^src\/components\/cc-email-widget\/|^src\/components\/shared\/(consult-panel|emoji-picker|quick-responses)\.ts$|^src\/controllers\/modal-dialog\.ts$|^src\/styles\/dialog\.ts$/.test(k),
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
      what: 'marked, DOMPurify, the content module, the email widget, the consult thread, the emoji picker, quick responses and the modal dialog (with its styles) are not in the chat path: each loads on first need',
    },
    'bundle.simulated': figure({ value: kb(sim.totalGzip), unit: 'KB gzip', what: 'the optional simulated contact center (cc-digital-widgets/simulated), not counted above' }),
    'peer.bytes.wholeChatPath': peerFigure({
      ours: [kb(chatEager.totalGzip)],
      theirs: [kb(peer.totalGzip)],
      unit: 'KB gzip',
      goal: PEER_GOAL.wholeChatPathRatio,
      contentIncluded: contentInWhole,
      theirFiles: peer.files,
      theirLargest: top(peer.eagerInputs, 6),
      what: "ours: <cc-chat-widget> and the store with every dynamic import bundled in (marked and DOMPurify included); theirs: import 'deep-chat' (2.4.2, all its output files); esbuild minified, production, gzip -9 per file",
    }),
    'peer.bytes.chatPathUpFront': peerFigure({
      ours: [kb(chatPath.eagerGzip)],
      theirs: [kb(peer.totalGzip)],
      unit: 'KB gzip',
      goal: PEER_GOAL.chatPathUpFrontRatio,
      what: 'ours: what the chat-widget entry and the store load before the first message shows (no dynamic import); theirs: the whole of deep-chat',
    }),
    'bundle.elements': {
      ...Object.fromEntries(
        elements.map(({ tag, size }) => [
          tag,
          figure({ value: kb(size.eagerGzip), unit: 'KB gzip', budget: elementBudget(tag), lazyKB: kb(size.totalGzip - size.eagerGzip), ratioToDeepChat: round(size.eagerGzip / peer.totalGzip, 3) }),
        ]),
      ),
      pass: elements.every(({ tag, size }) => kb(size.eagerGzip) <= elementBudget(tag)),
      what: `each element module imported on its own (src/components/<tag>/<tag>.ts): KB gzip before any dynamic import; budget: ${ELEMENT_BUDGET_OF_PEER.pane} × deep-chat for a pane (chat, SMS, email), ${ELEMENT_BUDGET_OF_PEER.other} × for every other element; lazyKB is what its dynamic imports add`,
    },
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
  if (want('peer') || want('email')) {
    const dir = path.join(pages, 'peer');
    const entryPoints = { ours: 'peer-ours.ts', 'deep-chat': 'peer-deep-chat.ts', email: 'email.ts' };
    await build({
      ...ESBUILD,
      entryPoints: Object.fromEntries(Object.entries(entryPoints).map(([name, file]) => [name, path.join(root, 'bench', 'pages', file)])),
      outdir: dir,
      write: true,
      splitting: true,
    });
    for (const name of Object.keys(entryPoints)) {
      await writeFile(
        path.join(dir, `${name}.html`),
        `<!doctype html><html lang="en"><meta charset="utf-8"><title>cc bench: ${name}</title><body style="margin:0;width:800px"><script type="module" src="./${name}.js"></script></body></html>`,
      );
    }
  }
  return pages;
}

/**
 * Headers of the peer pages: cross-origin isolated, which
 * performance.measureUserAgentSpecificMemory() needs.
 */
const ISOLATED = { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' };

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
      const isolated = path.basename(path.dirname(file)) === 'peer' ? ISOLATED : {};
      res.writeHead(200, { 'content-type': file.endsWith('.js') ? 'text/javascript' : 'text/html; charset=utf-8', ...csp, ...isolated }).end(body);
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
async function onPage(browser, url, run, ready = 'ccBench') {
  const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
  page.on('pageerror', (e) => log(`page error: ${e.message}`));
  try {
    await page.goto(url);
    await page.waitForFunction((name) => name in window, ready);
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

    const peer = want('peer') ? await peerRuns() : undefined;
    const email = want('email') ? await emailRuns() : undefined;

    const version = browser.version();
    return {
      chromium: version,
      figures: {
        ...(want('thread') ? threadFigures() : {}),
        ...(store ? storeFigures(store) : {}),
        ...(memory ? memoryFigures(memory) : {}),
        ...(virtualizer ? virtualizerFigures(virtualizer) : {}),
        ...(peer ? peerFigures(peer) : {}),
        ...(email ? emailFigures(email) : {}),
      },
    };

    /** JS heap after GC, the browser's own JS + DOM measurement (cross-origin isolated pages) and DOM counters. */
    async function memoryOf(/** @type {import('playwright-core').Page} */ page) {
      const heap = await heapAfterGc(page);
      const agent = await page.evaluate(async () => {
        /** @type {{ measureUserAgentSpecificMemory?: () => Promise<{ bytes: number, breakdown: { bytes: number, types: string[] }[] }> }} */
        const perf = /** @type {never} */ (performance);
        if (!window.crossOriginIsolated || !perf.measureUserAgentSpecificMemory) return null;
        const measured = await perf.measureUserAgentSpecificMemory();
        /** @type {Record<string, number>} */
        const byType = {};
        for (const b of measured.breakdown) for (const t of b.types) byType[t] = (byType[t] ?? 0) + b.bytes / b.types.length;
        return { bytes: measured.bytes, byType };
      });
      const cdp = await page.context().newCDPSession(page);
      const dom = await cdp.send('Memory.getDOMCounters');
      await cdp.detach();
      return { heap, agent, dom };
    }

    /** CDP's main-thread totals, in ms: script, style recalculation, layout. */
    async function mainThread(/** @type {import('playwright-core').CDPSession} */ cdp) {
      const { metrics } = await cdp.send('Performance.getMetrics');
      const get = (/** @type {string} */ name) => (metrics.find((m) => m.name === name)?.value ?? NaN) * 1000;
      return { script: get('ScriptDuration'), style: get('RecalcStyleDuration'), layout: get('LayoutDuration') };
    }

    async function peerRuns() {
      const at = (/** @type {string} */ side, query = '') => `${url}/peer/${side}.html${query}`;
      /** @type {Record<'ours' | 'theirs', LongRun[]>} */
      const runs = { ours: [], theirs: [] };
      /** @type {Record<'ours' | 'theirs', AppendRun[]>} */
      const appends = { ours: [], theirs: [] };
      /** @type {Record<'ours' | 'theirs', number[]>} */
      const store = { ours: [], theirs: [] };
      /** @type {number[]} */
      const history = [];
      for (let run = 0; run < PEER_RUNS; run++) {
        log(`peer: store, ${THREAD} messages into one conversation, run ${run + 1}/${PEER_RUNS}`);
        store.ours.push(await onPage(browser, real, (page) => page.evaluate((n) => window.ccBench.storeIngest(n), THREAD)));
        store.theirs.push(await onPage(browser, naive, (page) => page.evaluate((n) => window.ccBench.storeIngest(n), THREAD)));
        for (const [side, key] of /** @type {const} */ ([
          ['ours', 'ours'],
          ['deep-chat', 'theirs'],
        ])) {
          const longRuns = Math.min(PEER_RUNS, PEER_LONG_RUNS);
          if (run < longRuns) {
            log(`peer: ${side}, ${THREAD} messages, run ${run + 1}/${longRuns}`);
            const long = await onPage(
              browser,
              at(side, side === 'deep-chat' ? '?history' : ''),
              async (page) => {
                const first = await page.evaluate((n) => window.ccPeer.firstRender(n), THREAD);
                const memory = await memoryOf(page);
                const scroll = await page.evaluate(([n, px]) => window.ccPeer.scroll(n, px), [SCROLL_STEPS, SCROLL_STEP_PX]);
                return { first, memory, scroll };
              },
              'ccPeer',
            );
            runs[key].push(long);
            if (key === 'ours') {
              log(`peer: ours, ${THREAD} messages as history events, run ${run + 1}/${longRuns}`);
              history.push(await onPage(browser, at(side, '?history'), (page) => page.evaluate((n) => window.ccPeer.firstRender(n).then((r) => r.ms), THREAD), 'ccPeer'));
            }
          }
          log(`peer: ${side}, ${PEER_APPENDS} appends at ${PEER_APPEND_AT}, run ${run + 1}/${PEER_RUNS}`);
          const append = await onPage(
            browser,
            at(side),
            async (page) => {
              const first = await page.evaluate((n) => window.ccPeer.firstRender(n), PEER_APPEND_AT);
              const cdp = await page.context().newCDPSession(page);
              await cdp.send('Performance.enable');
              const before = await mainThread(cdp);
              const times = await page.evaluate((n) => window.ccPeer.appends(n), PEER_APPENDS);
              const after = await mainThread(cdp);
              await cdp.detach();
              /** @param {'script' | 'style' | 'layout'} k */
              const per = (k) => (after[k] - before[k]) / PEER_APPENDS;
              return { firstMs: first.ms, times, work: { script: per('script'), style: per('style'), layout: per('layout') } };
            },
            'ccPeer',
          );
          appends[key].push(append);
        }
      }
      return { runs, appends, store, history };
    }

    async function emailRuns() {
      /** @type {Record<'ours' | 'dompurify', import('./pages/email.js').EmailResult[]>} */
      const runs = { ours: [], dompurify: [] };
      for (let run = 0; run < PEER_RUNS; run++) {
        for (const kind of /** @type {const} */ (['ours', 'dompurify'])) {
          log(`email: ${kind}, ${EMAIL_KB} KB, run ${run + 1}/${PEER_RUNS}`);
          runs[kind].push(await onPage(browser, `${url}/peer/email.html`, (page) => page.evaluate(([k, size, repeat]) => window.ccEmail(k, size, repeat), /** @type {const} */ ([kind, EMAIL_KB, EMAIL_REPEAT])), 'ccEmail'));
        }
      }
      return runs;
    }

    /**
     * @typedef {{
     *   first: import('./pages/peer-common.js').FirstRenderResult,
     *   memory: Awaited<ReturnType<typeof memoryOf>>,
     *   scroll: import('./pages/peer-common.js').ScrollFramesResult,
     * }} LongRun
     * @typedef {{ firstMs: number, times: number[], work: { script: number, style: number, layout: number } }} AppendRun
     */

    /** @param {Awaited<ReturnType<typeof peerRuns>>} p */
    function peerFigures({ runs, appends, store, history }) {
      const of = (/** @type {(r: LongRun) => number} */ f) => ({ ours: runs.ours.map(f), theirs: runs.theirs.map(f) });
      const ofAppends = (/** @type {(r: AppendRun) => number} */ f) => ({ ours: appends.ours.map(f), theirs: appends.theirs.map(f) });
      const p95 = (/** @type {number[]} */ values) => {
        const sorted = [...values].sort((a, b) => a - b);
        return sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)] ?? NaN;
      };
      const mb = (/** @type {number} */ bytes) => round(bytes / 1024 / 1024, 1);
      const agentMeasured = [...runs.ours, ...runs.theirs].every((r) => r.memory.agent !== null);
      const work = (/** @type {'ours' | 'theirs'} */ side) => ({
        scriptMs: round(median(appends[side].map((r) => r.work.script)), 3),
        styleMs: round(median(appends[side].map((r) => r.work.style)), 3),
        layoutMs: round(median(appends[side].map((r) => r.work.layout)), 3),
      });
      return {
        'peer.store10k': peerFigure({
          ...store,
          unit: 'ms',
          eventsPerSecond: round(THREAD / (median(store.ours) / 1000), 0),
          peerIs: 'the same store with message lists scanned and copied on every append (bench/baseline/naive-timeline.ts)',
          what: `${THREAD} message-received events into one conversation of a fresh store, no element subscribed; median of ${PEER_RUNS}, interleaved`,
        }),
        'peer.firstRender': peerFigure({
          ...of((r) => r.first.ms),
          unit: 'ms',
          goal: PEER_GOAL.firstRenderRatio,
          messageElements: of((r) => r.first.messageElements),
          domElements: of((r) => r.first.domNodes),
          what: `${THREAD} messages: ours a store on a test adapter, <cc-chat-widget> (600 px) mounted on the conversation, store.ingest of ${THREAD} message-received events; theirs <deep-chat> (800 × 600, maxVisibleMessages raised so all show) given them as its history property (addMessage one by one is in peer.firstRenderAddMessage: at ${THREAD} it does not finish in minutes); both from a settled page, with the messages made before the clock starts, until the next painted frame (rAF, then a MessageChannel task); median of ${Math.min(PEER_RUNS, PEER_LONG_RUNS)} (slow peer)`,
        }),
        'peer.firstRenderHistory': peerFigure({
          ours: history,
          theirs: runs.theirs.map((r) => r.first.ms),
          unit: 'ms',
          goal: PEER_GOAL.firstRenderRatio,
          what: `the same ${THREAD} messages, ours as history events of 1,000 messages (how the reference server and the simulator deliver a conversation's past), theirs as its history property (the same deep-chat runs as peer.firstRender); median of ${Math.min(PEER_RUNS, PEER_LONG_RUNS)}`,
        }),
        'peer.firstRenderAddMessage': peerFigure({
          ...ofAppends((r) => r.firstMs),
          unit: 'ms',
          goal: PEER_GOAL.firstRenderRatio,
          what: `the same with ${PEER_APPEND_AT} messages, theirs by addMessage one by one after its render event, ours by store.ingest one by one; median of ${PEER_RUNS}`,
        }),
        'peer.appendP95': peerFigure({
          ...ofAppends((r) => p95(r.times)),
          unit: 'ms',
          goal: PEER_GOAL.appendP95Ratio,
          medianMs: round(median(appends.ours.map((r) => median(r.times))), 2),
          peerMedianMs: round(median(appends.theirs.map((r) => median(r.times))), 2),
          mainThreadPerAppend: { ours: work('ours'), theirs: work('theirs') },
          what: `p95 of ${PEER_APPENDS} appends to a ${PEER_APPEND_AT}-message thread: store.ingest / addMessage until the next painted frame (rAF, then a MessageChannel task); mainThreadPerAppend: CDP Performance.getMetrics deltas over the ${PEER_APPENDS} appends (ScriptDuration, RecalcStyleDuration, LayoutDuration) ÷ ${PEER_APPENDS}; median of ${PEER_RUNS}`,
        }),
        'peer.heap': peerFigure({
          ...of((r) => mb(r.memory.heap)),
          unit: 'MB JS heap after GC',
          what: `the page after the first render of ${THREAD} messages: Runtime.getHeapUsage after gc(); median of ${Math.min(PEER_RUNS, PEER_LONG_RUNS)}`,
        }),
        'peer.jsDomMemory': peerFigure({
          ...(agentMeasured ? of((r) => mb(r.memory.agent?.bytes ?? NaN)) : of((r) => mb(r.memory.heap))),
          unit: 'MB',
          goal: PEER_GOAL.jsDomMemoryRatio,
          method: agentMeasured
            ? 'performance.measureUserAgentSpecificMemory() on a cross-origin isolated page (JS and DOM of the page)'
            : 'FALLBACK: measureUserAgentSpecificMemory unavailable; JS heap after GC, DOM counted by domNodes',
          byType: agentMeasured ? { ours: runs.ours[0]?.memory.agent?.byType, theirs: runs.theirs[0]?.memory.agent?.byType } : undefined,
          domNodes: of((r) => r.memory.dom.nodes),
          jsEventListeners: of((r) => r.memory.dom.jsEventListeners),
          what: `memory of the page showing ${THREAD} messages`,
        }),
        'peer.scrollLongTasks': peerFigure({
          ...of((r) => r.scroll.longTasks),
          unit: 'long tasks (> 50 ms)',
          goal: PEER_GOAL.scrollLongTasks,
          goalIsValue: true,
          floor: 1,
          longestTaskMs: of((r) => round(r.scroll.longestTaskMs, 1)),
          what: `${SCROLL_STEPS} frames scrolling the ${THREAD}-message thread up ${SCROLL_STEP_PX} px each (from the top again at the start); ratio against at least 1`,
        }),
        'peer.scrollDroppedFrames': peerFigure({
          ...of((r) => r.scroll.dropped),
          unit: `frames of ${SCROLL_STEPS}`,
          goal: PEER_GOAL.scrollDroppedFrames,
          goalIsValue: true,
          floor: 1,
          medianFrameMs: of((r) => round(r.scroll.medianFrameMs, 2)),
          scrolledPx: of((r) => r.scroll.scrolledPx),
          what: 'the same steps: frames whose interval exceeded 1.5 × the median frame interval; ratio against at least 1',
        }),
      };
    }

    /** @param {Awaited<ReturnType<typeof emailRuns>>} runs */
    function emailFigures(runs) {
      const warm = (/** @type {'ours' | 'dompurify'} */ k) => runs[k].map((r) => median(r.warmMs));
      const shadowWarm = (/** @type {'ours' | 'dompurify'} */ k) => runs[k].map((r) => median(r.shadowWarmMs));
      return {
        'email.sanitizeRender': peerFigure({
          ours: warm('ours'),
          theirs: warm('dompurify'),
          unit: 'ms',
          goal: PEER_GOAL.emailRatio,
          bytes: runs.ours[0]?.bytes,
          coldMs: round(median(runs.ours.map((r) => r.coldMs)), 1),
          peerColdMs: round(median(runs.dompurify.map((r) => r.coldMs)), 1),
          elements: { ours: runs.ours[0]?.elements, theirs: runs.dompurify[0]?.elements },
          what: `a ${EMAIL_KB} KB HTML email (tables, inline styles, remote images, links, nested divs; bench/pages/email.ts) shown as the email pane shows it: ours sanitizeEmailHtml as the pane's thread calls it (styles kept as text for the frame) and the pane's emailBody directive (setEmailDocument into a sandboxed srcdoc frame, deferred styles applied on load, the frame's height fitted); theirs DOMPurify.sanitize(html, { RETURN_DOM_FRAGMENT: true }) with its defaults, its remote image sources taken out, serialized into the same frame with the same document head (its policy letting its style attributes apply); both until the frame's document is loaded and laid out; per page the median of ${EMAIL_REPEAT} after one cold call, median of ${PEER_RUNS} pages, interleaved`,
        }),
        'email.sanitizeShadowRoot': peerFigure({
          ours: shadowWarm('ours'),
          theirs: shadowWarm('dompurify'),
          unit: 'ms',
          what: `the same email, ours sanitizeEmailHtml with its defaults (styles applied through CSSOM), theirs DOMPurify.sanitize(html, { RETURN_DOM_FRAGMENT: true }), each fragment appended into a fresh shadow root and laid out (no frame: not what the pane does); median of ${EMAIL_REPEAT} per page, median of ${PEER_RUNS} pages`,
        }),
      };
    }

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
