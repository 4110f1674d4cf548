import type { OutgoingEmail } from '../../core/store/store.js';
import type { Attachment, EmailMessage, Interaction } from '../../core/types.js';
import { changeMode, emptyDraft, parseAddresses, replySubject, textToHtml, type EmailDraft, type ReplyMode, type ReplySource } from './email-draft.js';
import { forwardedHtml, withoutForwardQuote, type OutgoingBody } from './email-html.js';
import { getLocale, t } from '../../controllers/localize.js';
import { enEmail } from '../../locales/en-email.js';
import { dateTimeFormat } from '../../core/format.js';

/** The latest inbound email: the only one the agent may answer (R-MAIL-05). */
export function latestInbound(i: Pick<Interaction, 'emails'>): EmailMessage | undefined {
  for (let k = i.emails.length - 1; k >= 0; k--) {
    const e = i.emails[k];
    if (e?.direction === 'inbound') return e;
  }
  return undefined;
}

/** The contact center's own addresses: the mailbox the thread was sent to and what it sent from. */
export function ownAddresses(i: Pick<Interaction, 'emails'>): Set<string> {
  const own = new Set<string>();
  const first = i.emails.find((e) => e.direction === 'inbound');
  const mailbox = first?.to[0];
  if (mailbox) own.add(mailbox.toLowerCase());
  for (const e of i.emails) if (e.direction === 'outbound' && e.from.includes('@')) own.add(e.from.toLowerCase());
  return own;
}

/** What the reply rules read of an email. */
export function replySource(email: EmailMessage): ReplySource {
  return { id: email.id, from: email.from, to: email.to, cc: email.cc, subject: email.subject };
}

/** The email a draft answers (the latest inbound when there is no draft). */
export function answeredEmail(i: Pick<Interaction, 'emails'>, draft: EmailDraft | undefined): EmailMessage | undefined {
  return (draft && i.emails.find((e) => e.id === draft.inReplyTo)) ?? latestInbound(i);
}

/**
 * The draft after switching to `mode` (R-MAIL-07…10). `forward` is the quoted email's
 * HTML when the draft starts forwarding `answered`; the forwarded email's files then go
 * with it, and the agent can remove them. Leaving Forward for Reply or Reply all drops
 * them again: the forwarded message and the forwarded email's files, keeping what the
 * agent wrote above it.
 */
export function composeDraft(i: Pick<Interaction, 'emails'>, base: EmailDraft, answered: EmailMessage, mode: ReplyMode, forward: string, signature?: string): EmailDraft {
  const next = withSignature(changeMode(unforward(i, base, mode), mode, replySource(answered), ownAddresses(i), forward), signature, forward);
  if (!isNewForward(base, answered, mode)) return next;
  const known = new Set(next.attachments.map((a) => a.id));
  return { ...next, attachments: [...next.attachments, ...answered.attachments.filter((a) => !known.has(a.id))] };
}

const HTML_TAG = /<[a-z][^>]*>/i;

/** A signature as body HTML: simple HTML as written (the editor sanitizes it), plain text escaped. */
export function signatureHtml(signature: string): string {
  return `<div class="signature">${HTML_TAG.test(signature) ? signature : textToHtml(signature)}</div>`;
}

/**
 * The draft with the signature below what the agent wrote and above a forwarded message,
 * once per draft: a draft that was signed (even if the agent then removed it) stays as it is.
 * An empty line above it is where the agent starts writing.
 */
export function withSignature(draft: EmailDraft, signature: string | undefined, forward: string): EmailDraft {
  if (!signature || draft.signed || draft.mode === 'quick') return draft;
  const quoted = forward !== '' && draft.html.endsWith(forward);
  const written = quoted ? draft.html.slice(0, draft.html.length - forward.length) : draft.html;
  const lead = htmlHasText(written) ? written : '<p><br></p>';
  return { ...draft, html: lead + signatureHtml(signature) + (quoted ? forward : ''), signed: true };
}

function htmlHasText(html: string): boolean {
  return html.replace(/<[^>]*>/g, '').trim() !== '' || /<img\b/i.test(html);
}

/** The draft without the forwarded message and files, when switching from Forward to another mode. */
function unforward(i: Pick<Interaction, 'emails'>, base: EmailDraft, mode: ReplyMode): EmailDraft {
  if (base.mode !== 'forward' || mode === 'forward' || base.forwardedId === null) return base;
  const forwarded = i.emails.find((e) => e.id === base.forwardedId);
  const dropped = new Set(forwarded?.attachments.map((a) => a.id) ?? []);
  return {
    ...base,
    // The title in the agent's language, or in English (the language may have changed since).
    html: withoutForwardQuote(base.html, base.attachments, [t('email.forwarded'), enEmail['email.forwarded']]),
    attachments: base.attachments.filter((a) => !dropped.has(a.id)),
    forwardedId: null,
  };
}

/** Whether switching to `mode` starts forwarding `answered` (so its text is quoted and its files attached). */
export function isNewForward(base: EmailDraft, answered: EmailMessage, mode: ReplyMode): boolean {
  return mode === 'forward' && base.forwardedId !== answered.id;
}

/** Changes a draft, starting one that answers the latest email when there is none; `undefined` when there is nothing to answer. */
export function patchDraft(i: Pick<Interaction, 'emails'>, current: EmailDraft | undefined, change: (d: EmailDraft) => EmailDraft): EmailDraft | undefined {
  const latest = latestInbound(i);
  const base = current ?? (latest ? emptyDraft(latest) : undefined);
  return base && change(base);
}

/** The quick reply as it would leave (R-MAIL-03), or `undefined` when it is empty. */
export function quickReplyEmail(answered: EmailMessage, draft: EmailDraft): OutgoingEmail | undefined {
  const text = draft.quickText.trim();
  if (!text) return undefined;
  return { mode: 'quick-reply', inReplyTo: draft.inReplyTo, to: [answered.from], cc: [], subject: replySubject(answered.subject), html: textToHtml(text), text };
}

/** A standard reply as it would leave (R-MAIL-04), or `undefined` when it has no text, image or file. */
export function standardEmail(draft: EmailDraft, body: OutgoingBody): OutgoingEmail | undefined {
  if (draft.mode === 'quick') return undefined;
  const files: Attachment[] = draft.attachments.filter((a) => !a.contentId);
  if (!body.text.trim() && body.inline.length === 0 && files.length === 0) return undefined;
  return {
    mode: draft.mode,
    inReplyTo: draft.inReplyTo,
    to: parseAddresses(draft.to),
    cc: parseAddresses(draft.cc),
    ...(parseAddresses(draft.bcc).length > 0 ? { bcc: parseAddresses(draft.bcc) } : {}),
    ...(draft.from ? { from: draft.from } : {}),
    subject: draft.subject,
    html: body.html,
    text: body.text,
    attachments: [...files, ...body.inline],
  };
}

/** The forwarded email as the body of a forward quotes it, headers in the agent's language. */
export function forwardQuote(answered: EmailMessage, allowRemoteImages: boolean): string {
  const date = dateTimeFormat(getLocale(), { dateStyle: 'full', timeStyle: 'short' }).format(answered.timestamp);
  const labels = { title: t('email.forwarded'), from: t('email.from'), date: t('email.date'), subject: t('email.subject'), to: t('email.to'), cc: t('email.cc') };
  return forwardedHtml(answered, labels, date, allowRemoteImages);
}
