import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import type { CcChatWidget } from '../../src/components/cc-chat-widget/cc-chat-widget.js';
import type { CcEndDetail, CcWorkflowDetail } from '../../src/element-events.js';
import type { CcSmsWidget } from '../../src/components/cc-sms-widget/cc-sms-widget.js';
import type { CcTemplatePicker } from '../../src/components/cc-template-picker/cc-template-picker.js';
import { loadedTemplates } from '../../src/components/cc-chat-widget/lazy-templates.js';
import { setLocale } from '../../src/controllers/localize.js';
import type { ChatChannel } from '../../src/core/types.js';
import { disposeReloads, everythingInLocalStorage, reloadableWorld, storedDraft, type ReloadableWorld } from '../helpers/drafts.js';
import { button, disposeWorlds, shadow, shadowAll, until, untilState, type createWorld, type World } from '../helpers/world.js';

type Pane = CcChatWidget | CcSmsWidget;

async function open(channel: ChatChannel, options: Parameters<typeof createWorld>[0] = {}): Promise<ReloadableWorld & { id: string; el: Pane }> {
  const world = reloadableWorld({ readDelayMs: 20, ...options });
  const id = world.simulator.offer({ channel, customerName: 'Jane Doe', text: 'Hello there' });
  await untilState(world.store, (s) => s.interactions[id] !== undefined, 'the offer');
  await world.store.accept(id);
  const el =
    channel === 'sms'
      ? await fixture<CcSmsWidget>(html`<cc-sms-widget .store=${world.store}></cc-sms-widget>`)
      : await fixture<CcChatWidget>(html`<cc-chat-widget .store=${world.store} channel=${channel}></cc-chat-widget>`);
  await until(() => shadowAll(el, '.bubble').length >= 1, 'the thread');
  return { ...world, id, el };
}

function picker(el: Pane): CcTemplatePicker {
  return shadow<CcTemplatePicker>(el, 'cc-template-picker');
}

async function chooseTemplate(el: Pane, name: string): Promise<void> {
  const p = picker(el);
  button(p, 'Templates').click();
  await until(() => shadowAll(p, '[part="option"]').length > 0, 'templates');
  const option = shadowAll<HTMLButtonElement>(p, '[part="option"]').find((o) => o.querySelector('.name')?.textContent?.startsWith(name));
  if (!option) throw new Error(`no template ${name}`);
  option.click();
  // Applying a template loads its functions on first use.
  await until(() => loadedTemplates() !== undefined, 'the template functions', 15000);
  await new Promise((resolve) => setTimeout(resolve));
  await el.updateComplete;
}

