/**
 * The admin API of the reference backend (`/admin/*`): the scripting hooks tests and
 * demos use to play the customer's side and inject faults. It has its own token (not an
 * agent's), sent as `Authorization: Bearer <admin token>`, and answers loopback peers
 * addressing a loopback host only.
 * @packageDocumentation
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AgentAvailability, Channel } from '../../src/core/types.js';
import { sameSecret } from './auth.js';
import { RuleError, type Backend, type OfferScript } from './backend.js';

/** Faults a test can inject through `POST /admin/fault`. */
export type FaultKind = 'drop-connections' | 'crash-after-next-command' | 'drop-next-result' | 'malformed-frames';

const FAULTS: readonly FaultKind[] = ['drop-connections', 'crash-after-next-command', 'drop-next-result', 'malformed-frames'];
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);
const LOOPBACK_PEERS = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
const MAX_ADMIN_BODY = 1024 * 1024;
/** Most messages one `customer-messages` call writes. */
const MAX_BULK_MESSAGES = 50_000;

/** What the admin API needs from the server around it. */
export interface AdminContext {
  readonly backend: Backend;
  /** The admin token; without one the admin API is off. */
  readonly adminToken: string | undefined;
  /** Browser origins allowed to call (none by default: scripts send no Origin). */
  readonly allowedOrigins: ReadonlySet<string>;
  /** Counters and connections for `GET /admin/state`. */
  readonly status: () => Readonly<Record<string, unknown>>;
  /** Applies a fault to the connections. */
  readonly fault: (kind: FaultKind) => void;
}

/** Whether an address is a loopback peer address. */
export function isLoopbackAddress(address: string): boolean {
  return LOOPBACK_PEERS.has(address) || address === 'localhost';
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

/** Answers JSON, uncached. */
export function json(res: ServerResponse, status: number, body: unknown): void {
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

/** Handles `/admin/<route>`. */
export async function handleAdmin(context: AdminContext, req: IncomingMessage, res: ServerResponse, route: string): Promise<void> {
  const { backend } = context;
  const peer = req.socket.remoteAddress ?? '';
  const origin = req.headers.origin;
  if (!LOOPBACK_PEERS.has(peer) || !LOOPBACK_HOSTS.has(hostnameOf(req.headers.host) ?? '') || (origin !== undefined && !context.allowedOrigins.has(origin))) {
    json(res, 403, { error: 'the admin API answers loopback clients only' });
    return;
  }
  if (context.adminToken === undefined) {
    json(res, 403, { error: 'the admin API is off (no admin token configured)' });
    return;
  }
  const auth = req.headers.authorization ?? '';
  const given = auth.startsWith('Bearer ') ? auth.slice('Bearer '.length).trim() : undefined;
  if (!sameSecret(given, context.adminToken)) {
    res.setHeader('www-authenticate', 'Bearer realm="cc-backend admin"');
    json(res, 401, { error: 'the admin API needs the admin token (Authorization: Bearer …)' });
    return;
  }
  if (req.method === 'GET' && route === 'state') {
    json(res, 200, { ...backend.snapshot(), ...context.status() });
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
    case 'customer-messages': {
      const count = isObject(body) ? body['count'] : undefined;
      if (!Number.isSafeInteger(count) || (count as number) < 1 || (count as number) > MAX_BULK_MESSAGES) throw new RuleError(`"count" must be an integer from 1 to ${MAX_BULK_MESSAGES}`);
      const prefix = optionalField(body, 'prefix') ?? 'Message';
      const texts = Array.from({ length: count as number }, (_, i) => `${prefix} ${i + 1}`);
      json(res, 200, { messageIds: backend.customerMessages(field(body, 'interactionId'), texts) });
      return;
    }
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
      context.fault(kind as FaultKind);
      json(res, 200, { ok: true, kind });
      return;
    }
    default:
      json(res, 404, { error: `no admin route ${route}` });
  }
}
