import type { ReactiveElement } from 'lit';
import type { ModalDialogController, OwnStateModalDialogOptions } from '../../controllers/modal-dialog.js';
import { LazyPart } from './lazy-part.js';

/**
 * A dialog that is one part of a bigger element (a confirmation, a transcript), with its
 * controller and the dialog surface's styles loaded on first need: the element's first
 * load does without them. The element calls `load()` (then `show()`) when the agent asks
 * for the dialog, `preload()` once it shows what opens it, and renders
 * `value?.render(…)` meanwhile.
 */
export function lazyDialog(host: ReactiveElement, options: OwnStateModalDialogOptions): LazyPart<ModalDialogController> {
  return new LazyPart(host, async () => {
    const [{ ModalDialogController }, { dialogSurface }] = await Promise.all([import('../../controllers/modal-dialog.js'), import('../../styles/dialog.js')]);
    return { value: new ModalDialogController(host, options), styles: [dialogSurface] };
  });
}
