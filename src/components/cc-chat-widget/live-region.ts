import { html, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { ChatMessage } from '../../core/types.js';

/** Most new messages the live region holds: a burst is announced whole up to this. */
const ANNOUNCE_LIMIT = 5;
/** How far back the live region looks for the last message it announced. */
const ANNOUNCE_LOOKBACK = 50;

/**
 * The pane's polite live region: new messages from others, each announced once. The
 * thread itself is not live, so scrolling (which renders other messages) announces nothing.
 */
export class LiveRegion {
  #announced: readonly ChatMessage[] = [];
  #lastId: string | undefined;

  /** Another conversation: what it already holds is not news, only its latest message from others is shown. */
  reset(messages: readonly ChatMessage[] | undefined): void {
    this.#announced = [];
    this.#lastId = undefined;
    if (messages) this.#announce(messages, 1);
  }

  /** Before a render: takes the messages from others that arrived since the last one. */
  update(messages: readonly ChatMessage[]): void {
    this.#announce(messages, ANNOUNCE_LIMIT);
  }

  /** The region, each message worded by `speak`. */
  render(speak: (m: ChatMessage) => string): TemplateResult {
    return html`<div class="visually-hidden live" aria-live="polite">
      ${repeat(
        this.#announced,
        (m) => m.id,
        (m) => html`<p>${speak(m)}</p>`,
      )}
    </div>`;
  }

  /** At most `limit` new messages from others, newest last. */
  #announce(messages: readonly ChatMessage[], limit: number): void {
    const fresh: ChatMessage[] = [];
    let newest: string | undefined;
    for (let k = messages.length - 1, seen = 0; k >= 0 && seen < ANNOUNCE_LOOKBACK; k--, seen++) {
      const m = messages[k];
      // The agent's own messages are not news to them (and change id once sent).
      if (!m || m.author === 'agent') continue;
      if (m.id === this.#lastId) break;
      newest ??= m.id;
      if (fresh.length < limit) fresh.push(m);
    }
    if (newest === undefined) return;
    this.#lastId = newest;
    this.#announced = fresh.reverse();
  }
}
