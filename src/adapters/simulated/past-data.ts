/**
 * The made-up past of a simulated customer: the conversations they had before (several,
 * across channels, over the weeks before today) and who they are to the contact center
 * (identities, account attributes). Everything is drawn from a generator seeded by the
 * customer's name and the simulator's seed, so a customer's past is the same on every call.
 * @packageDocumentation
 */
import type {
  Channel,
  ChatMessage,
  Customer,
  CustomerAttribute,
  CustomerIdentity,
  CustomerProfile,
  EmailMessage,
  InteractionSource,
  PastInteraction,
} from '../../core/types.js';
import { CHANNELS } from '../../core/types.js';
import { SEED_CUSTOMERS, SEED_DIRECTORY, SEED_QUEUES, SEED_WRAPUP_REASONS, type SimulatedQueue } from './data.js';
import { SeededRandom } from './random.js';

const DAY = 86_400_000;
const MINUTE = 60_000;

/** A line of a past conversation: who said it (customer or agent) and what. */
type Line = readonly ['c' | 'a', string];

/** A past conversation's topic: its email subject and how the conversation went. */
interface Topic {
  readonly subject: string;
  readonly lines: readonly [Line, ...Line[]];
}

const TOPICS: readonly [Topic, ...Topic[]] = [
  {
    subject: 'Where is my order?',
    lines: [
      ['c', 'Hi, my order 48213 was due on Monday and has not arrived.'],
      ['a', 'Sorry about that! Let me look it up.'],
      ['a', 'It left our warehouse on Friday; the carrier says **tomorrow before noon**.'],
      ['c', 'OK, thanks for checking.'],
    ],
  },
  {
    subject: 'Charged twice',
    lines: [
      ['c', 'I was charged twice for the same purchase.'],
      ['a', 'I can see both payments. I have refunded the second one.'],
      ['a', 'Refunds take:\n\n- 3–5 days on a card\n- 1 day on PayPal'],
      ['c', 'Great, thank you so much 🙂'],
    ],
  },
  {
    subject: 'Change of delivery address',
    lines: [
      ['c', 'Hello! I would like to change my delivery address.'],
      ['a', 'Of course. What is the new address?'],
      ['c', '12 Harbour Street, apartment 4B.'],
      ['a', 'Done: your next delivery goes to *12 Harbour Street, 4B*.'],
    ],
  },
  {
    subject: 'Password reset email',
    lines: [
      ['c', 'My password reset email never arrives.'],
      ['a', 'Could you check your spam folder? It comes from no-reply@acme.example.'],
      ['c', 'Found it in spam, sorry!'],
      ['a', 'No problem. Mark it as **not spam** so the next ones arrive.'],
    ],
  },
  {
    subject: 'Plan upgrade',
    lines: [
      ['c', 'Can I upgrade my plan without losing my data?'],
      ['a', 'Yes: upgrading keeps everything. You pay the difference for this month only.'],
      ['c', 'Then please upgrade me to Premium.'],
      ['a', 'You are on **Premium** now. Enjoy!'],
      ['c', 'Thanks!'],
    ],
  },
  {
    subject: 'Damaged item received',
    lines: [
      ['c', 'The lamp I received has a cracked base.'],
      ['a', 'I am sorry to hear that. Could you send a photo of the damage?'],
      ['c', 'Sent it just now.'],
      ['a', 'Thank you. A replacement ships today; keep the damaged one.'],
    ],
  },
  {
    subject: 'App crashes in settings',
    lines: [
      ['c', 'The app crashes every time I open the settings page.'],
      ['a', 'Which version do you have? It is under *About* in the menu.'],
      ['c', 'Version 4.2.1'],
      ['a', 'Version 4.2.2 fixes that crash. Please update from the store.'],
      ['c', 'Updated, it works now.'],
    ],
  },
  {
    subject: '订单状态查询',
    lines: [
      ['c', '你好，我想查询一下我的订单状态。'],
      ['a', '您好！请提供订单号。'],
      ['c', '订单号是 48213。'],
      ['a', '您的订单已发货，预计明天送达。'],
      ['c', '好的，谢谢。'],
    ],
  },
];

