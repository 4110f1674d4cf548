import { expect } from '@open-wc/testing';
import { DEFAULT_ATTACHMENT_LIMITS, checkAttachment, displayFileName } from '../../src/content/files.js';

const MB = 1024 * 1024;

describe('attachments', () => {
  it('accepts the default types within 10 MB', () => {
    expect(DEFAULT_ATTACHMENT_LIMITS.maxBytes).to.equal(10 * MB);
    for (const type of ['image/png', 'image/jpeg', 'application/pdf', 'text/plain', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document']) {
      expect(checkAttachment({ name: 'f', size: 1000, type }), type).to.deep.equal({ ok: true });
    }
    expect(checkAttachment(new File(['hello'], 'note.txt', { type: 'text/plain' }))).to.deep.equal({ ok: true });
  });

  it('refuses empty, too large and unlisted files', () => {
    expect(checkAttachment({ name: 'a.pdf', size: 0, type: 'application/pdf' })).to.deep.equal({ ok: false, reason: 'empty' });
    expect(checkAttachment({ name: 'a.pdf', size: 10 * MB + 1, type: 'application/pdf' })).to.deep.equal({ ok: false, reason: 'too-large' });
    expect(checkAttachment({ name: 'a.pdf', size: 10 * MB, type: 'application/pdf' })).to.deep.equal({ ok: true });
    for (const [name, type] of [['run.exe', 'application/x-msdownload'], ['logo.svg', 'image/svg+xml'], ['page.html', 'text/html'], ['x.bin', '']]) {
      expect(checkAttachment({ name: name ?? '', size: 10, type: type ?? '' }), name).to.deep.equal({ ok: false, reason: 'type-not-allowed' });
    }
  });

  it('matches wildcards, extensions and MIME parameters, and falls back to the extension', () => {
    const limits = { maxBytes: 100, allowedTypes: ['image/*', '.log', 'Text/Plain'] };
    expect(checkAttachment({ name: 'a.svg', size: 1, type: 'image/svg+xml' }, limits).ok).to.be.true;
    expect(checkAttachment({ name: 'server.LOG', size: 1, type: '' }, limits).ok).to.be.true;
    expect(checkAttachment({ name: 'a.txt', size: 1, type: 'text/plain; charset=utf-8' }, limits).ok).to.be.true;
    expect(checkAttachment({ name: 'a.pdf', size: 1, type: 'application/pdf' }, limits).ok).to.be.false;
    expect(checkAttachment({ name: 'report.docx', size: 1, type: '' }).ok).to.be.true;
    expect(checkAttachment({ name: 'any', size: 1, type: 'application/zip' }, { maxBytes: 10, allowedTypes: ['*/*'] }).ok).to.be.true;
  });

  it('displayFileName strips bidi overrides so a name cannot fake its extension', () => {
    const spoof = 'invoice\u202Efdp.exe';
    expect(displayFileName(spoof)).to.equal('invoicefdp.exe');
    expect(displayFileName('a\u2066b\u2069c\u200Fd\u061Ce\u200Bf\uFEFFg.pdf')).to.equal('abcdefg.pdf');
    expect(displayFileName('bad\u0000name\u0007\u009F.txt')).to.equal('badname.txt');
    expect(displayFileName(' report.pdf            \n\t .exe ')).to.equal('report.pdf .exe');
    expect(displayFileName('family 👨‍👩‍👧.png')).to.equal('family 👨‍👩‍👧.png');
    expect(checkAttachment({ name: spoof, size: 1, type: '' }).ok).to.be.false;
  });

  it('displayFileName shortens long names in the middle, keeping the extension', () => {
    const name = `${'a'.repeat(60)}.pdf`;
    const short = displayFileName(name, 20);
    expect([...short]).to.have.length(20);
    expect(short.endsWith('a.pdf')).to.be.true;
    expect(short).to.contain('…');
    expect(displayFileName('short.pdf', 20)).to.equal('short.pdf');
  });
});
