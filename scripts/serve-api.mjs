// `npm run serve:api`: the app's /api/v1/ over plain HTTP, for curl, Python and any HTTP
// client, with nothing leaving this machine. It serves the production build (dist/) on
// PORT (4173) bound to HOST (127.0.0.1), starts the system's Chromium headless on the app
// as its engine host (CHROMIUM_PATH, as the tests), and relays every /api/v1/ request into
// that page, where the same handler the service worker uses answers it:
//
//   client ──HTTP──► this server ──(pending request)──► the app page: ocrchat.fetch(...)
//                     ▲   │ GET /__relay/<id>/body (the request's bytes, streamed)
//                     └───┘ POST /__relay/<id>/response (status, headers, the answer's bytes)
//
// The page fetches a request's body and posts its answer over HTTP on the same origin, so a
// large upload or download is not squeezed through the DevTools protocol. When the browser
// dies, requests get 503 with a sentence and it is started again. The browser's profile
// (documents, accounts, tokens) is kept in OCRCHAT_PROFILE (default ~/.cache/ocrchat-api).
//
//   node scripts/serve-api.mjs [--no-build] [--dist DIR]
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { preview } from 'vite';
import { chromium } from 'playwright-core';

const ROOT = join(dirname(new URL(import.meta.url).pathname), '..');
const { values: args } = parseArgs({ options: { 'no-build': { type: 'boolean', default: false }, dist: { type: 'string' } } });
const PORT = Number(process.env.PORT ?? 4173);
const HOST = process.env.HOST ?? '127.0.0.1';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PROFILE = process.env.OCRCHAT_PROFILE ?? join(homedir(), '.cache', 'ocrchat-api');
/** How long a request may wait for the page to take it and answer. */
const ANSWER_MS = Number(process.env.OCRCHAT_API_TIMEOUT_MS ?? 600_000);

if (!args['no-build']) {
  const built = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

/** @type {Map<string, {req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, timer: NodeJS.Timeout}>} */
const pending = new Map();
/** @type {'starting' | 'up' | 'down'} */
let state = 'starting';
/** @type {import('playwright-core').Page | null} */
let page = null;
const origin = `http://${HOST.includes(':') ? `[${HOST}]` : HOST}:${PORT}`;

const send = (res, status, body, headers = {}) => {
  if (res.headersSent) return res.end();
  res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
};

/**
 * Requests from a web page of another site are refused here, as the service worker refuses
 * them in a browser: a page the user visits must not spend their allowance through this port.
 * curl and scripts send neither header.
 */
function crossSite(req) {
  const site = req.headers['sec-fetch-site'];
  if (site && site !== 'same-origin' && site !== 'none') return true;
  const from = req.headers.origin;
  // An Origin of another site, or 'null' (a sandboxed frame, a file page), is foreign.
  return from !== undefined && from !== origin;
}

async function relay(req, res) {
  if (state !== 'up' || !page) {
    return send(res, 503, { error: 'engine_unavailable', detail: 'The app\'s engine (headless Chromium) is starting or restarting; try again in a few seconds.' }, { 'Retry-After': '5' });
  }
  if (crossSite(req)) {
    return send(res, 403, { error: 'cross_site_request', detail: `This request came from a web page of another site; the API on ${origin} answers scripts and the app's own pages only.` });
  }
  const id = randomUUID();
  const timer = setTimeout(() => {
    pending.delete(id);
    send(res, 504, { error: 'timeout', detail: 'The app did not answer in time; poll the job with GET /api/v1/ocr/<uuid>/ instead of waiting.' });
  }, ANSWER_MS);
  pending.set(id, { req, res, timer });
  const headers = Object.entries(req.headers)
    .filter(([k]) => !/^(host|connection|content-length|transfer-encoding|origin|referer|sec-|cookie)/i.test(k))
    .map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : String(v)]);
  const call = { id, method: req.method, url: req.url, headers, hasBody: !['GET', 'HEAD'].includes(req.method ?? 'GET') };
  page
    .evaluate(async (c) => {
      const w = /** @type {any} */ (window);
      await w.ocrchat.ready;
      let body;
      if (c.hasBody) body = await (await fetch(`/__relay/${c.id}/body`, { cache: 'no-store' })).blob();
      let res;
      try {
        res = await w.ocrchat.fetch(c.url, { method: c.method, headers: c.headers, body });
      } catch (err) {
        res = new Response(JSON.stringify({ error: 'internal_error', detail: String(err) }), { status: 500, headers: { 'Content-Type': 'application/json' } });
      }
      const answer = await res.blob();
      await fetch(`/__relay/${c.id}/response`, {
        method: 'POST',
        headers: { 'x-relay-status': String(res.status), 'x-relay-headers': encodeURIComponent(JSON.stringify([...res.headers])) },
        body: answer,
      });
    }, call)
    .catch((err) => {
      const p = pending.get(id);
      if (!p) return;
      clearTimeout(p.timer);
      pending.delete(id);
      send(p.res, 503, { error: 'engine_unavailable', detail: `The app's engine stopped while answering (${String(err.message ?? err).split('\n')[0]}); it is being restarted: send the request again.` }, { 'Retry-After': '5' });
    });
}

