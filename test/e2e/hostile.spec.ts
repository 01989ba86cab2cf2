// Another site, and a careless or hostile page: what the app refuses, and what it sends.
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../scripts/security-headers.mjs';
import { baseUrl, useBrowser, withoutHeaders } from './browser';
import { scannedPdf, testocrPng } from './fixtures';
import { postFile } from './browser';

const otherSite = () => baseUrl().replace('127.0.0.1', 'localhost');

describe('another site', () => {
  const s = useBrowser({ allowForeign: true });

  it('a form another site submits to the API is refused with a sentence, and changes nothing', async () => {
    const app = await s.open('/');
    const before = await app.evaluate(async () => (await (await fetch('/api/v1/account/')).json()).used as number);
    const evil = await s.context.newPage();
    await evil.goto(otherSite() + '/manifest.webmanifest');
    await evil.setContent(`<form id="f" method="post" enctype="multipart/form-data" action="${baseUrl()}/api/v1/ocr/">
      <input type="file" name="file" id="file"><input name="tier" value="cpu"><button>go</button></form>
      <form id="g" method="post" action="${baseUrl()}/api/v1/account/"><button>make</button></form>`);
    await evil.setInputFiles('#file', { name: 'planted.png', mimeType: 'image/png', buffer: testocrPng });
    const [answer] = await Promise.all([evil.waitForNavigation(), evil.locator('#f button').click()]);
    expect(answer?.status()).toBe(403);
    const body = JSON.parse(await evil.locator('body').innerText());
    expect(body.error).toBe('cross_site_request');
    expect(body.detail).toMatch(/another site/);
    // A second form, for an account: refused too.
    await evil.goto(otherSite() + '/manifest.webmanifest');
    await evil.setContent(`<form id="g" method="post" action="${baseUrl()}/api/v1/account/"><button>make</button></form>`);
    const [made] = await Promise.all([evil.waitForNavigation(), evil.locator('#g button').click()]);
    expect(made?.status()).toBe(403);

    const after = await app.evaluate(async () => ({
      used: (await (await fetch('/api/v1/account/')).json()).used as number,
      jobs: (await (await fetch('/api/v1/ocr/')).json()).jobs.length as number,
    }));
    expect(after).toEqual({ used: before, jobs: 0 });
    // The app's own pages still work.
    const own = await app.evaluate(async () => (await fetch('/api/v1/account/', { method: 'POST' })).status);
    expect(own).toBe(201);
  });

  it('the app and its account screen will not run inside another site\'s frame, with or without headers', async () => {
    const host = await s.context.newPage();
    await host.goto(otherSite() + '/manifest.webmanifest');
    // With the headers npm start sends, the browser refuses the frame outright.
    await host.setContent(`<iframe id="a" src="${baseUrl()}/#/account" width="600" height="400"></iframe>`);
    const blocked = (await (await host.waitForSelector('#a')).contentFrame())!;
    await host.waitForTimeout(1500);
    expect(await blocked.evaluate(() => !!document.querySelector('[data-testid="create-account"], [data-testid="token"]')).catch(() => false)).toBe(false);
    // A static host that sends no headers: the app itself shows a notice instead of its screens.
    const restore = await withoutHeaders(s.context, `${baseUrl()}/`, ['content-security-policy', 'x-frame-options']);
    await host.setContent(`<iframe id="b" src="${baseUrl()}/#/account" width="600" height="400"></iframe>`);
    const frame = (await (await host.waitForSelector('#b')).contentFrame())!;
    await frame.getByTestId('framed-notice').waitFor();
    expect(await frame.getByTestId('framed-notice').textContent()).toMatch(/does not open inside another site/);
    expect(await frame.locator('[data-testid="create-account"], [data-testid="token"], [data-testid="dropzone"]').count()).toBe(0);
    await restore();
  });

  it('every page and the service worker come with the security headers', async () => {
    const page = await s.open('/');
    for (const path of ['/', '/index.html', '/embed', '/sw.js']) {
      const res = await page.request.get(baseUrl() + path);
      const h = res.headers();
      expect(h['x-content-type-options'], path).toBe('nosniff');
      expect(h['referrer-policy'], path).toBe('same-origin');
      expect(h['content-security-policy'], path).toContain(CONTENT_SECURITY_POLICY);
      expect(h['content-security-policy'], path).toMatch(path === '/embed' ? /frame-ancestors 'self'/ : /frame-ancestors 'none'/);
    }
    // For hosts that send no headers: the policy is in the page too, and the page has no inline script.
    expect(await page.evaluate(() => document.querySelector<HTMLMetaElement>('meta[http-equiv="Content-Security-Policy"]')?.content)).toBe(CONTENT_SECURITY_POLICY);
    const html = await (await page.request.get(baseUrl() + '/')).text();
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });
});

describe('deleting', () => {
  const s = useBrowser();

  it('DELETE of a job at work removes every record of it, the page in flight included', async () => {
    const page = await s.open('/');
    const { status, body } = await postFile(page, scannedPdf(7), 'seven.pdf');
    expect(status).toBe(202);
    const uuid = body.uuid as string;
    await expect
      .poll(() => page.evaluate(async (u) => (await (await fetch(`/api/v1/ocr/${u}/?summary=1`)).json()).pages_done as number, uuid), { timeout: 120_000 })
      .toBeGreaterThanOrEqual(1);
    expect(await page.evaluate(async (u) => (await fetch(`/api/v1/ocr/${u}/`, { method: 'DELETE' })).status, uuid)).toBe(204);
    // The pages at work when it was deleted finish and must leave nothing behind.
    const leftovers = () =>
      page.evaluate(async (u) => {
        const db: IDBDatabase = await new Promise((res, rej) => {
          const r = indexedDB.open('ocrchat');
          r.onsuccess = () => res(r.result);
          r.onerror = () => rej(r.error);
        });
        const found: string[] = [];
        // The usage ledger keeps what was spent: deleting a job refunds nothing.
        for (const name of [...db.objectStoreNames].filter((n) => n !== 'usage')) {
          const rows: unknown[] = await new Promise((res) => {
            const r = db.transaction(name).objectStore(name).getAll();
            r.onsuccess = () => res(r.result);
          });
          for (const row of rows) {
            const o = row as { uuid?: string; jobUuid?: string; key?: string };
            if (o.uuid === u || o.jobUuid === u || (typeof o.key === 'string' && o.key.startsWith(u))) found.push(`${name}:${o.key ?? o.uuid ?? o.jobUuid}`);
          }
        }
        db.close();
        return found;
      }, uuid);
    await new Promise((r) => setTimeout(r, 8000));
    expect(await leftovers()).toEqual([]);
  });
});
