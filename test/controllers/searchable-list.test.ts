import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { SearchableListController, type ListItem } from '../../src/controllers/searchable-list.js';
import { shadowAll, until } from '../helpers/world.js';

class ListHost extends LitElement {
  readonly list = new SearchableListController<ListItem>(this, { label: () => 'Things' });

  override render() {
    return this.list.render();
  }
}
customElements.define('searchable-list-host', ListHost);

/** A load the test settles by hand, with the signal it was given. */
function deferred(): { loader: (signal: AbortSignal) => Promise<readonly ListItem[]>; resolve: (items: readonly ListItem[]) => void; signal: () => AbortSignal | undefined } {
  let resolve: (items: readonly ListItem[]) => void = () => undefined;
  let given: AbortSignal | undefined;
  const loader = (signal: AbortSignal) => {
    given = signal;
    return new Promise<readonly ListItem[]>((r) => (resolve = r));
  };
  return { loader, resolve: (items) => resolve(items), signal: () => given };
}

const names = (el: ListHost): string[] => shadowAll(el, '[role="option"]').map((o) => o.textContent?.trim() ?? '');
const settle = async (el: ListHost): Promise<void> => {
  await new Promise((r) => setTimeout(r, 10));
  await el.updateComplete;
};

describe('SearchableListController', () => {
  it('R-XFER-04: a later load wins over one still in flight, whose signal aborts', async () => {
    const el = await fixture<ListHost>(html`<searchable-list-host></searchable-list-host>`);
    const first = deferred();
    const second = deferred();
    void el.list.load(first.loader);
    void el.list.load(second.loader);
    expect(first.signal()?.aborted).to.equal(true);
    second.resolve([{ id: 'b', name: 'Bravo' }]);
    await until(() => names(el).length === 1, 'the second list');
    first.resolve([{ id: 'a', name: 'Alpha' }]);
    await settle(el);
    expect(names(el)).to.deep.equal(['Bravo']);
    expect(el.list.state).to.equal('loaded');
  });

  it('R-XFER-04: the items stay listed (busy) while reloading', async () => {
    const el = await fixture<ListHost>(html`<searchable-list-host></searchable-list-host>`);
    const first = deferred();
    void el.list.load(first.loader);
    first.resolve([{ id: 'a', name: 'Alpha' }]);
    await until(() => names(el).length === 1, 'the list');
    const again = deferred();
    void el.list.load(again.loader);
    await el.updateComplete;
    expect(el.list.state).to.equal('loading');
    expect(names(el)).to.deep.equal(['Alpha']);
    expect(shadowAll(el, '[role="listbox"]')[0]?.getAttribute('aria-busy')).to.equal('true');
  });

  it('R-XFER-04: reset forgets the items and ignores a load in flight', async () => {
    const el = await fixture<ListHost>(html`<searchable-list-host></searchable-list-host>`);
    const first = deferred();
    void el.list.load(first.loader);
    el.list.reset();
    expect(first.signal()?.aborted).to.equal(true);
    first.resolve([{ id: 'a', name: 'Alpha' }]);
    await settle(el);
    expect(el.list.state).to.equal('idle');
    expect(el.list.items).to.deep.equal([]);
    expect(names(el)).to.deep.equal([]);
  });
});
