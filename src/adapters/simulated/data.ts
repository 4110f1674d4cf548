/**
 * Seed data of the simulated contact center: queues, directory agents, wrap-up
 * reasons, templates, workflows, and the customers and phrases that random
 * traffic draws from. Plain data; the simulator copies what it changes.
 * @packageDocumentation
 */
import type {
  AgentAvailability,
  AgentProfile,
  Channel,
  ChatChannel,
  DirectoryAgent,
  MessageTemplate,
  SourceNumberKind,
  Queue,
  Workflow,
  WrapupReason,
} from '../../core/types.js';
import { CHANNELS, isChatChannel } from '../../core/types.js';

/** The agent logged in to the simulator when the options name none. */
export const DEFAULT_AGENT: AgentProfile = { id: 'agent-me', name: 'Alex Morgan' };

/**
 * A queue with the contact addresses customers reach it by: the Facebook page
 * (messenger), the number customers text (sms) and the mailbox (email).
 */
export interface SimulatedQueue extends Queue {
  /** Facebook page name shown as the source of messenger offers. */
  readonly page?: string;
  /** Contact-center number shown as the source number of sms offers. */
  readonly sourceNumber?: string;
  /** Its kind. */
  readonly sourceNumberKind?: SourceNumberKind;
  /** Mailbox address inbound emails of this queue are sent to. */
  readonly mailbox?: string;
}

/** Queues. The first queue serving a channel is that channel's default. */
export const SEED_QUEUES: readonly SimulatedQueue[] = [
  { id: 'q-messenger-support', name: 'Messenger Support', channels: ['messenger'], page: 'Acme Support' },
  { id: 'q-sms-support', name: 'SMS Support', channels: ['sms'], sourceNumber: '+1 555 0100', sourceNumberKind: 'long-code' },
  { id: 'q-webchat-sales', name: 'Web Chat Sales', channels: ['webchat'] },
  { id: 'q-email-support', name: 'Email Support', channels: ['email'], mailbox: 'support@acme.example', mailboxes: ['support@acme.example', 'help@acme.example'] },
  { id: 'q-webchat-support', name: 'Web Chat Support', channels: ['webchat'] },
  { id: 'q-email-billing', name: 'Billing (Email)', channels: ['email'], mailbox: 'billing@acme.example', mailboxes: ['billing@acme.example', 'accounts@acme.example'] },
  {
    id: 'q-general',
    name: 'General Enquiries',
    channels: ['messenger', 'sms', 'webchat'],
    page: 'Acme',
    sourceNumber: '+1 800 555 0199',
    sourceNumberKind: 'toll-free',
  },
  { id: 'q-priority', name: 'Priority Care', channels: ['messenger', 'webchat'], page: 'Acme Priority' },
  { id: 'q-sms-shortcode', name: 'SMS Offers', channels: ['sms'], sourceNumber: '72345', sourceNumberKind: 'short-code' },
];

/**
 * Other agents in the directory (transfer and conference targets), with a spread of
 * availabilities, and supervisors (WebChat transfer targets).
 */
export const SEED_DIRECTORY: readonly DirectoryAgent[] = [
  { id: 'agent-priya', name: 'Priya Natarajan', availability: 'available' },
  { id: 'agent-tom', name: 'Tom Becker', availability: 'available' },
  { id: 'agent-mei', name: 'Mei Lin', availability: 'busy' },
  { id: 'agent-samuel', name: 'Samuel Okafor', availability: 'idle' },
  { id: 'agent-lucia', name: 'Lucía Fernández', availability: 'available' },
  { id: 'agent-hannah', name: 'Hannah Schmidt', availability: 'offline' },
  { id: 'agent-raj', name: 'Raj Patel', availability: 'rona' },
  { id: 'agent-supervisor', name: 'Dana Whitfield', availability: 'available', role: 'supervisor' },
  { id: 'agent-marcus', name: 'Marcus Reed', availability: 'offline', role: 'supervisor' },
];

