/**
 * The worked example of the "Integrate your backend" docs page: a ContactCenterAdapter
 * for a fictional backend, "Acme Contact API", that streams what happens over
 * Server-Sent Events and takes the agent's commands as REST calls. It is type-checked
 * and linted with the project, so the page never shows code that does not compile.
 */
import { Observable, share } from 'rxjs';
import type {
  AgentAvailability,
  Attachment,
  Channel,
  ChatMessage,
  ContactCenterAdapter,
  ContactCenterEvent,
  DirectoryAgent,
  MessageTemplate,
  Queue,
  SendEmailRequest,
  SendEmailResult,
  SendMessageRequest,
  SendMessageResult,
  TransferRequest,
  Workflow,
  WorkflowResult,
  WrapupReason,
  WrapupRequest,
} from '../../src/index.js'; // in your code: from 'cc-digital-widgets'

// ---- What the Acme backend sends (its own vocabulary) ------------------------------

interface AcmeFile {
  readonly id: string;
  readonly filename: string;
  readonly bytes: number;
  readonly contentType: string;
  readonly href: string;
}

interface AcmeChatMessage {
  readonly id: string;
  readonly from: 'customer' | 'agent' | 'system';
  readonly name?: string;
  readonly text: string;
  readonly markdown?: boolean;
  /** ISO 8601 */
  readonly sentAt: string;
  readonly files?: readonly AcmeFile[];
}

interface AcmeContactOffered {
  readonly contactId: string;
  readonly channel: Channel;
  readonly queue: { readonly id: string; readonly name: string };
  readonly customer: { readonly name: string; readonly email?: string; readonly phone?: string };
  readonly origin: { readonly page?: string; readonly phone?: string; readonly dialledNumber?: string; readonly email?: string };
  readonly openingMessage?: AcmeChatMessage;
}

/** Options of {@link AcmeContactCenter}. */
export interface AcmeOptions {
  /** e.g. `https://contact.acme.example/api/v1` */
  readonly baseUrl: string;
  readonly agentId: string;
  /** Sent as a bearer token on REST calls; the event stream uses the session cookie. */
  readonly token: string;
}

const time = (iso: string): number => Date.parse(iso);

const toAttachment = (f: AcmeFile): Attachment => ({ id: f.id, name: f.filename, size: f.bytes, mimeType: f.contentType, url: f.href });

const toMessage = (m: AcmeChatMessage): ChatMessage => ({
  id: m.id,
  author: m.from,
  ...(m.name ? { authorName: m.name } : {}),
  text: m.text,
  format: m.markdown ? 'markdown' : 'plain',
  timestamp: time(m.sentAt),
  attachments: (m.files ?? []).map(toAttachment),
});

/**
 * Translates one Server-Sent Event into the widgets' event. The store validates every
 * event at run time, so a malformed frame is reported on `store.errors$` and changes
 * nothing; it never throws into the page.
 */
function toEvent(kind: string, data: string): ContactCenterEvent | undefined {
  const at = Date.now();
  switch (kind) {
    case 'contact.offered': {
      const o = JSON.parse(data) as AcmeContactOffered;
      return {
        type: 'offer',
        at,
        interactionId: o.contactId,
        channel: o.channel,
        queue: o.queue,
        customer: o.customer,
        source: { page: o.origin.page, phoneNumber: o.origin.phone, sourceNumber: o.origin.dialledNumber, email: o.origin.email },
        messages: o.openingMessage ? [toMessage(o.openingMessage)] : [],
      };
    }
    case 'contact.accepted': {
      const { contactId } = JSON.parse(data) as { contactId: string };
      return { type: 'interaction-accepted', at, interactionId: contactId };
    }
    case 'chat.message': {
      const { contactId, message } = JSON.parse(data) as { contactId: string; message: AcmeChatMessage };
      return { type: 'message-received', at, interactionId: contactId, message: toMessage(message) };
    }
    case 'chat.receipt': {
      const r = JSON.parse(data) as { contactId: string; messageId: string; state: 'delivered' | 'read' | 'failed'; reason?: string };
      return { type: 'message-status', at, interactionId: r.contactId, messageId: r.messageId, status: r.state, ...(r.reason ? { error: r.reason } : {}) };
    }
    case 'chat.typing': {
      const { contactId, typing } = JSON.parse(data) as { contactId: string; typing: boolean };
      return { type: 'customer-typing', at, interactionId: contactId, typing };
    }
    case 'agent.state': {
      const { state } = JSON.parse(data) as { state: AgentAvailability };
      return { type: 'agent-state-changed', at, state };
    }
    // Transfers, conferences, emails, participants, endings and wrap-up: Acme already
    // sends these in the widgets' own format.
    case 'cc-event':
      return JSON.parse(data) as ContactCenterEvent;
    default:
      return undefined;
  }
}

/** The SSE event names this adapter listens to. */
const KINDS = ['contact.offered', 'contact.accepted', 'chat.message', 'chat.receipt', 'chat.typing', 'agent.state', 'cc-event'];

/** A ContactCenterAdapter for the Acme Contact API: SSE in, REST out. */
export class AcmeContactCenter implements ContactCenterAdapter {
  readonly #options: AcmeOptions;

  /**
   * One EventSource, shared by every subscriber and closed when the last one leaves.
   * EventSource reconnects by itself and resends `Last-Event-ID`, so the backend can
   * replay what the agent missed.
   */
  readonly events$: Observable<ContactCenterEvent>;

