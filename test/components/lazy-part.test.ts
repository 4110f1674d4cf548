import { expect, fixture, html as testHtml } from '@open-wc/testing';
import { LitElement, css, html } from 'lit';
import { LazyPart, type LoadedPart } from '../../src/components/shared/lazy-part.js';
import { until } from '../helpers/world.js';

/** What a lazily loaded part of the probe gives: a label, and a style for it. */
interface Part {
  readonly label: string;
}

const partStyles = css`
  .part {
    color: rgb(1, 2, 3);
  }
`;

/** A pane-like element with one lazily loaded part, counting its renders and its loader's calls. */
class LazyPartProbe extends LitElement {
  renders = 0;
  loads = 0;
  /** The next loads fail while set. */
  failWith: Error | undefined;
  readonly lazy = new LazyPart<Part>(this, () => {
    this.loads++;
    const failure = this.failWith;
    return failure ? Promise.reject(failure) : Promise.resolve<LoadedPart<Part>>({ value: { label: 'loaded' }, styles: [partStyles] });
  });

  override render() {
    this.renders++;
    return html`<p class="part">${this.lazy.value?.label ?? 'not yet'}</p>`;
  }
}
customElements.define('lazy-part-probe', LazyPartProbe);

const shown = (el: LazyPartProbe): HTMLElement => {
  const p = el.shadowRoot?.querySelector<HTMLElement>('.part');
  if (!p) throw new Error('no .part');
  return p;
};

describe('LazyPart', () => {
  it('loads once for any number of callers, adds its styles to the shadow root and renders the host again', async () => {
    const el = await fixture<LazyPartProbe>(testHtml`<lazy-part-probe></lazy-part-probe>`);
    expect(el.lazy.value).to.equal(undefined);
    expect(shown(el).textContent).to.equal('not yet');
    expect(getComputedStyle(shown(el)).color).to.not.equal('rgb(1, 2, 3)');
    const [a, b] = await Promise.all([el.lazy.load(), el.lazy.load()]);
    expect(a).to.equal(b);
    expect(el.loads).to.equal(1);
    await el.updateComplete;
    expect(shown(el).textContent).to.equal('loaded');
    expect(getComputedStyle(shown(el)).color).to.equal('rgb(1, 2, 3)');
    // Loading again adds nothing: the same value, no second sheet.
    const sheets = el.shadowRoot?.adoptedStyleSheets.length;
    await el.lazy.load();
    expect(el.loads).to.equal(1);
    expect(el.shadowRoot?.adoptedStyleSheets.length).to.equal(sheets);
  });

  it('a failed load is reported to the caller and tried again on the next request', async () => {
    const el = await fixture<LazyPartProbe>(testHtml`<lazy-part-probe></lazy-part-probe>`);
    el.failWith = new Error('offline');
    let error: unknown;
    await el.lazy.load().catch((e: unknown) => (error = e));
    expect((error as Error).message).to.equal('offline');
    expect(el.lazy.value).to.equal(undefined);
    el.failWith = undefined;
    await el.lazy.load();
    expect(el.loads).to.equal(2);
    expect(el.lazy.value?.label).to.equal('loaded');
  });

  it('a preload makes the part ready without rendering the host for it', async () => {
    const el = await fixture<LazyPartProbe>(testHtml`<lazy-part-probe></lazy-part-probe>`);
    const renders = el.renders;
    el.lazy.preload();
    el.lazy.preload();
    await until(() => el.lazy.value !== undefined, 'the preload', 5000);
    expect(el.loads).to.equal(1);
    await el.updateComplete;
    expect(el.renders).to.equal(renders);
    // Its styles are in already: the next render shows the part styled.
    el.requestUpdate();
    await el.updateComplete;
    expect(shown(el).textContent).to.equal('loaded');
    expect(getComputedStyle(shown(el)).color).to.equal('rgb(1, 2, 3)');
  });
});
