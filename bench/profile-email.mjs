// @ts-check
/* global console, window */
/**
 * What a 200 KB HTML email costs to sanitize and render, against DOMPurify alone:
 *   node bench/profile-email.mjs [runs=7] [pairs=5]
 * Bundles bench/pages/email-profile.ts (unminified, so the profile keeps names) and drives
 * headless Chromium offline. Each run measures `pairs` interleaved pairs (the order
 * alternating, garbage collected before each call) of what the pane does:
 *   ours  = sanitizeEmailHtml as the thread calls it + the pane's frame directive, until
 *           the frame's document is loaded, styled and laid out
 *   plain = DOMPurify.sanitize(html, { RETURN_DOM_FRAGMENT: true }) serialized into the same
 *           frame, until loaded and laid out
 * (MODE=shadow: instead each fragment appended into a shadow root, no frame), and takes the ratio of their medians, for the renderer main thread's CPU time between the
 * page's marks around the measured code (from a trace; the other jobs of a shared machine
 * lengthen it far less than wall time) and for wall time between the same marks. Prints one JSON object: the median ratios of the runs with their
 * spread (min, max), the medians in ms, what the sanitized email holds (to
 * see that it rendered completely and safely), the srcdoc frame path the pane takes
 * (sanitize, document, frame load, deferred styles), and the JavaScript functions with
 * the most self and total time in `ours` (CPU profile, 100 µs samples).
 * Environment: NOPROFILE=1 skips the CPU profile; TREE=<function name> prints the call
 * tree under that function on stderr; WHICH=plain profiles DOMPurify alone instead; OUT=<dir>
 * bundles there.
 */
import path from 'node:path';
import process from 'node:process';
import { chromium } from 'playwright-core';
import { chromiumArgs, executablePath } from '../scripts/chromium.mjs';
import { bundleProfilePage, summarizeProfile } from './cpu-profile.mjs';

/** The page's functions measured: the frame path, or MODE=shadow for the shadow-root append. */
const shadow = process.env.MODE === 'shadow';
const OURS = shadow ? 'ours' : 'oursFrame';
const PLAIN = shadow ? 'plain' : 'plainFrame';

const [runs = 7, pairs = 5] = process.argv.slice(2).map(Number);

const out = await bundleProfilePage('email-profile.ts', 'profile-email');

