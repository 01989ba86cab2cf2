// localStorage that never throws: a third-party iframe (the /embed widget) may be denied it.
// In a private session nothing is written there: choices made in it are kept in memory for
// this page only (reads still see the regular ones, so the theme and engine stay as chosen).
import { isPrivateSession } from './private-session';

const session = new Map<string, string | null>();

export const prefs = {
  get(key: string): string | null {
    if (session.has(key)) return session.get(key)!;
    try {
      return globalThis.localStorage?.getItem(key) ?? null;
    } catch {
      return null;
    }
  },
  set(key: string, value: string | null): void {
    if (isPrivateSession()) {
      session.set(key, value);
      return;
    }
    try {
      if (value === null) globalThis.localStorage?.removeItem(key);
      else globalThis.localStorage?.setItem(key, value);
    } catch {
      // Not persisted: the widget keeps the value for this page only.
      session.set(key, value);
    }
  },
};
