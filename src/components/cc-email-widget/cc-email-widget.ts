import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { errorMessage as reason } from '../../core/format.js';
import type { OutgoingEmail } from '../../core/store/store.js';
import type { Interaction } from '../../core/types.js';
import { registerEnglish, t } from '../../controllers/localize.js';
import { enEmail } from '../../locales/en-email.js';
import { enCompose } from '../../locales/en-compose.js';
import { ShortcutController } from '../../controllers/shortcuts.js';
import { InteractionActionsController } from '../shared/interaction-actions.js';
import { EmailDrafts } from './email-drafts.js';
import { retarget, showsBcc, showsCc, type ComposeMode, type EmailDraft, type ReplyMode } from './email-draft.js';
import { ComposerTools } from '../shared/composer-tools.js';
import { answeredEmail, latestInbound, ownAddresses, patchDraft, quickReplyEmail, replySource } from './email-answer.js';
import { draftHasContent, sendReadiness, type Readiness } from './email-readiness.js';
import { EmailThread } from './email-thread.js';
import { SanitizerGate } from './email-sanitizer.js';
import { emailHeader, type HeaderState } from './email-header.js';
import { closedComposer, quickReplyBox } from './email-fields.js';
import { EmailComposerState } from './email-composer-state.js';
import { ConversationController } from '../shared/conversation.js';
import { styles } from './cc-email-widget.styles.js';
import { CcStoreElement } from '../shared/cc-element.js';
import { PreloadController, loadTemplatePicker, showShortcutHelp } from '../shared/lazy.js';
import { ConversationEnd } from '../shared/conversation-end.js';
import { StandardReplyGate } from './email-standard-gate.js';
import type { EmailStandardReply } from './email-standard.js';

registerEnglish(enEmail);
registerEnglish(enCompose);

