import { fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/cc-email-widget/cc-email-widget.js';
import type { CcEmailWidget } from '../../src/components/cc-email-widget/cc-email-widget.js';
import { loadStandardReply } from '../../src/components/cc-email-widget/email-standard-gate.js';
import type { EmailMessage } from '../../src/core/types.js';
import { reloadableWorld, type ReloadableWorld } from './drafts.js';
import { shadowAll, until, untilState, type World } from './world.js';

/** A world with an email interaction shown in an email widget. */
export type OpenedEmail = ReloadableWorld & { id: string; el: CcEmailWidget };

/**
 * A world with one accepted email interaction ("Invoice 118 is wrong" from Jane Doe, with
 * a PDF) shown in an email widget; `keepOpen` keeps it open after a reply.
 */
export async function openEmail(options: { keepOpen?: boolean; latencyMs?: number } = {}): Promise<OpenedEmail> {
  const world = reloadableWorld(options.latencyMs === undefined ? {} : { latencyMs: options.latencyMs });
  const id = world.simulator.offer({
    channel: 'email',
    customerName: 'Jane Doe',
    email: { subject: 'Invoice 118 is wrong', html: '<p>Hello, my invoice is wrong.</p>' },
    attachments: [{ name: 'invoice.pdf', size: 2048, mimeType: 'application/pdf' }],
  });
  await untilState(world.store, (s) => s.interactions[id] !== undefined, 'the offer');
  await world.store.accept(id);
  const el = await fixture<CcEmailWidget>(html`<cc-email-widget .store=${world.store} ?keep-open=${options.keepOpen ?? false}></cc-email-widget>`);
  await until(() => shadowAll(el, 'article.email').length >= 1, 'the thread', 15000);
  // The standard reply's code is in, as the pane preloads it once the browser is idle after an email shows.
  await loadStandardReply();
  return { ...world, id, el };
}

/** The emails the agent sent in interaction `id`. */
export function outbound(world: World, id: string): EmailMessage[] {
  return (world.store.state.interactions[id]?.emails ?? []).filter((e) => e.direction === 'outbound');
}

/** Focuses `target` and types `text` with real key presses. */
export async function typeInto(el: CcEmailWidget, target: HTMLElement, text: string): Promise<void> {
  target.focus();
  await sendKeys({ type: text });
  await el.updateComplete;
}
