import { mount } from 'svelte';
import Embed from './ui/Embed.svelte';
import { boot } from './host/boot';
import './ui/theme.css';

const runtime = boot();
(window as unknown as { ocrchat: unknown }).ocrchat = { ready: runtime.ready, offlineReady: runtime.offlineReady, mode: runtime.mode };
mount(Embed, { target: document.getElementById('app')!, props: { ready: runtime.ready } });
