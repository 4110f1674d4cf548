/**
 * What a server announces it supports, in its welcome, read into a full capability map:
 * shared by {@link WebSocketContactCenter} and the reference backend, so both sides agree
 * on what an announcement that leaves a capability out means.
 * @packageDocumentation
 */
import { CAPABILITIES, type Capabilities, type Capability } from '../../core/types.js';

/** Capabilities every protocol 1 server has, whether it announces them or not: its own commands. */
export const PROTOCOL_CAPABILITIES: ReadonlySet<Capability> = new Set<Capability>(['transfer', 'conference', 'attachments', 'templates', 'workflows']);

/**
 * Every capability, from a welcome's `capabilities` (absent for a server that announces
 * nothing): an announced value wins; left out, protocol 1's own commands are on and the
 * rest (consult, customer, history, wrap-up notes) are off.
 */
export function announcedCapabilities(announced: Readonly<Partial<Record<string, unknown>>> | undefined): Capabilities {
  const result = {} as Record<Capability, boolean>;
  for (const c of CAPABILITIES) {
    const value = announced?.[c];
    result[c] = typeof value === 'boolean' ? value : PROTOCOL_CAPABILITIES.has(c);
  }
  return result;
}

/** Whether two capability maps say the same about every capability. */
export function sameCapabilities(a: Readonly<Partial<Record<Capability, boolean>>>, b: Readonly<Partial<Record<Capability, boolean>>>): boolean {
  return CAPABILITIES.every((c) => a[c] === b[c]);
}
