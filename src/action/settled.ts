/** An outcome kept until the run needs it: a failure is not an unhandled rejection meanwhile. */
export type Settled<T> = { value: T } | { error: unknown };

export const settle = <T>(promise: Promise<T>): Promise<Settled<T>> =>
  promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
