import type { SimulatedContactCenterOptions } from '../../src/adapters/simulated/index.js';
import type { WrapupRequest } from '../../src/core/adapter.js';
import type { AutoWrapupOptions } from '../../src/core/store/auto-wrapup.js';
import { createInteractionStore } from '../../src/core/store/store.js';
import { FlakyContactCenter } from './dialogs.js';
import type { World } from './world.js';

/** The flaky simulator, which also keeps every wrap-up request it was sent (notes, `automatic`). */
export class RecordingContactCenter extends FlakyContactCenter {
  readonly wrapups: WrapupRequest[] = [];

  override async submitWrapup(request: WrapupRequest): Promise<void> {
    this.wrapups.push(request);
    return super.submitWrapup(request);
  }
}

export interface WrapupWorld extends World {
  readonly simulator: RecordingContactCenter;
}

const worlds: WrapupWorld[] = [];

/** A quiet world (as `createWorld()`) whose store has the given auto wrap-up policies. */
export function createWrapupWorld(options: { autoWrapup?: AutoWrapupOptions; simulator?: SimulatedContactCenterOptions } = {}): WrapupWorld {
  const tag = `aw${worlds.length}${Math.random().toString(36).slice(2, 7)}`;
  const simulator = new RecordingContactCenter({ autoplay: false, latencyMs: 0, seed: 7, idTag: tag, ...options.simulator });
  const store = createInteractionStore(simulator, { agent: simulator.agent, ...(options.autoWrapup ? { autoWrapup: options.autoWrapup } : {}) });
  const world: WrapupWorld = {
    simulator,
    store,
    dispose() {
      store.dispose();
      simulator.dispose();
    },
  };
  worlds.push(world);
  return world;
}

/** Disposes the worlds made by {@link createWrapupWorld}. */
export function disposeWrapupWorlds(): void {
  for (const w of worlds.splice(0)) w.dispose();
}
