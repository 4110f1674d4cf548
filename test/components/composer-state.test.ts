import { expect } from '@open-wc/testing';
import { ComposerStates, survivesReload } from '../../src/components/cc-chat-widget/composer-state.js';
import type { Attachment } from '../../src/core/types.js';

const KEY = 'cc-digital-widgets:chat-draft:v1:';
const uploaded: Attachment = { id: 'att-1', name: 'invoice.pdf', size: 1200, mimeType: 'application/pdf', url: 'https://files.example/att-1/invoice.pdf' };
const relative: Attachment = { id: 'att-2', name: 'photo.png', size: 800, mimeType: 'image/png', url: '/files/att-2/photo.png' };
const pageLocal: Attachment = { id: 'att-3', name: 'scan.png', size: 500, mimeType: 'image/png', url: 'blob:http://localhost/1234' };

describe('chat composer drafts (R-X-04)', () => {
  let id = '';
  beforeEach(() => {
    id = `composer-test-${Math.random().toString(36).slice(2)}`;
  });
  afterEach(() => localStorage.removeItem(KEY + id));

  it('R-X-04: files uploaded to the backend survive a reload with the text; page-local (blob:) ones cannot and are not kept', () => {
    expect([uploaded, relative, pageLocal].map(survivesReload)).to.deep.equal([true, true, false]);
    const before = new ComposerStates(() => undefined);
    before.patch(id, { text: 'Here is your invoice', attachments: [uploaded, relative, pageLocal] });
    const after = new ComposerStates(() => undefined);
    expect(after.get(id).text).to.equal('Here is your invoice');
    expect(after.get(id).attachments).to.deep.equal([uploaded, relative]);
  });

  it('R-X-04: a draft of only uploaded files is kept; sending (clear) removes it', () => {
    const before = new ComposerStates(() => undefined);
    before.patch(id, { attachments: [uploaded] });
    expect(localStorage.getItem(KEY + id)).to.not.equal(null);
    expect(new ComposerStates(() => undefined).get(id).attachments).to.deep.equal([uploaded]);
    before.clear(id);
    expect(localStorage.getItem(KEY + id)).to.equal(null);
    expect(new ComposerStates(() => undefined).get(id).attachments).to.deep.equal([]);
  });

  it('R-X-04: a stored draft with a malformed or page-local file is rejected whole, not half-read', () => {
    for (const attachments of [[{ ...uploaded, size: -1 }], [pageLocal], [{ ...uploaded, url: 42 }], 'nope']) {
      localStorage.setItem(KEY + id, JSON.stringify({ savedAt: Date.now(), draft: { text: 'hi', attachments } }));
      const state = new ComposerStates(() => undefined).get(id);
      expect(state.attachments, JSON.stringify(attachments)).to.deep.equal([]);
    }
  });
});