const median = (/** @type {number[]} */ values) => {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] ?? NaN) : ((s[m - 1] ?? NaN) + (s[m] ?? NaN)) / 2;
};
const round = (/** @type {number} */ n, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: [...chromiumArgs, '--allow-file-access-from-files', `--js-flags=--expose-gc ${process.env.JSFLAGS ?? ''}`],
});
try {
  const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
  page.on('pageerror', (e) => process.stderr.write(`page error: ${e.message}\n`));
  // Nothing leaves the machine: a blocked image that were requested would fail here, not hang.
  await page.route('**/*', (route) => route.abort());
  await page.setContent('<!doctype html><html lang="en"><meta charset="utf-8"><body style="margin:0;width:800px"></body></html>');
  await page.addScriptTag({ path: path.join(out, 'profile.js'), type: 'module' });
  await page.waitForFunction(() => 'ccEmailProfile' in window);
  const check = await page.evaluate(() => window.ccEmailProfile.check());
  const gc = () => page.evaluate(() => (/** @type {{ gc?: () => void }} */ (/** @type {unknown} */ (window))).gc?.());
  const cdp = await page.context().newCDPSession(page);
  /**
   * One call: wall and CPU time of the renderer main thread between the page's marks
   * around the measured code (`tts`, the thread clock of the trace), read from a trace.
   * CPU time is what the other jobs of a shared machine lengthen least.
   */
  const measure = async (/** @type {typeof OURS | typeof PLAIN} */ which) => {
    await gc();
    /** @type {{ name: string, ts: number, tts?: number }[]} */
    const events = [];
    const collect = (/** @type {{ value: typeof events }} */ { value }) => events.push(...value);
    cdp.on('Tracing.dataCollected', collect);
    const traced = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: ['blink.user_timing'] } });
    await page.evaluate((w) => window.ccEmailProfile[w](), which);
    await cdp.send('Tracing.end');
    await traced;
    cdp.off('Tracing.dataCollected', collect);
    const start = events.find((e) => e.name === `${which}-start`);
    const end = events.find((e) => e.name === `${which}-end`);
    if (!start || !end) throw new Error(`no marks for ${which}`);
    return { wall: (end.ts - start.ts) / 1000, cpu: ((end.tts ?? NaN) - (start.tts ?? NaN)) / 1000 };
  };
  // Warm up both paths (JIT, style sheets, the CSS parser's caches).
  for (let k = 0; k < 5; k++) {
    await measure(OURS);
    await measure(PLAIN);
  }

  /** @type {{ cpu: number, wall: number, oursCpuMs: number, plainCpuMs: number, oursMs: number, plainMs: number }[]} */
  const series = [];
  for (let r = 0; r < runs; r++) {
    /** @type {{ wall: number, cpu: number }[]} */
    const o = [];
    /** @type {{ wall: number, cpu: number }[]} */
    const p = [];
    for (let k = 0; k < pairs; k++) {
      if ((r + k) % 2 === 0) {
        o.push(await measure(OURS));
        p.push(await measure(PLAIN));
      } else {
        p.push(await measure(PLAIN));
        o.push(await measure(OURS));
      }
    }
    const of = (/** @type {typeof o} */ list, /** @type {'wall' | 'cpu'} */ key) => median(list.map((m) => m[key]));
    series.push({
      cpu: of(o, 'cpu') / of(p, 'cpu'),
      wall: of(o, 'wall') / of(p, 'wall'),
      oursCpuMs: of(o, 'cpu'),
      plainCpuMs: of(p, 'cpu'),
      oursMs: of(o, 'wall'),
      plainMs: of(p, 'wall'),
    });
  }
  const summary = (/** @type {'cpu' | 'wall'} */ key) => {
    const ratios = series.map((s) => s[key]);
    return { median: round(median(ratios)), min: round(Math.min(...ratios)), max: round(Math.max(...ratios)), all: ratios.map((r) => round(r)) };
  };

  /** @type {Record<string, number>[]} */
  const frames = [];
  for (let k = 0; k < 3; k++) frames.push(await page.evaluate(() => window.ccEmailProfile.frame()));
  const frameMs = Object.fromEntries(Object.keys(frames[0] ?? {}).map((key) => [key, round(median(frames.map((f) => f[key] ?? NaN)))]));

  /** @type {Record<string, unknown>} */
  const profiled = {};
  if (!process.env.NOPROFILE) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    const calls = 20;
    await gc();
    await cdp.send('Profiler.start');
    const which = process.env.WHICH === 'plain' ? PLAIN : OURS;
    for (let k = 0; k < calls; k++) await page.evaluate((w) => window.ccEmailProfile[w](), which);
    const { profile } = await cdp.send('Profiler.stop');
    const summary = summarizeProfile(profile, (us) => round(us / calls / 1000, 3));
    if (process.env.TREE) summary.printTree(process.env.TREE, 0.05);
    profiled.profileSelfMsPerCall = summary.self(25);
    profiled.profileTotalMsPerCall = summary.total(25);
  }

  console.log(
    JSON.stringify(
      {
        runs,
        pairs,
        measured: shadow ? 'shadow-root append' : "the pane's frame",
        ratioCpu: summary('cpu'),
        ratioWall: summary('wall'),
        oursCpuMs: round(median(series.map((s) => s.oursCpuMs))),
        plainCpuMs: round(median(series.map((s) => s.plainCpuMs))),
        oursMs: round(median(series.map((s) => s.oursMs))),
        plainMs: round(median(series.map((s) => s.plainMs))),
        check,
        paneFrameMs: frameMs,
        ...profiled,
      },
      null,
      2,
    ),
  );
} finally {
  await browser.close();
}
