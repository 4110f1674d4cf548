/**
 * An element directive that makes a composer take files pasted into it or dropped on it,
 * and shows the drop target while files are dragged over it.
 * @packageDocumentation
 */
import { nothing } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';
import { t } from '../../controllers/localize.js';

/** What a file drop target does. */
export interface FileDropOptions {
  /** `true` when files can be taken, or the reason they cannot, shown when some are pasted or dropped. */
  readonly accepts: () => true | string;
  /** Receives the files pasted or dropped (also when refused: the receiver reports the reason). */
  readonly files: (files: File[]) => void;
}

/** True when a drag or clipboard carries files. */
function hasFiles(data: DataTransfer | null): data is DataTransfer {
  return data !== null && [...data.types].includes('Files');
}

export class FileDropDirective extends Directive {
  #element: HTMLElement | undefined;
  #options: FileDropOptions | undefined;
  /** Nested dragenter/dragleave pairs: leaving a child of the target is not leaving the target. */
  #depth = 0;

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('fileDrop() goes on an element');
  }

  render(_options: FileDropOptions): typeof nothing {
    return nothing;
  }

  override update(part: ElementPart, [options]: [FileDropOptions]): typeof nothing {
    this.#options = options;
    const element = part.element as HTMLElement;
    if (this.#element !== element) {
      this.#element = element;
      element.addEventListener('paste', this.#onPaste);
      element.addEventListener('dragenter', this.#onDragEnter);
      element.addEventListener('dragover', this.#onDragOver);
      element.addEventListener('dragleave', this.#onDragLeave);
      element.addEventListener('drop', this.#onDrop);
    }
    return nothing;
  }

  readonly #onPaste = (e: ClipboardEvent): void => {
    const data = e.clipboardData;
    if (!data || data.files.length === 0) return;
    // Spreadsheet and document copies carry the selection as text with a picture of it: that stays a text paste.
    // A file manager's copy names the files as text: that is a file paste.
    const text = data.getData('text/plain').trim();
    const names = [...data.files].map((f) => f.name);
    if (text !== '' && !names.includes(text) && text !== names.join('\n')) return;
    e.preventDefault();
    this.#options?.files([...data.files]);
  };

  readonly #onDragEnter = (e: DragEvent): void => {
    if (!hasFiles(e.dataTransfer)) return;
    e.preventDefault();
    this.#depth++;
    this.#show(this.#options?.accepts() === true);
  };

  readonly #onDragOver = (e: DragEvent): void => {
    if (!hasFiles(e.dataTransfer)) return;
    // Taken over from the browser, which would otherwise open the file in place of the page.
    e.preventDefault();
    e.dataTransfer.dropEffect = this.#options?.accepts() === true ? 'copy' : 'none';
  };

  readonly #onDragLeave = (e: DragEvent): void => {
    if (!hasFiles(e.dataTransfer)) return;
    this.#depth = Math.max(0, this.#depth - 1);
    if (this.#depth === 0) this.#show(false);
  };

  readonly #onDrop = (e: DragEvent): void => {
    if (!hasFiles(e.dataTransfer)) return;
    e.preventDefault();
    this.#depth = 0;
    this.#show(false);
    this.#options?.files([...e.dataTransfer.files]);
  };

  #show(on: boolean): void {
    // The label is drawn by the stylesheet from the attribute: a pointer-only cue, read by nobody.
    if (on) this.#element?.setAttribute('data-dropping', t('attach.dropHere'));
    else this.#element?.removeAttribute('data-dropping');
  }
}

/** Makes the element a paste and drop target for files. */
export const fileDrop = directive(FileDropDirective);
