import { ifDefined } from 'lit/directives/if-defined.js';
import { Task, TaskStatus, initialState } from '@lit/task';
import { html, nothing, type ReactiveController, type ReactiveElement, type TemplateResult } from 'lit';
import { errorMessage } from '../core/format.js';
import { getLocale, t } from './localize.js';
import { typedDirection } from '../components/shared/text-direction.js';

/** What a {@link SearchableListController} lists: anything with an id and a display name. */
export interface ListItem {
  readonly id: string;
  readonly name: string;
}

/** Where loading the list stands. */
export type ListLoadState = 'idle' | 'loading' | 'loaded' | 'failed';

/** Loads a list; `signal` aborts when a later load or a reset makes this one moot. */
export type ListLoader<T> = (signal: AbortSignal) => Promise<readonly T[]>;

const STATE_OF_STATUS: Readonly<Record<TaskStatus, ListLoadState>> = {
  [TaskStatus.INITIAL]: 'idle',
  [TaskStatus.PENDING]: 'loading',
  [TaskStatus.COMPLETE]: 'loaded',
  [TaskStatus.ERROR]: 'failed',
};

/** Options of a {@link SearchableListController}. */
export interface SearchableListOptions<T extends ListItem> {
  /** The list's accessible name ("Queues"); read at render, so it follows the locale. */
  readonly label: () => string;
  /** Whether several items can be chosen (`aria-multiselectable`). Default: one. */
  readonly multiple?: () => boolean;
  /** An option's content; default its name. Text only: the option is the focusable element. */
  readonly renderItem?: (item: T) => unknown;
  /** Whether an item is listed but cannot be chosen (`aria-disabled`); default none. */
  readonly disabled?: (item: T) => boolean;
  /**
   * The name of an item's group, if the list is grouped: consecutive items of one group are
   * shown under its name (`role="group"`). The loader lists each group's items together.
   */
  readonly group?: (item: T) => string | undefined;
}

// Case- and accent-insensitive, so "lucia" finds "Lucía".
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}

let nextList = 0;

/**
 * A searchbox named **Search** filtering a single- or multi-select listbox, with its
 * loading and load-failure (Retry) states: the list part of the transfer, conference and
 * wrap-up dialogs (R-XFER-02, R-CONF-01, R-END-02).
 *
 * Keyboard: ArrowDown in the searchbox enters the list; in the list ArrowUp/ArrowDown,
 * Home and End move (a single-select list selects as it moves, the selection has no side
 * effect), Space or Enter chooses (toggles in a multi-select list), ArrowUp from the first
 * option and any typed character go back to the searchbox. Escape in a non-empty
 * searchbox clears it (a second Escape reaches the dialog). The list is one Tab stop.
 *
 * The selection survives filtering, so a multi-select can be built across searches; it
 * drops items a reload no longer lists. {@link selected} is in list order.
 *
 * Disabled items (option `disabled`) are listed and reachable by keyboard, so their
 * state can be read, but cannot be chosen; a reload that disables a chosen item drops it
 * from {@link selected}. Grouped lists (option `group`) show each group under its name.
 */
export class SearchableListController<T extends ListItem> implements ReactiveController {
  readonly #host: ReactiveElement;
  readonly #options: SearchableListOptions<T>;
  readonly #id = `list-${++nextList}`;
  /**
   * Loading, failed or loaded. Run by hand with the loader as its argument: a later run
   * wins over one in flight, and a run without a loader (a reset) goes back to initial.
   */
  readonly #task: Task<readonly [ListLoader<T> | undefined], readonly T[]>;
  /** The last successful load: the task forgets its value on failure, the list keeps showing it while reloading. */
  #items: readonly T[] = [];
  #loader: ListLoader<T> | undefined;
  #query = '';
  #chosen = new Set<string>();
  #active: string | undefined;
  #listFocused = false;

