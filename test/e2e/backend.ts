/**
 * Helpers of the end-to-end tests: the `cc-backend` server command (test/e2e/backend-plugin.mjs)
 * and raw WebSocket conversations with the reference backend.
 */
import { executeServerCommand } from '@web/test-runner-commands';
import { DEFAULT_AGENT } from '../../src/adapters/simulated/data.js';
import { until } from '../helpers/world.js';

export interface Started {
  readonly port: number;
  readonly url: string;
}

export interface ServerState {
  readonly logId: string;
  readonly epoch: string;
  readonly headSeq: number;
  readonly keys: number;
  readonly clients: number;
  readonly quarantined: readonly { readonly line: number; readonly reason: string }[];
  readonly interactions: readonly {
    readonly id: string;
    readonly status: string;
    readonly messages: readonly { readonly id: string; readonly author: string; readonly text: string; readonly attachments: readonly Record<string, unknown>[] }[];
  }[];
  readonly stats: { readonly commandsApplied: number; readonly commandsRepeated: number; readonly commandsRejected: number; readonly commandsConflicting: number };
  readonly net: Readonly<Record<string, number>>;
}

export function backend<R>(payload: Readonly<Record<string, unknown>>): Promise<R> {
  return executeServerCommand<R, Readonly<Record<string, unknown>>>('cc-backend', payload);
}

/** Starts a fresh backend that allows this page's origin; `env` adds or overrides variables. */
export function startBackend(env: Readonly<Record<string, string>> = {}): Promise<Started> {
  return backend<Started>({ action: 'start', origin: location.origin, env });
}

export async function admin<T>(path: string, body?: unknown): Promise<T> {
  const answer = await backend<{ status: number; body: T }>({ action: 'admin', method: body === undefined ? 'GET' : 'POST', path, body });
  if (answer.status !== 200) throw new Error(`admin ${path} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** A token for `agent` minted by the backend's CLI (`mint-token`). */
export async function mintToken(agent: string = DEFAULT_AGENT.id, options: { readonly ttl?: number; readonly expiresAt?: number } = {}): Promise<string> {
  return (await backend<{ token: string }>({ action: 'mint-token', agent, ...options })).token;
}

/** A raw WebSocket to the backend that records every frame it receives. */
export class RawClient {
  readonly socket: WebSocket;
  readonly frames: Record<string, unknown>[] = [];
  opened = false;
  closed: { code: number; reason: string } | undefined;

  constructor(url: string) {
    this.socket = new WebSocket(url);
    this.socket.onopen = () => (this.opened = true);
    this.socket.onmessage = (e: MessageEvent) => {
      try {
        this.frames.push(JSON.parse(String(e.data)) as Record<string, unknown>);
      } catch {
        this.frames.push({ type: 'unparsable' });
      }
    };
    this.socket.onclose = (e: CloseEvent) => (this.closed = { code: e.code, reason: e.reason });
  }

  /** Resolves once open; rejects when the server refused the upgrade. */
  async open(): Promise<void> {
    await until(() => this.opened || this.closed !== undefined, 'the socket to open or close', 15_000);
    if (!this.opened) throw new Error(`the connection was refused (${this.closed?.code ?? '?'})`);
  }

  send(frame: unknown): void {
    this.socket.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  async hello(token: string | undefined, extra: Readonly<Record<string, unknown>> = {}): Promise<Record<string, unknown>> {
    const from = this.frames.length;
    const answered = (f: Record<string, unknown>): boolean => f['type'] === 'welcome' || f['type'] === 'error';
    this.send({ type: 'hello', protocol: 1, agentId: DEFAULT_AGENT.id, lastSeq: 0, ...(token === undefined ? {} : { token }), ...extra });
    await until(() => this.frames.slice(from).some(answered), 'the answer to hello', 15_000);
    const answer = this.frames.slice(from).find(answered);
    if (!answer) throw new Error('no answer');
    return answer;
  }

  /** The error frames received, by code. */
  errors(): string[] {
    return this.frames.filter((f) => f['type'] === 'error').map((f) => String(f['code']));
  }

  /** Resolves with the result of command `id`. */
  async result(id: string): Promise<Record<string, unknown>> {
    await until(() => this.frames.some((f) => f['type'] === 'result' && f['id'] === id), `the result of ${id}`, 15_000);
    const found = this.frames.find((f) => f['type'] === 'result' && f['id'] === id);
    if (!found) throw new Error('no result');
    return found;
  }

  close(): void {
    this.socket.close();
  }
}

/**
 * Clients a test opens against the backend, closed (and the backend stopped) after each
 * test: `raw(url)` opens a {@link RawClient}; `track` adds anything else with `close()`.
 */
export function backendClients(): { raw(url: string): Promise<RawClient>; track(c: { close(): void }): void } {
  const open: { close(): void }[] = [];
  afterEach(async () => {
    for (const c of open.splice(0)) c.close();
    await backend({ action: 'stop' });
  });
  return {
    async raw(url) {
      const client = new RawClient(url);
      open.push(client);
      await client.open();
      return client;
    },
    track(c) {
      open.push(c);
    },
  };
}
