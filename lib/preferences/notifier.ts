/** Listeners for a preference kept outside React, for useSyncExternalStore. */
export function changeNotifier() {
  const listeners = new Set<() => void>()
  return {
    subscribe(listener: () => void): () => void {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    notify(): void {
      listeners.forEach((listener) => listener())
    },
  }
}
