/**
 * Clickable links in plain text (R-COMP-04) for elements on the chat pane's up-front path:
 * the link module (`./linked-text.js`) is imported the first time a text looks as if it
 * holds a link. Until then the text shows as plain text, then it is swapped for the linked
 * text. Text with no scheme or `www.` in it never loads the module.
 * @packageDocumentation
 */
import { AsyncDirective } from 'lit/async-directive.js';
import { PartType, directive, type DirectiveResult, type PartInfo } from 'lit/directive.js';
import { lazyModule } from '../core/lazy-module.js';
import type * as LinkedTextModule from './linked-text.js';

/** Cheap and linear: whether text may hold a link at all. */
const MAYBE_LINK = /https?:\/\/|mailto:|tel:|www\./i;

/** Whether `text` may hold a link (and so needs the link module). */
export function mayHaveLinks(text: string): boolean {
  return MAYBE_LINK.test(text);
}

const linksModule = lazyModule(() => import('./linked-text.js'));

/** Loads the link module (once; a failed load may be retried). */
export const loadLinks: () => Promise<typeof LinkedTextModule> = linksModule.load;

/** True once the link module has loaded. */
export function linksLoaded(): boolean {
  return linksModule.loaded() !== undefined;
}

const asIs = (part: string): unknown => part;

class LazyLinksDirective extends AsyncDirective {
  #text: string | undefined;

  constructor(partInfo: PartInfo) {
    super(partInfo);
    if (partInfo.type !== PartType.CHILD) throw new Error('linked() can only be used in child position');
  }

  render(text: string, plain: (part: string) => unknown = asIs): unknown {
    this.#text = text;
    if (!mayHaveLinks(text)) return plain(text);
    const loaded = linksModule.loaded();
    if (loaded) return loaded.linkedText(text, plain);
    loadLinks().then(
      (module) => {
        if (this.#text === text && this.isConnected) this.setValue(module.linkedText(text, plain));
      },
      // Without the module the plain text stays.
      () => undefined,
    );
    return plain(text);
  }
}

/**
 * Lit directive, child position only: `html\`<span>${linked(text)}</span>\``. Plain text
 * with its http(s), mailto, tel and `www.` links clickable and showing where they go (see
 * `linkedText` in `./linked-text.js`), once the link module has loaded; `plain` renders the
 * text pieces (find highlights).
 */
export const linked: (text: string, plain?: (part: string) => unknown) => DirectiveResult<typeof LazyLinksDirective> = directive(LazyLinksDirective);
