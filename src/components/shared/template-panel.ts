import { html, nothing, type TemplateResult } from 'lit';
import type { AppliedTemplate } from '../../content/templates.js';
import { t } from '../../controllers/localize.js';
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
 * The panel of a locked or parameterised template (R-TPL-02, R-TPL-03), in the chat and
 * email composers alike: it stands in for the text until the template is sent, removed
 * or, once filled, turned into text. `preview` is the template's text as the channel
 * shows it (Markdown or plain).
 */
export function templatePanel(inUse: TemplateInPanel, applied: AppliedTemplate, actions: TemplatePanelActions, preview: unknown): TemplateResult {
  const missing = applied.missingParams.length;
  return html`<section id="template-panel" class="template" part="template" aria-label=${t('template.inUse', { name: inUse.template.name })}>
    <h3>${t('template.inUse', { name: inUse.template.name })}</h3>
    ${inUse.template.locked ? html`<p class="muted">${t('template.lockedHint')}</p>` : nothing}
    ${applied.params.map(
      (name) => html`<label class="param"
        ><span>${name}</span
        ><input
          type="text"
          .value=${inUse.params[name] ?? ''}
          aria-invalid=${applied.missingParams.includes(name) ? 'true' : 'false'}
          @input=${(e: InputEvent) => actions.param(name, (e.target as HTMLInputElement).value)}
      /></label>`,
    )}
    <div class="preview" role="group" aria-label=${t('template.preview')}>${preview}</div>
    ${missing > 0 ? html`<p class="muted">${t('template.fill', { count: missing })}</p>` : nothing}
    ${applied.unknownVariables.length > 0
      ? html`<p class="warning">${t('template.unknown', { names: unknownNames(applied) })}</p>`
      : nothing}
    <div class="template-actions">
      <button class="btn secondary" @click=${actions.remove}>${t('template.remove')}</button>
      ${!inUse.template.locked && applied.ready
        ? html`<button class="btn secondary" @click=${actions.edit}>${t('template.edit')}</button>`
        : nothing}
    </div>
  </section>`;
}
