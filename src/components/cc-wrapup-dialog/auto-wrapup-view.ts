import { selectInteraction } from '../../core/store/selectors.js';
import type { CcState } from '../../core/store/state.js';

/** What the wrap-up dialog shows beside the reasons: notes, the countdown, how auto wrap-up ended. */
export interface AutoWrapupView {
  /** Whether the backend keeps notes (the Notes textbox shows). */
  readonly notes: boolean;
  /** The auto wrap-up deadline, while it runs. */
  readonly at: number | undefined;
  /** Auto wrap-up tried and failed: the interaction is still in wrap-up. */
  readonly failed: boolean;
  /** The interaction was wrapped up automatically and has left the store. */
  readonly done: boolean;
}

/** The {@link AutoWrapupView} of one interaction. */
export function autoWrapupView(state: CcState, interactionId: string | undefined): AutoWrapupView {
  const i = selectInteraction(state, interactionId);
  const notes = state.capabilities['wrapup-notes'];
  if (!i) {
    const done = interactionId !== undefined && state.recent.some((r) => r.interaction.id === interactionId && r.wrapup?.automatic === true);
    return { notes, at: undefined, failed: false, done };
  }
  const at = i.status === 'wrapup' ? i.autoWrapupAt : undefined;
  return { notes, at, failed: i.status === 'wrapup' && at === undefined && i.wrapup?.automatic === true, done: false };
}

export const sameAutoWrapupView = (a: AutoWrapupView, b: AutoWrapupView): boolean =>
  a.notes === b.notes && a.at === b.at && a.failed === b.failed && a.done === b.done;
