import { html, nothing, type TemplateResult } from 'lit';
import { t } from '../../controllers/localize.js';

/**
 * The composer's line saying that a card number typed in the draft is masked in the copy
 * kept for a reload (the text on screen keeps it). A polite status: it appears the first
 * time a number is masked and stays, unchanged and so not announced again, until the draft
 * is sent, discarded or emptied.
 */
export function draftMaskedNotice(masked: boolean): TemplateResult | typeof nothing {
  return masked ? html`<p class="status" part="status" role="status" id="draft-masked">${t('draft.cardMasked')}</p>` : nothing;
}
