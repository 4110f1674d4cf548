/**
 * The reference backend on the network: one HTTP server on a loopback address with
 * - the WebSocket endpoint (`/`) speaking the protocol of `docs/protocol.md`;
 * - `GET /health`;
 * - `GET /files/<id>/<name>`: files uploaded with `uploadAttachment`;
 * - `/admin/*`: the scripting hooks tests and demos use (offers, customer messages,
 *   injected faults), answered only to loopback peers addressing a loopback host.
 * @packageDocumentation
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import process from 'node:process';
import { WebSocketServer, WebSocket, type RawData } from 'ws';
import { PROTOCOL_VERSION, READ_ONLY_COMMANDS, isCommandName, parseClientFrame, type HelloFrame, type ServerFrame } from '../../src/adapters/websocket/protocol.js';
import type { AgentAvailability, Channel } from '../../src/core/types.js';
import { Backend, RuleError, type OfferScript } from './backend.js';
import type { LoggedEvent } from './log.js';

/** Options of {@link startServer}. */
export interface ServerOptions {
  /** TCP port; 0 picks a free one. */
  readonly port: number;
  /** Loopback address to listen on. Default `127.0.0.1`. */
  readonly host?: string;
  /** Where the event log and uploads are kept. */
  readonly dataDir: string;
  /** The server pings every client this often (ms); a silent client is dropped after twice that. Default 15000. */
  readonly heartbeatMs?: number;
  /** When set, `hello` must carry this token. */
  readonly token?: string;
  /** Browser origins allowed besides loopback ones (exact `scheme://host:port`). */
  readonly allowedOrigins?: readonly string[];
  /** `fsync` the log after every append. */
  readonly fsync?: boolean;
  /** Delay of receipts and decisions (ms). Default 300. */
  readonly followUpMs?: number;
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

/** Faults a test can inject through `POST /admin/fault`. */
export type FaultKind = 'drop-connections' | 'crash-after-next-command' | 'drop-next-result' | 'malformed-frames';

const FAULTS: readonly FaultKind[] = ['drop-connections', 'crash-after-next-command', 'drop-next-result', 'malformed-frames'];
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);
const LOOPBACK_PEERS = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
/** A client that does not read its events is dropped (it resumes when it reconnects). */
const MAX_BUFFERED = 16 * 1024 * 1024;
const MAX_FRAME = 16 * 1024 * 1024;
const MAX_ADMIN_BODY = 1024 * 1024;

