import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { selectRecent } from '../../core/store/selectors.js';
import { isChannel, type Channel, type FinishedInteraction } from '../../core/types.js';
import { getLocale, registerEnglish, t } from '../../controllers/localize.js';
import type { ModalDialogController } from '../../controllers/modal-dialog.js';
import { StoreController, type StoreHost } from '../../controllers/store-controller.js';
import { enWrapup } from '../../locales/en-wrapup.js';
import { dateTimeFormat, errorMessage } from '../../core/format.js';
import { loadOnce, PreloadController } from '../shared/lazy.js';
import { lazyDialog } from '../shared/lazy-dialog.js';
import type { LazyPart } from '../shared/lazy-part.js';

registerEnglish(enWrapup);

/** The most finished conversations listed (the store keeps as many). */
const RECENT_SHOWN = 20;

/** `<cc-transcript>`, loaded once the list has something to open. */
const loadTranscript: () => Promise<void> = loadOnce(() => import('../cc-transcript/cc-transcript.js'));

const timeFormat = (locale: string): Intl.DateTimeFormat => dateTimeFormat(locale, { timeStyle: 'short' });

/** Whether `at` (epoch ms) falls on the same local calendar day as now. */
function isToday(at: number, now = new Date()): boolean {
  const d = new Date(at);
  return d.getFullYear() === now.getFullYear() && d.getMonth() === now.getMonth() && d.getDate() === now.getDate();
}

/** What the task list tells the controller. */
export interface RecentHost extends StoreHost {
  channel: Channel | undefined;
}

/**
 * The task list's **Recent** part: today's finished conversations (newest first, at most
 * 20) with customer, channel, finished time, wrap-up reasons and an "automatic" marker,
 * each opening its read-only transcript in a modal dialog. A conversation wrapped up
 * automatically is also announced politely as it arrives.
 */
export class RecentController implements ReactiveController {
  readonly #host: RecentHost;
  readonly #recent: StoreController<readonly FinishedInteraction[]>;
  /** The transcript dialog: its code comes once something is listed and the browser is idle, or on Transcript. */
  readonly #dialog: LazyPart<ModalDialogController>;
  /** Why the transcript dialog could not open, until the next try. */
  #error = '';
  /**
   * Reason names per channel, for conversations that came back without them (after a
   * reload the backend replays reason ids; the names are the store's list of reasons).
   */
  readonly #reasonNames = new Map<Channel, ReadonlyMap<string, string> | 'asked'>();
  /** The entry whose transcript is open. */
  #shown: FinishedInteraction | undefined;
  /** Ids already listed, so only newly finished conversations are announced. */
  #seen: Set<string> | undefined;
  #announcement = '';

