import { ifDefined } from 'lit/directives/if-defined.js';
import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { loadLinks } from '../../content/lazy-links.js';
import { lazyMarkdown, loadMarkdown, markdownLoaded } from '../../content/lazy-markdown.js';
import type { AppliedTemplate } from '../../content/templates.js';
import { errorMessage as reason } from '../../core/format.js';
import { CHAT_MESSAGE_MAX_LENGTH, capabilitiesOf, type ChannelCapabilities } from '../../core/channels.js';
import { customerHasLeft, waitingBehindFailure } from '../../core/store/selectors.js';
import type { ChatChannel, ChatMessage, Interaction, MessageTemplate, Workflow } from '../../core/types.js';
import { getLocale, t } from '../../controllers/localize.js';
import { ShortcutController, ariaKeyShortcuts, getShortcuts, type ShortcutAction } from '../../controllers/shortcuts.js';
import { templatePanel } from '../shared/template-panel.js';
import { ComposerTools } from '../shared/composer-tools.js';
import { ConversationEnd } from '../shared/conversation-end.js';
import { InteractionActionsController } from '../shared/interaction-actions.js';
import { PreloadController, loadTemplatePicker, showShortcutHelp } from '../shared/lazy.js';
import type { CcTemplatePicker } from '../cc-template-picker/cc-template-picker.js';
import { draftMaskedNotice } from '../shared/draft-notice.js';
import { ConversationController } from '../shared/conversation.js';
import { noticeLines } from '../shared/notices.js';
import { SuggestedReplies } from '../shared/suggested-replies.js';
import { paneHeader, type PaneFact } from '../shared/pane-header.js';
import { ComposerAttachments } from './attachments.js';
import { ComposerStates, unresolvedVariables, type ComposerState } from './composer-state.js';
import { loadTemplates, loadedTemplates } from './lazy-templates.js';
import { FindBar } from './find-bar.js';
import { LiveRegion } from './live-region.js';
import { ThreadRows, dateFormat } from './thread-rows.js';
import { ThreadViewport } from './thread-viewport.js';
import { WorkflowsMenu } from './workflows-menu.js';
import { styles } from './cc-chat-widget.styles.js';
import { CcStoreElement } from '../shared/cc-element.js';
import type { CcEvent } from '../../element-events.js';
import { typedDirection } from '../shared/text-direction.js';

/** Default composer limit (R-CHAT-03). */
export const DEFAULT_MAX_LENGTH = CHAT_MESSAGE_MAX_LENGTH;

