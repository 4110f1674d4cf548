import type { Interaction } from '../types.js';

type Interactions = Readonly<Record<string, Interaction>>;

/** One reducer step: the interactions record it made, the record it started from, and the one id it set or removed. */
export interface RecordChange {
  readonly next: Interactions;
  readonly from: Interactions;
  readonly id: string;
}

/**
 * The last step that made an interactions record, so a selector that looks at every
 * interaction (selectOffers) can update its answer for the record before instead of
 * scanning again on every event. One step only: a WeakMap of every record made
 * cost more in garbage collection than the scans it saved.
 */
let last: RecordChange | undefined;

export function noteChange(next: Interactions, from: Interactions, id: string): void {
  last = { next, from, id };
}

/** How `record` was made from the record before it, if it is the last one the reducer made. */
export function changeOf(record: Interactions): RecordChange | undefined {
  return last?.next === record ? last : undefined;
}
