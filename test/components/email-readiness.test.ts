import { expect } from '@open-wc/testing';
import { emptyDraft, type EmailDraft } from '../../src/components/cc-email-widget/email-draft.js';
import { answeredEmail, latestInbound, ownAddresses, patchDraft, quickReplyEmail } from '../../src/components/cc-email-widget/email-answer.js';
import { composeDraft, standardEmail } from '../../src/components/cc-email-widget/email-compose.js';
import { isStale, pciProblems, recipientProblems, sendReadiness, textGaps, type SendState } from '../../src/components/cc-email-widget/email-readiness.js';
import type { OutgoingEmail } from '../../src/core/store/store.js';
import type { Attachment, EmailMessage } from '../../src/core/types.js';

const CARD = '4111 1111 1111 1111';
const file: Attachment = { id: 'a1', name: 'invoice.pdf', size: 10, mimeType: 'application/pdf' };

function email(id: string, direction: EmailMessage['direction'], extra: Partial<EmailMessage> = {}): EmailMessage {
  return {
    id,
    direction,
    from: direction === 'inbound' ? 'jane@customer.example' : 'agent@acme.example',
    to: direction === 'inbound' ? ['support@acme.example'] : ['jane@customer.example'],
    cc: [],
    subject: 'Invoice 118',
    text: 'Hello',
    timestamp: 0,
    status: direction === 'inbound' ? 'received' : 'sent',
    attachments: [],
    ...extra,
  };
}

const thread = { emails: [email('e1', 'inbound'), email('e2', 'outbound'), email('e3', 'inbound', { cc: ['bob@customer.example'] })] };
const state: SendState = { status: 'active', latestId: 'e3', templateReady: true, uploading: 0, sending: false };
const reply: EmailDraft = { ...emptyDraft({ id: 'e3' }), mode: 'reply', to: 'jane@customer.example', subject: 'RE: Invoice 118', html: '<p>Hi</p>' };
const outgoing: OutgoingEmail = { mode: 'reply', inReplyTo: 'e3', to: ['jane@customer.example'], cc: [], subject: 'RE: Invoice 118', html: '<p>Hi</p>', text: 'Hi' };

describe('email send readiness', () => {
  it('R-MAIL-03, R-MAIL-04: a complete draft for the latest email of an active interaction is ready', () => {
    expect(sendReadiness(reply, outgoing, state)).to.deep.equal({ ready: true, stale: false, pci: [], gaps: [], invalidTo: [], invalidCc: [], invalidBcc: [], noRecipient: false });
  });

  it('nothing to send, an interaction that is not active, an upload or a send under way: not ready', () => {
    expect(sendReadiness(reply, undefined, state).ready).to.equal(false);
    expect(sendReadiness(reply, outgoing, { ...state, status: 'wrapup' }).ready).to.equal(false);
    expect(sendReadiness(reply, outgoing, { ...state, uploading: 1 }).ready).to.equal(false);
    expect(sendReadiness(reply, outgoing, { ...state, sending: true }).ready).to.equal(false);
  });

  it('R-TPL-03: a template with parameters left to fill blocks Send', () => {
    expect(sendReadiness(reply, outgoing, { ...state, templateReady: false }).ready).to.equal(false);
  });

  it('R-MAIL-06: a draft answering an email that is no longer the latest is stale', () => {
    expect(isStale({ inReplyTo: 'e1' }, 'e3')).to.equal(true);
    expect(isStale({ inReplyTo: 'e3' }, 'e3')).to.equal(false);
    expect(isStale(undefined, 'e3')).to.equal(false);
    const readiness = sendReadiness({ ...reply, inReplyTo: 'e1' }, outgoing, state);
    expect(readiness.stale).to.equal(true);
    expect(readiness.ready).to.equal(false);
  });

  it('R-MAIL-16: a card number in the subject, the text or a file name blocks Send, each named', () => {
    expect(pciProblems({ subject: 'Hello', text: 'nothing here' }, [file])).to.deep.equal([]);
    expect(pciProblems({ subject: `card ${CARD}`, text: '' }, [])).to.deep.equal([{ kind: 'text' }]);
    expect(pciProblems({ subject: '', text: `card ${CARD}` }, [])).to.deep.equal([{ kind: 'text' }]);
    expect(pciProblems(undefined, [{ name: `card ${CARD}.txt` }])).to.deep.equal([{ kind: 'attachment', name: `card ${CARD}.txt` }]);
    const readiness = sendReadiness({ ...reply, attachments: [{ ...file, name: `${CARD}.pdf` }] }, outgoing, state);
    expect(readiness.ready).to.equal(false);
    expect(readiness.pci).to.have.length(1);
  });

  it('R-MAIL-11: invalid To or Cc addresses and a reply without a recipient block Send; a quick reply has no recipient fields', () => {
    expect(recipientProblems(undefined)).to.deep.equal({ invalidTo: [], invalidCc: [], invalidBcc: [], noRecipient: false });
    expect(recipientProblems({ mode: 'quick', to: '', cc: 'not an address' })).to.deep.equal({ invalidTo: [], invalidCc: [], invalidBcc: [], noRecipient: false });
    expect(recipientProblems({ mode: 'forward', to: '', cc: '' })).to.deep.equal({ invalidTo: [], invalidCc: [], invalidBcc: [], noRecipient: true });
    expect(recipientProblems({ mode: 'reply-all', to: 'jane@customer.example, nope', cc: 'bob@' })).to.deep.equal({
      invalidTo: ['nope'],
      invalidCc: ['bob@'],
      invalidBcc: [],
      noRecipient: false,
    });
    expect(sendReadiness({ ...reply, cc: 'bob@' }, outgoing, state).ready).to.equal(false);
    expect(sendReadiness({ ...reply, to: '' }, outgoing, state).ready).to.equal(false);
  });
});

