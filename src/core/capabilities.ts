/**
 * What an adapter can do: its declaration ({@link ContactCenterAdapter.capabilities}) with
 * the gaps filled from the methods it has, so a backend never shows a button it cannot honour.
 * @packageDocumentation
 */
import type { ContactCenterAdapter } from './adapter.js';
import { CAPABILITIES, type Capabilities, type Capability } from './types.js';

/** Whether the adapter has the optional methods a capability needs. */
function hasMethods(adapter: ContactCenterAdapter, capability: Capability): boolean {
  switch (capability) {
    case 'consult':
      return (
        typeof adapter.startConsult === 'function' &&
        typeof adapter.sendConsultMessage === 'function' &&
        typeof adapter.completeConsultTransfer === 'function' &&
        typeof adapter.cancelConsult === 'function'
      );
    case 'customer':
      return typeof adapter.getCustomer === 'function';
    case 'history':
      return typeof adapter.listPastInteractions === 'function';
    case 'suggestions':
      return typeof adapter.suggestReplies === 'function';
    case 'summary':
      return typeof adapter.summarize === 'function';
    case 'transfer':
    case 'conference':
    case 'attachments':
    case 'templates':
    case 'workflows':
    case 'wrapup-notes':
      return true;
  }
}

/**
 * Every capability of `adapter`: what it declares, `true` for the rest of the required
 * commands, and for the optional ones whether their methods exist. A declared `true`
 * without the methods is `false`: there would be nothing to call.
 */
export function adapterCapabilities(adapter: ContactCenterAdapter): Capabilities {
  const declared = adapter.capabilities ?? {};
  const result = {} as Record<Capability, boolean>;
  for (const c of CAPABILITIES) result[c] = hasMethods(adapter, c) && declared[c] !== false;
  return result;
}
