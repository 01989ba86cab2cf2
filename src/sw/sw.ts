/// <reference lib="webworker" />
// The one service worker: precache of the app shell, runtime cache for engines and
// traineddata, and the /api/v1/ router. It stays thin: each API request is relayed to
// an app window, which runs the handler and the engines (browsers stop idle workers).
import { cleanupOutdatedCaches, precacheAndRoute } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { CacheFirst } from 'workbox-strategies';
import type { ClientToWorkerMessage, RelayMessage, WireRequest, WireResponse } from '../host/channel';
import { ENGINE_CACHE } from './caches';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (string | { url: string; revision: string | null })[] };

const API_PREFIX = '/api/v1/';
const ACK_TIMEOUT_MS = 4000;

// The API listener comes first so that nothing else answers /api/v1/.
self.addEventListener('fetch', (event: FetchEvent) => {
  const url = new URL(event.request.url);
  if (url.origin === self.location.origin && url.pathname.startsWith(API_PREFIX)) {
    event.respondWith(relay(event));
  }
});

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Engines, WASM cores, traineddata and models: cached the first time they are fetched.
// The runtimes' .wasm that Vite emits under /assets/ (onnxruntime-web's, 14–27 MB) are too
// big for the precache and are kept here too, so the vlm tier works offline after one use.
registerRoute(
  ({ url }) =>
    url.origin === self.location.origin &&
    (url.pathname.startsWith('/vendor/') || /^\/assets\/(webllm|llm-worker)-/.test(url.pathname) || /^\/assets\/[^/]+\.wasm$/.test(url.pathname)),
  new CacheFirst({ cacheName: ENGINE_CACHE }),
);

self.addEventListener('install', () => void self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
self.addEventListener('message', (event: ExtendableMessageEvent) => {
  const msg = event.data as ClientToWorkerMessage;
  // A hard reload leaves the page uncontrolled; claiming takes it back.
  if (msg?.type === 'claim') event.waitUntil(self.clients.claim());
});

async function relay(event: FetchEvent): Promise<Response> {
  const req = event.request;
  const wire: WireRequest = {
    url: req.url,
    method: req.method,
    headers: [...req.headers],
    body: req.method === 'GET' || req.method === 'HEAD' ? null : await req.arrayBuffer(),
  };
  for (const client of await candidates(event.clientId)) {
    const res = await ask(client, wire);
    if (res) return new Response(res.status === 204 ? null : res.body, { status: res.status, headers: res.headers });
  }
  return new Response(
    JSON.stringify({ error: 'no_app_window', detail: 'OCR.chat runs in your browser: open the app in a tab, then try again.' }),
    { status: 503, headers: { 'Content-Type': 'application/json' } },
  );
}

/** The window that asked first, then every other window of the app. */
async function candidates(clientId: string): Promise<readonly Client[]> {
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: false });
  const own = clientId ? windows.find((c) => c.id === clientId) : undefined;
  return own ? [own, ...windows.filter((c) => c !== own)] : windows;
}

function ask(client: Client, wire: WireRequest): Promise<WireResponse | null> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    const timer = setTimeout(() => resolve(null), ACK_TIMEOUT_MS);
    channel.port1.onmessage = (e: MessageEvent<RelayMessage>) => {
      if (e.data.type === 'api-ack') clearTimeout(timer);
      if (e.data.type === 'api-response') resolve(e.data.response);
    };
    // Each window gets its own copy: a transferred body is gone for the next one.
    const body = wire.body ? wire.body.slice(0) : null;
    const msg: RelayMessage = { type: 'api-request', request: { ...wire, body } };
    client.postMessage(msg, body ? [channel.port2, body] : [channel.port2]);
  });
}
