import { html, nothing, type TemplateResult } from 'lit';
import { displayFileName } from '../../content/file-names.js';
import { formatsAsMarkdown, lazyMarkdown } from '../../content/lazy-markdown.js';
import { linked, linksLoaded, mayHaveLinks } from '../../content/lazy-links.js';
import { safeUrl } from '../../content/url.js';
import { dateTimeFormat, formatBytes, initials } from '../../core/format.js';
import type { ChatChannel, ChatMessage, Interaction } from '../../core/types.js';
import { getLocale, localeDirection, t } from '../../controllers/localize.js';
import { whenIdle } from '../shared/lazy.js';
import { splitMatches } from './find.js';

/** The pane's date (header) or message time formatter, made once per locale. */
export function dateFormat(locale: string, style: 'date' | 'time'): Intl.DateTimeFormat {
  return dateTimeFormat(locale, style === 'date' ? { dateStyle: 'medium' } : { timeStyle: 'short' });
}

// A page's first Intl formatter costs 40–55 ms in Chromium (the locale data loads), far more than
// the rest of a first render: it is made while the browser is idle after this module loads, so
// the first conversation does not wait for it.
whenIdle(() => dateFormat(getLocale(), 'time'));

/** Options of {@link ThreadRows}. */
export interface ThreadRowsOptions {
  /** The pane's channel (rows differ per channel). */
  readonly channel: () => ChatChannel;
  /** Whether the channel formats Markdown (R-CHAT-07). */
  readonly richText: () => boolean;
  /** Whether the channel reports delivery (sent, delivered, read); sending and failed show on every channel. */
  readonly receipts: () => boolean;
  /** Ids of the agent's messages that wait behind a failed one. */
  readonly waiting: () => ReadonlySet<string>;
  /** A Markdown row is shown: the host renders again once the Markdown module has loaded. */
  readonly needsMarkdown: () => void;
  /** A row with a link is shown: the host renders again once the link module has loaded (rows are measured as shown). */
  readonly needsLinks: () => void;
  /** Retry on a failed message. */
  readonly retry: (i: Interaction, m: ChatMessage) => void;
}

/**
 * The chat thread's rows: customer bubbles and a conference peer's (told apart) with
 * initials, the agent's bubbles with delivery state (receipts only where the channel has
 * them), a failed message's reason and **Retry**, messages waiting behind a failed one,
 * centred system notices, attachments, find highlights. A row is rebuilt only when its
 * message or what it shows (locale, channel, customer name, find query, current match,
 * waiting) changes, so a render of a long thread reuses the rest.
 */
export class ThreadRows {
  readonly #options: ThreadRowsOptions;
  readonly #rows = new WeakMap<ChatMessage, { readonly key: string; readonly row: TemplateResult }>();

  constructor(options: ThreadRowsOptions) {
    this.#options = options;
  }

  /** What the live region says for a message. */
  spoken(i: Interaction, m: ChatMessage): string {
    if (m.author === 'system') return this.noticeText(m);
    const name = m.authorName ?? (m.author === 'customer' ? i.customer.name : '');
    const said = m.author === 'customer' ? t('chat.customerSaid', { name }) : t('chat.agentSaid', { name });
    const files = m.attachments.map((a) => displayFileName(a.name)).join(', ');
    return [`${said}: ${m.text}`, files].filter(Boolean).join(' ');
  }

  /** A system notice's shown (localised) text; SMS has a conversation, not a chat, to join. */
  noticeText(m: ChatMessage): string {
    const name = m.authorName ?? '';
    const kind = m.notice;
    if (!kind || kind === 'info') return m.text || name;
    const people = kind === 'customer-joined' || kind === 'customer-left' || kind === 'agent-joined' || kind === 'agent-left';
    return people && this.#options.channel() === 'sms' ? t(`notice.sms.${kind}`, { name }) : t(`notice.${kind}`, { name });
  }

