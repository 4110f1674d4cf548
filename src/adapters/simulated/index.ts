/**
 * The simulated contact center: an in-browser backend implementing
 * `ContactCenterAdapter`, with a scripting API for the customer side.
 * @packageDocumentation
 */
export { SimulatedContactCenter } from './simulated-contact-center.js';
export { MAX_ATTACHMENT_BYTES } from './attachments.js';
export type {
  InboundAttachment,
  SimulatedContactCenterOptions,
  SimulatedInboundEmail,
  SimulatedInteraction,
  SimulatedInteractionStatus,
  SimulatedOfferOptions,
  SimulatedOpeningEmail,
  SimulatedState,
} from './types.js';
export {
  DEFAULT_AGENT,
  SEED_CUSTOMERS,
  SEED_DIRECTORY,
  SEED_QUEUES,
  SEED_TEMPLATES,
  SEED_WORKFLOWS,
  SEED_WRAPUP_REASONS,
  type SimulatedCustomer,
  type SimulatedQueue,
  type SimulatedWorkflow,
  type SimulatedWrapupReason,
} from './data.js';
export { SIMULATED_WORLD_VERSION, clearSimulatedWorld, type SimulatedPersistence } from './persistence.js';
export { SeededRandom, randomSeed } from './random.js';
