import { expect } from '@open-wc/testing';
import {
  changeMode,
  emptyDraft,
  forwardSubject,
  invalidAddresses,
  isEditable,
  isEmptyDraft,
  parseAddresses,
  parseDraft,
  replySubject,
  retarget,
  showsCc,
  switchMode,
  textToHtml,
  type ComposeFields,
  type ComposeMode,
  type EmailDraft,
  type ReplyMode,
  type ReplySource,
} from '../../src/components/cc-email-widget/email-draft.js';
import { composeDraft } from '../../src/components/cc-email-widget/email-compose.js';
import { loadSanitizer } from '../../src/components/cc-email-widget/email-sanitizer.js';
import type { Attachment, EmailMessage } from '../../src/core/types.js';

const source: ReplySource = {
  id: 'e1',
  from: 'jane@customer.example',
  to: ['support@acme.example', 'bob@customer.example'],
  cc: ['boss@customer.example', 'support@acme.example'],
  subject: 'Invoice 118',
};
const own = new Set(['support@acme.example']);
const edited: ComposeFields = { to: 'typed@x.example', cc: 'typed-cc@x.example', subject: 'typed' };

const REPLY = 'jane@customer.example';
const REPLY_ALL_TO = 'jane@customer.example, bob@customer.example';
const ORIGINAL_CC = 'boss@customer.example';

