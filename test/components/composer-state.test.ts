import { expect } from '@open-wc/testing';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { CHAT_DRAFT, ComposerStates, survivesReload } from '../../src/components/cc-chat-widget/composer-state.js';
import { draftKey } from '../../src/core/drafts/draft-store.js';
import type { InteractionStore } from '../../src/core/store/store.js';
import type { Attachment } from '../../src/core/types.js';
import { clearSessionDrafts, disposeReloads, everythingInLocalStorage, reloadableWorld, storedDraft, type ReloadableWorld } from '../helpers/drafts.js';
import { disposeWorlds, untilState } from '../helpers/world.js';

const uploaded: Attachment = { id: 'att-1', name: 'invoice.pdf', size: 1200, mimeType: 'application/pdf', url: 'https://files.example/att-1/invoice.pdf' };
const relative: Attachment = { id: 'att-2', name: 'photo.png', size: 800, mimeType: 'image/png', url: '/files/att-2/photo.png' };
const pageLocal: Attachment = { id: 'att-3', name: 'scan.png', size: 500, mimeType: 'image/png', url: 'blob:http://localhost/1234' };

/** The smallest Lit controller host: ComposerStates needs one to re-render; nothing here renders. */
class Host implements ReactiveControllerHost {
  readonly controllers: ReactiveController[] = [];
  updates = 0;
  readonly updateComplete = Promise.resolve(true);
  addController(c: ReactiveController): void {
    this.controllers.push(c);
  }
  removeController(): void {}
  requestUpdate(): void {
    this.updates++;
  }
}

function composers(store: InteractionStore, shown = ''): ComposerStates {
  return new ComposerStates(new Host(), () => store, () => shown);
}

describe('chat composer drafts (R-X-04)', () => {
  let world: ReloadableWorld;
  let id = '';
  beforeEach(async () => {
    clearSessionDrafts();
    world = reloadableWorld();
    id = world.simulator.offer({ channel: 'webchat', customerName: 'Jane Doe', text: 'Hello' });
    await untilState(world.store, (s) => s.interactions[id] !== undefined, 'the offer');
    await world.store.accept(id);
  });
  afterEach(() => {
    disposeReloads();
    disposeWorlds();
    clearSessionDrafts();
  });

  it('R-X-04: files uploaded to the backend survive a reload with the text; page-local (blob:) ones cannot and are not kept', () => {
    expect([uploaded, relative, pageLocal].map(survivesReload)).to.deep.equal([true, true, false]);
    const before = composers(world.store);
    before.patch(id, { text: 'Here is your invoice', attachments: [uploaded, relative, pageLocal] });
    // Switching away and back (a new pane on the same store) keeps every file.
    expect(composers(world.store).get(id).attachments).to.deep.equal([uploaded, relative, pageLocal]);
    const after = composers(world.reload());
    expect(after.get(id).text).to.equal('Here is your invoice');
    expect(after.get(id).attachments).to.deep.equal([uploaded, relative]);
    expect(everythingInLocalStorage()).to.not.contain('Here is your invoice');
  });

  it('R-X-04: a draft of only uploaded files is kept; sending (clear) removes it', () => {
    const before = composers(world.store);
    before.patch(id, { attachments: [uploaded] });
    expect(storedDraft(world.store, id)).to.not.equal(null);
    expect(composers(world.reload()).get(id).attachments).to.deep.equal([uploaded]);
    before.clear(id);
    expect(storedDraft(world.store, id)).to.equal(null);
    expect(composers(world.reload()).get(id).attachments).to.deep.equal([]);
  });

  it('R-X-04: a stored draft with a malformed or page-local file is rejected whole, not half-read', () => {
    const key = draftKey(world.store.state.agent.id, id);
    for (const attachments of [[{ ...uploaded, size: -1 }], [pageLocal], [{ ...uploaded, url: 42 }], 'nope']) {
      sessionStorage.setItem(key, JSON.stringify({ kind: CHAT_DRAFT.name, draft: { text: 'hi', attachments } }));
      const state = composers(world.reload()).get(id);
      expect(state.attachments, JSON.stringify(attachments)).to.deep.equal([]);
      expect(state.text, JSON.stringify(attachments)).to.equal('');
      expect(sessionStorage.getItem(key), 'the malformed draft is removed').to.equal(null);
    }
  });

  it('R-X-04: notices and uploads in progress are the pane’s own and never stored', () => {
    const states = composers(world.store, id);
    states.notify(id, { kind: 'error', text: 'Could not attach scan.png' });
    states.patch(id, (s) => ({ uploading: [...s.uploading, 'big.pdf'] }));
    expect(states.get(id).notices).to.have.length(1);
    expect(states.get(id).uploading).to.deep.equal(['big.pdf']);
    expect(storedDraft(world.store, id)).to.equal(null);
    expect(composers(world.store).get(id).notices).to.deep.equal([]);
  });
});
