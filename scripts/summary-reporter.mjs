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
 * first line of its error, so a log that keeps only its tail still names them.
 *
 * The line is written from a process 'exit' listener, because web-test-runner
 * writes its final progress report after the reporters' stop() hooks.
 */

import { relative } from 'node:path';
import process from 'node:process';

/** @typedef {import('@web/test-runner-core').Reporter} Reporter */
/** @typedef {import('@web/test-runner-core').TestSession} TestSession */
/** @typedef {import('@web/test-runner-core').TestSuiteResult} TestSuiteResult */

/**
 * @param {TestSuiteResult | undefined} suite
 * @param {{ passed: number, failed: number, skipped: number }} counts
 */
function countSuite(suite, counts) {
  if (!suite) return;
  for (const test of suite.tests) {
    if (test.skipped) counts.skipped += 1;
    else if (test.passed) counts.passed += 1;
    else counts.failed += 1;
  }
  for (const child of suite.suites) countSuite(child, counts);
}

/**
 * @param {TestSuiteResult | undefined} suite
 * @param {string[]} path
 * @param {string[]} out
 */
function listFailures(suite, path, out) {
  if (!suite) return;
  for (const test of suite.tests) {
    if (test.skipped || test.passed) continue;
    const message = (test.error?.message ?? 'failed').split('\n')[0].slice(0, 300);
    out.push(`${[...path, test.name].join(' › ')}: ${message}`);
  }
  for (const child of suite.suites) listFailures(child, [...path, child.name], out);
}

/**
 * One line per failing test, and per test file that failed outside its tests.
 * @param {Iterable<TestSession>} sessions
 * @param {string[]} testFiles
 */
export function failureLines(sessions, testFiles = []) {
  /** @type {string[]} */
  const out = [];
  /** @type {Set<string>} */
  const seenFiles = new Set();
  for (const session of sessions) {
    seenFiles.add(session.testFile);
    const before = out.length;
    listFailures(session.testResults, [relative(process.cwd(), session.testFile)], out);
    const finished = session.status === 'FINISHED';
    if ((!finished || session.passed !== true) && out.length === before) {
      const why = session.errors?.[0]?.message?.split('\n')[0] ?? (finished ? 'failed' : 'did not finish');
      out.push(`${relative(process.cwd(), session.testFile)}: ${why}`);
    }
  }
  for (const file of testFiles) {
    if (!seenFiles.has(file)) out.push(`${relative(process.cwd(), file)}: never ran`);
  }
  return out;
}

/**
 * @param {Iterable<TestSession>} sessions
 * @param {string[]} testFiles
 */
export function countSessions(sessions, testFiles = []) {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  /** @type {Set<string>} */
  const seenFiles = new Set();
  for (const session of sessions) {
    seenFiles.add(session.testFile);
    const before = counts.failed;
    countSuite(session.testResults, counts);
    const finished = session.status === 'FINISHED';
    if (!finished || session.passed !== true) {
      // The file failed (or never finished) without any failing test to show it.
      if (counts.failed === before) counts.failed += 1;
    }
  }
  // Files for which no session exists at all never ran.
  for (const file of testFiles) {
    if (!seenFiles.has(file)) counts.failed += 1;
  }
  return counts;
}

/**
 * @param {{ stream?: NodeJS.WriteStream }} [options]
 * @returns {Reporter}
 */
export function summaryReporter(options = {}) {
  const stream = options.stream ?? process.stdout;
  /** @type {import('@web/test-runner-core').ReporterArgs | undefined} */
  let args;
  /** @type {{ passed: number, failed: number, skipped: number } | undefined} */
  let finalCounts;
  /** @type {string[]} */
  let finalFailures = [];
  let printed = false;

  /** @param {number} code */
  const printSummary = code => {
    if (printed) return;
    printed = true;
    let counts = finalCounts;
    if (!counts) {
      // stop() was never reached: count what we can see.
      counts = args
        ? countSessions(args.sessions.all(), args.testFiles)
        : { passed: 0, failed: 0, skipped: 0 };
    }
    const failures = finalCounts
      ? finalFailures
      : args
        ? failureLines(args.sessions.all(), args.testFiles)
        : [];
    if (failures.length > 0) {
      stream.write(`\nFailed:\n${failures.map(line => `  ✗ ${line}`).join('\n')}\n`);
    }
    if (code !== 0 && counts.failed === 0) {
      stream.write('\nThe test run failed outside of any test (see above): counted as 1 failure.\n');
      counts = { ...counts, failed: 1 };
    }
    stream.write(`\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`);
  };

  process.once('exit', printSummary);

  return {
    start(startArgs) {
      args = startArgs;
    },
    stop({ sessions }) {
      finalCounts = countSessions(sessions, args?.testFiles ?? []);
      finalFailures = failureLines(sessions, args?.testFiles ?? []);
    },
  };
}

export default summaryReporter;
