import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { inTimeOrder, insertByTime, positionOf, replaceAt } from '../../src/core/store/timeline.js';

interface Item {
  readonly id: string;
  readonly timestamp: number;
  readonly rev: number;
}

/** The plain definition: no duplicate ids; inserted after every item of the same time or earlier. */
function naiveInsert(list: readonly Item[], item: Item): readonly Item[] {
  if (list.some((x) => x.id === item.id)) return list;
  let k = list.length;
  while (k > 0 && (list[k - 1]?.timestamp ?? 0) > item.timestamp) k--;
  return [...list.slice(0, k), item, ...list.slice(k)];
}

type Op = { readonly kind: 'insert'; readonly from: number; readonly id: string; readonly timestamp: number } | { readonly kind: 'replace'; readonly from: number; readonly at: number };

const IDS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), from: fc.nat(), id: fc.constantFrom(...IDS), timestamp: fc.integer({ min: 0, max: 5 }) }),
  fc.record({ kind: fc.constant('replace' as const), from: fc.nat(), at: fc.nat() }),
);

describe('timeline: indexed, immutable message lists', () => {
  it('matches the plain definition on any branching history, and never changes a list once made', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        // Every version ever made, next to what the plain definition says it holds.
        const versions: { list: readonly Item[]; model: readonly Item[]; snapshot: readonly Item[] }[] = [{ list: [], model: [], snapshot: [] }];
        let rev = 0;
        for (const o of ops) {
          const base = versions[o.from % versions.length];
          if (!base) continue;
          let list: readonly Item[];
          let model: readonly Item[];
          if (o.kind === 'insert') {
            const item = { id: o.id, timestamp: o.timestamp, rev: ++rev };
            list = insertByTime(base.list, item);
            model = naiveInsert(base.model, item);
          } else {
            if (base.list.length === 0) continue;
            const at = o.at % base.list.length;
            const old = base.list[at] as Item;
            const item = { ...old, rev: ++rev };
            list = replaceAt(base.list, at, item);
            model = base.model.map((x, k) => (k === at ? item : x));
          }
          versions.push({ list, model, snapshot: [...list] });
          for (const v of versions) {
            expect(v.list).to.deep.equal(v.model);
            expect(v.list).to.deep.equal(v.snapshot);
            for (const id of IDS) expect(positionOf(v.list, id)).to.equal(v.model.findIndex((x) => x.id === id));
          }
        }
      }),
      { seed: 20250107, numRuns: 200 },
    );
  });

  it('keeps the same list for a duplicate, and orders an offer’s items as inserting them one by one would', () => {
    const one = insertByTime([], { id: 'x', timestamp: 2, rev: 1 });
    expect(insertByTime(one, { id: 'x', timestamp: 9, rev: 2 })).to.equal(one);
    const items: Item[] = [
      { id: 'p', timestamp: 3, rev: 1 },
      { id: 'q', timestamp: 1, rev: 2 },
      { id: 'p', timestamp: 0, rev: 3 },
      { id: 'r', timestamp: 3, rev: 4 },
      { id: 's', timestamp: 1, rev: 5 },
    ];
    expect(inTimeOrder(items)).to.deep.equal(items.reduce<readonly Item[]>(naiveInsert, []));
  });

  it('a conversation’s older lists, lists whose first item was replaced and frozen lists still find every item', () => {
    const versions: (readonly Item[])[] = [[]];
    let list: readonly Item[] = [];
    for (let k = 0; k < 40; k++) {
      list = insertByTime(list, { id: `m${k}`, timestamp: k, rev: 0 });
      if (k % 7 === 3) list = replaceAt(list, 0, { id: 'm0', timestamp: 0, rev: k });
      if (k % 5 === 1) list = replaceAt(list, k >> 1, { ...(list[k >> 1] as Item), rev: k });
      versions.push(list);
    }
    // Asked newest first and oldest first: lists that are not the last two build their index again.
    for (const v of [...versions].reverse().concat(versions)) {
      for (let k = 0; k < 42; k++) expect(positionOf(v, `m${k}`)).to.equal(v.findIndex((x) => x.id === `m${k}`));
    }
    const frozen = Object.freeze([{ id: 'a', timestamp: 1, rev: 0 }, { id: 'b', timestamp: 2, rev: 0 }]);
    expect(positionOf(frozen, 'b')).to.equal(1);
    expect(insertByTime(frozen, { id: 'c', timestamp: 3, rev: 0 }).map((x) => x.id)).to.deep.equal(['a', 'b', 'c']);
    expect(insertByTime(frozen, { id: 'b', timestamp: 3, rev: 1 })).to.equal(frozen);
  });
});
