import { css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { displayFileName } from '../../content/file-names.js';
import { formatsAsMarkdown, lazyMarkdown } from '../../content/lazy-markdown.js';
import { linked } from '../../content/lazy-links.js';
import type * as SanitizeModule from '../../content/sanitize.js';
import { safeUrl } from '../../content/url.js';
import { capabilitiesOf } from '../../core/channels.js';
import { dateTimeFormat, formatBytes } from '../../core/format.js';
import type { Channel, ChatMessage, EmailMessage } from '../../core/types.js';
import { getLocale, registerEnglish, t } from '../../controllers/localize.js';
import { enCustomer } from '../../locales/en-customer.js';
import { blockHost } from '../../styles/host.js';
import { controls, tokens } from '../../styles/tokens.js';
import { CcElement } from '../shared/cc-element.js';
import { linkStyles } from '../../styles/links.js';

registerEnglish(enCustomer);

const dateTime = (locale: string): Intl.DateTimeFormat => dateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });

// The sanitizer (and DOMPurify behind it) loads when the first HTML-only email is shown:
// a transcript of chats never pays for it.
let sanitizer: Promise<typeof SanitizeModule> | undefined;
function loadSanitizer(): Promise<typeof SanitizeModule> {
  sanitizer ??= import('../../content/sanitize.js').catch((error: unknown) => {
    sanitizer = undefined;
    throw error;
  });
  return sanitizer;
}

const BLOCKS = 'p,div,li,tr,h1,h2,h3,h4,h5,h6,blockquote,pre,table,ul,ol';

/** The text of a sanitized email fragment, with a line break after each block, for a text binding. */
function fragmentText(fragment: DocumentFragment): string {
  for (const br of fragment.querySelectorAll('br')) br.replaceWith('\n');
  for (const block of fragment.querySelectorAll(BLOCKS)) block.append('\n');
  return (fragment.textContent ?? '').replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
}

type Entry = { readonly kind: 'message'; readonly message: ChatMessage } | { readonly kind: 'email'; readonly email: EmailMessage };

/**
 * A read-only transcript of a finished conversation: chat messages (author, time and text;
 * Markdown where the channel formats it, through the one sanitizer, loaded on first use) and
 * emails (from, to, subject, date and the body as text: an HTML-only body goes through the
 * email sanitizer first and only its text is shown). Everything the customer wrote reaches
 * the page as text or sanitized markup, never as markup of its own. Messages and emails are
 * listed together, oldest first, in a list named by {@link label}.
 *
 * @summary Read-only transcript of chat messages and emails.
 * @csspart list - The list of messages and emails.
 * @csspart message - One chat message.
 * @csspart email - One email.
 * @csspart empty - The text shown when there is nothing to show.
 * @csspart link - A link in a message (http(s), mailto, tel; opens in a new tab).
 * @csspart link-host - Where a link really goes, after its text.
 * @csspart link-warning - A link whose text names another host than it goes to: where it really goes.
 * @cssprop --cc-color-surface-alt - Background of customer messages.
 * @cssprop --cc-color-border - Borders between entries.
 * @cssprop --cc-color-text-muted - Authors, times and email headers.
 */
@customElement('cc-transcript')
export class CcTranscript extends CcElement {
  static override styles = [
    tokens,
    controls,
    blockHost,
    linkStyles,
    css`
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: calc(var(--_cc-space) / 2);
      }
      ol > li {
        padding: calc(var(--_cc-space) / 2) var(--_cc-space);
        border-radius: calc(var(--_cc-radius) / 2);
        border: 1px solid var(--_cc-border);
        background: var(--_cc-surface);
        min-width: 0;
        overflow-wrap: anywhere;
      }
      ol > li.customer {
        background: var(--_cc-surface-alt);
      }
      ol > li.system {
        border-style: dashed;
        color: var(--_cc-text-muted);
        text-align: center;
      }
      .meta,
      dl {
        display: flex;
        flex-wrap: wrap;
        gap: 0 var(--_cc-space);
        margin: 0;
        font-size: 0.85em;
        color: var(--_cc-text-muted);
      }
      dl {
        display: grid;
        grid-template-columns: auto minmax(0, 1fr);
      }
      .author {
        font-weight: 600;
        color: var(--_cc-text);
      }
      dd {
        margin: 0;
        min-width: 0;
      }
      .body {
        margin-block-start: 2px;
        white-space: pre-wrap;
      }
      .rich {
        white-space: normal;
      }
      .rich > :first-child {
        margin-block-start: 0;
      }
      .rich > :last-child {
        margin-block-end: 0;
      }
      .rich pre,
      .rich code {
        white-space: pre-wrap;
      }
      .note {
        font-size: 0.85em;
        color: var(--_cc-text-muted);
      }
      ul.attachments {
        margin: 2px 0 0;
        padding-inline-start: 1.2em;
        font-size: 0.85em;
      }
      .empty {
        margin: 0;
        color: var(--_cc-text-muted);
      }
    `,
  ];

  /** The chat messages, as the store or the backend holds them (untrusted content). */
  @property({ attribute: false })
  messages: readonly ChatMessage[] = [];

  /** The emails, as the store or the backend holds them (untrusted content). */
  @property({ attribute: false })
  emails: readonly EmailMessage[] = [];

