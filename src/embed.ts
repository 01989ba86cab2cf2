// The /embed widget: a private session always (its documents live in this page's memory),
// driven by its own drop zone or by the page that frames it (src/ui/embed/protocol.ts).
import './embed-private';
import { mount } from 'svelte';
import Embed from './ui/Embed.svelte';
import { boot } from './host/boot';
import { config } from './shared/config';
import { apiFetch } from './shared/transport';
import { originAllowed } from './ui/embed/origins';
import { EmbedWidget } from './ui/embed/widget.svelte';
import { listenToParent } from './ui/embed/bridge';
import './ui/theme.css';

const runtime = boot({ private: true });
(window as unknown as { ocrchat: unknown }).ocrchat = { ready: runtime.ready, offlineReady: runtime.offlineReady, mode: runtime.mode, private: true, fetch: apiFetch };
const allowed = (origin: string) => originAllowed(origin, config.embedAllowedOrigins, location.origin);
const widget = new EmbedWidget(runtime.ready, allowed);
// Listening from the start: a parent may send its files on the iframe's load event, before the engine is up.
listenToParent(widget, allowed);
mount(Embed, { target: document.getElementById('app')!, props: { widget } });
