/**
 * The reference backend on the network: one HTTP server with
 * - the WebSocket endpoint (`/`) speaking the protocol of `docs/protocol.md`;
 * - `GET /health`;
 * - `GET /files/<id>/<name>`: files uploaded with `uploadAttachment`;
 * - `/admin/*`: the scripting hooks tests and demos use (see `admin.ts`).
 *
 * No input of any size or shape stops the process: every frame is handled inside a
 * guard, oversized and excess frames get an `error` frame, and a client that does not
 * read is dropped before it pins memory.
 * @packageDocumentation
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import process from 'node:process';
import { WebSocketServer, WebSocket, type RawData } from 'ws';
import {
  MAX_FRAME_BYTES,
  MAX_HISTORY_BYTES,
  MAX_MESSAGE_BYTES,
  PROTOCOL_VERSION,
  READ_ONLY_COMMANDS,
  isCommandName,
  parseClientFrame,
  type HelloFrame,
  type ServerFrame,
} from '../../src/adapters/websocket/protocol.js';
import { compactReplay, type ReplayEntry } from '../../src/adapters/replay-history.js';
import { handleAdmin, isLoopbackAddress, json, type FaultKind } from './admin.js';
import { verifyToken } from './auth.js';
import { Backend, RuleError } from './backend.js';
import { DEFAULT_LIMITS, TokenBucket, type Limits } from './limits.js';
import type { LoggedEvent } from './log.js';
import type { Capability } from '../../src/core/types.js';

export type { FaultKind } from './admin.js';

/** Options of {@link startServer}. */
export interface ServerOptions {
  /** TCP port; 0 picks a free one. */
  readonly port: number;
  /**
   * Address to listen on. Default `127.0.0.1`. Any other than a loopback address needs
   * both `tokenSecret` and `adminToken`: the server refuses to start without them.
   */
  readonly host?: string;
  /** Where the event log and uploads are kept. */
  readonly dataDir: string;
  /** The server pings every client this often (ms); a silent client is dropped after twice that. Default 15000. */
  readonly heartbeatMs?: number;
  /**
   * The HMAC secret agent tokens are signed with (see `auth.ts`): `hello.token` must be
   * a valid, unexpired token for the hello's agent. Without it agents need no token —
   * loopback only.
   */
  readonly tokenSecret?: string;
  /** The admin API's own token (`Authorization: Bearer …`). Without it the admin API is off. */
  readonly adminToken?: string;
  /** Browser origins allowed to connect (exact `scheme://host:port`). Clients that send no Origin are not browsers and are let through to `hello`. */
  readonly allowedOrigins?: readonly string[];
  /** `fsync` the log after every append. Default true. */
  readonly fsync?: boolean;
  /** Delay of receipts and decisions (ms). Default 300. */
  readonly followUpMs?: number;
  /** Resource limits; missing fields take {@link DEFAULT_LIMITS}'. */
  readonly limits?: Partial<Limits>;
  /** Capabilities switched off (`false`); the rest are on and announced in every welcome. */
  readonly capabilities?: Readonly<Partial<Record<Capability, boolean>>>;
}

/** A started server. */
export interface RunningServer {
  readonly port: number;
  /** WebSocket URL, e.g. `ws://127.0.0.1:8787/`. */
  readonly url: string;
  readonly backend: Backend;
  /** Closes every connection and the log. */
  close(): Promise<void>;
}

/** Events taken from the log at a time during a replay. */
const REPLAY_BATCH = 256;
/** How long a replay waits for a client to read before it looks again (ms). */
const REPLAY_PAUSE_MS = 20;
/** Consecutive frames over the rate after which a connection is closed. */
const MAX_VIOLATIONS = 1000;
/** Close codes. */
const CLOSE_UNAUTHORIZED = 4401;
const CLOSE_FORBIDDEN = 4403;
const CLOSE_PROTOCOL = 4400;
const CLOSE_TOO_MANY = 4429;

interface Session {
  readonly socket: WebSocket;
  readonly bucket: TokenBucket;
  /** The agent, once `hello` was accepted. */
  agentId: string | undefined;
  /** Live: the replay is done and new events are sent as they are appended. */
  ready: boolean;
  lastSeen: number;
  violations: number;
  lastRateError: number;
  timer: ReturnType<typeof setTimeout> | undefined;
}

