import { expect } from '@open-wc/testing';
import type { MessageTemplate } from '../../src/core/types.js';
import { renderMarkdown } from '../../src/content/markdown.js';
import {
  applyTemplate,
  escapeMarkdown,
  filterTemplates,
  loadPlainTextFormatting,
  markdownToPlainText,
  parseTemplate,
  systemContext,
  templateParameters,
  type SystemContext,
} from '../../src/content/templates.js';

const interaction = {
  customer: { name: 'Jane Doe', email: 'jane@example.com' },
  queue: { id: 'q1', name: 'Billing' },
  source: { email: 'jane@example.com', phoneNumber: '+1 555 0100' },
};
const march5 = new Date(2025, 2, 5, 12);
const context: SystemContext = systemContext(interaction, 'Alex Agent', 'en', march5);

function template(body: string, overrides: Partial<MessageTemplate> = {}): MessageTemplate {
  return { id: 't1', name: 'Greeting', body, locked: false, channels: ['webchat', 'messenger'], ...overrides };
}

describe('templates', () => {
  before(() => loadPlainTextFormatting());

  it('R-TPL-01: finds templates by words of their name or body, ignoring case and accents, per channel', () => {
    const list = [
      template('Hello {{customerName}}', { id: 'a', name: 'Greeting' }),
      template('Your refund of [[amount]] is on its way', { id: 'b', name: 'Refund confirmation' }),
      template('Café opening hours', { id: 'c', name: 'Hours', channels: ['email'] }),
    ];
    expect(filterTemplates(list, 'REFUND way').map((t) => t.id)).to.deep.equal(['b']);
    expect(filterTemplates(list, 'cafe').map((t) => t.id)).to.deep.equal(['c']);
    expect(filterTemplates(list, '', 'webchat').map((t) => t.id)).to.deep.equal(['a', 'b']);
    expect(filterTemplates(list, 'cafe', 'webchat')).to.deep.equal([]);
  });

  it('R-TPL-01: parses a body into text, system variables and parameters', () => {
    expect(parseTemplate('Hi {{ customerName }}, order [[order number]] ships {{date}}.')).to.deep.equal([
      { kind: 'text', text: 'Hi ' },
      { kind: 'variable', name: 'customerName', known: true, raw: '{{ customerName }}' },
      { kind: 'text', text: ', order ' },
      { kind: 'param', name: 'order number', raw: '[[order number]]' },
      { kind: 'text', text: ' ships ' },
      { kind: 'variable', name: 'date', known: true, raw: '{{date}}' },
      { kind: 'text', text: '.' },
    ]);
    expect(parseTemplate('Plain text, [[ ]] and { braces }')).to.deep.equal([{ kind: 'text', text: 'Plain text, [[ ]] and { braces }' }]);
  });

  it('R-TPL-02: a locked template applies like any other (the widget makes it read-only)', () => {
    const locked = template('Thanks for contacting {{queueName}}.', { locked: true });
    const applied = applyTemplate(locked, context);
    expect(applied.text).to.equal('Thanks for contacting Billing.');
    expect(applied.ready).to.be.true;
  });

  it('R-TPL-03: a template with unfilled parameters is not ready and never shows the placeholder', () => {
    const body = 'Your order [[order]] arrives on [[day]]. Ref [[order]].';
    expect(templateParameters(body)).to.deep.equal(['order', 'day']);
    const empty = applyTemplate(body, context);
    expect(empty.ready).to.be.false;
    expect(empty.params).to.deep.equal(['order', 'day']);
    expect(empty.missingParams).to.deep.equal(['order', 'day']);
    expect(empty.text).not.to.contain('[[');
    const partial = applyTemplate(body, context, { order: 'A-17', day: '   ' });
    expect(partial.missingParams).to.deep.equal(['day']);
    expect(partial.ready).to.be.false;
    const full = applyTemplate(body, context, { order: 'A-17', day: 'Monday' });
    expect(full.ready).to.be.true;
    expect(full.missingParams).to.deep.equal([]);
    expect(full.text).to.equal('Your order A-17 arrives on Monday. Ref A-17.');
  });

  it('R-TPL-03: parameter values are plain text, never markup', () => {
    const value = '<img src=x onerror=alert(1)> **loud** [x](javascript:alert(1))';
    const plain = applyTemplate('Note: [[note]]', context, { note: value });
    expect(plain.text).to.equal(`Note: ${value}`);
    const asMarkdown = applyTemplate('Note: [[note]]', context, { note: value }, { format: 'markdown' });
    const div = document.createElement('div');
    div.append(renderMarkdown(asMarkdown.text));
    expect(div.querySelector('img, strong, a')).to.equal(null);
    expect(div.textContent).to.equal(`Note: ${value}`);
  });

  it('R-TPL-03: parameter names are own keys only', () => {
    const applied = applyTemplate('[[constructor]] [[toString]]', context, {});
    expect(applied.missingParams).to.deep.equal(['constructor', 'toString']);
  });

  it('R-TPL-04: substitutes system variables from the interaction', () => {
    const applied = applyTemplate(
      'Hello {{customerName}}, I am {{agentName}} from {{queueName}}. We will write to {{customerEmail}} or call {{customerPhone}}. Today is {{date}}.',
      context,
    );
    expect(applied.text).to.equal(
      'Hello Jane Doe, I am Alex Agent from Billing. We will write to jane@example.com or call +1 555 0100. Today is March 5, 2025.',
    );
    expect(applied.unknownVariables).to.deep.equal([]);
    expect(applied.emptyVariables).to.deep.equal([]);
  });

  it('R-TPL-04: matches variable names case-insensitively and formats the date per locale', () => {
    const zh = systemContext(interaction, 'Alex', 'zh-CN', march5);
    expect(applyTemplate('{{Date}} {{CUSTOMERNAME}}', zh).text).to.equal('2025年3月5日 Jane Doe');
  });

  it('R-TPL-04: reports unknown variables and never sends them raw', () => {
    const applied = applyTemplate('Ticket {{ticketId}} for {{customerName}} {{ticketId}} {{customer name}}', context);
    expect(applied.unknownVariables).to.deep.equal(['ticketId', 'customer name']);
    expect(applied.text).to.equal('Ticket  for Jane Doe  ');
    expect(applied.text).not.to.contain('{{');
    expect(applied.ready).to.be.true;
  });

  it('R-TPL-04: reports variables the interaction has no value for', () => {
    const email = systemContext({ customer: { name: 'Li Lei' }, queue: { id: 'q', name: 'Email' }, source: { email: 'li@example.cn' } }, 'Alex', 'en', march5);
    expect(email.customerEmail).to.equal('li@example.cn');
    const applied = applyTemplate('Call {{customerPhone}}, {{customerName}}', email);
    expect(applied.emptyVariables).to.deep.equal(['customerPhone']);
    expect(applied.text).to.equal('Call , Li Lei');
  });

  it('R-TPL-04: customer-supplied values are escaped for Markdown on request', () => {
    const ctx = systemContext({ ...interaction, customer: { name: '*Evil* <b>Name</b>' } }, 'Alex', 'en', march5);
    const applied = applyTemplate('Hi {{customerName}}', ctx, {}, { format: 'markdown' });
    const div = document.createElement('div');
    div.append(renderMarkdown(applied.text));
    expect(div.textContent).to.equal('Hi *Evil* <b>Name</b>');
    expect(div.querySelector('em, b')).to.equal(null);
    expect(escapeMarkdown('- item\n1. one')).to.equal('\\- item\n1\\. one');
  });

  it('R-TPL-01: for a plain channel a Markdown body becomes plain text: no emphasis markers, links as "text (url)", list markers kept', () => {
    const body = '**Is there anything else, {{customerName}}?**\n\nSee _our_ [help centre](https://example.com/help) or https://example.com.\n\n- Monday to Friday\n- Saturday `9:00`';
    const applied = applyTemplate(body, context, {}, { format: 'plain' });
    expect(applied.text).to.equal(
      'Is there anything else, Jane Doe?\n\nSee our help centre (https://example.com/help) or https://example.com.\n\n- Monday to Friday\n- Saturday 9:00',
    );
    expect(applied.text).not.to.match(/\*\*|_our_|\]\(/);
  });

  it('R-TPL-01: plain values are never converted, and parameters survive the conversion', () => {
    const ctx = systemContext({ ...interaction, customer: { name: '**Jo** [x](y)' } }, 'Alex', 'en', march5);
    const applied = applyTemplate('**Order** [[order number]] for {{customerName}}', ctx, { 'order number': '*A-17*' }, { format: 'plain' });
    expect(applied.params).to.deep.equal(['order number']);
    expect(applied.text).to.equal('Order *A-17* for **Jo** [x](y)');
  });

  it('R-TPL-01: markdownToPlainText handles ordered and nested lists, quotes, headings, code, escapes, images and line breaks', () => {
    expect(markdownToPlainText('# Title\n\n> quoted *text*\n\n1. one\n2. two\n   - inner')).to.equal('Title\n\nquoted text\n\n1. one\n2. two\n  - inner');
    expect(markdownToPlainText('line one\nline two \\*not em\\*')).to.equal('line one\nline two *not em*');
    expect(markdownToPlainText('```\ncode *x*\n```')).to.equal('code *x*');
    expect(markdownToPlainText('![logo](https://example.com/l.png) ~~old~~ <b>kept</b> a & b')).to.equal('logo (https://example.com/l.png) old <b>kept</b> a & b');
  });

  it('R-TPL-03: keepUnknown leaves unknown variables as written so the agent can fill them; the default still leaves them out', () => {
    const body = 'Your case number is {{caseId}}.';
    expect(applyTemplate(body, context).text).to.equal('Your case number is .');
    const kept = applyTemplate(body, context, {}, { format: 'plain', keepUnknown: true });
    expect(kept.text).to.equal('Your case number is {{caseId}}.');
    expect(kept.unknownVariables).to.deep.equal(['caseId']);
  });

  it('R-TPL-04: without a format the body is used as written (backward compatible)', () => {
    expect(applyTemplate('**Hi** {{customerName}}', context).text).to.equal('**Hi** Jane Doe');
  });
});
