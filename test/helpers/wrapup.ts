import type { SimulatedContactCenterOptions } from '../../src/adapters/simulated/index.js';
import type { WrapupRequest } from '../../src/core/adapter.js';
import type { AutoWrapupOptions } from '../../src/core/store/auto-wrapup.js';
import type { Channel, WrapupReason } from '../../src/core/types.js';
import { FlakyContactCenter } from './dialogs.js';
import { createWorld, type World } from './world.js';

/** The flaky simulator, which also keeps every wrap-up request it was sent (notes, `automatic`) and each channel whose reasons were asked for. */
export class RecordingContactCenter extends FlakyContactCenter {
  readonly wrapups: WrapupRequest[] = [];
  readonly reasonLists: Channel[] = [];

  override async listWrapupReasons(channel: Channel): Promise<readonly WrapupReason[]> {
    this.reasonLists.push(channel);
    return super.listWrapupReasons(channel);
  }

  override async submitWrapup(request: WrapupRequest): Promise<void> {
    this.wrapups.push(request);
    return super.submitWrapup(request);
  }
}

export type WrapupWorld = World<RecordingContactCenter>;

/** A quiet world (`createWorld()`) on the recording simulator, whose store has the given auto wrap-up policies; `disposeWorlds()` tears it down. */
export function createWrapupWorld(options: { autoWrapup?: AutoWrapupOptions; simulator?: SimulatedContactCenterOptions } = {}): WrapupWorld {
  return createWorld(options.simulator ?? {}, {
    simulator: (o) => new RecordingContactCenter(o),
    ...(options.autoWrapup ? { store: { autoWrapup: options.autoWrapup } } : {}),
  });
}
