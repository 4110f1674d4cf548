import { html, nothing, type TemplateResult } from 'lit';
import { markdown, renderMarkdown } from '../../content/markdown.js';
import type { AppliedTemplate } from '../../content/templates.js';
import type { MessageTemplate } from '../../core/types.js';
import { t } from '../../controllers/localize.js';
import type { DraftTemplate, EmailDraft } from './email-draft.js';
import { serialize } from './email-html.js';

/** What the agent can do in the template panel. */
export interface TemplatePanelActions {
  readonly param: (name: string, value: string) => void;
  readonly remove: () => void;
  /** Turns a filled, unlocked template into editable text. */
  readonly edit: () => void;
}

/** Locked or parameterised templates stay a template until sent or removed (R-TPL-02, R-TPL-03); others become editable text. */
export function keepsTemplate(template: MessageTemplate, applied: Pick<AppliedTemplate, 'params'>): boolean {
  return template.locked || applied.params.length > 0;
}

/** A template's text as the editor's HTML. */
export function templateHtml(applied: Pick<AppliedTemplate, 'text'>): string {
  return serialize(renderMarkdown(applied.text));
}

/** The draft after choosing a template: it replaces whatever the body held (R-MAIL-14), and a forwarded email with it. */
export function withTemplate(draft: EmailDraft, template: MessageTemplate, applied: AppliedTemplate): EmailDraft {
  return keepsTemplate(template, applied)
    ? { ...draft, html: '', forwardedId: null, template: { template, params: {} } }
    : { ...draft, html: templateHtml(applied), forwardedId: null, template: null };
}

/** The draft with a template parameter set (R-TPL-02). */
export function withParam(draft: EmailDraft, name: string, value: string): EmailDraft {
  return draft.template ? { ...draft, template: { ...draft.template, params: { ...draft.template.params, [name]: value } } } : draft;
}

/** `{{name}}` placeholders that the template uses but the system does not know, for the agent's note. */
export function unknownNames(applied: Pick<AppliedTemplate, 'unknownVariables'>): string {
  return applied.unknownVariables.map((v) => `{{${v}}}`).join(', ');
}

/**
 * The panel of a locked or parameterised template (R-TPL-02, R-TPL-03): it stands in for
 * the editor until the template is sent, removed or, once filled, turned into text.
 */
export function templatePanel(inUse: DraftTemplate, applied: AppliedTemplate, actions: TemplatePanelActions): TemplateResult {
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
    <div class="preview" role="group" aria-label=${t('template.preview')}>${markdown(applied.text)}</div>
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
