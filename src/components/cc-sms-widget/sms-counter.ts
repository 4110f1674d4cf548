import { html, nothing, type TemplateResult } from 'lit';
import { smsSegments } from '../../core/sms.js';
import { registerEnglish, t } from '../../controllers/localize.js';
import { enCompose } from '../../locales/en-compose.js';

registerEnglish(enCompose);

/**
 * How many SMS the composer's text is sent as, beside its character counter: the units
 * used out of what that many SMS hold, and "(Unicode)" when a character outside GSM-7
 * shrinks every SMS to 70 / 67. A screen reader hears the count politely, and only when
 * it changes, not on every keystroke.
 */
export class SmsCounter {
  #interaction: string | undefined;
  #segments = 0;
  #announced = '';

  /** The count for `text` in the interaction `id`; a switch of interaction is not announced. */
  render(id: string, text: string): TemplateResult | typeof nothing {
    const s = smsSegments(text);
    if (id !== this.#interaction) {
      this.#interaction = id;
      this.#announced = '';
    } else if (s.segments !== this.#segments && s.segments > 0) {
      this.#announced = t('sms.segmentsChanged', { count: s.segments });
    }
    this.#segments = s.segments;
    const values = { count: s.segments, units: s.units, capacity: Math.max(1, s.segments) * s.perSegment };
    return html`<p class="counter segments" part="segments" id="segments">
        ${s.segments > 0 ? t(s.encoding === 'ucs2' ? 'sms.segmentsUnicode' : 'sms.segments', values) : nothing}
      </p>
      <p class="visually-hidden" role="status">${this.#announced}</p>`;
  }
}
