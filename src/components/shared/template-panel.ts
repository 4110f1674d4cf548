import { html, nothing, type TemplateResult } from 'lit';
import type { AppliedTemplate } from '../../content/templates.js';
import { getLocale, t } from '../../controllers/localize.js';
import type { MessageTemplate } from '../../core/types.js';

/** A template the agent chose, with the parameter values filled in so far. */
export interface TemplateInPanel {
  readonly template: MessageTemplate;
  readonly params: Readonly<Record<string, string>>;
}

/** What the agent can do in the template panel. */
export interface TemplatePanelActions {
  readonly param: (name: string, value: string) => void;
  readonly remove: () => void;
  /** Turns a filled, unlocked template into editable text. */
  readonly edit: () => void;
}

/** `{{name}}` placeholders that the template uses but the system does not know, for the agent's note. */
export function unknownNames(applied: Pick<AppliedTemplate, 'unknownVariables'>): string {
  return applied.unknownVariables.map((v) => `{{${v}}}`).join(', ');
}

/**
 * A parameter's name as a label in words, sentence case: `orderNumber`, `order_number`,
 * `order-number` and `order number` all read "Order number"; acronyms keep their
 * capitals (`customerID` reads "Customer ID").
 */
export function paramLabel(name: string): string {
  const words = name
    .replace(/[_-]+/g, ' ')
    .replace(/(\p{Ll}|\p{Nd})(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu}+)(\p{Lu}\p{Ll})/gu, '$1 $2')
    .trim()
    .split(/\s+/)
    .map((word) => (word.length > 1 && word === word.toUpperCase() ? word : word.toLowerCase()));
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "Fill in 1 field" / "Fill in 3 fields", by the current locale's plural rules. */
function fillNote(count: number): string {
  const form = new Intl.PluralRules(getLocale()).select(count);
  return t(form === 'one' ? 'template.fill.one' : 'template.fill.other', { count });
}

/**
 * The panel of a locked or parameterised template (R-TPL-02, R-TPL-03), in the chat and
 * email composers alike: it stands in for the text until the template is sent, removed
 * or, once filled, turned into text. Its title and its Remove / Edit buttons come first,
 * so they stay in view when a short pane makes the panel scroll. `preview` is the template's text as the channel
 * shows it (Markdown or plain).
 */
export function templatePanel(inUse: TemplateInPanel, applied: AppliedTemplate, actions: TemplatePanelActions, preview: unknown): TemplateResult {
  const missing = applied.missingParams.length;
  return html`<section id="template-panel" class="template" part="template" aria-label=${t('template.inUse', { name: inUse.template.name })}>
    <div class="template-head">
      <h3>${t('template.inUse', { name: inUse.template.name })}</h3>
      <div class="template-actions">
        <button class="btn secondary" @click=${actions.remove}>${t('template.remove')}</button>
        ${!inUse.template.locked && applied.ready
          ? html`<button class="btn secondary" @click=${actions.edit}>${t('template.edit')}</button>`
          : nothing}
      </div>
    </div>
    ${inUse.template.locked ? html`<p class="muted">${t('template.lockedHint')}</p>` : nothing}
    ${applied.params.length > 0
      ? html`<div class="params">
          ${applied.params.map(
            (name) => html`<label class="param"
              ><span>${paramLabel(name)}</span
              ><input
                type="text"
                .value=${inUse.params[name] ?? ''}
                aria-invalid=${applied.missingParams.includes(name) ? 'true' : 'false'}
                @input=${(e: InputEvent) => actions.param(name, (e.target as HTMLInputElement).value)}
            /></label>`,
          )}
        </div>`
      : nothing}
    <div class="preview" role="group" tabindex="0" aria-label=${t('template.preview')}>${preview}</div>
    ${missing > 0 ? html`<p class="muted fill">${fillNote(missing)}</p>` : nothing}
    ${applied.unknownVariables.length > 0
      ? html`<p class="warning">${t('template.unknown', { names: unknownNames(applied) })}</p>`
      : nothing}
  </section>`;
}
