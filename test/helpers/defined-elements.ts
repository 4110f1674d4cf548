/**
 * Records every custom element defined after this module runs: the registry cannot be
 * listed, so a test that must cover "every registered element" imports this first.
 */
const defined = new Map<string, CustomElementConstructor>();

const define = customElements.define.bind(customElements);
customElements.define = (name: string, constructor: CustomElementConstructor, options?: ElementDefinitionOptions) => {
  defined.set(name, constructor);
  define(name, constructor, options);
};

/** The elements defined so far, by tag name. */
export const definedElements = (): ReadonlyMap<string, CustomElementConstructor> => defined;