describe('email composer model (pure)', () => {
  describe('R-MAIL-10: switchMode', () => {
    const table: [ComposeMode, ReplyMode, ComposeFields][] = [
      ['quick', 'reply', { to: REPLY, cc: '', subject: 'Re: Invoice 118' }],
      ['quick', 'reply-all', { to: REPLY_ALL_TO, cc: ORIGINAL_CC, subject: 'Re: Invoice 118' }],
      ['quick', 'forward', { to: '', cc: '', subject: 'Fwd: Invoice 118' }],
      // Reply → Reply all: To refilled, Cc = original Cc.
      ['reply', 'reply-all', { to: REPLY_ALL_TO, cc: ORIGINAL_CC, subject: 'Re: Invoice 118' }],
      // Reply → Forward: To and Cc cleared.
      ['reply', 'forward', { to: '', cc: '', subject: 'Fwd: Invoice 118' }],
      // Reply all → Forward: To and Cc cleared.
      ['reply-all', 'forward', { to: '', cc: '', subject: 'Fwd: Invoice 118' }],
      // Reply all → Reply: To refilled, Cc cleared.
      ['reply-all', 'reply', { to: REPLY, cc: '', subject: 'Re: Invoice 118' }],
      // Forward → Reply: To refilled (Cc as the agent left it).
      ['forward', 'reply', { to: REPLY, cc: 'typed-cc@x.example', subject: 'Re: Invoice 118' }],
      // Forward → Reply all: To and Cc refilled.
      ['forward', 'reply-all', { to: REPLY_ALL_TO, cc: ORIGINAL_CC, subject: 'Re: Invoice 118' }],
    ];
    for (const [from, to, expected] of table) {
      it(`${from} → ${to}`, () => {
        expect(switchMode(from, edited, to, source, own)).to.deep.equal(expected);
      });
    }

    it('switching to the mode in use changes nothing', () => {
      for (const mode of ['reply', 'reply-all', 'forward'] as const) expect(switchMode(mode, edited, mode, source, own)).to.equal(edited);
    });

    it('Reply all leaves out the own mailbox and duplicates, case-insensitively', () => {
      const noisy: ReplySource = { ...source, to: ['SUPPORT@acme.example', 'Jane@Customer.example'], cc: ['jane@customer.example', 'x@y.example', 'x@y.example'] };
      expect(switchMode('quick', edited, 'reply-all', noisy, own)).to.deep.equal({ to: REPLY, cc: 'x@y.example', subject: 'Re: Invoice 118' });
    });
  });

  describe('R-MAIL-10: changeMode keeps the body as a draft', () => {
    const forward = '<p>---------- Forwarded message ----------</p>';

    it('the body survives every switch, and Forward appends the answered email once', () => {
      let d: EmailDraft = { ...emptyDraft(source), mode: 'reply', html: '<p>my answer</p>' };
      d = changeMode(d, 'reply-all', source, own, forward);
      expect(d.html).to.equal('<p>my answer</p>');
      d = changeMode(d, 'forward', source, own, forward);
      expect(d.html).to.equal(`<p>my answer</p>${forward}`);
      expect(d.forwardedId).to.equal('e1');
      d = changeMode(d, 'reply', source, own, forward);
      d = changeMode(d, 'forward', source, own, forward);
      expect(d.html, 'not forwarded twice').to.equal(`<p>my answer</p>${forward}`);
    });

    it('a quick reply typed so far moves into the body, escaped', () => {
      const d = changeMode({ ...emptyDraft(source), quickText: 'a <b>\n\nb' }, 'reply', source, own, '');
      expect(d.quickText).to.equal('');
      expect(d.html).to.equal('<p>a &lt;b&gt;</p><p>b</p>');
    });
  });

  it('R-MAIL-07, R-MAIL-08, R-MAIL-09: which fields are editable, and when Cc shows', () => {
    expect(['reply', 'reply-all', 'forward'].map((m) => [isEditable(m as ReplyMode, 'to'), isEditable(m as ReplyMode, 'subject'), isEditable(m as ReplyMode, 'cc')])).to.deep.equal([
      [false, false, true],
      [false, false, true],
      [true, true, true],
    ]);
    expect(showsCc({ mode: 'reply', cc: '', ccOpen: false })).to.equal(false);
    expect(showsCc({ mode: 'reply', cc: '', ccOpen: true })).to.equal(true);
    expect(showsCc({ mode: 'reply-all', cc: '', ccOpen: false })).to.equal(true);
    expect(showsCc({ mode: 'forward', cc: '', ccOpen: false })).to.equal(true);
  });

  it('R-MAIL-06: retarget keeps the body and editable fields, refilling the read-only ones from the newer email', () => {
    const newer: ReplySource = { id: 'e2', from: 'jane@customer.example', to: ['support@acme.example'], cc: ['new@customer.example'], subject: 'Re: Invoice 118' };
    const reply: EmailDraft = { ...emptyDraft(source), mode: 'reply', to: REPLY, cc: 'added@x.example', subject: 'Re: Invoice 118', html: '<p>draft</p>' };
    expect(retarget(reply, newer, own)).to.deep.include({ inReplyTo: 'e2', to: REPLY, cc: 'added@x.example', subject: 'Re: Invoice 118', html: '<p>draft</p>' });
    const all: EmailDraft = { ...reply, mode: 'reply-all', cc: 'added@x.example' };
    expect(retarget(all, newer, own).cc).to.equal('added@x.example, new@customer.example');
    const fwd: EmailDraft = { ...reply, mode: 'forward', to: 'colleague@x.example', subject: 'Fwd: mine' };
    expect(retarget(fwd, newer, own)).to.deep.include({ inReplyTo: 'e2', to: 'colleague@x.example', subject: 'Fwd: mine' });
  });

  it('subject prefixes are never doubled (English and Chinese prefixes)', () => {
    expect(replySubject('Invoice')).to.equal('Re: Invoice');
    expect(replySubject('Re: Invoice')).to.equal('Re: Invoice');
    expect(replySubject('RE:Invoice')).to.equal('RE:Invoice');
    expect(replySubject('回复：发票')).to.equal('回复：发票');
    expect(replySubject('Fwd: Invoice')).to.equal('Re: Fwd: Invoice');
    expect(forwardSubject('Invoice')).to.equal('Fwd: Invoice');
    expect(forwardSubject('FW: Invoice')).to.equal('FW: Invoice');
    expect(forwardSubject('转发: 发票')).to.equal('转发: 发票');
    expect(forwardSubject('Re: Invoice')).to.equal('Fwd: Re: Invoice');
  });

  it('R-MAIL-11: address lists are split on commas, semicolons and new lines and validated one by one', () => {
    expect(parseAddresses(' a@b.example ; c@d.example,\n\n e@f.example ,')).to.deep.equal(['a@b.example', 'c@d.example', 'e@f.example']);
    expect(invalidAddresses('ok@x.example, bad, also bad@x, bad, x@y.z, 张@例子.中国, <a@b.example>')).to.deep.equal([
      'bad',
      'also bad@x',
      'x@y.z',
      '<a@b.example>',
    ]);
  });

  it('textToHtml escapes markup', () => {
    expect(textToHtml(`<script>alert(1)</script>\n"x" & 'y'`)).to.equal('<p>&lt;script&gt;alert(1)&lt;/script&gt;<br>&quot;x&quot; &amp; &#39;y&#39;</p>');
  });

  it('R-X-04: parseDraft accepts a well-formed draft and rejects anything else', () => {
    const draft: EmailDraft = {
      ...emptyDraft(source),
      mode: 'forward',
      to: 'a@b.example',
      html: '<p>x</p>',
      forwardedId: 'e1',
      attachments: [{ id: 'a1', name: 'x.pdf', size: 3, mimeType: 'application/pdf', url: 'blob:x', contentId: 'c1' }],
      template: { template: { id: 't', name: 'T', body: 'b [[p]]', locked: false, channels: ['email'] }, params: { p: 'v' } },
    };
    expect(parseDraft(JSON.parse(JSON.stringify(draft)))).to.deep.equal(draft);
    expect(parseDraft(null)).to.equal(undefined);
    expect(parseDraft('x')).to.equal(undefined);
    expect(parseDraft({ ...draft, mode: 'shout' })).to.equal(undefined);
    expect(parseDraft({ ...draft, to: 3 })).to.equal(undefined);
    expect(parseDraft({ ...draft, attachments: [{ id: 1 }] })).to.equal(undefined);
    expect(parseDraft({ ...draft, template: { template: { id: 't' }, params: {} } })).to.equal(undefined);
    expect(parseDraft({ ...draft, template: { ...draft.template, params: { p: 1 } } })).to.equal(undefined);
    expect(isEmptyDraft(emptyDraft(source))).to.equal(true);
    expect(isEmptyDraft({ ...emptyDraft(source), mode: 'reply' })).to.equal(false);
  });
});

