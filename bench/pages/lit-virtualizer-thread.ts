import { LitVirtualizer } from '@lit-labs/virtualizer/LitVirtualizer.js';
import { LitElement, css, html } from 'lit';
import { property, query } from 'lit/decorators.js';
import { styles } from '../../src/components/cc-chat-widget/cc-chat-widget.styles.js';
import type { ChatMessage } from '../../src/core/types.js';
import { messageRow } from './naive-thread.js';

/** Within this many pixels of the bottom, the log follows new messages (as the pane does). */
const STICK_DISTANCE = 40;

/**
 * The comparison: the same message rows and styles in a `<lit-virtualizer scroller>` that
 * is the log itself (role="log", focusable, labelled, not live), following the newest
 * message while the reader is at the bottom: what the pane would be on @lit-labs/virtualizer.
 */
export class LitVirtualizerThread extends LitElement {
  static override styles = [
    styles,
    css`
      :host {
        display: block;
        height: 600px;
      }
      .thread {
        height: 100%;
        max-height: none;
        box-sizing: border-box;
      }
      /* Rows are positioned absolutely: the flex gap and width become the row's own. */
      .thread > .row {
        width: calc(100% - 3 * var(--_cc-space));
        margin-block-end: var(--_cc-space);
      }
      .thread > .row.agent {
        flex-direction: row-reverse;
      }
    `,
  ];

  @property({ attribute: false })
  messages: readonly ChatMessage[] = [];

  @property()
  customer = 'Jane Doe';

  @query('lit-virtualizer')
  virtualizer: LitVirtualizer | null | undefined;

  #stick = true;

  readonly #key = (m: ChatMessage): string => m.id;
  readonly #row = (m: ChatMessage) => messageRow(m, this.customer);

  override render() {
    return html`<lit-virtualizer
      class="thread"
      part="thread"
      role="log"
      aria-live="off"
      tabindex="0"
      aria-label="Conversation"
      scroller
      .items=${this.messages}
      .keyFunction=${this.#key}
      .renderItem=${this.#row}
      @scroll=${this.#onScroll}
    ></lit-virtualizer>`;
  }

  protected override updated(): void {
    if (this.#stick && this.messages.length > 0) void this.#follow(this.messages.length - 1);
  }

  readonly #onScroll = (): void => {
    const t = this.virtualizer;
    if (t) this.#stick = t.scrollHeight - t.scrollTop - t.clientHeight < STICK_DISTANCE;
  };

  async #follow(last: number): Promise<void> {
    const v = this.virtualizer;
    if (!v) return;
    await v.updateComplete;
    // The virtualizer takes new items a few microtasks after its own update.
    for (let k = 0; k < 10 && !v.element(last); k++) await Promise.resolve();
    try {
      v.element(last)?.scrollIntoView({ block: 'end' });
    } catch {
      // Its layout loads on first use: until then it cannot scroll to an index.
      await v.layoutComplete;
      v.element(last)?.scrollIntoView({ block: 'end' });
    }
  }
}

export function defineLitVirtualizerThread(): void {
  if (!customElements.get('lit-virtualizer')) customElements.define('lit-virtualizer', LitVirtualizer);
  if (!customElements.get('lit-virtualizer-thread')) customElements.define('lit-virtualizer-thread', LitVirtualizerThread);
}

declare global {
  interface HTMLElementTagNameMap {
    'lit-virtualizer-thread': LitVirtualizerThread;
  }
}
