/**
 * Command arguments rebuilt from the fields the protocol defines, after validation:
 * whatever else a client puts in a frame (extra fields, deep nesting) is never stored,
 * logged or sent to other clients, so it cannot make the log unreadable.
 * @packageDocumentation
 */
import type { CommandArgs, CommandName } from '../../src/adapters/websocket/protocol.js';
import type { Attachment } from '../../src/core/types.js';

function attachment(a: Attachment): Attachment {
  return {
    id: a.id,
    name: a.name,
    size: a.size,
    mimeType: a.mimeType,
    ...(a.url === undefined ? {} : { url: a.url }),
    ...(a.contentId === undefined ? {} : { contentId: a.contentId }),
  };
}

/** The validated arguments of `name`, with only the protocol's fields. */
export function normalizeArgs<K extends CommandName>(name: K, args: CommandArgs<K>): CommandArgs<K> {
  return normalize(name, args) as CommandArgs<K>;
}

function normalize(name: CommandName, raw: unknown): unknown {
  switch (name) {
    case 'acceptOffer':
    case 'exitConference':
    case 'endConference':
    case 'endInteraction': {
      const a = raw as CommandArgs<'acceptOffer'>;
      return { interactionId: a.interactionId };
    }
    case 'sendMessage': {
      const a = raw as CommandArgs<'sendMessage'>;
      return { interactionId: a.interactionId, clientMessageId: a.clientMessageId, text: a.text, format: a.format, attachments: a.attachments.map(attachment) };
    }
    case 'sendEmail': {
      const a = raw as CommandArgs<'sendEmail'>;
      return {
        interactionId: a.interactionId,
        clientEmailId: a.clientEmailId,
        mode: a.mode,
        inReplyTo: a.inReplyTo,
        to: [...a.to],
        cc: [...a.cc],
        ...(a.bcc ? { bcc: [...a.bcc] } : {}),
        ...(a.from === undefined ? {} : { from: a.from }),
        subject: a.subject,
        html: a.html,
        text: a.text,
        attachments: a.attachments.map(attachment),
      };
    }
    case 'transfer': {
      const a = raw as CommandArgs<'transfer'>;
      const target = a.target.kind === 'queue' ? { kind: 'queue', queueId: a.target.queueId } : { kind: 'agent', agentId: a.target.agentId };
      return { interactionId: a.interactionId, target };
    }
    case 'inviteToConference': {
      const a = raw as CommandArgs<'inviteToConference'>;
      return { interactionId: a.interactionId, agentId: a.agentId };
    }
    case 'submitWrapup': {
      const a = raw as CommandArgs<'submitWrapup'>;
      return {
        interactionId: a.interactionId,
        reasonIds: [...a.reasonIds],
        ...(a.notes === undefined ? {} : { notes: a.notes }),
        ...(a.automatic === undefined ? {} : { automatic: a.automatic }),
      };
    }
    case 'startConsult': {
      const a = raw as CommandArgs<'startConsult'>;
      return { interactionId: a.interactionId, agentId: a.agentId };
    }
    case 'sendConsultMessage': {
      const a = raw as CommandArgs<'sendConsultMessage'>;
      return { interactionId: a.interactionId, clientMessageId: a.clientMessageId, text: a.text };
    }
    case 'completeConsultTransfer':
    case 'cancelConsult':
    case 'getCustomer': {
      const a = raw as CommandArgs<'getCustomer'>;
      return { interactionId: a.interactionId };
    }
    case 'listPastInteractions': {
      const a = raw as CommandArgs<'listPastInteractions'>;
      return { interactionId: a.interactionId, limit: a.limit, ...(a.cursor === undefined ? {} : { cursor: a.cursor }) };
    }
    case 'setAgentState': {
      const a = raw as CommandArgs<'setAgentState'>;
      return { state: a.state };
    }
    case 'triggerWorkflow': {
      const a = raw as CommandArgs<'triggerWorkflow'>;
      return { interactionId: a.interactionId, workflowId: a.workflowId };
    }
    case 'uploadAttachment': {
      const a = raw as CommandArgs<'uploadAttachment'>;
      return { interactionId: a.interactionId, name: a.name, mimeType: a.mimeType, size: a.size, dataBase64: a.dataBase64 };
    }
    case 'listQueues':
    case 'listWrapupReasons':
    case 'listTemplates':
    case 'listWorkflows': {
      const a = raw as CommandArgs<'listQueues'>;
      return { channel: a.channel };
    }
    case 'listAgents':
      return {};
    case 'suggestReplies': {
      const a = raw as CommandArgs<'suggestReplies'>;
      return { interactionId: a.interactionId, messageId: a.messageId };
    }
    case 'summarize': {
      const a = raw as CommandArgs<'summarize'>;
      return { interactionId: a.interactionId };
    }
  }
}
