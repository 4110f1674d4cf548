import { css, html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { errorMessage as reason } from '../../core/format.js';
import type { InteractionStore } from '../../core/store/store.js';
import { registerEnglish, t } from '../../controllers/localize.js';
import { enComposing } from '../../locales/en-composing.js';

registerEnglish(enComposing);

/** Options of {@link SummarizeController}. */
export interface SummarizeOptions {
  readonly store: () => InteractionStore | undefined;
  readonly interactionId: () => string | undefined;
  readonly notes: () => string;
  readonly setNotes: (notes: string) => void;
  /** Moves focus to the Notes box (after a summary, when focus was still on Summarize). */
  readonly focusNotes: () => void;
}

type Phase = { readonly kind: 'idle' } | { readonly kind: 'working' } | { readonly kind: 'done'; readonly appended: boolean } | { readonly kind: 'failed'; readonly reason: string };

/**
 * **Summarize** under the wrap-up Notes (R-COMP-06), with the backend's `summary`
 * capability: asks the store for a summary and puts it into Notes, where the agent edits it.
 * Notes the agent typed are kept: the summary goes below them. Working and failure are said
 * in text beside the button; the button stays focusable while it works (a second press waits).
 */
export class SummarizeController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: SummarizeOptions;
  #phase: Phase = { kind: 'idle' };
  #for: string | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement, options: SummarizeOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostUpdate(): void {
    // Another interaction: what was said about the last one's summary no longer applies.
    const id = this.#options.interactionId();
    if (id === this.#for) return;
    this.#for = id;
    this.#phase = { kind: 'idle' };
  }

  #set(phase: Phase): void {
    this.#phase = phase;
    this.#host.requestUpdate();
  }

  readonly #summarize = async (e: Event): Promise<void> => {
    const store = this.#options.store();
    const id = this.#options.interactionId();
    if (!store || id === undefined || this.#phase.kind === 'working') return;
    const button = e.currentTarget;
    this.#set({ kind: 'working' });
    let summary: string;
    try {
      summary = await store.summarize(id);
    } catch (error) {
      if (this.#for === id) this.#set({ kind: 'failed', reason: reason(error) });
      return;
    }
    if (this.#for !== id) return;
    const typed = this.#options.notes().trimEnd();
    this.#options.setNotes(typed === '' ? summary : `${typed}\n\n${summary}`);
    this.#set({ kind: 'done', appended: typed !== '' });
    await this.#host.updateComplete;
    if (this.#host.shadowRoot?.activeElement === button) this.#options.focusNotes();
  };

  /** The Summarize button and its status line, or nothing without the `summary` capability. */
  render(): TemplateResult | typeof nothing {
    const store = this.#options.store();
    if (!store?.supports('summary')) return nothing;
    const phase = this.#phase;
    const working = phase.kind === 'working';
    let status = '';
    if (working) status = t('summary.working');
    else if (phase.kind === 'failed') status = t('summary.failed', { reason: phase.reason });
    else if (phase.kind === 'done') status = t(phase.appended ? 'summary.appended' : 'summary.done');
    return html`<div class="summarize">
      <button type="button" class="btn secondary" part="summarize" aria-disabled=${working ? 'true' : 'false'} aria-describedby="summary-status" @click=${this.#summarize}>
        ${t('summary.summarize')}
      </button>
      <p class="summary-status ${phase.kind === 'failed' ? 'error' : ''}" id="summary-status" part="summary-status" role="status">${status}</p>
    </div>`;
  }
}

/** Styles of {@link SummarizeController}. */
export const summarizeStyles = css`
  .summarize {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_cc-space) / 2) var(--_cc-space);
  }
  .summary-status {
    flex: 1 1 12em;
    margin: 0;
    font-size: 0.85em;
    color: var(--_cc-text-muted);
  }
  .summary-status.error {
    color: var(--_cc-danger);
  }
`;
