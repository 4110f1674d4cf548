/**
 * Who the customer is and what happened before, in the reference backend: a profile per
 * customer and their past conversations, newest first, a page at a time. The past is the
 * conversations this backend finished with the same customer (with their wrap-up reasons
 * and notes, from the log) and an older, made-up history that is the same on every call
 * and every restart: it is derived from the customer's name alone.
 * @packageDocumentation
 */
import { MAX_HISTORY_BYTES, type CommandArgs } from '../../src/adapters/websocket/protocol.js';
import { SEED_CUSTOMERS, SEED_QUEUES, SEED_WRAPUP_REASONS } from '../../src/adapters/simulated/data.js';
import type { Channel, ChatMessage, CustomerProfile, EmailMessage, PastInteraction, PastInteractionPage } from '../../src/core/types.js';
import type { ServerInteraction } from './model.js';

const DAY = 24 * 60 * 60 * 1000;
const CURSOR = /^past:(\d{1,6})$/;
const TIERS = ['Standard', 'Silver', 'Gold', 'Platinum'] as const;
const CHANNEL_ROTATION: readonly Channel[] = ['webchat', 'email', 'sms', 'messenger'];
/** Most messages (or emails) of one past conversation's transcript: its latest ones. */
const TRANSCRIPT_MAX = 100;

/** Topics of the made-up past: what the customer wrote, what the agent answered, how it was wrapped up. */
const TOPICS: readonly { readonly ask: string; readonly answer: string; readonly reason: string; readonly notes?: string }[] = [
  { ask: 'My parcel shows as delivered but I never got it.', answer: 'I have opened a claim with the carrier; you will hear from us within two days.', reason: 'wr-follow-up', notes: 'Carrier claim opened.' },
  { ask: 'Can I change the card you charge every month?', answer: 'Yes: Settings → Billing → Payment method. The next charge uses the new card.', reason: 'wr-billing' },
  { ask: 'Do you have the blue model in size M?', answer: 'It is back in stock next week; I have added you to the notification list.', reason: 'wr-resolved' },
  { ask: 'I was charged twice for order 48213.', answer: 'The second charge is refunded; it takes 3 to 5 working days to show.', reason: 'wr-billing', notes: 'Duplicate charge refunded.' },
  { ask: 'The app logs me out every few minutes.', answer: 'Please update to version 4.2, which fixes this. Tell us if it happens again.', reason: 'wr-escalated', notes: 'Reported to the mobile team.' },
  { ask: 'How do I return a gift without the receipt?', answer: 'Gifts can be returned for store credit with the order number; I have emailed you the label.', reason: 'wr-resolved' },
  { ask: 'Please stop sending me marketing messages.', answer: 'Done: you will no longer receive them. Service messages still arrive.', reason: 'wr-resolved' },
];

/** A small, stable number from a string (FNV-1a). */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || `c${hash(name).toString(36)}`;
}

/** The customer's profile: identities per channel and a few account facts. */
export function customerProfile(rec: ServerInteraction): CustomerProfile {
  const { name } = rec.customer;
  const seed = SEED_CUSTOMERS.find((c) => c.name === name);
  const email = rec.customer.email ?? seed?.email;
  const phone = rec.customer.phone ?? seed?.phone;
  const h = hash(name);
  const page = rec.source.page ?? SEED_QUEUES.find((q) => q.page !== undefined)?.page;
  return {
    id: `cust-${slug(name)}`,
    name,
    identities: [
      ...(email ? [{ channel: 'email' as const, value: email }] : []),
      ...(phone ? [{ channel: 'sms' as const, value: phone }] : []),
      { channel: 'messenger', value: name, ...(page === undefined ? {} : { page }) },
    ],
    attributes: [
      { key: 'Account number', value: `AC-${String(100000 + (h % 900000))}` },
      { key: 'Tier', value: TIERS[h % TIERS.length] ?? 'Standard' },
      { key: 'Customer since', value: String(2015 + (h % 10)) },
      { key: 'Open orders', value: String(h % 4) },
    ],
  };
}

function reasonName(id: string): string {
  return SEED_WRAPUP_REASONS.find((r) => r.id === id)?.name ?? id;
}

function preview(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 120 ? `${line.slice(0, 119)}…` : line;
}

