import type { Decorator } from '@storybook/web-components-vite';
import { SimulatedContactCenter, type SimulatedContactCenterOptions } from '../src/adapters/simulated/index.js';
import { noDraftStore } from '../src/core/drafts/draft-store.js';
import { createInteractionStore, type InteractionStore, type InteractionStoreOptions } from '../src/core/store/store.js';

/** A simulated contact center and its store, for one story. */
export interface StoryWorld {
  readonly simulator: SimulatedContactCenter;
  readonly store: InteractionStore;
}

/** Worlds by the id of the story that made them. */
const worlds = new Map<string, StoryWorld[]>();
/** The story rendering right now (story functions render synchronously). */
let rendering = '';

/** Disposes the worlds a story made. */
export function disposeStoryWorlds(storyId: string): void {
  for (const world of worlds.get(storyId) ?? []) {
    world.store.dispose();
    world.simulator.dispose();
  }
  worlds.delete(storyId);
}

/**
 * Decorator (preview.ts): worlds made while a story renders belong to it, and a re-render
 * replaces them. A docs page shows many stories at once, each with its own live world;
 * preview.ts disposes a story's worlds when Storybook tears the story down.
 */
export const withStoryWorlds: Decorator = (story, context) => {
  disposeStoryWorlds(context.id);
  const outer = rendering;
  rendering = context.id;
  try {
    return story();
  } finally {
    rendering = outer;
  }
};

/**
 * Makes a fresh world for the rendering story and runs `script` to bring it into the
 * state the story shows. Elements follow the store, so the story's template can be
 * returned at once. `storeOptions` adds store options (auto wrap-up, say).
 */
export function storyWorld(
  script: (world: StoryWorld) => void | Promise<void> = () => undefined,
  options: SimulatedContactCenterOptions = {},
  storeOptions: Pick<InteractionStoreOptions, 'autoWrapup' | 'signatures'> = {},
): StoryWorld {
  // Outside a story render (no decorator), keep the old rule: one world at a time.
  if (!rendering) disposeStoryWorlds('');
  const simulator = new SimulatedContactCenter({ autoplay: false, latencyMs: 0, seed: 42, ...options });
  // Stories share a seed, so interaction ids repeat: no story may find another's draft.
  const store = createInteractionStore(simulator, { agent: simulator.agent, draftStore: noDraftStore, ...storeOptions });
  const world = { simulator, store };
  worlds.set(rendering, [...(worlds.get(rendering) ?? []), world]);
  void Promise.resolve(script(world)).catch((e: unknown) => {
    // A story torn down while its script still runs has its world disposed: not a failure.
    if (!store.disposed) console.error('story script failed', e);
  });
  return world;
}

/** Offers a contact and accepts it, resolving with its id. */
export async function acceptedContact(
  world: StoryWorld,
  offer: Parameters<SimulatedContactCenter['offer']>[0],
): Promise<string> {
  const id = world.simulator.offer(offer);
  try {
    await world.store.accept(id);
  } catch (e) {
    // A docs page renders and tears down many stories at once: a world disposed while its
    // accept was on its way is not a failure (scripts often start this without awaiting it).
    if (!world.store.disposed && !world.simulator.disposed) throw e;
  }
  return id;
}
