/**
 * Messages and emails of an interaction: immutable arrays in time order with unique ids.
 * Each array gets an id → position index, shared with the arrays derived from it, so
 * finding an item or a duplicate costs O(1) instead of a scan of the thread.
 * Outside a batch an append copies the array (a memory copy, no per-item work), which keeps
 * `Interaction.messages` a plain array. While the store folds a batch of events
 * ({@link folding}), lists made during that batch are nobody else's yet, so appends to them
 * push in place: a burst of n appends costs O(n) instead of O(n²).
 * @packageDocumentation
 */

interface Item {
  readonly id: string;
  readonly timestamp: number;
}

/**
 * Id → position, shared by a list and the lists appended to it. For every list L it is
 * remembered for and every k < L.length, `positions.get(L[k].id) === k`. It may also hold ids
 * of other lists sharing it (appended on another branch of history), which is why a hit is
 * checked against the list itself; an entry is never overwritten.
 */
interface Index {
  readonly positions: Map<string, number>;
  /** The lists it is remembered for: the last two, a conversation's list and the one before it. */
  latest: readonly Item[];
  before: readonly Item[] | undefined;
}

/**
 * Indexes by the first item, which the lists of one conversation share: one WeakMap entry per
 * conversation instead of one per list, which cost more in garbage collection than the scans it
 * saved. A list that is neither of the last two builds its index again when asked.
 */
const indexes = new WeakMap<Item, Index>();

/**
 * Objects made during the batch being folded, or `undefined` outside one. No subscriber has
 * seen them (the store publishes a batch's state when the batch is done), so they may change
 * in place; everything older is never touched.
 */
let owned: WeakSet<object> | undefined;

/**
 * Runs `fold` as a step of the batch whose objects `batch` records: lists (and records, see
 * {@link own}) made by earlier steps of the same batch may be changed in place. Nothing made
 * in a batch may reach anyone before the batch ends (the caller then drops `batch`); nothing
 * that existed before it is ever changed.
 */
export function folding<S, E>(batch: WeakSet<object>, fold: (state: S, event: E) => S, state: S, event: E): S {
  // The step's arguments are passed on rather than closed over: a burst of 10,000 events
  // then makes no function per event.
  const outer = owned;
  owned = batch;
  try {
    return fold(state, event);
  } finally {
    owned = outer;
  }
}

/** `value`, recorded as made in the current batch (so later steps may change it in place). */
export function own<T extends object>(value: T): T {
  owned?.add(value);
  return value;
}

/** Whether `value` was made in the current batch, so it may change in place. */
export function isOwned(value: object): boolean {
  return owned !== undefined && owned.has(value);
}

/**
 * The list asked about last and its positions: a burst asks about the same list several
 * times per event (the duplicate check, the insert, the notifications), and this saves the
 * WeakMap lookups. Cleared whenever what is remembered changes.
 */
let lastList: readonly Item[] | undefined;
let lastPositions: Map<string, number> | undefined;

function known(list: readonly Item[]): Map<string, number> | undefined {
  if (list === lastList) return lastPositions;
  const first = list[0];
  const index = first && indexes.get(first);
  const positions = index && (index.latest === list || index.before === list) ? index.positions : undefined;
  if (positions) {
    lastList = list;
    lastPositions = positions;
  }
  return positions;
}

function remember(list: readonly Item[], positions: Map<string, number>): void {
  lastList = undefined;
  const first = list[0];
  if (!first) return;
  const index = indexes.get(first);
  if (index && index.positions === positions) {
    index.before = index.latest;
    index.latest = list;
  } else {
    indexes.set(first, { positions, latest: list, before: undefined });
  }
}

function indexOf(list: readonly Item[]): Map<string, number> {
  let positions = known(list);
  if (!positions) {
    positions = new Map();
    for (let k = 0; k < list.length; k++) {
      const item = list[k];
      if (item && !positions.has(item.id)) positions.set(item.id, k);
    }
    remember(list, positions);
  }
  return positions;
}

/** Position of the item with `id` in `list`, or -1. */
export function positionOf(list: readonly Item[], id: string): number {
  const k = indexOf(list).get(id);
  return k !== undefined && list[k]?.id === id ? k : -1;
}

/**
 * `list` with `item` inserted in time order (after items of the same time); `list` itself
 * when an item with that id is already there. Inside a batch ({@link folding}) a list made
 * in that batch gets the item in place and is returned as it is: check {@link positionOf}
 * first when a duplicate must be told apart.
 */
