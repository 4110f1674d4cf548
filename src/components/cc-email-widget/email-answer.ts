/**
 * What the email pane reads of a thread to answer it, up front: the email a draft answers
 * (the latest inbound, R-MAIL-05), the contact center's own addresses, and the quick reply
 * as it would leave. The standard reply's own rules are in `email-compose.ts`.
 * @packageDocumentation
 */
import type { OutgoingEmail } from '../../core/store/store.js';
import type { EmailMessage, Interaction } from '../../core/types.js';
import { emptyDraft, replySubject, textToHtml, type EmailDraft, type ReplySource } from './email-draft.js';

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
