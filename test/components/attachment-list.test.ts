import { expect, fixture, html } from '@open-wc/testing';
import { attachmentList } from '../../src/components/shared/attachment-list.js';

describe('attachment list', () => {
  it('R-CHAT-06, R-X-02: a file still uploading is announced politely and the list stays a valid list', async () => {
    const files = [{ id: 'a1', name: 'invoice.pdf', size: 2048, mimeType: 'application/pdf' }];
    const el = await fixture(html`<div>${attachmentList(files, ['report.txt'], () => undefined)}</div>`);
    const list = el.querySelector('ul');
    expect([...(list?.children ?? [])].every((child) => child.tagName === 'LI')).to.equal(true);
    expect(el.querySelector('[role="status"]')?.textContent).to.contain('report.txt');
    await expect(el).to.be.accessible();
  });
});
