// Documents in, text out: every input format, bad input, PDF text layers, upright pages, languages.
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { GifWriter } from 'omggif';
import { postFile, useBrowser } from './browser';
import { bornDigitalWithHiddenNote, encryptedPdf, hugePngHeader, mixedPdf, multiPageTiff, scanWithOldOcrLayer, sidebarPdf, testocrPng, textPdf } from './fixtures';

/** Renders text to an image in the page (canvas, DejaVu fonts), turned by `degrees`, as `type`. */
async function renderText(page: Page, lines: string[], opts: { degrees?: number; type?: string; width?: number; ink?: string; paper?: string } = {}): Promise<Buffer> {
  const b64 = await page.evaluate(async ({ lines, degrees, type, width, ink, paper }) => {
    const w = width, lh = 44, h = lines.length * lh + 80;
    const quarter = degrees === 90 || degrees === 270;
    // A skewed page is drawn on a sheet large enough to hold all of it.
    const rad = (Math.abs(degrees % 90) * Math.PI) / 180;
    const skewW = Math.ceil(w * Math.cos(rad) + h * Math.sin(rad));
    const skewH = Math.ceil(w * Math.sin(rad) + h * Math.cos(rad));
    const c = new OffscreenCanvas(quarter ? h : skewW, quarter ? w : skewH);
    const ctx = c.getContext('2d')!;
    ctx.fillStyle = paper;
    ctx.fillRect(0, 0, c.width, c.height);
    ctx.translate(c.width / 2, c.height / 2);
    ctx.rotate((degrees * Math.PI) / 180);
    ctx.translate(-w / 2, -h / 2);
    ctx.fillStyle = ink;
    ctx.font = '30px "DejaVu Serif", serif';
    lines.forEach((l, i) => ctx.fillText(l, 40, 60 + i * lh));
    const blob = await c.convertToBlob({ type });
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let s = '';
    for (const b of bytes) s += String.fromCharCode(b);
    return btoa(s);
  }, { lines, degrees: opts.degrees ?? 0, type: opts.type ?? 'image/png', width: opts.width ?? 1400, ink: opts.ink ?? '#000', paper: opts.paper ?? '#fff' });
  return Buffer.from(b64, 'base64');
}

async function rgbOf(page: Page, png: Buffer): Promise<{ width: number; height: number; rgb: Uint8Array }> {
  const r = await page.evaluate(async (b64) => {
    const bmp = await createImageBitmap(new Blob([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))]));
    const c = new OffscreenCanvas(bmp.width, bmp.height);
    const ctx = c.getContext('2d')!;
    ctx.drawImage(bmp, 0, 0);
    const d = ctx.getImageData(0, 0, bmp.width, bmp.height).data;
    let rgb = '';
    for (let i = 0; i < d.length; i += 4) rgb += String.fromCharCode(d[i]!, d[i + 1]!, d[i + 2]!);
    return { width: bmp.width, height: bmp.height, rgb: btoa(rgb) };
  }, png.toString('base64'));
  return { width: r.width, height: r.height, rgb: new Uint8Array(Buffer.from(r.rgb, 'base64')) };
}

const ENGLISH = ['The quick brown fox jumps over the lazy dog.', 'Invoice number 4711 is due on March 3, 2026.', 'Please keep this receipt for your records.'];
const GERMAN = ['Die Würde des Menschen ist unantastbar. Sie zu achten', 'und zu schützen ist Verpflichtung aller staatlichen', 'Gewalt. Das deutsche Volk bekennt sich darum zu', 'unverletzlichen und unveräußerlichen Menschenrechten.'];
const RUSSIAN = ['Все люди рождаются свободными и равными в своём', 'достоинстве и правах. Они наделены разумом и совестью', 'и должны поступать в отношении друг друга в духе братства.'];

