import { ifDefined } from 'lit/directives/if-defined.js';
import { html, nothing, type ComplexAttributeConverter, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { capabilitiesOf, WRAPUP_NOTES_MAX_LENGTH } from '../../core/channels.js';
import type { WrapupReason } from '../../core/types.js';
import { registerEnglish, t } from '../../controllers/localize.js';
import { enDialogs } from '../../locales/en-dialogs.js';
import { enWrapup } from '../../locales/en-wrapup.js';
import { ModalDialogController } from '../../controllers/modal-dialog.js';
import { SearchableListController } from '../../controllers/searchable-list.js';
import { StoreController } from '../../controllers/store-controller.js';
import { CountdownController } from './countdown.js';
import { PaneOverlayController } from './pane-overlay.js';
import { SummarizeController } from './summarize.js';
import { autoWrapupView, sameAutoWrapupView, type AutoWrapupView } from './auto-wrapup-view.js';
import { interactionGone, followDialogInteraction } from '../shared/dialog-parts.js';
import { styles } from './cc-wrapup-dialog.styles.js';
import { CcStoreElement } from '../shared/cc-element.js';
import { typedDirection } from '../shared/text-direction.js';

registerEnglish(enDialogs);
registerEnglish(enWrapup);

/** From how many seconds left the auto wrap-up countdown is announced. */
const ANNOUNCE_AT_SECONDS = 10;

// `multiple` or `multiple="true"` → several reasons, `multiple="false"` → one, no attribute → the channel's default.
const multipleConverter: ComplexAttributeConverter<boolean | undefined> = {
  fromAttribute: (value) => (value === null ? undefined : value !== 'false'),
};

/**
 * The **Wrap-up reasons** dialog (R-END-02, R-END-03, R-END-05): the reasons for the
 * interaction's channel, filtered by a searchbox named **Search**. **Submit wrap-up**
 * calls `store.submitWrapup()`; the interaction is then complete and leaves the store,
 * the dialog closes and fires `cc-wrapup`. On failure the dialog shows the error and
 * stays open with the reasons still chosen.
 *
 * One reason or several: see {@link multiple} (WebChat allows several by default, the
 * other channels one). Submit is possible once a reason is chosen and the interaction
 * has ended (status `wrapup`); opened earlier (right after a transfer, R-XFER-05, while
 * the transfer is still pending) the dialog says so and enables Submit when it ends.
 *
 * Closing without submitting is allowed: Escape or **Wrap up later** closes the dialog and
 * nothing happens to the interaction, which stays in wrap-up (and in the task list) until
 * wrap-up is submitted. The agent's choice is kept: `show()` reopens the dialog as it was
 * left, for the same interaction. Hosts keep a way to reopen it (the conversation pane's
 * wrap-up state). Modal (R-X-02): focus moves to the searchbox, is trapped in the dialog
 * and returns to where it was on close.
 *
 * **Notes** (a multi-line textbox, at most 500 characters, the count shown under it) go
 * with the reasons when the backend keeps notes (capability `wrapup-notes`; hidden
 * otherwise). Over the limit, Submit is blocked and the dialog says by how much; nothing is
 * cut. A failed submit keeps the notes. With the backend's `summary` capability,
 * **Summarize** puts a summary of the conversation into Notes for the agent to edit (below
 * notes already typed); working and failure are said beside it.
 *
 * With auto wrap-up on for the channel (the store's `autoWrapup` option), the dialog counts
 * down ("Auto wrap-up in 25 s"), announced politely once when 10 seconds are left, and
 * **Extend** adds time. When time runs out the store submits the default reason; the
 * dialog then says the conversation was wrapped up automatically (or, if that failed, asks
 * the agent to submit by hand).
 *
 * Under the heading it names the conversation: "Conversation with Jane Doe · WebChat"
 * (its accessible description). By default the
 * dialog is modal over the whole page; with {@link contained} it is modal to its pane only
 * (the conversation panes set it), so the agent can keep working elsewhere meanwhile.
 * Showing another interaction (`interaction-id` changes) while it is open closes it.
 *
 * @summary Modal dialog to choose wrap-up reasons and complete an interaction.
 * @fires cc-wrapup - Wrap-up was submitted; the interaction is complete. Detail: `{ interactionId, reasonIds }`.
 * @fires cc-dialog-close - The dialog closed. Detail: `{ reason: 'completed' | 'cancel' | 'escape' | 'api' }`.
 * @csspart dialog - The `<dialog>`; `data-variant` is `modal` or `contained`.
 * @csspart heading - The "Wrap-up reasons" heading.
 * @csspart description - The line naming the conversation: customer and channel.
 * @csspart body - Hint, search and list.
 * @csspart search - The searchbox.
 * @csspart listbox - The list of reasons.
 * @csspart option - One reason.
 * @csspart selection - The "Selected: …" line.
 * @csspart retry - Retry after the list failed to load.
 * @csspart error - The error shown when submitting fails.
 * @csspart notes - The Notes textbox.
 * @csspart notes-count - The "n / 500" count under it.
 * @csspart notes-error - The message shown when the notes are too long.
 * @csspart summarize - The Summarize button (with the `summary` capability).
 * @csspart summary-status - Summarizing, done, or why it failed.
 * @csspart auto-wrapup - The auto wrap-up countdown and its Extend button.
 * @csspart countdown - The "Auto wrap-up in 25 s" text.
 * @csspart extend - The Extend button.
 * @csspart actions - The Wrap up later and Submit wrap-up buttons.
 * @csspart dismiss - The Wrap up later button.
 * @csspart confirm - The Submit wrap-up button.
 * @cssprop --cc-color-surface - Dialog background.
 * @cssprop --cc-color-surface-alt - Hovered and selected options.
 * @cssprop --cc-color-text - Text; the backdrop is a translucent shade of it.
 * @cssprop --cc-color-text-muted - Hints.
 * @cssprop --cc-color-border - Dialog border.
 * @cssprop --cc-color-field-border - Searchbox and list borders (3:1 against the surface, WCAG 1.4.11).
 * @cssprop --cc-color-primary - Buttons and the selection marks.
 * @cssprop --cc-color-danger - Errors.
 * @cssprop --cc-color-focus - Focus ring.
 * @cssprop --cc-radius - Corner radius.
 * @cssprop --cc-space - Spacing unit.
 * @cssprop --cc-font-family - Font.
 */
@customElement('cc-wrapup-dialog')
export class CcWrapupDialog extends CcStoreElement {
  static override styles = styles;

  /** Id of the interaction to wrap up. */
  @property({ attribute: 'interaction-id' })
  interactionId: string | undefined;

  /** Whether the dialog is shown; `show()` and `close()` set it. */
  @property({ type: Boolean, reflect: true })
  open = false;

  /**
   * Whether several reasons can be chosen (R-END-03). `undefined` (no attribute): several
   * for WebChat, one for the other channels. The attribute `multiple` (or `multiple="true"`)
   * allows several, `multiple="false"` one.
   */
  @property({ converter: multipleConverter })
  multiple: boolean | undefined;

  /**
   * Modal to its container only, not to the page: the dialog shows in place, in the
   * host's flow, and only the rest of the shadow root it is rendered in (or of its parent
   * element, in a page) is inert while it is open; the rest of the page stays usable. Tab
   * stays in the dialog while focus is in it; the agent can leave by clicking elsewhere or
   * by a page shortcut, and Escape closes it. It takes focus as it opens only if focus was
   * in its container. The conversation panes set it; without it the dialog is modal to the
   * whole page.
   */
  @property({ type: Boolean, reflect: true })
  contained = false;

  readonly #interaction = followDialogInteraction(this);

  readonly #auto = new StoreController<AutoWrapupView>(this, (s) => autoWrapupView(s, this.interactionId), {
    deps: () => [this.interactionId],
    equals: sameAutoWrapupView,
  });

  readonly #countdown = new CountdownController(this, {
    deadline: () => this.#auto.value?.at,
    active: () => this.open,
    soonSeconds: ANNOUNCE_AT_SECONDS,
  });

  /** What the agent wrote in Notes: kept across a failed submit and a reopen, for the same interaction. */
  @state()
  private notes = '';

  readonly #summary = new SummarizeController(this, {
    store: () => this.#interaction.store,
    interactionId: () => this.#interaction.value?.id,
    notes: () => this.notes,
    setNotes: (notes) => (this.notes = notes),
    focusNotes: () => this.renderRoot.querySelector<HTMLTextAreaElement>('#notes')?.focus(),
  });

  readonly #reasons = new SearchableListController<WrapupReason>(this, {
    label: () => t('wrapup.reasons'),
    multiple: () => this.#multiple,
  });

  readonly #modal = new ModalDialogController(this, {
    onOpen: () => this.#onOpen(),
    initialFocus: () => this.#reasons.searchbox,
    variant: () => (this.contained ? 'contained' : 'modal'),
  });

  /** The interaction the reasons were loaded (and chosen) for. */
  #loadedFor: string | undefined;

  constructor() {
    super();
    new PaneOverlayController(this, () => this.contained && this.open);
  }

  /** Opens the dialog (again: with the reasons chosen before, for the same interaction). */
  show(): void {
    this.open = true;
  }

  /** Closes the dialog; the interaction stays in wrap-up. */
  close(): void {
    this.#modal.close('api');
  }

  get #multiple(): boolean {
    const channel = this.#interaction.value?.channel;
    return this.multiple ?? (channel !== undefined && capabilitiesOf(channel).multipleWrapupReasons);
  }

  #onOpen(): void {
    const store = this.#interaction.store;
    const interaction = this.#interaction.value;
    if (!store || !interaction) return;
    if (this.#loadedFor === interaction.id && this.#reasons.state !== 'failed') return;
    if (this.#loadedFor !== interaction.id) this.notes = '';
    this.#loadedFor = interaction.id;
    const { channel } = interaction;
    this.#reasons.reset();
    void this.#reasons.load(() => store.listWrapupReasons(channel));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Another interaction while open: the reasons chosen were for the one before.
    if (changed.has('interactionId') && changed.get('interactionId') !== undefined && this.open) this.#modal.close('api');
  }

  override render() {
    const interaction = this.#interaction.value;
    const ended = interaction?.status === 'wrapup';
    const auto = this.#auto.value;
    return this.#modal.render({
      title: t('wrapup.title'),
      description: interaction ? t('wrapup.for', { name: interaction.customer.name, channel: t(`channel.${interaction.channel}`) }) : undefined,
      body: interaction
        ? html`${this.#renderCountdown(auto)}
            <p class="note">${t(this.#multiple ? 'wrapup.chooseMany' : 'wrapup.chooseOne')}</p>
            ${this.#reasons.render()} ${auto?.notes ? this.#renderNotes() : nothing}
            <p class="note" role="status">${ended ? '' : t('wrapup.notEnded')}</p>`
        : auto?.done
          ? html`<p class="message" role="status">${t('autoWrapup.done')}</p>`
          : interactionGone(),
      confirm: {
        label: t('wrapup.submit'),
        ready: ended && this.#reasons.selected.length > 0 && !this.#notesTooLong(auto),
        run: () => void this.#submit(),
      },
      dismiss: t('wrapup.later'),
    });
  }

  #renderCountdown(auto: AutoWrapupView | undefined) {
    const seconds = this.#countdown.seconds;
    const announced = this.#countdown.announced;
    const status = html`<p class="visually-hidden" role="status">${announced === undefined ? '' : t('autoWrapup.soon', { seconds: announced })}</p>`;
    if (auto?.failed) return html`${status}<p class="message error" role="alert">${t('autoWrapup.failed')}</p>`;
    if (seconds === undefined) return status;
    return html`${status}
      <div class="auto-wrapup" part="auto-wrapup">
        <p class="countdown" part="countdown" role="timer">${seconds > 0 ? t('autoWrapup.countdown', { seconds }) : t('autoWrapup.running')}</p>
        <button class="btn secondary" part="extend" ?disabled=${seconds === 0} @click=${this.#extend}>${t('autoWrapup.extend')}</button>
      </div>`;
  }

  #renderNotes() {
    const count = this.notes.trim().length;
    const over = count - WRAPUP_NOTES_MAX_LENGTH;
    return html`<div class="notes">
      <label for="notes">${t('wrapup.notes')}</label>
      <textarea
        id="notes"
        part="notes"
        dir=${ifDefined(typedDirection(this.notes))}
        rows="3"
        .value=${this.notes}
        aria-invalid=${over > 0 ? 'true' : 'false'}
        aria-describedby=${over > 0 ? 'notes-count notes-error' : 'notes-count'}
        @input=${(e: Event) => (this.notes = (e.target as HTMLTextAreaElement).value)}
      ></textarea>
      <p class="count" id="notes-count" part="notes-count" dir="ltr">${t('wrapup.notesCount', { count, max: WRAPUP_NOTES_MAX_LENGTH })}</p>
      ${over > 0
        ? html`<p class="message error" id="notes-error" part="notes-error" role="alert">${t('wrapup.notesTooLong', { over, max: WRAPUP_NOTES_MAX_LENGTH })}</p>`
        : nothing}
      ${this.#summary.render()}
    </div>`;
  }

  #notesTooLong(auto: AutoWrapupView | undefined): boolean {
    return auto?.notes === true && this.notes.trim().length > WRAPUP_NOTES_MAX_LENGTH;
  }

  readonly #extend = (): void => {
    const id = this.#interaction.value?.id;
    if (id !== undefined) this.#interaction.store?.extendAutoWrapup(id);
  };

  async #submit(): Promise<void> {
    const store = this.#interaction.store;
    const interactionId = this.#interaction.value?.id;
    const reasonIds = this.#reasons.selected.map((r) => r.id);
    if (!store || !interactionId || reasonIds.length === 0) return;
    const notes = this.#auto.value?.notes ? this.notes : '';
    const options = notes.trim() === '' ? {} : { notes };
    if (!(await this.#modal.run('wrapup.failed', () => store.submitWrapup(interactionId, reasonIds, options)))) return;
    this.#loadedFor = undefined;
    this.notes = '';
    this.#modal.close('completed');
    this.emit('cc-wrapup', { interactionId, reasonIds });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cc-wrapup-dialog': CcWrapupDialog;
  }
}
