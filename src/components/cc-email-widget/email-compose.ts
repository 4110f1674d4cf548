/**
 * The standard reply's draft rules (R-MAIL-07…10): switching modes, the signature, the
 * forwarded message, and the reply as it would leave.
 * @packageDocumentation
 */
import type { OutgoingEmail } from '../../core/store/store.js';
import type { Attachment, EmailMessage, Interaction } from '../../core/types.js';
import { changeMode, parseAddresses, textToHtml, type EmailDraft, type ReplyMode } from './email-draft.js';
import { forwardedHtml, withoutForwardQuote, type OutgoingBody } from './email-html.js';
import { getLocale, t } from '../../controllers/localize.js';
import { enEmail } from '../../locales/en-email.js';
import { dateTimeFormat } from '../../core/format.js';
import { ownAddresses, replySource } from './email-answer.js';

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
