// Launching Debian's Chromium through playwright-core, with a fresh profile, and
// recording every request (workers included) so a test fails on one to another origin.
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { mkdtempSync, rmSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, expect, inject } from 'vitest';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const baseUrl = (): string => inject('baseUrl');

export interface Session {
  context: BrowserContext;
  foreignRequests: string[];
  close(): Promise<void>;
  /** opens a page of the app and waits until the service worker controls it */
  open(path?: string): Promise<Page>;
}

/**
 * The browser of a describe block: launched before its tests (before each one with
 * `perTest`) and closed after them, once it is checked that the app asked no other origin
 * for anything (`allowForeign` for a suite that opens another origin on purpose). Hooks
 * the block adds after this call run with the browser already launched.
 */
export function useBrowser(opts: { args?: string[]; perTest?: boolean; allowForeign?: boolean } = {}): Session {
  let current: Session | undefined;
  (opts.perTest ? beforeEach : beforeAll)(async () => {
    current = await launch(opts.args);
  });
  (opts.perTest ? afterEach : afterAll)(async () => {
    if (!current) return;
    if (!opts.allowForeign) expect(current.foreignRequests).toEqual([]);
    await current.close();
  });
  const live = (): Session => {
    if (!current) throw new Error('the browser is launched in a hook: use it from a hook or a test');
    return current;
  };
  return {
    get context() {
      return live().context;
    },
    get foreignRequests() {
      return live().foreignRequests;
    },
    close: () => live().close(),
    open: (path) => live().open(path),
  };
}

/**
 * Parts of Chromium's own window that headless Chromium still builds at every launch and no
 * test can see: the address bar's suggestion popups, two WebUI pages in a renderer of their
 * own. They cost about 2 s of CPU a launch on the 2-core machine (a launch and the app's first
 * page: 9.6 s with them, 7.5 s without).
 */
const UNSEEN_FEATURES = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup'];

/**
 * The features Playwright turns off itself (packages/playwright-core/src/server/chromium/
 * chromiumSwitches.ts), read from its bundle: Chromium keeps only the last --disable-features,
 * so one of ours must repeat them or it would turn them back on. [] if the bundle no longer
 * reads as expected; then UNSEEN_FEATURES are left on rather than Playwright's list lost.
 */
function playwrightDisabledFeatures(): string[] {
  try {
    const bundle = readFileSync(createRequire(import.meta.url).resolve('playwright-core/lib/coreBundle'), 'utf8');
    const list = /\bdisabledFeatures = \[([\s\S]*?)\]\.filter\(Boolean\)/.exec(bundle)?.[1] ?? '';
    const names = [...list.replace(/\/\/[^\n]*/g, '').matchAll(/"([^"]*)"/g)].map((m) => m[1]!);
    return names.length > 0 && names.every((n) => /^\w+$/.test(n)) ? names : [];
  } catch {
    return [];
  }
}

let disabledFeatures: string[] | undefined;

/** `args` with one --disable-features: Playwright's, the caller's and UNSEEN_FEATURES. */
function withFeaturesOff(args: string[]): string[] {
  disabledFeatures ??= playwrightDisabledFeatures();
  if (disabledFeatures.length === 0) return args;
  const PREFIX = '--disable-features=';
  const callers = args.filter((a) => a.startsWith(PREFIX)).flatMap((a) => a.slice(PREFIX.length).split(','));
  const all = [...new Set([...disabledFeatures, ...callers, ...UNSEEN_FEATURES])].filter(Boolean);
  return [...args.filter((a) => !a.startsWith(PREFIX)), PREFIX + all.join(',')];
}

export async function launch(extraArgs: string[] = []): Promise<Session> {
  const dir = mkdtempSync(join(tmpdir(), 'ocrchat-e2e-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: true,
    args: withFeaturesOff([
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-dev-shm-usage',
      ...extraArgs,
    ]),
    viewport: { width: 1280, height: 900 },
    // The header's pulsing dot, while a document is read, is the app's only animation (off
    // under prefers-reduced-motion, App.svelte). It had the compositor draw every frame of a
    // read: CPU taken from the engine (the GPU process alone used 9 s of the 39 s of CPU the
    // 7-page journey took, 1 s without it). No test looks at it.
    reducedMotion: 'reduce',
  });
  const origin = new URL(baseUrl()).origin;
  const foreignRequests: string[] = [];
  context.on('request', (req) => {
    const url = req.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (new URL(url).origin !== origin) foreignRequests.push(url);
  });
  return {
    context,
    foreignRequests,
    async close() {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
    async open(path = '/') {
      const page = await context.newPage();
      page.on('pageerror', (e) => console.error('[pageerror]', e.message));
      await page.goto(baseUrl() + path);
      await page.waitForFunction(() => (window as unknown as { ocrchat?: { ready: Promise<void> } }).ocrchat?.ready !== undefined);
      await page.evaluate(() => (window as unknown as { ocrchat: { ready: Promise<void> } }).ocrchat.ready);
      return page;
    },
  };
}

export function screenshotPath(name: string): string {
  mkdirSync('test-results/screenshots', { recursive: true });
  return join('test-results/screenshots', `${name}.png`);
}

/** POSTs a file to /api/v1/ocr/ from inside the page, as a user's script would. */
export async function postFile(
  page: Page,
  bytes: Buffer,
  name: string,
  fields: Record<string, string> = {},
  token?: string,
): Promise<{ status: number; body: Record<string, any> }> {
  return page.evaluate(
    async ({ data, name, fields, token }) => {
      const form = new FormData();
      const bin = atob(data);
      form.append('file', new Blob([Uint8Array.from(bin, (c) => c.charCodeAt(0))]), name);
      for (const [k, v] of Object.entries(fields)) form.append(k, v);
      const res = await fetch('/api/v1/ocr/', { method: 'POST', body: form, headers: token ? { Authorization: `Bearer ${token}` } : {} });
      return { status: res.status, body: await res.json() };
    },
    { data: bytes.toString('base64'), name, fields, token },
  );
}

/** One export of a job, fetched in the page through the API (as the download buttons do), as bytes. */
export async function downloadInPage(page: Page, uuid: string, format: string): Promise<Buffer> {
  const b64 = await page.evaluate(
    async ({ uuid, format }) => {
      const res = await fetch(`/api/v1/ocr/${uuid}/download/?format=${format}`);
      if (!res.ok) throw new Error(`download ${format}: HTTP ${res.status}`);
      const bytes = new Uint8Array(await res.arrayBuffer());
      let bin = '';
      for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return btoa(bin);
    },
    { uuid, format },
  );
  return Buffer.from(b64, 'base64');
}

/**
 * Serves `url` as a static host that sends no security headers would (the named ones removed),
 * until the returned function is called.
 */
export async function withoutHeaders(context: BrowserContext, url: string, names: string[]): Promise<() => Promise<void>> {
  await context.route(url, async (route) => {
    const res = await route.fetch();
    const headers = { ...res.headers() };
    for (const n of names) delete headers[n];
    await route.fulfill({ response: res, headers });
  });
  return () => context.unroute(url);
}
