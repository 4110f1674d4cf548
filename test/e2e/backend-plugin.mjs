// @ts-check
/**
 * A web-test-runner plugin that lets a browser test drive the reference backend
 * (server/) as a real child process, through one server command:
 *
 *   executeServerCommand('cc-backend', { action, ... })
 *
 * | action        | payload                                   | result                                   |
 * |---------------|-------------------------------------------|------------------------------------------|
 * | `start`       | `{ origin?, env? }`                        | `{ port, url }` (fresh data dir)         |
 * | `kill`        | –                                         | `{ signal }` (SIGKILL, awaited)          |
 * | `wait-exit`   | `{ timeoutMs? }` (20 s)                   | `{ signal, code }`                       |
 * | `restart`     | `{ env? }`                                | `{ port, url }` (same port/data)         |
 * | `admin`       | `{ method?, path, body?, adminToken? }`   | `{ status, body }`                       |
 * | `mint-token`  | `{ agent, ttl?, expiresAt? }`             | `{ token }` (through the CLI)            |
 * | `append-log`  | `{ text }`                                | `{}` (raw text at the end of log.jsonl)  |
 * | `wipe-data`   | –                                         | `{}` (the data dir emptied; not running) |
 * | `read-data`   | `{ name }`                                | `{ text }` (`null` when absent)          |
 * | `output`      | –                                         | `{ text }` (the process's stdout+stderr) |
 * | `run-once`    | `{ env?, args? }`                          | `{ listening, code, output }`            |
 * | `probe`       | `{ kind, ... }`                           | see test/e2e/probes.mjs                  |
 * | `stop`        | –                                         | `{}` (kills, deletes data dir)           |
 *
 * Each backend gets its own random token secret and admin token, and allows the test
 * page's origin (`origin`) only. One backend per test session, on 127.0.0.1. Processes
 * and temporary data directories are cleaned up on `stop`, when the test runner stops,
 * and on exit.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { clearTimeout, setTimeout } from 'node:timers';
import { setTimeout as delay } from 'node:timers/promises';
import { buildServer } from '../../server/run.mjs';
import { runProbe } from './probes.mjs';

const LISTENING = /listening on ws:\/\/127\.0\.0\.1:(\d+)\//;
/** Any address, for `run-once`. */
const LISTENING_ANYWHERE = /listening on ws:\/\/\S+:\d+\//;

/**
 * @typedef {{ child: import('node:child_process').ChildProcess | undefined, exited: Promise<{ signal: string | null, code: number | null }> | undefined, port: number, dataDir: string, log: string[], env: Record<string, string> }} Backend
 * @typedef {{ action: string, method?: string, path?: string, body?: unknown, timeoutMs?: number, origin?: string, env?: Record<string, string>, adminToken?: string | null, agent?: string, ttl?: number, expiresAt?: number, text?: string, name?: string, args?: string[], kind?: string, [key: string]: unknown }} Payload
 */

/**
 * Runs the bundled server once with `args` and `env`, until it exits or prints that it
 * listens (then it is killed). Resolves with what it printed.
 * @param {string} file @param {string[]} args @param {Record<string, string>} env
 * @returns {Promise<{ listening: boolean, code: number | null, output: string }>}
 */
function runOnce(file, args, env) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [file, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let listening = false;
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    const take = (/** @type {unknown} */ chunk) => {
      output += String(chunk);
      if (!listening && LISTENING_ANYWHERE.test(output)) {
        listening = true;
        child.kill('SIGKILL');
      }
    };
    child.stdout?.on('data', take);
    child.stderr?.on('data', take);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ listening, code, output });
    });
  });
}

