import { noChange } from 'lit';
import { AsyncDirective } from 'lit/async-directive.js';
import { directive, type DirectiveResult, type Part } from 'lit/directive.js';
import { formatElapsed } from '../../core/format.js';

// One interval for every ticking timer on the page, running only while one is connected.
const ticking = new Set<ElapsedDirective>();
let interval: ReturnType<typeof setInterval> | undefined;

function tick(): void {
  for (const timer of ticking) timer.tick();
}

class ElapsedDirective extends AsyncDirective {
  #since = 0;
  #shown = '';

  render(since: number): string {
    return formatElapsed(Date.now() - since);
  }

  override update(_part: Part, [since]: Parameters<this['render']>): string | typeof noChange {
    this.#since = since;
    this.#start();
    return this.#text();
  }

  tick(): void {
    const text = this.#text();
    if (text !== noChange) this.setValue(text);
  }

  #text(): string | typeof noChange {
    const text = this.render(this.#since);
    if (text === this.#shown) return noChange;
    this.#shown = text;
    return text;
  }

  #start(): void {
    if (!this.isConnected) return;
    ticking.add(this);
    interval ??= setInterval(tick, 1000);
  }

  protected override disconnected(): void {
    ticking.delete(this);
    if (ticking.size === 0 && interval !== undefined) {
      clearInterval(interval);
      interval = undefined;
    }
  }

  protected override reconnected(): void {
    this.#start();
    this.tick();
  }
}

/**
 * A `mm:ss` timer counting from `since` (epoch ms), child position. It updates its own
 * text every second, so the element around it does not re-render to tick.
 */
export const elapsed: (since: number) => DirectiveResult<typeof ElapsedDirective> = directive(ElapsedDirective);