  constructor(host: ReactiveElement, options: SearchableListOptions<T>) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
    this.#task = new Task(host, {
      task: ([loader], { signal }) => loader?.(signal) ?? initialState,
      autoRun: false,
      onComplete: (items) => (this.#items = items),
    });
  }

  hostUpdated(): void {
    // A re-render removed the focused option (a reload, a filter): keep focus in the list, or on the searchbox.
    if (!this.#listFocused || this.#host.shadowRoot?.activeElement) return;
    const stop = this.#tabStop(this.visible);
    const target = stop === undefined ? null : this.#option(stop);
    this.#listFocused = target !== null;
    (target ?? this.searchbox)?.focus();
  }

  /** Where loading stands. */
  get state(): ListLoadState {
    return STATE_OF_STATUS[this.#task.status];
  }

  /** Every loaded item (the last successful load; kept while reloading). */
  get items(): readonly T[] {
    return this.#items;
  }

  /** The items the search shows. */
  get visible(): readonly T[] {
    const query = fold(this.#query.trim());
    return query ? this.#items.filter((item) => fold(item.name).includes(query)) : this.#items;
  }

  /** The chosen items, in list order: at most one unless the list is multi-select. */
  get selected(): readonly T[] {
    const chosen = this.#items.filter((item) => this.#chosen.has(item.id) && !this.#disabled(item));
    return this.#multiple ? chosen : chosen.slice(0, 1);
  }

  /** The searchbox, once rendered (the dialogs focus it when they open). */
  get searchbox(): HTMLInputElement | null {
    return this.#host.renderRoot.querySelector<HTMLInputElement>(`input[data-list="${this.#id}"]`);
  }

  /** Loads the list with `loader`; a later call wins over one still in flight (whose signal aborts). */
  load(loader: ListLoader<T>): Promise<void> {
    this.#loader = loader;
    return this.#task.run([loader]);
  }

  /** Loads again with the last loader (Refresh list, Retry); current selection is kept where still listed. */
  reload(): Promise<void> {
    return this.#loader ? this.load(this.#loader) : Promise.resolve();
  }

  /** Forgets search, selection and items; a load in flight is aborted and its result ignored. */
  reset(): void {
    void this.#task.run([undefined]);
    this.#items = [];
    this.#loader = undefined;
    this.#query = '';
    this.#chosen = new Set();
    this.#active = undefined;
    this.#host.requestUpdate();
  }

  /**
   * The searchbox, the listbox (or the loading, empty or failed state) and, when
   * `onRefresh` is given, a **Refresh list** button beside the searchbox.
   */
  render(options: { readonly onRefresh?: () => void } = {}): TemplateResult {
    const { onRefresh } = options;
    return html`<div class="search-row">
        <input
          type="search"
          part="search"
          dir=${ifDefined(typedDirection(this.#query))}
          data-list=${this.#id}
          aria-label=${t('dialog.search')}
          placeholder=${t('dialog.search')}
          autocomplete="off"
          .value=${this.#query}
          @input=${this.#onInput}
          @keydown=${this.#onSearchKeydown}
        />
        ${onRefresh ? html`<button class="btn secondary" part="refresh" @click=${onRefresh}>${t('dialog.refresh')}</button>` : nothing}
      </div>
      ${this.#renderBody()}`;
  }

  get #multiple(): boolean {
    return this.#options.multiple?.() ?? false;
  }

  #disabled(item: T): boolean {
    return this.#options.disabled?.(item) ?? false;
  }

  #renderBody(): TemplateResult {
    return this.#task.render({
      initial: () => this.#renderList(true),
      pending: () => this.#renderList(true),
      complete: () => this.#renderList(false),
      error: (e) => html`<div class="load-failed">
        <p class="message error" role="alert">${t('dialog.loadFailed', { reason: errorMessage(e) })}</p>
        <button class="btn secondary" part="retry" @click=${this.#retry}>${t('retry')}</button>
      </div>`,
    });
  }

  /** The listbox (the last items loaded while reloading) and the status line under it. */
  #renderList(loading: boolean): TemplateResult {
    const visible = this.visible;
    const query = this.#query.trim();
    const status = loading ? t('dialog.loading') : visible.length > 0 ? '' : query ? t('dialog.noMatch', { query }) : t('dialog.empty');
    const selected = this.selected;
    return html`${visible.length > 0 ? this.#renderListbox(visible, loading) : nothing}
      <p class="message" role="status">${status}</p>
      ${selected.length > 0
        ? html`<p class="selection" part="selection">
            ${t('dialog.selected', { names: new Intl.ListFormat(getLocale(), { type: 'conjunction' }).format(selected.map((i) => i.name)) })}
          </p>`
        : nothing}`;
  }

  #renderListbox(visible: readonly T[], loading: boolean): TemplateResult {
    const stop = this.#tabStop(visible);
    const multiple = this.#multiple;
    const selected = new Set(this.selected.map((i) => i.id));
    return html`<div
      class="listbox"
      part="listbox"
      role="listbox"
      aria-label=${this.#options.label()}
      aria-multiselectable=${multiple ? 'true' : 'false'}
      aria-busy=${loading ? 'true' : 'false'}
      @keydown=${this.#onListKeydown}
      @focusin=${() => (this.#listFocused = true)}
      @focusout=${() => (this.#listFocused = false)}
    >
      ${this.#groups(visible).map(({ name, items }, n) => {
        const options = items.map((item) => {
          const chosen = selected.has(item.id);
          const disabled = this.#disabled(item);
          return html`<div
            class="option"
            part=${disabled ? 'option option-disabled' : 'option'}
            role="option"
            data-id=${item.id}
            tabindex=${item.id === stop ? 0 : -1}
            aria-selected=${chosen ? 'true' : 'false'}
            aria-disabled=${disabled ? 'true' : 'false'}
            @click=${() => this.#choose(item.id)}
            @focus=${() => (this.#active = item.id)}
          >
            <span class="check ${multiple ? 'box' : 'tick'}" aria-hidden="true"></span>
            ${this.#options.renderItem ? this.#options.renderItem(item) : html`<span class="name">${item.name}</span>`}
          </div>`;
        });
        return name === undefined
          ? options
          : html`<div class="group" role="group" part="group" aria-labelledby="${this.#id}-group-${n}">
              <div class="group-label" part="group-label" id="${this.#id}-group-${n}" role="presentation">${name}</div>
              ${options}
            </div>`;
      })}
    </div>`;
  }

  /** The visible items as runs of one group each (one run without a name when the list is not grouped). */
  #groups(visible: readonly T[]): { readonly name: string | undefined; readonly items: T[] }[] {
    const runs: { name: string | undefined; items: T[] }[] = [];
    for (const item of visible) {
      const name = this.#options.group?.(item);
      const last = runs[runs.length - 1];
      if (last && last.name === name) last.items.push(item);
      else runs.push({ name, items: [item] });
    }
    return runs;
  }

  /** The one option reachable by Tab: the last focused, else the chosen, else the first. */
  #tabStop(visible: readonly T[]): string | undefined {
    const ids = visible.map((i) => i.id);
    if (this.#active && ids.includes(this.#active)) return this.#active;
    const enabled = visible.filter((i) => !this.#disabled(i)).map((i) => i.id);
    return enabled.find((id) => this.#chosen.has(id)) ?? enabled[0] ?? ids[0];
  }

  #choose(id: string): void {
    const item = this.#items.find((i) => i.id === id);
    if (item && this.#disabled(item)) {
      this.#active = id;
      this.#host.requestUpdate();
      return;
    }
    if (this.#multiple) {
      const next = new Set(this.#chosen);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      this.#chosen = next;
    } else {
      this.#chosen = new Set([id]);
    }
    this.#active = id;
    this.#host.requestUpdate();
  }

  #option(id: string): HTMLElement | null {
    return this.#host.renderRoot.querySelector<HTMLElement>(`[role="option"][data-id="${CSS.escape(id)}"]`);
  }

  #focusOption(id: string): void {
    this.#active = id;
    if (!this.#multiple) this.#choose(id);
    this.#host.requestUpdate();
    this.#option(id)?.focus();
  }

  readonly #onInput = (e: Event): void => {
    this.#query = (e.target as HTMLInputElement).value;
    this.#active = undefined;
    this.#host.requestUpdate();
  };

  readonly #onSearchKeydown = (e: KeyboardEvent): void => {
    if (e.key === 'Escape' && this.#query) {
      // Clear the search first; the dialog closes on the next Escape.
      e.preventDefault();
      e.stopPropagation();
      this.#query = '';
      this.#active = undefined;
      this.#host.requestUpdate();
    } else if (e.key === 'ArrowDown') {
      const stop = this.#tabStop(this.visible);
      if (stop === undefined) return;
      e.preventDefault();
      this.#focusOption(stop);
    }
  };

  readonly #onListKeydown = (e: KeyboardEvent): void => {
    if (e.ctrlKey || e.altKey || e.metaKey) return;
    const ids = this.visible.map((i) => i.id);
    const current = this.#active === undefined ? -1 : ids.indexOf(this.#active);
    const move = (index: number): void => {
      const id = ids[Math.max(0, Math.min(index, ids.length - 1))];
      if (id !== undefined) this.#focusOption(id);
    };
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        move(current + 1);
        return;
      case 'ArrowUp':
        e.preventDefault();
        if (current <= 0) this.searchbox?.focus();
        else move(current - 1);
        return;
      case 'Home':
        e.preventDefault();
        move(0);
        return;
      case 'End':
        e.preventDefault();
        move(ids.length - 1);
        return;
      case ' ':
      case 'Enter':
        e.preventDefault();
        if (this.#active !== undefined) this.#choose(this.#active);
        return;
      default:
        // Typing in the list goes on in the searchbox: the character lands there.
        if (e.key.length === 1) this.searchbox?.focus();
    }
  };

  readonly #retry = (): void => {
    // The Retry button goes away while loading: keep focus in the dialog.
    this.searchbox?.focus();
    void this.reload();
  };
}
