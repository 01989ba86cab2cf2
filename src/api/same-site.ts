// Requests that change something (a job, a token, credits) are taken only from the app's
// own pages: another site could otherwise submit a form to /api/v1/ as this browser's
// user, spending its allowance and planting documents. The embed widget is the one door
// for other sites (it runs the API in its own frame).
import { ApiError } from './errors';

/** Where a request came from, as the service worker judged it (it sees the navigation). */
export type RequestSite = 'same-origin' | 'cross-site';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export function assertSameSite(req: Request, site: RequestSite): void {
  if (SAFE.has(req.method)) return;
  const own = new URL(req.url).origin;
  const origin = req.headers.get('Origin');
  const fetchSite = req.headers.get('Sec-Fetch-Site');
  const foreign =
    site === 'cross-site' || (origin !== null && origin !== 'null' && origin !== own) || origin === 'null' || (fetchSite !== null && fetchSite !== 'same-origin' && fetchSite !== 'none');
  if (foreign) {
    throw new ApiError(
      403,
      'cross_site_request',
      `This request came from another site, and only the app's own pages may change documents, tokens or credits here. Open ${own}/ and do it there; other sites can use the /embed widget.`,
    );
  }
}

/**
 * The service worker's judgement: a request from one of the app's own pages or workers
 * carries its client id; a navigation (a form another site submits) has none, and counts as
 * the app's own only when its referrer is.
 */
export function judgeSite(request: { mode: string; referrer: string; url: string }, fromClient: boolean): RequestSite {
  if (fromClient && request.mode !== 'navigate') return 'same-origin';
  try {
    return request.referrer && new URL(request.referrer).origin === new URL(request.url).origin ? 'same-origin' : 'cross-site';
  } catch {
    return 'cross-site';
  }
}
