import { oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { SimulatedContactCenter, type SimulatedContactCenterOptions } from '../../src/adapters/simulated/index.js';
import type { Channel, DirectoryAgent, Queue, WrapupReason } from '../../src/core/types.js';
import { createWorld, shadow, shadowAll, until, untilState, type World } from './world.js';

/** The focused element, looking into shadow roots. */
export function deepActive(): Element | null {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

/** The next `type` event of `target`, typed by `HTMLElementEventMap`. */
export function nextEvent<K extends keyof HTMLElementEventMap>(target: EventTarget, type: K): Promise<HTMLElementEventMap[K]> {
  return oneEvent<HTMLElementEventMap[K]>(target, type);
}

/** Presses Tab (or Shift+Tab) for real. */
export async function tab(shift = false): Promise<void> {
  if (shift) await sendKeys({ down: 'Shift' });
  await sendKeys({ press: 'Tab' });
  if (shift) await sendKeys({ up: 'Shift' });
}

/** The options a dialog lists, as their visible text. */
export function optionTexts(el: Element): string[] {
  return shadowAll(el, '[role="option"]').map((o) => (o.textContent ?? '').replace(/\s+/g, ' ').trim());
}

/** The option whose name is `name`. */
export function option(el: Element, name: string): HTMLElement {
  const found = shadowAll(el, '[role="option"]').find((o) => o.querySelector('.name')?.textContent?.trim() === name);
  if (!found) throw new Error(`no option "${name}" in <${el.localName}>: ${optionTexts(el).join(' | ')}`);
  return found;
}

/** The dialog's searchbox. */
export function searchbox(el: Element): HTMLInputElement {
  return shadow<HTMLInputElement>(el, 'input[type="search"]');
}

/** The `<dialog>` of a dialog element. */
export function dialogOf(el: Element): HTMLDialogElement {
  return shadow<HTMLDialogElement>(el, 'dialog');
}

/** Resolves once an element's own `<dialog>` is open (a hang guard of 15 s, counted in polls). */
export async function untilOpen(el: Element): Promise<void> {
  await until(() => shadowAll(el, 'dialog').some((d) => (d as HTMLDialogElement).open), `<${el.localName}> to open`, 15000);
}

/** Resolves once the dialog lists at least one option. */
export function untilListed(el: Element): Promise<void> {
  return until(() => shadowAll(el, '[role="option"]').length > 0, `options in <${el.localName}>`);
}

/** Offers a contact on `channel` and accepts it, resolving with its id. */
export async function acceptContact(world: World, channel: Channel, customerName = 'Jane Doe'): Promise<string> {
  const id = world.simulator.offer({ channel, customerName, text: channel === 'email' ? undefined : 'Hello' });
  await untilState(world.store, (s) => s.interactions[id] !== undefined, 'the offer');
  await world.store.accept(id);
  return id;
}

const IMPLICIT_ROLES: Readonly<Record<string, string>> = {
  button: 'button',
  dialog: 'dialog',
  'input[type="search"]': 'searchbox',
  'input[type="radio"]': 'radio',
  'input[type="checkbox"]': 'checkbox',
};

function roleOf(el: Element): string | undefined {
  return el.getAttribute('role') ?? Object.entries(IMPLICIT_ROLES).find(([selector]) => el.matches(selector))?.[1];
}

const text = (el: Element | null | undefined): string => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The accessible name as our elements give it: aria-labelledby, aria-label, a wrapping label, else the text. */
export function accessibleName(el: Element): string {
  const root = el.getRootNode() as Document | ShadowRoot;
  const labelledBy = el.getAttribute('aria-labelledby');
  if (labelledBy) return labelledBy.split(/\s+/).map((id) => text(root.getElementById(id))).join(' ');
  const label = el.getAttribute('aria-label');
  if (label) return label;
  const wrapping = el.closest('label');
  if (wrapping) return text(wrapping);
  return text(el);
}

/** True when `host`'s shadow tree has an element with this role and accessible name. */
export function hasAccessible(host: Element, role: string, name: string): boolean {
  return shadowAll(host, '*').some((el) => roleOf(el) === role && accessibleName(el) === name);
}

type Flaky = 'listQueues' | 'listAgents' | 'listWrapupReasons' | 'submitWrapup';

/**
 * The real simulated contact center with one extra: `failOnce(command)` makes the next
 * call of that command reject, as a backend outage would. Everything else is the simulator.
 */
export class FlakyContactCenter extends SimulatedContactCenter {
  readonly #failing = new Set<Flaky>();

  failOnce(command: Flaky): void {
    this.#failing.add(command);
  }

  #outage(command: Flaky): void {
    if (this.#failing.delete(command)) throw new Error('the contact center did not answer (simulated outage)');
  }

  override async listQueues(channel: Channel): Promise<readonly Queue[]> {
    this.#outage('listQueues');
    return super.listQueues(channel);
  }

  override async listAgents(): Promise<readonly DirectoryAgent[]> {
    this.#outage('listAgents');
    return super.listAgents();
  }

  override async listWrapupReasons(channel: Channel): Promise<readonly WrapupReason[]> {
    this.#outage('listWrapupReasons');
    return super.listWrapupReasons(channel);
  }

  override async submitWrapup(request: Parameters<SimulatedContactCenter['submitWrapup']>[0]): Promise<void> {
    this.#outage('submitWrapup');
    return super.submitWrapup(request);
  }
}

/** Like `createWorld()`, on a {@link FlakyContactCenter}; disposed with the other worlds (`disposeWorlds`). */
export function createFlakyWorld(options: SimulatedContactCenterOptions = {}): World<FlakyContactCenter> {
  return createWorld(options, { simulator: (o) => new FlakyContactCenter(o) });
}
