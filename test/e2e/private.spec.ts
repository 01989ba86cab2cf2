// A private session: switched on from the first screen, its document, file and chat live only
// in the tab's memory. Nothing about them reaches IndexedDB, Cache Storage, localStorage or
// sessionStorage, nor the service worker's /api/v1/ relay; closing the tab forgets them, and
// the regular documents are untouched.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { baseUrl } from './browser';
import { useBrowser } from './browser';
import { textPdf } from './fixtures';
import { downloadByButton, fullShot, openedJob, pick, png } from './ui-page';

type W = { ocrchat: { ready: Promise<void>; private: boolean; mode: Promise<string>; fetch: (p: string) => Promise<Response> } };

/** Everything the browser keeps for the app's origin, as text: IndexedDB records (blobs read), Cache Storage, Web Storage. */
function storageDump(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const out: string[] = [];
    const blobs: Blob[] = [];
    const replacer = (_k: string, v: unknown) => {
      if (v instanceof Blob) blobs.push(v);
      return v instanceof Blob ? `[blob ${v.size}]` : v instanceof ArrayBuffer || ArrayBuffer.isView(v) ? '[bytes]' : v;
    };
    const req = <T,>(r: IDBRequest<T>) => new Promise<T>((res, rej) => ((r.onsuccess = () => res(r.result)), (r.onerror = () => rej(r.error))));
    for (const info of await indexedDB.databases()) {
      const db = await req(indexedDB.open(info.name!));
      for (const store of [...db.objectStoreNames]) {
        const s = db.transaction(store, 'readonly').objectStore(store);
        const [keys, values] = await Promise.all([req(s.getAllKeys()), req(s.getAll())]);
        out.push(`idb ${info.name}/${store}: ${JSON.stringify(keys)} ${JSON.stringify(values, replacer)}`);
      }
      db.close();
    }
    for (const b of blobs) out.push(`blob: ${await b.text()}`);
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const r of await cache.keys()) {
        out.push(`cache ${name}: ${r.url}`);
        const res = await cache.match(r);
        if (/json|text\/plain|markdown|csv/.test(res?.headers.get('content-type') ?? '')) out.push(await res!.text());
      }
    }
    for (const [label, store] of [['local', localStorage], ['session', sessionStorage]] as const) {
      for (let i = 0; i < store.length; i++) out.push(`${label} ${store.key(i)}=${store.getItem(store.key(i)!)}`);
    }
    return out.join('\n');
  });
}

async function waitBooted(page: Page, priv: boolean): Promise<void> {
  await page.waitForFunction((p) => (window as unknown as Partial<W>).ocrchat?.private === p, priv);
  await page.evaluate(() => (window as unknown as W).ocrchat.ready);
}

/** The document list's text once it has loaded: '' when it says there is nothing yet (then no list is drawn to read). */
const listed = async (page: Page) => {
  const shown = page.locator('[data-testid="history"], [data-testid="history-empty"]').first();
  await shown.waitFor();
  return (await shown.getAttribute('data-testid')) === 'history' ? ((await shown.textContent()) ?? '') : '';
};

describe('private session', () => {
  const s = useBrowser();

  it('keeps a document, its file and its chat out of every browser storage, and forgets them when the tab closes', async () => {
    // A regular document first: it must stay where it is, untouched.
    let page = await s.open('/');
    await pick(page, [png('regular-notes.png')]);
    const regular = await openedJob(page);

    // Switched on from the regular document's screen: the private session opens on its empty list.
    await page.getByTestId('private-toggle').click();
    await waitBooted(page, true);
    expect(await page.evaluate(() => location.hash)).toBe('#/');
    const apiRequests: string[] = [];
    s.context.on('request', (r) => {
      if (r.url().includes('/api/v1/')) apiRequests.push(r.url());
    });
    await page.getByTestId('private-banner').waitFor();
    expect(await page.getByTestId('private-banner').textContent()).toContain('Private session: nothing is saved; closing this tab forgets these documents');
    expect(await page.evaluate(() => (window as unknown as W).ocrchat.mode)).toBe('in-page');
    expect(await listed(page)).not.toContain('regular-notes.png');

    // Chat needs an account: made in the private session, it is forgotten with it.
    await page.goto(baseUrl() + '/#/account');
    await page.getByTestId('create-account').click();
    await page.getByTestId('token').waitFor();
    await page.goto(baseUrl() + '/#/');

    const name = 'private-letter-7f3a.pdf';
    await pick(page, [{ name, type: 'application/pdf', data: textPdf(1) }]);
    const uuid = await openedJob(page);
    expect(await page.getByTestId('result-text').textContent()).toMatch(/born-digital test document/);
    // Downloads come from the page's own API too: the person saves the file, the browser keeps nothing.
    const saved = await downloadByButton(page, 'txt');
    expect(saved.name).toBe('private-letter-7f3a.txt');
    expect(saved.bytes.toString('utf8')).toMatch(/born-digital test document/);

    const question = 'What is the invoice total on this secret page?';
    await page.getByTestId('chat-input').fill(question);
    await page.getByTestId('chat-input').press('Enter');
    await page.getByTestId('chat-messages').getByText(/100/).first().waitFor({ timeout: 60_000 });
    await fullShot(page, 'private-session');

    const dump = await storageDump(page);
    expect(dump).toContain(regular); // the reader does see what is stored
    for (const secret of [uuid, name, 'private-letter', 'born-digital test document', question]) expect(dump).not.toContain(secret);
    expect(await page.evaluate(() => localStorage.getItem('ocrchat.token'))).toBeNull();
    expect(apiRequests).toEqual([]);

    // Closing the tab forgets the private document; the regular one is listed again.
    await page.close();
    page = await s.open('/');
    expect(await page.evaluate(() => (window as unknown as W).ocrchat.private)).toBe(false);
    const text = await listed(page);
    expect(text).toContain('regular-notes.png');
    expect(text).not.toContain(name);
    const jobs = await page.evaluate(async () => (await (await fetch('/api/v1/ocr/')).json()).jobs as { uuid: string }[]);
    expect(jobs.map((j) => j.uuid)).toEqual([regular]);

    // Leaving with the banner's button brings the regular documents back in the same tab.
    await page.getByTestId('private-toggle').click();
    await waitBooted(page, true);
    expect(await listed(page)).not.toContain('regular-notes.png');
    await page.getByTestId('private-leave').click();
    await waitBooted(page, false);
    expect(await page.getByTestId('private-banner').count()).toBe(0);
    expect(await listed(page)).toContain('regular-notes.png');
  }, 300_000);
});
