/**
 * Sending the agent's emails: shown at once as `sending`, then `sent`, or `failed` with the
 * adapter's reason; unlike chat messages an email is not queued and retried.
 * @packageDocumentation
 */
import type { SendEmailRequest } from '../adapter.js';
import type { Attachment, EmailMessage, Interaction } from '../types.js';
import { localId, type CommandHost } from './command-host.js';

/**
 * An email the agent sends, as the email widget composes it: the adapter's
 * {@link SendEmailRequest} before the store gives it its interaction and client id, with
 * attachments optional.
 */
export type OutgoingEmail = Omit<SendEmailRequest, 'interactionId' | 'clientEmailId' | 'attachments'> & {
  readonly attachments?: readonly Attachment[];
};

/**
 * The address a reply goes out from: the mailbox the answered email was sent to (the
 * queue's), or the address an answered outbound email came from.
 */
function replyAddress(i: Interaction, inReplyTo: string): string | undefined {
  const answered = i.emails.find((e) => e.id === inReplyTo);
  if (!answered) return undefined;
  return answered.direction === 'inbound' ? answered.to[0] : answered.from;
}

/** Sending the agent's emails for one store; `InteractionStore.sendEmail` documents it. */
export class EmailCommands {
  readonly #host: CommandHost;

  constructor(host: CommandHost) {
    this.#host = host;
  }

  async send(interactionId: string, email: OutgoingEmail): Promise<string> {
    const host = this.#host;
    const i = host.require('sendEmail', interactionId);
    const outbound: EmailMessage = {
      id: localId('email'),
      direction: 'outbound',
      from: email.from ?? replyAddress(i, email.inReplyTo) ?? host.state().agent.name,
      to: email.to,
      cc: email.cc,
      ...(email.bcc?.length ? { bcc: email.bcc } : {}),
      subject: email.subject,
      html: email.html,
      text: email.text,
      timestamp: host.now(),
      status: 'sending',
      attachments: email.attachments ?? [],
    };
    host.dispatch({ type: 'local/email-sending', interactionId, email: outbound });
    try {
      const result = await host.adapter.sendEmail({
        interactionId,
        clientEmailId: outbound.id,
        mode: email.mode,
        inReplyTo: email.inReplyTo,
        to: email.to,
        cc: email.cc,
        ...(email.bcc?.length ? { bcc: email.bcc } : {}),
        ...(email.from === undefined ? {} : { from: email.from }),
        subject: email.subject,
        html: email.html,
        text: email.text,
        attachments: outbound.attachments,
      });
      const emailId = result.emailId ?? outbound.id;
      host.dispatch({ type: 'local/email-sent', interactionId, clientEmailId: outbound.id, emailId, timestamp: result.timestamp ?? outbound.timestamp });
      return emailId;
    } catch (e) {
      const error = host.fail('sendEmail', interactionId, e);
      host.dispatch({ type: 'local/email-failed', interactionId, emailId: outbound.id, error: error.message });
      throw error;
    }
  }
}