  constructor(host: RecentHost) {
    this.#host = host;
    host.addController(this);
    this.#recent = new StoreController(host, selectRecent);
    this.#dialog = lazyDialog(host, {
      ownState: true,
      initialFocus: () => host.renderRoot.querySelector<HTMLElement>('[part="transcript-close"]'),
      onClose: () => {
        this.#shown = undefined;
        host.requestUpdate();
      },
    });
    new PreloadController(host, () => this.#items().length > 0, ['cc-transcript', loadTranscript]);
  }

  hostUpdate(): void {
    const all = this.#recent.value;
    if (!all) return;
    const seen = this.#seen;
    this.#seen = new Set(all.map((r) => r.interaction.id));
    if (!seen) return;
    const automatic = all.filter((r) => !seen.has(r.interaction.id) && r.wrapup?.automatic === true);
    if (automatic.length > 0) {
      this.#announcement = automatic.map((r) => t('recent.announceAutomatic', { customer: r.interaction.customer.name })).join(' ');
    }
  }

  /** The Recent heading and list (nothing when nothing finished today), its live region and the transcript dialog. */
  render(): TemplateResult {
    const items = this.#items();
    if (items.length > 0) this.#dialog.preload();
    return html`<p class="visually-hidden" role="status">${this.#announcement}</p>
      ${items.length === 0
        ? nothing
        : html`<section class="recent" part="recent" aria-labelledby="recent-heading">
            <h2 id="recent-heading" part="recent-heading">${t('recent.heading')}</h2>
            <ul part="recent-list" aria-label=${t('recent.label')}>
              ${repeat(
                items,
                (r) => r.interaction.id,
                (r) => this.#item(r),
              )}
            </ul>
            ${this.#error ? html`<p class="error" role="alert">${t('actions.dialogFailed', { reason: this.#error })}</p>` : nothing}
          </section>`}
      ${this.#renderDialog()}`;
  }

  #items(): readonly FinishedInteraction[] {
    // As for the tasks: a value that is not a channel (`channel=""`) lists every channel.
    const channel = isChannel(this.#host.channel) ? this.#host.channel : undefined;
    const now = new Date();
    return (this.#recent.value ?? [])
      .filter((r) => isToday(r.finishedAt, now) && (channel === undefined || r.interaction.channel === channel))
      .slice(0, RECENT_SHOWN);
  }

  #item(r: FinishedInteraction): TemplateResult {
    const { interaction: i, wrapup } = r;
    const reasons = this.#reasons(r) ?? t('recent.noReason');
    return html`<li part="recent-item">
      <div class="title">
        <span class="name">${i.customer.name}</span>
        <span class="channel">${t(`channel.${i.channel}`)}</span>
        ${wrapup?.automatic ? html`<span class="automatic" part="automatic">${t('recent.automatic')}</span>` : nothing}
      </div>
      <dl>
        <dt>${t('recent.finished')}</dt>
        <dd>${this.#time(r.finishedAt)}</dd>
        <dt>${t('recent.reasons')}</dt>
        <dd>${reasons}</dd>
      </dl>
      <div class="side">
        <button
          class="btn secondary"
          part="transcript-button"
          aria-label=${t('recent.transcriptOf', { customer: i.customer.name })}
          @click=${() => this.#open(r)}
        >
          ${t('recent.transcript')}
        </button>
      </div>
    </li>`;
  }

  /** The entry's reasons by name; ids stand in while (or if) the names cannot be looked up. */
  #reasons(r: FinishedInteraction): string | undefined {
    const wrapup = r.wrapup;
    if (!wrapup) return undefined;
    if (wrapup.reasonNames.length > 0) return wrapup.reasonNames.join(', ');
    if (wrapup.reasonIds.length === 0) return undefined;
    const channel = r.interaction.channel;
    const names = this.#reasonNames.get(channel);
    if (names === undefined) this.#lookUpReasons(channel);
    return wrapup.reasonIds.map((id) => (typeof names === 'object' ? names.get(id) : undefined) ?? id).join(', ');
  }

  #lookUpReasons(channel: Channel): void {
    const store = this.#host.store;
    if (!store) return;
    this.#reasonNames.set(channel, 'asked');
    store.listWrapupReasons(channel).then(
      (reasons) => {
        this.#reasonNames.set(channel, new Map(reasons.map((x) => [x.id, x.name])));
        this.#host.requestUpdate();
      },
      // The ids stay in their place.
      () => undefined,
    );
  }

  #time(at: number): TemplateResult {
    return html`<time datetime=${new Date(at).toISOString()}>${timeFormat(getLocale()).format(at)}</time>`;
  }

  #open(r: FinishedInteraction): void {
    void loadTranscript().catch(() => undefined);
    this.#dialog.load().then(
      (dialog) => {
        this.#error = '';
        this.#shown = r;
        dialog.show();
      },
      (e: unknown) => {
        this.#error = errorMessage(e);
        this.#host.requestUpdate();
      },
    );
  }

  #renderDialog(): TemplateResult | typeof nothing {
    const r = this.#shown;
    const dialog = this.#dialog.value;
    if (!r || !dialog) return nothing;
    const { interaction: i, wrapup } = r;
    return dialog.renderDialog({
      title: t('recent.transcriptTitle', { customer: i.customer.name }),
      description: t('recent.transcriptFor', { channel: t(`channel.${i.channel}`), time: timeFormat(getLocale()).format(r.finishedAt) }),
      part: 'transcript-dialog',
      body: html`<div class="transcript-body">
        ${wrapup?.notes ? html`<dl><dt>${t('recent.notes')}</dt><dd class="notes">${wrapup.notes}</dd></dl>` : nothing}
        <cc-transcript .messages=${i.messages} .emails=${i.emails} channel=${i.channel} customer-name=${i.customer.name}></cc-transcript>
      </div>`,
      actions: html`<button class="btn" part="transcript-close" @click=${() => dialog.close('cancel')}>${t('recent.close')}</button>`,
    });
  }
}
