/// <reference lib="webworker" />
// The one service worker (workers/sw.ts): precache of the app shell, runtime cache for engines
// and traineddata, and the /api/v1/ router. It stays thin: each API request is relayed to
// an app window, which runs the handler and the engines (browsers stop idle workers).
import { cleanupOutdatedCaches, precacheAndRoute } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { CacheFirst, NetworkFirst } from 'workbox-strategies';
import type { ClientToWorkerMessage, RelayMessage, WireRequest, WireResponse } from '../shared/channel';
import { ENGINE_CACHE } from '../shared/caches';
import { judgeSite } from '../api/same-site';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (string | { url: string; revision: string | null })[] };

const API_PREFIX = '/api/v1/';
/** A window that has not acked by then is not waited for alone: the next one is asked too. */
const ACK_STAGGER_MS = 4000;
/** No window acked at all (none open, or all frozen): 503. */
const ACK_DEADLINE_MS = 30_000;
/** The window that took the request must answer by then (a short POST answers within 240 s). */
const ANSWER_DEADLINE_MS = 300_000;

/** Registers the service worker's listeners and routes (workers/sw.ts). */
export function startServiceWorker(): void {
  // The API listener comes first so that nothing else answers /api/v1/.
  self.addEventListener('fetch', (event: FetchEvent) => {
    const url = new URL(event.request.url);
    if (url.origin === self.location.origin && url.pathname.startsWith(API_PREFIX)) {
      event.respondWith(relay(event));
    }
  });

  precacheAndRoute(self.__WB_MANIFEST);
  cleanupOutdatedCaches();

  // Traineddata: the app fetches a language, checks its bytes and keeps it in the engine cache
  // itself (src/languages/obtain.ts); Tesseract then reads it from there. Nothing fetched here
  // is stored, and a static host's fallback page for a file it lacks (200, index.html) becomes
  // the 404 it stands for, so Tesseract never loads a web page as a language.
  registerRoute(
    ({ url }) => url.origin === self.location.origin && url.pathname.startsWith('/vendor/lang/') && /\.traineddata(\.gz)?$/.test(url.pathname),
    async ({ request }) => {
      const kept = await (await caches.open(ENGINE_CACHE)).match(request);
      if (kept) return kept;
      const res = await fetch(request);
      if (res.ok && /text\/html/i.test(res.headers.get('Content-Type') ?? '')) return new Response(null, { status: 404, statusText: 'Not Found' });
      return res;
    },
  );

  // The list of languages changes with the app: fresh from the network, the kept copy offline
  // (Settings reads it; the first visit's warm-up, host/offline.ts, fetches it). Before the
  // /vendor/ route, which would keep the first copy for good.
  registerRoute(
    ({ url }) => url.origin === self.location.origin && url.pathname.endsWith('/vendor/lang/index.json'),
    new NetworkFirst({ cacheName: ENGINE_CACHE, networkTimeoutSeconds: 5 }),
  );

  // Engines, WASM cores, traineddata and models: cached the first time they are fetched.
  // The runtimes' .wasm that Vite emits under /assets/ (onnxruntime-web's, 14–27 MB) are too
  // big for the precache and are kept here too, so the vlm tier works offline after one use.
  registerRoute(
    ({ url }) =>
      url.origin === self.location.origin &&
      (url.pathname.startsWith('/vendor/') || /^\/assets\/(webllm|llm)-/.test(url.pathname) || /^\/assets\/[^/]+\.wasm$/.test(url.pathname)),
    new CacheFirst({ cacheName: ENGINE_CACHE }),
  );

  self.addEventListener('install', () => void self.skipWaiting());
  self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
  self.addEventListener('message', (event: ExtendableMessageEvent) => {
    const msg = event.data as ClientToWorkerMessage;
    // A hard reload leaves the page uncontrolled; claiming takes it back.
    if (msg?.type === 'claim') event.waitUntil(self.clients.claim());
  });
}

async function relay(event: FetchEvent): Promise<Response> {
  const req = event.request;
  const wire: WireRequest = {
    url: req.url,
    method: req.method,
    headers: [...req.headers],
    body: req.method === 'GET' || req.method === 'HEAD' ? null : await req.arrayBuffer(),
    site: judgeSite(req, !!event.clientId),
  };
  const answer = await dispatch(await candidates(event.clientId), wire);
  if ('response' in answer) {
    const res = answer.response;
    return new Response(res.status === 204 ? null : res.body, { status: res.status, headers: res.headers });
  }
  const detail =
    answer.failure === 'no_window'
      ? 'OCR.chat runs in your browser: open the app in a tab, then try again.'
      : 'The app tab that took this request stopped answering (closed or frozen); open the app in a tab and try again.';
  return new Response(JSON.stringify({ error: 'no_app_window', detail }), { status: 503, headers: { 'Content-Type': 'application/json' } });
}

type Dispatched = { response: WireResponse } | { failure: 'no_window' | 'no_answer' };

/**
 * Offers the request to the windows one after another, each ACK_STAGGER_MS after the last,
 * without withdrawing earlier offers: the first window to ack runs it, every later ack is
 * told to drop it. So a busy window is never raced into answering twice.
 */
function dispatch(windows: readonly Client[], wire: WireRequest): Promise<Dispatched> {
  return new Promise((resolve) => {
    let chosen = false;
    let next = 0;
    let stagger: ReturnType<typeof setTimeout> | undefined;
    const give = (d: Dispatched) => {
      clearTimeout(stagger);
      clearTimeout(deadline);
      resolve(d);
    };
    let deadline = setTimeout(() => {
      chosen = true;
      give({ failure: 'no_window' });
    }, ACK_DEADLINE_MS);
    const offer = () => {
      if (chosen || next >= windows.length) return;
      const client = windows[next++]!;
      const channel = new MessageChannel();
      const port = channel.port1;
      let mine = false;
      port.onmessage = (e: MessageEvent<RelayMessage>) => {
        if (e.data.type === 'api-ack') {
          if (chosen) {
            port.postMessage({ type: 'api-abandon' } satisfies RelayMessage);
            port.close();
            return;
          }
          chosen = mine = true;
          clearTimeout(stagger);
          clearTimeout(deadline);
          deadline = setTimeout(() => give({ failure: 'no_answer' }), ANSWER_DEADLINE_MS);
          port.postMessage({ type: 'api-go' } satisfies RelayMessage);
        } else if (e.data.type === 'api-response' && mine) {
          port.close();
          give({ response: e.data.response });
        }
      };
      // Each window gets its own copy: a transferred body is gone for the next one.
      const body = wire.body ? wire.body.slice(0) : null;
      const msg: RelayMessage = { type: 'api-request', request: { ...wire, body }, confirm: true };
      client.postMessage(msg, body ? [channel.port2, body] : [channel.port2]);
      stagger = setTimeout(offer, ACK_STAGGER_MS);
    };
    if (windows.length === 0) give({ failure: 'no_window' });
    else offer();
  });
}

/** The window that asked first, then every other window of the app. */
async function candidates(clientId: string): Promise<readonly Client[]> {
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: false });
  const own = clientId ? windows.find((c) => c.id === clientId) : undefined;
  return own ? [own, ...windows.filter((c) => c !== own)] : windows;
}

