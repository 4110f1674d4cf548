import { expect, fixture, html } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../src/index.js';
import type { CcChatWidget } from '../../src/components/cc-chat-widget/cc-chat-widget.js';
import type { CcContactRequest } from '../../src/components/cc-contact-request/cc-contact-request.js';
import type { CcWrapupDialog } from '../../src/components/cc-wrapup-dialog/cc-wrapup-dialog.js';
import { acceptContact, deepActive, dialogOf, hasAccessible, option, tab, untilListed, untilOpen } from '../helpers/dialogs.js';
import { button, createWorld, disposeWorlds, shadow, shadowAll, until, untilState, type World } from '../helpers/world.js';

const WAIT = 15000;

/** Clicks the middle of `el` with the real mouse. */
async function mouseClick(el: Element): Promise<void> {
  el.scrollIntoView({ block: 'center' });
  const box = el.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)] });
}

/** Waits for the pane's wrap-up dialog, chooses `reason` and submits it. */
async function submitPaneWrapup(el: Element, reason: string): Promise<void> {
  const wrapup = shadow<CcWrapupDialog>(el, 'cc-wrapup-dialog');
  await untilOpen(wrapup);
  await untilListed(wrapup);
  option(wrapup, reason).click();
  await wrapup.updateComplete;
  button(wrapup, 'Submit wrap-up').click();
}

async function twoPanes(world: World) {
  const first = await acceptContact(world, 'webchat', 'Jane Doe');
  const second = await acceptContact(world, 'webchat', 'Omar Haddad');
  const root = await fixture<HTMLElement>(html`<div>
    <cc-chat-widget id="a" interaction-id=${first} .store=${world.store}></cc-chat-widget>
    <cc-chat-widget id="b" interaction-id=${second} .store=${world.store}></cc-chat-widget>
    <cc-contact-request .store=${world.store}></cc-contact-request>
  </div>`);
  const a = root.querySelector('#a') as CcChatWidget;
  const b = root.querySelector('#b') as CcChatWidget;
  const offers = root.querySelector('cc-contact-request') as CcContactRequest;
  await until(() => shadowAll(a, '.bubble').length > 0 && shadowAll(b, '.bubble').length > 0, 'both threads', WAIT);
  return { first, second, a, b, offers };
}

/** A WebChat pane of the given size on an accepted conversation, its thread shown. */
async function sizedPane(world: World, width: number, height: number): Promise<{ id: string; el: CcChatWidget }> {
  const id = await acceptContact(world, 'webchat', 'Jane Doe');
  const root = await fixture<HTMLElement>(html`<div style="height:${height}px;width:${width}px;display:grid">
    <cc-chat-widget .store=${world.store}></cc-chat-widget>
  </div>`);
  const el = root.querySelector('cc-chat-widget') as CcChatWidget;
  await until(() => shadowAll(el, '.bubble').length > 0, 'the thread', WAIT);
  return { id, el };
}

/** Ends `id` and waits for the pane's wrap-up, open with its reasons listed. */
async function endIntoWrapup(world: World, id: string, el: CcChatWidget): Promise<CcWrapupDialog> {
  await world.store.end(id);
  const wrapup = shadow<CcWrapupDialog>(el, 'cc-wrapup-dialog');
  await untilOpen(wrapup);
  await untilListed(wrapup);
  return wrapup;
}

