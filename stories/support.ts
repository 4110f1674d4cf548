import { SimulatedContactCenter, type SimulatedContactCenterOptions } from '../src/adapters/simulated/index.js';
import { createInteractionStore, type InteractionStore } from '../src/core/store/store.js';

/** A simulated contact center and its store, for one story. */
export interface StoryWorld {
  readonly simulator: SimulatedContactCenter;
  readonly store: InteractionStore;
}

let current: StoryWorld | undefined;

/**
 * Makes a fresh world for a story (disposing the previous story's) and runs `script`
 * to bring it into the state the story shows. Elements follow the store, so the
 * story's template can be returned at once.
 */
export function storyWorld(script: (world: StoryWorld) => void | Promise<void> = () => undefined, options: SimulatedContactCenterOptions = {}): StoryWorld {
  if (current) {
    current.store.dispose();
    current.simulator.dispose();
  }
  const simulator = new SimulatedContactCenter({ autoplay: false, latencyMs: 0, seed: 42, ...options });
  const store = createInteractionStore(simulator, { agent: simulator.agent });
  current = { simulator, store };
  void Promise.resolve(script(current)).catch((e: unknown) => console.error('story script failed', e));
  return current;
}

/** Offers a contact and accepts it, resolving with its id. */
export async function acceptedContact(
  world: StoryWorld,
  offer: Parameters<SimulatedContactCenter['offer']>[0],
): Promise<string> {
  const id = world.simulator.offer(offer);
  await world.store.accept(id);
  return id;
}