/**
 * The conversation pane for Facebook Messenger and WebChat (R-CHAT-01…10): customer,
 * queue, agent, date and timer; the thread with customer bubbles (grey, with initials),
 * agent bubbles (blue) with delivery state and **Retry**, and centred system notices; a
 * composer limited to `max-length` characters that sends on **Send** or Enter
 * (Shift+Enter adds a line); **Templates**, **Attach file** (Messenger, WebChat), Markdown
 * formatting (Messenger), **Workflows** and **End** (with the customer's consent on
 * Messenger). Typing `/` at the start of a line lists the channel's templates as
 * **Quick responses**, filtered as the agent types; **Emoji** opens a searchable picker.
 *
 * Without `interaction-id` it shows the agent's active interaction of its channel.
 * Unsent text, attachments and templates are kept per conversation; the text, a template
 * in use and files already uploaded to the backend also survive a reload (R-X-04).
 *
 * Give the pane a height (it lays itself out as a column that fills it); a pane given
 * none grows with its thread up to the height of the window, then the thread scrolls.
 *
 * Long threads render only the messages in and near view; the thread stays
 * keyboard-scrollable (arrows, Page Up/Down, Home, End), new messages are announced
 * through a polite live region, and **Find in conversation** (Ctrl+F inside the pane)
 * brings any match into view. Markdown (Messenger) loads its parser and sanitizer on
 * first use, showing the plain text until then. The template picker and the Transfer,
 * Conference and Wrap-up dialogs load when the browser is first idle after a conversation
 * shows, or when the agent asks for one first; importing this module alone does not
 * fetch them.
 *
 * A consult (warm transfer, started from the transfer dialog's **Consult**) shows above the
 * composer as a region marked internal: the private thread with the other agent, a
 * **Consult message** box, **Complete transfer** and **Cancel consult** (never sent to the
 * customer). Transfer and Conference show only when the backend supports them.
 *
 * @summary Chat conversation pane for Messenger and WebChat.
 * @fires cc-send - The agent sent a message; it is in the thread (a failure shows on it, with Retry). Detail: `{ interactionId, channel, text }`.
 * @fires cc-end - The conversation ended at the agent's request (wrap-up follows). Detail: `{ interactionId }`.
 * @fires cc-workflow - A triggered workflow answered. Detail: `{ interactionId, workflowId, ok, message }`.
 * @fires cc-transfer-request - The agent chose Transfer. Cancelable: unless the host calls `preventDefault()` (to show its own dialog), the pane opens its transfer dialog. Detail: `{ interactionId }`.
 * @fires cc-transfer - From the inner transfer dialog: the transfer started. Detail: `{ interactionId, target }`.
 * @fires cc-conference - From the inner conference dialog: the invitation was sent. Detail: `{ interactionId, agentId }`.
 * @fires cc-consult - A consult moved on: `started` (from the inner transfer dialog's Consult), `completed` (Complete transfer) or `cancelled` (Cancel consult). Detail: `{ interactionId, agentId, step }`.
 * @fires cc-wrapup - From the inner wrap-up dialog: wrap-up was submitted. Detail: `{ interactionId, reasonIds }`.
 * @fires cc-template-select - A template was chosen (from the inner template picker). Detail: `{ template }`.
 * @csspart header - Customer, queue, agent, date, timer and the actions.
 * @csspart actions - The action buttons.
 * @csspart thread - The message log (focusable, scrolls with the keyboard; long threads render what is in view).
 * @csspart find - The find-in-conversation bar.
 * @csspart bubble - Every message bubble.
 * @csspart customer-bubble - The customer's bubble.
 * @csspart peer-bubble - Another agent's bubble in a conference (with their name above it).
 * @csspart agent-bubble - This agent's bubble.
 * @csspart avatar - The customer's initials.
 * @csspart notice - A system notice (joined, left, transferred).
 * @csspart composer - The composer area.
 * @csspart textarea - The message box.
 * @csspart thumbnail - The thumbnail of an image in the chips of attached files; the composer takes files pasted into it or dropped on it, and shows the drop target (`[data-dropping]`) while files are dragged over it.
 * @csspart send - The Send button.
 * @csspart end - The End button.
 * @csspart error - The composer's length error, and why ending failed (in the header).
 * @csspart quick-responses - The Quick responses list that `/` at the start of a line opens, in the top layer (or its status line).
 * @csspart status - A status line under the composer: a card number masked in the copy of the draft kept for a reload.
 * @csspart template - The panel of a locked or parameterised template.
 * @csspart confirm - The end-confirmation dialog.
 * @csspart empty - The text shown when there is no conversation.
 * @csspart auto-wrapup-notice - Says that auto wrap-up took the conversation this pane showed, and with which reason.
 * @csspart consult - The internal consult region (while a consult is requested or in progress).
 * @csspart consult-internal - Its "the customer does not see this" line.
 * @csspart consult-thread - The private messages with the consulted agent.
 * @csspart consult-message - One private message.
 * @csspart consult-input - The Consult message box.
 * @csspart consult-send - Its Send button.
 * @csspart consult-complete - The Complete transfer button.
 * @csspart consult-cancel - The Cancel consult button.
 * @csspart consult-error - Why Complete transfer or Cancel consult failed.
 * @csspart consult-notice - A consult declined, unanswered, failed or cancelled (until dismissed).
 * @csspart suggestions - The Suggested replies group above the composer (with the `suggestions` capability).
 * @csspart suggestion - One suggested reply: a button that puts its text into the composer.
 * @csspart link - A link in a message (http(s), mailto, tel; opens in a new tab).
 * @csspart link-host - Where a link really goes, after its text.
 * @csspart link-warning - A link whose text names another host than it goes to: where it really goes.
 * @cssprop --cc-color-customer-bubble - Customer bubble background (grey).
 * @cssprop --cc-color-on-customer-bubble - Customer bubble text.
 * @cssprop --cc-color-peer-bubble - Bubble of another agent in a conference.
 * @cssprop --cc-color-on-peer-bubble - Its text.
 * @cssprop --cc-color-agent-bubble - Agent bubble background (blue).
 * @cssprop --cc-color-on-agent-bubble - Agent bubble text.
 * @cssprop --cc-color-avatar - Initials avatar background.
 * @cssprop --cc-color-on-avatar - Initials text.
 * @cssprop --cc-color-warning - Template warnings, unfilled parameters and the consult region's border.
 * @cssprop --cc-color-primary - Buttons and links.
 * @cssprop --cc-color-danger - Errors and failed messages.
 * @cssprop --cc-color-surface - Pane background.
 * @cssprop --cc-color-surface-alt - Header background.
 * @cssprop --cc-color-border - Pane, header and separator borders.
 * @cssprop --cc-color-field-border - Borders of the composer, find and template parameter fields (3:1, WCAG 1.4.11).
 * @cssprop --cc-color-text - Text.
 * @cssprop --cc-color-text-muted - Secondary text.
 * @cssprop --cc-radius - Corner radius.
 * @cssprop --cc-font-family - Font.
 */
