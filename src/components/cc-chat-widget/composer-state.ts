import type { ReactiveControllerHost } from 'lit';
import type { DraftKind } from '../../core/drafts/draft-book.js';
import type { InteractionStore } from '../../core/store/store.js';
import { isChannel, type Attachment, type MessageTemplate } from '../../core/types.js';
import { DraftFollower } from '../shared/draft-follower.js';
import { withNotice, type Notice } from '../shared/notices.js';

/** A template the agent chose that needs more than plain insertion: locked or with parameters. */
export interface TemplateInUse {
  readonly template: MessageTemplate;
  readonly params: Readonly<Record<string, string>>;
}

/** Everything unsent in one conversation's composer: kept per interaction so nothing is lost on a switch (R-X-04). */
export interface ComposerState {
  readonly text: string;
  readonly attachments: readonly Attachment[];
  /** Names of files still uploading. */
  readonly uploading: readonly string[];
  readonly template?: TemplateInUse | undefined;
  readonly notices: readonly Notice[];
}

const VARIABLE = /\{\{([^{}\n]+)\}\}/g;

/**
 * The `{{name}}` placeholders still in a message, as written, each once: a template
 * variable nobody could fill. Such a message must not be sent until the agent fills or
 * removes them.
 */
export function unresolvedVariables(text: string): string[] {
  return [...new Set(Array.from(text.matchAll(VARIABLE), (m) => m[0]))];
}

/** An empty composer. */
export const EMPTY_COMPOSER: ComposerState = { text: '', attachments: [], uploading: [], notices: [] };

/**
 * The part of a composer that is the draft, kept by the store (R-X-04): the text, a
 * template in use, and attached files. Uploads in progress and notices belong to the pane.
 */
export interface ChatDraft {
  readonly text: string;
  readonly template?: TemplateInUse | undefined;
  readonly attachments: readonly Attachment[];
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

function parseTemplate(v: unknown): MessageTemplate | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const t = v as Partial<Record<keyof MessageTemplate, unknown>>;
  if (typeof t.id !== 'string' || typeof t.name !== 'string' || typeof t.body !== 'string' || typeof t.locked !== 'boolean') return undefined;
  const channels = Array.isArray(t.channels) ? t.channels.filter(isChannel) : [];
  return { id: t.id, name: t.name, body: t.body, locked: t.locked, channels };
}

/** Validates a stored composer draft; anything malformed is rejected (and removed). */
function parseComposer(v: unknown): ChatDraft | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const d = v as { text?: unknown; template?: { template?: unknown; params?: unknown } | null; attachments?: unknown };
  if (typeof d.text !== 'string') return undefined;
  if (d.attachments !== undefined && !Array.isArray(d.attachments)) return undefined;
  const parsed = (Array.isArray(d.attachments) ? d.attachments : []).map(parseAttachment);
  const attachments = parsed.filter((a): a is Attachment => a !== undefined);
  if (attachments.length !== parsed.length) return undefined;
  if (d.template === undefined) return { text: d.text, attachments };
  const inUse = d.template;
  const template = parseTemplate(inUse?.template);
  if (!template || !isStringRecord(inUse?.params)) return undefined;
  return { text: d.text, template: { template, params: inUse.params }, attachments };
}

/**
 * What a reload keeps of a chat draft: the text, a template in use, and files uploaded to
 * the backend. Files whose URL lives only in this page (`blob:`, `data:`, as the simulated
 * contact center gives) cannot survive it and are not stored.
 */
function storedComposer(d: ChatDraft): unknown {
  const kept = d.attachments.filter(survivesReload);
  if (!d.text && !d.template && kept.length === 0) return undefined;
  return { text: d.text, ...(d.template ? { template: d.template } : {}), ...(kept.length > 0 ? { attachments: kept } : {}) };
}

/** Chat, SMS and WebChat drafts in the store's {@link InteractionStore.drafts}. */
export const CHAT_DRAFT: DraftKind<ChatDraft> = { name: 'chat', parse: parseComposer, stored: storedComposer };

/** What of a composer is the pane's own, never stored. */
type ComposerLocal = Pick<ComposerState, 'uploading' | 'notices'>;

/**
 * Composer states by interaction id, with immutable updates. The draft (text, template,
 * files) is the store's, so it survives a switch, a new pane and a reload (R-X-04) and goes
 * once the interaction ends; uploads in progress and notices stay with this pane.
 * Re-renders its host when the shown interaction's draft changes in the store.
 */
export class ComposerStates {
  readonly #host: ReactiveControllerHost;
  readonly #store: () => InteractionStore | undefined;
  readonly #local = new Map<string, ComposerLocal>();
  readonly #merged = new Map<string, { readonly draft: ChatDraft | undefined; readonly local: ComposerLocal | undefined; readonly state: ComposerState }>();

  /** `store` gives the store in use, `shown` the id of the interaction the host shows. */
  constructor(host: ReactiveControllerHost, store: () => InteractionStore | undefined, shown: () => string | undefined) {
    this.#host = host;
    this.#store = store;
    new DraftFollower(host, { store, shown });
  }

  get(id: string): ComposerState {
    const draft = this.#store()?.drafts.get(CHAT_DRAFT, id);
    const local = this.#local.get(id);
    const cached = this.#merged.get(id);
    if (cached && cached.draft === draft && cached.local === local) return cached.state;
    const state: ComposerState = draft || local ? { ...EMPTY_COMPOSER, ...draft, ...local } : EMPTY_COMPOSER;
    this.#merged.set(id, { draft, local, state });
    return state;
  }

  /** True once a card number was masked in the stored copy of this interaction's draft. */
  masked(id: string): boolean {
    return this.#store()?.drafts.masked(id) ?? false;
  }

  patch(id: string, change: Partial<ComposerState> | ((s: ComposerState) => Partial<ComposerState>)): void {
    const current = this.get(id);
    const next = { ...current, ...(typeof change === 'function' ? change(current) : change) };
    const drafts = this.#store()?.drafts;
    if (next.text !== current.text || next.template !== current.template || next.attachments !== current.attachments) {
      if (!next.text && next.attachments.length === 0 && !next.template) drafts?.delete(id);
      else drafts?.set(CHAT_DRAFT, id, { text: next.text, template: next.template, attachments: next.attachments });
    }
    if (next.uploading.length === 0 && next.notices.length === 0) this.#local.delete(id);
    else this.#local.set(id, { uploading: next.uploading, notices: next.notices });
    this.#host.requestUpdate();
  }

  /** Adds a notice, replacing an identical one. */
  notify(id: string, notice: Notice): void {
    this.patch(id, (s) => ({ notices: withNotice(s.notices, notice) }));
  }

  /** Forgets the draft (it was sent) and the pane's notices. */
  clear(id: string): void {
    this.#local.delete(id);
    this.#store()?.drafts.delete(id);
    this.#host.requestUpdate();
  }
}
