/**
 * A loader in a test's hands, standing in for the network a lazily loaded part comes over:
 * `load` calls `loader` (offline until the test says otherwise) and counts the calls.
 */
export class TestLoader<T> {
  /** What the next loads do; they fail ("offline") until the test sets another. */
  loader: () => Promise<T> = () => Promise.reject(new Error('offline'));
  /** How many times `load` was called. */
  loads = 0;
  readonly load = (): Promise<T> => {
    this.loads++;
    return this.loader();
  };
}
