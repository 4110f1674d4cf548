import { html, nothing, type ReactiveElement, type TemplateResult } from 'lit';
import type { AppliedTemplate, SystemContext } from '../../content/templates.js';
import type { Interaction, MessageTemplate } from '../../core/types.js';
import { getLocale, t } from '../../controllers/localize.js';
import { lazyModule, type LazyModule } from '../../core/lazy-module.js';
import type { EmailDraft } from './email-draft.js';
import { htmlText, serialize, textOf, type OutgoingBody } from './email-html.js';
import { loadMarkdown, loadedMarkdown } from '../../content/lazy-markdown.js';
import type * as MarkdownModule from '../../content/markdown.js';
import type * as TemplateCode from './email-template-panel.js';
import type { RenderMarkdown } from './email-template-panel.js';

/** The template functions and the template panel, fetched once a template is in play. */
const templateCode = lazyModule(() => import('./email-template-panel.js'));

/** The Markdown module, as {@link templateCode} is. */
const markdownCode: LazyModule<typeof MarkdownModule> = { load: loadMarkdown, loaded: loadedMarkdown };

/** What the templates of a standard reply need from the pane. */
export interface EmailTemplatesOptions {
  /** The signed-in agent's name, for the `{{agentName}}` variable. */
  readonly agentName: () => string;
  readonly draft: (interactionId: string) => EmailDraft | undefined;
  /** Changes the interaction's draft. */
  readonly patch: (i: Interaction, change: (d: EmailDraft) => EmailDraft) => void;
  /** The body changed other than by typing: the editor loads it again. */
  readonly reloadEditor: () => void;
  /** Moves focus, after the next render, to the first element matching the first of `selectors` that matches any. */
  readonly focus: (...selectors: readonly string[]) => void;
  /** What a template needs (its functions, the Markdown module) could not load: the pane says why. */
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
 * Neither the template functions (with the template panel) nor the content module that
 * turns a template's Markdown into the editor's HTML are part of the pane's first load:
 * {@link prepare} fetches them when the agent reaches for the templates, a choice made
 * before they are in goes in as soon as they are, and a restored draft that holds a
 * template shows "Loading templates…" in the panel's place (Send waiting) until they are.
 */
export class EmailTemplates {
  readonly #host: ReactiveElement;
  readonly #options: EmailTemplatesOptions;
  readonly #replaced = new Map<string, Replaced>();
  /** Modules being fetched for a render; or whose fetch failed, waiting for the agent to try again. */
  readonly #fetching = new Map<LazyModule<unknown>, 'loading' | 'failed'>();

  constructor(host: ReactiveElement, options: EmailTemplatesOptions) {
    this.#host = host;
    this.#options = options;
  }

  /** The template in use as it would be sent (unknown variables left out), if the draft has one. */
  applied(i: Interaction, draft: EmailDraft): AppliedTemplate | undefined {
    if (!draft.template) return undefined;
    const code = this.#inRender(i, templateCode);
    return code?.applyTemplate(draft.template.template, this.#context(i, code), draft.template.params, { format: 'markdown' });
  }

  #context(i: Interaction, code: typeof TemplateCode): SystemContext {
    return code.systemContext(i, this.#options.agentName(), getLocale());
  }

  /** Unknown variables of the template in use, as written in its text (`{{caseId}}`). */
  gaps(applied: AppliedTemplate | undefined): string[] {
    return applied ? applied.unknownVariables.map((v) => `{{${v}}}`) : [];
  }

  /** Fetches what applying a template needs, so that a choice goes in at once. */
  prepare(): void {
    templateCode.load().catch(() => undefined);
    loadMarkdown().catch(() => undefined);
  }

  /**
   * A module for a render of the pane: there now, or `undefined` while it loads (the pane
   * renders again once it is in; a failure is said once, and the agent's next template
   * action tries again).
   */
  #inRender<M>(i: Interaction, module: LazyModule<M>): M | undefined {
    const loaded = module.loaded();
    if (loaded || this.#fetching.has(module)) return loaded;
    this.#fetching.set(module, 'loading');
    module.load().then(
      () => {
        this.#fetching.delete(module);
        this.#host.requestUpdate();
      },
      (e: unknown) => {
        this.#fetching.set(module, 'failed');
        this.#options.failed(i, e);
      },
    );
    return undefined;
  }

  #renderer(i: Interaction): RenderMarkdown | undefined {
    return this.#inRender(i, markdownCode)?.renderMarkdown;
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

  /** Runs `apply` with the template functions and the Markdown renderer: at once when they are loaded, else once they are (or says why not). */
  #withCode(i: Interaction, apply: (code: typeof TemplateCode, render: RenderMarkdown) => void): void {
    for (const [module, state] of this.#fetching) if (state === 'failed') this.#fetching.delete(module);
    const code = templateCode.loaded();
    const markdown = loadedMarkdown();
    if (code && markdown) {
      apply(code, markdown.renderMarkdown);
      return;
    }
    Promise.all([templateCode.load(), loadMarkdown()]).then(
      ([loadedCode, module]) => apply(loadedCode, module.renderMarkdown),
      (e: unknown) => this.#options.failed(i, e),
    );
  }

  /** Puts a chosen template in the draft, replacing the body. */
  use(i: Interaction, template: MessageTemplate): void {
    this.#withCode(i, (code, render) => this.#use(i, template, code, render));
  }

  #use(i: Interaction, template: MessageTemplate, code: typeof TemplateCode, render: RenderMarkdown): void {
    const draft = this.#options.draft(i.id);
    const applied = code.applyKeepingGaps(template, this.#context(i, code));
    const lost = draft !== undefined && (draft.template !== null || htmlText(draft.html) !== '' || /<img\b/i.test(draft.html));
    if (draft && lost) this.#replaced.set(i.id, { before: { html: draft.html, forwardedId: draft.forwardedId, template: draft.template }, name: template.name });
    else this.#replaced.delete(i.id);
    this.#options.patch(i, (d) => code.withTemplate(d, template, applied, render));
    if (code.keepsTemplate(template, applied)) {
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
    this.#withCode(i, (code, render) => {
      const draft = this.#options.draft(i.id);
      if (!draft?.template) return;
      this.settle(i.id);
      const applied = code.applyKeepingGaps(draft.template.template, this.#context(i, code), draft.template.params);
      this.#options.patch(i, (d) => ({ ...d, template: null, html: code.templateHtml(applied, render) }));
      this.#options.reloadEditor();
      this.#options.focus('#editor');
    });
  }

  /**
   * The panel of the template the draft holds (R-TPL-02, R-TPL-03), or while its code loads
   * a status line in its place; `undefined` when the draft holds none.
   */
  renderPanel(i: Interaction, draft: EmailDraft, applied: AppliedTemplate | undefined): TemplateResult | undefined {
    if (!draft.template) return undefined;
    const code = templateCode.loaded();
    if (!code || !applied) return html`<p class="status" part="status" role="status">${t('templates.loading')}</p>`;
    return code.templatePanel(
      draft.template,
      applied,
      {
        param: (name, value) => this.#options.patch(i, (d) => code.withParam(d, name, value)),
        remove: () => this.remove(i),
        edit: () => this.edit(i),
      },
      this.preview(i, applied),
    );
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
    const names = gaps.join(', ');
    const key = !draft.template ? 'email.unfilled' : draft.template.template.locked ? 'email.unfilledLocked' : 'email.unfilledTemplate';
    return html`<p class="error" part="error" id="gaps" role="status">${t(key, { names })}</p>`;
  }
}
