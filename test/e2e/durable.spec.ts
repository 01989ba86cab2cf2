// Jobs are durable: a closed tab loses nothing, two tabs never work on the same page,
// and a burst of uploads all finish.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { postFile, useBrowser, type Session } from './browser';
import { scannedPdf, testocrPng, textPdf } from './fixtures';

interface PageRow { index: number; state: string; attempts: number; doneBy?: string }
interface UsageRow { jobUuid?: string; pageIndex?: number; credits: number }

async function rows(page: Page, uuid: string): Promise<{ pages: PageRow[]; usage: UsageRow[] }> {
  return page.evaluate(async (uuid) => {
    const req = indexedDB.open('ocrchat');
    const db: IDBDatabase = await new Promise((res) => (req.onsuccess = () => res(req.result)));
    const all = <T,>(n: string) => new Promise<T[]>((res) => { const r = db.transaction(n).objectStore(n).getAll(); r.onsuccess = () => res(r.result as T[]); });
    const pages = (await all<PageRow & { jobUuid: string }>('pages')).filter((p) => p.jobUuid === uuid).map(({ index, state, attempts, doneBy }) => ({ index, state, attempts, doneBy }));
    const usage = (await all<UsageRow>('usage')).filter((u) => u.jobUuid === uuid);
    db.close();
    return { pages, usage };
  }, uuid);
}

async function jobOf(page: Page, uuid: string) {
  return page.evaluate(async (u) => (await fetch(`/api/v1/ocr/${u}/`)).json(), uuid);
}

async function waitFor(page: Page, uuid: string, pred: (j: { status: string; pages_done: number }) => boolean, ms = 150_000) {
  const until = Date.now() + ms;
  for (;;) {
    const j = await jobOf(page, uuid);
    if (pred(j)) return j;
    if (Date.now() > until) throw new Error(`timed out: ${JSON.stringify({ status: j.status, done: j.pages_done })}`);
    await page.waitForTimeout(250);
  }
}

/**
 * Closes the tabs an earlier test left open in this browser: a test that closes its tab, or
 * counts the tabs at work, must have the app open only in the tabs it opens itself.
 */
async function onlyItsOwnTabs(s: Session): Promise<void> {
  for (const p of s.context.pages()) await p.close();
}

describe('durable jobs', () => {
  // One browser for these three: the burst first, on a fresh profile (it counts every job there);
  // the two after it look only at their own job, in tabs of their own.
  const s = useBrowser();

  it('20 POSTs at once, images and PDFs mixed, all finish: none lost, none duplicated', async () => {
    const page = await s.open('/');
    const files = Array.from({ length: 20 }, (_, i) => (i % 2 ? { b64: textPdf(2).toString('base64'), name: `doc-${i}.pdf` } : { b64: testocrPng.toString('base64'), name: `img-${i}.png` }));
    const results = await page.evaluate(async (files) => {
      const post = async (f: { b64: string; name: string }) => {
        const form = new FormData();
        form.append('file', new Blob([Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0))]), f.name);
        const res = await fetch('/api/v1/ocr/', { method: 'POST', body: form });
        const job = await res.json();
        return { status: res.status, uuid: job.uuid, state: job.status, name: job.file_name, text: job.text as string };
      };
      return Promise.all(files.map(post));
    }, files);
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(200));
    expect(results.every((r) => r.state === 'done')).toBe(true);
    expect(new Set(results.map((r) => r.uuid)).size).toBe(20);
    for (const r of results) expect(r.text).toMatch(r.name.endsWith('.png') ? /quick brown/ : /Chapter 2/);
    const list = await page.evaluate(async () => (await (await fetch('/api/v1/ocr/')).json()).jobs.length);
    expect(list).toBe(20);
    // Memory stays bounded: page bitmaps are closed once their page is done.
    const heap = await page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0);
    expect(heap).toBeLessThan(200 * 1024 * 1024);
  });

  it('a 7-page job cut off by closing the tab finishes when the app opens again, no page done or charged twice', async () => {
    await onlyItsOwnTabs(s);
    const first = await s.open('/');
    const posted = await postFile(first, scannedPdf(7), 'seven.pdf');
    expect(posted.status).toBe(202);
    const uuid = posted.body.uuid as string;
    const mid = await waitFor(first, uuid, (j) => j.pages_done >= 2);
    expect(mid.status).toBe('processing');
    const before = await rows(first, uuid);
    const doneBefore = before.pages.filter((p) => p.state === 'done').map((p) => p.index);
    await first.close();
    const again = await s.open('/');
    const job = await waitFor(again, uuid, (j) => j.status === 'done' || j.status === 'failed');
    expect(job.status).toBe('done');
    expect(job.pages).toHaveLength(7);
    for (const p of job.pages) expect(p.text).toMatch(/quick brown/);
    const after = await rows(again, uuid);
    // Pages finished before the tab closed were not recognised again.
    for (const i of doneBefore) expect(after.pages[i]!.attempts).toBe(1);
    // Every page charged exactly once.
    expect(after.usage.map((u) => u.pageIndex).sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('with two tabs open, each page is worked on by one engine host only', async () => {
    await onlyItsOwnTabs(s);
    const a = await s.open('/');
    const b = await s.open('/');
    const posted = await postFile(b, scannedPdf(7), 'seven.pdf');
    const uuid = posted.body.uuid as string;
    await waitFor(a, uuid, (j) => j.status === 'done');
    const { pages, usage } = await rows(a, uuid);
    expect(pages.every((p) => p.attempts === 1)).toBe(true);
    expect(new Set(pages.map((p) => p.doneBy)).size).toBe(1);
    expect(usage).toHaveLength(7);
  });
});

describe('durable jobs', () => {
  // A browser of its own: it lists every job there.
  const s = useBrowser();

  it('a tab too busy to take a request at once still answers it, and exactly once', async () => {
    // The service worker hands each request to an app window. A window whose main thread is
    // blocked for longer than the worker waits for its ack must neither be skipped (a 503
    // while it goes on to store the job anyway) nor answer it next to another window.
    const busyPost = (page: Page, name: string) =>
      page.evaluate(
        async ({ b64, name }) => {
          const form = new FormData();
          form.append('file', new Blob([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))]), name);
          const pending = fetch('/api/v1/ocr/', { method: 'POST', body: form });
          const until = performance.now() + 6000; // longer than the 4 s the worker waits for an ack
          while (performance.now() < until) {
            /* busy */
          }
          const res = await pending;
          return { status: res.status, body: await res.json() };
        },
        { b64: testocrPng.toString('base64'), name },
      );
    const names = async (page: Page) => (await page.evaluate(async () => (await (await fetch('/api/v1/ocr/')).json()).jobs.map((j: { file_name: string }) => j.file_name))) as string[];

    const a = await s.open('/');
    const alone = await busyPost(a, 'alone.png');
    expect(alone.status).toBe(200);
    expect(alone.body.text).toMatch(/quick brown/);

    const b = await s.open('/');
    const shared = await busyPost(a, 'shared.png');
    expect(shared.status).toBe(200);
    expect(shared.body.text).toMatch(/quick brown/);
    await a.waitForTimeout(1500); // room for a late second answer to show
    expect((await names(b)).sort()).toEqual(['alone.png', 'shared.png']);
  });
});
