/**
 * Agent tokens and the admin token of the reference backend.
 *
 * An agent token is `v1.<payload>.<signature>`: `payload` is base64url JSON
 * `{"sub":"<agent id>","iat":<unix s>,"exp":<unix s>}`, `signature` the base64url
 * HMAC-SHA256 of `v1.<payload>` under the server's secret. It is bound to one agent and
 * short-lived (at most {@link MAX_TOKEN_TTL_SECONDS}). Mint one with
 * `npm run server -- mint-token --agent agent-me --ttl 3600` or {@link mintToken}.
 * @packageDocumentation
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Longest lifetime of an agent token, seconds (12 hours: one shift). */
export const MAX_TOKEN_TTL_SECONDS = 12 * 60 * 60;
/** Lifetime of a token minted without `--ttl`, seconds. */
export const DEFAULT_TOKEN_TTL_SECONDS = 60 * 60;
/** Shortest secret accepted, bytes of UTF-8. */
export const MIN_SECRET_BYTES = 32;

const PREFIX = 'v1';

/** What a valid token says. */
export interface TokenClaims {
  readonly sub: string;
  readonly iat: number;
  readonly exp: number;
}

/** Outcome of {@link verifyToken}. */
export type TokenCheck =
  | { readonly ok: true; readonly claims: TokenClaims }
  | { readonly ok: false; readonly reason: 'missing' | 'malformed' | 'bad-signature' | 'expired' | 'wrong-agent' };

function sign(secret: string, body: string): string {
  return createHmac('sha256', secret).update(body).digest('base64url');
}

/** Mints a token for `agentId`, valid `ttlSeconds` from `now` (ms), or until `expiresAt` (unix s) when given. */
export function mintToken(options: {
  readonly secret: string;
  readonly agentId: string;
  readonly ttlSeconds?: number;
  readonly expiresAt?: number;
  readonly now?: number;
}): string {
  if (Buffer.byteLength(options.secret) < MIN_SECRET_BYTES) throw new Error(`the token secret must be at least ${MIN_SECRET_BYTES} bytes`);
  if (options.agentId.length === 0 || options.agentId.length > 200) throw new Error('the agent id must be 1–200 characters');
  const iat = Math.floor((options.now ?? Date.now()) / 1000);
  const ttl = options.ttlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS;
  if (options.expiresAt === undefined && (!Number.isSafeInteger(ttl) || ttl < 1 || ttl > MAX_TOKEN_TTL_SECONDS)) {
    throw new Error(`the lifetime must be a whole number of seconds from 1 to ${MAX_TOKEN_TTL_SECONDS}`);
  }
  const exp = options.expiresAt ?? iat + ttl;
  if (!Number.isSafeInteger(exp) || exp - iat > MAX_TOKEN_TTL_SECONDS) throw new Error(`a token may live at most ${MAX_TOKEN_TTL_SECONDS} s`);
  const payload = Buffer.from(JSON.stringify({ sub: options.agentId, iat, exp })).toString('base64url');
  const body = `${PREFIX}.${payload}`;
  return `${body}.${sign(options.secret, body)}`;
}

/** Checks a token for `agentId` at `now` (ms). Never throws. */
export function verifyToken(secret: string, token: string | undefined, agentId: string, now: number = Date.now()): TokenCheck {
  if (token === undefined || token === '') return { ok: false, reason: 'missing' };
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== PREFIX || token.length > 2048) return { ok: false, reason: 'malformed' };
  const [, payload = '', signature = ''] = parts;
  const expected = Buffer.from(sign(secret, `${PREFIX}.${payload}`));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'bad-signature' };
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (typeof claims !== 'object' || claims === null) return { ok: false, reason: 'malformed' };
  const { sub, iat, exp } = claims as Record<string, unknown>;
  if (typeof sub !== 'string' || typeof iat !== 'number' || typeof exp !== 'number') return { ok: false, reason: 'malformed' };
  // A token signed with a longer life than the server allows is not honoured beyond it.
  if (exp * 1000 <= now || (iat + MAX_TOKEN_TTL_SECONDS) * 1000 <= now) return { ok: false, reason: 'expired' };
  if (sub !== agentId) return { ok: false, reason: 'wrong-agent' };
  return { ok: true, claims: { sub, iat, exp } };
}

/** Compares two secrets in constant time. */
export function sameSecret(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The secret kept in `<dataDir>/<name>`: read when it exists, else made (32 random
 * bytes, hex) and written readable by the owner only. Lets a default start be
 * authenticated without configuration: whoever can read the data directory can mint.
 */
export function secretFile(dataDir: string, name: string): string {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = path.join(dataDir, name);
  if (existsSync(file)) {
    const text = readFileSync(file, 'utf8').trim();
    if (Buffer.byteLength(text) >= MIN_SECRET_BYTES) return text;
  }
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return secret;
}
