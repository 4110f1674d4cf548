/**
 * Whether a draft can be sent, and why not: pure functions of the draft, what it would
 * send and the state of the pane, so that every rule is testable without a pane.
 * @packageDocumentation
 */
import { containsCardNumber } from '../../content/pci.js';
import type { OutgoingEmail } from '../../core/store/store.js';
import type { Attachment, InteractionStatus } from '../../core/types.js';
import { invalidAddresses, parseAddresses, type EmailDraft } from './email-draft.js';
import { htmlText } from './email-html.js';

/** A card number found where it must not leave (R-MAIL-16): in the subject or text, or in a file name. */
export type PciProblem = { readonly kind: 'text' } | { readonly kind: 'attachment'; readonly name: string };

/** What the To and Cc fields of a standard reply hold wrongly (R-MAIL-11). */
export interface RecipientProblems {
  readonly invalidTo: readonly string[];
  readonly invalidCc: readonly string[];
  readonly invalidBcc: readonly string[];
  readonly noRecipient: boolean;
}

/** Why Send is blocked. */
export interface Readiness extends RecipientProblems {
  readonly ready: boolean;
  /** The draft answers an email that is no longer the latest (R-MAIL-06). */
  readonly stale: boolean;
  readonly pci: readonly PciProblem[];
  /** Template variables without a value, as written (`{{caseId}}`), still to fill in or remove. */
  readonly gaps: readonly string[];
}

/** The pane's side of readiness: the interaction, the template in use, uploads and a send under way. */
export interface SendState {
  readonly status: InteractionStatus;
  /** Id of the latest inbound email. */
  readonly latestId: string | undefined;
  /** Whether the template in use has every parameter filled (`true` without a template, R-TPL-03). */
  readonly templateReady: boolean;
  readonly uploading: number;
  readonly sending: boolean;
  /** Variables without a value of the template in use (`{{caseId}}`): it cannot be sent as it is. */
  readonly templateGaps?: readonly string[];
}

const GAP = /\{\{[^{}\n]+\}\}/g;

/**
 * `{{name}}` placeholders left in a standard reply's subject or text (a template's
 * variables without a value), each once: the agent fills them in or removes them before
 * sending. A quick reply has none.
 */
export function textGaps(outgoing: Pick<OutgoingEmail, 'mode' | 'subject' | 'text'> | undefined): string[] {
  if (!outgoing || outgoing.mode === 'quick-reply') return [];
  return [...new Set(`${outgoing.subject}\n${outgoing.text}`.match(GAP) ?? [])];
}

/** Whether a draft holds anything the agent wrote or attached (ending the conversation would discard it). */
export function draftHasContent(d: EmailDraft): boolean {
  return d.quickText.trim() !== '' || htmlText(d.html) !== '' || /<img\b/i.test(d.html) || d.attachments.length > 0 || d.template !== null;
}

/** Whether the draft answers an email that is no longer the latest (R-MAIL-06). */
export function isStale(draft: Pick<EmailDraft, 'inReplyTo'> | undefined, latestId: string | undefined): boolean {
  return draft !== undefined && latestId !== undefined && draft.inReplyTo !== latestId;
}

/** Card numbers in what would be sent or in the names of the draft's files (R-MAIL-16). */
export function pciProblems(outgoing: Pick<OutgoingEmail, 'subject' | 'text'> | undefined, attachments: readonly Pick<Attachment, 'name'>[]): PciProblem[] {
  const problems: PciProblem[] = [];
  if (outgoing && containsCardNumber(`${outgoing.subject}\n${outgoing.text}`)) problems.push({ kind: 'text' });
  for (const a of attachments) if (containsCardNumber(a.name)) problems.push({ kind: 'attachment', name: a.name });
  return problems;
}

/** Invalid or missing recipients of a standard reply; a quick reply goes to the sender and has none. */
export function recipientProblems(draft: Pick<EmailDraft, 'mode' | 'to' | 'cc'> & Partial<Pick<EmailDraft, 'bcc'>> | undefined): RecipientProblems {
  if (draft === undefined || draft.mode === 'quick') return { invalidTo: [], invalidCc: [], invalidBcc: [], noRecipient: false };
  return {
    invalidTo: invalidAddresses(draft.to),
    invalidCc: invalidAddresses(draft.cc),
    invalidBcc: invalidAddresses(draft.bcc ?? ''),
    noRecipient: parseAddresses(draft.to).length === 0,
  };
}

/** Send readiness (R-MAIL-06, R-MAIL-11, R-MAIL-16, R-TPL-03, R-TPL-04): ready only when there is something to send and every check passes. */
export function sendReadiness(draft: EmailDraft | undefined, outgoing: OutgoingEmail | undefined, state: SendState): Readiness {
  const stale = isStale(draft, state.latestId);
  const pci = pciProblems(outgoing, draft?.attachments ?? []);
  const recipients = recipientProblems(draft);
  const gaps = [...(state.templateGaps ?? []), ...textGaps(outgoing)];
  const ready =
    outgoing !== undefined &&
    state.status === 'active' &&
    !stale &&
    pci.length === 0 &&
    recipients.invalidTo.length === 0 &&
    recipients.invalidCc.length === 0 &&
    recipients.invalidBcc.length === 0 &&
    !recipients.noRecipient &&
    state.templateReady &&
    gaps.length === 0 &&
    state.uploading === 0 &&
    !state.sending;
  return { ready, stale, pci, gaps, ...recipients };
}
