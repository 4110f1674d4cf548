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
  const row = (label: string, value: string | undefined): Row => (value ? html`<dt>${label}</dt><dd dir="auto">${value}</dd>` : nothing);
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
            ? t('offer.sourceNumberWithKind', { number: i.source.sourceNumber, kind: t(`offer.sourceKind.${i.source.sourceNumberKind}`) })
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
