// @ts-check
/* global console, window */
/**
 * Where the first render of a long conversation goes, for profiling the `peer.firstRender`
 * figure of `npm run bench`:
 *   node bench/profile-first-render.mjs [messages=10000] [history]
 * Opens bench/pages/peer-ours.ts (bundled unminified, names kept) on a fresh page, waits
 * until it is idle, then profiles one `firstRender`: a store, `<cc-chat-widget>` 600 px
 * tall and `messages` message-received events (with `history`: history events of a
 * thousand messages) until the next painted frame. Prints one JSON object: the figure, and
 * the JavaScript functions with the most self and total time (CPU profile, 50 µs samples).
 * TREE=<function name> prints the call tree under that function on stderr.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import process from 'node:process';
import { chromium } from 'playwright-core';
import { chromiumArgs, executablePath } from '../scripts/chromium.mjs';
import { bundleProfilePage, summarizeProfile } from './cpu-profile.mjs';

const messages = Number(process.argv[2] ?? 10_000);
const history = process.argv[3] === 'history';
const out = await bundleProfilePage('peer-ours.ts', 'profile-first-render');
await writeFile(path.join(out, 'index.html'), '<!doctype html><html lang="en"><meta charset="utf-8"><body style="margin:0;width:800px"><script type="module" src="profile.js"></script></body></html>');

const browser = await chromium.launch({ executablePath, headless: true, args: [...chromiumArgs, '--allow-file-access-from-files'] });
try {
  const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
  page.on('pageerror', (e) => process.stderr.write(`page error: ${e.message}\n`));
  await page.goto(`file://${path.join(out, 'index.html')}${history ? '?history' : ''}`);
  await page.waitForFunction(() => 'ccPeer' in window);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await cdp.send('Profiler.start');
  const result = await page.evaluate((n) => window.ccPeer.firstRender(n), messages);
  const { profile } = await cdp.send('Profiler.stop');
  const summary = summarizeProfile(profile, (us) => Math.round(us / 100) / 10);
  if (process.env.TREE) summary.printTree(process.env.TREE, 1);
  console.log(JSON.stringify({ messages, history, ms: Math.round(result.ms), selfMs: summary.self(25), totalMs: summary.total(25) }, null, 1));
} finally {
  await browser.close();
}