const TIERS: readonly [string, ...string[]] = ['Bronze', 'Silver', 'Gold', 'Platinum'];

/** A 32-bit hash of a string (FNV-1a), to seed a customer's generator from their name. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < text.length; k++) h = Math.imul(h ^ text.charCodeAt(k), 0x01000193);
  return h >>> 0;
}

/** The generator of one customer's past: the same customer and seed give the same past. */
function customerRandom(seed: number, name: string, salt: string): SeededRandom {
  return new SeededRandom((hash(`${salt}\n${name}`) ^ seed) >>> 0);
}

function writesChinese(name: string): boolean {
  return /[\u3400-\u9fff]/.test(name) || name === 'Li Wei';
}

/** A customer's email address and phone number: their own, else a seed customer's of that name. */
function contacts(customer: Customer, source: InteractionSource): { readonly email?: string; readonly phone?: string } {
  const known = SEED_CUSTOMERS.find((c) => c.name.toLowerCase() === customer.name.toLowerCase());
  return { email: customer.email ?? source.email ?? known?.email, phone: customer.phone ?? source.phoneNumber ?? known?.phone };
}

/** Who the customer is: identities per channel, from the interaction and what the backend knows, and account attributes. */
export function customerProfile(seed: number, customer: Customer, source: InteractionSource, channel: Channel): CustomerProfile {
  const random = customerRandom(seed, customer.name, 'profile');
  const { email, phone } = contacts(customer, source);
  const identities: CustomerIdentity[] = [];
  if (email !== undefined) identities.push({ channel: 'email', value: email });
  if (phone !== undefined) identities.push({ channel: 'sms', value: phone });
  if (channel === 'messenger' || random.chance(0.5)) {
    identities.push({ channel: 'messenger', value: customer.name, page: source.page ?? 'Acme Support' });
  }
  if (channel === 'webchat' && email !== undefined) identities.push({ channel: 'webchat', value: email });
  const since = new Date(Date.UTC(random.int(2015, 2025), random.int(0, 11), random.int(1, 28)));
  const attributes: CustomerAttribute[] = [
    { key: 'Account number', value: `ACME-${random.int(100000, 999999)}` },
    { key: 'Tier', value: random.pick(TIERS) },
    { key: 'Customer since', value: since.toISOString().slice(0, 10) },
    { key: 'Preferred language', value: writesChinese(customer.name) ? '中文 (Chinese)' : 'English' },
    { key: 'Open orders', value: String(random.int(0, 4)) },
  ];
  return { id: `cust-${hash(customer.name).toString(36)}`, name: customer.name, identities, attributes };
}

