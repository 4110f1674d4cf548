/**
 * `npm run server`: the reference backend for the WebSocket adapter.
 *
 * Environment:
 * - `PORT` (default 8787; 0 picks a free port), `HOST` (default `127.0.0.1`; any other
 *   address needs `TOKEN_SECRET` and `ADMIN_TOKEN` set explicitly);
 * - `DATA_DIR` (event log, uploads, generated secrets; default `.cc-data/` in the
 *   project), `FSYNC` (`0` turns off the fsync after every append), `HEARTBEAT_MS`
 *   (default 15000), `FOLLOW_UP_MS` (delay of receipts and decisions, default 300);
 * - `TOKEN_SECRET` (HMAC key of agent tokens, ≥ 32 bytes; default: generated once into
 *   `<DATA_DIR>/token-secret`), `ADMIN_TOKEN` (default: generated once into
 *   `<DATA_DIR>/admin-token`), `ALLOWED_ORIGINS` (comma-separated browser origins;
 *   default the demo's, `http://localhost:8000,http://127.0.0.1:8000`);
 * - limits: `MAX_BUFFERED_BYTES`, `MAX_CONNECTIONS`, `MAX_CONNECTIONS_PER_AGENT`,
 *   `FRAMES_PER_SECOND`, `FRAME_BURST`;
 * - `CAPABILITIES_OFF` (comma-separated, e.g. `consult,history`): capabilities this backend
 *   announces as off and refuses the commands of (see `docs/protocol.md`, Capabilities).
 *
 * `mint-token --agent <id> [--ttl <seconds>] [--expires-at <unix seconds>]` prints an
 * agent token signed with the same secret and exits.
 * @packageDocumentation
 */
import path from 'node:path';
import process from 'node:process';
import { DEFAULT_TOKEN_TTL_SECONDS, MIN_SECRET_BYTES, mintToken, secretFile } from './auth.js';
import { capabilitiesOff } from './capabilities.js';
import type { Limits } from './limits.js';
import { startServer } from './net.js';

function numberFrom(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number ≥ 0, got ${raw}`);
  return value;
}

function fail(message: string): never {
  console.error(`cc-backend: ${message}`);
  process.exit(2);
}

const dataDir = path.resolve(process.env['DATA_DIR'] || '.cc-data');
if (process.env['TOKEN'] !== undefined) {
  fail('TOKEN (a shared password) is no longer supported: agents present signed tokens. Set TOKEN_SECRET and mint tokens with `npm run server -- mint-token --agent <id>`.');
}
const explicitSecret = process.env['TOKEN_SECRET'] || undefined;
if (explicitSecret !== undefined && Buffer.byteLength(explicitSecret) < MIN_SECRET_BYTES) fail(`TOKEN_SECRET must be at least ${MIN_SECRET_BYTES} bytes`);
const tokenSecret = (): string => explicitSecret ?? secretFile(dataDir, 'token-secret');

if (process.argv[2] === 'mint-token') {
  const args = process.argv.slice(3);
  const option = (name: string): string | undefined => {
    const at = args.indexOf(`--${name}`);
    return at < 0 ? undefined : args[at + 1];
  };
  const agentId = option('agent') ?? fail('mint-token needs --agent <agent id>');
  const ttl = option('ttl');
  const expiresAt = option('expires-at');
  try {
    console.log(
      mintToken({
        secret: tokenSecret(),
        agentId,
        ttlSeconds: ttl === undefined ? DEFAULT_TOKEN_TTL_SECONDS : Number(ttl),
        ...(expiresAt === undefined ? {} : { expiresAt: Number(expiresAt) }),
      }),
    );
  } catch (e) {
    fail(e instanceof Error ? e.message : String(e));
  }
  process.exit(0);
}

const limits: Partial<Limits> = {
  maxBufferedBytes: numberFrom('MAX_BUFFERED_BYTES', 4 * 1024 * 1024),
  maxConnections: numberFrom('MAX_CONNECTIONS', 64),
  maxConnectionsPerAgent: numberFrom('MAX_CONNECTIONS_PER_AGENT', 8),
  framesPerSecond: numberFrom('FRAMES_PER_SECOND', 50),
  frameBurst: numberFrom('FRAME_BURST', 200),
};
const host = process.env['HOST'] || '127.0.0.1';
const explicitAdmin = process.env['ADMIN_TOKEN'] || undefined;
const loopback = host === '127.0.0.1' || host === '::1' || host === 'localhost';
if (!loopback && (explicitSecret === undefined || explicitAdmin === undefined)) {
  fail(`refusing to listen on ${host} (beyond loopback) without TOKEN_SECRET and ADMIN_TOKEN set explicitly`);
}

let server;
try {
  const capabilities = capabilitiesOff(process.env['CAPABILITIES_OFF']);
  server = await startServer({
    port: numberFrom('PORT', 8787),
    host,
    dataDir,
    heartbeatMs: Math.max(100, numberFrom('HEARTBEAT_MS', 15_000)),
    fsync: process.env['FSYNC'] !== '0',
    followUpMs: numberFrom('FOLLOW_UP_MS', 300),
    tokenSecret: tokenSecret(),
    adminToken: explicitAdmin ?? secretFile(dataDir, 'admin-token'),
    allowedOrigins: (process.env['ALLOWED_ORIGINS'] ?? 'http://localhost:8000,http://127.0.0.1:8000')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    limits,
    capabilities,
  });
} catch (e) {
  fail(e instanceof Error ? e.message : String(e));
}
const running = server;

console.log(
  `cc reference backend listening on ${running.url} (agent ${running.backend.agent.id}; ` +
    `log ${running.backend.log.file}, ${running.backend.log.headSeq} events, epoch ${running.backend.log.logId}` +
    `${running.backend.log.quarantined.length > 0 ? `, ${running.backend.log.quarantined.length} record(s) quarantined` : ''})`,
);
console.log(
  `agents connect with a token: npm run server -- mint-token --agent ${running.backend.agent.id} --ttl 3600` +
    `${explicitAdmin === undefined ? `; the admin token is in ${path.join(dataDir, 'admin-token')}` : ''}`,
);

let stopping = false;
const stop = (): void => {
  if (stopping) return;
  stopping = true;
  void running.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
