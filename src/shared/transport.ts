// How the UI reaches /api/v1/: through the service worker (fetch), or, where a page may
// not have one (a storage-blocked iframe), straight to the same API handler in this page.
type Handler = (req: Request) => Promise<Response>;
let direct: Handler | null = null;

export function useDirectTransport(handler: Handler): void {
  direct = handler;
}

export const isDirect = (): boolean => direct !== null;

export function apiFetch(path: string, init: RequestInit = {}): Promise<Response> {
  if (direct) return direct(new Request(new URL(path, location.href), init));
  return fetch(path, init);
}
