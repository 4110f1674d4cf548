/**
 * The standard reply of the email pane (R-MAIL-04, R-MAIL-07…10, R-MAIL-14): From, To, Cc,
 * Bcc and Subject, the rich editor with its toolbar, files, templates, Send and Discard.
 * The pane loads this module on first need ({@link StandardReplyGate}).
 * @packageDocumentation
 */
import { html, nothing, type ReactiveController, type ReactiveElement, type TemplateResult } from 'lit';
import { errorMessage as reason } from '../../core/format.js';
import type { OutgoingEmail } from '../../core/store/store.js';
import type { Attachment, Interaction, MessageTemplate } from '../../core/types.js';
import { t } from '../../controllers/localize.js';
import type { CcTemplatePicker } from '../cc-template-picker/cc-template-picker.js';
import type { CcEvent } from '../../element-events.js';
import type { ConversationController } from '../shared/conversation.js';
import { attachmentList } from '../shared/attachment-list.js';
import { loadTemplatePicker } from '../shared/lazy.js';
import { emptyDraft, isEditable, showsBcc, showsCc, type EmailDraft, type ReplyMode } from './email-draft.js';
import { answeredEmail } from './email-answer.js';
import { composeDraft, forwardQuote, isNewForward, standardEmail } from './email-compose.js';
import type { EmailComposerState } from './email-composer-state.js';
import type { EmailDrafts } from './email-drafts.js';
import { EmailEditor } from './email-editor.js';
import { composeField, type Field } from './email-reply-fields.js';
import { EmailMailboxes, fromField } from './email-from.js';
import { outgoingBody, type OutgoingBody } from './email-html.js';
import type { Readiness } from './email-readiness.js';
import { EmailTemplates } from './email-templates.js';
import type { EmailThread } from './email-thread.js';
import { EmailUploads, IMAGE_TYPES } from './email-uploads.js';

/** What the standard reply needs from its pane. */
export interface StandardReplyPane {
  readonly conversation: ConversationController;
  readonly drafts: EmailDrafts;
  readonly composer: EmailComposerState;
  readonly thread: EmailThread;
  /** Changes the interaction's draft, starting one that answers the latest email when there is none. */
  readonly patch: (i: Interaction, change: (d: EmailDraft) => EmailDraft) => void;
  /** Opens a mode as the pane's Reply, Reply all and Forward do (waiting while an email is being sent). */
  readonly compose: (i: Interaction, mode: ReplyMode) => void;
  /** Moves focus, after the next render, to the first element matching the first of `selectors` that matches any. */
  readonly focus: (...selectors: readonly string[]) => Promise<void>;
  /** Ctrl+Enter (⌘+Enter) in a field or the editor: sends. */
  readonly sendKey: (i: Interaction, e: KeyboardEvent) => void;
  readonly send: (i: Interaction) => void;
}

/**
 * The standard reply of one pane: the editor, the From mailboxes, the uploads and the
 * templates, and the field being edited (its address errors wait until the agent leaves it).
 */
export class EmailStandardReply implements ReactiveController {
  readonly #host: ReactiveElement;
  readonly #pane: StandardReplyPane;
  #editing: Field | undefined;
  /** The pane is rendering: a blur now is the render removing the focused field. */
  #rendering = false;
  /** The last body prepared for sending: the pane renders every second (the timer), the body changes only when edited. */
  #body: { readonly html: string; readonly attachments: readonly Attachment[]; readonly result: OutgoingBody } | undefined;
  readonly #editor: EmailEditor;
  readonly #mailboxes: EmailMailboxes;
  readonly #uploads: EmailUploads;
  readonly #templates: EmailTemplates;