  constructor(options: AcmeOptions) {
    this.#options = options;
    this.events$ = new Observable<ContactCenterEvent>((subscriber) => {
      const source = new EventSource(`${options.baseUrl}/agents/${encodeURIComponent(options.agentId)}/events`, { withCredentials: true });
      const onEvent = (e: MessageEvent<string>): void => {
        try {
          const event = toEvent(e.type, e.data);
          if (event) subscriber.next(event);
        } catch (error) {
          // Not JSON: the stream goes on; the console says why.
          console.warn('Acme: unreadable event', e.type, error);
        }
      };
      for (const kind of KINDS) source.addEventListener(kind, onEvent);
      return () => source.close();
    }).pipe(share());
  }

  /** One REST call; rejects with the backend's own explanation, which the widgets show. */
  async #call<T>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.#options.baseUrl}${path}`, {
      method,
      headers: { Authorization: `Bearer ${this.#options.token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? null : JSON.stringify(body),
    });
    if (!response.ok) {
      const problem = (await response.json().catch(() => ({}))) as { message?: string };
      throw new Error(problem.message ?? `${method} ${path} failed with HTTP ${response.status}`);
    }
    return (response.status === 204 ? undefined : await response.json()) as T;
  }

  #contact(id: string, action: string): string {
    return `/contacts/${encodeURIComponent(id)}/${action}`;
  }

  async acceptOffer(interactionId: string): Promise<void> {
    await this.#call('POST', this.#contact(interactionId, 'accept'));
  }

  async sendMessage(request: SendMessageRequest): Promise<SendMessageResult> {
    // clientMessageId doubles as the idempotency key: a retried send is not sent twice.
    const sent = await this.#call<{ id: string; sentAt: string }>('POST', this.#contact(request.interactionId, 'messages'), {
      idempotencyKey: request.clientMessageId,
      text: request.text,
      markdown: request.format === 'markdown',
      fileIds: request.attachments.map((a) => a.id),
    });
    return { messageId: sent.id, status: 'sent', timestamp: time(sent.sentAt) };
  }

  async sendEmail(request: SendEmailRequest): Promise<SendEmailResult> {
    const { interactionId, clientEmailId, attachments, ...email } = request;
    const sent = await this.#call<{ id: string; sentAt: string }>('POST', this.#contact(interactionId, 'emails'), {
      ...email,
      idempotencyKey: clientEmailId,
      fileIds: attachments.map((a) => a.id),
    });
    return { emailId: sent.id, timestamp: time(sent.sentAt) };
  }

  async transfer({ interactionId, target }: TransferRequest): Promise<void> {
    await this.#call('POST', this.#contact(interactionId, 'transfer'), target.kind === 'queue' ? { queueId: target.queueId } : { agentId: target.agentId });
  }

  async inviteToConference({ interactionId, agentId }: { readonly interactionId: string; readonly agentId: string }): Promise<void> {
    await this.#call('POST', this.#contact(interactionId, 'conference'), { agentId });
  }

  async exitConference(interactionId: string): Promise<void> {
    await this.#call('POST', this.#contact(interactionId, 'conference/exit'));
  }

  async endConference(interactionId: string): Promise<void> {
    await this.#call('POST', this.#contact(interactionId, 'conference/end'));
  }

  async endInteraction(interactionId: string): Promise<void> {
    await this.#call('POST', this.#contact(interactionId, 'end'));
  }

  async submitWrapup({ interactionId, reasonIds }: WrapupRequest): Promise<void> {
    await this.#call('POST', this.#contact(interactionId, 'wrapup'), { reasonIds });
  }

  async setAgentState(state: AgentAvailability): Promise<void> {
    await this.#call('PUT', `/agents/${encodeURIComponent(this.#options.agentId)}/state`, { state });
  }

  triggerWorkflow({ interactionId, workflowId }: { readonly interactionId: string; readonly workflowId: string }): Promise<WorkflowResult> {
    return this.#call<WorkflowResult>('POST', this.#contact(interactionId, `workflows/${encodeURIComponent(workflowId)}`));
  }

  async uploadAttachment(interactionId: string, file: File): Promise<Attachment> {
    const form = new FormData();
    form.append('file', file);
    const response = await fetch(`${this.#options.baseUrl}${this.#contact(interactionId, 'files')}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${this.#options.token}` },
      body: form,
    });
    if (!response.ok) throw new Error(`Upload of ${file.name} failed with HTTP ${response.status}`);
    return toAttachment((await response.json()) as AcmeFile);
  }

  listQueues(channel: Channel): Promise<readonly Queue[]> {
    return this.#call('GET', `/queues?channel=${channel}`);
  }

  listAgents(): Promise<readonly DirectoryAgent[]> {
    return this.#call('GET', '/agents');
  }

  listWrapupReasons(channel: Channel): Promise<readonly WrapupReason[]> {
    return this.#call('GET', `/wrapup-reasons?channel=${channel}`);
  }

  listTemplates(channel: Channel): Promise<readonly MessageTemplate[]> {
    return this.#call('GET', `/templates?channel=${channel}`);
  }

  listWorkflows(channel: Channel): Promise<readonly Workflow[]> {
    return this.#call('GET', `/workflows?channel=${channel}`);
  }
}