describe('forward, then reply', () => {
  // Reading draft HTML goes through the email sanitizer, which the pane loads on first need.
  before(() => loadSanitizer());
  const forwardedFile: Attachment = { id: 'f1', name: 'invoice.pdf', size: 10, mimeType: 'application/pdf' };
  const forwardedImage: Attachment = { id: 'f2', name: 'chart.png', size: 10, mimeType: 'image/png', contentId: 'chart@acme', url: 'data:image/png;base64,iVBORw0KGgo=' };
  const mine: Attachment = { id: 'm1', name: 'notes.txt', size: 5, mimeType: 'text/plain' };
  const answered: EmailMessage = {
    id: 'e1',
    direction: 'inbound',
    from: source.from,
    to: [...source.to],
    cc: [...source.cc],
    subject: source.subject,
    text: 'Original text',
    timestamp: 0,
    status: 'received',
    attachments: [forwardedFile, forwardedImage],
  };
  const thread = { emails: [answered] };
  const quote = '<p></p><p>---------- Forwarded message ----------<br>From: jane@customer.example<br>Subject: Invoice 118</p><blockquote>Original text<img src="cid:chart@acme" alt="chart"></blockquote>';

  function forwarding(typed: string): EmailDraft {
    const base = { ...emptyDraft(source), attachments: [mine] };
    const forward = composeDraft(thread, base, answered, 'forward', quote);
    return { ...forward, html: typed + forward.html };
  }

  it('R-MAIL-10: forward → reply: drops the forwarded message and its files, keeps what the agent typed above it and their own files', () => {
    const fwd = forwarding('<p>Please see <b>below</b></p>');
    expect(fwd.forwardedId).to.equal('e1');
    expect(fwd.attachments.map((a) => a.id)).to.deep.equal(['m1', 'f1', 'f2']);
    for (const mode of ['reply', 'reply-all'] as const) {
      const next = composeDraft(thread, fwd, answered, mode, '');
      expect(next.mode).to.equal(mode);
      expect(next.html).to.equal('<p>Please see <b>below</b></p>');
      expect(next.attachments.map((a) => a.id)).to.deep.equal(['m1']);
      expect(next.forwardedId).to.equal(null);
      expect(next.to).to.match(/^jane@customer\.example/);
      // Forward again: the message and its files come back once.
      const again = composeDraft(thread, next, answered, 'forward', quote);
      expect(again.html).to.contain('Forwarded message');
      expect(again.attachments.map((a) => a.id)).to.deep.equal(['m1', 'f1', 'f2']);
    }
  });

  it('R-MAIL-10: forward → reply: as the editor writes it (divs, a trailing line), and with nothing typed', () => {
    const edited = '<div>Typed <img src="cid:mine@x" alt="sig"></div><div><br></div><p>---------- Forwarded message ----------<br>From: x</p><blockquote>Old</blockquote><div>after</div>';
    const withImage: Attachment = { id: 'm2', name: 'sig.png', size: 5, mimeType: 'image/png', contentId: 'mine@x', url: 'data:image/png;base64,iVBORw0KGgo=' };
    const fwd: EmailDraft = { ...emptyDraft(source), mode: 'forward', html: edited, forwardedId: 'e1', attachments: [withImage, forwardedFile] };
    const next = composeDraft(thread, fwd, answered, 'reply', '');
    expect(next.html).to.match(/^<div>Typed <img src="cid:mine@x" alt="sig"[^>]*><\/div>$/);
    expect(next.attachments).to.deep.equal([withImage]);
    const empty = composeDraft(thread, forwarding(''), answered, 'reply', '');
    expect(empty.html).to.equal('');
    // A reply that was never a forward keeps its body.
    const plain: EmailDraft = { ...emptyDraft(source), mode: 'reply-all', html: '<p>Hi</p>', attachments: [forwardedFile] };
    expect(composeDraft(thread, plain, answered, 'reply', '')).to.include({ html: '<p>Hi</p>' });
  });
});

