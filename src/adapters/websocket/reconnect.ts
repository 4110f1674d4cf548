/**
 * When {@link WebSocketContactCenter} tries again: exponential backoff with jitter
 * between attempts, and how long an attempt may take to be welcomed.
 * @packageDocumentation
 */

/** How {@link WebSocketContactCenter} waits between connection attempts: exponential backoff with jitter. */
export interface ReconnectPolicy {
  /** Delay before the first reconnection attempt, ms. Default 250. */
  readonly initialDelayMs: number;
  /** Upper bound of every delay, ms. Default 10000. */
  readonly maxDelayMs: number;
  /** Growth of the delay per failed attempt. Default 2. */
  readonly factor: number;
  /**
   * Share of each delay that is random (0..1): the delay is drawn from
   * `[base × (1 − jitter), base]`, so many clients do not reconnect in lockstep. Default 0.5.
   */
  readonly jitter: number;
  /** Attempts in a row before giving up (`closed`). Default `Infinity`. */
  readonly maxAttempts: number;
}

/** The default {@link ReconnectPolicy}: 250 ms doubling up to 10 s, half of it random, forever. */
export const DEFAULT_RECONNECT_POLICY: ReconnectPolicy = {
  initialDelayMs: 250,
  maxDelayMs: 10_000,
  factor: 2,
  jitter: 0.5,
  maxAttempts: Infinity,
};

/**
 * Delay before reconnection attempt `attempt` (0 for the first):
 * `min(maxDelayMs, initialDelayMs × factor^attempt)`, minus up to `jitter` of it at random.
 * Always within `[0, maxDelayMs]`.
 */
export function backoffDelay(attempt: number, policy: ReconnectPolicy, random: () => number = Math.random): number {
  const base = Math.min(policy.maxDelayMs, policy.initialDelayMs * Math.pow(policy.factor, Math.max(0, attempt)));
  const jitter = Math.min(1, Math.max(0, policy.jitter));
  const r = Math.min(1, Math.max(0, random()));
  return Math.max(0, Math.min(policy.maxDelayMs, base * (1 - jitter * r)));
}

/**
 * How long attempt `attempt` (1 for the first reconnection) may wait for the welcome.
 * Before the server announced its heartbeat, `handshakeTimeoutMs`. After, it starts at
 * the time a dead connection takes to detect (`detectionMs`) and grows by the backoff
 * factor per failed attempt up to `handshakeTimeoutMs`: a black-holed network is given up
 * on as fast as it was detected, a slow server still gets the full time eventually.
 */
export function handshakeTimeout(attempt: number, handshakeTimeoutMs: number, detectionMs: number | undefined, policy: ReconnectPolicy): number {
  if (detectionMs === undefined) return handshakeTimeoutMs;
  return Math.min(handshakeTimeoutMs, detectionMs * Math.pow(Math.max(1, policy.factor), Math.max(0, attempt - 1)));
}