/** A one-line plain-text preview: Markdown marks and line breaks dropped, cut at 80 characters. */
function preview(text: string): string {
  const line = text
    .replace(/[*_`#>]+/g, '')
    .replace(/^\s*-\s+/gm, '')
    .replace(/\s+/g, ' ')
    .trim();
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}

function queueFor(random: SeededRandom, channel: Channel): SimulatedQueue {
  const queues = SEED_QUEUES.filter((q) => q.channels.includes(channel));
  return random.pick(queues) ?? SEED_QUEUES[0] ?? { id: 'q', name: 'Support', channels: [channel] };
}

function reasonsFor(random: SeededRandom, channel: Channel): string[] {
  const reasons = SEED_WRAPUP_REASONS.filter((r) => r.channels.includes(channel)).map((r) => r.name);
  const first = random.pick(reasons.slice(0, 3)) ?? 'Resolved';
  const second = random.chance(0.3) ? random.pick(reasons.filter((r) => r !== first)) : undefined;
  return second === undefined ? [first] : [first, second];
}

/** The chat messages of a past conversation on a chat channel; Markdown on Messenger only, where it is formatted. */
function chatMessages(id: string, topic: Topic, channel: Channel, customer: string, agent: string, start: number): ChatMessage[] {
  const markdown = channel === 'messenger';
  return topic.lines.map(([who, text], k) => ({
    id: `${id}-m${k}`,
    author: who === 'c' ? 'customer' : 'agent',
    authorName: who === 'c' ? customer : agent,
    text: who === 'a' && !markdown ? text.replace(/\*+/g, '') : text,
    format: who === 'a' && markdown ? 'markdown' : 'plain',
    timestamp: start + k * 2 * MINUTE,
    attachments: [],
    ...(who === 'a' ? { status: 'read' as const } : {}),
  }));
}

/** An email thread: the customer's question, the agent's answer (HTML), and sometimes the customer's thanks. */
function emailThread(id: string, topic: Topic, customerEmail: string, mailbox: string, agent: string, start: number): EmailMessage[] {
  const customerLines = topic.lines.filter(([who]) => who === 'c').map(([, text]) => text);
  const agentLines = topic.lines.filter(([who]) => who === 'a').map(([, text]) => text.replace(/[*_]/g, ''));
  const base = { cc: [], attachments: [] } as const;
  const emails: EmailMessage[] = [
    {
      ...base,
      id: `${id}-e0`,
      direction: 'inbound',
      from: customerEmail,
      to: [mailbox],
      subject: topic.subject,
      text: `Hello,\n\n${customerLines[0] ?? topic.subject}\n\nBest regards`,
      timestamp: start,
      status: 'received',
    },
    {
      ...base,
      id: `${id}-e1`,
      direction: 'outbound',
      from: mailbox,
      to: [customerEmail],
      subject: `Re: ${topic.subject}`,
      html: `<p>Hello,</p>${agentLines.map((line) => `<p>${line.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`).join('')}<p>Kind regards,<br>${agent}</p>`,
      timestamp: start + 3 * 60 * MINUTE,
      status: 'sent',
    },
  ];
  const thanks = customerLines[customerLines.length - 1];
  if (customerLines.length > 1 && thanks !== undefined) {
    emails.push({
      ...base,
      id: `${id}-e2`,
      direction: 'inbound',
      from: customerEmail,
      to: [mailbox],
      subject: `Re: ${topic.subject}`,
      text: thanks,
      timestamp: start + 20 * 60 * MINUTE,
      status: 'received',
    });
  }
  return emails;
}

/**
 * Every past conversation of a customer, newest first: 3 to 12, over the weeks before
 * `today` (epoch ms of the start of the day the past is seen from), across channels.
 */
export function pastInteractions(seed: number, customer: Customer, source: InteractionSource, today: number): PastInteraction[] {
  const random = customerRandom(seed, customer.name, 'past');
  const count = random.int(3, 12);
  const email = contacts(customer, source).email ?? 'customer@example.com';
  const chinese = writesChinese(customer.name);
  const topics = TOPICS.filter((topic) => chinese || !/[\u3400-\u9fff]/.test(topic.subject)) as [Topic, ...Topic[]];
  const past: PastInteraction[] = [];
  let daysAgo = 0;
  for (let k = 0; k < count; k++) {
    daysAgo += random.int(1, 12);
    const channel = random.pick(CHANNELS) ?? 'webchat';
    const queue = queueFor(random, channel);
    const topic = random.pick(topics);
    const agent = random.pick(SEED_DIRECTORY)?.name ?? 'Priya Natarajan';
    const startedAt = today - daysAgo * DAY + random.int(8 * 60, 18 * 60) * MINUTE;
    const id = `past-${hash(`${seed}\n${customer.name}`).toString(36)}-${k}`;
    const messages = channel === 'email' ? [] : chatMessages(id, topic, channel, customer.name, agent, startedAt);
    const emails = channel === 'email' ? emailThread(id, topic, email, queue.mailbox ?? 'support@acme.example', agent, startedAt) : [];
    const lastEmail = emails[emails.length - 1];
    const lastMessage = messages[messages.length - 1];
    const lastText = channel === 'email' ? (lastEmail?.text ?? `Re: ${topic.subject}`) : (lastMessage?.text ?? '');
    const endedAt = ((channel === 'email' ? lastEmail : lastMessage)?.timestamp ?? startedAt) + random.int(1, 10) * MINUTE;
    past.push({
      id,
      channel,
      queue: { id: queue.id, name: queue.name },
      startedAt,
      endedAt,
      wrapupReasons: reasonsFor(random, channel),
      ...(random.chance(0.3) ? { notes: `Customer contacted us about: ${topic.subject}.` } : {}),
      preview: preview(lastText),
      messages,
      emails,
    });
  }
  return past;
}
