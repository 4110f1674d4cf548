/**
 * Messages and emails of an interaction: immutable arrays in time order with unique ids.
 * Each array gets an id → position index, shared with the arrays derived from it, so
 * finding an item or a duplicate costs O(1) instead of a scan of the thread.
 * An append still copies the array (a memory copy, no per-item work), which keeps
 * `Interaction.messages` a plain array.
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

function known(list: readonly Item[]): Map<string, number> | undefined {
  const first = list[0];
  const index = first && indexes.get(first);
  return index && (index.latest === list || index.before === list) ? index.positions : undefined;
}

function remember(list: readonly Item[], positions: Map<string, number>): void {
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
 * when an item with that id is already there.
 */
export function insertByTime<T extends Item>(list: readonly T[], item: T): readonly T[] {
  const index = indexOf(list);
  const at = index.get(item.id);
  if (at !== undefined && list[at]?.id === item.id) return list;
  let k = list.length;
  while (k > 0 && (list[k - 1]?.timestamp ?? 0) > item.timestamp) k--;
  if (k < list.length) {
    // Later items move: the new list indexes itself when first asked.
    const moved = list.slice();
    moved.splice(k, 0, item);
    return moved;
  }
  // concat sizes the copy once; slice then push would copy it twice, growing it.
  const next = list.concat([item]);
  // A stale entry for this id belongs to another branch: the new list then indexes itself.
  if (at === undefined) {
    index.set(item.id, k);
    remember(next, index);
  }
  return next;
}

/** `list` with the item at `k` replaced by `item` (same id: the index is shared). */
export function replaceAt<T extends Item>(list: readonly T[], k: number, item: T): readonly T[] {
  const next = list.slice();
  next[k] = item;
  const positions = known(list);
  if (positions && list[k]?.id === item.id) remember(next, positions);
  return next;
}

/** `items` in time order (a stable sort), the first of each id kept: as inserting them one by one. */
export function inTimeOrder<T extends Item>(items: readonly T[]): readonly T[] {
  const seen = new Set<string>();
  const unique: T[] = [];
  for (const item of items) {
    if (seen.has(item.id)) continue;
    seen.add(item.id);
    unique.push(item);
  }
  return unique.sort((a, b) => a.timestamp - b.timestamp);
}
