import { html, nothing, type ReactiveElement, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { repeat } from 'lit/directives/repeat.js';
import { displayFileName } from '../../content/files.js';
import type { EmailSanitizeResult } from '../../content/sanitize.js';
import { safeUrl } from '../../content/url.js';
import { dateTimeFormat, formatBytes } from '../../core/format.js';
import type { EmailMessage, Interaction } from '../../core/types.js';
import { getLocale, t } from '../../controllers/localize.js';
import { emailBody, emailSnippet } from './email-frame.js';
import { markDecorativeImages } from './email-html.js';
import { sanitizer } from './email-sanitizer.js';

/** What the agent has seen of one thread (not persisted). */
interface ThreadView {
  /** Emails shown in full. */
  readonly expanded: Set<string>;
  /** Emails the agent has seen: shown in full once, or present when the thread was first shown. */
  readonly viewed: Set<string>;
  /** Every email id met so far, to tell new arrivals. */
  readonly known: Set<string>;
  /** Emails whose remote images the agent allowed. */
  readonly images: Set<string>;
}

function emptyView(): ThreadView {
  return { expanded: new Set(), viewed: new Set(), known: new Set(), images: new Set() };
}

/**
 * The thread of an email pane (R-MAIL-01, R-MAIL-02, R-MAIL-15): every email collapsed to
 * a summary that expands to full view, which emails the agent has viewed and whose remote
 * images they allowed (per interaction, for the life of the pane), and the sanitized
 * bodies, prepared once per email and image setting.
 */
export class EmailThread {
  readonly #host: ReactiveElement;
  readonly #views = new Map<string, ThreadView>();
  readonly #sanitized = new WeakMap<EmailMessage, Map<boolean, EmailSanitizeResult>>();
  /** An email to bring into view after the next render: the one shown first, or a new arrival. */
  #scrollTarget: string | undefined;

  constructor(host: ReactiveElement) {
    this.#host = host;
  }

  /** Forgets what the agent has seen of a thread, so that it is read again (a restored draft changes what is unread). */
  forget(interactionId: string): void {
    this.#views.delete(interactionId);
  }

  /** Whether the agent has viewed an email of the thread. */
  viewed(i: Interaction, emailId: string): boolean {
    return this.#views.get(i.id)?.viewed.has(emailId) ?? false;
  }

  /** Whether the agent allowed an email's remote images. */
  imagesAllowed(i: Interaction, emailId: string): boolean {
    return this.#view(i).images.has(emailId);
  }

  /**
   * Tracks new emails and expands what the agent should see. `answering` is the email a
   * draft answers, when there is a draft. Returns the newest inbound email that arrived
   * since the last call, for the pane to announce.
   */
  follow(i: Interaction, answering: string | undefined, latest: EmailMessage | undefined): EmailMessage | undefined {
    const view = this.#views.get(i.id);
    if (!view) {
      const target = answering ?? latest?.id;
      const targetIndex = i.emails.findIndex((e) => e.id === target);
      const created = emptyView();
      i.emails.forEach((e, k) => {
        created.known.add(e.id);
        // Emails after the one a restored draft answers have not been read yet (R-MAIL-06).
        if (k <= targetIndex || e.direction === 'outbound') created.viewed.add(e.id);
      });
      if (target) created.expanded.add(target);
      this.#views.set(i.id, created);
      this.#scrollTarget = target;
      return undefined;
    }
    const arrived = i.emails.filter((e) => !view.known.has(e.id));
    for (const e of arrived) view.known.add(e.id);
    const inbound = arrived.filter((e) => e.direction === 'inbound');
    const newest = inbound.at(-1);
    if (newest) {
      // The newest email arrives expanded. The agent keeps their place: the thread follows only an agent already at its end.
      view.expanded.add(newest.id);
      if (this.#atEnd()) this.#scrollTarget = newest.id;
      // While the agent is replying, it counts as viewed only once they open it (R-MAIL-06); otherwise at once.
      if (answering === undefined) for (const e of inbound) view.viewed.add(e.id);
    }
    for (const e of arrived) if (e.direction === 'outbound') view.viewed.add(e.id);
    return newest;
  }

  /** Whether the thread shows its end (or has nothing to scroll), before the next render. */
  #atEnd(): boolean {
    const thread = this.#host.renderRoot.querySelector<HTMLElement>('.thread');
    return !thread || thread.scrollHeight - thread.scrollTop - thread.clientHeight < 16;
  }

  /** Expands an email, marks it viewed (R-MAIL-06), scrolls to it and focuses its summary (R-MAIL-15). */
  async reveal(i: Interaction, emailId: string): Promise<void> {
    const view = this.#view(i);
    view.expanded.add(emailId);
    view.viewed.add(emailId);
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    const article = this.#article(emailId);
    article?.scrollIntoView({ block: 'nearest' });
    article?.querySelector<HTMLButtonElement>('.toggle')?.focus();
  }

  /** Scrolls the thread (only the thread, never the page) so the target email's summary is at its top; call after each render. */
  scroll(): void {
    const id = this.#scrollTarget;
    this.#scrollTarget = undefined;
    const thread = this.#host.renderRoot.querySelector<HTMLElement>('.thread');
    const article = id === undefined ? undefined : this.#article(id);
    if (!thread || !article) return;
    thread.scrollTop += article.getBoundingClientRect().top - thread.getBoundingClientRect().top - 8;
  }

  /** The thread section. */
  render(i: Interaction): TemplateResult {
    const view = this.#view(i);
    return html`<section class="thread" part="thread" tabindex="0" aria-label=${t('email.thread', { customer: i.customer.name })}>
      ${repeat(
        i.emails,
        (e) => e.id,
        (e, k) => this.#renderEmail(e, k, view),
      )}
    </section>`;
  }

  #view(i: Interaction): ThreadView {
    let view = this.#views.get(i.id);
    if (!view) {
      view = emptyView();
      this.#views.set(i.id, view);
    }
    return view;
  }

  #article(emailId: string): HTMLElement | undefined {
    return [...this.#host.renderRoot.querySelectorAll<HTMLElement>('article.email')].find((a) => a.dataset['emailId'] === emailId);
  }

  #toggle(e: EmailMessage, view: ThreadView): void {
    // Either way the agent has looked at the email (a new one arrives expanded).
    view.viewed.add(e.id);
    if (view.expanded.has(e.id)) view.expanded.delete(e.id);
    else view.expanded.add(e.id);
    this.#host.requestUpdate();
  }

  #showImages(e: EmailMessage, view: ThreadView): void {
    view.images.add(e.id);
    this.#host.requestUpdate();
  }

  /** The sanitized body of an email, cached per email and image setting; `null` when it cannot be prepared. */
  #sanitize(email: EmailMessage, allowRemoteImages: boolean): EmailSanitizeResult | null {
    let byMode = this.#sanitized.get(email);
    if (!byMode) {
      byMode = new Map();
      this.#sanitized.set(email, byMode);
    }
    let result = byMode.get(allowRemoteImages);
    if (!result) {
      try {
        // Shown only through its frame, which applies the styles: they stay text until then.
        const { cidResolver, sanitizeEmailHtml } = sanitizer();
        const options = { allowRemoteImages, resolveCid: cidResolver(email.attachments), styles: 'text' } as const;
        result = markDecorativeImages(sanitizeEmailHtml(email.html ?? '', options));
      } catch {
        // One email that cannot be prepared shows a placeholder; the rest of the pane renders.
        return null;
      }
      byMode.set(allowRemoteImages, result);
    }
    return result;
  }

  #renderEmail(e: EmailMessage, k: number, view: ThreadView): TemplateResult {
    const expanded = view.expanded.has(e.id);
    const isNew = e.direction === 'inbound' && !view.viewed.has(e.id);
    const locale = getLocale();
    const time = dateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(e.timestamp);
    const status = html`<span class="status ${e.status}">${t(`email.status.${e.status}`)}</span>`;
    return html`<article class="email ${e.direction} ${expanded ? 'open' : ''}" part="email" data-email-id=${e.id} aria-labelledby="email-${k}">
      <div class="summary">
        <h3>
          <button
            id="email-${k}"
            class="toggle"
            aria-expanded=${expanded ? 'true' : 'false'}
            aria-controls=${expanded ? `email-${k}-full` : nothing}
            @click=${() => this.#toggle(e, view)}
          >
            <span class="from" dir="auto">${e.from}</span>
            <span class="subject" dir="auto">${e.subject || t('email.noSubject')}</span>
          </button>
        </h3>
        <p class="meta">
          <time datetime=${new Date(e.timestamp).toISOString()}>${time}</time> ${status}
          ${isNew ? html`<span class="badge">${t('email.new')}</span>` : nothing}
          ${e.attachments.length > 0 ? html`<span>${t('email.attachmentCount', { count: e.attachments.length })}</span>` : nothing}
        </p>
        ${expanded ? nothing : html`<p class="snippet" dir="auto">${emailSnippet(e)}</p>`}
      </div>
      ${expanded ? this.#renderFull(e, k, view) : nothing}
    </article>`;
  }

  #renderFull(e: EmailMessage, k: number, view: ThreadView): TemplateResult {
    const allowed = view.images.has(e.id);
    const result = e.html === undefined ? undefined : this.#sanitize(e, allowed);
    const blocked = result && !allowed ? result.blockedImages : 0;
    const time = dateTimeFormat(getLocale(), { dateStyle: 'full', timeStyle: 'short' }).format(e.timestamp);
    return html`<div class="full" id="email-${k}-full">
      <dl class="headers">
        <div><dt>${t('email.from')}</dt><dd dir="auto">${e.from}</dd></div>
        <div><dt>${t('email.to')}</dt><dd dir="auto">${e.to.join(', ')}</dd></div>
        ${e.cc.length > 0 ? html`<div><dt>${t('email.cc')}</dt><dd dir="auto">${e.cc.join(', ')}</dd></div>` : nothing}
        <div><dt>${t('email.subject')}</dt><dd dir="auto">${e.subject}</dd></div>
        <div><dt>${t('email.date')}</dt><dd>${time}</dd></div>
      </dl>
      ${blocked > 0
        ? html`<p class="images-blocked" part="images-blocked">
            <span id="email-${k}-blocked">${t('email.imagesBlocked', { count: blocked })}</span>
            <button class="link-btn" aria-describedby="email-${k}-blocked" @click=${() => this.#showImages(e, view)}>${t('email.showImages')}</button>
          </p>`
        : nothing}
      <div class="body" part="email-body" role="group" dir="auto" tabindex=${ifDefined(result === undefined ? 0 : undefined)} aria-label=${t('email.bodyLabel', { from: e.from })}>
        ${emailBody(result === undefined ? (e.text ?? '') : result, {
          title: t('email.frameTitle', { from: e.from, subject: e.subject || t('email.noSubject') }),
          allowRemoteImages: allowed,
          original: e.html ?? '',
        })}
      </div>
      ${this.#renderAttachments(e)}
      ${e.status === 'failed' ? html`<p class="error" part="error">${t('email.status.failed')}${e.error ? `: ${e.error}` : ''}</p>` : nothing}
    </div>`;
  }

  #renderAttachments(e: EmailMessage): TemplateResult | typeof nothing {
    if (e.attachments.length === 0) return nothing;
    const locale = getLocale();
    return html`<ul class="attachments" aria-label=${t('attach.list')}>
      ${e.attachments.map((a) => {
        const name = displayFileName(a.name);
        const label = t('chat.attachment', { name, size: formatBytes(a.size, locale) });
        const href = safeUrl(a.url);
        return html`<li>${href ? html`<a href=${href} download=${name} target="_blank" rel="noopener noreferrer">${label}</a>` : label}</li>`;
      })}
    </ul>`;
  }
}
