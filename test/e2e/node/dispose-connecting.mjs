// @ts-check
/**
 * Run in its own Node process by test/e2e/probes.mjs: the WebSocket adapter on Node's
 * `ws`, against a server that accepts TCP connections and never answers the upgrade, so
 * every socket stays CONNECTING. Disposing then, and dropping a handshake that timed out,
 * must not leave `ws` an error without a listener (which would end this process).
 * Prints `survived` and exits 0 when all went well.
 */
import console from 'node:console';
import { createServer } from 'node:net';
import process from 'node:process';
import { setTimeout as delay } from 'node:timers/promises';
import { WebSocket } from 'ws';
import { WebSocketContactCenter } from '../../../src/adapters/websocket/index.js';

/** @type {import('node:net').Socket[]} */
const held = [];
const blackHole = createServer((socket) => {
  held.push(socket);
  socket.on('error', () => undefined);
});
await new Promise((resolve) => blackHole.listen(0, '127.0.0.1', () => resolve(undefined)));
const address = blackHole.address();
if (address === null || typeof address === 'string') throw new Error('no port');
const url = `ws://127.0.0.1:${address.port}/`;

/** @param {string} u */
const createSocket = (u) => /** @type {import('../../../src/adapters/websocket/index.js').WebSocketLike} */ (/** @type {unknown} */ (new WebSocket(u)));

// 1. dispose() while the first socket is CONNECTING.
const first = new WebSocketContactCenter({ url, agentId: 'agent-me', createSocket });
await delay(100);
first.dispose();

// 2. Handshakes that time out are dropped (closed while CONNECTING) and tried again.
const second = new WebSocketContactCenter({ url, agentId: 'agent-me', createSocket, handshakeTimeoutMs: 50, reconnect: { initialDelayMs: 10, maxDelayMs: 20 } });
await delay(600);
const attempts = second.stats.attempts;
second.dispose();

// Errors ws emits on the next ticks would have ended the process by now.
await delay(200);
for (const socket of held) socket.destroy();
blackHole.close();
console.log(`survived (${attempts} attempts)`);
process.exit(attempts >= 2 ? 0 : 3);
