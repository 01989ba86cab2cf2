// Which pages the /embed widget answers: origins in the deployment's allowlist
// (config.embedAllowedOrigins), and the app's own. Results go to that origin by name,
// never to '*', so a page that frames the widget without being listed learns nothing.

/**
 * An allowlist entry as a test of an origin: exact (`https://example.com`), any subdomain
 * (`https://*.example.com`) or any port (`http://localhost:*`). Null for an entry that is
 * none of these (a path, a bare '*'): it allows nothing.
 */
export function originPattern(entry: string): RegExp | null {
  const m = /^(https?):\/\/(\*\.)?([a-z0-9.-]+|\[[0-9a-f:]+\])(:(\d+|\*))?$/i.exec(entry.trim().replace(/\/$/, ''));
  if (!m) return null;
  const [, scheme, anySub, host, , port] = m;
  const esc = (s: string) => s.replace(/[.[\]]/g, (c) => `\\${c}`);
  const sub = anySub ? '(?:[a-z0-9-]+\\.)+' : '';
  const portPart = port === '*' ? '(?::\\d+)?' : port ? `:${port}` : '';
  return new RegExp(`^${scheme!.toLowerCase()}://${sub}${esc(host!.toLowerCase())}${portPart}$`);
}

export function originAllowed(origin: string, allowlist: readonly string[], own: string): boolean {
  if (!origin || origin === 'null') return false;
  if (origin === own) return true;
  return allowlist.some((entry) => originPattern(entry)?.test(origin) ?? false);
}

/** The origin of the page that frames this one, as far as the browser says; null when not framed. */
export function framingOrigin(): string | null {
  if (window.parent === window) return null;
  const ancestors = location.ancestorOrigins;
  if (ancestors && ancestors.length > 0) return ancestors[0]!;
  try {
    // Firefox has no ancestorOrigins; the referrer names the parent unless its policy hides it.
    return document.referrer ? new URL(document.referrer).origin : null;
  } catch {
    return null;
  }
}
