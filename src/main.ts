import { mount } from 'svelte';
import App from './ui/App.svelte';
import { boot } from './host/boot';
import { isPrivateSession } from './shared/private-session';
import { apiFetch } from './shared/transport';
import { framedByAnotherSite, showFramedNotice } from './ui/framed';
import './ui/theme.css';

function start(): void {
  const runtime = boot({ private: isPrivateSession() });
  // Tests and automation wait on this before calling /api/v1/.
  (window as unknown as { ocrchat: unknown }).ocrchat = {
    ready: runtime.ready,
    offlineReady: runtime.offlineReady,
    mode: runtime.mode,
    private: runtime.private,
    // /api/v1/ as this page's UI reaches it: through the service worker, or in the page
    // (a private session, storage blocked), where a plain fetch would miss it.
    fetch: apiFetch,
    // false on a first visit or after a hard reload, until the service worker claims the page
    startedControlled: !!navigator.serviceWorker?.controller,
    // diagnosis: the engine workers' busy time so far, by lane (the benchmark's busy/idle shares)
    workers: runtime.workers,
  };
  mount(App, { target: document.getElementById('app')!, props: { ready: runtime.ready, privateSession: runtime.private } });
}

if (framedByAnotherSite()) showFramedNotice(document.getElementById('app')!);
else start();
