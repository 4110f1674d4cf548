import { expect } from '@open-wc/testing';
import { ATTACHMENT_MAX_BYTES, CHANNEL_CAPABILITIES, canTransferTo, capabilitiesOf } from '../../src/core/channels.js';
import { DEFAULT_ATTACHMENT_LIMITS } from '../../src/content/files.js';
import { CHANNELS, isChannel } from '../../src/core/types.js';

describe('channel capabilities: one table', () => {
  it('has an entry for every channel, and only for channels', () => {
    expect(Object.keys(CHANNEL_CAPABILITIES).sort()).to.deep.equal([...CHANNELS].sort());
    for (const c of CHANNELS) expect(capabilitiesOf(c)).to.equal(CHANNEL_CAPABILITIES[c]);
  });

  it('R-XFER-07: email goes to queues only; chats to queues and agents', () => {
    expect(canTransferTo('email', 'queue')).to.equal(true);
    expect(canTransferTo('email', 'agent')).to.equal(false);
    for (const c of ['messenger', 'sms', 'webchat'] as const) expect(canTransferTo(c, 'agent')).to.equal(true);
  });

  it('R-CHAT-05/06/07, R-END-01: receipts, files, Markdown and consent per channel', () => {
    expect(CHANNELS.filter((c) => capabilitiesOf(c).receipts)).to.deep.equal(['messenger', 'sms']);
    expect(CHANNELS.filter((c) => capabilitiesOf(c).attachments)).to.deep.equal(['messenger', 'webchat', 'email']);
    expect(CHANNELS.filter((c) => capabilitiesOf(c).consentToEnd)).to.deep.equal(['messenger', 'sms']);
    expect(CHANNELS.filter((c) => capabilitiesOf(c).conference)).to.deep.equal(['messenger', 'sms', 'webchat']);
    expect(capabilitiesOf('webchat').attachments?.maxBytes).to.equal(DEFAULT_ATTACHMENT_LIMITS.maxBytes);
    expect(ATTACHMENT_MAX_BYTES).to.equal(DEFAULT_ATTACHMENT_LIMITS.maxBytes);
  });

  it('isChannel names the four channels only', () => {
    expect(CHANNELS.every(isChannel)).to.equal(true);
    expect(isChannel('fax')).to.equal(false);
    expect(isChannel(undefined)).to.equal(false);
    expect(isChannel('constructor')).to.equal(false);
  });
});