interface Session {
  readonly socket: WebSocket;
  ready: boolean;
  lastSeen: number;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function hostnameOf(hostHeader: string | undefined): string | undefined {
  if (!hostHeader) return undefined;
  try {
    return new URL(`http://${hostHeader}`).hostname;
  } catch {
    return undefined;
  }
}

function isLoopbackOrigin(origin: string): boolean {
  try {
    const url = new URL(origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && LOOPBACK_HOSTS.has(url.hostname);
  } catch {
    return false;
  }
}

function json(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(text);
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_ADMIN_BODY) throw new RuleError('request body too large');
    chunks.push(buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new RuleError('request body is not JSON');
  }
}

function field(body: unknown, name: string): string {
  const value = isObject(body) ? body[name] : undefined;
  if (typeof value !== 'string' || value.length === 0) throw new RuleError(`"${name}" must be a non-empty string`);
  return value;
}

function optionalField(body: unknown, name: string): string | undefined {
  const value = isObject(body) ? body[name] : undefined;
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new RuleError(`"${name}" must be a string`);
  return value;
}

/** Starts the reference backend. Resolves once it listens. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  if (!LOOPBACK_PEERS.has(host) && host !== 'localhost') throw new Error(`the reference backend listens on loopback addresses only, not ${host}`);
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  const allowed = new Set(options.allowedOrigins ?? []);
  const sessions = new Set<Session>();
  const faults = { crashAfterNextCommand: false, dropNextResult: false };
  let port = options.port;

  const backend = new Backend({
    dataDir: options.dataDir,
    fsync: options.fsync ?? false,
    ...(options.followUpMs === undefined ? {} : { followUpMs: options.followUpMs }),
    fileUrl: (id, name) => `http://${host === '::1' ? '[::1]' : host}:${port}/files/${id}/${encodeURIComponent(name)}`,
  });

  const send = (session: Session, frame: ServerFrame | string): void => {
    const socket = session.socket;
    if (socket.readyState !== WebSocket.OPEN) return;
    if (socket.bufferedAmount > MAX_BUFFERED) {
      socket.terminate();
      return;
    }
    socket.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  };

  const eventFrame = (event: LoggedEvent): ServerFrame => ({ type: 'event', seq: event.seq, event });

  backend.subscribe((events) => {
    for (const session of sessions) {
      if (!session.ready) continue;
      for (const event of events) send(session, eventFrame(event));
    }
  });

  const refuse = (session: Session, code: string, message: string, closeCode: number): void => {
    send(session, { type: 'error', code, message, fatal: true });
    session.socket.close(closeCode, code);
  };

  const onHello = (session: Session, hello: HelloFrame): void => {
    if (session.ready) return;
    if (hello.protocol !== PROTOCOL_VERSION) {
      refuse(session, 'unsupported-protocol', `this server speaks protocol ${PROTOCOL_VERSION}, not ${hello.protocol}`, 4400);
      return;
    }
    if (options.token !== undefined && hello.token !== options.token) {
      refuse(session, 'unauthorized', 'missing or wrong token', 4401);
      return;
    }
    if (hello.agentId !== backend.agent.id) {
      refuse(session, 'unknown-agent', `this backend serves agent ${backend.agent.id}, not ${hello.agentId}`, 4403);
      return;
    }
    const log = backend.log;
    const honoured = (hello.logId === undefined || hello.logId === log.logId) && hello.lastSeq <= log.headSeq;
    const replayFrom = honoured ? hello.lastSeq : 0;
    send(session, {
      type: 'welcome',
      protocol: PROTOCOL_VERSION,
      logId: log.logId,
      headSeq: log.headSeq,
      replayFrom,
      heartbeatMs,
      agent: backend.agent,
      server: 'cc-digital-widgets reference backend',
    });
    // Replay and going live happen in the same turn: no event can fall in between.
    for (const event of log.since(replayFrom)) send(session, eventFrame(event));
    session.ready = true;
  };

  const onCommand = (session: Session, id: string, name: string, args: unknown): void => {
    const mutating = isCommandName(name) && !READ_ONLY_COMMANDS.has(name);
    const crash = mutating && faults.crashAfterNextCommand;
    if (crash) faults.crashAfterNextCommand = false;
    const { outcome, repeated } = backend.execute(id, name, args, crash ? () => process.kill(process.pid, 'SIGKILL') : undefined);
    if (mutating && !repeated && faults.dropNextResult) {
      // The command is applied and its events are out; the answer is lost with the connection.
      faults.dropNextResult = false;
      session.socket.terminate();
      return;
    }
    send(session, outcome.ok ? { type: 'result', id, ok: true, value: outcome.value } : { type: 'result', id, ok: false, error: outcome.error });
  };

  const onMessage = (session: Session, data: RawData, isBinary: boolean): void => {
    session.lastSeen = Date.now();
    if (isBinary) {
      send(session, { type: 'error', code: 'malformed-frame', message: 'binary frames are not part of the protocol' });
      return;
    }
    const text = Array.isArray(data) ? Buffer.concat(data).toString('utf8') : Buffer.from(data as ArrayBuffer).toString('utf8');
    const parsed = parseClientFrame(text);
    if (!parsed.ok) {
      send(session, { type: 'error', code: 'malformed-frame', message: parsed.error });
      return;
    }
    const frame = parsed.frame;
    if (!frame) return; // A frame type from a newer client: ignored.
    switch (frame.type) {
      case 'hello':
        onHello(session, frame);
        return;
      case 'command':
        if (!session.ready) send(session, { type: 'error', code: 'hello-required', message: 'send hello first' });
        else onCommand(session, frame.id, frame.name, frame.args);
        return;
      case 'ping':
        send(session, frame.t === undefined ? { type: 'pong' } : { type: 'pong', t: frame.t });
        return;
      case 'pong':
        return;
    }
  };

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME });
  wss.on('connection', (socket: WebSocket) => {
    const session: Session = { socket, ready: false, lastSeen: Date.now() };
    sessions.add(session);
    socket.on('message', (data, isBinary) => onMessage(session, data, isBinary));
    socket.on('close', () => sessions.delete(session));
    socket.on('error', () => sessions.delete(session));
  });

  const heartbeat = setInterval(() => {
    const now = Date.now();
    for (const session of sessions) {
      if (now - session.lastSeen > heartbeatMs * 2 + 1000) session.socket.terminate();
      else send(session, { type: 'ping', t: now });
    }
  }, heartbeatMs);
  heartbeat.unref();

  const admin = async (req: IncomingMessage, res: ServerResponse, route: string): Promise<void> => {
    const peer = req.socket.remoteAddress ?? '';
    const origin = req.headers.origin;
    if (!LOOPBACK_PEERS.has(peer) || !LOOPBACK_HOSTS.has(hostnameOf(req.headers.host) ?? '') || (origin !== undefined && !isLoopbackOrigin(origin))) {
      json(res, 403, { error: 'the admin API answers loopback clients only' });
      return;
    }
    if (req.method === 'GET' && route === 'state') {
      json(res, 200, { ...backend.snapshot(), clients: [...sessions].filter((s) => s.ready).length });
      return;
    }
    if (req.method === 'GET' && route === 'events') {
      const after = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('after') ?? '0');
      json(res, 200, { events: backend.log.since(Number.isSafeInteger(after) ? after : 0) });
      return;
    }
    if (req.method !== 'POST') {
      json(res, 405, { error: 'use POST' });
      return;
    }
    // A JSON content type keeps cross-site form posts out (they cannot send one without a preflight).
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      json(res, 415, { error: 'send application/json' });
      return;
    }
    const body = await readJson(req);
    switch (route) {
      case 'offer': {
        const email = isObject(body) && isObject(body['email']) ? body['email'] : undefined;
        const customerName = optionalField(body, 'customerName');
        const queue = optionalField(body, 'queue');
        const text = optionalField(body, 'text');
        const subject = email ? optionalField(email, 'subject') : undefined;
        const emailText = email ? optionalField(email, 'text') : undefined;
        const html = email ? optionalField(email, 'html') : undefined;
        const script: OfferScript = {
          channel: field(body, 'channel') as Channel,
          ...(customerName === undefined ? {} : { customerName }),
          ...(queue === undefined ? {} : { queue }),
          ...(text === undefined ? {} : { text }),
          email: {
            ...(subject === undefined ? {} : { subject }),
            ...(emailText === undefined ? {} : { text: emailText }),
            ...(html === undefined ? {} : { html }),
          },
        };
        json(res, 200, { interactionId: backend.offer(script) });
        return;
      }
      case 'customer-message':
        json(res, 200, { messageId: backend.customerMessage(field(body, 'interactionId'), optionalField(body, 'text') ?? '') });
        return;
      case 'customer-typing':
        backend.customerTyping(field(body, 'interactionId'), !(isObject(body) && body['typing'] === false));
        json(res, 200, { ok: true });
        return;
      case 'customer-leaves':
        backend.customerLeaves(field(body, 'interactionId'));
        json(res, 200, { ok: true });
        return;
      case 'inbound-email': {
        const from = optionalField(body, 'from');
        const text = optionalField(body, 'text');
        const html = optionalField(body, 'html');
        const emailId = backend.inboundEmail(field(body, 'interactionId'), {
          subject: field(body, 'subject'),
          ...(from === undefined ? {} : { from }),
          ...(text === undefined ? {} : { text }),
          ...(html === undefined ? {} : { html }),
        });
        json(res, 200, { emailId });
        return;
      }
      case 'directory-availability':
        backend.setDirectoryAvailability(field(body, 'agentId'), field(body, 'availability') as AgentAvailability);
        json(res, 200, { ok: true });
        return;
      case 'fault': {
        const kind = field(body, 'kind');
        if (!(FAULTS as readonly string[]).includes(kind)) throw new RuleError(`"kind" must be one of ${FAULTS.join(', ')}`);
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
        json(res, 200, { ok: true, kind });
        return;
      }
      default:
        json(res, 404, { error: `no admin route ${route}` });
    }
  };

  const http = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const parts = url.pathname.split('/').filter(Boolean);
    const handle = async (): Promise<void> => {
      if (req.method === 'GET' && url.pathname === '/health') {
        json(res, 200, { ok: true, protocol: PROTOCOL_VERSION, logId: backend.log.logId, headSeq: backend.log.headSeq });
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
        await admin(req, res, parts[1]);
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
    const refuse = (status: string): void => {
      socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    };
    if (path !== '/' && path !== '/ws') {
      refuse('404 Not Found');
      return;
    }
    // Other sites' pages must not read this agent's events (cross-site WebSocket hijacking).
    if (origin !== undefined && !isLoopbackOrigin(origin) && !allowed.has(origin)) {
      refuse('403 Forbidden');
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
    url: `ws://${host === '::1' ? '[::1]' : host}:${port}/`,
    backend,
    async close() {
      clearInterval(heartbeat);
      for (const s of sessions) s.socket.terminate();
      wss.close();
      await new Promise<void>((resolve) => http.close(() => resolve()));
      backend.close();
    },
  };
}
