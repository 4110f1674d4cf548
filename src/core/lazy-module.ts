/** A module fetched on first need (see {@link lazyModule}). */
export interface LazyModule<M> {
  /** Imports the module once; every caller gets the same promise, and after a failed import (a flaky network) the next call tries again. */
  readonly load: () => Promise<M>;
  /** The module, once imported: for code that must render at once, or else wait for {@link load}. */
  readonly loaded: () => M | undefined;
}

/** Wraps a dynamic `import()` so that it runs once, is retried after a failure, and its module can be read synchronously once in. */
export function lazyModule<M>(load: () => Promise<M>): LazyModule<M> {
  let module: M | undefined;
  let loading: Promise<M> | undefined;
  return {
    load: () =>
      (loading ??= load().then(
        (m) => (module = m),
        (error: unknown) => {
          loading = undefined;
          throw error;
        },
      )),
    loaded: () => module,
  };
}