/** A wrap-up reason and the channels it applies to. */
export interface SimulatedWrapupReason extends WrapupReason {
  readonly channels: readonly Channel[];
}

const ALL = CHANNELS;
const CHATS: readonly ChatChannel[] = CHANNELS.filter(isChatChannel);

/** Wrap-up reasons. */
export const SEED_WRAPUP_REASONS: readonly SimulatedWrapupReason[] = [
  { id: 'wr-resolved', name: 'Resolved', channels: ALL },
  { id: 'wr-follow-up', name: 'Follow-up required', channels: ALL },
  { id: 'wr-escalated', name: 'Escalated', channels: ALL },
  { id: 'wr-wrong-queue', name: 'Wrong queue', channels: ALL },
  { id: 'wr-spam', name: 'Spam or abuse', channels: ALL },
  { id: 'wr-product-question', name: 'Product question', channels: ['webchat', 'messenger'] },
  { id: 'wr-sales-lead', name: 'Sales lead', channels: ['webchat'] },
  { id: 'wr-billing', name: 'Billing enquiry', channels: ['webchat', 'email', 'sms'] },
  { id: 'wr-opt-out', name: 'Opt-out request', channels: ['sms'] },
  { id: 'wr-info-sent', name: 'Information sent', channels: ['email'] },
];

/**
 * Templates of every kind the widgets support: attached (plain), locked (R-TPL-02),
 * with replaceable `[[parameters]]` (R-TPL-03) and with system `{{variables}}` (R-TPL-04).
 */
export const SEED_TEMPLATES: readonly MessageTemplate[] = [
  {
    id: 'tpl-greeting',
    name: 'Greeting',
    body: 'Hi {{customerName}}, I am {{agentName}} from {{queueName}}. How can I help you today?',
    locked: false,
    channels: CHATS,
  },
  {
    id: 'tpl-thanks-waiting',
    name: 'Thanks for waiting',
    body: 'Thank you for your patience. I am looking into this for you now.',
    locked: false,
    channels: CHATS,
  },
  {
    id: 'tpl-order-status',
    name: 'Order status',
    body: 'Your order [[orderNumber]] shipped on [[shipDate]] and should arrive within [[days]] business days.',
    locked: false,
    channels: ALL,
  },
  {
    id: 'tpl-privacy',
    name: 'Privacy notice (locked)',
    body: 'For your security, never share your full card number, password or health details in this conversation.',
    locked: true,
    channels: ALL,
  },
  {
    id: 'tpl-closing',
    name: 'Closing',
    body: '**Is there anything else I can help you with, {{customerName}}?**\n\nIf not, I will close this conversation.',
    locked: false,
    channels: ['messenger', 'webchat'],
  },
  {
    id: 'tpl-opening-hours',
    name: 'Opening hours',
    body: 'Our team is available:\n\n- Monday to Friday, 8:00 to 20:00\n- Saturday, 9:00 to 17:00',
    locked: false,
    channels: ['messenger', 'webchat', 'email'],
  },
  {
    id: 'tpl-sms-opt-out',
    name: 'Opt-out footer (locked)',
    body: 'Reply STOP to opt out of messages from Acme.',
    locked: true,
    channels: ['sms'],
  },
  {
    id: 'tpl-callback',
    name: 'Callback offer',
    body: 'Hi {{customerName}}, we can call you back at [[time]] on [[phoneNumber]]. Does that suit you?',
    locked: false,
    channels: ['sms', 'webchat'],
  },
  {
    // Uses a variable the desktop does not know: the widget reports it and never sends it raw (R-TPL-04).
    id: 'tpl-case-reference',
    name: 'Case reference',
    body: 'Your case number is {{caseId}}. Please keep it for future contact.',
    locked: false,
    channels: CHATS,
  },
  {
    id: 'tpl-email-acknowledge',
    name: 'Email acknowledgement',
    body: 'Dear {{customerName}},\n\nThank you for contacting {{queueName}}. Your reference is [[caseNumber]]; we will reply within one business day.\n\nKind regards,\n{{agentName}}',
    locked: false,
    channels: ['email'],
  },
  {
    id: 'tpl-email-refund',
    name: 'Refund confirmation (locked)',
    body: 'Dear customer,\n\nYour refund has been approved and will reach your account within 5 to 7 business days.\n\nAcme Billing',
    locked: true,
    channels: ['email'],
  },
];

