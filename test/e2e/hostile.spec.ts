// Another site, and a careless or hostile page: what the app refuses, and what it sends.
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../scripts/security-headers.mjs';
import { baseUrl, useBrowser } from './browser';
import { testocrPng } from './fixtures';

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
