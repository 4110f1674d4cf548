/**
 * Sending the agent's chat messages: each shows at once as `sending`, then goes through the
 * interaction's {@link Outbox}, so messages reach the customer in the order they were written
 * and a failed one is retried before any later one is attempted.
 * @packageDocumentation
 */
import type { Attachment, ChatMessage, MessageFormat } from '../types.js';
import { localId, type CommandHost } from './command-host.js';
import { Outbox, type AttemptOutcome, type RetryPolicy } from './outbox.js';

/** Options of a chat message the agent sends. */
export interface SendOptions {
  readonly format?: MessageFormat;
  readonly attachments?: readonly Attachment[];
}

/** The chat-message commands of one store and their delivery queues; `InteractionStore` documents each. */
export class MessageCommands {
  readonly #host: CommandHost;
  readonly #outbox: Outbox;
  /** Backend ids of sent messages, by the id the store gave them. */
  readonly #sentIds = new Map<string, string>();
  #disposed = false;

  constructor(host: CommandHost, retry: RetryPolicy) {
    this.#host = host;
    this.#outbox = new Outbox((interactionId, messageId) => this.#attempt(interactionId, messageId), retry);
  }

  async send(interactionId: string, text: string, options: SendOptions): Promise<string> {
    const host = this.#host;
    const i = host.require('send', interactionId);
    const message: ChatMessage = {
      id: localId('msg'),
      author: 'agent',
      authorName: host.state().agent.name,
      text,
      format: options.format ?? 'plain',
      timestamp: host.now(),
      attachments: options.attachments ?? [],
      status: 'sending',
    };
    host.dispatch({ type: 'local/message-sending', interactionId: i.id, message });
    await this.#outbox.enqueue(interactionId, message.id);
    return this.#sentIds.get(message.id) ?? message.id;
  }

  async retry(interactionId: string, messageId: string): Promise<string> {
    const host = this.#host;
    const i = host.require('retry', interactionId);
    const message = i.messages.find((m) => m.id === messageId);
    if (!message || message.status !== 'failed') {
      throw host.fail('retry', interactionId, new Error(`message ${messageId} has not failed`), 'invalid-command');
    }
    // A failed message is always the head of its interaction's queue, unless the queue gave up after a dispose.
    if (!this.#outbox.has(interactionId, messageId)) void this.#outbox.enqueue(interactionId, messageId);
    else await this.#outbox.retryNow(interactionId);
    return this.#sentIds.get(messageId) ?? messageId;
  }

  /** Forgets an interaction's unsent messages: once it is wrapped up they have nowhere to go. */
  drop(interactionId: string): void {
    this.#outbox.drop(interactionId);
  }

  /** Sends waiting and given-up messages now (the connection is back). */
  resume(): void {
    this.#outbox.resume();
  }

  dispose(): void {
    this.#disposed = true;
    this.#outbox.dispose();
  }

  /** One delivery attempt of a queued message, for the {@link Outbox}. */
  async #attempt(interactionId: string, messageId: string): Promise<AttemptOutcome> {
    const host = this.#host;
    const message = host.state().interactions[interactionId]?.messages.find((m) => m.id === messageId);
    if (!message || this.#disposed) return 'gone';
    if (message.status === 'failed') host.dispatch({ type: 'local/message-retry', interactionId, messageId });
    try {
      const result = await host.adapter.sendMessage({
        interactionId,
        clientMessageId: message.id,
        text: message.text,
        format: message.format,
        attachments: message.attachments,
      });
      const sentId = result.messageId ?? message.id;
      this.#sentIds.set(message.id, sentId);
      host.dispatch({
        type: 'local/message-sent',
        interactionId,
        clientMessageId: message.id,
        messageId: sentId,
        status: result.status ?? 'sent',
        timestamp: result.timestamp ?? message.timestamp,
      });
      return 'delivered';
    } catch (e) {
      const error = host.fail('send', interactionId, e);
      host.dispatch({ type: 'local/message-failed', interactionId, messageId: message.id, error: error.message });
      return 'failed';
    }
  }
}
