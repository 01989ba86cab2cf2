// Callbacks kept by key (a job's uuid), each removable by what add() returns.
export class KeyedListeners<T> {
  private byKey = new Map<string, Set<(value: T) => void>>();

  add(key: string, listener: (value: T) => void): () => void {
    let set = this.byKey.get(key);
    if (!set) this.byKey.set(key, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.byKey.get(key) === set) this.byKey.delete(key);
    };
  }

  has(key: string): boolean {
    return this.byKey.has(key);
  }

  /** Calls the key's listeners; `once`: and forgets them. */
  emit(key: string, value: T, once = false): void {
    const set = this.byKey.get(key);
    if (once) this.byKey.delete(key);
    for (const l of [...(set ?? [])]) l(value);
  }
}
