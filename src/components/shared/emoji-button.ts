import { html, nothing, type TemplateResult } from 'lit';
import { t } from '../../controllers/localize.js';

/**
 * The **Emoji** button of a composer, followed by its pop-up while open. One template for
 * the picker and for the pane's stand-in before the picker's code has loaded, so the
 * button the agent clicked (and its focus) stays the same element when the picker arrives.
 */
export function emojiButton(id: string, open: boolean, toggle: () => void, panel: TemplateResult | typeof nothing = nothing): TemplateResult {
  return html`<button
      class="fmt emoji-button"
      id="${id}-button"
      aria-label=${t('emoji')}
      title=${t('emoji')}
      aria-haspopup="dialog"
      aria-expanded=${open ? 'true' : 'false'}
      aria-controls=${open ? `${id}-panel` : nothing}
      @click=${toggle}
    >
      ☺
    </button>
    ${panel}`;
}
