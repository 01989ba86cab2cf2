// localStorage that never throws: a third-party iframe (the /embed widget) may be denied it.
export const prefs = {
  get(key: string): string | null {
    try {
      return globalThis.localStorage?.getItem(key) ?? null;
    } catch {
      return null;
    }
  },
  set(key: string, value: string | null): void {
    try {
      if (value === null) globalThis.localStorage?.removeItem(key);
      else globalThis.localStorage?.setItem(key, value);
    } catch {
      // Not persisted: the widget keeps the value for this page only.
    }
  },
};