@customElement('cc-chat-widget')
export class CcChatWidget extends CcStoreElement {
  static override styles = styles;

  static {
    // A long thread renders what is in view, measures it after the update and renders again
    // (a capped number of times) until the view is covered: an update that can only follow the
    // previous one, which Lit's development build would otherwise warn about.
    this.disableWarning?.('change-in-update');
  }

  /** Which chat channel this pane serves: `messenger` or `webchat`. */
  @property({ reflect: true })
  channel: ChatChannel = 'webchat';

  /** Show this interaction. Without it, the agent's active interaction of `channel`. */
  @property({ attribute: 'interaction-id' })
  interactionId: string | undefined;

  /** Most characters a message may have (R-CHAT-03). */
  @property({ type: Number, attribute: 'max-length' })
  maxLength = DEFAULT_MAX_LENGTH;


  @query('textarea')
  private textarea: HTMLTextAreaElement | null | undefined;

  @query('.thread')
  private thread: HTMLElement | null | undefined;

  @query('cc-template-picker')
  private picker: CcTemplatePicker | null | undefined;

  // The shown conversation; what the agent can see of it is read (R-CHAT-08).
  readonly #conversation = new ConversationController(this, {
    channels: () => [this.servedChannel],
    interactionId: () => this.interactionId,
    focus: () => this.focusComposer(),
  });
  readonly #end = new ConversationEnd(this, {
    store: () => this.#conversation.store,
    ended: (interactionId) => this.emit('cc-end', { interactionId }),
    canEnd: (i) => i.status === 'active',
    keys: () => this.#keys('end'),
  });

  readonly #composers = new ComposerStates(
    this,
    () => this.#conversation.store,
    () => this.#conversation.value?.id,
  );
  readonly #attachments = new ComposerAttachments({
    store: () => this.#conversation.store,
    composers: this.#composers,
    channel: () => this.servedChannel,
  });
  readonly #actions = new InteractionActionsController(this, {
    interaction: () => this.#conversation.value,
    store: () => this.#conversation.store,
    requestTransfer: (i) => this.emit('cc-transfer-request', { interactionId: i.id }, { cancelable: true }),
    consulted: (detail) => this.emit('cc-consult', detail),
  });
  #shownId: string | undefined;
  readonly #viewport = new ThreadViewport<ChatMessage>(this, { thread: () => this.thread });
  readonly #workflows = new WorkflowsMenu(this, {
    store: () => this.#conversation.store,
    channel: () => this.servedChannel,
    choose: (workflow) => {
      const i = this.#conversation.value;
      if (i) void this.#trigger(i, workflow);
    },
  });
  readonly #tools = new ComposerTools(this, {
    store: () => this.#conversation.store,
    channel: () => this.servedChannel,
    templates: () => this.#conversation.supports('templates'),
    box: () => this.textarea,
    setText: (text) => this.#whenOpen((i) => this.#composers.patch(i.id, { text })),
    insert: (template) => this.#whenOpen((i) => void this.#useTemplate(i, template)),
    id: 'composer',
  });
  readonly #suggestions = new SuggestedReplies(this, {
    store: () => this.#conversation.store,
    interaction: () => this.#conversation.value,
    composing: () => {
      const i = this.#conversation.value;
      return i !== undefined && !this.#composers.get(i.id).template;
    },
    use: (i, text) => this.#useSuggestion(i, text),
  });
  #awaitingMarkdown = false;
  /** The shown conversation's messages waiting behind a failed one, worked out once per render. */
  #waiting: ReadonlySet<string> = new Set();
  readonly #live = new LiveRegion();
  readonly #find = new FindBar(this, { noticeText: (m) => this.#rows.noticeText(m), reveal: (k) => this.#viewport.reveal(k) });
  readonly #rows = new ThreadRows({
    channel: () => this.servedChannel,
    richText: () => this.capabilities.markdown,
    receipts: () => this.capabilities.receipts,
    waiting: () => this.#waiting,
    needsMarkdown: () => this.#refreshWhenMarkdownLoads(),
    needsLinks: () => void loadLinks().then(() => this.requestUpdate(), () => undefined),
    retry: (i, m) => this.#retry(i, m),
  });

  constructor() {
    super();
    // The template picker loads when the browser is idle after a conversation shows, not with the pane: the chat path stays small.
    new PreloadController(this, () => this.#conversation.value !== undefined, ['cc-template-picker', loadTemplatePicker]);
    // R-CHAT-09: shortcuts on what this pane shows (send from the composer), and page-wide ones.
    new ShortcutController(this, {
      scope: 'element',
      handlers: {
        send: () => this.#whenOpen((i) => this.#send(i)),
        end: () => this.#whenOpen((i) => this.#end.request(i)),
        templates: () => this.#whenOpen((i) => this.#conversation.supports('templates') && this.#openTemplates(i)),
        transfer: () => this.#actions.openTransfer(),
        conference: () => this.#actions.openConference(),
      },
      isComposer: (target) => target.localName === 'textarea' || (target.localName === 'input' && target.closest('.template') !== null),
    });
    new ShortcutController(this, {
      scope: 'global',
      handlers: {
        focusComposer: () => this.#whenOpen(() => this.focusComposer()),
        // Loaded when first asked for: the chat path stays small.
        help: () => showShortcutHelp(),
      },
    });
  }

  /** Runs `action` on the shown conversation while it is open; `false` (not handled) otherwise. */
  #whenOpen(action: (i: Interaction) => void): boolean {
    const i = this.#conversation.value;
    if (!i || i.status === 'offered' || i.status === 'wrapup') return false;
    action(i);
    return true;
  }

  /** `aria-keyshortcuts` for an action's current binding. */
  #keys(action: ShortcutAction): string | typeof nothing {
    const binding = getShortcuts()[action];
    return binding ? ariaKeyShortcuts(binding) : nothing;
  }

  /** The channel whose conversations this pane shows. */
  protected get servedChannel(): ChatChannel {
    return this.channel === 'messenger' ? 'messenger' : 'webchat';
  }

  /** What the served channel supports. */
  protected get capabilities(): ChannelCapabilities {
    return capabilitiesOf(this.servedChannel);
  }

  /**
   * The unsent text in the composer for the shown interaction. Setting it replaces
   * that text (hosts can prefill an answer); nothing happens while no interaction is shown.
   */
  get draft(): string {
    const id = this.#conversation.value?.id;
    return id ? this.#composers.get(id).text : '';
  }
  set draft(text: string) {
    const id = this.#conversation.value?.id;
    if (id) this.#composers.patch(id, { text });
  }

  /** Moves keyboard focus to the composer. */
  focusComposer(): void {
    this.textarea?.focus();
  }

  // In update(), not willUpdate(): the conversation controller picks up a `.store` set after
  // connecting (as React does) in hostUpdate, which runs between the two.
  protected override update(changed: PropertyValues<this>): void {
    this.#prepare();
    super.update(changed);
  }

  /** Before each render: resets for another conversation, the live region, which messages to render. */
  #prepare(): void {
    const i = this.#conversation.value;
    if (i?.id !== this.#shownId) {
      this.#shownId = i?.id;
      this.#workflows.close();
      this.#tools.close();
      this.#find.reset();
      this.#viewport.reset();
      this.#live.reset(i?.messages);
    } else if (i) {
      this.#live.update(i.messages);
    }
    this.#waiting = i ? waitingBehindFailure(i) : new Set();
    this.#viewport.layout(i?.messages ?? []);
  }

  /** Messenger's template preview, as sanitized Markdown once the content module has loaded. */
  #richPreview(text: string) {
    this.#refreshWhenMarkdownLoads();
    return lazyMarkdown(text);
  }

  /** Renders again once Markdown has loaded, so the rendered messages are measured as shown. */
  #refreshWhenMarkdownLoads(): void {
    if (this.#awaitingMarkdown || markdownLoaded()) return;
    this.#awaitingMarkdown = true;
    loadMarkdown().then(
      () => {
        this.#awaitingMarkdown = false;
        this.requestUpdate();
      },
      () => {
        this.#awaitingMarkdown = false;
      },
    );
  }

  override render() {
    const i = this.#conversation.value;
    if (!i) return this.#conversation.renderEmpty(t('chat.empty'));
    const composer = this.#composers.get(i.id);
    return html`${this.#renderHeader(i)} ${this.#find.render(i)} ${this.#renderThread(i)} ${this.#live.render((m) => this.#rows.spoken(i, m))}
      <p class="typing" aria-live="polite">${i.customerTyping ? t('chat.typing', { name: i.customer.name }) : nothing}</p>
      ${this.#actions.consult(i)} ${i.status === 'wrapup' ? html`<p class="ended" role="status">${t('chat.ended')}</p>` : this.#renderComposer(i, composer)}
      ${this.#renderConfirm(i)} ${this.#actions.dialogs(i)}`;
  }

  #renderHeader(i: Interaction) {
    const since = i.acceptedAt ?? i.offeredAt;
    const open = i.status !== 'wrapup' && i.status !== 'offered';
    return paneHeader({
      title: i.customer.name,
      facts: [
        { label: t('chat.queue'), value: i.queue.name },
        { label: t('chat.agent'), value: this.#conversation.agentName },
        { label: t('chat.date'), value: dateFormat(getLocale(), 'date').format(since) },
        ...this.#participants(i),
      ],
      since,
      actions: open || i.status === 'wrapup' ? { label: t('chat.tools'), buttons: this.#renderActions(i, open) } : undefined,
      after: html`${this.#actions.notices(i)} ${this.#end.renderError(i)}`,
    });
  }

  /** R-X-06: while another agent takes part (a conference), who is in the conversation. */
  #participants(i: Interaction): PaneFact[] {
    const agents = i.participants.filter((p) => p.kind === 'agent');
    if (agents.length === 0) return [];
    const names = [
      ...i.participants.filter((p) => p.kind === 'customer').map((p) => t('chat.participantCustomer', { name: p.name })),
      t('chat.participantYou', { name: this.#conversation.agentName }),
      ...agents.map((p) => t('chat.participantAgent', { name: p.name })),
    ];
    return [{ label: t('chat.participants'), value: new Intl.ListFormat(getLocale(), { type: 'unit' }).format(names) }];
  }

  #renderActions(i: Interaction, open: boolean) {
    return html`${this.#actions.buttons(i)} ${open ? this.#workflows.render() : nothing}
      ${this.#end.renderButton(i)}`;
  }

  #renderThread(i: Interaction) {
    const query = this.#find.query;
    const current = this.#find.currentId;
    return html`<div
      class="thread ${this.#viewport.long ? 'long' : ''} ${i.consult?.state === 'requested' || i.consult?.state === 'started' || this.#suggestions.showing ? 'consulting' : ''}"
      part="thread"
      role="log"
      aria-live="off"
      tabindex="0"
      aria-label=${t('chat.thread', { customer: i.customer.name })}
      @scroll=${this.#viewport.onScroll}
      @keydown=${this.#viewport.onKeydown}
    >
      ${this.#viewport.render((m) => this.#rows.row(i, m, query, m.id === current))}
    </div>`;
  }

  /** The served channel's text format. */
  get #format(): 'plain' | 'markdown' {
    return this.capabilities.markdown ? 'markdown' : 'plain';
  }

  /**
   * The template applied with what the agent has filled in so far; `undefined` without a
   * template, and while the template functions load (the pane renders again once they have).
   */
  #applied(i: Interaction, composer: ComposerState): AppliedTemplate | undefined {
    const inUse = composer.template;
    if (!inUse) return undefined;
    const templates = loadedTemplates();
    if (!templates) {
      loadTemplates().then(
        () => this.requestUpdate(),
        (e: unknown) => this.#composers.notify(i.id, { kind: 'error', text: t('templates.loadFailed', { reason: reason(e) }) }),
      );
      return undefined;
    }
    const context = templates.systemContext(i, this.#conversation.agentName, getLocale());
    return templates.applyTemplate(inUse.template, context, inUse.params, { format: this.#format });
  }

  /** The text Send would send, whether it may be sent, and the `{{variables}}` left in typed text. */
  #outgoing(i: Interaction, composer: ComposerState): { text: string; count: number; ready: boolean; unresolved: string[] } {
    const applied = this.#applied(i, composer);
    const text = applied ? applied.text : composer.text;
    const unresolved = composer.template ? [] : unresolvedVariables(text);
    const count = [...text].length;
    const hasContent = text.trim().length > 0 || composer.attachments.length > 0;
    const open = i.status === 'active' || i.status.startsWith('conference');
    const templateReady = composer.template ? applied?.ready === true : unresolved.length === 0;
    const ready = hasContent && count <= this.maxLength && composer.uploading.length === 0 && templateReady && open && !customerHasLeft(i);
    return { text, count, ready, unresolved };
  }

  #renderComposer(i: Interaction, composer: ComposerState) {
    const { text, count, ready, unresolved } = this.#outgoing(i, composer);
    const over = count - this.maxLength;
    const tooLong = over > 0;
    const applied = this.#applied(i, composer);
    const left = customerHasLeft(i);
    return html`<div class="composer" part="composer" ${this.#attachments.dropTarget(i.id)}>
      ${this.#suggestions.render()}
      <div class="tools">
        ${this.#conversation.supports('templates')
          ? html`<cc-template-picker
              .store=${this.#conversation.store}
              channel=${this.servedChannel}
              @focusin=${this.#prepareTemplates}
              @cc-template-select=${(e: CcEvent<'cc-template-select'>) => void this.#useTemplate(i, e.detail.template)}
              >${customElements.get('cc-template-picker')
                ? nothing
                : html`<button class="btn secondary" aria-expanded="false" @click=${() => this.#openTemplates(i)}>${t('templates')}</button>`}</cc-template-picker
            >`
          : nothing}
        ${this.capabilities.attachments ? this.#attachments.renderButton(i.id) : nothing} ${composer.template ? nothing : this.#tools.emoji.render()}
        ${this.capabilities.markdown && !composer.template ? this.#renderFormatting() : nothing}
      </div>
      ${composer.template && applied ? this.#renderTemplate(i, composer, applied) : this.#renderTextarea(i, composer, tooLong, left)}
      <button class="btn send" part="send" ?disabled=${!ready} aria-describedby=${left ? 'left' : nothing} @click=${() => this.#send(i)}>
        ${t('send')}
      </button>
      ${left ? html`<p class="status left" part="status" id="left" role="status">${t('chat.customerLeft', { name: i.customer.name })}</p>` : nothing}
      ${this.#attachments.renderPending(i.id, composer)}
      <p class="counter" id="counter" dir="ltr">${t('chat.counter', { count, max: this.maxLength })}</p>
      ${this.renderCounterExtra(i.id, text)}
      ${tooLong
        ? html`<p class="error" part="error" id="error" role="alert">${t('chat.tooLong', { over, count, max: this.maxLength })}</p>`
        : nothing}
      ${unresolved.length > 0 ? html`<p class="warning" id="unresolved" role="status">${t('chat.unresolved', { names: unresolved.join(', ') })}</p>` : nothing}
      ${noticeLines(composer.notices)}
      ${draftMaskedNotice(this.#composers.masked(i.id))}
    </div>`;
  }

  /** R-COMP-06: a suggested reply goes into the composer (after what is typed) for editing, never straight out. */
  #useSuggestion(i: Interaction, text: string): void {
    const typed = this.#composers.get(i.id).text.trimEnd();
    this.#composers.patch(i.id, { text: typed ? `${typed} ${text}` : text });
    void this.updateComplete.then(() => {
      const box = this.textarea;
      box?.focus();
      box?.setSelectionRange(box.value.length, box.value.length);
    });
  }

  #renderTextarea(i: Interaction, composer: ComposerState, tooLong: boolean, left: boolean) {
    const quick = this.#tools.quick.boxAria();
    return html`${this.#tools.quick.render()}<label class="visually-hidden" for="composer">${t('chat.message')}</label>
      <textarea
        id="composer"
        part="textarea"
        dir=${ifDefined(typedDirection(composer.text))}
        rows="2"
        .value=${composer.text}
        placeholder=${t('chat.placeholder')}
        ?readonly=${left}
        aria-invalid=${tooLong ? 'true' : 'false'}
        aria-describedby="counter ${tooLong ? 'error' : ''} ${left ? 'left' : ''} ${unresolvedVariables(composer.text).length > 0 ? 'unresolved' : ''}"
        aria-keyshortcuts=${this.#keys('send')}
        aria-autocomplete=${ifDefined(quick.autocomplete)}
        aria-controls=${quick.controls}
        aria-activedescendant=${quick.activedescendant}
        @keydown=${this.#tools.quick.onKeydown}
        @blur=${this.#tools.quick.close}
        @input=${(e: InputEvent) => {
          this.#composers.patch(i.id, { text: (e.target as HTMLTextAreaElement).value });
          this.#tools.quick.onInput();
        }}
      ></textarea>`;
  }

  /** What a channel shows beside the character counter (the SMS pane: its segments). */
  protected renderCounterExtra(_id: string, _text: string): unknown {
    return nothing;
  }

  #renderTemplate(i: Interaction, composer: ComposerState, applied: AppliedTemplate) {
    const inUse = composer.template;
    if (!inUse) return nothing;
    return templatePanel(
      inUse,
      applied,
      {
        param: (name, value) =>
          this.#composers.patch(i.id, (s) => (s.template ? { template: { ...s.template, params: { ...s.template.params, [name]: value } } } : {})),
        remove: () => this.#composers.patch(i.id, { template: undefined }),
        edit: () => this.#editTemplate(i, applied),
      },
      this.capabilities.markdown ? this.#richPreview(applied.text) : applied.text,
    );
  }

  #renderFormatting() {
    const tool = (label: string, before: string, after: string, text: string, glyph = '') =>
      html`<button class="fmt ${glyph}" aria-label=${label} title=${label} @click=${() => this.#wrapSelection(before, after)}>${text}</button>`;
    return html`<div class="formatting" role="group" aria-label=${t('format.toolbar')}>
      ${tool(t('format.bold'), '**', '**', 'B')} ${tool(t('format.italic'), '_', '_', 'I')} ${tool(t('format.list'), '\n- ', '', '•')}
      ${tool(t('format.link'), '[', '](https://)', '↗', 'along-the-line')} ${tool(t('format.code'), '`', '`', '</>')}
    </div>`;
  }

  #renderConfirm(i: Interaction) {
    return this.#end.renderConfirm(i, {
      title: t('end.title'),
      // Messenger and SMS: the customer's consent; elsewhere the customer sees the agent leave.
      description: this.capabilities.consentToEnd ? t('end.consent') : t('end.agentLeaves'),
      label: t('end.confirm'),
      // The dialog keeps the documented `confirm` part; its confirming button is `end`.
      part: 'end',
    });
  }

  // ---- actions --------------------------------------------------------------

  #send(i: Interaction): void {
    const store = this.#conversation.store;
    const composer = this.#composers.get(i.id);
    const { text, ready } = this.#outgoing(i, composer);
    // R-CHAT-03, R-TPL-03: nothing is sent (or cut) past the limit or with a parameter unfilled.
    if (!store || !ready) return;
    this.#composers.clear(i.id);
    this.#viewport.followBottom();
    void store.send(i.id, text, { format: this.#format, attachments: composer.attachments });
    this.emit('cc-send', { interactionId: i.id, channel: i.channel, text });
    void this.updateComplete.then(() => this.focusComposer());
  }

  #retry(i: Interaction, m: ChatMessage): void {
    void this.#conversation.store?.retry(i.id, m.id).catch(() => undefined);
  }

  /** The agent reached for the templates: load what applying one needs, so a choice goes in at once. */
  readonly #prepareTemplates = (): void => {
    loadTemplates().catch(() => undefined);
  };

  /** Opens the template list (R-TPL-01), loading the picker first if it has not loaded yet. */
  #openTemplates(i: Interaction): void {
    loadTemplatePicker().then(
      async () => {
        // Re-render without the stand-in Templates button, then open the list.
        this.requestUpdate();
        await this.updateComplete;
        this.picker?.show();
      },
      (e: unknown) => this.#composers.notify(i.id, { kind: 'error', text: t('templates.loadFailed', { reason: reason(e) }) }),
    );
  }

  async #useTemplate(i: Interaction, template: MessageTemplate): Promise<void> {
    // Where the caret was when the agent opened the list: the template goes there.
    const box = this.textarea;
    const current = this.#composers.get(i.id).text;
    const start = box?.selectionStart ?? current.length;
    const end = box?.selectionEnd ?? current.length;
    // Loaded with the picker as a rule: then the template goes in at once.
    let templates = loadedTemplates();
    try {
      templates ??= await loadTemplates();
    } catch (e) {
      this.#composers.notify(i.id, { kind: 'error', text: t('templates.loadFailed', { reason: reason(e) }) });
      return;
    }
    const context = templates.systemContext(i, this.#conversation.agentName, getLocale());
    // Unknown variables stay as written: Send waits until the agent fills or removes them.
    const applied = templates.applyTemplate(template, context, {}, { format: this.#format, keepUnknown: true });
    if (template.locked || applied.params.length > 0) {
      // R-TPL-02, R-TPL-03: locked or parameterised templates replace the box until sent or removed.
      this.#composers.patch(i.id, { template: { template, params: {} } });
      await this.updateComplete;
      // Keyboard users go on where the template needs them: its first field, else Send.
      const field = this.renderRoot.querySelector<HTMLInputElement>('[part~="template"] input');
      (field ?? this.renderRoot.querySelector<HTMLButtonElement>('button[part="send"]'))?.focus();
      return;
    }
    // R-TPL-01: an attached template goes into the box at the caret, editable, apart from text before it.
    const text = this.#composers.get(i.id).text;
    const before = text.slice(0, start);
    const inserted = (before !== '' && !/\s$/.test(before) ? ' ' : '') + applied.text;
    this.#composers.patch(i.id, { text: before + inserted + text.slice(end) });
    await this.updateComplete;
    this.focusComposer();
    this.textarea?.setSelectionRange(start + inserted.length, start + inserted.length);
  }

  #editTemplate(i: Interaction, applied: AppliedTemplate): void {
    this.#composers.patch(i.id, (s) => ({ template: undefined, text: s.text ? `${s.text}\n${applied.text}` : applied.text }));
    void this.updateComplete.then(() => this.focusComposer());
  }

  #wrapSelection(before: string, after: string): void {
    const i = this.#conversation.value;
    const box = this.textarea;
    if (!i || !box) return;
    const text = this.#composers.get(i.id).text;
    const start = box.selectionStart;
    const end = box.selectionEnd;
    this.#composers.patch(i.id, { text: text.slice(0, start) + before + text.slice(start, end) + after + text.slice(end) });
    void this.updateComplete.then(() => {
      box.focus();
      box.setSelectionRange(start + before.length, end + before.length);
    });
  }

  async #trigger(i: Interaction, workflow: Workflow): Promise<void> {
    const store = this.#conversation.store;
    if (!store) return;
    let ok = false;
    let message: string;
    try {
      const result = await store.triggerWorkflow(i.id, workflow.id);
      ok = result.ok;
      message = result.message ?? '';
    } catch (e) {
      message = reason(e);
    }
    // R-CHAT-10: success and failure are both reported.
    this.#composers.notify(
      i.id,
      ok
        ? { kind: 'status', text: t('workflow.started', { name: workflow.name, message }) }
        : { kind: 'error', text: t('workflow.failed', { name: workflow.name, reason: message }) },
    );
    this.emit('cc-workflow', { interactionId: i.id, workflowId: workflow.id, ok, message });
  }

}

declare global {
  interface HTMLElementTagNameMap {
    'cc-chat-widget': CcChatWidget;
  }
}
