import { serve, openApp, submit, freePort } from './browser.mjs';
import { pidsWithCmdline, tree } from './memory.mjs';
import { readFileSync } from 'node:fs';
const ROOT = new URL('..', import.meta.url).pathname;
const server = await serve(ROOT, '/tmp/d13', await freePort(4490));
const app = await openApp(server.url);
const label = (pid) => { try { const c = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0'); const t = c.find((x) => x.startsWith('--type=')); const u = c.find((x) => x.startsWith('--utility-sub-type=')); return (t ?? 'browser') + (u ? u.slice(19) : '') + ':' + pid; } catch { return '?'; } };
const pss = (pid) => { try { return Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))[1]) / 1024; } catch { return 0; } };
let peak = { total: 0, parts: {} };
let on = true;
const loop = async () => { while (on) { const pids = tree(pidsWithCmdline(app.userDataDir)); const parts = {}; let t = 0; for (const p of pids) { const v = pss(p); parts[label(p)] = Math.round(v); t += v; } if (t > peak.total) peak = { total: Math.round(t), parts }; await new Promise((r) => setTimeout(r, 250)); } };
loop();
const phase = async (name, fn) => { peak = { total: 0, parts: {} }; const r = await fn(); await new Promise((r) => setTimeout(r, 600)); console.log(name, r.status, r.error ?? '', JSON.stringify(peak)); };
const f = (n) => ({ path: `/work/shared/eval/public/${n}`, name: n, mime: 'image/jpeg' });
const args = process.argv.slice(2);
for (const a of args) { const [n, tool] = a.split(':'); await phase(a, () => submit(app.page, f(n), { tier: 'cpu', language: 'eng', tool: tool || undefined })); }
on = false;
await app.close(); await server.close();