/** The page's side of a relayed request: its body, and its answer. Only the engine page (same origin) reaches these. */
function relayChannel(req, res, id, what) {
  const p = pending.get(id);
  if (!p || crossSite(req)) return send(res, 404, { error: 'not_found', detail: 'No such relayed request.' });
  if (what === 'body' && req.method === 'GET') {
    res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Cache-Control': 'no-store' });
    p.req.pipe(res);
    return;
  }
  if (what === 'response' && req.method === 'POST') {
    clearTimeout(p.timer);
    pending.delete(id);
    const status = Number(req.headers['x-relay-status'] ?? 500);
    /** @type {[string, string][]} */
    const headers = JSON.parse(decodeURIComponent(String(req.headers['x-relay-headers'] ?? '%5B%5D')));
    p.res.writeHead(status, Object.fromEntries(headers.filter(([k]) => !/^(content-length|content-encoding|transfer-encoding|connection)$/i.test(k))));
    req.pipe(p.res);
    req.on('end', () => res.writeHead(204).end());
    return;
  }
  send(res, 405, { error: 'method_not_allowed', detail: 'Wrong method for the relay.' });
}

const relayPlugin = {
  name: 'ocrchat-api-relay',
  configurePreviewServer(server) {
    server.middlewares.use((req, res, next) => {
      const path = (req.url ?? '').split('?')[0];
      const m = /^\/__relay\/([0-9a-f-]{36})\/(body|response)$/.exec(path);
      if (m) return relayChannel(req, res, m[1], m[2]);
      if (path.startsWith('/api/v1/')) return void relay(req, res);
      next();
    });
  },
};

const server = await preview({
  plugins: [relayPlugin],
  build: args.dist ? { outDir: args.dist } : undefined,
  preview: { port: PORT, strictPort: true, host: HOST },
});
// An idle keep-alive connection is closed by the client, not here: with Node's 5 s a client
// that reuses one just as this server drops it gets "other side closed" (undici keeps one for
// the server's timeout less a second, and a busy machine's timers are late by more).
if (server.httpServer) {
  server.httpServer.keepAliveTimeout = 65_000;
  server.httpServer.headersTimeout = 66_000;
}

/** Starts Chromium on the app and keeps it running: a crash or exit starts it again. */
async function startEngine() {
  state = 'starting';
  mkdirSync(PROFILE, { recursive: true });
  try {
    const context = await chromium.launchPersistentContext(PROFILE, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
    });
    // Nothing but the app's own origin is reached.
    await context.route((url) => url.origin !== origin, (route) => route.abort());
    const p = context.pages()[0] ?? (await context.newPage());
    const restart = () => {
      if (state === 'down') return;
      state = 'down';
      page = null;
      for (const [id, q] of pending) {
        clearTimeout(q.timer);
        pending.delete(id);
        send(q.res, 503, { error: 'engine_unavailable', detail: 'The app\'s engine (headless Chromium) stopped; it is being restarted: send the request again.' }, { 'Retry-After': '5' });
      }
      console.error('serve:api: the engine browser stopped; starting it again');
      context.close().catch(() => {});
      setTimeout(() => void startEngine(), 1000);
    };
    context.on('close', restart);
    p.on('crash', restart);
    await p.goto(`${origin}/`, { waitUntil: 'load' });
    await p.waitForFunction(() => typeof (/** @type {any} */ (window).ocrchat?.ready?.then) === 'function', null, { timeout: 120_000 });
    await p.evaluate(() => /** @type {any} */ (window).ocrchat.ready);
    page = p;
    state = 'up';
    console.log(`serve:api: /api/v1/ answered at ${origin}/api/v1/ (engine: headless Chromium ${context.browser()?.version() ?? ''}, pid ${process.pid})`);
  } catch (err) {
    console.error('serve:api: the engine browser could not start:', err.message ?? err);
    state = 'down';
    setTimeout(() => void startEngine(), 5000);
  }
}

server.printUrls();
await startEngine();