/** The made-up older past of a customer, newest first, ending a few days before `before`. */
function madeUpPast(rec: ServerInteraction, before: number): PastInteraction[] {
  const { name } = rec.customer;
  const h = hash(name);
  const count = 6 + (h % 6);
  const email = rec.customer.email ?? SEED_CUSTOMERS.find((c) => c.name === name)?.email ?? 'customer@example.com';
  const out: PastInteraction[] = [];
  let at = before - (2 + (h % 3)) * DAY;
  for (let n = 0; n < count; n++) {
    const topic = TOPICS[(h + n) % TOPICS.length] ?? TOPICS[0];
    if (!topic) break;
    const channel = CHANNEL_ROTATION[(h + n) % CHANNEL_ROTATION.length] ?? 'webchat';
    const queue = SEED_QUEUES.find((q) => q.channels.includes(channel)) ?? SEED_QUEUES[0];
    const id = `past-${slug(name)}-${n + 1}`;
    const startedAt = at;
    const endedAt = at + 9 * 60 * 1000;
    const messages: ChatMessage[] = [];
    const emails: EmailMessage[] = [];
    if (channel === 'email') {
      const mailbox = queue?.mailbox ?? 'support@acme.example';
      emails.push(
        { id: `${id}-e1`, direction: 'inbound', from: email, to: [mailbox], cc: [], subject: topic.ask.slice(0, 60), text: topic.ask, timestamp: startedAt, status: 'received', attachments: [] },
        {
          id: `${id}-e2`,
          direction: 'outbound',
          from: mailbox,
          to: [email],
          cc: [],
          subject: `Re: ${topic.ask.slice(0, 60)}`,
          html: `<p>Hello ${name.replace(/[<>&"]/g, '')},</p><p>${topic.answer.replace(/[<>&"]/g, '')}</p>`,
          text: topic.answer,
          timestamp: endedAt,
          status: 'delivery-report',
          attachments: [],
        },
      );
    } else {
      messages.push(
        { id: `${id}-m1`, author: 'customer', authorName: name, text: topic.ask, format: 'plain', timestamp: startedAt, attachments: [] },
        { id: `${id}-m2`, author: 'agent', authorName: 'Jordan Lee', text: topic.answer, format: 'plain', timestamp: startedAt + 4 * 60 * 1000, attachments: [], status: 'read' },
        { id: `${id}-m3`, author: 'customer', authorName: name, text: 'Thank you!', format: 'plain', timestamp: endedAt, attachments: [] },
      );
    }
    out.push({
      id,
      channel,
      queue: { id: queue?.id ?? 'q-general', name: queue?.name ?? 'General Enquiries' },
      startedAt,
      endedAt,
      wrapupReasons: [reasonName(topic.reason)],
      ...(topic.notes === undefined ? {} : { notes: topic.notes }),
      preview: preview(channel === 'email' ? topic.answer : 'Thank you!'),
      messages,
      emails,
    });
    at -= (3 + ((h >>> (n % 16)) % 20)) * DAY;
  }
  return out;
}

/** A conversation this backend finished, as the customer panel shows it. */
function finished(rec: ServerInteraction): PastInteraction {
  const last = rec.channel === 'email' ? rec.emails[rec.emails.length - 1] : rec.messages[rec.messages.length - 1];
  const lastText = last === undefined ? '' : 'author' in last ? last.text : (last.text ?? last.subject);
  return {
    id: rec.id,
    channel: rec.channel,
    queue: rec.queue,
    startedAt: rec.startedAt,
    ...(rec.endedAt === undefined ? {} : { endedAt: rec.endedAt }),
    wrapupReasons: (rec.wrapup?.reasonIds ?? []).map(reasonName),
    ...(rec.wrapup?.notes === undefined ? {} : { notes: rec.wrapup.notes }),
    preview: preview(lastText),
    messages: rec.messages.slice(-TRANSCRIPT_MAX),
    emails: rec.emails.slice(-TRANSCRIPT_MAX),
  };
}

const sizeOf = (value: unknown): number => Buffer.byteLength(JSON.stringify(value));

/** `item` with its transcript cut, oldest first, until it fits `budget` bytes (its last message always stays). */
function fitted(item: PastInteraction, budget: number): PastInteraction {
  let fit = item;
  while (sizeOf(fit) > budget && fit.messages.length + fit.emails.length > 1) {
    fit = fit.messages.length > 1 || fit.emails.length === 0 ? { ...fit, messages: fit.messages.slice(1) } : { ...fit, emails: fit.emails.slice(1) };
  }
  return fit;
}

/**
 * `listPastInteractions`: a page of the customer's earlier conversations, newest first. The
 * cursor is the position of the next page; one that does not fit this customer's past is
 * refused, so a stale cursor never silently repeats or skips conversations.
 */
export function pastInteractions(
  rec: ServerInteraction,
  all: Iterable<ServerInteraction>,
  args: CommandArgs<'listPastInteractions'>,
  fail: (message: string) => never,
): PastInteractionPage {
  const here: PastInteraction[] = [];
  for (const other of all) {
    if (other.id !== rec.id && other.status === 'completed' && other.customer.name === rec.customer.name) here.push(finished(other));
  }
  here.sort((a, b) => b.startedAt - a.startedAt);
  const oldest = here[here.length - 1]?.startedAt ?? rec.startedAt;
  const past = [...here, ...madeUpPast(rec, Math.min(oldest, rec.startedAt))];
  let offset = 0;
  if (args.cursor !== undefined) {
    const match = CURSOR.exec(args.cursor);
    offset = match ? Number(match[1]) : -1;
    if (offset <= 0 || offset >= past.length) fail(`Unknown cursor "${args.cursor.slice(0, 40)}": load the first page again`);
  }
  // A page stays within what one frame may carry: fewer conversations when their transcripts are long.
  const items: PastInteraction[] = [];
  let used = 0;
  for (const item of past.slice(offset, offset + args.limit)) {
    const size = sizeOf(item);
    if (items.length > 0 && used + size > MAX_HISTORY_BYTES) break;
    items.push(items.length === 0 ? fitted(item, MAX_HISTORY_BYTES) : item);
    used += size;
  }
  const end = offset + items.length;
  return { items, ...(end < past.length ? { nextCursor: `past:${end}` } : {}) };
}
