import type { Channel, Interaction } from '../types.js';
import type { CcState } from './state.js';

/** Offers waiting for the agent, oldest first, optionally of some channels only. */
export function selectOffers(state: CcState, channels?: readonly Channel[]): readonly Interaction[] {
  const offers: Interaction[] = [];
  for (const id of state.order) {
    const i = state.interactions[id];
    if (i && i.status === 'offered' && (!channels || channels.includes(i.channel))) offers.push(i);
  }
  return offers;
}

/**
 * The interaction a widget shows: the one with `interactionId` when given (if it is of
 * one of the widget's channels), else the focused interaction of those channels, else
 * the most recently accepted one that is still open.
 */
export function selectShownInteraction(
  state: CcState,
  channels: readonly Channel[],
  interactionId?: string | null,
): Interaction | undefined {
  if (interactionId) {
    const i = state.interactions[interactionId];
    return i && channels.includes(i.channel) ? i : undefined;
  }
  let best: Interaction | undefined;
  for (const channel of channels) {
    const id = state.focused[channel];
    const i = id ? state.interactions[id] : undefined;
    if (i && i.status !== 'offered' && (!best || (i.acceptedAt ?? 0) > (best.acceptedAt ?? 0))) best = i;
  }
  if (best) return best;
  for (let k = state.order.length - 1; k >= 0; k--) {
    const i = state.interactions[state.order[k] ?? ''];
    if (i && channels.includes(i.channel) && i.status !== 'offered') return i;
  }
  return undefined;
}

/** True when two lists hold the same items in the same order (for `select(…, equals)`). */
export function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a === b || (a.length === b.length && a.every((x, i) => x === b[i]));
}
