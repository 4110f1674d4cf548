/**
 * Scripting a long past into a conversation, delivered in one `history` event (for the
 * demo, benchmarks and tests).
 * @packageDocumentation
 */
import { isChatChannel, type ChatMessage, type EmailMessage } from '../../core/types.js';
import { fail, type SimContext } from './context.js';
import { OPEN, record } from './records.js';

/** Most past messages one call adds. */
export const MAX_HISTORY_MESSAGES = 100_000;
/** Time between two generated past messages (ms). */
const STEP_MS = 60_000;

/**
 * Scripting: `count` earlier messages (emails in an email conversation), the customer and
 * the agent taking turns, all before the conversation's first one; an open offer or
 * conversation gets them in one `history` event (a held offer brings them when offered).
 */
export function addHistory(ctx: SimContext, interactionId: string, count: number): void {
  const rec = record(ctx, interactionId);
  if (!Number.isSafeInteger(count) || count < 1 || count > MAX_HISTORY_MESSAGES) fail(`history: count must be an integer from 1 to ${MAX_HISTORY_MESSAGES}`);
  if (!OPEN.has(rec.status)) fail(`history: interaction ${interactionId} has already ended`);
  const chat = isChatChannel(rec.channel);
  const end = (chat ? rec.transcript[0]?.timestamp : rec.emails[0]?.timestamp) ?? ctx.now();
  const at = (i: number): number => end - (count - i) * STEP_MS;
  const fromCustomer = (i: number): boolean => (count - i) % 2 === 1;
  if (chat) {
    const messages: ChatMessage[] = Array.from({ length: count }, (_, i) =>
      fromCustomer(i)
        ? { id: ctx.nextId('msg'), author: 'customer', authorName: rec.customer.name, text: `Earlier message ${i + 1} of ${count}`, format: 'plain', timestamp: at(i), attachments: [] }
        : {
            id: ctx.nextId('msg'),
            author: 'agent',
            authorName: ctx.agent.name,
            text: `Earlier reply ${i + 1} of ${count}`,
            format: 'plain',
            timestamp: at(i),
            attachments: [],
            status: rec.channel === 'webchat' ? 'sent' : 'read',
          },
    );
    rec.transcript = [...messages, ...rec.transcript];
    if (rec.status !== 'held') ctx.events.emit({ type: 'history', interactionId: rec.id, messages });
    return;
  }
  const customer = rec.customer.email ?? 'customer@example.com';
  const mailbox = rec.queue.mailbox ?? 'support@acme.example';
  const emails: EmailMessage[] = Array.from({ length: count }, (_, i) => {
    const inbound = fromCustomer(i);
    return {
      id: ctx.nextId('email'),
      direction: inbound ? 'inbound' : 'outbound',
      from: inbound ? customer : mailbox,
      to: [inbound ? mailbox : customer],
      cc: [],
      subject: `Earlier email ${i + 1} of ${count}`,
      text: inbound ? `Earlier question ${i + 1}` : `Earlier answer ${i + 1}`,
      timestamp: at(i),
      status: inbound ? 'received' : 'delivery-report',
      attachments: [],
    };
  });
  rec.emails = [...emails, ...rec.emails];
  if (rec.status !== 'held') ctx.events.emit({ type: 'history', interactionId: rec.id, emails });
}