export function insertByTime<T extends Item>(list: readonly T[], item: T): readonly T[] {
  const index = indexOf(list);
  const at = index.get(item.id);
  if (at !== undefined && list[at]?.id === item.id) return list;
  let k = list.length;
  while (k > 0 && (list[k - 1]?.timestamp ?? 0) > item.timestamp) k--;
  if (isOwned(list)) {
    const mutable = list as T[];
    if (k < list.length || at !== undefined) {
      // Later items move (or a stale entry stands for this id): the list indexes itself again when asked.
      mutable.splice(k, 0, item);
      forget(list);
    } else {
      mutable.push(item);
      index.set(item.id, k);
    }
    return list;
  }
  if (k < list.length) {
    // Later items move: the new list indexes itself when first asked.
    const moved = list.slice();
    moved.splice(k, 0, item);
    return own(moved);
  }
  // concat sizes the copy once; slice then push would copy it twice, growing it.
  const next = own(list.concat([item]));
  // A stale entry for this id belongs to another branch: the new list then indexes itself.
  if (at === undefined) {
    index.set(item.id, k);
    remember(next, index);
  }
  return next;
}

/** Drops what is remembered about `list` (changed in place out of order). */
function forget(list: readonly Item[]): void {
  lastList = undefined;
  const index = list[0] && indexes.get(list[0]);
  if (!index) return;
  if (index.latest === list) {
    index.latest = index.before ?? [];
    index.before = undefined;
  } else if (index.before === list) {
    index.before = undefined;
  }
}

/**
 * The items of `items` that `list` does not hold (the first of each id), in time order: what
 * merging them would add.
 */
export function freshItems<T extends Item>(list: readonly T[], items: readonly T[]): readonly T[] {
  const index = indexOf(list);
  return inTimeOrder(items).filter((x) => {
    const at = index.get(x.id);
    return at === undefined || list[at]?.id !== x.id;
  });
}

/**
 * `list` with `fresh` merged in time order, `fresh` being {@link freshItems} of the list and
 * what arrived: as inserting them one by one would (items of the same time after those already
 * there), in O(n + k) for k items: how a conversation's history arrives in one event.
 * `list` itself when `fresh` is empty.
 */
export function mergeFresh<T extends Item>(list: readonly T[], fresh: readonly T[]): readonly T[] {
  const first = fresh[0];
  const last = list[list.length - 1];
  if (!first) return list;
  if (!last || first.timestamp >= last.timestamp) {
    // The usual case, a past sent oldest first: the new items follow, and the index grows with them.
    const index = indexOf(list);
    const next = own(list.concat(fresh));
    if (fresh.every((x) => index.get(x.id) === undefined)) {
      fresh.forEach((x, k) => index.set(x.id, list.length + k));
      remember(next, index);
    }
    return next;
  }
  const merged: T[] = [];
  let a = 0;
  for (const item of fresh) {
    while (a < list.length && (list[a]?.timestamp ?? 0) <= item.timestamp) merged.push(list[a++] as T);
    merged.push(item);
  }
  while (a < list.length) merged.push(list[a++] as T);
  return own(merged);
}

/** `list` with the item at `k` replaced by `item` (same id: the index is shared). */
export function replaceAt<T extends Item>(list: readonly T[], k: number, item: T): readonly T[] {
  if (isOwned(list) && list[k]?.id === item.id) {
    (list as T[])[k] = item;
    return list;
  }
  const next = own(list.slice());
  next[k] = item;
  const positions = known(list);
  if (positions && list[k]?.id === item.id) remember(next, positions);
  return next;
}

/** `items` in time order (a stable sort), the first of each id kept: as inserting them one by one. */
export function inTimeOrder<T extends Item>(items: readonly T[]): readonly T[] {
  const seen = new Set<string>();
  const unique: T[] = [];
  let sorted = true;
  for (const item of items) {
    if (seen.has(item.id)) continue;
    seen.add(item.id);
    const previous = unique[unique.length - 1];
    if (previous && previous.timestamp > item.timestamp) sorted = false;
    unique.push(item);
  }
  // A past is usually sent in order: no sort then.
  return sorted ? unique : unique.sort((a, b) => a.timestamp - b.timestamp);
}
