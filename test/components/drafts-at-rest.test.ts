import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import type { CcChatWidget } from '../../src/components/cc-chat-widget/cc-chat-widget.js';
import type { CcEmailWidget } from '../../src/components/cc-email-widget/cc-email-widget.js';
import type { CcSmsWidget } from '../../src/components/cc-sms-widget/cc-sms-widget.js';
import { findCardNumbers } from '../../src/content/pci.js';
import { setLocale } from '../../src/controllers/localize.js';
import { draftKey, type DraftStore } from '../../src/core/drafts/draft-store.js';
import type { InteractionStore, InteractionStoreOptions, StoreError } from '../../src/core/store/store.js';
import { clearSessionDrafts, disposeReloads, everythingInLocalStorage, reloadableWorld, storedDraft, type ReloadableWorld } from '../helpers/drafts.js';
import { button, disposeWorlds, shadow, shadowAll, until, untilState } from '../helpers/world.js';

const CARD = '4111 1111 1111 1111';
const NOTICE = 'A card number in this draft is masked in the copy kept for a reload';

/** A host's store across tabs: a Map behind Promises that settle a little later, as IndexedDB would. */
class SlowMapStore implements DraftStore {
  readonly values = new Map<string, string>();
  async get(key: string): Promise<string | undefined> {
    await new Promise((r) => setTimeout(r, 30));
    return this.values.get(key);
  }
  async set(key: string, value: string): Promise<void> {
    await new Promise((r) => setTimeout(r, 10));
    this.values.set(key, value);
  }
  async delete(key: string): Promise<void> {
    await new Promise((r) => setTimeout(r, 10));
    this.values.delete(key);
  }
}

/** A host store whose every call fails. */
const failing: DraftStore = {
  get: () => Promise.reject(new Error('IndexedDB is closed')),
  set: () => {
    throw new Error('QuotaExceededError');
  },
  delete: () => {
    throw new Error('QuotaExceededError');
  },
};

async function accepted(world: ReloadableWorld, offer: Parameters<ReloadableWorld['simulator']['offer']>[0]): Promise<string> {
  const id = world.simulator.offer(offer);
  await untilState(world.store, (s) => s.interactions[id] !== undefined, 'the offer');
  await world.store.accept(id);
  return id;
}

async function chatPane(store: InteractionStore, id: string): Promise<CcChatWidget> {
  const el = await fixture<CcChatWidget>(html`<cc-chat-widget .store=${store} channel="webchat" interaction-id=${id}></cc-chat-widget>`);
  await until(() => shadowAll(el, 'textarea').length === 1, 'the composer');
  return el;
}

function textarea(el: Element): HTMLTextAreaElement {
  return shadow<HTMLTextAreaElement>(el, 'textarea');
}

async function type(el: CcChatWidget | CcEmailWidget, target: HTMLElement, text: string): Promise<void> {
  target.focus();
  await sendKeys({ type: text });
  await el.updateComplete;
}

function notices(el: Element): HTMLElement[] {
  return shadowAll(el, '#draft-masked');
}

async function chatWorld(storeOptions: InteractionStoreOptions = {}) {
  const world = reloadableWorld({}, storeOptions);
  const id = await accepted(world, { channel: 'webchat', customerName: 'Jane Doe', text: 'Can I pay by card?' });
  return { world, id, el: await chatPane(world.store, id) };
}