  /** The conversation's channel: Markdown is formatted only where the channel has it. */
  @property()
  channel: Channel | undefined;

  /** The customer's name, for the customer's messages that carry none. */
  @property({ attribute: 'customer-name' })
  customerName = '';

  /** The list's accessible name (default: "Transcript"). */
  @property()
  label = '';

  /** Texts of HTML-only emails, once sanitized. */
  readonly #texts = new WeakMap<EmailMessage, string | null>();
  readonly #sanitizing = new WeakSet<EmailMessage>();

  override render() {
    const entries = this.#entries();
    if (entries.length === 0) return html`<p class="empty" part="empty">${t('transcript.empty')}</p>`;
    return html`<ol part="list" aria-label=${this.label || t('transcript.label')}>
      ${entries.map((e) => (e.kind === 'message' ? this.#message(e.message) : this.#email(e.email)))}
    </ol>`;
  }

  #entries(): Entry[] {
    const entries: (Entry & { readonly at: number })[] = [
      ...this.messages.map((message) => ({ kind: 'message' as const, message, at: message.timestamp })),
      ...this.emails.map((email) => ({ kind: 'email' as const, email, at: email.timestamp })),
    ];
    return entries.sort((a, b) => a.at - b.at);
  }

  #time(timestamp: number): TemplateResult {
    return html`<time datetime=${new Date(timestamp).toISOString()}>${dateTime(getLocale()).format(timestamp)}</time>`;
  }

  #message(m: ChatMessage): TemplateResult {
    if (m.author === 'system') {
      const text = m.notice && m.notice !== 'info' ? t(`notice.${m.notice}`, { name: m.authorName ?? '' }) : m.text;
      return html`<li class="system" part="message">${text} · ${this.#time(m.timestamp)}</li>`;
    }
    const name =
      m.authorName ?? (m.author === 'customer' ? this.customerName || t('transcript.customer') : t('transcript.agent'));
    return html`<li class=${m.author} part="message">
      <p class="meta"><span class="author" dir="auto">${name}</span>${this.#time(m.timestamp)}</p>
      ${this.#chatBody(m)}${this.#attachments(m.attachments)}
    </li>`;
  }

  #chatBody(m: ChatMessage): TemplateResult {
    const rich = m.format === 'markdown' && this.channel !== undefined && capabilitiesOf(this.channel).markdown;
    if (!rich) return html`<div class="body" dir="auto">${linked(m.text)}</div>`;
    if (!formatsAsMarkdown(m.text)) {
      return html`<div class="body" dir="auto">${linked(m.text)}</div>
        <p class="note">${t('chat.unformatted')}</p>`;
    }
    return html`<div class="body rich" dir="auto">${lazyMarkdown(m.text)}</div>`;
  }

  #email(e: EmailMessage): TemplateResult {
    const cc = e.cc.length > 0 ? html`<dt>${t('transcript.cc')}</dt><dd dir="auto">${e.cc.join(', ')}</dd>` : nothing;
    return html`<li class=${e.direction === 'inbound' ? 'customer' : 'agent'} part="email">
      <dl>
        <dt>${t('transcript.from')}</dt><dd class="author" dir="auto">${e.from}</dd>
        <dt>${t('transcript.to')}</dt><dd dir="auto">${e.to.join(', ')}</dd>
        ${cc}
        <dt>${t('transcript.subject')}</dt><dd dir="auto">${e.subject || t('transcript.noSubject')}</dd>
        <dt>${t('transcript.date')}</dt><dd>${this.#time(e.timestamp)}</dd>
      </dl>
      <div class="body" dir="auto">${this.#emailText(e)}</div>
      ${this.#attachments(e.attachments)}
    </li>`;
  }

  /** The email's plain text, else the text of its sanitized HTML (sanitized on first show). */
  #emailText(e: EmailMessage): string {
    if (e.text !== undefined && e.text !== '') return e.text;
    if (e.html === undefined || e.html === '') return '';
    const text = this.#texts.get(e);
    if (text === null) return t('transcript.bodyUnavailable');
    if (text !== undefined) return text;
    if (this.#sanitizing.has(e)) return t('transcript.bodyLoading');
    this.#sanitizing.add(e);
    const html = e.html;
    loadSanitizer().then(
      (module) => {
        const result = module.sanitizeEmailHtml(html);
        this.#texts.set(e, result.failed ? null : fragmentText(result.fragment));
        this.requestUpdate();
      },
      () => {
        this.#texts.set(e, null);
        this.requestUpdate();
      },
    );
    return t('transcript.bodyLoading');
  }

  #attachments(attachments: EmailMessage['attachments']) {
    if (attachments.length === 0) return nothing;
    const locale = getLocale();
    return html`<ul class="attachments" aria-label=${t('transcript.attachments')}>
      ${attachments.map((a) => {
        const label = t('chat.attachment', { name: displayFileName(a.name), size: formatBytes(a.size, locale) });
        const href = safeUrl(a.url);
        return html`<li>${href ? html`<a href=${href} download=${displayFileName(a.name)} target="_blank" rel="noopener noreferrer">${label}</a>` : label}</li>`;
      })}
    </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cc-transcript': CcTranscript;
  }
}
