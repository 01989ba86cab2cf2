import { mount } from 'svelte';
import App from './ui/App.svelte';
import { boot } from './host/boot';
import './ui/theme.css';

const runtime = boot();
// Tests and automation wait on this before calling /api/v1/.
(window as unknown as { ocrchat: unknown }).ocrchat = {
  ready: runtime.ready,
  offlineReady: runtime.offlineReady,
  mode: runtime.mode,
  // false on a first visit or after a hard reload, until the service worker claims the page
  startedControlled: !!navigator.serviceWorker?.controller,
};
mount(App, { target: document.getElementById('app')!, props: { ready: runtime.ready } });
