import { html, nothing, type ReactiveElement, type TemplateResult } from 'lit';
import { applyTemplate, type AppliedTemplate, type SystemContext } from '../../content/templates.js';
import type { Interaction, MessageTemplate } from '../../core/types.js';
import { t } from '../../controllers/localize.js';
import { unknownNames } from '../shared/template-panel.js';
import type { EmailDraft } from './email-draft.js';
import { htmlText, serialize, textOf, type OutgoingBody } from './email-html.js';
import { loadMarkdown, loadedMarkdown } from '../../content/lazy-markdown.js';
import type * as MarkdownModule from '../../content/markdown.js';
import { applyKeepingGaps, keepsTemplate, templateHtml, withTemplate, type RenderMarkdown } from './email-template-panel.js';

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
  /** What a template needs to go in (the Markdown module) could not load: the pane says why. */
  readonly failed: (i: Interaction, error: unknown) => void;
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
 *
 * A template's Markdown becomes the editor's HTML through the content module, which the
 * pane does not load up front: {@link prepare} fetches it when the agent reaches for the
 * templates, and a choice made before it is in goes in as soon as it is.
 */
export class EmailTemplates {
  readonly #host: ReactiveElement;
  readonly #options: EmailTemplatesOptions;
  readonly #replaced = new Map<string, Replaced>();
  /** The Markdown module is being fetched for a render; or it failed, and waits for the agent to try again. */
  #markdown: 'loading' | 'failed' | undefined;

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

  /** Fetches what applying a template needs, so that a choice goes in at once. */
  prepare(): void {
    loadMarkdown().catch(() => undefined);
  }

  /**
   * The renderer for a render of the pane: there now, or `undefined` while it loads (the pane
   * renders again once it is in; a failure is said once, and the agent's next template
   * action tries again).
   */
  #renderer(i: Interaction): RenderMarkdown | undefined {
    const loaded = loadedMarkdown();
    if (loaded || this.#markdown) return loaded?.renderMarkdown;
    this.#markdown = 'loading';
    loadMarkdown().then(
      () => {
        this.#markdown = undefined;
        this.#host.requestUpdate();
      },
      (e: unknown) => {
        this.#markdown = 'failed';
        this.#options.failed(i, e);
      },
    );
    return undefined;
  }

  /** The template in use as the email's body, or `undefined` while the renderer loads (Send waits). */
  body(i: Interaction, applied: AppliedTemplate): OutgoingBody | undefined {
    const render = this.#renderer(i);
    if (!render) return undefined;
    const fragment = render(applied.text);
    return { text: textOf(fragment), html: serialize(fragment), inline: [] };
  }

  /** The template's preview: its Markdown, sanitized (a directive: rendered again only when the text changes), or its plain text while the renderer loads. */
  preview(i: Interaction, applied: AppliedTemplate): ReturnType<typeof MarkdownModule.markdown> | string {
    const loaded = this.#renderer(i) && loadedMarkdown();
    return loaded ? loaded.markdown(applied.text) : applied.text;
  }

  /** Runs `apply` with the Markdown renderer: at once when it is loaded, else once it is (or says why not). */
  #withMarkdown(i: Interaction, apply: (render: RenderMarkdown) => void): void {
    if (this.#markdown === 'failed') this.#markdown = undefined;
    const loaded = loadedMarkdown();
    if (loaded) {
      apply(loaded.renderMarkdown);
      return;
    }
    loadMarkdown().then(
      (module) => apply(module.renderMarkdown),
      (e: unknown) => this.#options.failed(i, e),
    );
  }

  /** Puts a chosen template in the draft, replacing the body. */
  use(i: Interaction, template: MessageTemplate): void {
    this.#withMarkdown(i, (render) => this.#use(i, template, render));
  }

  #use(i: Interaction, template: MessageTemplate, render: RenderMarkdown): void {
    const draft = this.#options.draft(i.id);
    const applied = applyKeepingGaps(template, this.#options.context(i));
    const lost = draft !== undefined && (draft.template !== null || htmlText(draft.html) !== '' || /<img\b/i.test(draft.html));
    if (draft && lost) this.#replaced.set(i.id, { before: { html: draft.html, forwardedId: draft.forwardedId, template: draft.template }, name: template.name });
    else this.#replaced.delete(i.id);
    this.#options.patch(i, (d) => withTemplate(d, template, applied, render));
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
    this.#withMarkdown(i, (render) => {
      const draft = this.#options.draft(i.id);
      if (!draft?.template) return;
      this.settle(i.id);
      const applied = applyKeepingGaps(draft.template.template, this.#options.context(i), draft.template.params);
      this.#options.patch(i, (d) => ({ ...d, template: null, html: templateHtml(applied, render) }));
      this.#options.reloadEditor();
      this.#options.focus('#editor');
    });
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
