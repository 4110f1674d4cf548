import { expect } from '@open-wc/testing';
import type { DraftKind } from '../../src/core/drafts/draft-book.js';
import { draftKey, type DraftStore } from '../../src/core/drafts/draft-store.js';
import { clearSessionDrafts, disposeReloads, reloadableWorld, storedDraft } from '../helpers/drafts.js';
import { disposeWorlds, until, untilState } from '../helpers/world.js';

// ---- the example of docs/security.md, "Keeping drafts across tabs, encrypted" (kept the same) ----

/** Drafts in IndexedDB, encrypted with AES-GCM under a key that script can use but never read. */
async function encryptedDraftStore(dbName = 'cc-drafts'): Promise<DraftStore> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open(dbName, 1);
    open.onupgradeneeded = () => {
      open.result.createObjectStore('drafts');
      open.result.createObjectStore('keys');
    };
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error ?? new Error('indexedDB.open failed'));
  });
  const run = <T>(name: 'drafts' | 'keys', mode: IDBTransactionMode, op: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> =>
    new Promise((resolve, reject) => {
      const request = op(db.transaction(name, mode).objectStore(name));
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
    });
  // IndexedDB keeps the CryptoKey object itself; with extractable = false its bytes never reach script.
  let key = await run<CryptoKey | undefined>('keys', 'readonly', (s) => s.get('draft-key') as IDBRequest<CryptoKey | undefined>);
  if (!key) {
    const created = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
    await run('keys', 'readwrite', (s) => s.put(created, 'draft-key'));
    key = created;
  }
  const aes = key;
  const encoder = new TextEncoder();
  interface Sealed {
    readonly iv: Uint8Array<ArrayBuffer>;
    readonly data: ArrayBuffer;
  }
  return {
    async get(name) {
      const sealed = await run<Sealed | undefined>('drafts', 'readonly', (s) => s.get(name) as IDBRequest<Sealed | undefined>);
      if (!sealed) return undefined;
      // The key name is authenticated data: a record moved to another agent's or interaction's key fails to decrypt.
      const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: sealed.iv, additionalData: encoder.encode(name) }, aes, sealed.data);
      return new TextDecoder().decode(plain);
    },
    async set(name, value) {
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: encoder.encode(name) }, aes, encoder.encode(value));
      await run('drafts', 'readwrite', (s) => s.put({ iv, data } satisfies Sealed, name));
    },
    async delete(name) {
      await run('drafts', 'readwrite', (s) => s.delete(name));
    },
  };
}

// ---- tests --------------------------------------------------------------------------------------

const NOTE: DraftKind<{ text: string }> = {
  name: 'note',
  parse: (v) => (typeof v === 'object' && v !== null && 'text' in v && typeof v.text === 'string' ? { text: v.text } : undefined),
};

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve) => {
    const r = indexedDB.deleteDatabase(name);
    r.onsuccess = r.onerror = r.onblocked = () => resolve();
  });
}

/** What the database holds under `key` in `store`, read directly (as someone with the profile would). */
function readRaw(dbName: string, store: 'drafts' | 'keys', key: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(dbName, 1);
    open.onerror = () => reject(open.error ?? new Error('open failed'));
    open.onsuccess = () => {
      const r = open.result.transaction(store).objectStore(store).get(key);
      r.onsuccess = () => {
        resolve(r.result);
        open.result.close();
      };
      r.onerror = () => reject(r.error ?? new Error('get failed'));
    };
  });
}

describe('the encrypted IndexedDB DraftStore of docs/security.md', () => {
  const dbName = `cc-drafts-test-${Math.random().toString(36).slice(2)}`;
  beforeEach(clearSessionDrafts);
  afterEach(async () => {
    disposeReloads();
    disposeWorlds();
    clearSessionDrafts();
    await deleteDatabase(dbName);
  });

  it('R-X-04: keeps drafts encrypted (no plain text in IndexedDB, key not extractable) and a reload reads them back', async () => {
    const host = await encryptedDraftStore(dbName);
    const world = reloadableWorld({}, { draftStore: host });
    const id = world.simulator.offer({ channel: 'webchat', customerName: 'Jane Doe', text: 'Hi' });
    await untilState(world.store, (s) => s.interactions[id] !== undefined, 'the offer');
    await world.store.accept(id);
    world.store.drafts.set(NOTE, id, { text: 'secret answer 4111 1111 1111 1111' });
    const name = draftKey('agent-me', id);
    let raw: unknown;
    for (let tries = 0; raw === undefined && tries < 100; tries++) {
      raw = await readRaw(dbName, 'drafts', name);
      if (raw === undefined) await new Promise((r) => setTimeout(r, 20));
    }
    if (typeof raw !== 'object' || raw === null || !('data' in raw) || !(raw.data instanceof ArrayBuffer)) throw new Error('no sealed record');
    expect(new TextDecoder().decode(raw.data)).to.not.contain('secret answer');
    expect(storedDraft(world.store, id)).to.equal(null);
    const key = await readRaw(dbName, 'keys', 'draft-key');
    expect(key).to.be.instanceOf(CryptoKey);
    expect((key as CryptoKey).extractable).to.equal(false);

    const after = world.reload({ draftStore: await encryptedDraftStore(dbName) });
    expect(after.drafts.get(NOTE, id)).to.equal(undefined);
    await until(() => after.drafts.get(NOTE, id) !== undefined, 'the decrypted draft');
    expect(after.drafts.get(NOTE, id)?.text).to.equal('secret answer •••• •••• •••• 1111');
  });
});
