// Hash routes: #/, #/job/<uuid>, #/account, #/settings (#/settings/<section> scrolls to it).
/** The sections of Settings a message can send a person to. */
export const SETTINGS_SECTIONS = ['languages', 'models', 'chat-models'] as const;
export type SettingsSection = (typeof SETTINGS_SECTIONS)[number];

export type Route =
  | { name: 'home' }
  | { name: 'job'; uuid: string; page: number }
  | { name: 'account' }
  | { name: 'settings'; section?: SettingsSection };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/\/+$/, '') || '/';
  const job = path.match(/^\/job\/([0-9a-fA-F-]{8,64})(?:\/page\/(\d+))?$/);
  if (job) return { name: 'job', uuid: job[1]!, page: Math.max(0, Number(job[2] ?? 1) - 1) };
  if (path === '/account') return { name: 'account' };
  if (path === '/settings') return { name: 'settings' };
  const section = path.match(/^\/settings\/([^/]+)$/)?.[1];
  // An unknown section still opens Settings (an old link), at the top.
  if (section !== undefined) return SETTINGS_SECTIONS.includes(section as SettingsSection) ? { name: 'settings', section: section as SettingsSection } : { name: 'settings' };
  return { name: 'home' };
}

export const jobHref = (uuid: string, page = 0): string => (page > 0 ? `#/job/${uuid}/page/${page + 1}` : `#/job/${uuid}`);

export const settingsHref = (section?: SettingsSection): string => (section ? `#/settings/${section}` : '#/settings');

/**
 * Where a person fixes what an error code says is missing: a link for the job view.
 * Codes are the engines' (models/types.ts ModelErrorCode; a missing language's when it has one).
 */
export function fixFor(code: string | undefined): { href: string; label: string; external?: boolean; also?: { href: string; label: string } } | undefined {
  // tool=translate with no translator: Chrome's built-in Translator API, documented by Chrome,
  // or a translation model downloaded in Settings → Models
  if (code === 'translator_missing') {
    return {
      href: 'https://developer.chrome.com/docs/ai/translator-api',
      label: "How to get Chrome's built-in Translator",
      external: true,
      also: { href: settingsHref('models'), label: 'or download a translation model in Settings → Models' },
    };
  }
  if (code === 'model_missing') return { href: settingsHref('models'), label: 'Open Settings → Models' };
  if (code === 'language_missing' || code?.startsWith('language_')) return { href: settingsHref('languages'), label: 'Open Settings → Languages' };
  return undefined;
}

export function go(href: string): void {
  if (location.hash !== href) location.hash = href;
}

/** Calls back with the route now and on every change; answers the unsubscribe. */
export function watchRoute(on: (r: Route) => void): () => void {
  const fire = () => on(parseRoute(location.hash));
  addEventListener('hashchange', fire);
  fire();
  return () => removeEventListener('hashchange', fire);
}
