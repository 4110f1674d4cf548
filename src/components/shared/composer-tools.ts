import type { ReactiveElement } from 'lit';
import type { InteractionStore } from '../../core/store/store.js';
import type { Channel, MessageTemplate } from '../../core/types.js';
import { EmojiPicker } from './emoji-picker.js';
import { QuickResponses } from './quick-responses.js';

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

/**
 * The helpers of a plain-text composer: quick responses typed with `/` and the emoji
 * picker, editing the same box; each change of text leaves the focus in the box with the
 * caret after what went in.
 */
export class ComposerTools {
  readonly quick: QuickResponses;
  readonly emoji: EmojiPicker;

  constructor(host: ReactiveElement, options: ComposerToolsOptions) {
    const replace = async (text: string, caret: number): Promise<void> => {
      options.setText(text);
      await host.updateComplete;
      const box = options.box();
      box?.focus();
      box?.setSelectionRange(caret, caret);
    };
    const { store, channel, box, insert, id } = options;
    this.quick = new QuickResponses(host, { store, channel, enabled: options.templates, box, insert, replace, id: `${id}-quick` });
    this.emoji = new EmojiPicker(host, { box, replace, id: `${id}-emoji` });
  }

  /** Closes both (another conversation shows). */
  close(): void {
    this.quick.close();
    this.emoji.close();
  }
}
