import { Task, TaskStatus, initialState } from '@lit/task';
import { html, nothing, type ReactiveElement, type TemplateResult } from 'lit';
import { errorMessage } from '../../core/format.js';
import type { InteractionStore } from '../../core/store/store.js';
import type { Channel, Workflow } from '../../core/types.js';
import { t } from '../../controllers/localize.js';
import { PopoverPositionController } from '../../controllers/popover-position.js';

/** Options of a {@link WorkflowsMenu}. */
export interface WorkflowsMenuOptions {
  readonly store: () => InteractionStore | undefined;
  /** The channel whose workflows the menu lists. */
  readonly channel: () => Channel;
  /** The agent chose a workflow (the menu has closed). */
  readonly choose: (workflow: Workflow) => void;
}

/**
 * The **Workflows** menu button and its panel (R-CHAT-10): the host's workflows for the
 * channel, loaded each time the menu opens, with loading, empty and failed (**Retry**)
 * states. The panel opens in the top layer, inside the viewport, so no ancestor clips it. Opening moves focus to the first workflow once listed; ArrowUp/ArrowDown move
 * between them; Escape closes and gives focus back to the button.
 */
export class WorkflowsMenu {
  readonly #host: ReactiveElement;
  readonly #options: WorkflowsMenuOptions;
  readonly #task: Task<readonly [InteractionStore | undefined, Channel], readonly Workflow[]>;
  #open = false;

  constructor(host: ReactiveElement, options: WorkflowsMenuOptions) {
    this.#host = host;
    this.#options = options;
    this.#task = new Task(host, {
      task: ([store, channel]) => store?.listWorkflows(channel) ?? initialState,
      autoRun: false,
    });
    // In the top layer, placed inside the viewport: the pane's overflow never clips it.
    new PopoverPositionController(host, {
      panel: () => this.#root?.querySelector<HTMLElement>('.menu-panel'),
      trigger: () => this.#button,
      align: () => 'end',
    });
  }

  /** Closes the panel; a list still loading is not shown. */
  close(): void {
    if (!this.#open) return;
    this.#open = false;
    this.#host.requestUpdate();
  }

  /** The menu button and its panel; nothing when the backend offers no workflows (R-CTX-07). */
  render(): TemplateResult | typeof nothing {
    if (this.#options.store()?.state.capabilities.workflows === false) return nothing;
    return html`<div class="menu">
      <button class="btn secondary" aria-expanded=${this.#open ? 'true' : 'false'} aria-controls="workflows" @click=${this.#toggle}>
        ${t('workflow.menu')}
      </button>
      ${this.#open ? html`<div class="menu-panel" id="workflows" popover="manual" @keydown=${this.#onKeydown}>${this.#renderBody()}</div>` : nothing}
    </div>`;
  }

  #renderBody(): TemplateResult {
    const loading = () => html`<p class="muted" role="status">${t('workflow.loading')}</p>`;
    return this.#task.render({
      initial: loading,
      pending: loading,
      complete: (workflows) =>
        workflows.length === 0
          ? html`<p class="muted">${t('workflow.none')}</p>`
          : html`<ul aria-label=${t('workflow.menu')}>
              ${workflows.map((wf) => html`<li><button class="menu-item" @click=${() => this.#choose(wf)}>${wf.name}</button></li>`)}
            </ul>`,
      error: (e) =>
        html`<p class="error" role="alert">${t('workflow.loadFailed', { reason: errorMessage(e) })}</p>
          <button class="btn secondary retry" @click=${this.#retry}>${t('retry')}</button>`,
    });
  }

  get #root(): ShadowRoot | null {
    return this.#host.shadowRoot;
  }

  get #button(): HTMLButtonElement | null | undefined {
    return this.#root?.querySelector<HTMLButtonElement>('.menu > button');
  }

  readonly #toggle = (): void => {
    if (this.#open) {
      this.close();
      return;
    }
    if (!this.#options.store()) return;
    this.#open = true;
    void this.#load(() => undefined);
  };

  /** Loads the list; once listed, focus goes to the first workflow, and after a failure to `onFailure`'s choice. */
  async #load(onFailure: () => HTMLElement | null | undefined): Promise<void> {
    await this.#task.run([this.#options.store(), this.#options.channel()]);
    // A later load, or closing the menu, makes this one moot.
    if (!this.#open || this.#task.status === TaskStatus.PENDING) return;
    await this.#host.updateComplete;
    const target = this.#task.status === TaskStatus.COMPLETE ? this.#root?.querySelector<HTMLButtonElement>('.menu-item') : onFailure();
    target?.focus();
  }

  readonly #retry = (): void => {
    // The Retry button goes away while loading: focus waits on the menu button, then comes back into the panel.
    this.#button?.focus();
    void this.#load(() => this.#root?.querySelector<HTMLButtonElement>('.menu-panel .retry'));
  };

  #choose(workflow: Workflow): void {
    this.close();
    this.#options.choose(workflow);
  }

  readonly #onKeydown = (e: KeyboardEvent): void => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      this.close();
      void this.#host.updateComplete.then(() => this.#button?.focus());
      return;
    }
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const items = [...(this.#root?.querySelectorAll<HTMLButtonElement>('.menu-item') ?? [])];
    const k = items.findIndex((b) => b === this.#root?.activeElement);
    const next = items[e.key === 'ArrowDown' ? Math.min(k + 1, items.length - 1) : Math.max(k - 1, 0)];
    e.preventDefault();
    next?.focus();
  };
}
