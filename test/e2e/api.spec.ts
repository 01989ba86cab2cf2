// The REST contract through fetch() from a page of the app: every endpoint, status and error.
import { SHARED_DIR } from '../shared-dir';
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { postFile, useBrowser } from './browser';
import { scannedPdf, testocrPng, textPdf } from './fixtures';
import { signVoucher } from './vouchers';

type Json = Record<string, any>;

async function api(page: Page, method: string, path: string, opts: { token?: string; json?: unknown; query?: string } = {}): Promise<{ status: number; body: Json; headers: Record<string, string> }> {
  return page.evaluate(
    async ({ method, path, opts }) => {
      const headers: Record<string, string> = {};
      if (opts.token) headers.Authorization = `Bearer ${opts.token}`;
      if (opts.json !== undefined) headers['Content-Type'] = 'application/json';
      const res = await fetch(path, { method, headers, body: opts.json !== undefined ? JSON.stringify(opts.json) : undefined });
      const text = await res.text();
      let body: unknown = null;
      try { body = JSON.parse(text); } catch { body = { raw: text }; }
      return { status: res.status, body: body as Record<string, unknown>, headers: Object.fromEntries(res.headers) };
    },
    { method, path, opts },
  );
}

async function createAccount(page: Page): Promise<string> {
  const res = await api(page, 'POST', '/api/v1/account/');
  expect(res.status).toBe(201);
  return res.body.token as string;
}

async function pollDone(page: Page, uuid: string, token?: string): Promise<Json> {
  for (let i = 0; i < 240; i++) {
    const r = await api(page, 'GET', `/api/v1/ocr/${uuid}/`, { token });
    if (r.body.status === 'done' || r.body.status === 'failed') return r.body;
    await page.waitForTimeout(500);
  }
  throw new Error('job did not finish');
}

