/**
 * Files in the simulator: the `blob:` URLs it makes (revoked on dispose), the attachments
 * a customer sends (a real `File` or a description with a placeholder download), and the
 * size limit of the agent's uploads.
 * @packageDocumentation
 */
import type { Attachment } from '../../core/types.js';
import type { SimContext } from './context.js';
import type { InboundAttachment } from './types.js';

/** Largest file {@link SimulatedContactCenter.uploadAttachment} accepts: 10 MB. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** The `blob:` URLs the simulator made, so that dispose revokes them all. */
export class ObjectUrls {
  readonly #urls: string[] = [];

  make(blob: Blob): string {
    const url = URL.createObjectURL(blob);
    this.#urls.push(url);
    return url;
  }

  /** A small download standing in for a file whose content the simulator does not have. */
  placeholder(name: string): string {
    return this.make(new Blob([`Simulated attachment: ${name}\n`], { type: 'text/plain' }));
  }

  revokeAll(): void {
    for (const url of this.#urls.splice(0)) URL.revokeObjectURL(url);
  }
}

/** The attachment of a file a customer sends. */
export function toAttachment(ctx: SimContext, input: InboundAttachment): Attachment {
  if (input instanceof File) {
    return { id: ctx.nextId('att'), name: input.name, size: input.size, mimeType: input.type || 'application/octet-stream', url: ctx.urls.make(input) };
  }
  let size = input.size;
  let url = input.url;
  if (url === undefined) {
    const placeholder = new Blob([`Simulated attachment: ${input.name}\n`], { type: 'text/plain' });
    url = ctx.urls.make(placeholder);
    size ??= placeholder.size;
  }
  return {
    id: input.id ?? ctx.nextId('att'),
    name: input.name,
    size: size ?? 0,
    mimeType: input.mimeType ?? 'application/octet-stream',
    url,
    ...(input.contentId === undefined ? {} : { contentId: input.contentId }),
  };
}

/** The attachments of a customer message or inbound email. */
export function toAttachments(ctx: SimContext, inputs: readonly InboundAttachment[] | undefined): Attachment[] {
  return (inputs ?? []).map((a) => toAttachment(ctx, a));
}
