// @ts-check
/* global console, window */
/**
 * Where an append to a long thread goes, for profiling the `thread.appendP95`
 * figure of `npm run bench`:
 *   node bench/profile-thread.mjs [messages=10000] [appends=100]
 * Shows `<cc-chat-widget>` 600 px tall with the thread (bench/pages/thread-profile.ts,
 * bundled unminified so that the profile keeps names), then traces the appends in headless
 * Chromium. Prints one JSON object: the append times, the renderer main thread's time per
 * trace event inside the appends (self thread time: script, style recalculation, layout, GC…),
 * the main thread's CPU time per append (unlike wall time, not lengthened by other jobs), and
 * the JavaScript functions with the most self and total time (CPU profile, 50 µs samples).
 * Environment: NOTRACE=1 profiles without tracing (which slows DOM changes down a little);
 * TREE=<function name> prints the profile's call tree under that function on stderr;
 * DUMP=1 prints what invalidated style and layout in the last append (slow); OUT=<dir>
 * bundles there (to compare two checkouts).
 */
import path from 'node:path';
import process from 'node:process';
import { chromium } from 'playwright-core';
import { chromiumArgs, executablePath } from '../scripts/chromium.mjs';
import { bundleProfilePage, summarizeProfile } from './cpu-profile.mjs';

const [messages = 10_000, appends = 100] = process.argv.slice(2).map(Number);

const out = await bundleProfilePage('thread-profile.ts', 'profile-thread');

const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: [...chromiumArgs, '--allow-file-access-from-files', '--js-flags=--expose-gc'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
  page.on('pageerror', (e) => process.stderr.write(`page error: ${e.message}\n`));
  await page.setContent('<!doctype html><html lang="en"><meta charset="utf-8"><body style="margin:0;width:800px"></body></html>');
  await page.addScriptTag({ path: path.join(out, 'profile.js'), type: 'module' });
  await page.waitForFunction(() => 'ccProfile' in window);
  const rendered = await page.evaluate((n) => window.ccProfile.setup(n), messages);
  // Warm up (JIT), then collect garbage once so that the series starts from the same heap.
  for (let k = 0; k < 10; k++) await page.evaluate(() => window.ccProfile.append());

  const cdp = await page.context().newCDPSession(page);
  /** @type {{ name: string, ph: string, ts: number, dur?: number, tdur?: number, tid: number, pid: number, cat: string, args?: Record<string, unknown> }[]} */
  const events = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(.../** @type {typeof events} */ (value)));
  const traced = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  const trace = {
    transferMode: /** @type {const} */ ('ReportEvents'),
    traceConfig: {
      includedCategories: [
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
        'blink.user_timing',
        'v8',
        'v8.execute',
        'blink',
        // What invalidated style and layout, with stacks: slows DOM changes down a lot, so only for DUMP.
        ...(process.env.DUMP ? ['disabled-by-default-devtools.timeline.invalidationTracking'] : []),
      ],
    },
  };
  if (!process.env.NOTRACE) await cdp.send('Tracing.start', trace);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await page.evaluate(() => (/** @type {{ gc?: () => void }} */ (/** @type {unknown} */ (window))).gc?.());
  await cdp.send('Profiler.start');
  /** @type {number[]} */
  const ms = [];
  for (let k = 0; k < appends; k++) ms.push(await page.evaluate(() => window.ccProfile.append()));
  const { profile } = await cdp.send('Profiler.stop');
  if (!process.env.NOTRACE) {
    await cdp.send('Tracing.end');
    await traced;
  }

  // The appends' windows on the renderer main thread, from the user-timing marks.
  const starts = events.filter((e) => e.name === 'append-start').map((e) => e.ts);
  const ends = events.filter((e) => e.name === 'append-end').map((e) => e.ts);
  const main = events.find((e) => e.name === 'thread_name' && e.args?.['name'] === 'CrRendererMain');
  const windows = starts.map((s, k) => [s, ends[k] ?? s]);
  const inWindow = (/** @type {number} */ ts) => windows.some(([s, e]) => ts >= (s ?? 0) && ts <= (e ?? 0));
  const slices = events
    .filter((e) => e.ph === 'X' && e.pid === main?.pid && e.tid === main?.tid && typeof e.tdur === 'number' && inWindow(e.ts))
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  // The main thread's CPU time per append: the task each append runs in (it starts one).
  const tasks = events.filter((e) => e.name === 'RunTask' && e.pid === main?.pid && e.tid === main?.tid);
  const cpuMs = starts.map((s) => (tasks.find((t) => t.ts <= s && t.ts + (t.dur ?? 0) >= s)?.tdur ?? NaN) / 1000);
  /** Self thread time per event name: its thread time less that of the events nested in it. */
  const self = new Map();
  /** @type {{ name: string, end: number }[]} */
  const stack = [];
  for (const e of slices) {
    while (stack.length > 0 && (stack.at(-1)?.end ?? 0) <= e.ts) stack.pop();
    const parent = stack.at(-1);
    if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - (e.tdur ?? 0));
    self.set(e.name, (self.get(e.name) ?? 0) + (e.tdur ?? 0));
    stack.push({ name: e.name, end: e.ts + (e.dur ?? 0) });
  }
  if (process.env.DUMP) {
    const lastStart = starts.at(-1) ?? 0;
    for (const e of events) if (e.ts >= lastStart && e.pid === main?.pid && e.tid === main?.tid && ['Layout', 'UpdateLayoutTree', 'RecalculateStyles', 'ScheduleStyleRecalculation', 'InvalidateLayout', 'StyleRecalcInvalidationTracking', 'LayoutInvalidationTracking'].includes(e.name)) process.stderr.write(`${e.ts - lastStart} ${e.name} ${e.dur ?? ''} ${JSON.stringify(e.args)}\n`);
  }
  const perAppend = (/** @type {number} */ us) => Math.round((us / appends / 1000) * 1000) / 1000;
  const traceSelf = Object.fromEntries(
    [...self]
      .filter(([, us]) => us / appends > 10)
      .sort((a, b) => b[1] - a[1])
      .map(([name, us]) => [name, perAppend(us)]),
  );

  // CPU profile over the whole series (the frames between appends too): self and total time per function.
  const summary = summarizeProfile(profile, perAppend);
  // Top-down tree under the function named in TREE, children above 0.02 ms per append.
  if (process.env.TREE) summary.printTree(process.env.TREE, 0.02);
  const at = (/** @type {number[]} */ values, /** @type {number} */ p) => {
    const sorted = [...values].sort((a, b) => a - b);
    return Math.round((sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN) * 100) / 100;
  };
  console.log(
    JSON.stringify(
      {
        messages,
        rendered,
        appends,
        appendMs: { median: at(ms, 50), p95: at(ms, 95), max: at(ms, 100), all: ms.map((m) => Math.round(m * 10) / 10) },
        appendCpuMs: { median: at(cpuMs, 50), p95: at(cpuMs, 95), max: at(cpuMs, 100) },
        traceSelfMsPerAppend: traceSelf,
        profileSelfMsPerAppend: summary.self(40),
        profileTotalMsPerAppend: summary.total(40),
      },
      null,
      2,
    ),
  );
} finally {
  await browser.close();
}
