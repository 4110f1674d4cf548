// @ts-check
/**
 * Node-side probes for the end-to-end tests, run by the `cc-backend` plugin's `probe`
 * action (what a browser page cannot do itself):
 *
 * | `kind`              | payload     | result |
 * |---------------------|-------------|--------|
 * | `slow-reader`       | `{ token }` | `{ dropped, messages, clients }`: a client that says hello, then stops reading while the customer floods the conversation, until the server drops it |
 * | `dispose-connecting`| –           | `{ code, output }`: test/e2e/node/dispose-connecting.mjs (the adapter on Node's `ws`) run in its own process |
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import process from 'node:process';
import { clearTimeout, setTimeout } from 'node:timers';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { WebSocket } from 'ws';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * @typedef {{ url: string, admin: (method: string, path: string, body?: unknown) => Promise<{ status: number, body: unknown }> }} ProbeContext
 */

/**
 * @param {{ kind?: string, [key: string]: unknown }} payload
 * @param {ProbeContext} context
 */
export async function runProbe(payload, context) {
  switch (payload.kind) {
    case 'slow-reader':
      return slowReader(String(payload['token'] ?? ''), context);
    case 'dispose-connecting':
      return nodeScript('dispose-connecting.mjs');
    default:
      throw new Error(`cc-backend probe: unknown kind ${String(payload.kind)}`);
  }
}

/**
 * @param {string} token
 * @param {ProbeContext} context
 */
async function slowReader(token, context) {
  const socket = new WebSocket(context.url);
  socket.on('error', () => undefined);
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  socket.send(JSON.stringify({ type: 'hello', protocol: 1, agentId: 'agent-me', lastSeq: 0, token }));
  await new Promise((resolve) => socket.once('message', resolve));
  // From here on nothing is read: the server's frames pile up in its buffers.
  socket.pause();
  const offer = await context.admin('POST', '/admin/offer', { channel: 'webchat', customerName: 'Flood' });
  const interactionId = /** @type {{ interactionId: string }} */ (offer.body).interactionId;
  const text = 'x'.repeat(60_000);
  let messages = 0;
  let dropped = 0;
  let clients = -1;
  // At most ~48 MB of events: far beyond the buffers of a loopback connection and the server's cap.
  for (let round = 0; round < 40 && dropped === 0; round++) {
    for (let i = 0; i < 20; i++) {
      const answer = await context.admin('POST', '/admin/customer-message', { interactionId, text });
      if (answer.status !== 200) throw new Error(`customer-message answered ${answer.status}`);
      messages += 1;
    }
    const state = /** @type {{ clients: number, net: { slowConsumersDropped: number } }} */ ((await context.admin('GET', '/admin/state')).body);
    dropped = state.net.slowConsumersDropped;
    clients = state.clients;
  }
  socket.terminate();
  return { dropped, messages, clients };
}

/**
 * Bundles a script of test/e2e/node/ with the library's sources and runs it in a new Node process.
 * @param {string} name
 * @returns {Promise<{ code: number | null, signal: string | null, output: string }>}
 */
async function nodeScript(name) {
  const outfile = path.join(here, '../../node_modules/.cache/cc-e2e-node', name);
  await build({
    entryPoints: [path.join(here, 'node', name)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['ws'],
    logLevel: 'warning',
  });
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [outfile], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout?.on('data', (chunk) => (output += String(chunk)));
    child.stderr?.on('data', (chunk) => (output += String(chunk)));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, output });
    });
  });
}
