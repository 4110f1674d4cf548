/**
 * The store's commands around the conversation rather than in it: the consult with another
 * agent (warm transfer), who the customer is and what they asked before, and the backend's
 * composing help. Every one is optional in the adapter and gated by a capability.
 * @packageDocumentation
 */
import { capabilitiesOf } from '../channels.js';
import type { ChatMessage, CustomerProfile, PastInteractionPage } from '../types.js';
import { localId, type CommandHost } from './command-host.js';
import { cleanSuggestions, cleanSummary, latestCustomerMessage } from './composing.js';

/** How many past conversations a page of the customer panel asks for. */
export const PAST_INTERACTIONS_PAGE_SIZE = 5;

/** The agent-context commands of one store; `InteractionStore` documents each. */
export class AgentContextCommands {
  readonly #host: CommandHost;

  constructor(host: CommandHost) {
    this.#host = host;
  }

  // ---- consult (warm transfer) ------------------------------------------------

  async startConsult(interactionId: string, agentId: string): Promise<void> {
    const host = this.#host;
    const i = host.require('startConsult', interactionId);
    const start = host.adapter.startConsult?.bind(host.adapter);
    if (!start || !host.state().capabilities.consult || !capabilitiesOf(i.channel).conference) {
      throw host.fail('startConsult', interactionId, new Error('the backend offers no consult for this conversation'), 'invalid-command');
    }
    await host.call('startConsult', interactionId, () => start({ interactionId, agentId }));
  }

  async sendConsultMessage(interactionId: string, text: string): Promise<string> {
    const host = this.#host;
    const i = host.require('sendConsultMessage', interactionId);
    const send = host.adapter.sendConsultMessage?.bind(host.adapter);
    if (!send || i.consult?.state !== 'started') {
      throw host.fail('sendConsultMessage', interactionId, new Error('no consult is in progress'), 'invalid-command');
    }
    const message: ChatMessage = {
      id: localId('consult'),
      author: 'agent',
      authorName: host.state().agent.name,
      text,
      format: 'plain',
      timestamp: host.now(),
      attachments: [],
      status: 'sending',
    };
    host.dispatch({ type: 'local/consult-message-sending', interactionId, message });
    try {
      const result = await send({ interactionId, clientMessageId: message.id, text });
      const messageId = result.messageId ?? message.id;
      host.dispatch({ type: 'local/consult-message-sent', interactionId, clientMessageId: message.id, messageId, timestamp: result.timestamp ?? message.timestamp });
      return messageId;
    } catch (e) {
      const error = host.fail('sendConsultMessage', interactionId, e);
      host.dispatch({ type: 'local/consult-message-failed', interactionId, messageId: message.id, error: error.message });
      return message.id;
    }
  }

  async completeConsultTransfer(interactionId: string): Promise<void> {
    const host = this.#host;
    const i = host.require('completeConsultTransfer', interactionId);
    const complete = host.adapter.completeConsultTransfer?.bind(host.adapter);
    if (!complete || i.consult?.state !== 'started') {
      throw host.fail('completeConsultTransfer', interactionId, new Error('no consult is in progress'), 'invalid-command');
    }
    await host.call('completeConsultTransfer', interactionId, () => complete(interactionId));
  }

  async cancelConsult(interactionId: string): Promise<void> {
    const host = this.#host;
    const i = host.require('cancelConsult', interactionId);
    const cancel = host.adapter.cancelConsult?.bind(host.adapter);
    if (!cancel || (i.consult?.state !== 'started' && i.consult?.state !== 'requested')) {
      throw host.fail('cancelConsult', interactionId, new Error('no consult is in progress'), 'invalid-command');
    }
    await host.call('cancelConsult', interactionId, () => cancel(interactionId));
  }

  // ---- who the customer is ----------------------------------------------------

  getCustomer(interactionId: string): Promise<CustomerProfile> {
    const host = this.#host;
    const get = host.adapter.getCustomer?.bind(host.adapter);
    if (!get || !host.state().capabilities.customer) {
      return Promise.reject(host.fail('getCustomer', interactionId, new Error('the backend provides no customer profile'), 'invalid-command'));
    }
    return host.call('getCustomer', interactionId, () => get({ interactionId }));
  }

  listPastInteractions(interactionId: string, cursor: string | undefined, limit: number): Promise<PastInteractionPage> {
    const host = this.#host;
    const list = host.adapter.listPastInteractions?.bind(host.adapter);
    if (!list || !host.state().capabilities.history) {
      return Promise.reject(host.fail('listPastInteractions', interactionId, new Error('the backend provides no conversation history'), 'invalid-command'));
    }
    return host.call('listPastInteractions', interactionId, () => list({ interactionId, limit, ...(cursor !== undefined ? { cursor } : {}) }));
  }

  // ---- composing help ------------------------------------------------------------

  async suggestReplies(interactionId: string): Promise<readonly string[]> {
    const host = this.#host;
    const suggest = host.adapter.suggestReplies?.bind(host.adapter);
    if (!suggest || !host.state().capabilities.suggestions) {
      throw host.fail('suggestReplies', interactionId, new Error('the backend suggests no replies'), 'invalid-command');
    }
    const message = latestCustomerMessage(host.require('suggestReplies', interactionId));
    if (!message) return [];
    const suggestions = await host.call('suggestReplies', interactionId, () => suggest({ interactionId, messageId: message.id }));
    // Cleaning goes through `call` too: a malformed answer is reported like a failed one.
    return host.call('suggestReplies', interactionId, () => Promise.resolve(cleanSuggestions(suggestions)));
  }

  async summarize(interactionId: string): Promise<string> {
    const host = this.#host;
    const summarize = host.adapter.summarize?.bind(host.adapter);
    if (!summarize || !host.state().capabilities.summary) {
      throw host.fail('summarize', interactionId, new Error('the backend makes no summaries'), 'invalid-command');
    }
    host.require('summarize', interactionId);
    const summary = await host.call('summarize', interactionId, () => summarize({ interactionId }));
    return host.call('summarize', interactionId, () => Promise.resolve(cleanSummary(summary)));
  }
}
