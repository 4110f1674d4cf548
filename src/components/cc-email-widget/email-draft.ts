/**
 * The email composer's model, as pure functions: reply modes and how switching between
 * them fills To, Cc and Subject (R-MAIL-07…10), subject prefixes, address lists and
 * their validation (R-MAIL-11). No DOM, no store: everything here is unit-tested alone.
 * @packageDocumentation
 */
import { isChannel, type Attachment, type MessageTemplate } from '../../core/types.js';

/** The three standard-reply modes (R-MAIL-07, R-MAIL-08, R-MAIL-09). */
export type ReplyMode = 'reply' | 'reply-all' | 'forward';

/** What the composer is doing: the plain quick reply (R-MAIL-03) or a standard reply. */
export type ComposeMode = 'quick' | ReplyMode;

/** Every standard-reply mode, in the order the buttons show them. */
export const REPLY_MODES: readonly ReplyMode[] = ['reply', 'reply-all', 'forward'];

/** The email a draft answers: the latest inbound email of the thread (R-MAIL-05). */
export interface ReplySource {
  readonly id: string;
  readonly from: string;
  readonly to: readonly string[];
  readonly cc: readonly string[];
  readonly subject: string;
}

/** The address fields as the agent sees them: comma-separated text. */
export interface ComposeFields {
  readonly to: string;
  readonly cc: string;
  readonly subject: string;
}

/** A template chosen in the standard reply that is locked or has parameters (R-TPL-02, R-TPL-03). */
export interface DraftTemplate {
  readonly template: MessageTemplate;
  readonly params: Readonly<Record<string, string>>;
}

/**
 * Everything unsent for one email interaction (R-X-04). Plain JSON: the store keeps it
 * (card numbers masked) where its draft store says, and reads it back through {@link parseDraft}.
 */
export interface EmailDraft extends ComposeFields {
  readonly mode: ComposeMode;
  /** Id of the email this draft answers; Send is blocked while it is not the latest (R-MAIL-06). */
  readonly inReplyTo: string;
  /** The quick reply's text (R-MAIL-03). */
  readonly quickText: string;
  /** The agent opened the Cc field in Reply mode (it always shows in Reply all and Forward). */
  readonly ccOpen: boolean;
  /** Blind copies, as the agent typed them. */
  readonly bcc: string;
  /** The agent opened the Bcc field. */
  readonly bccOpen: boolean;
  /** The mailbox chosen in **From**; empty for the default, the mailbox the answered email was sent to. */
  readonly from: string;
  /** The signature was put in the body once: it is not inserted again (the agent may have edited or removed it). */
  readonly signed: boolean;
  /** The standard reply's body, as the editor wrote it. Untrusted: sanitized whenever it is shown or sent. */
  readonly html: string;
  /** Id of the email whose content the body already carries as a forwarded message. */
  readonly forwardedId: string | null;
  /** Uploaded files; inline images carry a `contentId` the body refers to as `cid:`. */
  readonly attachments: readonly Attachment[];
  readonly template: DraftTemplate | null;
}

/** A new draft answering `source`. */
export function emptyDraft(source: Pick<ReplySource, 'id'>): EmailDraft {
  return { mode: 'quick', inReplyTo: source.id, quickText: '', to: '', cc: '', subject: '', ccOpen: false, bcc: '', bccOpen: false, from: '', signed: false, html: '', forwardedId: null, attachments: [], template: null };
}

/** True when a draft holds nothing the agent would lose. */
export function isEmptyDraft(d: EmailDraft): boolean {
  return d.mode === 'quick' && d.quickText.trim() === '' && d.attachments.length === 0 && d.template === null;
}

// ---- subjects ------------------------------------------------------------------------

const REPLY_PREFIX = /^\s*(?:re|aw|sv|回复|答复)\s*[:：]/iu;
const FORWARD_PREFIX = /^\s*(?:fwd?|wg|转发)\s*[:：]/iu;

/** `Re: subject`, unless the subject already starts with a reply prefix (Re:, RE:, 回复：…). */
export function replySubject(subject: string): string {
  const s = subject.trim();
  return REPLY_PREFIX.test(s) ? s : `Re: ${s}`.trim();
}

/** `Fwd: subject`, unless the subject already starts with a forward prefix (Fwd:, FW:, 转发：…). */
export function forwardSubject(subject: string): string {
  const s = subject.trim();
  return FORWARD_PREFIX.test(s) ? s : `Fwd: ${s}`.trim();
}

// ---- addresses -----------------------------------------------------------------------

/**
 * One address: no spaces, quotes, brackets or separators in the local part; a domain of
 * letter-or-digit labels (Unicode letters allowed) ending in a top-level domain of 2+ letters.
 */