/**
 * The email conversation pane (R-MAIL-01…17). The header shows the subject, the sender
 * and recipient addresses, the queue and a timer, with **Reply**, **Reply all**,
 * **Forward**, **Cc**, **View original email**, the light-grey toggle, **Transfer** and
 * **End** (for an email that needs no reply: it asks first, and says when an unsent draft
 * would be discarded).
 * The thread lists every email collapsed to a summary (sender, subject, time, status:
 * received, sent or delivery report) that expands to full view: From, To, Cc, the body
 * and inbound attachments. Inbound HTML is rendered only through the library's email
 * sanitizer, each body in a sandboxed frame (no scripts, its own Content-Security-Policy),
 * with remote images blocked until the agent chooses **Show images**; a body that cannot
 * be shown safely becomes a placeholder offering **View original email** as plain text.
 *
 * Answering: the **Quick reply here** box and **Send** (R-MAIL-03; `/` at the start of a
 * line lists the email templates as **Quick responses**, **Emoji** inserts one), or a standard reply
 * (R-MAIL-04) with To, Cc and Subject filled by mode (R-MAIL-07…10), a rich editor
 * (bold, italic, underline, lists, links, images; images pasted or embedded in pasted
 * markup are uploaded inline, and what cannot be kept is reported), **Attach file** and
 * **Templates** (a chosen template replaces the body, R-MAIL-14, with **Undo** when it
 * replaced written text; a `{{variable}}` without a value stays in the text and Send
 * waits until it is filled in or removed). Switching from Forward to Reply drops the
 * forwarded message and its files. A new email arrives expanded without moving the
 * agent's place. Sending a reply completes the email: the conversation ends and wrap-up
 * follows, unless `keep-open` is set. A mode chosen while an email is being sent opens
 * once it has left (and the conversation then stays open). Only the latest email can be
 * answered: when a newer one arrives, a banner says so and Send waits until the agent
 * has viewed it (R-MAIL-05, R-MAIL-06). Card numbers in the text, subject or file names
 * block sending with an explanation (R-MAIL-16). Drafts are kept per interaction across
 * switches and page reloads (R-X-04) and are cleared once sent or when the interaction ends.
 *
 * A standard reply also has **Bcc** (checked like Cc), **From** (`Queue.mailboxes`; default: the mailbox the email was sent to)
 * and, once per draft, the store's `signatures` (the queue's or the agent's) below the reply and above a forwarded message.
 *
 * Loaded on first need, not with the pane: the standard reply (its fields, rich editor, files and templates; once the browser is idle after an email shows, or at once
 * on Reply, Reply all, Forward, Cc or Bcc, or for a restored draft holding one: meanwhile the pane says "Loading the editor…" where the reply goes, after a failed load
 * why, with **Retry**, and what the agent asked for happens once it is in), the template picker (once the browser is idle after an email shows; a plain **Templates**
 * button until then), the template panel, the emoji picker and quick responses (idle after a composer shows, or at once on `/` or **Emoji**) and the End confirmation's dialog.
 * The email sanitizer (DOMPurify) loads as the pane connects: until it is in, the pane says "Loading the email…" (after a failed load, why, with **Retry**).
 *
 * Without `interaction-id` it shows the agent's active email interaction.
 * Keyboard: every control is a native button or field; Ctrl+Enter (⌘+Enter) sends from
 * the quick reply box, the address fields or the editor (Enter adds a line, as in any
 * email); Ctrl+B/I/U format in the editor; the configurable shortcuts of
 * `setShortcuts()` apply for Transfer, Templates, focus composer and the shortcut help.
 *
 * @summary Email conversation pane: thread, quick reply and standard reply.
 * @fires cc-send - An email was sent (the backend took it). Detail: `{ interactionId, channel, text, emailId, mode }`.
 * @fires cc-end - The store ended the conversation: after a sent reply (without `keep-open`) or with End; wrap-up follows. Detail: `{ interactionId }`.
 * @fires cc-transfer-request - The agent chose Transfer. Cancelable: unless the host calls `preventDefault()` (to show its own dialog), the pane opens its transfer dialog (email queues only); the wrap-up dialog opens once the interaction enters wrap-up. Detail: `{ interactionId }`.
 * @fires cc-transfer - From the inner transfer dialog: the transfer started. Detail: `{ interactionId, target }`.
 * @fires cc-wrapup - From the inner wrap-up dialog: wrap-up was submitted. Detail: `{ interactionId, reasonIds }`.
 * @fires cc-template-select - From the inner template picker: a template was chosen. Detail: `{ template }`.
 * @csspart empty - The message shown when there is no email interaction to show.
 * @csspart auto-wrapup-notice - Says that auto wrap-up took the conversation this pane showed, and with which reason.
 * @csspart header - Subject, addresses, queue, timer and the actions.
 * @csspart actions - The action buttons.
 * @csspart transfer - The Transfer button.
 * @csspart end - The End button.
 * @csspart confirm - The dialog confirming End.
 * @csspart confirm-end - Its End conversation button.
 * @csspart thread - The list of emails.
 * @csspart email - One email (summary and, when expanded, full view).
 * @csspart email-body - The container of one email's body: its sandboxed frame, its plain text, or the placeholder of a body that cannot be shown.
 * @csspart images-blocked - The "images blocked — Show images" bar of an email.
 * @csspart banner - The "not replying to the latest email" banner.
 * @csspart composer - The quick or standard reply.
 * @csspart quick-reply - The quick reply box.
 * @csspart quick-responses - The Quick responses list that `/` at the start of a line of the quick reply or the reply editor opens (or its status line).
 * @csspart fields - The From, To, Cc, Bcc and Subject fields.
 * @csspart toolbar - The formatting buttons.
 * @csspart editor - The rich-text editor.
 * @csspart template - The panel of a locked or parameterised template.
 * @csspart send - The Send button.
 * @csspart thumbnail - The thumbnail of an image in the chips of attached files.
 * @csspart from - The From select of a standard reply: the queue's mailboxes, the one the answered email was sent to first.
 * @csspart error - Errors (addresses, PCI, sending, ending, template variables without a value, the reply editor that could not load).
 * @csspart status - Status notes of the composer ("Loading the editor…", template notes, the "template replaced your text" line with Undo, a mode that opens once the email is sent, pasted images left out, a card number masked in the copy of the draft kept for a reload).
 * @csspart ended - The notice shown once the interaction has ended.
 * @cssprop --cc-email-body-background - Email paper: background of email bodies and the editor, light in both schemes as in mail clients (senders' inline colours assume a light page).
 * @cssprop --cc-email-body-color - Text on the email paper.
 * @cssprop --cc-email-body-link - Links and focus rings on the email paper.
 * @cssprop --cc-email-grey-surface - Email bodies, the editor and the quick reply box in light-grey mode (light grey in both schemes).
 * @cssprop --cc-email-grey-text - Their text in light-grey mode.
 * @cssprop --cc-color-primary - Buttons and links.
 * @cssprop --cc-color-danger - Errors.
 * @cssprop --cc-color-warning - The not-latest banner.
 * @cssprop --cc-color-surface - Pane background.
 * @cssprop --cc-color-surface-alt - Header and summaries background.
 * @cssprop --cc-color-border - Pane, card and separator borders.
 * @cssprop --cc-color-field-border - Borders of the quick reply box, the address, subject, link and parameter fields and the editor (3:1, WCAG 1.4.11).
 * @cssprop --cc-color-text - Text.
 * @cssprop --cc-color-text-muted - Secondary text.
 * @cssprop --cc-radius - Corner radius.
 * @cssprop --cc-space - Spacing unit.
 * @cssprop --cc-font-family - Font.
 */
