import { html, nothing, type ReactiveController, type ReactiveElement, type TemplateResult } from 'lit';
import type { InteractionStore } from '../../core/store/store.js';
import type { Channel, MessageTemplate } from '../../core/types.js';
import { registerEnglish, t } from '../../controllers/localize.js';
import { enCompose } from '../../locales/en-compose.js';
import type { EmojiPicker } from './emoji-picker.js';
import { emojiButton } from './emoji-button.js';
import { LazyPart } from './lazy-part.js';
import type { QuickResponses } from './quick-responses.js';
import { slashQuery } from './slash-query.js';

registerEnglish(enCompose);

/** Options of a {@link ComposerTools}. */
export interface ComposerToolsOptions {
  readonly store: () => InteractionStore | undefined;
  /** The channel whose templates quick responses offer. */
  readonly channel: () => Channel;
  /** Whether templates may be used now (the backend's `templates` capability). */
  readonly templates: () => boolean;
  /** The composer's text box. */
  readonly box: () => HTMLTextAreaElement | null | undefined;
  /** Replaces the composer's text (the host re-renders the box with it). */
  readonly setText: (text: string) => void;
  /** Inserts a template at the caret the way the pane's Templates list does. */
  readonly insert: (template: MessageTemplate) => void;
  /** Prefix of the helpers' ids, unique in the host's shadow root. */
  readonly id: string;
}

/** The quick-responses side of {@link ComposerTools}, wired to the composer's box by the pane. */
export interface QuickResponsesHooks {
  readonly onInput: () => void;
  readonly onKeydown: (e: KeyboardEvent) => void;
  readonly close: () => void;
  readonly boxAria: QuickResponses['boxAria'];
  readonly render: () => TemplateResult | typeof nothing;
}

interface Loaded {
  readonly quick: QuickResponses;
  readonly emoji: EmojiPicker;
}

/**
 * The helpers of a plain-text composer: quick responses typed with `/` and the emoji
 * picker, editing the same box; each change of text leaves the focus in the box with the
 * caret after what went in.
 *
 * Their code is not part of the pane's first load: it comes when the browser is first idle
 * after the composer shows, or at once when the agent types a `/` or clicks **Emoji**
 * before that (the action then completes as soon as it is in). Until then the pane shows
 * the Emoji button alone, and a failed load says why where the list or pop-up would be.
 */
export class ComposerTools implements ReactiveController {
  readonly #options: ComposerToolsOptions;
  readonly #part: LazyPart<Loaded>;

  readonly quick: QuickResponsesHooks = {
    onInput: () => {
      const loaded = this.#part.value;
      if (loaded) loaded.quick.onInput();
      else if (this.#slashTyped()) this.#part.use((l) => l.quick.onInput());
      else this.#part.clearError();
    },
    onKeydown: (e) => this.#part.value?.quick.onKeydown(e),
    close: () => this.#part.value?.quick.close(),
    boxAria: () =>
      this.#part.value?.quick.boxAria() ?? { autocomplete: this.#options.templates() ? 'list' : undefined, controls: nothing, activedescendant: nothing },
    render: () => this.#part.value?.quick.render() ?? (this.#part.error && this.#slashTyped() ? this.#renderError('quickResponses.loadFailed') : nothing),
  };

  readonly emoji: { readonly render: () => TemplateResult } = {
    render: () => {
      const loaded = this.#part.value;
      if (loaded) return loaded.emoji.render();
      const error = this.#part.error ? this.#renderError('emoji.loadFailed') : nothing;
      return emojiButton(this.#options.id + '-emoji', false, () => this.#part.use((l) => l.emoji.toggle()), error);
    },
  };

  constructor(host: ReactiveElement, options: ComposerToolsOptions) {
    this.#options = options;
    this.#part = new LazyPart(host, async () => {
      const [{ QuickResponses, quickResponseStyles }, { EmojiPicker, emojiPickerStyles }] = await Promise.all([
        import('./quick-responses.js'),
        import('./emoji-picker.js'),
      ]);
      const replace = async (text: string, caret: number): Promise<void> => {
        options.setText(text);
        await host.updateComplete;
        const box = options.box();
        box?.focus();
        box?.setSelectionRange(caret, caret);
      };
      const { store, channel, box, insert, id } = options;
      return {
        value: {
          quick: new QuickResponses(host, { store, channel, enabled: options.templates, box, insert, replace, id: `${id}-quick` }),
          emoji: new EmojiPicker(host, { box, replace, id: `${id}-emoji` }),
        },
        styles: [quickResponseStyles, emojiPickerStyles],
      };
    });
    host.addController(this);
  }

  hostUpdated(): void {
    if (this.#options.box()) this.#part.preload();
  }

  /** Closes both (another conversation shows). */
  close(): void {
    this.#part.value?.quick.close();
    this.#part.value?.emoji.close();
    this.#part.clearError();
  }

  #slashTyped(): boolean {
    const box = this.#options.box();
    return this.#options.templates() && box instanceof HTMLTextAreaElement && box.selectionStart === box.selectionEnd && slashQuery(box.value, box.selectionStart) !== undefined;
  }


  #renderError(key: 'emoji.loadFailed' | 'quickResponses.loadFailed'): TemplateResult {
    return html`<p class="error" role="alert">${t(key, { reason: this.#part.error })}</p>`;
  }
}