describe('drafts at rest in the panes (R-X-04, R-MAIL-16)', () => {
  beforeEach(clearSessionDrafts);
  afterEach(() => {
    disposeReloads();
    disposeWorlds();
    clearSessionDrafts();
    setLocale('en');
  });

  it('R-X-04: a reload restores the chat draft from sessionStorage; nothing is in localStorage', async () => {
    const { world, id, el } = await chatWorld();
    await type(el, textarea(el), 'Let me check the order');
    expect(storedDraft(world.store, id)).to.contain('Let me check the order');
    expect(everythingInLocalStorage()).to.not.contain('Let me check the order');
    el.remove();
    const again = await chatPane(world.reload(), id);
    expect(textarea(again).value).to.equal('Let me check the order');
  });

  it('R-X-04: agent B on the same browser sees nothing of agent A’s chat draft', async () => {
    const { world, id, el } = await chatWorld();
    await type(el, textarea(el), 'Only for Alex');
    el.remove();
    const agentB = world.reload({ agent: { id: 'agent-b', name: 'Bo Berg' } });
    const theirs = await chatPane(agentB, id);
    expect(textarea(theirs).value).to.equal('');
    expect(storedDraft(agentB, id)).to.equal(null);
    expect(sessionStorage.getItem(draftKey('agent-me', id))).to.contain('Only for Alex');
  });

  it('R-X-04: the chat draft is deleted from storage when the agent ends the conversation', async () => {
    const { world, id, el } = await chatWorld();
    await type(el, textarea(el), 'Bye for now');
    button(el, 'End').click();
    // WebChat asks before ending: the customer will see that the agent left.
    await until(() => shadowAll<HTMLDialogElement>(el, 'dialog[part~="confirm"]')[0]?.open === true, 'the end confirmation', 15000);
    button(el, 'End conversation').click();
    await untilState(world.store, (s) => s.interactions[id]?.status === 'wrapup', 'wrap-up');
    expect(storedDraft(world.store, id)).to.equal(null);
    expect(world.reload().drafts.masked(id)).to.equal(false);
  });

  it('R-MAIL-16, R-X-04: a card number typed in the chat composer is masked in storage only, and the composer says so once', async () => {
    const { world, id, el } = await chatWorld();
    expect(notices(el)).to.have.length(0);
    await type(el, textarea(el), `Card ${CARD} noted`);
    expect(textarea(el).value).to.equal(`Card ${CARD} noted`);
    const stored = storedDraft(world.store, id) ?? '';
    expect(stored).to.contain('Card •••• •••• •••• 1111 noted');
    expect(findCardNumbers(stored)).to.deep.equal([]);
    expect(notices(el)).to.have.length(1);
    const notice = shadow(el, '#draft-masked');
    expect(notice.getAttribute('role')).to.equal('status');
    expect(notice.textContent).to.contain(NOTICE);
    await type(el, textarea(el), ', thanks');
    expect(notices(el)).to.have.length(1);
    expect(shadow(el, '#draft-masked'), 'the same line, not announced again').to.equal(notice);
    await expect(el).to.be.accessible();
    setLocale('zh-CN');
    await el.updateComplete;
    expect(shadow(el, '#draft-masked').textContent).to.contain('卡号');
    setLocale('en');
    await el.updateComplete;
    // Sending clears the draft and the notice.
    button(el, 'Send').click();
    await el.updateComplete;
    expect(notices(el)).to.have.length(0);
    expect(storedDraft(world.store, id)).to.equal(null);
  });

  it('R-MAIL-16: the SMS composer says so too', async () => {
    const world = reloadableWorld();
    const id = await accepted(world, { channel: 'sms', customerName: 'Sam', text: 'Hi' });
    const el = await fixture<CcSmsWidget>(html`<cc-sms-widget .store=${world.store} interaction-id=${id}></cc-sms-widget>`);
    await until(() => shadowAll(el, 'textarea').length === 1, 'the composer');
    await type(el, textarea(el), '4111-1111-1111-1111');
    expect(textarea(el).value).to.equal('4111-1111-1111-1111');
    expect(storedDraft(world.store, id)).to.contain('••••-••••-••••-1111');
    expect(notices(el)).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('R-MAIL-16: a card number is masked in the stored email draft (quick reply and editor), the text on screen unchanged, the notice shown once', async () => {
    const world = reloadableWorld();
    const id = await accepted(world, { channel: 'email', customerName: 'Jane Doe', email: { subject: 'Refund', text: 'Please refund me.' } });
    const el = await fixture<CcEmailWidget>(html`<cc-email-widget .store=${world.store} interaction-id=${id}></cc-email-widget>`);
    // The pane shows the conversation once its sanitizer is in.
    await until(() => shadowAll(el, '#quick').length === 1, 'the quick reply', 15000);
    const quick = shadow<HTMLTextAreaElement>(el, '#quick');
    await type(el, quick, `My card is ${CARD}`);
    expect(quick.value).to.equal(`My card is ${CARD}`);
    expect(storedDraft(world.store, id)).to.contain('My card is •••• •••• •••• 1111');
    expect(notices(el)).to.have.length(1);
    expect(shadow(el, '#draft-masked').textContent).to.contain(NOTICE);
    // The PCI guard still blocks sending.
    expect(button(el, 'Send').disabled).to.equal(true);
    await expect(el).to.be.accessible();

    button(el, 'Reply').click();
    // The reply opens once the editor's code is in (the pane may still be fetching it).
    await until(() => shadowAll(el, '#editor').length === 1, 'the editor', 15000);
    const editor = shadow(el, '#editor');
    await type(el, editor, ' and again 5500 0000 0000 0004');
    expect(editor.textContent).to.contain('5500 0000 0000 0004');
    const stored = storedDraft(world.store, id) ?? '';
    expect(stored).to.contain('0004');
    expect(findCardNumbers(stored)).to.deep.equal([]);
    expect(notices(el)).to.have.length(1);
    await expect(el).to.be.accessible();

    // After a reload the restored draft has the masked number, and says nothing new.
    el.remove();
    const again = await fixture<CcEmailWidget>(html`<cc-email-widget .store=${world.reload()} interaction-id=${id}></cc-email-widget>`);
    await until(() => shadowAll(again, '#editor').length === 1, 'the restored editor');
    expect(shadow(again, '#editor').textContent).to.contain('•••• •••• •••• 0004');
    expect(notices(again)).to.have.length(0);
  });

  it('R-X-04: a host’s asynchronous DraftStore is used instead of sessionStorage; the panes restore from it after a reload', async () => {
    const host = new SlowMapStore();
    const { world, id, el } = await chatWorld({ draftStore: host });
    await type(el, textarea(el), 'Kept by the host');
    await until(() => host.values.get(draftKey('agent-me', id))?.includes('Kept by the host') === true, 'the host store written');
    expect(storedDraft(world.store, id)).to.equal(null);
    el.remove();
    const again = await chatPane(world.reload({ draftStore: host }), id);
    await until(() => textarea(again).value === 'Kept by the host', 'the restored chat draft');

    const mailId = await accepted(world, { channel: 'email', customerName: 'Li Wei', email: { subject: 'Order', text: 'Where is it?' } });
    const mail = await fixture<CcEmailWidget>(html`<cc-email-widget .store=${world.store} interaction-id=${mailId}></cc-email-widget>`);
    button(mail, 'Reply').click();
    // The reply opens once the editor's code is in (the pane may still be fetching it).
    await until(() => shadowAll(mail, '#editor').length === 1, 'the editor', 15000);
    await type(mail, shadow(mail, '#editor'), 'Body kept by the host');
    await until(() => host.values.get(draftKey('agent-me', mailId))?.includes('Body kept by the host') === true, 'the email draft written');
    mail.remove();
    const mailAgain = await fixture<CcEmailWidget>(html`<cc-email-widget .store=${world.reload({ draftStore: host })} interaction-id=${mailId}></cc-email-widget>`);
    await until(() => shadowAll(mailAgain, '#editor').length === 1, 'the restored standard reply');
    await until(() => shadow(mailAgain, '#editor').textContent === 'Body kept by the host', 'the restored body');
    await expect(mailAgain).to.be.accessible();
  });

  it('R-X-04: a DraftStore that throws or rejects loses nothing typed; the failure is reported on errors$', async () => {
    const world = reloadableWorld({}, { draftStore: failing });
    const errors: StoreError[] = [];
    world.store.errors$.subscribe((e) => errors.push(e));
    const id = await accepted(world, { channel: 'webchat', customerName: 'Jane Doe', text: 'Hello' });
    const other = await accepted(world, { channel: 'webchat', customerName: 'Li Wei', text: 'Hi there' });
    const el = await chatPane(world.store, id);
    await type(el, textarea(el), `Nothing lost ${CARD}`);
    expect(textarea(el).value).to.equal(`Nothing lost ${CARD}`);
    expect(notices(el)).to.have.length(1);
    el.interactionId = other;
    await el.updateComplete;
    expect(textarea(el).value).to.equal('');
    el.interactionId = id;
    await el.updateComplete;
    expect(textarea(el).value).to.equal(`Nothing lost ${CARD}`);
    await until(() => errors.length > 0, 'the reported failure');
    expect(errors.every((e) => e.code === 'draft-storage-failed')).to.equal(true);
    expect(errors.length).to.be.lessThan(3);
    // The pane still sends.
    button(el, 'Send').click();
    await untilState(world.store, (s) => s.interactions[id]?.messages.some((m) => m.author === 'agent') === true, 'sent');
    expect(textarea(el).value).to.equal('');
  });
});