describe('documents in, text out', () => {
  const s = useBrowser();
  let page: Page;
  beforeAll(async () => {
    page = await s.open('/');
  });

  it('reads PNG, JPG, WEBP and BMP, decided by content whatever the name says', async () => {
    for (const type of ['image/png', 'image/jpeg', 'image/webp']) {
      const img = await renderText(page, ENGLISH, { type });
      const r = await postFile(page, img, 'misnamed.txt');
      expect(r.status, type).toBe(200);
      expect(r.body.text, type).toMatch(/quick brown fox/);
    }
    // GIF and BMP: encoded in Node from the PNG's pixels.
    const { width, height, rgb } = await rgbOf(page, testocrPng);
    const bmp = bmp24(width, height, rgb);
    const r = await postFile(page, bmp, 'scan.bmp');
    expect(r.status).toBe(200);
    expect(r.body.text).toMatch(/lazy fox/);
    // An animated GIF is read from its first frame.
    const other = await rgbOf(page, await renderText(page, ['Nothing on this frame should be read.'], { width }));
    const gif = gif2(width, height, rgb, other.width, other.height, other.rgb);
    const g = await postFile(page, gif, 'scan.gif');
    expect(g.status).toBe(200);
    expect(g.body.page_count).toBe(1);
    expect(g.body.text).toMatch(/lazy fox/);
    expect(g.body.text).not.toMatch(/Nothing on this frame/);
  });

  it("a grey page saved as a colour JPEG is read from its decoder's luma plane; a coloured page, a PNG and a photo turned by EXIF from their files", async () => {
    const debug: string[] = [];
    const listen = (m: { text(): string }) => {
      if (m.text().startsWith('ocrchat page')) debug.push(m.text());
    };
    const timingsOf = (uuid: string) => JSON.parse(debug.find((d) => d.includes(uuid))!.replace(/^ocrchat page \S+ \d+ /, ''));
    /** The lines printed in `ink` on `paper`, as the browser's JPEG encoder saves them (YCbCr). */
    const jpeg = async (paper: string, ink: string) =>
      Buffer.from(
        await page.evaluate(
          async ({ lines, paper, ink }) => {
            const c = new OffscreenCanvas(1400, 260);
            const ctx = c.getContext('2d')!;
            ctx.fillStyle = paper;
            ctx.fillRect(0, 0, c.width, c.height);
            ctx.fillStyle = ink;
            ctx.font = '30px "DejaVu Serif", serif';
            lines.forEach((l, i) => ctx.fillText(l, 40, 60 + i * 44));
            const bytes = new Uint8Array(await (await c.convertToBlob({ type: 'image/jpeg', quality: 0.9 })).arrayBuffer());
            let s = '';
            for (const x of bytes) s += String.fromCharCode(x);
            return btoa(s);
          },
          { lines: ENGLISH, paper, ink },
        ),
        'base64',
      );
    page.on('console', listen);
    try {
      // black print on white paper, saved in colour as scanners and phones do
      const grey = await postFile(page, await jpeg('#ffffff', '#111111'), 'scan.jpg', { language: 'eng' });
      expect(grey.body.status).toBe('done');
      for (const line of ENGLISH) expect(grey.body.text).toContain(line);
      expect(timingsOf(grey.body.uuid).lumaPixels).toBe(1400 * 260);
      // the words' boxes are on the page as uploaded
      const quick = grey.body.pages[0].blocks.flatMap((b: { lines: { words: { text: string; bbox: number[] }[] }[] }) => b.lines.flatMap((l) => l.words)).find((w: { text: string }) => w.text === 'quick');
      expect(quick.bbox[0]).toBeGreaterThan(80);
      expect(quick.bbox[1]).toBeGreaterThan(25);
      expect(quick.bbox[3]).toBeLessThan(75);

      // dark blue print on cream paper: Tesseract's own colour path reads it
      const tinted = await postFile(page, await jpeg('#f3ead2', '#1b2a6b'), 'photo.jpg', { language: 'eng' });
      for (const line of ENGLISH) expect(tinted.body.text).toContain(line);
      expect(timingsOf(tinted.body.uuid).lumaPixels).toBeUndefined();
      const png = await postFile(page, await renderText(page, ENGLISH), 'page.png', { language: 'eng' });
      expect(png.body.text).toMatch(/quick brown fox/);
      expect(timingsOf(png.body.uuid).lumaPixels).toBeUndefined();
      const turned = await postFile(page, readFileSync('test/fixtures/photo-exif-orientation-6.jpg'), 'phone.jpg', { language: 'eng' });
      expect(turned.body.text).toMatch(/lazy fox/);
      expect(timingsOf(turned.body.uuid).lumaPixels).toBeUndefined();
    } finally {
      page.off('console', listen);
    }
  });

  it('a long page uploaded alone is read by two workers at once, a half each, and put back whole and in order', async () => {
    const debug: string[] = [];
    const listen = (m: { text(): string }) => {
      if (m.text().startsWith('ocrchat page')) debug.push(m.text());
    };
    const WORDS = ['amber', 'birch', 'cedar', 'delta', 'ember', 'fjord', 'grove', 'harbor', 'inlet', 'jetty'];
    // one paragraph of prose, its lines of differing words running across the page
    const lines = Array.from({ length: 72 }, (_, i) => {
      const words = [`Line ${i + 1}`];
      for (let k = 0; words.join(' ').length < 66 + ((i * 5) % 8); k++) words.push(WORDS[(i * 3 + k * 7) % 10]!);
      return words.join(' ');
    });
    page.on('console', listen);
    try {
      const r = await postFile(page, await renderText(page, lines), 'long.png', { language: 'eng' });
      expect(r.body.status).toBe('done');
      const timings = JSON.parse(debug.find((d) => d.includes(r.body.uuid))!.replace(/^ocrchat page \S+ \d+ /, ''));
      // cut between two lines near the middle of the 3248-pixel page
      expect(timings.split).toBeGreaterThan(1000);
      expect(timings.split).toBeLessThan(2300);
      // every line, in order; the paragraph the cut ran through is one block again
      const text: string = r.body.text;
      let at = -1;
      for (let i = 1; i <= 72; i++) {
        const next = text.indexOf(lines[i - 1]!);
        expect(next, `line ${i} in ${text.slice(0, 400)}`).toBeGreaterThan(at);
        at = next;
      }
      const blocks: { lines: { text: string; bbox: number[] }[] }[] = r.body.pages[0].blocks;
      const blockOf = (y: (l: { bbox: number[] }) => boolean) => blocks.findIndex((b) => b.lines.some(y));
      const above = blockOf((l) => l.bbox[3] <= timings.split && l.bbox[3] > timings.split - 44);
      const below = blockOf((l) => l.bbox[1] >= timings.split && l.bbox[1] < timings.split + 44);
      expect(above, JSON.stringify(blocks.map((b) => [b.lines[0]!.bbox[1], b.lines.length]))).toBeGreaterThanOrEqual(0);
      expect(below).toBe(above);
      // a word of the lower half has its box where it is on the page
      const words = r.body.pages[0].blocks.flatMap((b: { lines: { words: { text: string; bbox: number[] }[] }[] }) => b.lines.flatMap((l) => l.words));
      const last = words.filter((w: { text: string }) => w.text === '72').pop();
      expect(last.bbox[1]).toBeGreaterThan(60 + 71 * 44 - 40);
      expect(last.bbox[3]).toBeLessThan(60 + 71 * 44 + 20);

      // the same page printed in blue on cream: Tesseract reads it in colour, from its file, whole
      const blue = await postFile(page, await renderText(page, lines, { ink: '#1b2a6b', paper: '#f3ead2' }), 'blue.png', { language: 'eng' });
      expect(blue.body.status).toBe('done');
      expect(JSON.parse(debug.find((d) => d.includes(blue.body.uuid))!.replace(/^ocrchat page \S+ \d+ /, '')).split).toBeUndefined();
      expect(blue.body.text).toContain(lines[40]);

      // a file of two such pages: they are read at once, each whole on a worker of its own
      // (neither waits for the other's halves)
      // (1000×1224 pixels each, over a megapixel, uncompressed under the plan's 8 MB)
      const half = await rgbOf(page, await renderText(page, lines.slice(0, 26).map((l) => l.slice(0, 44)), { width: 1000 }));
      const two = await postFile(page, multiPageTiff([half, half]), 'two.tif', { language: 'eng' });
      expect(two.body.status, JSON.stringify(two.body).slice(0, 300)).toBe('done');
      const pages = debug.filter((d) => d.includes(two.body.uuid)).map((d) => JSON.parse(d.replace(/^ocrchat page \S+ \d+ /, '')));
      expect(pages).toHaveLength(2);
      for (const p of pages) expect(p.split, JSON.stringify(pages)).toBeUndefined();
    } finally {
      page.off('console', listen);
    }
  });

  it('a page scanned a few degrees askew is read as well as a straight one', async () => {
    const straight = await postFile(page, await renderText(page, ENGLISH), 'straight.png', { language: 'eng' });
    for (const degrees of [-4, 3]) {
      const img = await renderText(page, ENGLISH, { degrees });
      const r = await postFile(page, img, `skew${degrees}.png`, { language: 'eng' });
      expect(r.status).toBe(200);
      const words = (t: string) => t.split(/\s+/).filter(Boolean);
      const want = new Set(words(straight.body.text));
      const got = words(r.body.text);
      const right = got.filter((w: string) => want.has(w)).length;
      expect(right / want.size, `${degrees}°: ${r.body.text}`).toBeGreaterThan(0.95);
      // The boxes are on the page as uploaded (not on Tesseract's straightened copy): each
      // word's box holds its ink, at the far ends of the lines too.
      const boxes = r.body.pages[0].blocks.flatMap((b: { lines: { words: { text: string; bbox: number[] }[] }[] }) => b.lines.flatMap((l) => l.words)).filter((w: { text: string }) => w.text.length >= 4);
      const inked = await page.evaluate(async ({ b64, boxes }) => {
        const bmp = await createImageBitmap(new Blob([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))]));
        const c = new OffscreenCanvas(bmp.width, bmp.height);
        const ctx = c.getContext('2d')!;
        ctx.drawImage(bmp, 0, 0);
        return boxes.map((bb: number[]) => {
          const [x0, y0, x1, y1] = bb as [number, number, number, number];
          const d = ctx.getImageData(x0, y0, Math.max(1, x1 - x0), Math.max(1, y1 - y0)).data;
          let dark = 0;
          for (let i = 0; i < d.length; i += 4) if (d[i]! < 128) dark++;
          return dark / (d.length / 4);
        });
      }, { b64: img.toString('base64'), boxes: boxes.map((w: { bbox: number[] }) => w.bbox) });
      expect(inked.filter((f: number) => f > 0.08).length / inked.length, `${degrees}°: ink in boxes ${inked.map((f: number) => f.toFixed(2)).join(' ')}`).toBeGreaterThan(0.9);
    }
  });

  it('reads every page of a multi-page TIFF', async () => {
    const a = await rgbOf(page, testocrPng);
    const b = await rgbOf(page, await renderText(page, ENGLISH));
    const tiff = multiPageTiff([a, b]);
    const r = await postFile(page, tiff, 'two.tif');
    expect(r.status).toBe(200);
    expect(r.body.page_count).toBe(2);
    expect(r.body.pages[0].text).toMatch(/lazy fox/);
    expect(r.body.pages[1].text).toMatch(/quick brown fox/);
  });

  it('bad files: encrypted PDF, truncated file, 0 bytes, 100+ megapixels → a clear 400', async () => {
    const cases: [Buffer, string, string][] = [
      [encryptedPdf(), 'locked.pdf', 'encrypted_pdf'],
      [textPdf(2).subarray(0, 400), 'cut.pdf', 'undecodable_file'],
      [testocrPng.subarray(0, 3000), 'cut.png', 'undecodable_file'],
      [Buffer.alloc(0), 'nothing.png', 'empty_file'],
      [hugePngHeader(), 'huge.png', 'image_too_large'],
    ];
    for (const [bytes, name, code] of cases) {
      const r = await postFile(page, bytes, name);
      expect(r.status, name).toBe(400);
      expect(r.body.error, name).toBe(code);
    }
    // The app still works after all that.
    expect((await postFile(page, testocrPng, 'ok.png')).body.status).toBe('done');
  });

  it('a born-digital PDF is read from its text layer and matches pdftotext', async () => {
    const pdf = textPdf(3);
    const r = await postFile(page, pdf, 'digital.pdf');
    expect(r.status).toBe(200);
    const dir = mkdtempSync(join(tmpdir(), 'pdf-'));
    writeFileSync(join(dir, 'a.pdf'), pdf);
    const poppler = execFileSync('pdftotext', [join(dir, 'a.pdf'), '-'], { encoding: 'utf8' }).split('\f');
    for (let i = 0; i < 3; i++) {
      const ours = r.body.pages[i];
      expect(ours.source).toBe('pdf-text');
      const words = (t: string) => t.split(/\s+/).filter(Boolean).sort().join(' ');
      expect(words(ours.text)).toBe(words(poppler[i]!));
      expect(ours.blocks.every((b: { confidence: number }) => b.confidence === 1)).toBe(true);
    }
    // No page was rendered while the job ran; the page image is drawn when asked for, at the
    // size the words were measured at, and kept.
    const image = await page.evaluate(async ({ uuid, i }) => {
      const stored = async () => {
        const db = await new Promise<IDBDatabase>((res, rej) => {
          const req = indexedDB.open('ocrchat');
          req.onsuccess = () => res(req.result);
          req.onerror = () => rej(req.error);
        });
        const key = `${uuid}/page/${i}`;
        const found = await new Promise<boolean>((res) => {
          const get = db.transaction('files').objectStore('files').get(key);
          get.onsuccess = () => res(get.result !== undefined);
          get.onerror = () => res(false);
        });
        db.close();
        return found;
      };
      const before = await stored();
      const res = await fetch(`/api/v1/ocr/${uuid}/pages/${i}/image`);
      const blob = await res.blob();
      const bmp = await createImageBitmap(blob);
      return { before, status: res.status, type: blob.type, width: bmp.width, height: bmp.height, after: await stored() };
    }, { uuid: r.body.uuid, i: 1 });
    expect(image).toMatchObject({ before: false, status: 200, type: 'image/jpeg', width: r.body.pages[1].width, after: true });
    expect(Math.abs(image.height - r.body.pages[1].height)).toBeLessThanOrEqual(1);
  });

  it('a born-digital page with a sidebar reads in the order pdftotext gives, word for word', async () => {
    const pdf = sidebarPdf();
    const r = await postFile(page, pdf, 'sidebar.pdf');
    expect(r.status).toBe(200);
    const dir = mkdtempSync(join(tmpdir(), 'pdf-'));
    writeFileSync(join(dir, 'a.pdf'), pdf);
    const poppler = execFileSync('pdftotext', [join(dir, 'a.pdf'), '-'], { encoding: 'utf8' });
    const fold = (t: string) => t.replace(/\s+/g, ' ').trim();
    expect(r.body.pages[0].source).toBe('pdf-text');
    expect(fold(r.body.pages[0].text)).toBe(fold(poppler));
    // The sidebar's title sits between the first two paragraphs, and its list comes last.
    expect(fold(r.body.pages[0].text)).toMatch(/as well\. Sidebar The often.*not before it\. Belamcanda/);
  });

  it('a mixed PDF mixes text layer and OCR per page; an old invisible OCR layer is recognised afresh', async () => {
    const mixed = await postFile(page, mixedPdf(), 'mixed.pdf');
    expect(mixed.body.pages.map((p: { source: string }) => p.source)).toEqual(['pdf-text', 'ocr']);
    expect(mixed.body.pages[1].text).toMatch(/quick brown/);
    const old = await postFile(page, scanWithOldOcrLayer(), 'old-ocr.pdf');
    expect(old.body.pages[0].source).toBe('ocr');
    expect(old.body.text).toMatch(/quick brown/);
    expect(old.body.text).not.toMatch(/GARBLED/);
    // A picture and a little hidden text do not make a born-digital page a scan.
    const note = await postFile(page, bornDigitalWithHiddenNote(), 'report.pdf');
    expect(note.body.pages[0].source).toBe('pdf-text');
    expect(note.body.text).toMatch(/Visible body text of a born-digital report page\./);
  });

  it('pages turned 90, 180 and 270 degrees are made upright first', async () => {
    for (const degrees of [90, 180, 270]) {
      const img = await renderText(page, ENGLISH, { degrees });
      const r = await postFile(page, img, `turned-${degrees}.png`, { language: 'eng' });
      expect(r.body.text, `${degrees}°`).toMatch(/quick brown fox/);
      // The scan was turned clockwise by `degrees`; undoing that takes the rest of a full turn.
      expect(r.body.pages[0].rotation).toBe((360 - degrees) % 360);
      expect(r.body.pages[0].width).toBe(1400);
    }
  });

  it('language=auto detects German and Russian and reads them with their traineddata', async () => {
    const de = await postFile(page, await renderText(page, GERMAN), 'de.png');
    expect(de.body.detected_language).toBe('deu');
    expect(de.body.text).toMatch(/Würde des Menschen/);
    expect(de.body.text).toMatch(/unveräußerlichen/);
    const ru = await postFile(page, await renderText(page, RUSSIAN), 'ru.png');
    expect(ru.body.detected_language).toBe('rus');
    expect(ru.body.text).toMatch(/свободными/);
  });
});

