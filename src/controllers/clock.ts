import type { ReactiveController, ReactiveControllerHost } from 'lit';

// One interval for every ticking element on the page, running only while one is connected.
const hosts = new Set<ReactiveControllerHost>();
let interval: ReturnType<typeof setInterval> | undefined;

function tick(): void {
  for (const host of hosts) host.requestUpdate();
}

/**
 * Re-renders its host every second while connected (timers, R-OFFER-02).
 * All clocks share one interval.
 */
export class ClockController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #now: () => number;

  constructor(host: ReactiveControllerHost, now: () => number = Date.now) {
    this.#host = host;
    this.#now = now;
    host.addController(this);
  }

  /** The time to render with. */
  get now(): number {
    return this.#now();
  }

  hostConnected(): void {
    hosts.add(this.#host);
    interval ??= setInterval(tick, 1000);
  }

  hostDisconnected(): void {
    hosts.delete(this.#host);
    if (hosts.size === 0 && interval !== undefined) {
      clearInterval(interval);
      interval = undefined;
    }
  }
}