/** @returns {import('@web/test-runner').TestRunnerPlugin<Payload>} */
export function backendPlugin() {
  /** @type {Promise<string> | undefined} */
  let bundle;
  /** @type {Map<string, Backend>} */
  const backends = new Map();

  /**
   * Starts the bundled server; resolves once it prints its address.
   * @param {Backend} b
   * @param {number} port
   */
  async function launch(b, port) {
    bundle ??= buildServer();
    const file = await bundle;
    const child = spawn(process.execPath, [file], {
      env: { ...process.env, HEARTBEAT_MS: '2000', FOLLOW_UP_MS: '50', ...b.env, PORT: String(port), DATA_DIR: b.dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    b.child = child;
    b.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    child.stderr?.on('data', (chunk) => b.log.push(String(chunk)));
    b.port = await new Promise((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`the backend did not start within 30 s: ${b.log.join('')}`)), 30_000);
      child.stdout?.on('data', (chunk) => {
        b.log.push(String(chunk));
        out += String(chunk);
        const match = LISTENING.exec(out);
        if (match) {
          clearTimeout(timer);
          resolve(Number(match[1]));
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the backend exited (${code}) before listening: ${b.log.join('')}`));
      });
    });
    return { port: b.port, url: `ws://127.0.0.1:${b.port}/` };
  }

  /** @param {Backend} b */
  async function kill(b) {
    const { child, exited } = b;
    if (!child || !exited) return { signal: null };
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    const result = await exited;
    b.child = undefined;
    b.exited = undefined;
    return result;
  }

  /** @param {Backend} b */
  async function stop(b) {
    await kill(b);
    rmSync(b.dataDir, { recursive: true, force: true });
  }

  /**
   * An admin call to the backend over loopback HTTP.
   * @param {number} port @param {string} method @param {string} urlPath @param {unknown} body @param {string | undefined} token
   * @returns {Promise<{ status: number, body: unknown }>}
   */
  function admin(port, method, urlPath, body, token) {
    return new Promise((resolve, reject) => {
      const data = body === undefined ? undefined : JSON.stringify(body);
      /** @type {Record<string, string>} */
      const headers = {};
      if (data !== undefined) headers['content-type'] = 'application/json';
      if (token !== undefined) headers['authorization'] = `Bearer ${token}`;
      const req = request({ host: '127.0.0.1', port, method, path: urlPath, headers }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : null }));
      });
      req.on('error', reject);
      req.end(data);
    });
  }

  const killAllSync = () => {
    for (const b of backends.values()) {
      if (b.child && b.child.exitCode === null) b.child.kill('SIGKILL');
      rmSync(b.dataDir, { recursive: true, force: true });
    }
  };
  process.once('exit', killAllSync);

  /** @param {Backend | undefined} b @returns {Backend} */
  const started = (b) => {
    if (!b) throw new Error('cc-backend: not started');
    return b;
  };

  return {
    name: 'cc-backend',

    async executeCommand({ command, payload, session }) {
      if (command !== 'cc-backend') return undefined;
      if (!payload) throw new Error('cc-backend: a payload with an action is required');
      let b = backends.get(session.id);
      switch (payload.action) {
        case 'start': {
          if (b) await stop(b);
          b = {
            child: undefined,
            exited: undefined,
            port: 0,
            dataDir: mkdtempSync(path.join(tmpdir(), 'cc-backend-')),
            log: [],
            env: {
              TOKEN_SECRET: randomBytes(32).toString('hex'),
              ADMIN_TOKEN: randomBytes(24).toString('hex'),
              ALLOWED_ORIGINS: payload.origin ?? '',
              ...payload.env,
            },
          };
          backends.set(session.id, b);
          return launch(b, 0);
        }
        case 'kill':
          return kill(started(b));
        case 'wait-exit': {
          if (!b?.exited) throw new Error('cc-backend: not running');
          const exited = b.exited;
          const result = await Promise.race([exited, delay(payload.timeoutMs ?? 20_000).then(() => undefined)]);
          if (!result) throw new Error('cc-backend: the backend did not exit');
          b.child = undefined;
          b.exited = undefined;
          return result;
        }
        case 'restart': {
          const s = started(b);
          await kill(s);
          s.env = { ...s.env, ...payload.env };
          return launch(s, s.port);
        }
        case 'admin': {
          if (!b?.child) throw new Error('cc-backend: not running');
          const token = payload.adminToken === null ? undefined : (payload.adminToken ?? b.env['ADMIN_TOKEN']);
          return admin(b.port, payload.method ?? 'GET', payload.path ?? '/admin/state', payload.body, token);
        }
        case 'mint-token': {
          const s = started(b);
          bundle ??= buildServer();
          const args = ['mint-token', '--agent', String(payload.agent ?? '')];
          if (payload.ttl !== undefined) args.push('--ttl', String(payload.ttl));
          if (payload.expiresAt !== undefined) args.push('--expires-at', String(payload.expiresAt));
          const run = await runOnce(await bundle, args, { ...s.env, DATA_DIR: s.dataDir });
          if (run.code !== 0) throw new Error(`mint-token failed (${run.code}): ${run.output}`);
          return { token: run.output.trim() };
        }
        case 'append-log':
          appendFileSync(path.join(started(b).dataDir, 'log.jsonl'), String(payload.text ?? ''));
          return {};
        case 'wipe-data': {
          const s = started(b);
          if (s.child) throw new Error('cc-backend: kill it first');
          for (const name of existsSync(s.dataDir) ? readdirSync(s.dataDir) : []) rmSync(path.join(s.dataDir, name), { recursive: true, force: true });
          mkdirSync(s.dataDir, { recursive: true });
          return {};
        }
        case 'read-data': {
          const file = path.join(started(b).dataDir, path.basename(String(payload.name ?? '')));
          return { text: existsSync(file) ? readFileSync(file, 'utf8') : null };
        }
        case 'output':
          return { text: started(b).log.join('') };
        case 'run-once': {
          bundle ??= buildServer();
          const dataDir = mkdtempSync(path.join(tmpdir(), 'cc-backend-once-'));
          try {
            return await runOnce(await bundle, payload.args ?? [], { PORT: '0', DATA_DIR: dataDir, ...payload.env });
          } finally {
            rmSync(dataDir, { recursive: true, force: true });
          }
        }
        case 'probe': {
          const s = started(b);
          return runProbe(payload, {
            url: `ws://127.0.0.1:${s.port}/`,
            admin: (method, urlPath, body) => admin(s.port, method, urlPath, body, s.env['ADMIN_TOKEN']),
          });
        }
        case 'stop':
          if (b) await stop(b);
          backends.delete(session.id);
          return {};
        default:
          throw new Error(`cc-backend: unknown action ${String(payload.action)}`);
      }
    },

    async serverStop() {
      await Promise.all([...backends.values()].map(stop));
      backends.clear();
      process.off('exit', killAllSync);
    },
  };
}