describe('wrap-up in a conversation pane', () => {
  afterEach(async () => {
    disposeWorlds();
    await resetMouse();
  });

  it('R-END-02: wrap-up in one pane: modal to that pane only, names the conversation; another pane can be typed into and an offer accepted', async () => {
    const world = createWorld();
    const { first, second, a, b, offers } = await twoPanes(world);
    await world.store.end(first);
    const wrapup = shadow<CcWrapupDialog>(a, 'cc-wrapup-dialog');
    await untilOpen(wrapup);
    await untilListed(wrapup);
    const dialog = dialogOf(wrapup);
    expect(dialog.matches(':modal'), 'not modal to the page').to.equal(false);
    expect(wrapup.hasAttribute('contained')).to.equal(true);
    expect(hasAccessible(wrapup, 'dialog', 'Wrap-up reasons')).to.equal(true);
    expect(shadow(wrapup, '[part="description"]').textContent).to.equal('Conversation with Jane Doe · WebChat');
    expect(dialog.getAttribute('aria-describedby')).to.equal(shadow(wrapup, '[part="description"]').id);
    // The pane's own content is inert; the rest of the page is not.
    expect(shadow(a, 'header').closest('[inert]'), "the pane's header").to.not.equal(null);
    expect(wrapup.closest('[inert]')).to.equal(null);
    expect(b.closest('[inert]')).to.equal(null);
    expect(shadowAll(b, '[inert]')).to.have.length(0);
    await expect(a).to.be.accessible();

    // Type a reply in the other pane, with the real mouse and keyboard.
    await mouseClick(shadow(b, 'textarea'));
    expect(deepActive()).to.equal(shadow(b, 'textarea'));
    await sendKeys({ type: 'On my way' });
    expect(shadow<HTMLTextAreaElement>(b, 'textarea').value).to.equal('On my way');
    expect(b.draft).to.equal('On my way');

    // A new offer can be accepted meanwhile.
    const offer = world.simulator.offer({ channel: 'sms', customerName: 'Lena Fischer', text: 'Hi' });
    await until(() => shadowAll(offers, 'button').some((x) => x.textContent?.trim() === 'Accept'), 'the offer', WAIT);
    await mouseClick(button(offers, 'Accept'));
    await until(() => world.store.state.interactions[offer]?.status === 'active', 'the offer accepted', WAIT);

    // The wrap-up is still there, as it was.
    expect(dialog.open).to.equal(true);
    expect(world.store.state.interactions[second]?.status).to.equal('active');
  });

  it('R-END-02: wrap-up in a pane: Tab stays in the dialog; Escape closes it and the pane is usable again', async () => {
    const world = createWorld();
    const { first, a } = await twoPanes(world);
    shadow<HTMLTextAreaElement>(a, 'textarea').focus();
    await world.store.end(first);
    const wrapup = shadow<CcWrapupDialog>(a, 'cc-wrapup-dialog');
    await untilOpen(wrapup);
    await untilListed(wrapup);
    const search = shadow<HTMLInputElement>(wrapup, 'input[type="search"]');
    await until(() => deepActive() === search, 'focus on the searchbox', WAIT);
    // Search, list, Notes, Summarize, Wrap up later (Submit is disabled), then around to the searchbox.
    for (let n = 0; n < 5; n++) await tab();
    expect(deepActive(), 'Tab wraps within the dialog').to.equal(search);
    await tab(true);
    expect(deepActive()).to.equal(button(wrapup, 'Wrap up later'));
    await sendKeys({ press: 'Escape' });
    await until(() => !dialogOf(wrapup).open, 'the dialog to close', WAIT);
    expect(shadowAll(a, '[inert]'), 'nothing left inert').to.have.length(0);
    expect(button(a, 'Wrap up')).to.exist;
  });

  it('R-END-02: wrap-up opening in one pane does not take focus from another pane', async () => {
    const world = createWorld();
    const { first, b, a } = await twoPanes(world);
    const textarea = shadow<HTMLTextAreaElement>(b, 'textarea');
    textarea.focus();
    await world.store.end(first);
    const wrapup = shadow<CcWrapupDialog>(a, 'cc-wrapup-dialog');
    await untilOpen(wrapup);
    await untilListed(wrapup);
    const active = deepActive();
    expect(active === textarea, `focus on ${active?.localName ?? 'nothing'} ${active?.getAttribute('part') ?? ''}`).to.equal(true);
  });

  it('R-END-02: after Submit wrap-up focus goes to the composer of the conversation the pane shows next', async () => {
    const world = createWorld();
    await acceptContact(world, 'webchat', 'Omar Haddad');
    const shown = await acceptContact(world, 'webchat', 'Jane Doe');
    const el = await fixture<CcChatWidget>(html`<cc-chat-widget .store=${world.store}></cc-chat-widget>`);
    await until(() => shadowAll(el, '.bubble').length > 0, 'the thread', WAIT);
    expect(shadow(el, 'h2').textContent).to.contain('Jane Doe');
    await world.store.end(shown);
    await submitPaneWrapup(el, 'Resolved');
    await untilState(world.store, (s) => s.interactions[shown] === undefined, 'the interaction complete');
    await until(() => shadow(el, 'h2').textContent?.includes('Omar Haddad') === true, 'the next conversation', WAIT);
    await until(() => deepActive() === shadow(el, 'textarea'), 'focus on the next composer', WAIT);
    expect(document.activeElement).to.not.equal(document.body);
  });

  it('R-END-02: after Submit wrap-up of the last conversation focus goes to the pane’s empty-state text', async () => {
    const world = createWorld();
    const id = await acceptContact(world, 'webchat', 'Jane Doe');
    const el = await fixture<CcChatWidget>(html`<cc-chat-widget .store=${world.store}></cc-chat-widget>`);
    await until(() => shadowAll(el, '.bubble').length > 0, 'the thread', WAIT);
    await world.store.end(id);
    await submitPaneWrapup(el, 'Resolved');
    await until(() => shadowAll(el, '[part~="empty"]').length === 1, 'the empty pane', WAIT);
    await until(() => deepActive() === shadow(el, '[part~="empty"]'), 'focus on the empty text', WAIT);
    expect(shadow(el, '[part~="empty"]').getAttribute('tabindex')).to.equal('-1');
    expect(document.activeElement).to.not.equal(document.body);
    await expect(el).to.be.accessible();
  });

  it('R-END-02: in a short pane the wrap-up dialog scrolls: several reasons stay in sight, Submit wrap-up stays uncovered, and Notes reached by focus is not hidden under it', async () => {
    const world = createWorld();
    const { id, el } = await sizedPane(world, 420, 380);
    const wrapup = await endIntoWrapup(world, id, el);
    const dialog = dialogOf(wrapup);
    expect(dialog.scrollHeight, 'the dialog is taller than the pane').to.be.greaterThan(dialog.clientHeight);
    // The list is not squeezed to one row: at least three reasons fit in it.
    const listbox = shadow(wrapup, '[role="listbox"]');
    const row = shadowAll(wrapup, '[role="option"]')[0]?.getBoundingClientRect().height ?? 0;
    expect(shadowAll(wrapup, '[role="option"]').length).to.be.greaterThan(3);
    expect(listbox.clientHeight).to.be.at.least(3 * row);
    /** Whether the middle of `target` shows `target` (nothing of the dialog covers it). */
    const uncovered = (target: Element) => {
      const box = target.getBoundingClientRect();
      const hit = wrapup.shadowRoot?.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      return hit === target || (hit !== null && hit !== undefined && target.contains(hit));
    };
    const submit = button(wrapup, 'Submit wrap-up');
    const actions = shadow(wrapup, '.actions');
    expect(uncovered(submit), 'Submit wrap-up in sight before scrolling').to.equal(true);
    const notes = shadow<HTMLTextAreaElement>(wrapup, 'textarea');
    notes.focus();
    await until(() => notes.getBoundingClientRect().bottom <= actions.getBoundingClientRect().top + 1, 'Notes above the actions', WAIT);
    expect(uncovered(notes)).to.equal(true);
    dialog.scrollTop = dialog.scrollHeight;
    expect(uncovered(submit), 'and after').to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('R-END-02: in a pane scrolled down to its composer the wrap-up opens over the part in view, and follows the pane when it scrolls', async () => {
    const world = createWorld();
    const { id, el } = await sizedPane(world, 300, 320);
    // A pane this short scrolls as a whole; the agent scrolled down to the composer.
    el.scrollTop = el.scrollHeight;
    expect(el.scrollTop, 'the pane scrolls').to.be.greaterThan(0);
    const wrapup = await endIntoWrapup(world, id, el);
    // Still scrolled down (a mouse wheel over the dialog reaches the pane too).
    el.scrollTop = el.scrollHeight;
    expect(el.scrollTop, 'the pane still scrolls').to.be.greaterThan(0);
    /** The wrap-up's box against the part of the pane in view. */
    const offBy = () => {
      const view = el.getBoundingClientRect();
      const over = wrapup.getBoundingClientRect();
      return Math.max(Math.abs(over.top - (view.top + el.clientTop)), Math.abs(over.height - el.clientHeight));
    };
    await until(() => offBy() <= 1, `the wrap-up over the pane in view (off by ${offBy()}px)`, WAIT);
    const dialog = dialogOf(wrapup).getBoundingClientRect();
    expect(dialog.top).to.be.at.least(el.getBoundingClientRect().top);
    el.scrollTop = 0;
    await until(() => offBy() <= 1, 'the wrap-up still over the pane in view', WAIT);
    await expect(el).to.be.accessible();
  });
});
