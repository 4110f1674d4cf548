import type { Ref } from 'lit/directives/ref.js';
import { acceptedContact, type StoryWorld } from './support.js';

/** One of the dialog elements (transfer, conference, wrap-up). */
export interface DialogElement extends HTMLElement {
  interactionId: string | undefined;
  show(): void;
  readonly updateComplete: Promise<boolean>;
}

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 20));

/** Resolves with the first element of `host`'s shadow tree matching `selector` (and `test`), once it is there. */
export async function shadowPart(host: Element, selector: string, test: (el: HTMLElement) => boolean = () => true): Promise<HTMLElement> {
  for (;;) {
    const found = [...(host.shadowRoot?.querySelectorAll<HTMLElement>(selector) ?? [])].find(test);
    if (found) return found;
    await tick();
  }
}

/** Clicks the option named `name` once the dialog lists it. */
export async function pickOption(host: Element, name: string): Promise<void> {
  (await shadowPart(host, '[role="option"]', (o) => o.querySelector('.name')?.textContent?.trim() === name)).click();
}

/** Accepts a contact, runs `before` with its id, then points the dialog at it and opens it. */
export async function openDialogFor(
  world: StoryWorld,
  dialog: Ref<DialogElement>,
  offer: Parameters<typeof acceptedContact>[1],
  before: (id: string) => Promise<unknown> | void = () => undefined,
): Promise<void> {
  const id = await acceptedContact(world, offer);
  await before(id);
  await openDialog(dialog, id);
}

/** Points the dialog at an interaction and opens it, once the dialog is rendered. */
export async function openDialog(dialog: Ref<DialogElement>, interactionId: string): Promise<void> {
  while (!dialog.value) await tick();
  dialog.value.interactionId = interactionId;
  dialog.value.show();
  await dialog.value.updateComplete;
}
