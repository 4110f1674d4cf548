import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { LitElement } from 'lit';
import '../../src/index.js';
import type { CcContactRequest } from '../../src/components/cc-contact-request/cc-contact-request.js';
import type { CcTaskList } from '../../src/components/cc-task-list/cc-task-list.js';
import {
  DEFAULT_SHORTCUTS,
  ShortcutController,
  ariaKeyShortcuts,
  formatShortcut,
  getShortcuts,
  parseShortcut,
  resetShortcuts,
  setShortcuts,
  type ShortcutAction,
} from '../../src/controllers/shortcuts.js';
import type { ShortcutsChangeDetail } from '../../src/element-events.js';
import { createWorld, disposeWorlds, shadow, shadowAll, until, untilState } from '../helpers/world.js';

type Modifier = 'Control' | 'Alt' | 'Shift';

/** A real key press with modifiers held: the modifiers go down, the key is pressed, they come up in reverse. */
async function press(modifiers: readonly Modifier[], key: string): Promise<void> {
  for (const m of modifiers) await sendKeys({ down: m });
  await sendKeys({ press: key });
  for (const m of [...modifiers].reverse()) await sendKeys({ up: m });
}

/** Records whether each keydown reached the page default-prevented (listening last: window, bubble phase). */
function watchKeydowns(): { readonly prevented: boolean[]; stop(): void } {
  const prevented: boolean[] = [];
  const listener = (e: KeyboardEvent): void => {
    if (e.ctrlKey || e.code === 'Enter') prevented.push(e.defaultPrevented);
  };
  window.addEventListener('keydown', listener);
  return { prevented, stop: () => window.removeEventListener('keydown', listener) };
}

/** An element with element-scope shortcuts and a composer, a button and a search box in its shadow DOM. */
class ShortcutProbe extends LitElement {
  readonly calls: ShortcutAction[] = [];
  readonly shortcuts = new ShortcutController(this, {
    scope: 'element',
    handlers: {
      send: () => void this.calls.push('send'),
      end: () => void this.calls.push('end'),
      transfer: () => void this.calls.push('transfer'),
      // Nothing to show: the key press is left to the page.
      templates: () => false,
    },
  });

  override render() {
    return html`<textarea aria-label="Message"></textarea><button>Other</button><input type="search" aria-label="Search" />`;
  }
}
customElements.define('shortcut-probe', ShortcutProbe);

