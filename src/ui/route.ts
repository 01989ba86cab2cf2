// Hash routes: #/, #/job/<uuid>, #/account, #/settings.
export type Route =
  | { name: 'home' }
  | { name: 'job'; uuid: string; page: number }
  | { name: 'account' }
  | { name: 'settings' };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/\/+$/, '') || '/';
  const job = path.match(/^\/job\/([0-9a-fA-F-]{8,64})(?:\/page\/(\d+))?$/);
  if (job) return { name: 'job', uuid: job[1]!, page: Math.max(0, Number(job[2] ?? 1) - 1) };
  if (path === '/account') return { name: 'account' };
  if (path === '/settings') return { name: 'settings' };
  return { name: 'home' };
}

export const jobHref = (uuid: string, page = 0): string => (page > 0 ? `#/job/${uuid}/page/${page + 1}` : `#/job/${uuid}`);

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
