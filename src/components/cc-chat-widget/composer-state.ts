import type { Attachment, ChatChannel, MessageTemplate } from '../../core/types.js';

/** What each chat channel supports, as the source document gives it. */
export interface ChatFeatures {
  /** Files both ways (R-CHAT-06): Messenger and WebChat. */
  readonly attachments: boolean;
  /** Markdown composing and rendering (R-CHAT-07): Messenger. */
  readonly richText: boolean;
  /** Ending needs the customer's consent, confirmed by the agent (R-END-01): Messenger and SMS. */
  readonly consentToEnd: boolean;
}

/** Per-channel features. */
export const CHAT_FEATURES: Readonly<Record<ChatChannel, ChatFeatures>> = {
  messenger: { attachments: true, richText: true, consentToEnd: true },
  webchat: { attachments: true, richText: false, consentToEnd: false },
  sms: { attachments: false, richText: false, consentToEnd: true },
};

/** A template the agent chose that needs more than plain insertion: locked or with parameters. */
export interface TemplateInUse {
  readonly template: MessageTemplate;
  readonly params: Readonly<Record<string, string>>;
}

/** A message shown under the composer. */
export interface ComposerNotice {
  readonly kind: 'error' | 'status';
  readonly text: string;
}

/** Everything unsent in one conversation's composer: kept per interaction so nothing is lost on a switch (R-X-04). */
export interface ComposerState {
  readonly text: string;
  readonly attachments: readonly Attachment[];
  /** Names of files still uploading. */
  readonly uploading: readonly string[];
  readonly template?: TemplateInUse | undefined;
  readonly notices: readonly ComposerNotice[];
}

/** An empty composer. */
export const EMPTY_COMPOSER: ComposerState = { text: '', attachments: [], uploading: [], notices: [] };

/** Composer states by interaction id, with immutable updates. */
export class ComposerStates {
  readonly #states = new Map<string, ComposerState>();
  readonly #changed: () => void;

  constructor(changed: () => void) {
    this.#changed = changed;
  }

  get(id: string): ComposerState {
    return this.#states.get(id) ?? EMPTY_COMPOSER;
  }

  patch(id: string, change: Partial<ComposerState> | ((s: ComposerState) => Partial<ComposerState>)): void {
    const current = this.get(id);
    const next = { ...current, ...(typeof change === 'function' ? change(current) : change) };
    const empty = !next.text && next.attachments.length === 0 && next.uploading.length === 0 && !next.template && next.notices.length === 0;
    if (empty) this.#states.delete(id);
    else this.#states.set(id, next);
    this.#changed();
  }

  /** Adds a notice, replacing an identical one. */
  notify(id: string, notice: ComposerNotice): void {
    this.patch(id, (s) => ({ notices: [...s.notices.filter((n) => n.text !== notice.text), notice] }));
  }

  clear(id: string): void {
    this.#states.delete(id);
    this.#changed();
  }
}
