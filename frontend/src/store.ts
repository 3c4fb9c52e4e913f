/** A tiny observable value with a hook, for the little global state the app has: who is
 * signed in. */
import { useEffect, useState } from "preact/hooks";

export type Store<T> = {
  get(): T;
  set(value: T): void;
  subscribe(listener: (value: T) => void): () => void;
};

export function store<T>(initial: T): Store<T> {
  let value = initial;
  const listeners = new Set<(value: T) => void>();
  return {
    get: () => value,
    set(next) {
      value = next;
      for (const listener of listeners) listener(next);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The store's value, re-rendering on every change. The subscription starts in an effect,
 * after the first render: a value set in between (the session answer arriving while a lazy
 * page renders) is picked up when subscribing, or the page would wait for it forever. */
export function useStore<T>(source: Store<T>): T {
  const [value, setValue] = useState(() => source.get());
  useEffect(() => {
    const unsubscribe = source.subscribe(setValue);
    setValue(source.get());
    return unsubscribe;
  }, [source]);
  return value;
}
