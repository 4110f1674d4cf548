import { expect } from '@open-wc/testing';
import { applyTemplate } from '../../src/index.js';

describe('applyTemplate from the package root', () => {
  it('R-TPL-01: converts a Markdown template for a plain channel at once, without loading anything first', () => {
    const template = { id: 't', name: 'Status', body: 'Your order is **on its way**: [track it](https://example.com/t)', locked: false, channels: [] };
    const applied = applyTemplate(template, { customerName: undefined, agentName: undefined, queueName: undefined, customerEmail: undefined, customerPhone: undefined, date: undefined }, {}, { format: 'plain' });
    expect(applied.text).to.equal('Your order is on its way: track it (https://example.com/t)');
  });
});
