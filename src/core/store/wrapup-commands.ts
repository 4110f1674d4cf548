/**
 * Wrap-up as the store runs it: the reasons last listed per channel (so finished interactions
 * name their reasons), submitting the agent's reasons and notes, and auto wrap-up, whose
 * timer submits the default reason as the agent would.
 * @packageDocumentation
 */
import type { Observable, Subscription } from 'rxjs';
import { WRAPUP_NOTES_MAX_LENGTH } from '../channels.js';
import type { Channel, WrapupReason, WrapupRecord } from '../types.js';
import { AutoWrapup, type AutoWrapupOptions, type AutoWrapupPolicy } from './auto-wrapup.js';
import type { CommandHost } from './command-host.js';
import type { CcState } from './state.js';

/** The wrap-up commands of one store and its auto wrap-up; `InteractionStore` documents each. */
export class WrapupCommands {
  readonly #host: CommandHost;
  readonly #reasons = new Map<Channel, readonly WrapupReason[]>();
  readonly #auto: AutoWrapup | undefined;
  /** Automatic submits on their way to the backend, by interaction. */
  readonly #automatic = new Map<string, Promise<void>>();

  constructor(host: CommandHost, options: AutoWrapupOptions | undefined) {
    this.#host = host;
    this.#auto = options && Object.keys(options).length > 0 ? this.#autoWrapup(options) : undefined;
  }

  /** Auto wrap-up, when on, follows these states from now on: the subscription, to end with the store's. */
  follow(states: Observable<CcState>): Subscription | undefined {
    const auto = this.#auto;
    if (!auto) return undefined;
    let seen: CcState['interactions'] | undefined;
    return states.subscribe((s) => {
      if (s.interactions === seen) return;
      seen = s.interactions;
      auto.follow(s.interactions);
    });
  }

  async listReasons(channel: Channel): Promise<readonly WrapupReason[]> {
    const reasons = await this.#host.call('listWrapupReasons', undefined, () => this.#host.adapter.listWrapupReasons(channel));
    this.#reasons.set(channel, reasons);
    return reasons;
  }

  async submit(interactionId: string, reasonIds: readonly string[], rawNotes: string | undefined, automatic: boolean): Promise<void> {
    const host = this.#host;
    // The countdown ran out a moment before the agent submitted: once the automatic submit is
    // through, the interaction is wrapped up and there is nothing more to send; if it failed,
    // the agent's own submit goes.
    const running = automatic ? undefined : this.#automatic.get(interactionId);
    if (running && (await running.then(() => true, () => false))) return;
    const i = host.require('submitWrapup', interactionId);
    const notes = rawNotes?.trim() ?? '';
    if (notes.length > WRAPUP_NOTES_MAX_LENGTH) {
      throw host.fail('submitWrapup', interactionId, new Error(`notes are longer than ${WRAPUP_NOTES_MAX_LENGTH} characters`), 'invalid-command');
    }
    if (!automatic) this.#auto?.stop(interactionId);
    const known = this.#reasons.get(i.channel) ?? [];
    const wrapup: WrapupRecord = {
      reasonIds,
      reasonNames: reasonIds.map((id) => known.find((r) => r.id === id)?.name ?? id),
      ...(notes ? { notes } : {}),
      automatic,
    };
    // Recorded first: the backend's `wrapup-completed` may arrive before its call resolves.
    host.dispatch({ type: 'local/wrapup-submitted', interactionId, wrapup });
    const keepsNotes = notes !== '' && host.state().capabilities['wrapup-notes'];
    try {
      await host.call('submitWrapup', interactionId, () =>
        host.adapter.submitWrapup({ interactionId, reasonIds, ...(keepsNotes ? { notes } : {}), ...(automatic ? { automatic } : {}) }),
      );
    } catch (e) {
      if (!automatic) host.dispatch({ type: 'local/auto-wrapup', interactionId, at: undefined });
      throw e;
    }
  }

  extend(interactionId: string, ms?: number): boolean {
    const i = this.#host.require('extendAutoWrapup', interactionId);
    return this.#auto?.extend(i, ms) ?? false;
  }

  policy(channel: Channel): AutoWrapupPolicy | undefined {
    return this.#auto?.policy(channel);
  }

  dispose(): void {
    this.#auto?.dispose();
  }

  #autoWrapup(options: AutoWrapupOptions): AutoWrapup {
    const host = this.#host;
    return new AutoWrapup(options, {
      now: () => host.now(),
      // Never dispatched from inside a state emission: the next subscriber would see states out of order.
      schedule: (interactionId, at) => queueMicrotask(() => host.dispatch({ type: 'local/auto-wrapup', interactionId, at })),
      expire: async (i, policy) => {
        // Listed when not known yet, so the Recent list names the reason, not its id.
        const listed = this.#reasons.get(i.channel) ?? (await this.listReasons(i.channel).catch(() => undefined));
        // While the reasons were listed, the agent (or the backend) may have finished wrap-up: nothing more to submit.
        const now = host.state().interactions[i.id];
        if (now?.status !== 'wrapup' || now.wrapup !== undefined) return;
        const reasonId = policy.reasonId ?? listed?.[0]?.id;
        if (reasonId === undefined) throw host.fail('submitWrapup', i.id, new Error('auto wrap-up has no reason to submit'), 'invalid-command');
        const submitted = this.submit(i.id, [reasonId], undefined, true);
        this.#automatic.set(i.id, submitted);
        try {
          await submitted;
        } finally {
          this.#automatic.delete(i.id);
        }
      },
    });
  }
}
