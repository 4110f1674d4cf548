import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/cc-email-widget/cc-email-widget.js';
import type { CcEmailWidget } from '../../src/components/cc-email-widget/cc-email-widget.js';
import type { CcEndDetail } from '../../src/element-events.js';
import { setLocale } from '../../src/controllers/localize.js';
import { clearSessionDrafts, disposeReloads, reloadableWorld, storedDraft } from '../helpers/drafts.js';
import { openEmail, outbound, typeInto } from '../helpers/email.js';
import { button, disposeWorlds, shadow, shadowAll, until, untilState, type World } from '../helpers/world.js';

const CUSTOMER = 'jane.doe@example.com';
const MAILBOX = 'support@acme.example';



function status(world: World, id: string): string | undefined {
  return world.store.state.interactions[id]?.status;
}

function quickBox(el: Element): HTMLTextAreaElement {
  return shadow<HTMLTextAreaElement>(el, 'textarea[aria-label="Quick reply here"], #quick');
}

function editor(el: Element): HTMLElement {
  return shadow(el, '[role="textbox"][aria-label="Email body"]');
}


function wrapupOpen(el: Element): boolean {
  return shadowAll(el, 'cc-wrapup-dialog').some((d) => d.hasAttribute('open'));
}

/** The End confirmation dialog, once shown. */
async function confirmDialog(el: CcEmailWidget): Promise<HTMLDialogElement> {
  await until(() => shadowAll<HTMLDialogElement>(el, 'dialog[part~="confirm"]').some((d) => d.open), 'the end confirmation', 15000);
  return shadow<HTMLDialogElement>(el, 'dialog[part~="confirm"]');
}

/** Holds the backend's answer to the next email sent until `release()`. */
function holdNextSend(world: World): { release: () => void } {
  const simulator = world.simulator;
  const original = simulator.sendEmail.bind(simulator);
  let release = (): void => undefined;
  const gate = new Promise<void>((r) => (release = r));
  simulator.sendEmail = async (request) => {
    simulator.sendEmail = original;
    await gate;
    return original(request);
  };
  return { release: () => release() };
}

