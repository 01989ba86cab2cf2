// Starting the app in a window: the service worker, the API relay, the engine host,
// and the wait until the worker controls the page (first visit, hard reload). Where the
// page may not use IndexedDB or a service worker (a third-party iframe with storage
// blocked), or must not (a private session, the /embed widget), the same API handler runs
// in the page over a database held in memory.
import { Workbox } from 'workbox-window';
import { createApiHandler } from '../api/handler';
import { database, indexedDbUsable, useMemoryDatabase, type OcrDatabase } from '../store/db';
import { useDirectTransport } from '../shared/transport';
import { isolateQueueChannel } from '../shared/channel';
import { EngineHost, defaultConcurrency } from './engine-host';
import { serveApiInThisWindow } from './api-bridge';
import { createWindowDeps } from './window-deps';
import { warmOfflineCache } from './offline';
import { engineWorkerStats } from '../engines';

export type RuntimeMode = 'service-worker' | 'in-page';

export interface AppRuntime {
  /** resolves once /api/v1/ requests from this page are answered */
  ready: Promise<void>;
  /** resolves once the cpu engine's files are cached for offline use */
  offlineReady: Promise<void>;
  mode: Promise<RuntimeMode>;
  /** a private session: nothing about its documents is stored; they go when the page closes */
  private: boolean;
  /** the engines' workers' busy time so far, by lane: for diagnosis and the benchmark's busy/idle shares */
  workers: typeof engineWorkerStats;
}

export interface BootOptions {
  /** run in a private session (in memory, even where storage is available) */
  private?: boolean;
}

export function boot(opts: BootOptions = {}): AppRuntime {
  const priv = opts.private ?? false;
  // A private session runs in the page even where storage is available: the service worker's
  // relay answers from the shared database, and other tabs need not hear of its jobs.
  if (priv) isolateQueueChannel();
  const mode: Promise<RuntimeMode> = priv ? Promise.resolve('in-page') : chooseMode();
  const ready = mode.then(async (m) => {
    const db = m === 'service-worker' ? database() : await useMemoryDatabase();
    const host = startHost(db, m === 'service-worker');
    const handler = createApiHandler(createWindowDeps(db, host));
    if (m === 'in-page') {
      useDirectTransport(handler);
      return;
    }
    serveApiInThisWindow(handler);
    void navigator.storage?.persist?.().catch(() => false);
    await register();
  });
  const offlineReady = Promise.all([ready, mode]).then(([, m]) => (m === 'service-worker' ? warmOfflineCache() : undefined));
  offlineReady.catch((err) => console.warn('offline cache incomplete', err));
  return { ready, offlineReady, mode, private: priv, workers: engineWorkerStats };
}

async function chooseMode(): Promise<RuntimeMode> {
  if (!('serviceWorker' in navigator) || !(await indexedDbUsable())) return 'in-page';
  try {
    await navigator.serviceWorker.getRegistrations();
    return 'service-worker';
  } catch {
    return 'in-page';
  }
}

function startHost(db: OcrDatabase, shared: boolean): EngineHost {
  const host = new EngineHost(db, defaultConcurrency());
  host.start(shared);
  return host;
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
