import { draftStorage } from '../../core/draft-storage.js';
import type { Attachment, Channel, ChatChannel, MessageTemplate } from '../../core/types.js';

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

/**
 * What of a composer survives a reload: the text, a template in use, and files already
 * uploaded to the backend. Files whose URL lives only in this page (`blob:`, `data:`, as
 * the simulated contact center gives) do not survive it and are not kept.
 */
interface PersistedComposer {
  readonly text: string;
  readonly template?: TemplateInUse | undefined;
  readonly attachments?: readonly Attachment[];
}

/** Whether an uploaded file can still be sent after a reload: its URL is not page-local. */
export function survivesReload(a: Attachment): boolean {
  return a.url !== undefined && !/^\s*(blob|data):/i.test(a.url);
}

function parseAttachment(v: unknown): Attachment | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const a = v as Partial<Record<keyof Attachment, unknown>>;
  if (typeof a.id !== 'string' || typeof a.name !== 'string' || typeof a.mimeType !== 'string' || typeof a.url !== 'string') return undefined;
  if (typeof a.size !== 'number' || !Number.isFinite(a.size) || a.size < 0) return undefined;
  const attachment: Attachment = { id: a.id, name: a.name, size: a.size, mimeType: a.mimeType, url: a.url };
  return survivesReload(attachment) ? attachment : undefined;
}

const isStringRecord = (v: unknown): v is Record<string, string> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'string');

const CHANNELS: readonly Channel[] = ['messenger', 'sms', 'webchat', 'email'];

function parseTemplate(v: unknown): MessageTemplate | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const t = v as Partial<Record<keyof MessageTemplate, unknown>>;
  if (typeof t.id !== 'string' || typeof t.name !== 'string' || typeof t.body !== 'string' || typeof t.locked !== 'boolean') return undefined;
  const channels = Array.isArray(t.channels) ? t.channels.filter((c): c is Channel => CHANNELS.includes(c as Channel)) : [];
  return { id: t.id, name: t.name, body: t.body, locked: t.locked, channels };
}

/** Validates a stored composer draft; anything malformed is rejected (and removed). */
function parseComposer(v: unknown): PersistedComposer | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const d = v as { text?: unknown; template?: { template?: unknown; params?: unknown } | null; attachments?: unknown };
  if (typeof d.text !== 'string') return undefined;
  if (d.attachments !== undefined && !Array.isArray(d.attachments)) return undefined;
  const parsed = (Array.isArray(d.attachments) ? d.attachments : []).map(parseAttachment);
  const attachments = parsed.filter((a): a is Attachment => a !== undefined);
  if (attachments.length !== parsed.length) return undefined;
  const files = attachments.length > 0 ? { attachments } : {};
  if (d.template === undefined) return { text: d.text, ...files };
  const inUse = d.template;
  const template = parseTemplate(inUse?.template);
  if (!template || !isStringRecord(inUse?.params)) return undefined;
  return { text: d.text, template: { template, params: inUse.params }, ...files };
}

const stored = draftStorage<PersistedComposer>('cc-digital-widgets:chat-draft:v1:', parseComposer);
let pruned = false;

/**
 * Composer states by interaction id, with immutable updates. Text, templates and files
 * uploaded to the backend are mirrored to `localStorage`, so they survive a reload as well
 * as a switch (R-X-04).
 */
export class ComposerStates {
  readonly #states = new Map<string, ComposerState>();
  readonly #loaded = new Set<string>();
  readonly #changed: () => void;

  constructor(changed: () => void) {
    this.#changed = changed;
    if (!pruned) {
      pruned = true;
      stored.prune();
    }
  }

  get(id: string): ComposerState {
    if (!this.#loaded.has(id)) {
      this.#loaded.add(id);
      const draft = stored.load(id);
      if (draft && !this.#states.has(id)) {
        this.#states.set(id, { ...EMPTY_COMPOSER, text: draft.text, template: draft.template, attachments: draft.attachments ?? [] });
      }
    }
    return this.#states.get(id) ?? EMPTY_COMPOSER;
  }

  patch(id: string, change: Partial<ComposerState> | ((s: ComposerState) => Partial<ComposerState>)): void {
    const current = this.get(id);
    const next = { ...current, ...(typeof change === 'function' ? change(current) : change) };
    const empty = !next.text && next.attachments.length === 0 && next.uploading.length === 0 && !next.template && next.notices.length === 0;
    if (empty) this.#states.delete(id);
    else this.#states.set(id, next);
    this.#loaded.add(id);
    const kept = next.attachments.filter(survivesReload);
    const persisted: PersistedComposer = {
      text: next.text,
      ...(next.template ? { template: next.template } : {}),
      ...(kept.length > 0 ? { attachments: kept } : {}),
    };
    stored.save(id, persisted, !next.text && !next.template && kept.length === 0);
    this.#changed();
  }

  /** Adds a notice, replacing an identical one. */
  notify(id: string, notice: ComposerNotice): void {
    this.patch(id, (s) => ({ notices: [...s.notices.filter((n) => n.text !== notice.text), notice] }));
  }

  clear(id: string): void {
    this.#states.delete(id);
    this.#loaded.add(id);
    stored.remove(id);
    this.#changed();
  }
}
