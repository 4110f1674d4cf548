/**
 * The template functions (`src/content/templates.ts`, which brings marked's lexer to turn
 * Markdown templates into plain text) load when the agent first reaches for a template,
 * not with the chat pane: a pane whose agent never picks one does not pay for them.
 * @packageDocumentation
 */
import type * as TemplatesModule from '../../content/templates.js';

let loaded: typeof TemplatesModule | undefined;
let loading: Promise<typeof TemplatesModule> | undefined;

/** Loads the template functions (once; a failed load may be retried). */
export function loadTemplates(): Promise<typeof TemplatesModule> {
  loading ??= import('../../content/templates.js').then(
    async (module) => {
      await module.loadPlainTextFormatting();
      return (loaded = module);
    },
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** The template functions once they have loaded, else `undefined`. */
export function loadedTemplates(): typeof TemplatesModule | undefined {
  return loaded;
}