describe('shortcuts', () => {
  afterEach(() => {
    resetShortcuts();
    disposeWorlds();
  });

  it('R-CHAT-09: default bindings on physical keys, shown as Ctrl+Alt+… on a PC and ⌃⌥… on macOS', () => {
    const s = getShortcuts();
    expect(s).to.equal(DEFAULT_SHORTCUTS);
    expect(formatShortcut(s.accept ?? { code: '' }, 'pc')).to.equal('Ctrl+Alt+A');
    expect(formatShortcut(s.accept ?? { code: '' }, 'mac')).to.equal('⌃⌥A');
    const expected: Record<ShortcutAction, string> = {
      accept: 'Ctrl+Alt+A',
      send: 'Enter',
      transfer: 'Ctrl+Alt+T',
      conference: 'Ctrl+Alt+C',
      end: 'Ctrl+Alt+E',
      templates: 'Ctrl+Alt+P',
      focusComposer: 'Ctrl+Alt+M',
      help: 'Ctrl+Alt+K',
    };
    for (const [action, text] of Object.entries(expected)) {
      const b = s[action as ShortcutAction];
      expect(b && formatShortcut(b, 'pc'), action).to.equal(text);
    }
    expect(ariaKeyShortcuts({ code: 'KeyA', ctrl: true, alt: true })).to.equal('Control+Alt+A');
    expect(ariaKeyShortcuts({ code: 'Slash', ctrl: true, shift: true })).to.equal('Control+Shift+/');
    expect(formatShortcut({ code: 'Slash', ctrl: true, shift: true, meta: true }, 'mac')).to.equal('⌃⇧⌘/');
    expect(parseShortcut('Ctrl+Shift+y')).to.deep.equal({ code: 'KeyY', ctrl: true, shift: true });
    expect(parseShortcut('Option+Cmd+F2')).to.deep.equal({ code: 'F2', alt: true, meta: true });
    expect(() => parseShortcut('Hyper+A')).to.throw(/unknown modifier "Hyper"/);
  });

  it('R-CHAT-09: Ctrl+Alt+A accepts the oldest offer shown by <cc-contact-request>, from wherever focus is', async () => {
    const { simulator, store } = createWorld();
    const root = await fixture<HTMLElement>(html`<div>
      <button id="elsewhere">Elsewhere</button>
      <cc-contact-request .store=${store}></cc-contact-request>
    </div>`);
    const request = root.querySelector('cc-contact-request') as CcContactRequest;
    const first = simulator.offer({ channel: 'webchat', customerName: 'First In' });
    await new Promise((r) => setTimeout(r, 5));
    const second = simulator.offer({ channel: 'sms', customerName: 'Second In' });
    await until(() => shadowAll(request, '.offer').length === 2, 'two offers');
    // Only the Accept the shortcut would press carries it, for assistive technology.
    expect(shadowAll(request, '[part="accept"]').map((b) => b.getAttribute('aria-keyshortcuts'))).to.deep.equal(['Control+Alt+A', null]);
    (root.querySelector('#elsewhere') as HTMLButtonElement).focus();
    const watch = watchKeydowns();
    const accepted = oneEvent(request, 'cc-accept');
    await press(['Control', 'Alt'], 'KeyA');
    watch.stop();
    expect((await accepted).detail).to.deep.equal({ interactionId: first, channel: 'webchat' });
    expect(watch.prevented).to.deep.equal([false, false, true]);
    await untilState(store, (s) => s.interactions[first]?.status === 'active', 'the oldest accepted');
    expect(store.state.interactions[second]?.status).to.equal('offered');
    await until(() => shadowAll(request, '.offer').length === 1, 'one offer left');
    expect(shadow(request, '[part="accept"]').getAttribute('aria-keyshortcuts')).to.equal('Control+Alt+A');
    await expect(request).to.be.accessible();
  });

  it('R-CHAT-09: Ctrl+Alt+A accepts the oldest offer listed by <cc-task-list>, skipping open tasks', async () => {
    const { simulator, store } = createWorld();
    const list = await fixture<CcTaskList>(html`<cc-task-list .store=${store}></cc-task-list>`);
    const open = simulator.offer({ channel: 'webchat', customerName: 'Already Open' });
    await untilState(store, (s) => s.interactions[open] !== undefined, 'the first offer');
    await store.accept(open);
    const offered = simulator.offer({ channel: 'sms', customerName: 'Waiting' });
    await until(() => shadowAll(list, '[part="accept"]').length === 1, 'the offer');
    const accepted = oneEvent(list, 'cc-accept');
    await press(['Control', 'Alt'], 'KeyA');
    expect((await accepted).detail).to.deep.equal({ interactionId: offered, channel: 'sms' });
    await untilState(store, (s) => s.interactions[offered]?.status === 'active', 'accepted');
  });

  it('R-CHAT-09: with several elements on the page, one key press accepts one offer; the element used last wins', async () => {
    const { simulator, store } = createWorld();
    const root = await fixture<HTMLElement>(html`<div>
      <cc-contact-request .store=${store}></cc-contact-request>
      <cc-task-list .store=${store}></cc-task-list>
    </div>`);
    const request = root.querySelector('cc-contact-request') as CcContactRequest;
    const list = root.querySelector('cc-task-list') as CcTaskList;
    const from: string[] = [];
    request.addEventListener('cc-accept', () => from.push('request'));
    list.addEventListener('cc-accept', () => from.push('list'));
    const a = simulator.offer({ channel: 'webchat', customerName: 'Ann' });
    await new Promise((r) => setTimeout(r, 5));
    const b = simulator.offer({ channel: 'webchat', customerName: 'Bea' });
    await until(() => shadowAll(list, '[part="accept"]').length === 2, 'two offers');

    await press(['Control', 'Alt'], 'KeyA');
    await untilState(store, (s) => s.interactions[a]?.status === 'active', 'Ann accepted');
    // Nobody used either element yet: the first connected one handled it, alone.
    expect(from).to.deep.equal(['request']);
    expect(store.state.interactions[b]?.status).to.equal('offered');

    await until(() => shadowAll(list, '[part="accept"]').length === 1, 'one offer left');
    shadow<HTMLButtonElement>(list, '[part="accept"]').focus();
    await press(['Control', 'Alt'], 'KeyA');
    await untilState(store, (s) => s.interactions[b]?.status === 'active', 'Bea accepted');
    expect(from).to.deep.equal(['request', 'list']);
  });

  it('R-CHAT-09: a key press with nothing to do is not default-prevented', async () => {
    const { store } = createWorld();
    await fixture<CcContactRequest>(html`<cc-contact-request .store=${store}></cc-contact-request>`);
    const watch = watchKeydowns();
    await press(['Control', 'Alt'], 'KeyA');
    await press(['Control', 'Alt'], 'KeyZ');
    watch.stop();
    expect(watch.prevented).to.not.include(true);
  });

  it('R-CHAT-09: setShortcuts rebinds and turns off actions, announces it, and elements follow', async () => {
    const { simulator, store } = createWorld();
    const request = await fixture<CcContactRequest>(html`<cc-contact-request .store=${store}></cc-contact-request>`);
    const id = simulator.offer({ channel: 'webchat', customerName: 'Rebound' });
    await until(() => shadowAll(request, '.offer').length === 1, 'the offer');

    const changed = oneEvent(window, 'cc-shortcuts-change');
    setShortcuts({ accept: 'Ctrl+Shift+KeyY', help: { code: 'F1' } });
    const detail = (await changed).detail as ShortcutsChangeDetail;
    expect(detail.shortcuts.accept).to.deep.equal({ code: 'KeyY', ctrl: true, alt: false, shift: true, meta: false });
    expect(getShortcuts().help).to.deep.include({ code: 'F1', ctrl: false });
    expect(getShortcuts().transfer).to.equal(DEFAULT_SHORTCUTS.transfer);
    await request.updateComplete;
    expect(shadow(request, '[part="accept"]').getAttribute('aria-keyshortcuts')).to.equal('Control+Shift+Y');

    await press(['Control', 'Alt'], 'KeyA');
    await new Promise((r) => setTimeout(r, 30));
    expect(store.state.interactions[id]?.status).to.equal('offered');

    setShortcuts({ accept: null });
    await request.updateComplete;
    expect(shadow(request, '[part="accept"]').hasAttribute('aria-keyshortcuts')).to.equal(false);
    await press(['Control', 'Shift'], 'KeyY');
    await new Promise((r) => setTimeout(r, 30));
    expect(store.state.interactions[id]?.status).to.equal('offered');

    setShortcuts({ accept: 'Ctrl+Shift+Y' });
    await press(['Control', 'Shift'], 'KeyY');
    await untilState(store, (s) => s.interactions[id]?.status === 'active', 'accepted with the new binding');
  });

  it('R-CHAT-09: setShortcuts rejects unknown actions, conflicts and plain keys with a clear Error, changing nothing', () => {
    let events = 0;
    const count = (): void => void events++;
    window.addEventListener('cc-shortcuts-change', count);
    try {
      expect(() => setShortcuts(JSON.parse('{"answer":"Ctrl+Alt+Q"}') as Record<string, string>)).to.throw(
        Error,
        'unknown shortcut action "answer"; use one of accept, send, transfer, conference, end, templates, focusComposer, help',
      );
      expect(() => setShortcuts({ end: 'Ctrl+Alt+A' })).to.throw(Error, 'shortcut conflict: Ctrl+Alt+A is bound to both "accept" and "end"');
      expect(() => setShortcuts({ transfer: 'Ctrl+Alt+X', conference: 'Ctrl+Alt+X' })).to.throw(/both "transfer" and "conference"/);
      expect(() => setShortcuts({ transfer: 'KeyX' })).to.throw(/would fire while typing/);
      expect(() => setShortcuts({ transfer: 'Shift+X' })).to.throw(/would fire while typing/);
      expect(() => setShortcuts({ help: 'Ctrl+ControlLeft' })).to.throw(/is a modifier/);
      expect(() => setShortcuts({ help: 'Ctrl+?' })).to.throw(/not a KeyboardEvent.code/);
      // A valid part does not sneak through alongside an invalid one.
      expect(() => setShortcuts({ accept: 'Ctrl+Alt+Y', end: 'Ctrl+Alt+T' })).to.throw(/conflict/);
      expect(getShortcuts()).to.equal(DEFAULT_SHORTCUTS);
      expect(events).to.equal(0);
      // Freeing a combination and reusing it in the same call is fine.
      setShortcuts({ accept: null, end: 'Ctrl+Alt+A' });
      expect(getShortcuts().end).to.deep.include({ code: 'KeyA', ctrl: true, alt: true });
      expect(events).to.equal(1);
    } finally {
      window.removeEventListener('cc-shortcuts-change', count);
    }
  });

  it('R-CHAT-09: element scope: key presses inside the host (its shadow DOM too) only; send only from the composer; none after disconnect', async () => {
    const root = await fixture<HTMLElement>(html`<div><button id="outside">Outside</button><shortcut-probe></shortcut-probe></div>`);
    const probe = root.querySelector('shortcut-probe') as ShortcutProbe;
    const textarea = shadow<HTMLTextAreaElement>(probe, 'textarea');
    const other = shadow<HTMLButtonElement>(probe, 'button');
    const search = shadow<HTMLInputElement>(probe, 'input');

    (root.querySelector('#outside') as HTMLButtonElement).focus();
    await press(['Control', 'Alt'], 'KeyE');
    expect(probe.calls).to.deep.equal([]);

    textarea.focus();
    await sendKeys({ type: 'hello' });
    await press([], 'Enter');
    expect(probe.calls).to.deep.equal(['send']);
    expect(textarea.value).to.equal('hello');
    await press(['Shift'], 'Enter');
    expect(probe.calls).to.deep.equal(['send']);
    expect(textarea.value).to.equal('hello\n');
    await press(['Control', 'Alt'], 'KeyE');
    expect(probe.calls).to.deep.equal(['send', 'end']);

    other.focus();
    await press([], 'Enter');
    search.focus();
    await press([], 'Enter');
    expect(probe.calls).to.deep.equal(['send', 'end']);
    const watch = watchKeydowns();
    await press(['Control', 'Alt'], 'KeyT');
    await press(['Control', 'Alt'], 'KeyP');
    watch.stop();
    expect(probe.calls).to.deep.equal(['send', 'end', 'transfer']);
    // Transfer handled (prevented); templates returned false (left alone).
    expect(watch.prevented).to.deep.equal([false, false, true, false, false, false]);

    probe.remove();
    root.append(probe);
    textarea.focus();
    await press(['Control', 'Alt'], 'KeyE');
    expect(probe.calls).to.deep.equal(['send', 'end', 'transfer', 'end']);
    probe.remove();
    textarea.dispatchEvent(new KeyboardEvent('keydown', { code: 'KeyE', ctrlKey: true, altKey: true, bubbles: true, composed: true, cancelable: true }));
    expect(probe.calls).to.have.length(4);
  });

  it('R-CHAT-09: key presses during IME composition (Pinyin) are ignored', async () => {
    const { simulator, store } = createWorld();
    const root = await fixture<HTMLElement>(html`<div>
      <cc-contact-request .store=${store}></cc-contact-request>
      <shortcut-probe></shortcut-probe>
    </div>`);
    const request = root.querySelector('cc-contact-request') as CcContactRequest;
    const probe = root.querySelector('shortcut-probe') as ShortcutProbe;
    const id = simulator.offer({ channel: 'webchat', customerName: 'Li Lei' });
    await until(() => shadowAll(request, '.offer').length === 1, 'the offer');
    const textarea = shadow<HTMLTextAreaElement>(probe, 'textarea');
    textarea.focus();
    // No real IME in headless Chromium: these are the keydowns an IME produces mid-composition.
    const init = { bubbles: true, composed: true, cancelable: true };
    const enter = new KeyboardEvent('keydown', { ...init, code: 'Enter', key: 'Enter', isComposing: true });
    const accept = new KeyboardEvent('keydown', { ...init, code: 'KeyA', key: 'a', ctrlKey: true, altKey: true, isComposing: true });
    const safariEnter = new KeyboardEvent('keydown', { ...init, code: 'Enter', key: 'Enter', keyCode: 229 });
    for (const e of [enter, accept, safariEnter]) textarea.dispatchEvent(e);
    expect([enter.defaultPrevented, accept.defaultPrevented, safariEnter.defaultPrevented]).to.deep.equal([false, false, false]);
    expect(probe.calls).to.deep.equal([]);
    await new Promise((r) => setTimeout(r, 30));
    expect(store.state.interactions[id]?.status).to.equal('offered');
    // The same key presses once composition has ended are handled.
    await press([], 'Enter');
    expect(probe.calls).to.deep.equal(['send']);
  });
});
