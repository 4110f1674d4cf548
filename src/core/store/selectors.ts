import type { Channel, Interaction } from '../types.js';
import { changeOf } from './changes.js';
import type { CcState } from './state.js';

interface OffersAnswer {
  readonly interactions: CcState['interactions'];
  readonly order: readonly string[];
  readonly offers: readonly Interaction[];
}

/**
 * The last answer of {@link selectOffers} per channel filter (`*`: all channels). It holds on to
 * the last interactions record asked about, and nothing more.
 */
const answers = new Map<string, OffersAnswer>();

function isOffer(i: Interaction | undefined, channels: readonly Channel[] | undefined): i is Interaction {
  return i !== undefined && i.status === 'offered' && (!channels || channels.includes(i.channel));
}

/**
 * Offers waiting for the agent, oldest first, optionally of some channels only. The very same
 * array while they stay the same: when the last event changed one interaction that is an offer
 * neither before nor after, the answer for the state before is reused instead of looking at
 * every interaction again, on every event.
 */
export function selectOffers(state: CcState, channels?: readonly Channel[]): readonly Interaction[] {
  const key = channels ? channels.join(',') : '*';
  const known = answers.get(key);
  if (known && known.interactions === state.interactions && known.order === state.order) return known.offers;
  const change = changeOf(state.interactions);
  let offers: readonly Interaction[];
  if (
    known &&
    change &&
    known.interactions === change.from &&
    known.order === state.order &&
    !isOffer(change.from[change.id], channels) &&
    !isOffer(state.interactions[change.id], channels)
  ) {
    offers = known.offers;
  } else {
    const found: Interaction[] = [];
    for (const id of state.order) {
      const i = state.interactions[id];
      if (isOffer(i, channels)) found.push(i);
    }
    offers = found;
  }
  answers.set(key, { interactions: state.interactions, order: state.order, offers });
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
