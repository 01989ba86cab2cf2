// Hostile input, hostile pages: every TIFF a scanner writes reads; a damaged page fails
// alone and is not charged; a blank page says so; a huge header is refused before any
// decode; a sideways photo is read upright and its boxes drawn on the upright image.
import { beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { postFile, useBrowser } from './browser';
import { hugeHeaders } from '../fixtures/huge-headers';
import { exifOrientation, imageSize } from '../../src/documents/headers';

type Json = Record<string, any>;
const TESTOCR = /quick brown dog[\s\S]*lazy fox/;
const TIFF_DIR = 'test/fixtures/tiff';

async function api(page: Page, method: string, path: string, token?: string): Promise<{ status: number; body: Json }> {
  return page.evaluate(async ({ method, path, token }) => {
    const res = await fetch(path, { method, headers: token ? { Authorization: `Bearer ${token}` } : {} });
    return { status: res.status, body: await res.json() };
  }, { method, path, token });
}

/** An 800×600 page drawn in the page: white paper, with noise and a speck, or a gradient. PNG bytes back. */
async function drawn(page: Page, kind: 'blank' | 'specks' | 'gradient'): Promise<Buffer> {
  const b64 = await page.evaluate(async (kind) => {
    const c = new OffscreenCanvas(800, 600);
    const ctx = c.getContext('2d')!;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, 800, 600);
    if (kind === 'specks') {
      for (let i = 0; i < 4000; i++) {
        ctx.fillStyle = `rgb(${235 + (i % 20)},240,240)`;
        ctx.fillRect((i * 97) % 800, (i * 61) % 600, 1, 1);
      }
      ctx.fillStyle = '#333';
      ctx.fillRect(400, 300, 2, 2);
    }
    if (kind === 'gradient') {
      const g = ctx.createLinearGradient(0, 0, 800, 600);
      g.addColorStop(0, '#fff');
      g.addColorStop(1, '#246');
      ctx.fillStyle = g;
      ctx.fillRect(0, 0, 800, 600);
    }
    const bytes = new Uint8Array(await (await c.convertToBlob({ type: 'image/png' })).arrayBuffer());
    let s = '';
    for (const x of bytes) s += String.fromCharCode(x);
    return btoa(s);
  }, kind);
  return Buffer.from(b64, 'base64');
}

