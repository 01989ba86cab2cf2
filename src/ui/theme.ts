// Light or dark: the system's choice until the person picks one, then theirs.
import { prefs } from '../shared/settings-store';

export type Theme = 'light' | 'dark';
const KEY = 'ocrchat.theme';

const systemTheme = (): Theme => (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');

export function chosenTheme(): Theme | null {
  const t = prefs.get(KEY);
  return t === 'light' || t === 'dark' ? t : null;
}

export const effectiveTheme = (): Theme => chosenTheme() ?? systemTheme();

export const THEME_EVENT = 'ocrchat-theme';

export function applyTheme(t: Theme | null): void {
  prefs.set(KEY, t);
  if (t) document.documentElement.dataset.theme = t;
  else delete document.documentElement.dataset.theme;
  dispatchEvent(new Event(THEME_EVENT));
}

applyTheme(chosenTheme());
