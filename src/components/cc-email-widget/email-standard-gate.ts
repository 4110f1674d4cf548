/**
 * The standard reply (its rich editor, fields, templates and files) loads on first need:
 * the pane's first render of an email (thread, header, quick reply) does not wait for it.
 * @packageDocumentation
 */
import type { ReactiveElement, TemplateResult } from 'lit';
import { errorMessage } from '../../core/format.js';
import { lazyModule } from '../../core/lazy-module.js';
import { t } from '../../controllers/localize.js';
import { whenIdle } from '../shared/lazy.js';
import { gateNotice } from './email-sanitizer.js';
import type * as StandardModule from './email-standard.js';

/** The standard reply's module. */
export type StandardReplyModule = typeof StandardModule;

const code = lazyModule(() => import('./email-standard.js'));

/** Loads the standard reply's code (once; a failed load may be retried). */
export const loadStandardReply: () => Promise<StandardReplyModule> = code.load;

/**
 * A pane's standard reply, made once its code is in (by this pane or another): the pane
 * preloads it when the browser is idle after an email shows, and loads it at once when the
 * agent asks for a reply first or a restored draft holds one. Meanwhile the pane says
 * "Loading the editor…" where the editor goes, and after a failed load why, with **Retry**;
 * what the agent asked for happens once it is in.
 */
export class StandardReplyGate<T> {
  readonly #host: ReactiveElement;
  readonly #create: (module: StandardReplyModule) => T;
  readonly #load: () => Promise<StandardReplyModule>;
  #module: StandardReplyModule | undefined;
  #value: T | undefined;
  #loading: Promise<StandardReplyModule> | undefined;
  #preloading = false;
  /** The interaction whose agent waits for the reply; `undefined` when no one waits. */
  #waiting: string | undefined;
  /** What the agent asked for, done once the code is in. */
  #pending: ((part: T) => void) | undefined;
  #error = '';

  /** `load` fetches the code ({@link loadStandardReply}; another loader stands in for a network failing). */
  constructor(host: ReactiveElement, create: (module: StandardReplyModule) => T, load: () => Promise<StandardReplyModule> = loadStandardReply) {
    this.#host = host;
    this.#create = create;
    this.#load = load;
  }

  /** The pane's standard reply, once its code is in. */
  get value(): T | undefined {
    const module = this.#module ?? code.loaded();
    if (this.#value === undefined && module) this.#value = this.#create(module);
    return this.#value;
  }

  /** Whether the agent of interaction `id` waits for the reply's code. */
  waiting(id: string): boolean {
    return this.#waiting === id && this.value === undefined;
  }

  /** Loads the code when the browser is next idle; a failure is left for the agent's own request to report. */
  preload(): void {
    if (this.#preloading || this.value !== undefined) return;
    this.#preloading = true;
    whenIdle(() => void this.#fetch().catch(() => (this.#preloading = false)));
  }

  /** Runs `action` on the reply of interaction `id`: at once when its code is in, else once it is. */
  use(id: string, action: (part: T) => void): void {
    const part = this.value;
    if (part !== undefined) return action(part);
    this.#pending = action;
    this.#waiting = id;
    this.#request();
  }

  /** Interaction `id` holds a standard reply (a restored draft): its code loads at once. */
  need(id: string): void {
    if (this.#waiting !== undefined || this.value !== undefined) return;
    this.#waiting = id;
    this.#request();
  }

  #request(): void {
    this.#error = '';
    this.#host.requestUpdate();
    this.#fetch().then(
      () => {
        const part = this.value;
        const pending = this.#pending;
        this.#pending = undefined;
        this.#waiting = undefined;
        if (part !== undefined) pending?.(part);
        this.#host.requestUpdate();
      },
      (e: unknown) => {
        this.#error = errorMessage(e);
        this.#host.requestUpdate();
      },
    );
  }

  #fetch(): Promise<StandardReplyModule> {
    this.#loading ??= this.#load().then(
      (module) => (this.#module = module),
      (error: unknown) => {
        this.#loading = undefined;
        throw error;
      },
    );
    return this.#loading;
  }

  readonly #retry = (): void => this.#request();

  /** The loading line, or why the load failed with **Retry**. */
  render(): TemplateResult {
    return gateNotice(t('email.editorLoading'), this.#error && t('email.editorLoadFailed', { reason: this.#error }), this.#retry);
  }
}
