/**
 * Markdown for elements that must not load `marked` and DOMPurify up front (a chat pane
 * that never shows Markdown should not pay for them): the content module
 * (`./markdown.js`, with the one sanitizer) is imported on first use. Until it has
 * loaded, the text is shown as plain text — never as markup — and is then swapped for
 * the sanitized Markdown. Text longer than {@link MARKDOWN_MAX_LENGTH} stays plain text.
 * @packageDocumentation
 */
import { noChange } from 'lit';
import { AsyncDirective } from 'lit/async-directive.js';
import { PartType, directive, type DirectiveResult, type Part, type PartInfo } from 'lit/directive.js';
import { getLocale } from '../controllers/localize.js';
import { lazyModule } from '../core/lazy-module.js';
import type * as MarkdownModule from './markdown.js';

/**
 * Longest chat text rendered as Markdown. marked's work grows with the square of a
 * paragraph's length on some inputs (`._a._a…`, `.*a.*a…`: tens of milliseconds at this
 * length, half a second at four times it), so a customer could stall the agent's page
 * with one long message. Messenger itself refuses text messages longer than this.
 */
export const MARKDOWN_MAX_LENGTH = 2000;

/** Whether chat text is short enough to be rendered as Markdown; longer text is shown as plain text. */
export function formatsAsMarkdown(text: string): boolean {
  return text.length <= MARKDOWN_MAX_LENGTH;
}

const markdownModule = lazyModule(() => import('./markdown.js'));

/** Loads the Markdown and sanitizer module (once; a failed load may be retried). */
export const loadMarkdown: () => Promise<typeof MarkdownModule> = markdownModule.load;

/** The Markdown module, once loaded (for code that must render at once, or wait). */
export const loadedMarkdown: () => typeof MarkdownModule | undefined = markdownModule.loaded;

/** True once the Markdown module has loaded: {@link lazyMarkdown} then renders at once. */
export function markdownLoaded(): boolean {
  return loadedMarkdown() !== undefined;
}

class LazyMarkdownDirective extends AsyncDirective {
  #text: string | undefined;
  /** The locale rendered in: a link's mismatch warning is localised. */
  #locale: string | undefined;
  #rich = false;

  constructor(partInfo: PartInfo) {
    super(partInfo);
    if (partInfo.type !== PartType.CHILD) throw new Error('lazyMarkdown() can only be used in child position');
  }

  render(text: string): DocumentFragment | string {
    const loaded = loadedMarkdown();
    return loaded && formatsAsMarkdown(text) ? loaded.renderMarkdown(text) : text;
  }

  override update(_part: Part, [text]: Parameters<this['render']>): DocumentFragment | string | typeof noChange {
    const rich = formatsAsMarkdown(text);
    const loaded = loadedMarkdown();
    if (text === this.#text && this.#locale === getLocale() && (this.#rich || !loaded || !rich)) return noChange;
    this.#text = text;
    this.#locale = getLocale();
    this.#rich = rich && loaded !== undefined;
    if (rich && !loaded) {
      loadMarkdown().then(
        (module) => {
          if (this.#text !== text || this.#rich || !this.isConnected) return;
          this.#rich = true;
          this.setValue(module.renderMarkdown(text));
        },
        // Without the module the plain text stays: nothing unsafe is ever shown.
        () => undefined,
      );
    }
    return this.render(text);
  }

  protected override reconnected(): void {
    // The module may have loaded while the part was disconnected.
    const loaded = loadedMarkdown();
    if (this.#rich || !loaded || this.#text === undefined || !formatsAsMarkdown(this.#text)) return;
    this.#rich = true;
    this.setValue(loaded.renderMarkdown(this.#text));
  }
}

/**
 * Lit directive, child position only: `html\`<div class="rich">${lazyMarkdown(text)}</div>\``.
 * Renders the sanitized Markdown of `text` (as `markdown()` does) once the content
 * module has loaded, the plain text until then; loading starts on first use. Text longer
 * than {@link MARKDOWN_MAX_LENGTH} is always the plain text (check it with
 * {@link formatsAsMarkdown} to say so to the reader).
 */
export const lazyMarkdown: (text: string) => DirectiveResult<typeof LazyMarkdownDirective> = directive(LazyMarkdownDirective);