/** Counters of what the network layer refused, for `GET /admin/state`. */
interface NetStats {
  framesTooLarge: number;
  framesRateLimited: number;
  malformedFrames: number;
  slowConsumersDropped: number;
  connectionsRefused: number;
  unauthorized: number;
  internalErrors: number;
}

function isLoopbackHost(host: string): boolean {
  return isLoopbackAddress(host) || host === '::ffff:127.0.0.1';
}

function byteLength(data: RawData): number {
  if (Array.isArray(data)) return data.reduce((n, b) => n + b.length, 0);
  return data instanceof ArrayBuffer ? data.byteLength : data.length;
}

function textOf(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return (data instanceof ArrayBuffer ? Buffer.from(data) : data).toString('utf8');
}

/** The id of a command frame that failed validation, when it has a usable one. */
function commandIdOf(text: string): string | undefined {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    const frame = value as Record<string, unknown>;
    const id = frame['id'];
    return frame['type'] === 'command' && typeof id === 'string' && id.length > 0 && id.length <= 200 ? id : undefined;
  } catch {
    return undefined;
  }
}

/** Starts the reference backend. Resolves once it listens. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopbackHost(host) && (options.tokenSecret === undefined || options.adminToken === undefined)) {
    throw new Error(`refusing to listen on ${host} (beyond loopback) without an agent token secret and an admin token`);
  }
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits };
  const allowed = new Set(options.allowedOrigins ?? []);
  const sessions = new Set<Session>();
  const faults = { crashAfterNextCommand: false, dropNextResult: false };
  const stats: NetStats = { framesTooLarge: 0, framesRateLimited: 0, malformedFrames: 0, slowConsumersDropped: 0, connectionsRefused: 0, unauthorized: 0, internalErrors: 0 };
  let port = options.port;
  const urlHost = host.includes(':') ? `[${host}]` : host;

  const backend = new Backend({
    dataDir: options.dataDir,
    fsync: options.fsync ?? true,
    ...(options.followUpMs === undefined ? {} : { followUpMs: options.followUpMs }),
    ...(options.capabilities === undefined ? {} : { capabilities: options.capabilities }),
    fileUrl: (id, name) => `http://${urlHost}:${port}/files/${id}/${encodeURIComponent(name)}`,
  });

  const forget = (session: Session): void => {
    if (session.timer !== undefined) clearTimeout(session.timer);
    session.timer = undefined;
    sessions.delete(session);
  };

  /** Sends a frame; a client holding more than the limit unread is dropped. False when not sent. */
  const send = (session: Session, frame: ServerFrame | string, written?: (error?: Error) => void): boolean => {
    const socket = session.socket;
    if (socket.readyState !== WebSocket.OPEN) return false;
    if (socket.bufferedAmount > limits.maxBufferedBytes) {
      stats.slowConsumersDropped += 1;
      socket.terminate();
      forget(session);
      return false;
    }
    socket.send(typeof frame === 'string' ? frame : JSON.stringify(frame), written);
    return true;
  };

  const eventFrame = (event: LoggedEvent): ServerFrame => ({ type: 'event', seq: event.seq, event });
  const entryFrame = ({ event, prev }: ReplayEntry): ServerFrame => ({ type: 'event', seq: event.seq, ...(prev === undefined ? {} : { prev }), event });

  backend.subscribe((events) => {
    for (const session of [...sessions]) {
      if (!session.ready) continue;
      for (const event of events) if (!send(session, eventFrame(event))) break;
    }
  });

  const refuse = (session: Session, code: string, message: string, closeCode: number, fatal = true): void => {
    send(session, { type: 'error', code, message, fatal });
    session.socket.close(closeCode, code);
    session.ready = false;
  };

  /**
   * Sends the events after `from` while the client keeps up (less than half the
   * buffered-bytes cap waiting), pausing while it does not; goes live in the same turn
   * as the last look at the log, so no event falls between the replay and the live stream.
   */
  const replay = (session: Session, from: number): void => {
    const socket = session.socket;
    if (!sessions.has(session) || socket.readyState !== WebSocket.OPEN) return;
    let next = from;
    while (socket.bufferedAmount < limits.maxBufferedBytes / 2) {
      const batch = backend.log.since(next, REPLAY_BATCH);
      if (batch.length === 0) {
        session.ready = true;
        return;
      }
      for (const event of batch) {
        socket.send(JSON.stringify(eventFrame(event)));
        next = event.seq;
        if (socket.bufferedAmount >= limits.maxBufferedBytes / 2) break;
      }
    }
    // A client that stops reading during its replay waits here; the heartbeat drops it if it goes silent.
    setTimeout(() => replay(session, next), REPLAY_PAUSE_MS);
  };

  /**
   * The replay for a client that takes `history` events: the entries up to the log's head
   * at the hello, with each conversation's messages and emails in a few `history` events
   * (see `compactReplay`), sent while the client keeps up; then the plain replay of what
   * was appended meanwhile, which goes live.
   */
  const replayCompacted = (session: Session, entries: readonly ReplayEntry[], from: number, head: number): void => {
    const socket = session.socket;
    if (!sessions.has(session) || socket.readyState !== WebSocket.OPEN) return;
    let next = from;
    while (next < entries.length && socket.bufferedAmount < limits.maxBufferedBytes / 2) {
      const entry = entries[next++];
      if (entry) socket.send(JSON.stringify(entryFrame(entry)));
    }
    if (next < entries.length) setTimeout(() => replayCompacted(session, entries, next, head), REPLAY_PAUSE_MS);
    else replay(session, head);
  };

  const onHello = (session: Session, hello: HelloFrame): void => {
    if (session.agentId !== undefined) return;
    if (hello.protocol !== PROTOCOL_VERSION) {
      refuse(session, 'unsupported-protocol', `this server speaks protocol ${PROTOCOL_VERSION}, not ${hello.protocol}`, CLOSE_PROTOCOL);
      return;
    }
    let expiresAt: number | undefined;
    if (options.tokenSecret !== undefined) {
      const check = verifyToken(options.tokenSecret, hello.token, hello.agentId);
      if (!check.ok) {
        stats.unauthorized += 1;
        const why = { missing: 'no token', malformed: 'a malformed token', 'bad-signature': 'a token with a bad signature', expired: 'an expired token', 'wrong-agent': 'a token of another agent' }[check.reason];
        refuse(session, 'unauthorized', `unauthorized: ${why}`, CLOSE_UNAUTHORIZED);
        return;
      }
      expiresAt = check.claims.exp * 1000;
    }
    if (hello.agentId !== backend.agent.id) {
      refuse(session, 'unknown-agent', `this backend serves agent ${backend.agent.id}, not ${hello.agentId}`, CLOSE_FORBIDDEN);
      return;
    }
    const open = [...sessions].filter((s) => s.agentId === hello.agentId).length;
    if (open >= limits.maxConnectionsPerAgent) {
      stats.connectionsRefused += 1;
      refuse(session, 'too-many-connections', `agent ${hello.agentId} has ${open} connections open already`, CLOSE_TOO_MANY, false);
      return;
    }
    session.agentId = hello.agentId;
    if (session.timer !== undefined) clearTimeout(session.timer);
    session.timer = undefined;
    if (expiresAt !== undefined) {
      // A session lasts as long as its token: the client reconnects with a fresh one.
      session.timer = setTimeout(() => refuse(session, 'token-expired', 'the token expired; reconnect with a new one', CLOSE_UNAUTHORIZED, false), Math.max(0, Math.min(expiresAt - Date.now(), 2 ** 31 - 1)));
    }
    const log = backend.log;
    const known = hello.epoch ?? hello.logId;
    const honoured = (known === undefined || known === log.logId) && hello.lastSeq <= log.headSeq;
    const replayFrom = honoured ? hello.lastSeq : 0;
    send(session, {
      type: 'welcome',
      protocol: PROTOCOL_VERSION,
      logId: log.logId,
      epoch: log.logId,
      headSeq: log.headSeq,
      replayFrom,
      heartbeatMs,
      agent: backend.agent,
      server: 'cc-digital-widgets reference backend',
      capabilities: backend.capabilities,
    });
    if (hello.features?.includes('history')) {
      const head = log.headSeq;
      const sizeOf = (item: unknown): number => Buffer.byteLength(JSON.stringify(item));
      replayCompacted(session, compactReplay(log.since(replayFrom), { after: replayFrom, maxHistoryBytes: MAX_HISTORY_BYTES, sizeOf }), 0, head);
    } else replay(session, replayFrom);
  };

  const onCommand = (session: Session, id: string, name: string, args: unknown): void => {
    const mutating = isCommandName(name) && !READ_ONLY_COMMANDS.has(name);
    const crash = mutating && faults.crashAfterNextCommand;
    if (crash) faults.crashAfterNextCommand = false;
    const { outcome, repeated } = backend.execute(id, name, args, crash ? () => process.kill(process.pid, 'SIGKILL') : undefined);
    if (mutating && !repeated && outcome.ok && faults.dropNextResult) {
      // The command is applied and its events are out; the answer is lost with the connection.
      faults.dropNextResult = false;
      session.socket.terminate();
      return;
    }
    send(session, outcome.ok ? { type: 'result', id, ok: true, value: outcome.value } : { type: 'result', id, ok: false, error: outcome.error });
  };

  const rateLimited = (session: Session, text: string | undefined): void => {
    stats.framesRateLimited += 1;
    session.violations += 1;
    if (session.violations > MAX_VIOLATIONS) {
      refuse(session, 'rate-limited', 'too many frames; closing', CLOSE_TOO_MANY, false);
      return;
    }
    // A command learns at once that it was not applied; other frames get one notice a second.
    const parsed = text === undefined ? undefined : parseClientFrame(text);
    if (parsed?.ok && parsed.frame?.type === 'command') {
      send(session, { type: 'result', id: parsed.frame.id, ok: false, error: { code: 'rate-limited', message: 'too many frames on this connection; try again shortly' } });
      return;
    }
    const now = Date.now();
    if (now - session.lastRateError < 1000) return;
    session.lastRateError = now;
    send(session, { type: 'error', code: 'rate-limited', message: `more than ${limits.framesPerSecond} frames a second; frames are being dropped` });
  };

  const onMessage = (session: Session, data: RawData, isBinary: boolean): void => {
    session.lastSeen = Date.now();
    const size = byteLength(data);
    if (size > MAX_FRAME_BYTES) {
      stats.framesTooLarge += 1;
      send(session, { type: 'error', code: 'frame-too-large', message: `a frame may have at most ${MAX_FRAME_BYTES} bytes; this one had ${size}` });
      return;
    }
    const small = size <= MAX_MESSAGE_BYTES;
    if (!session.bucket.take()) {
      rateLimited(session, small && !isBinary ? textOf(data) : undefined);
      return;
    }
    session.violations = 0;
    if (isBinary) {
      stats.malformedFrames += 1;
      send(session, { type: 'error', code: 'malformed-frame', message: 'binary frames are not part of the protocol' });
      return;
    }
    const text = textOf(data);
    const parsed = parseClientFrame(text);
    if (!parsed.ok) {
      stats.malformedFrames += 1;
      const id = commandIdOf(text);
      // A command with bad arguments is answered as such, so its sender does not wait for a timeout.
      if (id !== undefined && session.agentId !== undefined) send(session, { type: 'result', id, ok: false, error: { code: 'invalid-args', message: parsed.error.slice(0, 300) } });
      else send(session, { type: 'error', code: 'malformed-frame', message: parsed.error.slice(0, 300) });
      return;
    }
    const frame = parsed.frame;
    if (!frame) return; // A frame type from a newer client: ignored.
    if (!small && !(frame.type === 'command' && frame.name === 'uploadAttachment')) {
      stats.framesTooLarge += 1;
      const message = `only uploadAttachment commands may exceed ${MAX_MESSAGE_BYTES} bytes; this frame had ${size}`;
      if (frame.type === 'command') send(session, { type: 'result', id: frame.id, ok: false, error: { code: 'too-large', message } });
      else send(session, { type: 'error', code: 'frame-too-large', message });
      return;
    }
    switch (frame.type) {
      case 'hello':
        onHello(session, frame);
        return;
      case 'command':
        if (session.agentId === undefined) send(session, { type: 'error', code: 'hello-required', message: 'send hello first' });
        else onCommand(session, frame.id, frame.name, frame.args);
        return;
      case 'ping':
        send(session, frame.t === undefined ? { type: 'pong' } : { type: 'pong', t: frame.t });
        return;
      case 'pong':
        return;
    }
  };

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES + 1024 * 1024 });
  wss.on('connection', (socket: WebSocket) => {
    const session: Session = {
      socket,
      bucket: new TokenBucket(limits.framesPerSecond, limits.frameBurst),
      agentId: undefined,
      ready: false,
      lastSeen: Date.now(),
      violations: 0,
      lastRateError: 0,
      timer: undefined,
    };
    session.timer = setTimeout(() => {
      if (session.agentId === undefined) socket.terminate();
    }, limits.helloTimeoutMs);
    sessions.add(session);
    socket.on('message', (data, isBinary) => {
      try {
        onMessage(session, data, isBinary);
      } catch (e) {
        // Whatever a frame does, the process carries on; the client hears that this one failed.
        stats.internalErrors += 1;
        console.error('cc-backend: a frame could not be handled', e);
        try {
          send(session, { type: 'error', code: 'internal', message: 'the server could not handle this frame' });
        } catch {
          socket.terminate();
        }
      }
    });
    socket.on('close', () => forget(session));
    socket.on('error', () => forget(session));
  });

  const heartbeat = setInterval(() => {
    const now = Date.now();
    for (const session of [...sessions]) {
      if (session.socket.bufferedAmount > limits.maxBufferedBytes) {
        stats.slowConsumersDropped += 1;
        session.socket.terminate();
        forget(session);
      } else if (now - session.lastSeen > heartbeatMs * 2 + 1000) {
        session.socket.terminate();
        forget(session);
      } else send(session, { type: 'ping', t: now });
    }
  }, heartbeatMs);
  heartbeat.unref();

  const fault = (kind: FaultKind): void => {
    if (kind === 'drop-connections') for (const s of sessions) s.socket.terminate();
    if (kind === 'crash-after-next-command') faults.crashAfterNextCommand = true;
    if (kind === 'drop-next-result') faults.dropNextResult = true;
    if (kind === 'malformed-frames') {
      for (const s of sessions) {
        if (!s.ready) continue;
        send(s, '{"type":"event","seq":');
        send(s, JSON.stringify({ type: 'event', seq: 'one', event: {} }));
        send(s, JSON.stringify([1, 2, 3]));
      }
    }
  };

  const adminContext = {
    backend,
    adminToken: options.adminToken,
    allowedOrigins: allowed,
    fault,
    status: () => ({
      epoch: backend.log.logId,
      clients: [...sessions].filter((s) => s.agentId !== undefined).length,
      connections: sessions.size,
      quarantined: backend.log.quarantined,
      net: { ...stats },
    }),
  };

  const http = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const parts = url.pathname.split('/').filter(Boolean);
    const handle = async (): Promise<void> => {
      if (req.method === 'GET' && url.pathname === '/health') {
        json(res, 200, { ok: true, protocol: PROTOCOL_VERSION });
        return;
      }
      if (req.method === 'GET' && parts[0] === 'files' && parts[1] !== undefined) {
        const file = backend.file(parts[1]);
        if (!file) {
          json(res, 404, { error: 'no such file' });
          return;
        }
        res.writeHead(200, {
          'content-type': file.mimeType,
          'content-length': file.bytes.length,
          'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`,
          'x-content-type-options': 'nosniff',
          'content-security-policy': "default-src 'none'; sandbox",
          'access-control-allow-origin': '*',
        });
        res.end(file.bytes);
        return;
      }
      if (parts[0] === 'admin' && parts.length === 2 && parts[1] !== undefined) {
        await handleAdmin(adminContext, req, res, parts[1]);
        return;
      }
      json(res, 404, { error: 'not found' });
    };
    handle().catch((e: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (e instanceof RuleError) json(res, 409, { error: e.message });
      else {
        console.error('cc-backend: request failed', e);
        json(res, 500, { error: 'internal error' });
      }
    });
  });

  http.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    const origin = req.headers.origin;
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const deny = (status: string): void => {
      socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    };
    socket.on('error', () => socket.destroy());
    if (path !== '/' && path !== '/ws') {
      deny('404 Not Found');
      return;
    }
    // Only listed sites' pages may connect (cross-site WebSocket hijacking); other clients send no Origin.
    if (origin !== undefined && !allowed.has(origin)) {
      deny('403 Forbidden');
      return;
    }
    if (sessions.size >= limits.maxConnections) {
      stats.connectionsRefused += 1;
      deny('503 Service Unavailable');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port, host, () => {
      http.off('error', reject);
      resolve();
    });
  });
  port = (http.address() as AddressInfo).port;

  return {
    port,
    url: `ws://${urlHost}:${port}/`,
    backend,
    async close() {
      clearInterval(heartbeat);
      for (const s of [...sessions]) {
        s.socket.terminate();
        forget(s);
      }
      wss.close();
      await new Promise<void>((resolve) => http.close(() => resolve()));
      backend.close();
    },
  };
}
