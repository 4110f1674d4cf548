import { html, nothing, type ReactiveController, type ReactiveElement, type TemplateResult } from 'lit';
import type { InteractionStore } from '../../core/store/store.js';
import type { MessageTemplate } from '../../core/types.js';
import { t } from '../../controllers/localize.js';
import type { EmojiPicker } from '../shared/emoji-picker.js';
import { emojiButton } from '../shared/emoji-button.js';
import { LazyPart, type LoadedPart } from '../shared/lazy-part.js';
import type { QuickResponses } from '../shared/quick-responses.js';

/** What the reply editor's helpers need from the editor. */
export interface EmailEditorToolsOptions {
  readonly store: () => InteractionStore | undefined;
  /** Whether templates may be used now (the backend's `templates` capability). */
  readonly templates: () => boolean;
  /** The contenteditable body. */
  readonly editor: () => HTMLElement | null;
  /** What follows a `/` typed at the start of the caret's line, else `undefined`. */
  readonly query: () => string | undefined;
  /** Takes the `/query` out and applies the chosen template. */
  readonly pick: (template: MessageTemplate) => void;
  /** Puts an emoji at the editor's caret. */
  readonly put: (emoji: string) => void;
  /** Gives the editor the focus again (the emoji pop-up closed with Escape). */
  readonly focusBack: () => void;
}

/** The helpers once their code is in. */
export interface EditorHelpers {
  readonly quick: QuickResponses;
  readonly emoji: EmojiPicker;
}

/** Fetches the code of quick responses and the emoji picker and makes the editor's helpers from it. */
export type EditorHelpersLoader = (host: ReactiveElement, options: EmailEditorToolsOptions) => Promise<LoadedPart<EditorHelpers>>;

/** The modules of quick responses and the emoji picker, fetched on first need. */
export const loadEditorHelpers: EditorHelpersLoader = async (host, options) => {
  const [{ QuickResponses, quickResponseStyles }, { EmojiPicker, emojiPickerStyles }] = await Promise.all([
    import('../shared/quick-responses.js'),
    import('../shared/emoji-picker.js'),
  ]);
  return {
    value: {
      quick: new QuickResponses(host, {
        store: options.store,
        channel: () => 'email',
        enabled: options.templates,
        box: options.editor,
        query: options.query,
        pick: options.pick,
        id: 'editor-quick',
      }),
      emoji: new EmojiPicker(host, { box: () => null, replace: () => Promise.resolve(), put: options.put, focusBack: options.focusBack, id: 'editor-emoji' }),
    },
    styles: [quickResponseStyles, emojiPickerStyles],
  };
};

/**
 * The helpers of the reply editor: quick responses typed with `/` at the start of a line
 * (R-COMP-01) and the emoji picker (R-COMP-02), both working on the contenteditable body.
 *
 * As in the chat composer (`ComposerTools`), their code is not part of the pane's first
 * load: it comes when the browser is first idle after the editor shows, or at once when
 * the agent types a `/` or clicks **Emoji** before that (the action then completes as
 * soon as it is in). Until then the toolbar shows the Emoji button alone, and a failed
 * load says why where the list or pop-up would be; the next `/` or click tries again.
 */
export class EmailEditorTools implements ReactiveController {
  readonly #options: EmailEditorToolsOptions;
  readonly #part: LazyPart<EditorHelpers>;

  constructor(host: ReactiveElement, options: EmailEditorToolsOptions, load: EditorHelpersLoader = loadEditorHelpers) {
    this.#options = options;
    this.#part = new LazyPart(host, () => load(host, options));
    host.addController(this);
  }

  hostUpdated(): void {
    if (this.#options.editor()) this.#part.preload();
  }

  /** After each edit of the body: opens, filters or closes the list (loading it first for a `/`). */
  onInput(): void {
    const loaded = this.#part.value;
    if (loaded) loaded.quick.onInput();
    else if (this.#slashTyped()) this.#part.use((l) => l.quick.onInput());
    else this.#part.clearError();
  }

  /** The body's keys while the list shows. */
  onKeydown(e: KeyboardEvent): void {
    this.#part.value?.quick.onKeydown(e);
  }

  /** Closes the list (the body lost focus). */
  closeQuick(): void {
    this.#part.value?.quick.close();
  }

  /** ARIA for the body: which list it controls and which option is active. */
  boxAria(): ReturnType<QuickResponses['boxAria']> {
    return this.#part.value?.quick.boxAria() ?? { autocomplete: this.#options.templates() ? 'list' : undefined, controls: nothing, activedescendant: nothing };
  }

  /** The Quick responses list while open, or why it could not load. */
  renderQuick(): TemplateResult | typeof nothing {
    const loaded = this.#part.value;
    if (loaded) return loaded.quick.render();
    return this.#part.error && this.#slashTyped() ? this.#renderError('quickResponses.loadFailed') : nothing;
  }

  /** The Emoji button and, while open, its pop-up (or why it could not load). */
  renderEmoji(): TemplateResult {
    const loaded = this.#part.value;
    if (loaded) return loaded.emoji.render();
    const error = this.#part.error ? this.#renderError('emoji.loadFailed') : nothing;
    return emojiButton('editor-emoji', false, () => this.#part.use((l) => l.emoji.toggle()), error);
  }

  #slashTyped(): boolean {
    return this.#options.templates() && this.#options.query() !== undefined;
  }


  #renderError(key: 'emoji.loadFailed' | 'quickResponses.loadFailed'): TemplateResult {
    return html`<p class="error" role="alert">${t(key, { reason: this.#part.error })}</p>`;
  }
}
