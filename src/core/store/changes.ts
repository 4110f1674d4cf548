import type { Interaction } from '../types.js';

type Interactions = Readonly<Record<string, Interaction>>;

/** One reducer step: the interactions record it started from and the one id it set or removed. */
export interface RecordChange {
  readonly from: Interactions;
  readonly id: string;
}

/**
 * The step that made each interactions record, so a selector that looks at every interaction
 * (selectOffers) can update its answer for the record before instead of scanning again on
 * every event (issue 7). Weak: a record nobody holds takes its entry with it.
 */
const changes = new WeakMap<Interactions, RecordChange>();

export function noteChange(next: Interactions, from: Interactions, id: string): void {
  changes.set(next, { from, id });
}

/** How `record` was made from the record before it, when the reducer made it. */
export function changeOf(record: Interactions): RecordChange | undefined {
  return changes.get(record);
}
