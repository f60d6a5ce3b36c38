/** A listener set; `subscribe` returns the unsubscribe function (after TanStack's subscribable). */
export interface Subscribable<Listener extends (...args: never[]) => void> {
  subscribe(listener: Listener): () => void;
  emit(...args: Parameters<Listener>): void;
  readonly size: number;
}

export function createSubscribable<Listener extends (...args: never[]) => void>(
  onError: (error: unknown) => void = (error) =>
    queueMicrotask(() => {
      throw error;
    }),
): Subscribable<Listener> {
  const listeners = new Set<Listener>();
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    emit(...args) {
      for (const listener of [...listeners]) {
        try {
          listener(...args);
        } catch (error) {
          // A failing listener must not break the write that triggered it, nor other listeners.
          onError(error);
        }
      }
    },
    get size() {
      return listeners.size;
    },
  };
}
