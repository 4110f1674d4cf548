// @ts-check
/**
 * web-test-runner reporter that prints, as the very last line of the run,
 *
 *     <passed> passed, <failed> failed, <skipped> skipped
 *
 * It is meant to be used next to `defaultReporter()`, which keeps its output.
 *
 * Counting rules:
 * - every test (per browser session) counts once as passed, failed or skipped;
 * - a test file whose session did not pass but reported no failing test (it
 *   failed to load, threw outside a test, crashed, timed out, had a failing hook)
 *   counts as one failure;
 * - a test file that never finished counts as one failure;
 * - if the process exits non-zero while nothing was counted as failed (the run
 *   could not start, no test files were found, the browser did not launch …),
 *   one failure is counted so the line never claims a clean run.
 *
 * Just before that line it lists every failure by file, suite and test with the
 * first line of its error and the first frames of its stack, so a log that keeps
 * only its tail still names them and says where they were thrown.
 *
 * The line is written from a process 'exit' listener, because web-test-runner
 * writes its final progress report after the reporters' stop() hooks.
 */

import { relative } from 'node:path';
import process from 'node:process';

/** @typedef {import('@web/test-runner-core').Reporter} Reporter */
/** @typedef {import('@web/test-runner-core').TestSession} TestSession */
/** @typedef {import('@web/test-runner-core').TestSuiteResult} TestSuiteResult */

/** @typedef {{ passed: number, failed: number, skipped: number, failures: string[] }} Tally */

/** How many stack frames a failure line carries, enough to say where an error came from. */
const FRAMES = 4;

/**
 * A failure: what failed, the first line of its error, and the first frames of its stack
 * (indented on the lines below), so a flaky failure seen once still says where it was thrown.
 * @param {string} what
 * @param {{ message?: string, stack?: string } | undefined} error
 * @param {string} fallback
 */
function failureLine(what, error, fallback) {
  const message = (error?.message ?? fallback).split('\n')[0].slice(0, 300);
  const frames = (error?.stack ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.startsWith('at '))
    .slice(0, FRAMES)
    .map((line) => `\n      ${line.slice(0, 200)}`);
  return `${what}: ${message}${frames.join('')}`;
}

/**
 * Counts the tests of `suite` (and its suites) into `tally`, a line per failing test.
 * @param {TestSuiteResult | undefined} suite
 * @param {string[]} path
 * @param {Tally} tally
 */
function tallySuite(suite, path, tally) {
  if (!suite) return;
  for (const test of suite.tests) {
    if (test.skipped) tally.skipped += 1;
    else if (test.passed) tally.passed += 1;
    else tally.failures.push(failureLine([...path, test.name].join(' › '), test.error, 'failed'));
  }
  for (const child of suite.suites) tallySuite(child, [...path, child.name], tally);
}

/**
 * The run's counts and one line per failure (see the counting rules above); `failed` is
 * the number of those lines.
 * @param {Iterable<TestSession>} sessions
 * @param {string[]} testFiles
 * @returns {Tally}
 */
export function tallySessions(sessions, testFiles = []) {
  /** @type {Tally} */
  const tally = { passed: 0, failed: 0, skipped: 0, failures: [] };
  /** @type {Set<string>} */
  const seenFiles = new Set();
  for (const session of sessions) {
    seenFiles.add(session.testFile);
    const file = relative(process.cwd(), session.testFile);
    const before = tally.failures.length;
    tallySuite(session.testResults, [file], tally);
    const finished = session.status === 'FINISHED';
    // The file failed (or never finished) without any failing test to show it.
    if ((!finished || session.passed !== true) && tally.failures.length === before) {
      tally.failures.push(failureLine(file, session.errors?.[0], finished ? 'failed' : 'did not finish'));
    }
  }
  // Files for which no session exists at all never ran.
  for (const file of testFiles) {
    if (!seenFiles.has(file)) tally.failures.push(`${relative(process.cwd(), file)}: never ran`);
  }
  tally.failed = tally.failures.length;
  return tally;
}

/**
 * @param {{ stream?: NodeJS.WriteStream }} [options]
 * @returns {Reporter}
 */
export function summaryReporter(options = {}) {
  const stream = options.stream ?? process.stdout;
  /** @type {import('@web/test-runner-core').ReporterArgs | undefined} */
  let args;
  /** @type {Tally | undefined} */
  let final;
  let printed = false;

  /** @param {number} code */
  const printSummary = code => {
    if (printed) return;
    printed = true;
    // Without stop() (the run broke off), count what can be seen.
    const tally = final ?? (args ? tallySessions(args.sessions.all(), args.testFiles) : { passed: 0, failed: 0, skipped: 0, failures: [] });
    if (tally.failures.length > 0) {
      stream.write(`\nFailed:\n${tally.failures.map(line => `  ✗ ${line}`).join('\n')}\n`);
    }
    let failed = tally.failed;
    if (code !== 0 && failed === 0) {
      stream.write('\nThe test run failed outside of any test (see above): counted as 1 failure.\n');
      failed = 1;
    }
    stream.write(`\n${tally.passed} passed, ${failed} failed, ${tally.skipped} skipped\n`);
  };

  process.once('exit', printSummary);

  return {
    start(startArgs) {
      args = startArgs;
    },
    stop({ sessions }) {
      final = tallySessions(sessions, args?.testFiles ?? []);
    },
  };
}

export default summaryReporter;
