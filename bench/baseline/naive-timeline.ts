/**
 * The baseline of the store benchmark: message lists as the reducer kept them
 * before, scanned for every lookup and duplicate check and copied whole on every change.
 * bench/run.mjs swaps it in for src/core/store/timeline.ts.
 */
import type * as Timeline from '../../src/core/store/timeline.js';
import type * as Naive from './naive-timeline.js';
interface Item {
  readonly id: string;
  readonly timestamp: number;
}

export function positionOf(list: readonly Item[], id: string): number {
  return list.findIndex((m) => m.id === id);
}

export function insertByTime<T extends Item>(list: readonly T[], item: T): readonly T[] {
  if (list.some((m) => m.id === item.id)) return list;
  let i = list.length;
  while (i > 0 && (list[i - 1]?.timestamp ?? 0) > item.timestamp) i--;
  if (i === list.length) return [...list, item];
  return [...list.slice(0, i), item, ...list.slice(i)];
}

export function replaceAt<T extends Item>(list: readonly T[], k: number, item: T): readonly T[] {
  const next = list.slice();
  next[k] = item;
  return next;
}

export function inTimeOrder<T extends Item>(items: readonly T[]): readonly T[] {
  return items.reduce<readonly T[]>(insertByTime, []);
}

/** No batches: every step copies, as the lists did before. */
export function folding<S, E>(_batch: WeakSet<object>, fold: (state: S, event: E) => S, state: S, event: E): S {
  return fold(state, event);
}

export function own<T extends object>(value: T): T {
  return value;
}

export function isOwned(_value: object): boolean {
  return false;
}

/** One insert (one copy) per item. */
export function mergeFresh<T extends Item>(list: readonly T[], fresh: readonly T[]): readonly T[] {
  return fresh.reduce<readonly T[]>(insertByTime, list);
}

/** Each item not in `list` (the first of each id), in time order: scans, as before. */
export function freshItems<T extends Item>(list: readonly T[], items: readonly T[]): readonly T[] {
  const unique = items.filter((x, k) => !list.some((m) => m.id === x.id) && items.findIndex((y) => y.id === x.id) === k);
  return inTimeOrder(unique);
}

/** Whatever timeline.ts exports, the swap needs here too: the type check names what is missing. */
type Missing = Exclude<keyof typeof Timeline, keyof typeof Naive>;
export const everyExportSwapped: [Missing] extends [never] ? true : Missing = true;
