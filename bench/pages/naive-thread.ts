import { LitElement, css, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { styles } from '../../src/components/cc-chat-widget/cc-chat-widget.styles.js';
import { initials } from '../../src/core/format.js';
import type { ChatMessage } from '../../src/core/types.js';

const time = new Intl.DateTimeFormat('en', { timeStyle: 'short' });

/** One message with the pane's markup (the rows of the naive list and of the @lit-labs/virtualizer page). */
export function messageRow(m: ChatMessage, customer: string) {
  const name = m.authorName ?? customer;
  if (m.author === 'agent') {
    return html`<div class="row agent">
      <div>
        <div class="bubble" part="bubble agent-bubble"><span class="visually-hidden">You said: </span><span class="text">${m.text}</span></div>
        <div class="meta"><span>${time.format(m.timestamp)}</span>${m.status ? html`<span>${m.status}</span>` : nothing}</div>
      </div>
    </div>`;
  }
  return html`<div class="row ${m.author}">
    <span class="avatar" part="avatar" aria-hidden="true">${initials(name)}</span>
    <div>
      <div class="bubble" part="bubble customer-bubble"><span class="visually-hidden">${name} said: </span><span class="text">${m.text}</span></div>
      <div class="meta"><span>${time.format(m.timestamp)}</span></div>
    </div>
  </div>`;
}

/**
 * The baseline: a plain Lit list rendering every message with the pane's markup and
 * styles, no virtualization (the plain way to show a thread).
 */
export class NaiveThread extends LitElement {
  static override styles = [
    styles,
    css`
      :host {
        height: 600px;
      }
    `,
  ];

  @property({ attribute: false })
  messages: readonly ChatMessage[] = [];

  @property()
  customer = 'Jane Doe';

  override render() {
    return html`<div class="thread" part="thread" role="log" tabindex="0" aria-label="Conversation">
      ${repeat(
        this.messages,
        (m) => m.id,
        (m) => messageRow(m, this.customer),
      )}
    </div>`;
  }
}

// Registered here, not by a decorator: a bare side-effect import of this file would be
// dropped by the bundler (package.json lists which files have side effects).
export function defineNaiveThread(): void {
  if (!customElements.get('naive-thread')) customElements.define('naive-thread', NaiveThread);
}

declare global {
  interface HTMLElementTagNameMap {
    'naive-thread': NaiveThread;
  }
}
