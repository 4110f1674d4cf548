import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Options of a {@link CountdownController}. */
export interface CountdownOptions {
  /** The moment counted down to (epoch ms), or `undefined` for no countdown. */
  readonly deadline: () => number | undefined;
  /** Whether anyone sees the countdown now: it ticks only then. */
  readonly active: () => boolean;
  /** From how many seconds left the countdown is announced (once per deadline). */
  readonly soonSeconds: number;
}

/**
 * Counts down to a deadline in whole seconds, re-rendering its host once a second while
 * it is shown. A screen reader hears it once, as the end nears ({@link announced}), not
 * every second; a deadline moved later (Extend) can be announced again.
 */
export class CountdownController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #options: CountdownOptions;
  #timer: ReturnType<typeof setInterval> | undefined;
  #deadline: number | undefined;
  #seconds: number | undefined;
  #announced: number | undefined;

  constructor(host: ReactiveControllerHost, options: CountdownOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** Whole seconds left (0 once the deadline passed), or `undefined` without a deadline. */
  get seconds(): number | undefined {
    return this.#seconds;
  }

  /** The seconds left when the end came near, fixed from then on; `undefined` before. */
  get announced(): number | undefined {
    return this.#announced;
  }

  hostUpdate(): void {
    this.#read();
  }

  hostUpdated(): void {
    const running = this.#deadline !== undefined && (this.#seconds ?? 0) > 0 && this.#options.active();
    if (running && this.#timer === undefined) this.#timer = setInterval(this.#tick, 1000);
    else if (!running) this.#stop();
  }

  hostDisconnected(): void {
    this.#stop();
  }

  readonly #tick = (): void => {
    const before = this.#seconds;
    const announced = this.#announced;
    this.#read();
    if (this.#seconds !== before || this.#announced !== announced) this.#host.requestUpdate();
  };

  #read(): void {
    const deadline = this.#options.deadline();
    if (deadline !== this.#deadline) {
      // A new or moved deadline: its end has not been announced yet.
      if (deadline === undefined || this.#deadline === undefined || deadline > this.#deadline) this.#announced = undefined;
      this.#deadline = deadline;
    }
    this.#seconds = deadline === undefined ? undefined : Math.max(0, Math.ceil((deadline - Date.now()) / 1000));
    if (this.#seconds !== undefined && this.#seconds > this.#options.soonSeconds) this.#announced = undefined;
    else if (this.#seconds !== undefined && this.#seconds > 0) this.#announced ??= this.#seconds;
  }

  #stop(): void {
    if (this.#timer !== undefined) clearInterval(this.#timer);
    this.#timer = undefined;
  }
}
