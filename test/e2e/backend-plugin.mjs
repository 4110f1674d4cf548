// @ts-check
/**
 * A web-test-runner plugin that lets a browser test drive the reference backend
 * (server/) as a real child process, through one server command:
 *
 *   executeServerCommand('cc-backend', { action, ... })
 *
 * | action      | payload                       | result                          |
 * |-------------|-------------------------------|---------------------------------|
 * | `start`     | –                             | `{ port, url }` (fresh data dir)|
 * | `kill`      | –                             | `{ signal }` (SIGKILL, awaited) |
 * | `wait-exit` | `{ timeoutMs? }` (20 s)       | `{ signal, code }`              |
 * | `restart`   | –                             | `{ port, url }` (same port/data)|
 * | `admin`     | `{ method?, path, body? }`    | `{ status, body }`              |
 * | `stop`      | –                             | `{}` (kills, deletes data dir)  |
 *
 * One backend per test session, listening on 127.0.0.1 only. Processes and temporary
 * data directories are cleaned up on `stop`, when the test runner stops, and on exit.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { clearTimeout, setTimeout } from 'node:timers';
import { setTimeout as delay } from 'node:timers/promises';
import { buildServer } from '../../server/run.mjs';

const LISTENING = /listening on ws:\/\/127\.0\.0\.1:(\d+)\//;

/**
 * @typedef {{ child: import('node:child_process').ChildProcess | undefined, exited: Promise<{ signal: string | null, code: number | null }> | undefined, port: number, dataDir: string, log: string[] }} Backend
 * @typedef {{ action: 'start' | 'kill' | 'wait-exit' | 'restart' | 'admin' | 'stop', method?: string, path?: string, body?: unknown, timeoutMs?: number }} Payload
 */

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
      env: { ...process.env, PORT: String(port), DATA_DIR: b.dataDir, HEARTBEAT_MS: '2000', FOLLOW_UP_MS: '50' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    b.child = child;
    b.exited = new Promise(resolve => child.once('exit', (code, signal) => resolve({ code, signal })));
    child.stderr?.on('data', chunk => b.log.push(String(chunk)));
    b.port = await new Promise((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`the backend did not start within 30 s: ${b.log.join('')}`)), 30_000);
      child.stdout?.on('data', chunk => {
        out += String(chunk);
        const match = LISTENING.exec(out);
        if (match) {
          clearTimeout(timer);
          resolve(Number(match[1]));
        }
      });
      child.once('exit', code => {
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
   * @param {number} port @param {string} method @param {string} urlPath @param {unknown} body
   * @returns {Promise<{ status: number, body: unknown }>}
   */
  function admin(port, method, urlPath, body) {
    return new Promise((resolve, reject) => {
      const data = body === undefined ? undefined : JSON.stringify(body);
      const req = request(
        { host: '127.0.0.1', port, method, path: urlPath, headers: data === undefined ? {} : { 'content-type': 'application/json' } },
        res => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', chunk => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : null }));
        },
      );
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

  return {
    name: 'cc-backend',

    async executeCommand({ command, payload, session }) {
      if (command !== 'cc-backend') return undefined;
      if (!payload) throw new Error('cc-backend: a payload with an action is required');
      let b = backends.get(session.id);
      switch (payload.action) {
        case 'start': {
          if (b) await stop(b);
          b = { child: undefined, exited: undefined, port: 0, dataDir: mkdtempSync(path.join(tmpdir(), 'cc-backend-')), log: [] };
          backends.set(session.id, b);
          return launch(b, 0);
        }
        case 'kill':
          if (!b) throw new Error('cc-backend: not started');
          return kill(b);
        case 'wait-exit': {
          if (!b?.exited) throw new Error('cc-backend: not running');
          const exited = b.exited;
          const result = await Promise.race([exited, delay(payload.timeoutMs ?? 20_000).then(() => undefined)]);
          if (!result) throw new Error('cc-backend: the backend did not exit');
          b.child = undefined;
          b.exited = undefined;
          return result;
        }
        case 'restart':
          if (!b) throw new Error('cc-backend: not started');
          await kill(b);
          return launch(b, b.port);
        case 'admin':
          if (!b?.child) throw new Error('cc-backend: not running');
          return admin(b.port, payload.method ?? 'GET', payload.path ?? '/admin/state', payload.body);
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