describe('hostile input, hostile pages', () => {
  const s = useBrowser();
  let page: Page;
  let token: string;
  beforeAll(async () => {
    page = await s.open('/');
    // A free account: the matrix below is more pages than an anonymous day allows.
    token = (await api(page, 'POST', '/api/v1/account/')).body.token;
  });

  it('every TIFF a scanner or converter writes reads as its text', async () => {
    const names = readdirSync(TIFF_DIR).filter((f) => f.endsWith('.tif') && !f.startsWith('three-'));
    const misread: string[] = [];
    for (const name of names) {
      const r = await postFile(page, readFileSync(`${TIFF_DIR}/${name}`), name, {}, token);
      // Read as it was stored, upright: no turn needed, the page as wide as testocr.png.
      const p = r.body.pages?.[0];
      if (r.status !== 200 || r.body.status !== 'done' || !TESTOCR.test(r.body.text) || p.warning || p.width !== 640 || (p.rotation ?? 0) !== 0) misread.push(`${name}: ${r.status} ${r.body.status} ${r.body.error ?? r.body.detail ?? r.body.pages?.[0]?.error ?? ''} ${JSON.stringify(r.body.text?.slice(0, 60))}`);
    }
    expect(misread).toEqual([]);
  }, 900_000);

  it('a damaged page fails alone, says why, and is not charged; the rest of the file reads', async () => {
    const before = (await api(page, 'GET', '/api/v1/account/', token)).body.used;
    const r = await postFile(page, readFileSync(`${TIFF_DIR}/three-pages-second-damaged.tif`), 'three.tif', {}, token);
    expect(r.status).toBe(200);
    expect(r.body.status).toBe('done');
    const [one, two, three] = r.body.pages;
    expect(one.text).toMatch(TESTOCR);
    expect(three.text).toMatch(TESTOCR);
    expect(two.error).toMatch(/^Page 2 of the TIFF is damaged: .+\.$/);
    expect(two.text).toBe('');
    const after = (await api(page, 'GET', '/api/v1/account/', token)).body.used;
    expect(after - before).toBe(2);
  });

  it('a JPEG the browser draws but Tesseract’s own decoder refuses (damaged scan data) is read from the drawing', async () => {
    const r = await postFile(page, readFileSync('test/fixtures/testocr-bad-huffman.jpg'), 'damaged.jpg', {}, token);
    expect(r.status).toBe(200);
    expect(r.body.status).toBe('done');
    expect(r.body.pages[0].error ?? null).toBeNull();
    expect(r.body.pages[0].text).toMatch(TESTOCR);
  });

  it('a blank page says so, with no confidence; a page with no words found gets a warning too', async () => {
    const blank = await postFile(page, await drawn(page, 'blank'), 'blank.png');
    expect(blank.body.status).toBe('done');
    expect(blank.body.pages[0]).toMatchObject({ text: '', confidence: 0, warning: 'The page is blank: no text was found.' });
    expect(blank.body.mean_confidence).toBe(0);
    // Scanner noise and a speck of dust on white paper are still a blank page.
    const specks = await postFile(page, await drawn(page, 'specks'), 'noise.png');
    expect(specks.body.pages[0].warning).toBe('The page is blank: no text was found.');
    // A picture with no writing: not blank, but nothing to read.
    const picture = await postFile(page, await drawn(page, 'gradient'), 'sky.png');
    expect(picture.body.status).toBe('done');
    expect(picture.body.pages[0]).toMatchObject({ text: '', confidence: 0, blocks: [] });
    expect(picture.body.pages[0].warning).toMatch(/^No text was found on this page/);
    // The job page shows the warning where the text would be, and claims no confidence.
    await page.goto(`${new URL(page.url()).origin}/#/job/${blank.body.uuid}`);
    const warning = page.getByTestId('page-warning');
    await warning.waitFor();
    expect(await warning.textContent()).toMatch(/Page 1: The page is blank: no text was found\./);
    expect(await page.locator('.meta').textContent()).not.toMatch(/mean confidence/);
    await page.goto(`${new URL(page.url()).origin}/`);
    await page.evaluate(() => (window as unknown as { ocrchat: { ready: Promise<void> } }).ocrchat.ready);
  });

  it.each(Object.keys(hugeHeaders()))('%s claiming a huge image is refused with a 400 and a sentence', async (name) => {
    const h = hugeHeaders()[name]!;
    const r = await postFile(page, h.bytes, name);
    expect(r.status).toBe(400);
    expect(r.body.error).toBe('image_too_large');
    expect(r.body.detail).toBe(`The image is ${h.width}×${h.height} pixels (${Math.round((h.width * h.height) / 1e6)} megapixels); the limit is 100. Scale it down and try again.`);
  });

  it('a photo turned by its EXIF orientation is read upright, and its boxes lie on the upright image', async () => {
    const photo = readFileSync('test/fixtures/photo-exif-orientation-6.jpg');
    const r = await postFile(page, photo, 'phone.jpg', { language: 'eng' });
    expect(r.body.text).toMatch(TESTOCR);
    const p = r.body.pages[0];
    expect([p.width, p.height]).toEqual([640, 480]);
    expect(p.rotation ?? 0).toBe(0);
    const served = await page.evaluate(async (uuid) => {
      const res = await fetch(`/api/v1/ocr/${uuid}/pages/0/image/`);
      const bytes = new Uint8Array(await res.arrayBuffer());
      let s = '';
      for (const x of bytes) s += String.fromCharCode(x);
      return { status: res.status, b64: btoa(s) };
    }, r.body.uuid);
    expect(served.status).toBe(200);
    // Upright in its pixels, not by an EXIF tag a reader may ignore.
    const image = new Uint8Array(Buffer.from(served.b64, 'base64'));
    expect(exifOrientation(image, 'jpeg')).toBe(1);
    expect(imageSize(image, 'jpeg')).toEqual({ width: 640, height: 480 });
    // Each word's box holds ink on the served image.
    const words = p.blocks.flatMap((b: Json) => b.lines.flatMap((l: Json) => l.words)).filter((w: Json) => w.text.length >= 4);
    const inked: number[] = await page.evaluate(async ({ b64, boxes }) => {
      const bmp = await createImageBitmap(new Blob([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))]));
      const c = new OffscreenCanvas(bmp.width, bmp.height);
      const ctx = c.getContext('2d')!;
      ctx.drawImage(bmp, 0, 0);
      return boxes.map(([x0, y0, x1, y1]: number[]) => {
        const d = ctx.getImageData(x0!, y0!, Math.max(1, x1! - x0!), Math.max(1, y1! - y0!)).data;
        let dark = 0;
        for (let i = 0; i < d.length; i += 4) if (d[i]! < 128) dark++;
        return dark / (d.length / 4);
      });
    }, { b64: served.b64, boxes: words.map((w: Json) => w.bbox) });
    expect(words.length).toBeGreaterThan(20);
    expect(inked.filter((f) => f > 0.08).length / inked.length).toBeGreaterThan(0.9);
  });
});
