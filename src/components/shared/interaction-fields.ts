import { html, nothing, type TemplateResult } from 'lit';
import type { Interaction } from '../../core/types.js';
import { t } from '../../controllers/localize.js';

type Row = TemplateResult | typeof nothing;

/**
 * The source details of an interaction as `<dt>/<dd>` pairs, per channel (R-OFFER-01,
 * R-OFFER-03): messenger → queue, page; sms → queue, phone number, source number with
 * its kind (long code, short code, toll-free);
 * webchat and email → customer, email, queue.
 */
export function interactionFields(i: Interaction): Row[] {
  const row = (label: string, value: unknown): Row => (value ? html`<dt>${label}</dt><dd dir="auto">${value}</dd>` : nothing);
  switch (i.channel) {
    case 'messenger':
      return [row(t('offer.queue'), i.queue.name), row(t('offer.page'), i.source.page)];
    case 'sms':
      return [
        row(t('offer.queue'), i.queue.name),
        row(t('offer.phoneNumber'), i.source.phoneNumber ?? i.customer.phone),
        row(
          t('offer.sourceNumber'),
          i.source.sourceNumber && i.source.sourceNumberKind
            ? numberWithKind(i.source.sourceNumber, t(`offer.sourceKind.${i.source.sourceNumberKind}`))
            : i.source.sourceNumber,
        ),
      ];
    case 'webchat':
    case 'email':
      return [
        row(t('offer.customer'), i.customer.name),
        row(t('offer.email'), i.source.email ?? i.customer.email),
        row(t('offer.queue'), i.queue.name),
      ];
  }
}

/**
 * "+1 555 0100 (long code)" in the locale's words, the number kept left to right: beside
 * Arabic words its space-separated groups would otherwise be laid out in reverse order.
 */
function numberWithKind(number: string, kind: string): TemplateResult {
  const [before = '', after = ''] = t('offer.sourceNumberWithKind', { number: '\u0000', kind }).split('\u0000');
  return html`${before}<bdi dir="ltr">${number}</bdi>${after}`;
}
