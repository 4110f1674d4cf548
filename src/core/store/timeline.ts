/**
 * Messages and emails of an interaction: immutable arrays in time order with unique ids.
 * Each array gets an id → position index, shared with the arrays derived from it, so
 * finding an item or a duplicate costs O(1) instead of a scan of the thread (issue 7).
 * An append still copies the array (a memory copy, no per-item work), which keeps
 * `Interaction.messages` a plain array.
 * @packageDocumentation
 */

interface Item {
  readonly id: string;
  readonly timestamp: number;
}

/**
 * Id → position, shared by a list and the lists appended to it. For every list L
 * registered with a map M and every k < L.length, M.get(L[k].id) === k. M may also hold
 * ids of other lists sharing it (appended on another branch of history), which is why a
 * hit is checked against the list itself; an entry is never overwritten.
 */
const indexes = new WeakMap<readonly Item[], Map<string, number>>();

function indexOf(list: readonly Item[]): Map<string, number> {
  let index = indexes.get(list);
  if (!index) {
    index = new Map();
    for (let k = 0; k < list.length; k++) {
      const item = list[k];
      if (item && !index.has(item.id)) index.set(item.id, k);
    }
    indexes.set(list, index);
  }
  return index;
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
  const known = index.get(item.id);
  if (known !== undefined && list[known]?.id === item.id) return list;
  let k = list.length;
  while (k > 0 && (list[k - 1]?.timestamp ?? 0) > item.timestamp) k--;
  if (k < list.length) {
    // Later items move: the new list indexes itself when first asked.
    const moved = list.slice();
    moved.splice(k, 0, item);
    return moved;
  }
  // concat sizes the copy once; slice then push copied it twice, growing it (issue 7).
  const next = list.concat([item]);
  // A stale entry for this id belongs to another branch: the new list then indexes itself.
  if (known === undefined) {
    index.set(item.id, k);
    indexes.set(next, index);
  }
  return next;
}

/** `list` with the item at `k` replaced by `item` (same id: the index is shared). */
export function replaceAt<T extends Item>(list: readonly T[], k: number, item: T): readonly T[] {
  const next = list.slice();
  next[k] = item;
  const index = indexes.get(list);
  if (index && list[k]?.id === item.id) indexes.set(next, index);
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
