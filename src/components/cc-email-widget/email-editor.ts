import { html, nothing, type ReactiveElement, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { InteractionStore } from '../../core/store/store.js';
import type { Attachment, MessageTemplate } from '../../core/types.js';
import { t } from '../../controllers/localize.js';
import { EmailEditorTools } from './email-editor-tools.js';
import { blockedImageCount, draftFragment, dropBlockedImages, editorHtml, sanitizedFragment, takeDataImages, textOf } from './email-html.js';

type FormatCommand = 'bold' | 'italic' | 'underline' | 'insertUnorderedList' | 'insertOrderedList';

const LINK_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

function selectionIn(root: ShadowRoot): Selection | null {
  // Chromium exposes the selection inside a shadow tree on the root; elsewhere the document's selection holds it.
  const scoped = (root as ShadowRoot & { getSelection?: () => Selection | null }).getSelection;
  return scoped ? scoped.call(root) : document.getSelection();
}

/** What the editor needs from its pane. */
export interface EmailEditorOptions {
  /** Id of the shown interaction and its draft's body and files, to load into the editor. */
  readonly draft: () => { readonly id: string; readonly html: string; readonly attachments: readonly Attachment[] } | undefined;
  /** The agent changed the body: `read` gives it as draft HTML for the draft's files. */
  readonly changed: (read: (attachments: readonly Attachment[]) => string) => void;
  /** Files dropped on or pasted into the editor; images among them go inline. */
  readonly dropped: (files: readonly File[]) => void;
  /** Pasted markup held `count` images that cannot be sent (remote, or without a source): they were left out. */
  readonly imagesRemoved: (count: number) => void;
  /** Opens the picker of images to insert. */
  readonly pickImage: () => void;
  /** Whether images can be inserted (the backend takes files); the toolbar's image button shows only then. */
  readonly canInsertImages: () => boolean;
  /** The store listing the email templates that `/` at the start of a line offers (R-COMP-01). */
  readonly store: () => InteractionStore | undefined;
  /** Whether templates may be used now (the backend's `templates` capability). */
  readonly templates: () => boolean;
  /** Applies a template chosen by `/` as the pane's Templates picker does. */
  readonly useTemplate: (template: MessageTemplate) => void;
}

/** Block elements of the editor: a `/` counts at the start of one of these, or after a line break. */
const BLOCKS = new Set(['DIV', 'P', 'LI', 'BLOCKQUOTE', 'PRE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'TD']);

/** How the editor element shows the pane's state. */
export interface EditorState {
  readonly sending: boolean;
  /** Id of the element explaining why the body is invalid (card numbers, R-MAIL-16). */
  readonly invalidBy: string | undefined;
  readonly keydown: (e: KeyboardEvent) => void;
}

/**
 * The rich-text editor of a standard reply (R-MAIL-04): a contenteditable body loaded from
 * the draft only through the sanitizer, the formatting toolbar, the insert-link form,
 * sanitized paste and drop, and the caret kept across toolbar clicks, so that an image or
 * link lands where the agent left off.
 */
export class EmailEditor {
  readonly #host: ReactiveElement;
  readonly #options: EmailEditorOptions;
  /** The insert-link form, while open. */
  #link: { readonly url: string; readonly error: boolean } | undefined;
  /** Bumped whenever the body changes other than by typing, so the editor is loaded again. */
  #bodyRevision = 0;
  #editorLoaded: { readonly editor: HTMLElement; readonly key: string } | undefined;
  #savedRange: Range | undefined;

  /**
   * The toolbar's Emoji picker (emoji go in at the editor's caret, R-COMP-02) and quick
   * responses (`/` at the start of a line lists the email templates, R-COMP-01), loaded on first need.
   */
  readonly #tools: EmailEditorTools;

  constructor(host: ReactiveElement, options: EmailEditorOptions) {
    this.#host = host;
    this.#options = options;
    this.#tools = new EmailEditorTools(host, {
      store: options.store,
      templates: options.templates,
      editor: () => this.#editor,
      query: () => this.#slash()?.query,
      pick: (template) => this.#pickTemplate(template),
      put: (emoji) => {
        this.insertAtCaret(document.createTextNode(emoji));
        this.#editor?.focus();
      },
      focusBack: () => this.#editor?.focus(),
    });
  }

  /** The `/query` typed at the start of the caret's line (its block, or after a line break), as a range ending at the caret. */
  #slash(): { readonly range: Range; readonly query: string } | undefined {
    const editor = this.#editor;
    const root = this.#host.shadowRoot;
    const selection = root ? selectionIn(root) : null;
    const caret = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : undefined;
    if (!editor || !caret?.collapsed || !editor.contains(caret.startContainer)) return undefined;
    let block: Node = caret.startContainer;
    while (block !== editor && !(block instanceof HTMLElement && BLOCKS.has(block.tagName)) && block.parentNode) block = block.parentNode;
    const line = document.createRange();
    line.setStart(block, 0);
    line.setEnd(caret.startContainer, caret.startOffset);
    // The line starts after the last line break (or nested block) before the caret.
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_ELEMENT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!line.intersectsNode(node) || !(node instanceof HTMLElement)) continue;
      if (node.tagName === 'BR' || BLOCKS.has(node.tagName)) {
        const after = document.createRange();
        after.setStartAfter(node);
        if (line.compareBoundaryPoints(Range.START_TO_START, after) < 0 && after.comparePoint(caret.startContainer, caret.startOffset) >= 0) line.setStartAfter(node);
      }
    }
    const match = /^\/([^\s/]*)$/u.exec(line.toString());
    return match ? { range: line, query: match[1] ?? '' } : undefined;
  }

  /** A quick response was chosen: the `/query` goes, then the template applies as from the Templates picker. */
  #pickTemplate(template: MessageTemplate): void {
    const slash = this.#slash();
    if (slash) {
      slash.range.deleteContents();
      this.#sync();
    }
    this.#options.useTemplate(template);
  }

  get #editor(): HTMLElement | null {
    return this.#host.renderRoot.querySelector<HTMLElement>('#editor');
  }

  set #linkForm(link: { readonly url: string; readonly error: boolean } | undefined) {
    if (link === this.#link) return;
    this.#link = link;
    this.#host.requestUpdate();
  }

  /** The body changed other than by typing (a mode switch, a template, a discarded or restored draft): load it again after the next render. */
  reload(): void {
    this.#bodyRevision++;
  }

  /** Another interaction is shown: the link form and the caret belong to the previous one. */
  reset(): void {
    this.#link = undefined;
    this.#savedRange = undefined;
  }

  /** Closes the link form and loads the body again (the draft was discarded). */
  clear(): void {
    this.#linkForm = undefined;
    this.reload();
  }

  async #focusAfterUpdate(selector: string): Promise<void> {
    await this.#host.updateComplete;
    this.#host.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  /** Loads the draft into the editor when the editor is new, the interaction changed, or the body changed other than by typing. */
  load(): void {
    const editor = this.#editor;
    const draft = this.#options.draft();
    if (!draft || !editor) {
      this.#editorLoaded = undefined;
      return;
    }
    const key = `${draft.id}\n${this.#bodyRevision}`;
    if (this.#editorLoaded?.editor === editor && this.#editorLoaded.key === key) return;
    // The draft is untrusted (typed, pasted, restored from storage): it reaches the editor only through the sanitizer.
    editor.replaceChildren(draftFragment(draft.html, draft.attachments));
    this.#editorLoaded = { editor, key };
    this.#savedRange = undefined;
  }

  readonly #sync = (): void => {
    const editor = this.#editor;
    if (editor) this.#options.changed((attachments) => editorHtml(editor, attachments));
  };

  readonly #onInput = (): void => {
    this.#sync();
    this.#tools.onInput();
  };

  readonly #onBlur = (): void => {
    this.#saveRange();
    this.#tools.closeQuick();
  };

  readonly #keepFocus = (e: Event): void => {
    // A mouse press on a formatting button must not take focus (and the selection) from the editor.
    e.preventDefault();
  };

  readonly #saveRange = (): void => {
    const editor = this.#editor;
    const root = this.#host.shadowRoot;
    if (!editor || !root) return;
    const selection = selectionIn(root);
    const range = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : undefined;
    if (range && editor.contains(range.commonAncestorContainer)) this.#savedRange = range.cloneRange();
  };

  /** Focuses the editor with the caret where it was (or at the end), and returns the range. */
  #restoreRange(editor: HTMLElement): Range | undefined {
    const root = this.#host.shadowRoot;
    if (!root) return undefined;
    editor.focus();
    const selection = selectionIn(root);
    const current = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : undefined;
    if (current && editor.contains(current.commonAncestorContainer) && !this.#savedRange) return current;
    let range = this.#savedRange;
    if (!range || !editor.contains(range.commonAncestorContainer)) {
      range = document.createRange();
      range.selectNodeContents(editor);
      range.collapse(false);
    }
    selection?.removeAllRanges();
    selection?.addRange(range);
    this.#savedRange = undefined;
    return range;
  }

  #format(command: FormatCommand): void {
    const editor = this.#editor;
    if (!editor) return;
    this.#restoreRange(editor);
    // execCommand keeps the browser's undo history; its output is sanitized like all the editor holds.
    document.execCommand(command);
    this.#sync();
  }

  readonly #openLinkForm = (): void => {
    this.#saveRange();
    this.#linkForm = { url: 'https://', error: false };
    void this.#focusAfterUpdate('#link-url');
  };

  readonly #closeLinkForm = (): void => {
    this.#linkForm = undefined;
    const editor = this.#editor;
    if (editor) this.#restoreRange(editor);
  };

  readonly #onLinkKeydown = (e: KeyboardEvent): void => {
    if (e.key === 'Enter' && !e.isComposing) {
      e.preventDefault();
      this.#insertLink();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      this.#closeLinkForm();
    }
  };

  readonly #insertLink = (): void => {
    const editor = this.#editor;
    const url = this.#link?.url.trim() ?? '';
    let href: string | undefined;
    try {
      const parsed = new URL(url);
      href = LINK_SCHEMES.has(parsed.protocol) && url !== 'https://' ? parsed.href : undefined;
    } catch {
      href = undefined;
    }
    if (!href) {
      this.#linkForm = { url, error: true };
      return;
    }
    this.#linkForm = undefined;
    if (!editor) return;
    const range = this.#restoreRange(editor);
    if (!range || range.collapsed) {
      // No text selected: the address itself becomes the link text.
      const a = document.createElement('a');
      a.href = href;
      a.textContent = url;
      this.insertAtCaret(a);
      return;
    }
    document.execCommand('createLink', false, href);
    this.#sync();
  };

  readonly #pickImage = (): void => {
    this.#saveRange();
    this.#options.pickImage();
  };

  /** Puts a node at the caret (or the end of the body) and keeps the draft in step. */
  insertAtCaret(node: Node): void {
    const editor = this.#editor;
    if (!editor) return;
    const range = this.#restoreRange(editor);
    if (!range) return;
    // A fragment empties itself into the document: the caret goes after its last node.
    const last = node instanceof DocumentFragment ? node.lastChild : node;
    range.deleteContents();
    range.insertNode(node);
    if (last?.parentNode) {
      range.setStartAfter(last);
      range.collapse(true);
    }
    this.#sync();
  }

  readonly #onPaste = (e: ClipboardEvent): void => {
    const data = e.clipboardData;
    if (!data) return;
    e.preventDefault();
    const files = [...data.files];
    const markup = data.getData('text/html');
    // Pasted markup is untrusted: it goes through the email sanitizer.
    const fragment = markup ? sanitizedFragment(markup) : undefined;
    if (files.length > 0 && (!fragment || textOf(fragment.cloneNode(true)) === '')) {
      // An image (or file) copied by itself: uploaded within the attachment limits, images inline at the caret.
      this.#saveRange();
      this.#options.dropped(files);
      return;
    }
    if (fragment) {
      this.#saveRange();
      // Images embedded in the markup are uploaded like pasted files; remote ones cannot be sent and are left out, saying so.
      const embedded = takeDataImages(fragment, 'pasted-image');
      const removed = blockedImageCount(fragment);
      this.insertAtCaret(dropBlockedImages(fragment));
      if (embedded.length > 0) this.#options.dropped(embedded);
      if (removed > 0) this.#options.imagesRemoved(removed);
    } else {
      document.execCommand('insertText', false, data.getData('text/plain'));
      this.#sync();
    }
  };

  readonly #onDrop = (e: DragEvent): void => {
    const data = e.dataTransfer;
    if (!data) return;
    e.preventDefault();
    const files = [...data.files];
    if (files.length > 0) {
      this.#options.dropped(files);
      return;
    }
    const text = data.getData('text/plain');
    if (text) {
      document.execCommand('insertText', false, text);
      this.#sync();
    }
  };

  /** The formatting toolbar. */
  renderToolbar(): TemplateResult {
    const tool = (label: string, glyph: string, command: FormatCommand) =>
      html`<button class="fmt" aria-label=${label} title=${label} @mousedown=${this.#keepFocus} @click=${() => this.#format(command)}>${glyph}</button>`;
    return html`<div class="formatting" part="toolbar" role="group" aria-label=${t('format.toolbar')}>
      ${tool(t('format.bold'), 'B', 'bold')} ${tool(t('format.italic'), 'I', 'italic')} ${tool(t('email.format.underline'), 'U', 'underline')}
      ${tool(t('format.list'), '•', 'insertUnorderedList')} ${tool(t('email.format.numbered'), '#', 'insertOrderedList')}
      <button
        class="fmt along-the-line"
        aria-label=${t('format.link')}
        title=${t('format.link')}
        aria-expanded=${this.#link ? 'true' : 'false'}
        @mousedown=${this.#keepFocus}
        @click=${this.#openLinkForm}
      >
        ↗
      </button>
      ${this.#options.canInsertImages()
        ? html`<button class="fmt" aria-label=${t('email.format.image')} title=${t('email.format.image')} @mousedown=${this.#keepFocus} @click=${this.#pickImage}>
            ▣
          </button>`
        : nothing}
      ${this.#tools.renderEmoji()}
    </div>`;
  }

  /** The insert-link form, while open. */
  renderLinkForm(): TemplateResult | typeof nothing {
    const link = this.#link;
    if (!link) return nothing;
    return html`<div class="link-form" role="group" aria-label=${t('format.link')}>
      <label for="link-url">${t('email.link.address')}</label>
      <input
        id="link-url"
        type="url"
        .value=${link.url}
        aria-invalid=${link.error ? 'true' : 'false'}
        aria-describedby=${link.error ? 'link-error' : nothing}
        @input=${(e: InputEvent) => (this.#linkForm = { url: (e.target as HTMLInputElement).value, error: false })}
        @keydown=${this.#onLinkKeydown}
      />
      <button class="btn secondary" @click=${this.#insertLink}>${t('email.link.insert')}</button>
      <button class="btn secondary" @click=${this.#closeLinkForm}>${t('cancel')}</button>
      ${link.error ? html`<p class="error" id="link-error" role="alert">${t('email.link.invalid')}</p>` : nothing}
    </div>`;
  }

  /** The editor element (and its Quick responses list, while open). */
  renderEditor(state: EditorState): TemplateResult {
    const quick = this.#tools.boxAria();
    return html`${this.#tools.renderQuick()}<div
      id="editor"
      class="editor"
      part="editor"
      contenteditable=${state.sending ? 'false' : 'true'}
      role="textbox"
      aria-multiline="true"
      aria-label=${t('email.body')}
      aria-invalid=${state.invalidBy ? 'true' : 'false'}
      aria-describedby=${state.invalidBy ?? nothing}
      aria-autocomplete=${ifDefined(quick.autocomplete)}
      aria-controls=${quick.controls}
      aria-activedescendant=${quick.activedescendant}
      @input=${this.#onInput}
      @blur=${this.#onBlur}
      @paste=${this.#onPaste}
      @drop=${this.#onDrop}
      @keydown=${(e: KeyboardEvent) => {
        this.#tools.onKeydown(e);
        if (!e.defaultPrevented) state.keydown(e);
      }}
    ></div>`;
  }
}
