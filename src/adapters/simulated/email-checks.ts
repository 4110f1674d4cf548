/**
 * The checks a simulated backend (the in-page simulator and the demo server) makes on an
 * email the agent sends: well-formed recipients and a From among the queue's mailboxes.
 * @packageDocumentation
 */
import type { SendEmailRequest } from '../../core/adapter.js';
import { SEED_QUEUES } from './data.js';

const EMAIL_ADDRESS = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

/** The mailboxes a queue's replies may go out from; the first is where its email arrives. */
export function queueMailboxes(queueId: string): readonly string[] {
  const queue = SEED_QUEUES.find((q) => q.id === queueId);
  return queue?.mailboxes ?? [queue?.mailbox ?? 'support@acme.example'];
}

/** Why the backend refuses the addresses of an email, or `undefined` when they are fine. */
export function addressProblem(request: Pick<SendEmailRequest, 'to' | 'cc' | 'bcc' | 'from'>, mailboxes: readonly string[]): string | undefined {
  if (request.to.length === 0) return 'Cannot send: the email has no recipient';
  const invalid = [...request.to, ...request.cc, ...(request.bcc ?? [])].find((a) => !EMAIL_ADDRESS.test(a.trim()));
  if (invalid !== undefined) return `Cannot send: invalid email address "${invalid}"`;
  const from = request.from?.trim().toLowerCase();
  if (from !== undefined && !mailboxes.some((m) => m.toLowerCase() === from)) return `Cannot send: "${request.from ?? ''}" is not a mailbox of this queue`;
  return undefined;
}
