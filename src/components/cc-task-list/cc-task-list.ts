import { html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { sameTaskList, selectTasks, type TaskListSlice } from '../../core/store/selectors.js';
import type { Channel, Interaction } from '../../core/types.js';
import { AcceptController } from '../../controllers/accept.js';
import { t } from '../../controllers/localize.js';
import { ShortcutController, ariaKeyShortcuts } from '../../controllers/shortcuts.js';
import { StoreController } from '../../controllers/store-controller.js';
import { interactionFields } from '../shared/interaction-fields.js';
import { styles } from './cc-task-list.styles.js';
import { elapsed } from '../shared/elapsed.js';
import { RecentController } from './recent.js';
import { CcStoreElement } from '../shared/cc-element.js';
import { showShortcutHelp } from '../shared/lazy.js';

/**
 * The agent's tasks: offers (with **Accept**) and open interactions, each with its queue,
 * source (for SMS: phone number and source number), a timer and an unread badge
 * (R-OFFER-03, R-CHAT-08). Choosing an open task shows it in its channel's widget.
 * `channel` limits the list to one channel (e.g. `channel="sms"`); `hide-offers` leaves
 * offers to a `<cc-contact-request>` on the same page, so each offer has one **Accept**. The accept shortcut
 * (default Ctrl+Alt+A) accepts the oldest offer listed; the help shortcut (Ctrl+Alt+K)
 * opens the shortcut help (R-CHAT-09).
 *
 * Below the open tasks, under a **Recent** heading, today's finished conversations (at most
 * 20, newest first; the heading shows only when there is one): customer, channel, when
 * it finished, the wrap-up reasons and whether auto wrap-up submitted them. Each has a
 * **Transcript** button opening the conversation read-only in a modal dialog (Escape or
 * **Close** closes it and focus goes back). A conversation wrapped up automatically is
 * announced politely.
 *
 * @summary Task list: offers and open interactions, with Accept and unread counts.
 * @fires cc-accept - The agent accepted an offer. Detail: `{ interactionId, channel }`.
 * @fires cc-task-select - The agent chose an open task. Detail: `{ interactionId, channel }`.
 * @csspart list - The task list.
 * @csspart task - One task.
 * @csspart accept - An offer's Accept button.
 * @csspart badge - The unread count.
 * @csspart timer - The elapsed-time text.
 * @csspart empty - The text shown when there is no task.
 * @csspart recent - The Recent section.
 * @csspart recent-heading - Its heading.
 * @csspart recent-list - The list of finished conversations.
 * @csspart recent-item - One finished conversation.
 * @csspart automatic - The "Wrapped up automatically" marker.
 * @csspart transcript-button - A finished conversation's Transcript button.
 * @csspart transcript-dialog - The transcript dialog.
 * @csspart transcript-close - Its Close button.
 * @cssprop --cc-color-primary - Accept button, offer and current-task accents.
 * @cssprop --cc-color-danger - Unread badge and errors.
 * @cssprop --cc-color-surface - Task background.
 * @cssprop --cc-color-border - Task border.
 * @cssprop --cc-color-text-muted - Details, timers and the empty text.
 * @cssprop --cc-color-text - Headings; the dialog backdrop is a translucent shade of it.
 * @cssprop --cc-color-focus - Focus ring.
 */
@customElement('cc-task-list')
export class CcTaskList extends CcStoreElement {
  static override styles = styles;

  /** Show only tasks of this channel. */
  @property()
  channel: Channel | undefined;

  /**
   * List open interactions only, without offers: for pages that show offers in a
   * `<cc-contact-request>`, so that each offer has one **Accept**.
   */
  @property({ type: Boolean, attribute: 'hide-offers' })
  hideOffers = false;

  readonly #accepting = new AcceptController(this, (i) => this.emit('cc-accept', { interactionId: i.id, channel: i.channel }));
  readonly #shortcuts = new ShortcutController(this, {
    scope: 'global',
    handlers: { accept: () => this.#acceptOldest(), help: () => showShortcutHelp() },
  });
  readonly #slice = new StoreController<TaskListSlice>(this, (s) => selectTasks(s, { channel: this.channel, hideOffers: this.hideOffers }), {
    deps: () => [this.channel, this.hideOffers],
    equals: sameTaskList,
  });

  readonly #recent = new RecentController(this);

  override render() {
    return html`${this.#renderTasks()}${this.#slice.value ? this.#recent.render() : nothing}`;
  }

  #renderTasks() {
    const slice = this.#slice.value;
    if (!slice || slice.tasks.length === 0) {
      return html`<p class="empty" part="empty">${slice ? t('tasks.none') : t('error.noStore')}</p>`;
    }
    const binding = this.#shortcuts.binding('accept');
    const oldest = this.#oldest()?.id;
    return html`<ul part="list" aria-label=${t('tasks.label')}>
      ${repeat(
        slice.tasks,
        (i) => i.id,
        (i) => this.#renderTask(i, slice.focused[i.channel] === i.id, binding && i.id === oldest ? ariaKeyShortcuts(binding) : undefined),
      )}
    </ul>`;
  }

  #renderTask(i: Interaction, current: boolean, keyShortcuts: string | undefined) {
    const offered = i.status === 'offered';
    const since = offered ? i.offeredAt : (i.acceptedAt ?? i.offeredAt);
    const error = this.#accepting.error(i.id);
    return html`<li part="task" class=${offered ? 'offered' : current ? 'current' : ''}>
      <div class="title">
        ${offered
          ? html`<span class="name" dir="auto">${i.customer.name}</span>`
          : html`<button
              class="name"
              aria-current=${current ? 'true' : 'false'}
              aria-label=${t('tasks.open', { customer: i.customer.name })}
              @click=${() => this.#select(i)}
            >
              ${i.customer.name}
            </button>`}
        <span class="channel">${t(`channel.${i.channel}`)}</span>
        <span class="status">${t(`status.${i.status}`)}</span>
        ${i.unread > 0 && !offered
          ? html`<span class="badge" part="badge"
              ><span aria-hidden="true">${i.unread}</span><span class="visually-hidden">${t('tasks.unread', { count: i.unread })}</span></span
            >`
          : nothing}
      </div>
      <dl>${interactionFields(i)}</dl>
      <div class="side">
        <span class="timer" part="timer" role="timer" dir="ltr">${elapsed(since)}</span>
        ${offered ? html`<button class="btn" part="accept" aria-keyshortcuts=${keyShortcuts ?? nothing} @click=${() => this.#accepting.accept(this.#slice.store, i)}>${t('accept')}</button>` : nothing}
      </div>
      ${error ? html`<p class="error" role="alert">${t('offer.acceptFailed', { reason: error })}</p>` : nothing}
    </li>`;
  }

  #oldest(): Interaction | undefined {
    const offers = (this.#slice.value?.tasks ?? []).filter((i) => i.status === 'offered');
    return offers.reduce<Interaction | undefined>((a, o) => (a && a.offeredAt <= o.offeredAt ? a : o), undefined);
  }

  // R-CHAT-09: `false` (no offer listed) passes the key press to another element.
  #acceptOldest(): boolean {
    const oldest = this.#oldest();
    if (oldest) void this.#accepting.accept(this.#slice.store, oldest);
    return oldest !== undefined;
  }

  #select(i: Interaction): void {
    this.#slice.store?.focus(i.id);
    this.emit('cc-task-select', { interactionId: i.id, channel: i.channel });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cc-task-list': CcTaskList;
  }
}