describe('email compose rules', () => {
  it('R-MAIL-05: only the latest inbound email is answered; the own addresses are the mailbox and what the center sent from', () => {
    expect(latestInbound(thread)?.id).to.equal('e3');
    expect(latestInbound({ emails: [] })).to.equal(undefined);
    expect([...ownAddresses(thread)].sort()).to.deep.equal(['agent@acme.example', 'support@acme.example']);
    expect(answeredEmail(thread, undefined)?.id).to.equal('e3');
    expect(answeredEmail(thread, emptyDraft({ id: 'e1' }))?.id).to.equal('e1');
  });

  it('R-X-04: a change starts a draft answering the latest email when there is none', () => {
    expect(patchDraft(thread, undefined, (d) => ({ ...d, quickText: 'Hi' }))).to.deep.equal({ ...emptyDraft({ id: 'e3' }), quickText: 'Hi' });
    expect(patchDraft({ emails: [email('o', 'outbound')] }, undefined, (d) => d)).to.equal(undefined);
  });

  it('R-MAIL-10: forwarding brings the forwarded email’s files along, once', () => {
    const answered = email('e3', 'inbound', { attachments: [file] });
    const forwarded = composeDraft(thread, emptyDraft(answered), answered, 'forward', '<p>quoted</p>');
    expect(forwarded.mode).to.equal('forward');
    expect(forwarded.attachments).to.deep.equal([file]);
    expect(forwarded.html).to.contain('quoted');
    const again = composeDraft(thread, { ...forwarded, mode: 'reply' }, answered, 'forward', '');
    expect(again.attachments).to.deep.equal([file]);
    expect(composeDraft(thread, emptyDraft(answered), answered, 'reply', '').attachments).to.deep.equal([]);
  });

  it('R-MAIL-03, R-MAIL-04: what a quick reply and a standard reply send', () => {
    const answered = email('e3', 'inbound');
    expect(quickReplyEmail(answered, { ...emptyDraft(answered), quickText: '  ' })).to.equal(undefined);
    expect(quickReplyEmail(answered, { ...emptyDraft(answered), quickText: ' Thanks ' })).to.include({ mode: 'quick-reply', subject: 'Re: Invoice 118', text: 'Thanks' });
    expect(standardEmail(reply, { html: '', text: ' ', inline: [] })).to.equal(undefined);
    expect(standardEmail({ ...reply, attachments: [file] }, { html: '', text: '', inline: [] })?.attachments).to.deep.equal([file]);
    expect(standardEmail(reply, { html: '<p>Hi</p>', text: 'Hi', inline: [] })).to.deep.equal({ ...outgoing, attachments: [] });
  });

  it('R-TPL-04 unknown variables: a {{variable}} left in the text or the template in use blocks Send until filled or removed', () => {
    const gap = { ...outgoing, text: 'Your case number is {{caseId}}. See {{caseId}} and {{ other }}.' };
    expect(textGaps(gap)).to.deep.equal(['{{caseId}}', '{{ other }}']);
    expect(textGaps({ ...outgoing, subject: 'Case {{caseId}}' })).to.deep.equal(['{{caseId}}']);
    expect(textGaps({ ...gap, mode: 'quick-reply' }), 'a quick reply has no template').to.deep.equal([]);
    expect(textGaps(undefined)).to.deep.equal([]);
    const blocked = sendReadiness(reply, gap, state);
    expect(blocked.ready).to.equal(false);
    expect(blocked.gaps).to.deep.equal(['{{caseId}}', '{{ other }}']);
    // Filled in: ready again, and the reason goes with its cause.
    expect(sendReadiness(reply, { ...outgoing, text: 'Your case number is 42.' }, state)).to.include({ ready: true }).and.to.have.property('gaps').that.deep.equals([]);
    const panel = sendReadiness(reply, outgoing, { ...state, templateGaps: ['{{caseId}}'] });
    expect(panel.ready).to.equal(false);
    expect(panel.gaps).to.deep.equal(['{{caseId}}']);
  });
});