  constructor(host: ReactiveElement, pane: StandardReplyPane) {
    this.#host = host;
    this.#pane = pane;
    const { conversation, drafts, composer } = pane;
    const whenShown = (action: (i: Interaction) => void): void => {
      const i = conversation.value;
      if (i) action(i);
    };
    const whenOpen = (action: (i: Interaction) => void): void => {
      const i = conversation.value;
      if (i?.status === 'active') action(i);
    };
    this.#editor = new EmailEditor(host, {
      draft: () => {
        const id = conversation.value?.id;
        const draft = id === undefined ? undefined : drafts.get(id);
        return id === undefined ? undefined : { id, html: draft?.html ?? '', attachments: draft?.attachments ?? [] };
      },
      changed: (read) =>
        whenShown((i) => {
          this.#templates.settle(i.id);
          pane.patch(i, (d) => ({ ...d, html: read(d.attachments) }));
        }),
      dropped: (files) => whenShown((i) => void this.#uploads.all(i, files, (file) => file.type.startsWith('image/'))),
      imagesRemoved: (count) => whenShown((i) => composer.notify(i.id, { kind: 'status', text: t('email.paste.removed', { count }) })),
      pickImage: () => this.#pick('#image-file'),
      canInsertImages: () => conversation.supports('attachments'),
      store: () => conversation.store,
      templates: () => conversation.supports('templates'),
      useTemplate: (template) => whenOpen((i) => this.#templates.use(i, template)),
    });
    this.#mailboxes = new EmailMailboxes(host, () => conversation.store);
    this.#uploads = new EmailUploads({
      store: () => conversation.store,
      supported: () => conversation.supports('attachments'),
      composer,
      patch: pane.patch,
      insertImage: (img) => this.#editor.insertAtCaret(img),
    });
    this.#templates = new EmailTemplates(host, {
      agentName: () => conversation.agentName,
      draft: (id) => drafts.get(id),
      patch: pane.patch,
      reloadEditor: () => this.#editor.reload(),
      focus: (...selectors) => void pane.focus(...selectors),
      failed: (i, e) => composer.notify(i.id, { kind: 'error', text: t('templates.loadFailed', { reason: reason(e) }) }),
    });
    host.addController(this);
  }

  hostUpdate(): void {
    this.#rendering = true;
  }

  hostUpdated(): void {
    this.#rendering = false;
    this.#editor.load();
  }

  /** Another interaction is shown: the field being edited, the link form and the caret belong to the previous one. */
  reset(): void {
    this.#editing = undefined;
    this.#editor.reset();
  }

  /** The draft's body changed other than by typing (restored from storage): the editor loads it again. */
  reload(): void {
    this.#editor.reload();
  }

  /** The reply of interaction `id` was sent: its template is settled and the editor empties. */
  sent(id: string): void {
    this.#templates.settle(id);
    this.#editor.reload();
  }

  // ---- sending -------------------------------------------------------------------------

  /** What Send would send for a standard reply, or `undefined` while there is nothing to send (or a template's code loads). */
  outgoing(i: Interaction, draft: EmailDraft): OutgoingEmail | undefined {
    const applied = this.#templates.applied(i, draft);
    let body: OutgoingBody;
    if (draft.template) {
      if (!applied) return undefined;
      const templateBody = this.#templates.body(i, applied);
      if (!templateBody) return undefined;
      body = templateBody;
    } else {
      if (this.#body?.html !== draft.html || this.#body.attachments !== draft.attachments) {
        this.#body = { html: draft.html, attachments: draft.attachments, result: outgoingBody(draft.html, draft.attachments) };
      }
      body = this.#body.result;
    }
    return standardEmail(draft, body);
  }

  /** The template's variables without a value, and whether its code is in. */
  template(i: Interaction, draft: EmailDraft): { readonly gaps: string[]; readonly ready: boolean } {
    const applied = this.#templates.applied(i, draft);
    return { gaps: this.#templates.gaps(applied), ready: applied?.ready ?? true };
  }

  // ---- composing -----------------------------------------------------------------------

  /** Opens the standard reply in `mode` (or moves focus into it when it is open in that mode). */
  compose(i: Interaction, mode: ReplyMode): void {
    const { drafts, composer } = this.#pane;
    if (composer.of(i.id).sending) {
      // The reply being sent clears the draft once it has left: the new mode opens then.
      composer.set(i.id, () => ({ queued: mode }));
      return;
    }
    const draft = drafts.get(i.id);
    const answered = answeredEmail(i, draft);
    if (!answered) return;
    const base = draft ?? emptyDraft(answered);
    const focus = mode === 'forward' ? '#to' : '#editor';
    if (base.mode === mode) {
      void this.#pane.focus(focus);
      return;
    }
    const forward = isNewForward(base, answered, mode) ? forwardQuote(answered, this.#pane.thread.imagesAllowed(i, answered.id)) : '';
    drafts.set(i.id, composeDraft(i, base, answered, mode, forward, this.#pane.conversation.store?.signature(i.queue.id)));
    this.#editor.reload();
    void this.#pane.focus(focus);
  }

  /** Cc opens the field (starting a reply from the quick reply); on an empty field of a reply it closes it. */
  toggleCc(i: Interaction): void {
    const { drafts, composer, patch } = this.#pane;
    if (composer.of(i.id).sending) return this.#pane.compose(i, 'reply');
    const draft = drafts.get(i.id);
    if (!draft || draft.mode === 'quick') {
      this.#pane.compose(i, 'reply');
      patch(i, (d) => ({ ...d, ccOpen: true }));
      void this.#pane.focus('#cc');
      return;
    }
    if (showsCc(draft) && draft.mode === 'reply' && draft.cc.trim() === '') return patch(i, (d) => ({ ...d, ccOpen: false }));
    patch(i, (d) => ({ ...d, ccOpen: true }));
    void this.#pane.focus('#cc');
  }

  /** Bcc opens the field (starting a reply from the quick reply); on an empty field it closes it. */
  toggleBcc(i: Interaction): void {
    const { drafts, composer, patch } = this.#pane;
    const draft = drafts.get(i.id);
    if (composer.of(i.id).sending) return this.#pane.compose(i, 'reply');
    if (draft && showsBcc(draft) && draft.bcc.trim() === '') return patch(i, (d) => ({ ...d, bccOpen: false }));
    if (!draft || draft.mode === 'quick') this.#pane.compose(i, 'reply');
    patch(i, (d) => ({ ...d, bccOpen: true }));
    void this.#pane.focus('#bcc');
  }

  /** A quick response chosen in the quick reply box: a reply takes the template. */
  insertTemplate(i: Interaction, template: MessageTemplate): void {
    this.#pane.compose(i, 'reply');
    void this.#host.updateComplete.then(() => this.#templates.use(i, template));
  }

  /** Opens the template list (R-TPL-01): a reply first when in the quick reply, the picker loaded first if it is not yet. */
  async openTemplates(i: Interaction): Promise<void> {
    if ((this.#pane.drafts.get(i.id)?.mode ?? 'quick') === 'quick') this.#pane.compose(i, 'reply');
    this.#templates.prepare();
    try {
      await loadTemplatePicker();
    } catch (e) {
      this.#pane.composer.notify(i.id, { kind: 'error', text: t('templates.loadFailed', { reason: reason(e) }) });
      return;
    }
    this.#host.requestUpdate(); // without the stand-in Templates button
    await this.#host.updateComplete;
    this.#host.renderRoot.querySelector<CcTemplatePicker>('cc-template-picker')?.show();
  }

  #discard(i: Interaction): void {
    this.#templates.settle(i.id);
    this.#pane.drafts.clear(i.id);
    this.#pane.composer.clear(i.id);
    this.#editor.clear();
    void this.#pane.focus('#quick');
  }

  #pick(selector: string): void {
    this.#host.renderRoot.querySelector<HTMLInputElement>(selector)?.click();
  }

  // ---- render --------------------------------------------------------------------------

  #renderField(i: Interaction, draft: EmailDraft, field: Field, invalid: readonly string[]) {
    return composeField(field, {
      value: draft[field],
      editable: isEditable(draft.mode, field),
      invalid,
      editing: this.#editing === field,
      focus: () => this.#edit(field),
      blur: () => this.#edit(undefined),
      input: (value) => this.#pane.patch(i, (d) => ({ ...d, [field]: value })),
      keydown: (e) => this.#pane.sendKey(i, e),
    });
  }

  #edit(field: Field | undefined): void {
    if (this.#editing === field) return;
    this.#editing = field;
    // A blur during the pane's render comes from the render removing the focused field (Cc or
    // Bcc closed, the reply sent): there is nothing left to show, so no second render.
    if (!this.#rendering) this.#host.requestUpdate();
  }

  #renderTemplates(i: Interaction) {
    const conversation = this.#pane.conversation;
    if (!conversation.supports('templates')) return nothing;
    return html`<cc-template-picker
      .store=${conversation.store}
      channel="email"
      @focusin=${() => this.#templates.prepare()}
      @pointerenter=${() => this.#templates.prepare()}
      @cc-template-select=${(e: CcEvent<'cc-template-select'>) => this.#templates.use(i, e.detail.template)}
      >${customElements.get('cc-template-picker')
        ? nothing
        : html`<button class="btn secondary" aria-expanded="false" @click=${() => void this.openTemplates(i)}>${t('templates')}</button>`}</cc-template-picker
    >`;
  }

  /** The standard reply of `i`. */
  render(i: Interaction, draft: EmailDraft, readiness: Readiness): TemplateResult {
    const { conversation, composer, drafts, patch } = this.#pane;
    const ui = composer.of(i.id);
    const applied = this.#templates.applied(i, draft);
    const label = t(draft.mode === 'reply' ? 'email.reply' : draft.mode === 'reply-all' ? 'email.replyAll' : 'email.forward');
    return html`<section class="composer standard" part="composer" aria-label=${label}>
      <div class="fields" part="fields">
        ${fromField(this.#mailboxes.choices(i, answeredEmail(i, draft)), draft.from, (from) => patch(i, (d) => ({ ...d, from })))}
        ${this.#renderField(i, draft, 'to', readiness.invalidTo)}
        ${draft.mode === 'forward' && readiness.noRecipient && this.#editing !== 'to'
          ? html`<p class="hint" id="to-hint">${t('email.noRecipient')}</p>`
          : nothing}
        ${showsCc(draft) ? this.#renderField(i, draft, 'cc', readiness.invalidCc) : nothing}
        ${showsBcc(draft) ? this.#renderField(i, draft, 'bcc', readiness.invalidBcc) : nothing}
        ${this.#renderField(i, draft, 'subject', [])}
      </div>
      <div class="tools">
        ${draft.template ? nothing : this.#editor.renderToolbar()}
        ${conversation.supports('attachments')
          ? html`<button class="btn secondary" @click=${() => this.#pick('#file')}>${t('attach.button')}</button>
              <input id="file" type="file" multiple hidden tabindex="-1" aria-hidden="true" @change=${(e: Event) => void this.#uploads.fromInput(i, e, false)} />`
          : nothing}
        <input id="image-file" type="file" accept=${IMAGE_TYPES} multiple hidden tabindex="-1" aria-hidden="true" @change=${(e: Event) => void this.#uploads.fromInput(i, e, true)} />
        ${this.#renderTemplates(i)}
      </div>
      ${this.#editor.renderLinkForm()} ${this.#templates.renderUndo(i)}
      ${this.#templates.renderPanel(i, draft, applied) ??
      this.#editor.renderEditor({
        sending: ui.sending,
        invalidBy: readiness.pci.length > 0 ? 'pci' : undefined,
        keydown: (e) => this.#pane.sendKey(i, e),
      })}
      ${attachmentList(
        // Inline images are not listed: they show in the body.
        draft.attachments.filter((a) => !a.contentId),
        ui.uploading,
        (id) => patch(i, (d) => ({ ...d, attachments: d.attachments.filter((x) => x.id !== id) })),
      )}
      <div class="send-row">
        <button class="btn send" part="send" ?disabled=${!readiness.ready} @click=${() => this.#pane.send(i)}>${t('send')}</button>
        <button class="btn secondary" ?disabled=${ui.sending} @click=${() => this.#discard(i)}>${t('email.discard')}</button>
      </div>
      ${this.#templates.renderGaps(draft, readiness.gaps)} ${composer.renderNotices(i.id, readiness.pci, drafts.masked(i.id))}
    </section>`;
  }
}
