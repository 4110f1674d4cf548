/**
 * What the reference backend supports: every capability unless switched off (the
 * `CAPABILITIES_OFF` setting), announced in the welcome; a command of a switched-off
 * capability is refused as a backend without it would.
 * @packageDocumentation
 */
import { announcedCapabilities } from '../../src/adapters/websocket/capabilities.js';
import type { CommandName } from '../../src/adapters/websocket/protocol.js';
import { CAPABILITIES, isCapability, type Capabilities, type Capability } from '../../src/core/types.js';

/** The capability each command needs; commands not listed are always available. */
const NEEDS: Readonly<Partial<Record<CommandName, Capability>>> = {
  transfer: 'transfer',
  inviteToConference: 'conference',
  uploadAttachment: 'attachments',
  listTemplates: 'templates',
  listWorkflows: 'workflows',
  startConsult: 'consult',
  sendConsultMessage: 'consult',
  completeConsultTransfer: 'consult',
  cancelConsult: 'consult',
  getCustomer: 'customer',
  listPastInteractions: 'history',
  suggestReplies: 'suggestions',
  summarize: 'summary',
};

/** The capability command `name` needs, if any. */
export function requiredCapability(name: CommandName): Capability | undefined {
  return NEEDS[name];
}

/** Every capability on, but those switched off. */
export function backendCapabilities(switched: Readonly<Partial<Record<Capability, boolean>>> = {}): Capabilities {
  return announcedCapabilities(Object.fromEntries(CAPABILITIES.map((c) => [c, switched[c] ?? true])));
}

/**
 * Reads `CAPABILITIES_OFF` (comma-separated capability names) into the capabilities switched
 * off. Throws on an unknown name, so a typo does not leave a feature on unnoticed.
 */
export function capabilitiesOff(setting: string | undefined): Partial<Record<Capability, boolean>> {
  const off: Partial<Record<Capability, boolean>> = {};
  for (const raw of (setting ?? '').split(',')) {
    const name = raw.trim();
    if (name === '') continue;
    if (!isCapability(name)) throw new Error(`CAPABILITIES_OFF: ${name} is not a capability (${CAPABILITIES.join(', ')})`);
    off[name] = false;
  }
  return off;
}
