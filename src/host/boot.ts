// Starting the app in a window: the service worker, the API relay, the engine host,
// and the wait until the worker controls the page (first visit, hard reload).
import { Workbox } from 'workbox-window';
import { createApiHandler } from '../api/handler';
import { database } from '../store/db';
import { EngineHost, defaultConcurrency } from './engine-host';
import { serveApiInThisWindow } from './api-bridge';
import { createWindowDeps } from './window-deps';
import { warmOfflineCache } from './offline';

export interface AppRuntime {
  /** resolves once /api/v1/ requests from this page reach the service worker */
  ready: Promise<void>;
  /** resolves once the cpu engine's files are cached for offline use */
  offlineReady: Promise<void>;
  host: EngineHost;
}

export function boot(): AppRuntime {
  const db = database();
  const host = new EngineHost(db, defaultConcurrency());
  const handler = createApiHandler(createWindowDeps(db, host));
  if (!('serviceWorker' in navigator)) {
    const failed = Promise.reject(new Error('This browser has no service workers; OCR.chat needs them.'));
    return { ready: failed, offlineReady: failed, host };
  }
  serveApiInThisWindow(handler);
  host.start();
  void navigator.storage?.persist?.().catch(() => false);
  const ready = register();
  const offlineReady = ready.then(warmOfflineCache);
  offlineReady.catch((err) => console.warn('offline cache incomplete', err));
  return { ready, offlineReady, host };
}

async function register(): Promise<void> {
  const wb = new Workbox(`${import.meta.env.BASE_URL}sw.js`, { scope: import.meta.env.BASE_URL });
  const controlled = new Promise<void>((resolve) => {
    if (navigator.serviceWorker.controller) return resolve();
    navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true });
  });
  const reg = await wb.register();
  if (!navigator.serviceWorker.controller) {
    // A hard reload bypasses the worker: ask the active one to claim this page.
    const active = reg?.active ?? (await navigator.serviceWorker.ready).active;
    active?.postMessage({ type: 'claim' });
  }
  await controlled;
}
