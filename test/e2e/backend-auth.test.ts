/**
 * Who may talk to the reference backend (server/): agents with a signed, unexpired token
 * of their own, from allowed origins; the admin API with its own token; and no listening
 * beyond loopback without both.
 */
import { expect } from '@open-wc/testing';
import { DEFAULT_AGENT } from '../../src/adapters/simulated/data.js';
import { WebSocketContactCenter, type ConnectionState, type WebSocketIssue } from '../../src/adapters/websocket/index.js';
import { until } from '../helpers/world.js';
import { RawClient, backend, backendClients, mintToken, startBackend, type Started } from './backend.js';

describe('Reference backend: authentication and origins', () => {
  const { raw, track } = backendClients();

  it('no token, a bad token, an expired token and another agent’s token are refused (fatal unauthorized); a valid one is welcomed', async function () {
    this.timeout(60_000);
    const { url } = await startBackend();
    const valid = await mintToken(DEFAULT_AGENT.id, { ttl: 600 });
    const tampered = `${valid.slice(0, -2)}${valid.endsWith('AA') ? 'BB' : 'AA'}`;
    const expired = await mintToken(DEFAULT_AGENT.id, { expiresAt: Math.floor(Date.now() / 1000) - 60 });
    const otherAgent = await mintToken('agent-someone-else');
    for (const [what, token] of [
      ['no token', undefined],
      ['a bad token', tampered],
      ['an expired token', expired],
      ['another agent’s token', otherAgent],
      ['not a token at all', 'letmein'],
    ] as const) {
      const client = await raw(url);
      const answer = await client.hello(token);
      expect(answer, what).to.include({ type: 'error', code: 'unauthorized', fatal: true });
      await until(() => client.closed !== undefined, `the connection closed after ${what}`, 15_000);
      expect(client.closed?.code, what).to.equal(4401);
    }
    const client = await raw(url);
    expect(await client.hello(valid)).to.include({ type: 'welcome' });

    // The adapter with a refused token stops for good and says why.
    const adapter = new WebSocketContactCenter({ url, agentId: DEFAULT_AGENT.id, token: expired, reconnect: { initialDelayMs: 20, maxDelayMs: 50 } });
    track({ close: () => adapter.dispose() });
    const states: ConnectionState[] = [];
    const issues: WebSocketIssue[] = [];
    adapter.connection$.subscribe((s) => states.push(s));
    adapter.issues$.subscribe((i) => issues.push(i));
    await until(() => states.at(-1) === 'closed', 'closed', 15_000);
    expect(issues.map((i) => i.message).join('\n')).to.contain('unauthorized: an expired token');
  });

  it('the admin API needs the admin token, not an agent’s', async function () {
    this.timeout(60_000);
    await startBackend();
    const agentToken = await mintToken();
    const none = await backend<{ status: number }>({ action: 'admin', path: '/admin/state', adminToken: null });
    const wrong = await backend<{ status: number }>({ action: 'admin', path: '/admin/state', adminToken: agentToken });
    const right = await backend<{ status: number }>({ action: 'admin', path: '/admin/state' });
    expect([none.status, wrong.status, right.status]).to.deep.equal([401, 401, 200]);
  });

  it('a page from an origin that is not allowed cannot connect', async function () {
    this.timeout(60_000);
    const elsewhere = await backend<Started>({ action: 'start', origin: 'http://localhost:1' });
    const refused = new RawClient(elsewhere.url);
    track(refused);
    let error: unknown;
    await refused.open().catch((e: unknown) => (error = e));
    expect(String(error)).to.contain('refused');
    const { url } = await startBackend();
    const allowed = await raw(url);
    expect(allowed.opened).to.equal(true);
  });

  it('refuses to listen beyond loopback without TOKEN_SECRET and ADMIN_TOKEN, and refuses the retired TOKEN', async function () {
    this.timeout(90_000);
    const open0 = await backend<{ listening: boolean; code: number | null; output: string }>({ action: 'run-once', env: { HOST: '0.0.0.0' } });
    expect(open0.listening).to.equal(false);
    expect(open0.code).to.equal(2);
    expect(open0.output).to.contain('refusing to listen on 0.0.0.0');
    const retired = await backend<{ listening: boolean; code: number | null; output: string }>({ action: 'run-once', env: { TOKEN: 'secret' } });
    expect(retired.listening).to.equal(false);
    expect(retired.output).to.contain('TOKEN_SECRET');
    const longLived = await backend<{ code: number | null; output: string }>({ action: 'run-once', args: ['mint-token', '--agent', 'agent-me', '--ttl', String(7 * 24 * 3600)] });
    expect(longLived.code).to.equal(2);
    expect(longLived.output).to.contain('whole number of seconds');
  });
});