@customElement('cc-email-widget')
export class CcEmailWidget extends CcStoreElement {
  static override styles = styles;

  /** Show this interaction. Without it, the agent's active email interaction. */
  @property({ attribute: 'interaction-id' })
  interactionId: string | undefined;

  /**
   * Keeps the conversation open after a reply is sent, for more replies. Without it,
   * sending a reply ends the conversation and wrap-up follows.
   */
  @property({ type: Boolean, reflect: true, attribute: 'keep-open' })
  keepOpen = false;

  /** Emails and the editor on a light-grey background with grey text (R-MAIL-13); the toggle button sets it. */
  @property({ type: Boolean, reflect: true, attribute: 'light-grey' })
  lightGrey = false;

  /** Text for the polite live region: new emails, sent emails (R-X-02). */
  @state()
  private announcement = '';

  // Notifications: the unread count clears once the agent has seen the latest email.
  readonly #conversation = new ConversationController(this, {
    channels: () => ['email'],
    interactionId: () => this.interactionId,
    focus: () => this.focusComposer(),
    seen: (i) => {
      const latest = latestInbound(i);
      return latest !== undefined && this.#thread.viewed(i, latest.id);
    },
  });
  readonly #drafts = new EmailDrafts(this, {
    store: () => this.#conversation.store,
    shown: () => this.#conversation.value?.id,
    restored: () => this.#onDraftRestored(),
  });
  // Shows, reads and sends email HTML: the pane renders its conversation once this is in.
  readonly #sanitizer = new SanitizerGate(this);
  readonly #thread = new EmailThread(this);
  // R-MAIL-17, R-XFER-05: the same Transfer and wrap-up dialogs as the chat panes; the transfer dialog offers email queues only (R-XFER-07).
  readonly #actions = new InteractionActionsController(this, {
    interaction: () => this.#conversation.value,
    store: () => this.#conversation.store,
    requestTransfer: (i) => this.emit('cc-transfer-request', { interactionId: i.id }, { cancelable: true }),
  });
  readonly #composer = new EmailComposerState(this);
  // The standard reply (editor, fields, files, templates) loads on first need.
  readonly #standard = new StandardReplyGate<EmailStandardReply>(this, (m) =>
    new m.EmailStandardReply(this, {
      conversation: this.#conversation,
      drafts: this.#drafts,
      composer: this.#composer,
      thread: this.#thread,
      patch: (i, change) => this.#patch(i, change),
      compose: (i, mode) => this.#compose(i, mode),
      focus: (...selectors) => this.#focusAfterUpdate(...selectors),
      sendKey: (i, e) => this.#onSendKey(i, e),
      send: (i) => void this.#send(i),
    }),
  );
  readonly #end = new ConversationEnd(this, {
    store: () => this.#conversation.store,
    ended: (interactionId) => this.emit('cc-end', { interactionId }),
    // Active and theirs.
    canEnd: (i) => i.status === 'active' && i.role === 'owner',
    failedAfterSend: (reason) => t('email.endAfterSendFailed', { reason }),
  });
  #shownId: string | undefined;

  constructor() {
    super();
    // R-CHAT-09 shortcuts where they apply to email. Send stays Ctrl+Enter here: Enter adds a line to an email.
    new ShortcutController(this, {
      scope: 'element',
      handlers: {
        transfer: () => this.#whenOpen(() => this.#actions.openTransfer()),
        templates: () => this.#whenOpen((i) => this.#conversation.supports('templates') && this.#withStandard(i, (s, now) => void s.openTemplates(now))),
      },
    });
    new ShortcutController(this, {
      scope: 'global',
      handlers: {
        focusComposer: () => this.#whenOpen(() => this.focusComposer()),
        help: () => showShortcutHelp(),
      },
    });
    // The template picker is not part of the pane's first load: it comes once the browser is idle after an email shows.
    new PreloadController(this, () => this.#conversation.value !== undefined, ['cc-template-picker', loadTemplatePicker]);
  }

  // Quick responses go in as from the Templates button: a reply takes the template.
  readonly #tools = new ComposerTools(this, {
    store: () => this.#conversation.store,
    channel: () => 'email',
    templates: () => this.#conversation.supports('templates'),
    box: () => this.renderRoot.querySelector<HTMLTextAreaElement>('#quick'),
    setText: (text) => this.#whenOpen((i) => this.#patch(i, (d) => ({ ...d, quickText: text }))),
    insert: (template) => this.#whenOpen((i) => this.#withStandard(i, (s, now) => s.insertTemplate(now, template))),
    id: 'quick',
  });

  /** Runs `action` on the shown interaction while it can be answered; `false` (not handled) otherwise. */
  #whenOpen(action: (i: Interaction) => void): boolean {
    const i = this.#conversation.value;
    if (i?.status !== 'active') return false;
    action(i);
    return true;
  }

  /**
   * The quick reply being typed in the shown interaction. Setting it replaces the text
   * (hosts can prefill an answer); nothing happens unless the shown interaction is active.
   */
  get quickReply(): string {
    const i = this.#conversation.value;
    return i ? (this.#drafts.get(i.id)?.quickText ?? '') : '';
  }
  set quickReply(text: string) {
    this.#whenOpen((i) => this.#patch(i, (d) => ({ ...d, quickText: text })));
  }

  /** The mode of the shown interaction's composer: `quick` or a standard-reply mode. */
  get mode(): ComposeMode {
    const i = this.#conversation.value;
    return (i && this.#drafts.get(i.id)?.mode) ?? 'quick';
  }

  /** Opens the standard reply in a mode, as the Reply, Reply all and Forward buttons do (while the interaction is active). */
  compose(mode: ReplyMode): void {
    this.#whenOpen((i) => this.#compose(i, mode));
  }

  /** Shows an email of the thread in full and moves focus to it. */
  showEmail(emailId: string): void {
    const i = this.#conversation.value;
    if (i?.emails.some((e) => e.id === emailId)) void this.#thread.reveal(i, emailId);
  }

  /** Moves keyboard focus to the composer: the quick reply box, or the editor of a standard reply. */
  focusComposer(): void {
    this.#focusFirst(['#quick, #editor', '#template-panel input', '#template-panel button']);
  }

  // ---- state that follows the store ---------------------------------------------------

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const i = this.#conversation.value;
    if (i?.id !== this.#shownId) {
      this.#shownId = i?.id;
      this.#standard.value?.reset();
    }
    if (!i) return;
    this.#followThread(i);
    // A restored standard reply opens as soon as its code is in.
    if ((this.#drafts.get(i.id)?.mode ?? 'quick') !== 'quick') this.#standard.need(i.id);
  }

  /** A stored draft arrived after the pane first showed the interaction: load its body, and read the thread again as it answers. */
  #onDraftRestored(): void {
    const id = this.#conversation.value?.id;
    if (id) this.#thread.forget(id);
    this.#standard.value?.reload();
  }

  /** Tracks new emails, expands what the agent should see, and retargets a draft once the latest email is viewed. */
  #followThread(i: Interaction): void {
    const latest = latestInbound(i);
    let draft = this.#drafts.get(i.id);
    if (draft && !i.emails.some((e) => e.id === draft?.inReplyTo)) {
      // A stored draft that answers no email of this thread belongs to another session: ignore it.
      this.#drafts.clear(i.id);
      draft = undefined;
    }
    const newest = this.#thread.follow(i, draft?.inReplyTo, latest);
    if (newest) this.announcement = t('email.newEmail', { from: newest.from, subject: newest.subject });
    if (draft && latest && draft.inReplyTo !== latest.id && this.#thread.viewed(i, latest.id)) {
      this.#drafts.set(i.id, retarget(draft, replySource(latest), ownAddresses(i)));
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.#thread.scroll();
    // The standard reply is not part of the pane's first load: it comes once the browser is idle after an email shows.
    if (this.#conversation.value && this.#sanitizer.open) this.#standard.preload();
  }

  // ---- helpers -------------------------------------------------------------------------

  /** Changes the interaction's draft, starting one that answers the latest email when there is none. */
  #patch(i: Interaction, change: (d: EmailDraft) => EmailDraft): void {
    const next = patchDraft(i, this.#drafts.get(i.id), change);
    if (next) this.#drafts.set(i.id, next);
  }

  /** What Send would send, or `undefined` when there is nothing to send. */
  #outgoing(i: Interaction, draft: EmailDraft): OutgoingEmail | undefined {
    const answered = answeredEmail(i, draft);
    if (!answered) return undefined;
    if (draft.mode === 'quick') return quickReplyEmail(answered, draft);
    // Send waits while the reply's code (or a template's) loads.
    return this.#standard.value?.outgoing(i, draft);
  }

  #readiness(i: Interaction, draft: EmailDraft | undefined, outgoing: OutgoingEmail | undefined): Readiness {
    const ui = this.#composer.of(i.id);
    const template = (draft && this.#standard.value?.template(i, draft)) ?? { gaps: [], ready: true };
    return sendReadiness(draft, outgoing, {
      templateGaps: template.gaps,
      status: i.status,
      latestId: latestInbound(i)?.id,
      templateReady: template.ready,
      uploading: ui.uploading.length,
      sending: ui.sending,
    });
  }

  // ---- render ---------------------------------------------------------------------------

  override render() {
    const i = this.#conversation.value;
    if (!i) return this.#conversation.renderEmpty(t('email.empty'));
    if (!this.#sanitizer.open) return this.#sanitizer.render();
    const draft = this.#drafts.get(i.id);
    const outgoing = draft && this.#outgoing(i, draft);
    const readiness = this.#readiness(i, draft, outgoing);
    const open = i.status === 'active';
    return html`${this.#renderHeader(i, draft, open)} ${this.#thread.render(i)}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
      ${open && readiness.stale ? this.#renderBanner(i) : nothing}
      ${open
        ? draft && draft.mode !== 'quick'
          ? this.#renderStandard(i, draft, readiness)
          : this.#renderQuick(i, draft, readiness)
        : closedComposer(i.status, () => this.#actions.openWrapup())}
      ${this.#renderEndConfirm(i, draft)} ${this.#actions.dialogs(i)}`;
  }

  #renderHeader(i: Interaction, draft: EmailDraft | undefined, open: boolean) {
    const state: HeaderState = {
      open,
      transferable: open && this.#conversation.supports('transfer'),
      mode: draft?.mode ?? 'quick',
      ccShown: draft !== undefined && showsCc(draft),
      bccShown: draft !== undefined && showsBcc(draft),
      lightGrey: this.lightGrey,
      notices: html`${this.#actions.notices(i)} ${this.#end.renderError(i)}`,
      end: this.#end.renderButton(i),
    };
    return emailHeader(i, state, {
      compose: (mode) => this.#compose(i, mode),
      toggleCc: () => this.#withStandard(i, (standard, now) => standard.toggleCc(now)),
      toggleBcc: () => this.#withStandard(i, (standard, now) => standard.toggleBcc(now)),
      viewOriginal: (id) => void this.#thread.reveal(i, id),
      toggleLightGrey: () => (this.lightGrey = !this.lightGrey),
      transfer: () => this.#actions.openTransfer(),
    });
  }

  /** End's confirmation: an unsent draft would be discarded, and it says so. */
  #renderEndConfirm(i: Interaction, draft: EmailDraft | undefined) {
    const description = t(draft !== undefined && draftHasContent(draft) ? 'email.end.draft' : 'email.end.noReply');
    return this.#end.renderConfirm(i, { title: t('email.end.title'), description, label: t('email.end.confirm'), part: 'confirm-end' });
  }

  #renderBanner(i: Interaction) {
    const latest = latestInbound(i);
    return html`<div class="banner" part="banner" role="alert">
      <p>${t('email.notLatest')}</p>
      ${latest ? html`<button class="btn secondary" @click=${() => void this.#thread.reveal(i, latest.id)}>${t('email.viewLatest')}</button>` : nothing}
    </div>`;
  }

  #renderQuick(i: Interaction, draft: EmailDraft | undefined, readiness: Readiness) {
    if (!latestInbound(i)) return nothing;
    // The agent asked for a standard reply before its code was in: it opens here once it is.
    const waiting = this.#standard.waiting(i.id) ? this.#standard.render() : nothing;
    return html`${waiting} ${quickReplyBox({
      text: draft?.quickText ?? '',
      sending: this.#composer.of(i.id).sending,
      ready: readiness.ready,
      invalidBy: readiness.pci.length > 0 ? 'pci' : undefined,
      input: (text) => this.#patch(i, (d) => ({ ...d, quickText: text })),
      keydown: (e) => this.#onSendKey(i, e),
      send: () => void this.#send(i),
      notices: this.#composer.renderNotices(i.id, readiness.pci, this.#drafts.masked(i.id)),
      tools: this.#tools,
    })}`;
  }

  /** The standard reply, or where it goes while its code loads. */
  #renderStandard(i: Interaction, draft: EmailDraft, readiness: Readiness) {
    return (
      this.#standard.value?.render(i, draft, readiness) ??
      html`<section class="composer standard" part="composer" aria-label=${t('email.reply')}>${this.#standard.render()}</section>`
    );
  }

  // ---- composing ---------------------------------------------------------------------------

  /** Runs `action` on the standard reply once its code is in, if `i` is still shown and active then. */
  #withStandard(i: Interaction, action: (standard: EmailStandardReply, now: Interaction) => void): void {
    this.#standard.use(i.id, (standard) => this.#whenOpen((now) => now.id === i.id && action(standard, now)));
  }

  #compose(i: Interaction, mode: ReplyMode): void {
    if (!this.#sanitizer.open) return this.#sanitizer.whenOpen(() => void this.#whenOpen((now) => this.#compose(now, mode)));
    this.#withStandard(i, (standard, now) => standard.compose(now, mode));
  }

  /** After the next render, focuses the first element matching the first of `selectors` that matches any. */
  async #focusAfterUpdate(...selectors: readonly string[]): Promise<void> {
    await this.updateComplete;
    this.#focusFirst(selectors);
  }

  #focusFirst(selectors: readonly string[]): void {
    for (const selector of selectors) {
      const found = this.renderRoot.querySelector<HTMLElement>(selector);
      if (found) return found.focus();
    }
  }

  #onSendKey(i: Interaction, e: KeyboardEvent): void {
    if (e.key !== 'Enter' || !(e.ctrlKey || e.metaKey) || e.isComposing) return;
    e.preventDefault();
    void this.#send(i);
  }

  async #send(i: Interaction): Promise<void> {
    const store = this.#conversation.store;
    const draft = this.#drafts.get(i.id);
    if (!store || !draft) return;
    const outgoing = this.#outgoing(i, draft);
    // R-MAIL-06, R-MAIL-11, R-MAIL-16, R-TPL-03: nothing leaves while any check fails.
    if (!outgoing || !this.#readiness(i, draft, outgoing).ready) return;
    this.#composer.set(i.id, () => ({ sending: true, notices: [] }));
    try {
      const emailId = await store.sendEmail(i.id, outgoing);
      const queued = this.#composer.of(i.id).queued;
      this.#drafts.clear(i.id);
      this.#composer.clear(i.id);
      this.#standard.value?.sent(i.id);
      this.announcement = t('email.sent');
      this.emit('cc-send', { interactionId: i.id, channel: i.channel, text: outgoing.text, emailId, mode: outgoing.mode });
      const now = store.state.interactions[i.id];
      const shown = this.#conversation.value?.id === i.id;
      if (queued && now) {
        // The agent asked for another reply while this one was leaving: it opens now, and the conversation stays open.
        if (shown) this.#compose(now, queued);
      } else if (!this.keepOpen && now && this.#end.canEnd(now)) {
        // Sending the reply completes the email; wrap-up follows. A refusal is shown and the conversation stays usable.
        if (!(await this.#end.end(now, 'send')) && shown) void this.#focusAfterUpdate('#quick');
      } else if (shown) {
        void this.#focusAfterUpdate('#quick');
      }
    } catch (e) {
      // The draft stays as it was: the agent can fix the problem and send again. A mode chosen meanwhile opens now.
      const queued = this.#composer.of(i.id).queued;
      this.#composer.set(i.id, () => ({ sending: false, queued: undefined }));
      const now = store.state.interactions[i.id];
      if (queued && now && this.#conversation.value?.id === i.id) this.#compose(now, queued);
      this.#composer.notify(i.id, { kind: 'error', text: t('email.sendFailed', { reason: reason(e) }) });
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cc-email-widget': CcEmailWidget;
  }
}
