/**
 * `npm run server`: the reference backend for the WebSocket adapter.
 *
 * Environment: `PORT` (default 8787; 0 picks a free port), `DATA_DIR` (event log and
 * uploads; default `<tmp>/cc-digital-widgets-server`), `HEARTBEAT_MS` (default 15000),
 * `TOKEN` (require it in `hello`), `ALLOWED_ORIGINS` (comma-separated browser origins
 * allowed besides loopback ones), `FSYNC=1` (fsync every append), `FOLLOW_UP_MS`
 * (delay of receipts and decisions, default 300). Listens on 127.0.0.1 only.
 * @packageDocumentation
 */
import { tmpdir } from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { startServer } from './net.js';

function numberFrom(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number ≥ 0, got ${raw}`);
  return value;
}

const dataDir = path.resolve(process.env['DATA_DIR'] || path.join(tmpdir(), 'cc-digital-widgets-server'));
const server = await startServer({
  port: numberFrom('PORT', 8787),
  dataDir,
  heartbeatMs: Math.max(100, numberFrom('HEARTBEAT_MS', 15_000)),
  fsync: process.env['FSYNC'] === '1',
  followUpMs: numberFrom('FOLLOW_UP_MS', 300),
  ...(process.env['TOKEN'] ? { token: process.env['TOKEN'] } : {}),
  allowedOrigins: (process.env['ALLOWED_ORIGINS'] ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean),
});

console.log(
  `cc reference backend listening on ${server.url} (agent ${server.backend.agent.id}; ` +
    `log ${server.backend.log.file}, ${server.backend.log.headSeq} events)`,
);

let stopping = false;
const stop = (): void => {
  if (stopping) return;
  stopping = true;
  void server.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