describe('the REST contract', () => {
  const s = useBrowser();
  let page: Page;
  beforeAll(async () => {
    page = await s.open('/');
  });

  it("the seed's JavaScript example runs as written, with only its base URL and token changed", async () => {
    const token = await createAccount(page);
    const seed = readFileSync(`${SHARED_DIR}/seed/ocr-chat-api.pt.txt`, 'utf8');
    const start = seed.indexOf('import fs from "fs";');
    const end = seed.indexOf('console.log(job.markdown);') + 'console.log(job.markdown);'.length;
    expect(start).toBeGreaterThan(0);
    let example = seed.slice(start, end);
    example = example.replace('https://ocr.chat/api/v1/ocr/', `${new URL(page.url()).origin}/api/v1/ocr/`).replace('YOUR_API_TOKEN', token);
    // The page has no node:fs: the import becomes a stand-in that reads the test's file.
    example = example.replace('import fs from "fs";', 'const fs = { readFileSync: () => window.__invoice };');
    const pdf = textPdf(2);
    const printed = await page.evaluate(
      async ({ code, data }) => {
        (window as unknown as { __invoice: Uint8Array }).__invoice = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
        const lines: string[] = [];
        const log = console.log;
        console.log = (...a: unknown[]) => lines.push(a.join(' '));
        try {
          await new Function(`return (async () => { ${code} })()`)();
        } finally {
          console.log = log;
        }
        return lines.join('\n');
      },
      { code: example, data: pdf.toString('base64') },
    );
    expect(printed).toContain('Chapter 1');
    expect(printed).toContain('Chapter 2');
  });

  it('validates before it stores or charges: 400 with an error and a detail a person can act on', async () => {
    const before = await api(page, 'GET', '/api/v1/account/');
    const cases: [Buffer, string, Record<string, string>, string][] = [
      [Buffer.from('%PDF-1.4 truncated'), 'broken.pdf', {}, 'undecodable_file'],
      [Buffer.alloc(0), 'empty.png', {}, 'empty_file'],
      [Buffer.from('GIF89a\x02\x00\x02\x00 and then nothing but junk'), 'a.gif', {}, 'undecodable_file'],
      [testocrPng, 'x.png', { tier: 'gpu' }, 'bad_tier'],
      [testocrPng, 'x.png', { language: 'klingon' }, 'unknown_language'],
      [testocrPng, 'x.png', { tier: 'vlm', language: 'ar' }, 'language_not_on_tier'],
      [testocrPng, 'x.png', { tool: 'make-coffee' }, 'unknown_tool'],
      [testocrPng, 'x.png', { tool: 'translate', translate_to: 'xx-nope' }, 'unknown_language'],
      [testocrPng, 'x.png', { tool: 'translate' }, 'missing_translate_to'],
      [Buffer.alloc(9 * 1024 * 1024, 1), 'big.png', {}, 'file_too_large'],
      [textPdf(13), 'long.pdf', {}, 'too_many_pages'],
    ];
    for (const [bytes, name, fields, code] of cases) {
      const r = await postFile(page, bytes, name, fields);
      expect(r.status, `${name} ${JSON.stringify(fields)}`).toBe(400);
      expect(r.body.error).toBe(code);
      expect(String(r.body.detail).length).toBeGreaterThan(20);
    }
    const after = await api(page, 'GET', '/api/v1/account/');
    expect(after.body.used).toBe(before.body.used);
    const jobs = await api(page, 'GET', '/api/v1/ocr/');
    expect((jobs.body.jobs as unknown[]).length).toBe((await api(page, 'GET', '/api/v1/ocr/')).body.jobs.length);
  });

  it('accepts the seed short codes, Tesseract codes and + sets', async () => {
    for (const language of ['en', 'eng', 'eng+deu', 'de']) {
      const r = await postFile(page, textPdf(1), 'one.pdf', { language });
      expect(r.status, language).toBe(200);
      expect(r.body.language).toBe(language);
    }
  });

  it('a 7-page PDF answers 202 at once, shows pages_done and then finishes; 409 before done', async () => {
    const token = await createAccount(page);
    const r = await postFile(page, scannedPdf(7), 'seven.pdf', {}, token);
    expect(r.status).toBe(202);
    expect(['pending', 'processing']).toContain(r.body.status);
    expect(r.body.page_count).toBe(7);
    const early = await api(page, 'GET', `/api/v1/ocr/${r.body.uuid}/download/?format=txt`, { token });
    expect(early.status).toBe(409);
    expect(early.body.error).toBe('job_not_done');
    const chatEarly = await api(page, 'POST', `/api/v1/chat/${r.body.uuid}/`, { token, json: { message: 'what?' } });
    expect(chatEarly.status).toBe(409);
    const seen = new Set<number>();
    const progress = new Set<number>();
    let job: Json = r.body;
    while (job.status !== 'done' && job.status !== 'failed') {
      await page.waitForTimeout(300);
      // ?summary=1: status and progress from the job record, no pages (a cheap poll).
      const s = (await api(page, 'GET', `/api/v1/ocr/${r.body.uuid}/?summary=1`, { token })).body;
      expect(Object.keys(s)).toEqual(expect.arrayContaining(['uuid', 'status', 'tier', 'file_name', 'page_count', 'pages_done', 'created_at']));
      expect(s).not.toHaveProperty('pages');
      expect(s).not.toHaveProperty('text');
      expect(s.page_count).toBe(7);
      progress.add(s.pages_done);
      job = (await api(page, 'GET', `/api/v1/ocr/${r.body.uuid}`, { token })).body; // no trailing slash
      seen.add(job.pages_done);
    }
    expect(progress.size).toBeGreaterThan(1);
    const last = (await api(page, 'GET', `/api/v1/ocr/${r.body.uuid}/?summary=1`, { token })).body;
    expect(last).toMatchObject({ status: 'done', pages_done: 7, page_count: 7 });
    expect(job.status).toBe('done');
    expect(job.pages).toHaveLength(7);
    expect(seen.size).toBeGreaterThan(2);
    expect(job.text).toMatch(/quick brown/);
    const account = await api(page, 'GET', '/api/v1/account', { token });
    expect(account.body).toMatchObject({ plan: 'free', used: 7 });
  });

  it('each page carries where its time went (timings_ms, diagnostic), and the engine workers count their busy time', async () => {
    const before = await page.evaluate(() => (window as any).ocrchat.workers());
    const token = await createAccount(page);
    const r = await postFile(page, testocrPng, 'timed.png', { language: 'eng' }, token);
    expect(r.status).toBe(200);
    const job = r.body.status === 'done' ? r.body : await pollDone(page, r.body.uuid, token);
    expect(job.status).toBe('done');
    const t = job.pages[0].timings_ms;
    for (const step of ['queue', 'decode', 'preprocess', 'recognize', 'rules', 'layout', 'store']) expect(typeof t[step], step).toBe('number');
    expect(t.recognize).toBeGreaterThan(0);
    // Recognition is the largest share of a clear page's work.
    expect(t.recognize).toBeGreaterThan(t.decode + t.layout + t.store);
    const after = await page.evaluate(() => (window as any).ocrchat.workers());
    expect(after.recognize.lanes.length).toBeGreaterThan(0);
    const busy = (s: any) => (s?.recognize?.lanes ?? []).reduce((n: number, l: any) => n + l.busyMs, 0);
    const uses = (s: any) => (s?.recognize?.lanes ?? []).reduce((n: number, l: any) => n + l.uses, 0);
    expect(busy(after) - busy(before)).toBeGreaterThanOrEqual(t.recognize * 0.5);
    expect(uses(after)).toBeGreaterThan(uses(before));
    expect(after.recognize.at).toBeGreaterThan(before.recognize?.at ?? 0);
  });

  it('404 for an unknown job or endpoint; a missing trailing slash still routes', async () => {
    expect((await api(page, 'GET', '/api/v1/ocr/3f1f1f1f-0000-4000-8000-000000000000/')).status).toBe(404);
    expect((await api(page, 'GET', '/api/v1/ocr/3f1f1f1f-0000-4000-8000-000000000000/download/?format=txt')).status).toBe(404);
    expect((await api(page, 'GET', '/api/v1/nothing-here/')).status).toBe(404);
    expect((await api(page, 'GET', '/api/v1/account')).status).toBe(200);
  });

  it('auth: Bearer or ?api_token=, unknown token 401, tokens stored as hashes, rotation retires the old one', async () => {
    const token = await createAccount(page);
    expect((await api(page, 'GET', '/api/v1/account/', { token })).body.plan).toBe('free');
    expect((await api(page, 'GET', `/api/v1/account/?api_token=${token}`)).body.plan).toBe('free');
    const bad = await api(page, 'GET', '/api/v1/account/', { token: 'ocr_not-a-real-token' });
    expect(bad.status).toBe(401);
    expect(bad.body.error).toBe('invalid_token');
    const stored = await page.evaluate(async () => {
      const req = indexedDB.open('ocrchat');
      const db: IDBDatabase = await new Promise((res) => (req.onsuccess = () => res(req.result)));
      const rows: unknown[] = await new Promise((res) => { const r = db.transaction('accounts').objectStore('accounts').getAll(); r.onsuccess = () => res(r.result); });
      db.close();
      return JSON.stringify(rows);
    });
    expect(stored).not.toContain(token);
    const rotated = await api(page, 'POST', '/api/v1/account/token/', { token });
    expect(rotated.status).toBe(200);
    expect((await api(page, 'GET', '/api/v1/account/', { token })).status).toBe(401);
    expect((await api(page, 'GET', '/api/v1/account/', { token: rotated.body.token })).status).toBe(200);
    // Chat needs an account: anonymous is 401.
    const anonChat = await api(page, 'POST', '/api/v1/chat/3f1f1f1f-0000-4000-8000-000000000000/', { json: { message: 'hi' } });
    expect(anonChat.status).toBe(401);
  });

  it('metering: 402 with used and cap when the free bucket runs out; vouchers add credits once', async () => {
    const token = await createAccount(page);
    // The test build's free bucket is 40 pages a month.
    // Four uploads in a row, without waiting: pages still queued count against the bucket.
    const uuids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const r = await postFile(page, textPdf(10), `ten-${i}.pdf`, {}, token);
      expect(r.status).toBe(202);
      uuids.push(r.body.uuid as string);
    }
    const over = await postFile(page, textPdf(1), 'one.pdf', {}, token);
    expect(over.status).toBe(402);
    expect(over.body).toMatchObject({ error: 'payment_required', used: 40, cap: 40 });
    for (const uuid of uuids) expect((await pollDone(page, uuid, token)).status).toBe('done');
    expect((await api(page, 'GET', '/api/v1/account/', { token })).body).toMatchObject({ used: 40, cap: 40, credits: 0 });
    const bogus = await api(page, 'POST', '/api/v1/account/credits/', { token, json: { voucher: 'eyJpZCI6IngifQ.AAAA' } });
    expect(bogus.status).toBe(400);
    const voucher = signVoucher({ id: `v-${Date.now()}`, credits: 25 });
    const redeemed = await api(page, 'POST', '/api/v1/account/credits/', { token, json: { voucher } });
    expect(redeemed.status).toBe(200);
    expect(redeemed.body).toMatchObject({ plan: 'paid', credits: 25 });
    expect((await api(page, 'POST', '/api/v1/account/credits/', { token, json: { voucher } })).status).toBe(409);
    const paid = await postFile(page, textPdf(2), 'two.pdf', {}, token);
    expect(paid.status).toBe(200);
    expect((await api(page, 'GET', '/api/v1/account/', { token })).body).toMatchObject({ plan: 'paid', used: 2, credits: 23 });
  });

  it('lists the caller’s jobs newest first and deletes a job with its files', async () => {
    const token = await createAccount(page);
    const a = await postFile(page, textPdf(1), 'a.pdf', {}, token);
    const b = await postFile(page, textPdf(1), 'b.pdf', {}, token);
    const list = await api(page, 'GET', '/api/v1/ocr/', { token });
    expect(list.body.jobs.map((j: Json) => j.uuid)).toEqual([b.body.uuid, a.body.uuid]);
    const del = await api(page, "DELETE", `/api/v1/ocr/${a.body.uuid}/`, { token });
    expect(del.status).toBe(204);
    expect((await api(page, 'GET', `/api/v1/ocr/${a.body.uuid}/`, { token })).status).toBe(404);
    const files = await page.evaluate(async (uuid) => {
      const req = indexedDB.open('ocrchat');
      const db: IDBDatabase = await new Promise((res) => (req.onsuccess = () => res(req.result)));
      const keys: IDBValidKey[] = await new Promise((res) => { const r = db.transaction('files').objectStore('files').getAllKeys(); r.onsuccess = () => res(r.result); });
      db.close();
      return keys.filter((k) => String(k).startsWith(uuid as string)).length;
    }, a.body.uuid as string);
    expect(files).toBe(0);
    // Another caller does not see these jobs.
    expect((await api(page, 'GET', `/api/v1/ocr/${b.body.uuid}/`)).status).toBe(404);
  });
});
