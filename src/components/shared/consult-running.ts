import type { Consult } from '../../core/types.js';

/** Whether a consult is asked or in progress: the pane's Transfer and Conference wait meanwhile. */
export function consultRunning(consult: Consult | undefined): boolean {
  return consult?.state === 'requested' || consult?.state === 'started';
}
