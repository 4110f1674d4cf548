/**
 * What the email pane needs only once a template is in play (the agent reaches for
 * Templates or a quick response, or a restored draft holds one): the template functions
 * and the template panel. `EmailTemplates` loads this module on first need.
 * @packageDocumentation
 */
import { applyTemplate, parseTemplate, type AppliedTemplate, type SystemContext, type TemplateSegment } from '../../content/templates.js';
import type { MessageTemplate } from '../../core/types.js';
import type { EmailDraft } from './email-draft.js';
import { serialize } from './email-html.js';

export { applyTemplate, systemContext } from '../../content/templates.js';
export { templatePanel } from '../shared/template-panel.js';

/** Locked or parameterised templates stay a template until sent or removed (R-TPL-02, R-TPL-03); others become editable text. */
export function keepsTemplate(template: MessageTemplate, applied: Pick<AppliedTemplate, 'params'>): boolean {
  return template.locked || applied.params.length > 0;
}

/** Markdown to sanitized DOM (`renderMarkdown` of the content module, which loads on first need). */
export type RenderMarkdown = (text: string) => DocumentFragment;

/** A template's text as the editor's HTML. */
export function templateHtml(applied: Pick<AppliedTemplate, 'text'>, render: RenderMarkdown): string {
  return serialize(render(applied.text));
}

/** The draft after choosing a template: it replaces whatever the body held (R-MAIL-14), and a forwarded email with it. */
export function withTemplate(draft: EmailDraft, template: MessageTemplate, applied: AppliedTemplate, render: RenderMarkdown): EmailDraft {
  return keepsTemplate(template, applied)
    ? { ...draft, html: '', forwardedId: null, template: { template, params: {} } }
    : { ...draft, html: templateHtml(applied, render), forwardedId: null, template: null };
}

/** The draft with a template parameter set (R-TPL-02). */
export function withParam(draft: EmailDraft, name: string, value: string): EmailDraft {
  return draft.template ? { ...draft, template: { ...draft.template, params: { ...draft.template.params, [name]: value } } } : draft;
}

/**
 * A template applied for the editor: like `applyTemplate` in Markdown, except that
 * variables the system does not know stay in the text as written (`{{caseId}}`), for the
 * agent to fill in or remove; Send waits until they have.
 */
export function applyKeepingGaps(template: MessageTemplate, context: SystemContext, params: Readonly<Record<string, string>> = {}): AppliedTemplate {
  const segments = parseTemplate(template.body).map((s): TemplateSegment => (s.kind === 'variable' && !s.known ? { kind: 'text', text: s.raw } : s));
  return applyTemplate(segments, context, params, { format: 'markdown' });
}
