import { html, nothing, type ReactiveElement, type TemplateResult } from 'lit';
import { applyTemplate, type AppliedTemplate, type SystemContext } from '../../content/templates.js';
import type { Interaction, MessageTemplate } from '../../core/types.js';
import { t } from '../../controllers/localize.js';
import { unknownNames } from '../shared/template-panel.js';
import type { EmailDraft } from './email-draft.js';
import { htmlText } from './email-html.js';
import { applyKeepingGaps, keepsTemplate, templateHtml, withTemplate } from './email-template-panel.js';

/** What the templates of a standard reply need from the pane. */
export interface EmailTemplatesOptions {
  /** Values of the system variables for an interaction. */
  readonly context: (i: Interaction) => SystemContext;
  readonly draft: (interactionId: string) => EmailDraft | undefined;
  /** Changes the interaction's draft. */
  readonly patch: (i: Interaction, change: (d: EmailDraft) => EmailDraft) => void;
  /** The body changed other than by typing: the editor loads it again. */
  readonly reloadEditor: () => void;
  /** Moves focus, after the next render, to the first element matching the first of `selectors` that matches any. */
  readonly focus: (...selectors: readonly string[]) => void;
}

/** The body a template replaced, to bring back with **Undo**. */
interface Replaced {
  readonly before: Pick<EmailDraft, 'html' | 'forwardedId' | 'template'>;
  readonly name: string;
}

/** Where focus goes once a template stays in the draft: its first parameter, else the panel's first button. */
const PANEL_FOCUS = ['#template-panel input', '#template-panel button'] as const;

/**
 * Templates in the standard reply (R-MAIL-14, R-TPL-*): a chosen template replaces the
 * body; when that throws away text the agent had written, a status line says so and offers
 * **Undo**, which brings the previous body back exactly (until the agent edits the new
 * one). Focus goes to the editor or the template's first parameter. Variables the system
 * does not know stay in the text as written, for the agent to fill in.
 */
export class EmailTemplates {
  readonly #host: ReactiveElement;
  readonly #options: EmailTemplatesOptions;
  readonly #replaced = new Map<string, Replaced>();

  constructor(host: ReactiveElement, options: EmailTemplatesOptions) {
    this.#host = host;
    this.#options = options;
  }

  /** The template in use as it would be sent (unknown variables left out), if the draft has one. */
  applied(i: Interaction, draft: EmailDraft): AppliedTemplate | undefined {
    if (!draft.template) return undefined;
    return applyTemplate(draft.template.template, this.#options.context(i), draft.template.params, { format: 'markdown' });
  }

  /** Unknown variables of the template in use, as written in its text (`{{caseId}}`). */
  gaps(applied: AppliedTemplate | undefined): string[] {
    return applied ? applied.unknownVariables.map((v) => `{{${v}}}`) : [];
  }

  /** Puts a chosen template in the draft, replacing the body. */
  use(i: Interaction, template: MessageTemplate): void {
    const draft = this.#options.draft(i.id);
    const applied = applyKeepingGaps(template, this.#options.context(i));
    const lost = draft !== undefined && (draft.template !== null || htmlText(draft.html) !== '' || /<img\b/i.test(draft.html));
    if (draft && lost) this.#replaced.set(i.id, { before: { html: draft.html, forwardedId: draft.forwardedId, template: draft.template }, name: template.name });
    else this.#replaced.delete(i.id);
    this.#options.patch(i, (d) => withTemplate(d, template, applied));
    if (keepsTemplate(template, applied)) {
      this.#options.focus(...PANEL_FOCUS);
    } else {
      this.#options.reloadEditor();
      this.#options.focus('#editor');
    }
  }

  /** Brings back the body the last template replaced. */
  undo(i: Interaction): void {
    const replaced = this.#replaced.get(i.id);
    if (!replaced) return;
    this.#replaced.delete(i.id);
    this.#options.patch(i, (d) => ({ ...d, ...replaced.before }));
    this.#options.reloadEditor();
    this.#options.focus(...(replaced.before.template ? PANEL_FOCUS : ['#editor']));
  }

  /** The agent edited the body, or the draft was sent or discarded: Undo would lose that, so it goes. */
  settle(interactionId: string): void {
    if (this.#replaced.delete(interactionId)) this.#host.requestUpdate();
  }

  /** Removes the template in use; the body is empty again. */
  remove(i: Interaction): void {
    this.settle(i.id);
    this.#options.patch(i, (d) => ({ ...d, template: null }));
    this.#options.reloadEditor();
    this.#options.focus('#editor');
  }

  /** Turns a filled, unlocked template into editable text; unknown variables stay in it, to fill in. */
  edit(i: Interaction): void {
    const draft = this.#options.draft(i.id);
    if (!draft?.template) return;
    this.settle(i.id);
    const applied = applyKeepingGaps(draft.template.template, this.#options.context(i), draft.template.params);
    this.#options.patch(i, (d) => ({ ...d, template: null, html: templateHtml(applied) }));
    this.#options.reloadEditor();
    this.#options.focus('#editor');
  }

  /** The "replaced your text — Undo" line, while Undo is possible. */
  renderUndo(i: Interaction): TemplateResult | typeof nothing {
    const replaced = this.#replaced.get(i.id);
    if (!replaced) return nothing;
    return html`<p class="status replaced" part="status" role="status">
      <span id="template-replaced">${t('email.template.replaced', { name: replaced.name })}</span>
      <button class="link-btn" aria-describedby="template-replaced" @click=${() => this.undo(i)}>${t('email.template.undo')}</button>
    </p>`;
  }

  /** Why Send waits for the template's unknown variables, if it does. */
  renderGaps(draft: EmailDraft, gaps: readonly string[]): TemplateResult | typeof nothing {
    if (gaps.length === 0) return nothing;
    const names = unknownNames({ unknownVariables: gaps.map((g) => g.slice(2, -2)) });
    const key = !draft.template ? 'email.unfilled' : draft.template.template.locked ? 'email.unfilledLocked' : 'email.unfilledTemplate';
    return html`<p class="error" part="error" id="gaps" role="status">${t(key, { names })}</p>`;
  }
}