  #body(m: ChatMessage, query: string) {
    // R-CHAT-07: Markdown (Messenger) is rendered only through the one sanitizer (src/content), loaded on first use.
    if (m.format === 'markdown' && this.#options.richText()) {
      // Too long to format cheaply (see formatsAsMarkdown): the text as typed, and why it is plain.
      if (!formatsAsMarkdown(m.text)) {
        return html`<span class="text">${this.#linked(m.text, query)}</span><span class="unformatted">${t('chat.unformatted')}</span>`;
      }
      this.#options.needsMarkdown();
      return html`<div class="rich">${lazyMarkdown(m.text)}</div>`;
    }
    return html`<span class="text">${this.#linked(m.text, query)}</span>`;
  }

  /** Plain text with its links clickable (R-COMP-04) and the find query's occurrences marked. */
  #linked(text: string, query: string) {
    if (!linksLoaded() && mayHaveLinks(text)) this.#options.needsLinks();
    return linked(text, (part) => this.#highlight(part, query));
  }

  /** Plain text with the find query's occurrences marked. */
  #highlight(text: string, query: string) {
    if (!query) return text;
    const parts = splitMatches(text, query);
    return parts.length === 1 ? text : parts.map((part, k) => (k % 2 === 1 ? html`<mark>${part}</mark>` : part));
  }

  /** A message's row, rebuilt only when the message or what its row shows changes (not on every render). */
  row(i: Interaction, m: ChatMessage, query: string, current: boolean): TemplateResult {
    const waiting = m.author === 'agent' && this.#options.waiting().has(m.id);
    const key = `${getLocale()}\n${this.#options.channel()}\n${i.customer.name}\n${query}\n${current}\n${waiting}`;
    const cached = this.#rows.get(m);
    if (cached?.key === key) return cached.row;
    const row = this.#render(i, m, query, current, waiting);
    this.#rows.set(m, { key, row });
    return row;
  }

  #render(i: Interaction, m: ChatMessage, query: string, current: boolean, waiting: boolean): TemplateResult {
    if (m.author === 'system') {
      return html`<p class="notice ${current ? 'current-match' : ''}" part="notice">${this.#highlight(this.noticeText(m), query)}</p>`;
    }
    const time = dateFormat(getLocale(), 'time').format(m.timestamp);
    if (m.author === 'agent') {
      return html`<div class="row agent ${current ? 'current-match' : ''}">
        <div>
          <div class="bubble" part="bubble agent-bubble" dir="auto"><span class="visually-hidden" dir=${localeDirection()}>${t('chat.youSaid')}: </span>${this.#body(m, query)}${this.#attachments(m)}</div>
          <div class="meta">
            <span>${time}</span>
            ${this.#status(i, m, waiting)}
          </div>
        </div>
      </div>`;
    }
    const name = m.authorName ?? (m.author === 'customer' ? i.customer.name : '');
    const said = m.author === 'customer' ? t('chat.customerSaid', { name }) : t('chat.agentSaid', { name });
    const part = m.author === 'peer' ? 'bubble peer-bubble' : 'bubble customer-bubble';
    return html`<div class="row ${m.author} ${current ? 'current-match' : ''}">
      <span class="avatar" part="avatar" aria-hidden="true">${initials(name)}</span>
      <div>
        ${m.author === 'peer' ? html`<div class="author" dir="auto">${name}</div>` : nothing}
        <div class="bubble" part=${part} dir="auto"><span class="visually-hidden" dir=${localeDirection()}>${said}: </span>${this.#body(m, query)}${this.#attachments(m)}</div>
        <div class="meta">${time}</div>
      </div>
    </div>`;
  }

  /** The delivery state under an agent bubble: failed with its reason and Retry, waiting, sending, or a receipt where the channel has them. */
  #status(i: Interaction, m: ChatMessage, waiting: boolean) {
    if (m.status === 'failed') {
      return html`<span class="failed">${t('status.failed')}</span>
        ${m.error ? html`<span class="failed-reason">${t('chat.failedReason', { reason: m.error })}</span>` : nothing}
        <button class="link-btn" @click=${() => this.#options.retry(i, m)}>${t('retry')}</button>`;
    }
    if (waiting) return html`<span class="queued">${t('chat.queued')}</span>`;
    if (m.status === 'sending') return html`<span>${t('status.sending')}</span>`;
    return m.status && this.#options.receipts() ? html`<span>${t(`status.${m.status}`)}</span>` : nothing;
  }

  #attachments(m: ChatMessage) {
    if (m.attachments.length === 0) return nothing;
    const locale = getLocale();
    return html`<ul class="attachments">
      ${m.attachments.map((a) => {
        const label = t('chat.attachment', { name: displayFileName(a.name), size: formatBytes(a.size, locale) });
        const href = safeUrl(a.url);
        return html`<li>${href ? html`<a href=${href} download=${displayFileName(a.name)} target="_blank" rel="noopener noreferrer">${label}</a>` : label}</li>`;
      })}
    </ul>`;
  }
}