describe('<cc-email-widget> finishing an email', () => {
  beforeEach(clearSessionDrafts);
  afterEach(() => {
    disposeReloads();
    disposeWorlds();
    clearSessionDrafts();
  });

  it('finish after reply: sending a quick reply ends the conversation and the wrap-up dialog opens', async () => {
    const world = await openEmail();
    const { el, id } = world;
    await typeInto(el, quickBox(el), 'Thanks, fixed.');
    const ended = oneEvent<CustomEvent<CcEndDetail>>(el, 'cc-end');
    button(el, 'Send').click();
    expect((await ended).detail).to.deep.equal({ interactionId: id });
    expect(outbound(world, id)[0]?.text).to.equal('Thanks, fixed.');
    await untilState(world.store, () => status(world, id) === 'wrapup', 'wrap-up');
    await until(() => wrapupOpen(el), 'the wrap-up dialog', 15000);
    expect(shadow(el, '[part="ended"]').textContent).to.contain('This email conversation has ended.');
    await expect(el).to.be.accessible();
  });

  it('finish after reply: a standard reply ends the conversation too', async () => {
    const world = await openEmail();
    const { el, id } = world;
    button(el, 'Reply').click();
    await el.updateComplete;
    await typeInto(el, editor(el), 'Here is the corrected invoice.');
    button(el, 'Send').click();
    await untilState(world.store, () => status(world, id) === 'wrapup', 'wrap-up');
    await until(() => wrapupOpen(el), 'the wrap-up dialog', 15000);
    expect(outbound(world, id)[0]?.subject).to.equal('Re: Invoice 118 is wrong');
  });

  it('keep-open: the conversation stays active after a reply, for more replies', async () => {
    const world = await openEmail({ keepOpen: true });
    const { el, id } = world;
    expect(el.keepOpen).to.equal(true);
    let ended = false;
    el.addEventListener('cc-end', () => (ended = true));
    await typeInto(el, quickBox(el), 'First answer');
    button(el, 'Send').click();
    await until(() => outbound(world, id).length === 1 && quickBox(el).value === '', 'sent', 15000);
    await el.updateComplete;
    expect(status(world, id)).to.equal('active');
    expect(ended).to.equal(false);
    expect(wrapupOpen(el)).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('finish after reply: when ending fails the pane says why, the email is sent and the conversation stays usable', async () => {
    const world = await openEmail();
    const { el, id, simulator } = world;
    simulator.endInteraction = () => Promise.reject(new Error('the backend is busy'));
    await typeInto(el, quickBox(el), 'Sent, not ended');
    button(el, 'Send').click();
    await until(() => shadowAll(el, 'header [role="alert"]').length > 0, 'the error', 15000);
    const error = shadow(el, 'header [role="alert"]').textContent ?? '';
    expect(error).to.contain('Your email was sent, but the conversation could not be ended');
    expect(error).to.contain('the backend is busy');
    expect(outbound(world, id)).to.have.length(1);
    expect(status(world, id)).to.equal('active');
    expect(quickBox(el).value).to.equal('');
    button(el, 'Reply');
    button(el, 'End');
    await expect(el).to.be.accessible();
  });

  it('End: asks for confirmation, then ends the email without a reply; wrap-up follows', async () => {
    const world = await openEmail();
    const { el, id } = world;
    const end = shadow<HTMLButtonElement>(el, 'header button[part="end"]');
    expect(end.textContent?.trim()).to.equal('End');
    end.focus();
    await sendKeys({ press: 'Enter' });
    const dialog = await confirmDialog(el);
    expect(dialog.querySelector('h2')?.textContent).to.equal('End this email conversation?');
    expect(dialog.textContent).to.contain('No reply will be sent.');
    expect(dialog.textContent).to.not.contain('draft');
    await expect(el).to.be.accessible();
    // Cancel changes nothing and focus goes back to End.
    button(el, 'Cancel').click();
    await el.updateComplete;
    expect(dialog.open).to.equal(false);
    expect(el.shadowRoot?.activeElement).to.equal(end);
    expect(status(world, id)).to.equal('active');
    end.click();
    await confirmDialog(el);
    const ended = oneEvent<CustomEvent<CcEndDetail>>(el, 'cc-end');
    button(el, 'End conversation').click();
    expect((await ended).detail).to.deep.equal({ interactionId: id });
    expect(status(world, id)).to.equal('wrapup');
    expect(outbound(world, id)).to.have.length(0);
    await until(() => wrapupOpen(el), 'the wrap-up dialog', 15000);
    expect(shadowAll(el, 'header button[part="end"]')).to.have.length(0);
  });

  it('End: with an unsent draft the confirmation says it will be discarded', async () => {
    const world = await openEmail();
    const { el, id, store } = world;
    button(el, 'Reply').click();
    await el.updateComplete;
    await typeInto(el, editor(el), 'Half-written answer');
    await until(() => storedDraft(store, id) !== null, 'the draft stored', 15000);
    button(el, 'End').click();
    const dialog = await confirmDialog(el);
    expect(dialog.textContent).to.contain('your unsent draft will be discarded');
    await expect(el).to.be.accessible();
    button(el, 'End conversation').click();
    await untilState(store, () => status(world, id) === 'wrapup', 'wrap-up');
    await until(() => wrapupOpen(el), 'the wrap-up dialog', 15000);
    expect(outbound(world, id)).to.have.length(0);
    await until(() => storedDraft(store, id) === null, 'the draft gone', 15000);
  });

  it('End: refused by the store, the pane says why and the conversation stays as it was', async () => {
    const world = await openEmail();
    const { el, id, simulator } = world;
    simulator.endInteraction = () => Promise.reject(new Error('a transfer is in progress'));
    await typeInto(el, quickBox(el), 'kept');
    button(el, 'End').click();
    await confirmDialog(el);
    button(el, 'End conversation').click();
    await until(() => shadowAll(el, 'header [role="alert"]').length > 0, 'the error', 15000);
    expect(shadow(el, 'header [role="alert"]').textContent).to.equal('Could not end the conversation: a transfer is in progress');
    expect(status(world, id)).to.equal('active');
    expect(quickBox(el).value).to.equal('kept');
    await expect(el).to.be.accessible();
  });

  it('End, Chinese: the button and the confirmation are translated', async () => {
    setLocale('zh-CN');
    const { el } = await openEmail();
    button(el, '结束').click();
    const dialog = await confirmDialog(el);
    expect(dialog.querySelector('h2')?.textContent).to.equal('结束此电子邮件对话？');
  });
});

describe('<cc-email-widget> no swallowed click', () => {
  beforeEach(clearSessionDrafts);
  afterEach(() => {
    disposeReloads();
    disposeWorlds();
    clearSessionDrafts();
  });

  it('queued reply: Reply clicked while a quick reply is being sent opens the standard reply once it has left', async () => {
    const world = await openEmail();
    const { el, id } = world;
    await typeInto(el, quickBox(el), 'Quick answer');
    const held = holdNextSend(world);
    button(el, 'Send').click();
    await until(() => shadowAll(el, '[role="status"]').some((s) => s.textContent === 'Sending…'), 'sending', 15000);
    button(el, 'Reply').click();
    await el.updateComplete;
    expect(shadowAll(el, '.composer [role="status"]').map((s) => s.textContent)).to.include('Reply opens once the email is sent.');
    await expect(el).to.be.accessible();
    held.release();
    await until(() => shadowAll(el, '[role="textbox"][aria-label="Email body"]').length === 1, 'the standard reply', 15000);
    expect(el.mode).to.equal('reply');
    expect(outbound(world, id)[0]?.text).to.equal('Quick answer');
    // The agent asked for another reply: the conversation stays open.
    expect(status(world, id)).to.equal('active');
    await until(() => el.shadowRoot?.activeElement === editor(el), 'the editor focused', 15000);
    expect(shadow<HTMLInputElement>(el, '#subject').value).to.equal('Re: Invoice 118 is wrong');
  });
});

describe('<cc-email-widget> no swallowed click when the send fails', () => {
  beforeEach(clearSessionDrafts);
  afterEach(() => {
    disposeReloads();
    disposeWorlds();
    clearSessionDrafts();
  });

  it('queued reply: when the send fails, the reply chosen meanwhile opens at once with the text kept, and the error says why', async () => {
    const world = await openEmail();
    const { el, id, simulator } = world;
    await typeInto(el, quickBox(el), 'Will not leave');
    let fail = (): void => undefined;
    simulator.sendEmail = () => new Promise((_resolve, reject) => (fail = () => reject(new Error('network down'))));
    button(el, 'Send').click();
    await until(() => shadowAll(el, '[role="status"]').some((s) => s.textContent === 'Sending…'), 'sending', 15000);
    button(el, 'Reply').click();
    fail();
    await until(() => shadowAll(el, '[role="textbox"][aria-label="Email body"]').length === 1, 'the standard reply', 15000);
    await until(() => shadowAll(el, '.composer [role="alert"]').length > 0, 'the error', 15000);
    expect(editor(el).textContent).to.equal('Will not leave');
    expect(shadow(el, '.composer [role="alert"]').textContent).to.contain('network down');
    expect(status(world, id)).to.equal('active');
    await expect(el).to.be.accessible();
  });
});

describe('<cc-email-widget> new emails in the thread', () => {
  beforeEach(clearSessionDrafts);
  afterEach(() => {
    disposeReloads();
    disposeWorlds();
    clearSessionDrafts();
  });

  it('newest expanded: a new email arrives expanded, and the agent keeps their place and focus', async () => {
    const world = reloadableWorld();
    const long = Array.from({ length: 60 }, (_, k) => `<p>Line ${k + 1} of a long email.</p>`).join('');
    const id = world.simulator.offer({ channel: 'email', customerName: 'Jane Doe', email: { subject: 'Long story', html: long } });
    await untilState(world.store, (s) => s.interactions[id] !== undefined, 'the offer');
    await world.store.accept(id);
    const el = await fixture<CcEmailWidget>(html`<cc-email-widget .store=${world.store} style="display: flex; height: 500px"></cc-email-widget>`);
    await until(() => shadowAll(el, 'article.email iframe').length === 1, 'the first email', 15000);
    const thread = shadow(el, '.thread');
    // The agent reads the first email part-way down and types a quick reply.
    await until(() => thread.scrollHeight > thread.clientHeight + 100, 'a scrollable thread', 15000);
    thread.scrollTop = 60;
    const box = quickBox(el);
    await typeInto(el, box, 'Reading');
    const before = thread.scrollTop;
    world.simulator.inboundEmail(id, { from: CUSTOMER, to: [MAILBOX], subject: 'Re: Long story', text: 'One more thing' });
    await until(() => shadowAll(el, 'article.email').length === 2, 'the new email', 15000);
    await el.updateComplete;
    const [first, newest] = shadowAll(el, 'article.email');
    expect(newest?.querySelector('.toggle')?.getAttribute('aria-expanded'), 'the newest expanded').to.equal('true');
    expect(newest?.querySelector('.full')?.textContent).to.contain('One more thing');
    expect(first?.querySelector('.toggle')?.getAttribute('aria-expanded')).to.equal('true');
    expect(thread.scrollTop, 'the place kept').to.equal(before);
    expect(el.shadowRoot?.activeElement, 'focus kept').to.equal(box);
    expect(box.value).to.equal('Reading');
    expect(shadow(el, '[role="status"][aria-live="polite"]').textContent).to.contain('New email from jane.doe@example.com');
    // Answering an older email: Send waits until the agent has looked at the new one (R-MAIL-06).
    expect(shadowAll(el, '[part="banner"]')).to.have.length(1);
    await expect(el).to.be.accessible();
    button(el, 'View latest email').click();
    await until(() => shadowAll(el, '[part="banner"]').length === 0, 'the banner gone', 15000);
    expect(newest?.querySelector('.toggle')?.getAttribute('aria-expanded')).to.equal('true');
  });
});