/** A two-frame GIF (omggif), each frame in black and white. */
function gif2(w1: number, h1: number, rgb1: Uint8Array, w2: number, h2: number, rgb2: Uint8Array): Buffer {
  const width = Math.max(w1, w2);
  const height = Math.max(h1, h2);
  const indexed = (w: number, h: number, rgb: Uint8Array) => {
    const out = new Uint8Array(width * height);
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) out[y * width + x] = rgb[(y * w + x) * 3]! < 128 ? 0 : 1;
    for (let y = 0; y < height; y++) for (let x = y < h ? w : 0; x < width; x++) out[y * width + x] = 1;
    return out;
  };
  const buf = Buffer.alloc(width * height * 2 + 4096);
  const writer = new GifWriter(buf, width, height, { palette: [0x000000, 0xffffff], loop: 0 });
  writer.addFrame(0, 0, width, height, indexed(w1, h1, rgb1), { delay: 50 });
  writer.addFrame(0, 0, width, height, indexed(w2, h2, rgb2), { delay: 50 });
  return buf.subarray(0, writer.end());
}

function bmp24(width: number, height: number, rgb: Uint8Array): Buffer {
  const stride = (width * 3 + 3) & ~3;
  const buf = Buffer.alloc(54 + stride * height);
  buf.write('BM', 0, 'latin1');
  buf.writeUInt32LE(buf.length, 2);
  buf.writeUInt32LE(54, 10);
  buf.writeUInt32LE(40, 14);
  buf.writeInt32LE(width, 18);
  buf.writeInt32LE(height, 22);
  buf.writeUInt16LE(1, 26);
  buf.writeUInt16LE(24, 28);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const s = (y * width + x) * 3;
      const d = 54 + (height - 1 - y) * stride + x * 3;
      buf[d] = rgb[s + 2]!; buf[d + 1] = rgb[s + 1]!; buf[d + 2] = rgb[s]!;
    }
  }
  return buf;
}