/** A workflow and the channels it can be triggered from. */
export interface SimulatedWorkflow extends Workflow {
  readonly channels: readonly Channel[];
}

/**
 * Workflows. Any workflow whose id contains `fail` reports failure
 * (`{ ok: false }`), so hosts can show both outcomes (R-CHAT-10).
 */
export const SEED_WORKFLOWS: readonly SimulatedWorkflow[] = [
  { id: 'wf-create-case', name: 'Create CRM case', channels: ALL },
  { id: 'wf-send-survey', name: 'Send satisfaction survey', channels: CHATS },
  { id: 'wf-schedule-callback', name: 'Schedule callback', channels: ['sms', 'webchat'] },
  { id: 'wf-lookup-order', name: 'Look up order', channels: ALL },
  { id: 'wf-refund-fail', name: 'Issue refund', channels: ALL },
];

/** A customer random traffic (and offers naming no one) can be drawn from. */
export interface SimulatedCustomer {
  readonly name: string;
  readonly email: string;
  readonly phone: string;
}

/** Customers. */
export const SEED_CUSTOMERS: readonly [SimulatedCustomer, ...SimulatedCustomer[]] = [
  { name: 'Ana Souza', email: 'ana.souza@example.com', phone: '+1 555 0123' },
  { name: 'Li Wei', email: 'li.wei@example.cn', phone: '+86 138 0013 8000' },
  { name: "James O'Connor", email: 'james.oconnor@example.ie', phone: '+353 85 555 0147' },
  { name: 'Fatima Zahra', email: 'fatima.zahra@example.ma', phone: '+212 600 555 012' },
  { name: 'Mateo García', email: 'mateo.garcia@example.es', phone: '+34 600 555 019' },
  { name: 'Yuki Tanaka', email: 'yuki.tanaka@example.jp', phone: '+81 90 5550 0101' },
  { name: 'Olivia Brown', email: 'olivia.brown@example.co.uk', phone: '+44 7700 900123' },
  { name: '陈静', email: 'chen.jing@example.cn', phone: '+86 139 0013 9000' },
  { name: 'Kwame Mensah', email: 'kwame.mensah@example.gh', phone: '+233 20 555 0110' },
  { name: 'Sofia Rossi', email: 'sofia.rossi@example.it', phone: '+39 320 555 0175' },
];

/** Opening messages of random chat offers. */
export const OPENING_LINES: readonly [string, ...string[]] = [
  'Hi, my order has not arrived yet. Can you help?',
  'Hello! I would like to change my delivery address.',
  'I was charged twice for the same purchase.',
  'Do you ship to Canada?',
  'My password reset email never arrives.',
  '你好，我想查询一下我的订单状态。',
  'Can I upgrade my plan without losing my data?',
  'The app crashes every time I open the settings page.',
];

/** Customer replies during random traffic. */
export const REPLY_LINES: readonly [string, ...string[]] = [
  'Thanks!',
  'OK, let me check.',
  'My order number is 48213.',
  'That works for me.',
  'Sorry, I do not understand. Could you explain?',
  'Great, thank you so much 🙂',
  'Is there anything else you need from me?',
  '好的，谢谢。',
  'Hmm, that did not work. I still see the same error.',
];

/** Subjects of random inbound emails. */
export const EMAIL_SUBJECTS: readonly [string, ...string[]] = [
  'Invoice 2024-118 looks wrong',
  'Question about my subscription',
  'Damaged item received',
  'Request for a copy of my contract',
];

/** Availabilities a directory agent drifts between during random traffic. */
export const DRIFT_AVAILABILITIES: readonly [AgentAvailability, ...AgentAvailability[]] = ['available', 'busy', 'idle', 'available'];
