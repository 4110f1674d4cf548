import { createContext } from '@lit/context';
import type { InteractionStore } from './store/store.js';

/** The context that carries the {@link InteractionStore} from `<cc-provider>` to the elements inside it. */
export const storeContext = createContext<InteractionStore | undefined>(Symbol.for('cc-digital-widgets/store'));