function typeInto(input: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

function agentMessages(world: World, id: string) {
  return world.store.state.interactions[id]?.messages.filter((m) => m.author === 'agent') ?? [];
}

function pickFiles(el: Pane, files: File[]): void {
  const input = shadow<HTMLInputElement>(el, 'input[type="file"]');
  const transfer = new DataTransfer();
  for (const f of files) transfer.items.add(f);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change'));
}

/** The End confirmation, once open (its code loads on first need, so it may take a moment to be there). */
async function openedConfirm(el: Element): Promise<HTMLDialogElement> {
  await until(() => shadowAll<HTMLDialogElement>(el, 'dialog')[0]?.open === true, 'the end confirmation');
  return shadow<HTMLDialogElement>(el, 'dialog');
}

describe('chat features (Messenger, SMS, WebChat)', () => {
  afterEach(() => {
    disposeReloads();
    disposeWorlds();
  });

  describe('delivery receipts', () => {
    for (const channel of ['messenger', 'sms'] as const) {
      it(`R-CHAT-05: ${channel} agent messages go sending → sent → delivered → read`, async () => {
        const world = await open(channel);
        const { el, id, store } = world;
        typeInto(shadow<HTMLTextAreaElement>(el, 'textarea'), 'Checking now');
        await el.updateComplete;
        button(el, 'Send').click();
        await el.updateComplete;
        expect(shadow(el, '.row.agent .meta').textContent).to.match(/Sending|Sent/);
        await untilState(store, () => agentMessages(world, id)[0]?.status === 'read', 'read receipt');
        await el.updateComplete;
        expect(shadow(el, '.row.agent .meta').textContent).to.contain('Read');
        await expect(el).to.be.accessible();
      });
    }
  });

  describe('attachments', () => {
    it('R-CHAT-06: the agent attaches a file and sends it; inbound files list name, size and a download link', async () => {
      const world = await open('webchat');
      const { el, id, simulator } = world;
      pickFiles(el, [new File(['hello world'], 'notes.txt', { type: 'text/plain' })]);
      // The uploaded file's chip, not the one saying it is still uploading.
      await until(() => shadowAll(el, '.chip:not(.uploading)').some((c) => c.textContent?.includes('notes.txt')), 'the attachment chip');
      expect(button(el, 'Send').disabled, 'a file alone can be sent').to.equal(false);
      await expect(el).to.be.accessible();
      button(el, 'Send').click();
      await untilState(world.store, () => agentMessages(world, id)[0]?.status === 'sent', 'sent');
      expect(agentMessages(world, id)[0]?.attachments.map((a) => a.name)).to.deep.equal(['notes.txt']);
      simulator.customerMessage(id, 'Here is the invoice', { attachments: [{ name: 'invoice.pdf', size: 2048, mimeType: 'application/pdf' }] });
      await until(() => shadowAll(el, '.attachments a').some((a) => a.textContent?.includes('invoice.pdf')), 'inbound attachment');
      const link = shadowAll<HTMLAnchorElement>(el, '.attachments a').find((a) => a.textContent?.includes('invoice.pdf'));
      expect(link?.textContent).to.contain('2 KB');
      expect(link?.getAttribute('download')).to.equal('invoice.pdf');
      expect(link?.rel).to.contain('noopener');
    });

    it('R-CHAT-06: refuses oversized and disallowed files with clear errors, keeping the draft', async () => {
      const { el } = await open('messenger');
      typeInto(shadow<HTMLTextAreaElement>(el, 'textarea'), 'draft stays');
      await el.updateComplete;
      pickFiles(el, [
        new File([new Uint8Array(11 * 1024 * 1024)], 'huge.png', { type: 'image/png' }),
        new File(['MZ'], 'setup.exe', { type: 'application/x-msdownload' }),
      ]);
      await until(() => shadowAll(el, '.composer [role="alert"]').length === 2, 'two errors');
      const errors = shadowAll(el, '.composer [role="alert"]').map((e) => e.textContent ?? '');
      expect(errors[0]).to.contain('huge.png is larger than 10 MB');
      expect(errors[1]).to.contain('setup.exe is not a file type that can be sent');
      expect(shadow<HTMLTextAreaElement>(el, 'textarea').value).to.equal('draft stays');
      await expect(el).to.be.accessible();
    });

    it('R-CHAT-06: SMS offers no attachments', async () => {
      const { el } = await open('sms');
      expect(shadowAll(el, 'button').some((b) => b.textContent?.trim() === 'Attach file')).to.equal(false);
    });
  });

  describe('rich formatting', () => {
    it('R-CHAT-07: Messenger renders inbound Markdown sanitized and sends Markdown', async () => {
      const world = await open('messenger');
      const { el, id, simulator } = world;
      simulator.customerMessage(id, '**urgent** _please_ see [site](https://example.com)\n\n- one\n- two\n\n<img src=x onerror="window.__pwned=1">', {
        format: 'markdown',
      });
      await until(() => shadowAll(el, '.rich strong').length === 1, 'rendered markdown');
      const rich = shadowAll(el, '.rich').at(-1);
      expect(rich?.querySelector('em')?.textContent).to.equal('please');
      expect(rich?.querySelectorAll('li')).to.have.length(2);
      const a = rich?.querySelector('a');
      expect(a?.getAttribute('href')).to.equal('https://example.com');
      expect(a?.getAttribute('rel')).to.contain('noopener');
      expect(rich?.querySelector('img')).to.equal(null);
      expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
      // Bold wraps the selection in Markdown.
      const box = shadow<HTMLTextAreaElement>(el, 'textarea');
      typeInto(box, 'very important');
      await el.updateComplete;
      box.setSelectionRange(5, 14);
      button(el, 'Bold').click();
      await el.updateComplete;
      expect(box.value).to.equal('very **important**');
      button(el, 'Send').click();
      await untilState(world.store, () => agentMessages(world, id)[0]?.status !== 'sending', 'sent');
      expect(agentMessages(world, id)[0]).to.include({ format: 'markdown', text: 'very **important**' });
      await until(() => shadowAll(el, '.row.agent .rich strong').length === 1, 'rendered outbound');
      await expect(el).to.be.accessible();
    });

    it('R-CHAT-07: WebChat shows Markdown-looking text literally', async () => {
      const world = await open('webchat');
      world.simulator.customerMessage(world.id, '**not bold**');
      await until(() => shadowAll(world.el, '.text').some((x) => x.textContent === '**not bold**'), 'literal text');
      expect(shadowAll(world.el, 'button').some((b) => b.getAttribute('aria-label') === 'Bold')).to.equal(false);
    });
  });

  describe('templates', () => {
    it('R-TPL-01, R-TPL-04: an attached template is inserted editable, with system parameters substituted', async () => {
      const { el, store } = await open('webchat');
      const p = picker(el);
      button(p, 'Templates').click();
      await until(() => shadowAll(p, '[part="option"]').length > 0, 'templates');
      await expect(p).to.be.accessible();
      const search = shadow<HTMLInputElement>(p, 'input[type="search"]');
      expect(p.shadowRoot?.activeElement).to.equal(search);
      typeInto(search, 'greet');
      await p.updateComplete;
      expect(shadowAll(p, '[part="option"]')).to.have.length(1);
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      const box = shadow<HTMLTextAreaElement>(el, 'textarea');
      expect(box.value).to.equal(`Hi Jane Doe, I am ${store.state.agent.name} from Web Chat Sales. How can I help you today?`);
      expect(box.readOnly).to.equal(false);
    });

    it('R-TPL-04: an unknown variable is reported and never sent raw: it stays visible and Send waits for the agent', async () => {
      const world = await open('webchat');
      await chooseTemplate(world.el, 'Case reference');
      await until(() => shadowAll(world.el, '#unresolved').length === 1, 'the warning', 15000);
      const box = shadow<HTMLTextAreaElement>(world.el, 'textarea');
      expect(box.value).to.contain('{{caseId}}');
      expect(shadow(world.el, '.composer [role="status"]').textContent).to.contain('{{caseId}}');
      expect(button(world.el, 'Send').disabled).to.equal(true);
    });

    it('R-TPL-02: a locked template is read-only: it can be sent or removed, not edited', async () => {
      const world = await open('sms');
      const { el, id } = world;
      await chooseTemplate(el, 'Opt-out footer');
      expect(shadowAll(el, 'textarea')).to.have.length(0);
      expect(shadow(el, '[part="template"]').textContent).to.contain('Reply STOP to opt out');
      expect(shadowAll(el, '[part="template"] input')).to.have.length(0);
      await expect(el).to.be.accessible();
      button(el, 'Remove template').click();
      await el.updateComplete;
      expect(shadowAll(el, 'textarea')).to.have.length(1);
      await chooseTemplate(el, 'Opt-out footer');
      button(el, 'Send').click();
      await untilState(world.store, () => agentMessages(world, id).length === 1, 'sent');
      expect(agentMessages(world, id)[0]?.text).to.equal('Reply STOP to opt out of messages from Acme.');
    });

    it('R-TPL-03: Send stays disabled until every parameter is filled', async () => {
      const world = await open('webchat');
      const { el, id } = world;
      await chooseTemplate(el, 'Order status');
      const inputs = shadowAll<HTMLInputElement>(el, '[part="template"] input');
      expect(inputs.map((i) => i.closest('label')?.querySelector('span')?.textContent)).to.deep.equal(['Order number', 'Ship date', 'Days']);
      expect(button(el, 'Send').disabled).to.equal(true);
      await expect(el).to.be.accessible();
      typeInto(inputs[0] as HTMLInputElement, 'A-1001');
      typeInto(inputs[1] as HTMLInputElement, 'May 2');
      await el.updateComplete;
      expect(button(el, 'Send').disabled).to.equal(true);
      expect(shadow(el, '[part="template"]').textContent).to.contain('Fill in 1 field to send.');
      typeInto(inputs[2] as HTMLInputElement, '3');
      await el.updateComplete;
      expect(button(el, 'Send').disabled).to.equal(false);
      button(el, 'Send').click();
      await untilState(world.store, () => agentMessages(world, id).length === 1, 'sent');
      expect(agentMessages(world, id)[0]?.text).to.equal('Your order A-1001 shipped on May 2 and should arrive within 3 business days.');
    });
  });

  describe('workflows', () => {
    it('R-CHAT-10: triggering a workflow reports success, and failure', async () => {
      const { el } = await open('webchat');
      button(el, 'Workflows').click();
      await until(() => shadowAll(el, '.menu-item').length > 0, 'workflows');
      await expect(el).to.be.accessible();
      const ok = oneEvent<CustomEvent<CcWorkflowDetail>>(el, 'cc-workflow');
      shadowAll<HTMLButtonElement>(el, '.menu-item').find((b) => b.textContent === 'Create CRM case')?.click();
      expect((await ok).detail.ok).to.equal(true);
      await el.updateComplete;
      expect(shadow(el, '.composer [role="status"]').textContent).to.contain('Workflow “Create CRM case” triggered');
      button(el, 'Workflows').click();
      await until(() => shadowAll(el, '.menu-item').length > 0, 'workflows again');
      const failed = oneEvent<CustomEvent<CcWorkflowDetail>>(el, 'cc-workflow');
      shadowAll<HTMLButtonElement>(el, '.menu-item').find((b) => b.textContent === 'Issue refund')?.click();
      expect((await failed).detail.ok).to.equal(false);
      await el.updateComplete;
      expect(shadow(el, '.composer [role="alert"]').textContent).to.contain('Workflow “Issue refund” failed');
    });
  });

  describe('ending', () => {
    it('R-END-01: Messenger asks the agent to confirm the customer consented before ending', async () => {
      const world = await open('messenger');
      const { el, id, store } = world;
      button(el, 'End').click();
      const dialog = await openedConfirm(el);
      expect(dialog.textContent).to.contain('customer’s consent');
      await expect(el).to.be.accessible();
      let dialogCloses = 0;
      el.addEventListener('cc-dialog-close', () => dialogCloses++);
      button(el, 'Cancel').click();
      await until(() => !dialog.open, 'closed');
      expect(store.state.interactions[id]?.status).to.equal('active');
      expect(el.shadowRoot?.activeElement, 'focus back on End').to.equal(button(el, 'End'));
      expect(dialogCloses, 'the pane reports ending with cc-end only').to.equal(0);
      button(el, 'End').click();
      await until(() => dialog.open, 'the confirmation again');
      const ended = oneEvent<CustomEvent<CcEndDetail>>(el, 'cc-end');
      button(el, 'End conversation').click();
      expect((await ended).detail.interactionId).to.equal(id);
      expect(store.state.interactions[id]?.status).to.equal('wrapup');
    });

    it('R-END-01: SMS also needs consent; WebChat End confirms that the customer will see the agent leave', async () => {
      const sms = await open('sms');
      button(sms.el, 'End').click();
      await openedConfirm(sms.el);
      expect(shadow(sms.el, 'dialog').textContent).to.contain('customer’s consent');
      const web = await open('webchat');
      button(web.el, 'End').click();
      const dialog = await openedConfirm(web.el);
      expect(dialog.matches('[part~="confirm"]')).to.equal(true);
      expect(dialog.textContent).to.contain('The customer will see that you left the chat');
      expect(dialog.textContent).not.to.contain('consent');
      await expect(web.el).to.be.accessible();
      expect(web.store.state.interactions[web.id]?.status, 'nothing ends before the agent confirms').to.equal('active');
      button(web.el, 'End conversation').click();
      await untilState(web.store, (s) => s.interactions[web.id]?.status === 'wrapup', 'webchat ended');
    });

    it('R-END-04: when a WebChat customer leaves, the pane says so', async () => {
      const { el, id, simulator } = await open('webchat');
      simulator.customerLeaves(id);
      await until(() => shadowAll(el, '.notice').some((n) => n.textContent === 'Jane Doe left the chat'), 'left notice');
    });
  });

  describe('sms widget', () => {
    it('R-CHAT-01: <cc-sms-widget> shows the active SMS conversation, not chats of other channels', async () => {
      const world = await open('sms');
      const web = world.simulator.offer({ channel: 'webchat', customerName: 'Other Channel' });
      await untilState(world.store, (s) => s.interactions[web] !== undefined, 'webchat offer');
      await world.store.accept(web);
      await world.el.updateComplete;
      expect(shadow(world.el, 'h2').textContent).to.equal('Jane Doe');
      expect(world.store.state.interactions[world.id]?.channel).to.equal('sms');
      await expect(world.el).to.be.accessible();
    });
  });

  describe('keyboard shortcuts', () => {
    async function chord(code: string): Promise<void> {
      await sendKeys({ down: 'Control' });
      await sendKeys({ down: 'Alt' });
      await sendKeys({ press: code });
      await sendKeys({ up: 'Alt' });
      await sendKeys({ up: 'Control' });
    }

    it('R-CHAT-09: Ctrl+Alt+M focuses the composer, Ctrl+Alt+P opens templates, Ctrl+Alt+E ends (with consent on Messenger)', async () => {
      const { el } = await open('messenger');
      const outside = document.createElement('button');
      outside.textContent = 'elsewhere';
      document.body.append(outside);
      outside.focus();
      await chord('KeyM');
      expect(el.shadowRoot?.activeElement?.localName).to.equal('textarea');
      await chord('KeyP');
      await until(() => picker(el).open, 'the template list');
      await sendKeys({ press: 'Escape' });
      await until(() => !picker(el).open, 'the list to close');
      shadow<HTMLTextAreaElement>(el, 'textarea').focus();
      await chord('KeyE');
      await openedConfirm(el);
      expect(button(el, 'End').getAttribute('aria-keyshortcuts')).to.equal('Control+Alt+E');
      outside.remove();
    });
  });

  it('R-X-04: unsent text and a template in use survive a reload (a new pane reads them back)', async () => {
    const world = await open('webchat');
    typeInto(shadow<HTMLTextAreaElement>(world.el, 'textarea'), 'half-written answer');
    await world.el.updateComplete;
    world.el.remove();
    const again = await fixture<CcChatWidget>(html`<cc-chat-widget .store=${world.reload()} channel="webchat"></cc-chat-widget>`);
    await until(() => shadowAll(again, 'textarea').length === 1, 'the composer');
    expect(shadow<HTMLTextAreaElement>(again, 'textarea').value).to.equal('half-written answer');
    await chooseTemplate(again, 'Order status');
    typeInto(shadowAll<HTMLInputElement>(again, '[part="template"] input')[0] as HTMLInputElement, 'A-7');
    await again.updateComplete;
    again.remove();
    const reloaded = world.reload();
    const third = await fixture<CcChatWidget>(html`<cc-chat-widget .store=${reloaded} channel="webchat"></cc-chat-widget>`);
    await until(() => shadowAll(third, '[part="template"] input').length === 3, 'the template panel');
    expect(shadowAll<HTMLInputElement>(third, '[part="template"] input')[0]?.value).to.equal('A-7');
    expect(storedDraft(reloaded, world.id)).to.contain('A-7');
    expect(everythingInLocalStorage()).to.not.contain('A-7');
    // Sending clears the stored draft; a corrupt entry is ignored.
    typeInto(shadowAll<HTMLInputElement>(third, '[part="template"] input')[1] as HTMLInputElement, 'May 2');
    typeInto(shadowAll<HTMLInputElement>(third, '[part="template"] input')[2] as HTMLInputElement, '3');
    await third.updateComplete;
    button(third, 'Send').click();
    await third.updateComplete;
    expect(storedDraft(reloaded, world.id)).to.equal(null);
  });

  it('R-X-05: shows when the customer is typing, and stops when they send', async () => {
    const { el, id, simulator } = await open('webchat');
    simulator.customerTyping(id);
    await until(() => shadow(el, '.typing').textContent?.trim() === 'Jane Doe is typing…', 'typing indicator');
    simulator.customerMessage(id, 'done typing');
    await until(() => shadow(el, '.typing').textContent?.trim() === '', 'indicator gone');
  });

  it('R-CHAT-08: a shown conversation counts as read', async () => {
    const { el, id, simulator, store } = await open('webchat');
    simulator.customerMessage(id, 'ping');
    await until(() => shadowAll(el, '.bubble').some((b) => b.textContent?.includes('ping')), 'message');
    await untilState(store, (s) => s.interactions[id]?.unread === 0, 'read');
  });

  it('R-X-01: tools speak Chinese', async () => {
    const { el } = await open('messenger');
    setLocale('zh-CN');
    await el.updateComplete;
    expect(button(picker(el), '模板')).to.exist;
    expect(button(el, '附加文件')).to.exist;
    expect(button(el, '结束')).to.exist;
    await expect(el).to.be.accessible();
  });
});