const ADDRESS = /^[^\s@<>()[\]\\,;:"]+@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}{2,}$/u;

/** True for one well-formed email address. */
export function isEmailAddress(address: string): boolean {
  return ADDRESS.test(address);
}

/** The addresses of a To or Cc field: separated by commas, semicolons or new lines; blanks dropped. */
export function parseAddresses(value: string): string[] {
  return value
    .split(/[,;\n]+/)
    .map((a) => a.trim())
    .filter(Boolean);
}

/** Addresses of a field that are not well formed, each once, in order (R-MAIL-11). */
export function invalidAddresses(value: string): string[] {
  return [...new Set(parseAddresses(value).filter((a) => !isEmailAddress(a)))];
}

/** A list of addresses as field text. */
export function formatAddresses(addresses: readonly string[]): string {
  return addresses.join(', ');
}

function unique(addresses: readonly string[], except: ReadonlySet<string>): string[] {
  const seen = new Set(except);
  const out: string[] = [];
  for (const a of addresses) {
    const key = a.trim().toLowerCase();
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push(a.trim());
  }
  return out;
}

function lowerSet(addresses: Iterable<string>): Set<string> {
  return new Set([...addresses].map((a) => a.trim().toLowerCase()));
}

/** Reply: the sender of the answered email. */
function replyTo(source: ReplySource): string[] {
  return unique([source.from], new Set());
}

/** Reply all: the sender and the other To recipients, never the contact center's own mailbox. */
function replyAllTo(source: ReplySource, own: ReadonlySet<string>): string[] {
  return unique([source.from, ...source.to], lowerSet(own));
}

/** Reply all: the original Cc, without the own mailbox or anyone already in To. */
function replyAllCc(source: ReplySource, own: ReadonlySet<string>): string[] {
  return unique(source.cc, lowerSet([...own, ...replyAllTo(source, own)]));
}

// ---- modes (R-MAIL-07…10) ------------------------------------------------------------

/**
 * The To, Cc and Subject fields after switching from mode `from` to mode `to`, answering
 * `source`. `own` holds the contact center's own addresses (left out of Reply all).
 * The body is not a field: every switch keeps it as the draft.
 *
 * | from → to | To | Cc |
 * |---|---|---|
 * | quick → Reply | refilled | cleared |
 * | quick → Reply all | refilled | original Cc |
 * | quick → Forward | cleared | cleared |
 * | Reply → Reply all | refilled | original Cc (editable) |
 * | Reply → Forward | cleared | cleared |
 * | Reply all → Forward | cleared | cleared |
 * | Reply all → Reply | refilled | cleared |
 * | Forward → Reply | refilled | kept |
 * | Forward → Reply all | refilled | original Cc |
 *
 * Subject is `Re: …` in Reply and Reply all (read-only there) and `Fwd: …` in Forward,
 * never doubled. Switching to the mode already in use changes nothing.
 */
export function switchMode(from: ComposeMode, fields: ComposeFields, to: ReplyMode, source: ReplySource, own: ReadonlySet<string> = new Set()): ComposeFields {
  if (from === to) return fields;
  switch (to) {
    case 'reply':
      return {
        to: formatAddresses(replyTo(source)),
        cc: from === 'forward' ? fields.cc : '',
        subject: replySubject(source.subject),
      };
    case 'reply-all':
      return {
        to: formatAddresses(replyAllTo(source, own)),
        cc: formatAddresses(replyAllCc(source, own)),
        subject: replySubject(source.subject),
      };
    case 'forward':
      return { to: '', cc: '', subject: forwardSubject(source.subject) };
  }
}

/** Whether the agent may edit a field in a mode: To and Subject are read-only in Reply and Reply all (R-MAIL-07, R-MAIL-08). */
export function isEditable(mode: ComposeMode, field: keyof ComposeFields | 'bcc'): boolean {
  if (field === 'cc' || field === 'bcc') return true;
  return mode === 'forward';
}

/** Whether the Bcc field shows: in a standard reply, once opened or filled. */
export function showsBcc(draft: Pick<EmailDraft, 'mode' | 'bcc' | 'bccOpen'>): boolean {
  return draft.mode !== 'quick' && (draft.bccOpen || draft.bcc.trim() !== '');
}

/** Whether the Cc field shows: always in Reply all and Forward, in Reply once opened or filled (R-MAIL-11). */
export function showsCc(draft: Pick<EmailDraft, 'mode' | 'cc' | 'ccOpen'>): boolean {
  return draft.mode === 'reply-all' || draft.mode === 'forward' || (draft.mode === 'reply' && (draft.ccOpen || draft.cc.trim() !== ''));
}

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Plain text as HTML: escaped, blank lines between paragraphs, single new lines as `<br>`. */
export function textToHtml(text: string): string {
  const escaped = text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
  return escaped
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .filter((p) => p.trim() !== '')
    .map((p) => `<p>${p.replace(/\n/g, '<br>')}</p>`)
    .join('');
}

/**
 * The draft after choosing a standard-reply mode (R-MAIL-10): fields per {@link switchMode};
 * the body kept; a quick reply typed so far moves into the body; entering Forward appends
 * `forwardHtml` (the answered email as a forwarded message, R-MAIL-09) unless the body
 * already carries that email.
 */
export function changeMode(draft: EmailDraft, mode: ReplyMode, source: ReplySource, own: ReadonlySet<string>, forwardHtml: string): EmailDraft {
  if (draft.mode === mode) return draft;
  const fields = switchMode(draft.mode, draft, mode, source, own);
  let html = draft.html;
  if (draft.mode === 'quick' && draft.quickText.trim() !== '') html = textToHtml(draft.quickText) + html;
  let forwardedId = draft.forwardedId;
  if (mode === 'forward' && forwardedId !== source.id) {
    html += forwardHtml;
    forwardedId = source.id;
  }
  return { ...draft, ...fields, mode, quickText: '', html, forwardedId, ccOpen: mode === 'reply' ? fields.cc !== '' : draft.ccOpen };
}

/**
 * The draft pointed at a newer email once the agent has viewed it (R-MAIL-06): the body,
 * attachments and editable fields are kept; the read-only To and Subject of Reply and
 * Reply all are filled from the new email, and Reply all adds its Cc.
 */
export function retarget(draft: EmailDraft, source: ReplySource, own: ReadonlySet<string>): EmailDraft {
  if (draft.inReplyTo === source.id) return draft;
  switch (draft.mode) {
    case 'quick':
    case 'forward':
      return { ...draft, inReplyTo: source.id };
    case 'reply':
      return { ...draft, inReplyTo: source.id, to: formatAddresses(replyTo(source)), subject: replySubject(source.subject) };
    case 'reply-all': {
      const to = replyAllTo(source, own);
      const cc = unique([...parseAddresses(draft.cc), ...replyAllCc(source, own)], lowerSet(to));
      return { ...draft, inReplyTo: source.id, to: formatAddresses(to), cc: formatAddresses(cc), subject: replySubject(source.subject) };
    }
  }
}

// ---- validation of stored drafts -----------------------------------------------------

type Json = Readonly<Record<string, unknown>>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isString(v: unknown): v is string {
  return typeof v === 'string';
}

const MODES: readonly string[] = ['quick', ...REPLY_MODES];

function isMode(v: unknown): v is ComposeMode {
  return isString(v) && MODES.includes(v);
}

function parseAttachment(v: unknown): Attachment | undefined {
  if (!isObject(v)) return undefined;
  const { id, name, size, mimeType, url, contentId } = v;
  if (!isString(id) || !isString(name) || !isString(mimeType) || typeof size !== 'number' || !Number.isFinite(size) || size < 0) return undefined;
  if ((url !== undefined && !isString(url)) || (contentId !== undefined && !isString(contentId))) return undefined;
  return { id, name, size, mimeType, ...(isString(url) ? { url } : {}), ...(isString(contentId) ? { contentId } : {}) };
}

function parseTemplate(v: unknown): DraftTemplate | null | undefined {
  if (v === null) return null;
  if (!isObject(v) || !isObject(v.template) || !isObject(v.params)) return undefined;
  const { id, name, body, locked, channels } = v.template;
  if (!isString(id) || !isString(name) || !isString(body) || typeof locked !== 'boolean' || !Array.isArray(channels)) return undefined;
  const known = channels.filter(isChannel);
  if (known.length !== channels.length) return undefined;
  const params: Record<string, string> = {};
  for (const [key, value] of Object.entries(v.params)) {
    if (!isString(value)) return undefined;
    params[key] = value;
  }
  return { template: { id, name, body, locked, channels: known }, params };
}

/** A draft read back from storage, or `undefined` when the value is not a well-formed draft. */
export function parseDraft(value: unknown): EmailDraft | undefined {
  if (!isObject(value)) return undefined;
  const { mode, inReplyTo, quickText, to, cc, subject, ccOpen, html, forwardedId, attachments, template } = value;
  if (!isMode(mode) || !isString(inReplyTo) || !isString(quickText) || !isString(html) || typeof ccOpen !== 'boolean') return undefined;
  if (!isString(to) || !isString(cc) || !isString(subject)) return undefined;
  // Bcc, From and the signature mark came later: a draft stored without them has their defaults.
  const { bcc = '', bccOpen = false, from = '', signed = false } = value;
  if (!isString(bcc) || typeof bccOpen !== 'boolean' || !isString(from) || typeof signed !== 'boolean') return undefined;
  if (forwardedId !== null && !isString(forwardedId)) return undefined;
  if (!Array.isArray(attachments)) return undefined;
  const files = attachments.map(parseAttachment);
  if (files.some((a) => a === undefined)) return undefined;
  const tpl = parseTemplate(template);
  if (tpl === undefined) return undefined;
  return {
    mode,
    inReplyTo,
    quickText,
    to,
    cc,
    subject,
    ccOpen,
    bcc,
    bccOpen,
    from,
    signed,
    html,
    forwardedId,
    attachments: files.filter((a): a is Attachment => a !== undefined),
    template: tpl,
  };
}
