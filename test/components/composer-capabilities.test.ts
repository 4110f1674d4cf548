import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { CcChatWidget } from '../../src/components/cc-chat-widget/cc-chat-widget.js';
import { hasAccessible } from '../helpers/dialogs.js';
import { openEmail } from '../helpers/email.js';
import { button, createWorld, disposeWorlds, shadowAll, until, untilState } from '../helpers/world.js';

/** A webchat pane showing an accepted conversation. */
async function chatPane(options: Parameters<typeof createWorld>[0] = {}) {
  const world = createWorld(options);
  const id = world.simulator.offer({ channel: 'webchat', customerName: 'Jane Doe', text: 'Hello there' });
  await untilState(world.store, (s) => s.interactions[id] !== undefined, 'the offer');
  await world.store.accept(id);
  const el = await fixture<CcChatWidget>(html`<cc-chat-widget .store=${world.store} channel="webchat"></cc-chat-widget>`);
  await until(() => shadowAll(el, '.bubble').length >= 1, 'the thread');
  return { ...world, id, el };
}

describe('composers follow the backend\'s capabilities', () => {
  afterEach(disposeWorlds);

  it('R-CTX-07: the chat composer shows Templates, Attach file and Workflows, and hides them when the backend switches them off', async () => {
    const { el, simulator } = await chatPane();
    expect(hasAccessible(el, 'button', 'Attach file')).to.equal(true);
    expect(hasAccessible(el, 'button', 'Workflows')).to.equal(true);
    expect(shadowAll(el, 'cc-template-picker')).to.have.length(1);
    simulator.setCapabilities({ attachments: false, workflows: false, templates: false });
    await until(() => !hasAccessible(el, 'button', 'Attach file') && !hasAccessible(el, 'button', 'Workflows'), 'the buttons hidden');
    expect(shadowAll(el, 'cc-template-picker'), 'no Templates').to.have.length(0);
    expect(hasAccessible(el, 'button', 'Send'), 'the rest of the composer stays').to.equal(true);
    await expect(el).to.be.accessible();
    simulator.setCapabilities({ attachments: true });
    await until(() => hasAccessible(el, 'button', 'Attach file'), 'Attach file back');
  });

  it('R-CTX-07: a backend declared without workflows never shows the Workflows button', async () => {
    const { el } = await chatPane({ capabilities: { workflows: false } });
    expect(hasAccessible(el, 'button', 'Workflows')).to.equal(false);
    expect(hasAccessible(el, 'button', 'Attach file')).to.equal(true);
  });

  it('R-CTX-07: the email reply hides Attach file, the image button and Templates without attachments and templates', async () => {
    const { el, simulator } = await openEmail();
    button(el, 'Reply').click();
    await until(() => hasAccessible(el, 'button', 'Attach file'), 'the reply composer');
    expect(shadowAll(el, 'cc-template-picker')).to.have.length(1);
    const imageButtons = (): number => shadowAll(el, 'button.fmt').filter((b) => b.getAttribute('aria-label') === 'Insert image').length;
    expect(imageButtons()).to.equal(1);
    simulator.setCapabilities({ attachments: false, templates: false });
    await until(() => !hasAccessible(el, 'button', 'Attach file'), 'Attach file hidden');
    expect(shadowAll(el, 'cc-template-picker'), 'no Templates').to.have.length(0);
    expect(imageButtons(), 'no image button').to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('R-CTX-07: the email pane offers Transfer only while the backend takes transfers', async () => {
    const { el, simulator } = await openEmail();
    expect(hasAccessible(el, 'button', 'Transfer')).to.equal(true);
    simulator.setCapabilities({ transfer: false });
    await until(() => !hasAccessible(el, 'button', 'Transfer'), 'Transfer hidden');
    expect(hasAccessible(el, 'button', 'Reply'), 'answering stays').to.equal(true);
  });
});
