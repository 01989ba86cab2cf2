// Helpers for the UI tests: files handed over as a person would (drop, paste, pick),
// and checks that every screen shares (names for screen readers, sideways scroll).
import type { Page } from 'playwright-core';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jsPDF } from 'jspdf';
import { screenshotPath } from './browser';
import { testocrPng } from './fixtures';

export interface Upload { name: string; type: string; data: Buffer }
export const png = (name = 'testocr.png'): Upload => ({ name, type: 'image/png', data: testocrPng });

/** A born-digital page with a heading, an aligned table and a line of raw HTML. */
export function tablePdf(): Buffer {
  const doc = new jsPDF({ unit: 'pt', format: 'letter' });
  doc.setFontSize(20);
  doc.text('Quarterly report', 72, 80);
  doc.setFontSize(12);
  const rows = [['Region', 'Q1', 'Q2', 'Q3'], ['North', '120', '135', '150'], ['South', '98', '110', '125'], ['East', '143', '150', '161']];
  rows.forEach((r, i) => r.forEach((c, j) => doc.text(c, 72 + j * 110, 130 + i * 22)));
  doc.text('<b>raw html</b> <img src="https://example.com/x.png"> stays text.', 72, 250);
  return Buffer.from(doc.output('arraybuffer'));
}

/** Drops files on the drop zone with a DataTransfer made in the page, as a browser would. */
export async function dropFiles(page: Page, files: Upload[]): Promise<void> {
  await page.evaluate((files) => {
    const dt = new DataTransfer();
    for (const f of files) dt.items.add(new File([Uint8Array.from(atob(f.data), (c) => c.charCodeAt(0))], f.name, { type: f.type }));
    const zone = document.querySelector('[data-testid="dropzone"]')!;
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, files.map((f) => ({ ...f, data: f.data.toString('base64') })));
}

export async function pasteFile(page: Page, f: Upload): Promise<void> {
  await page.evaluate((f) => {
    const dt = new DataTransfer();
    dt.items.add(new File([Uint8Array.from(atob(f.data), (c) => c.charCodeAt(0))], f.name, { type: f.type }));
    document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, { ...f, data: f.data.toString('base64') });
}

export const pick = (page: Page, files: Upload[]) =>
  page.setInputFiles('[data-testid="file-input"]', files.map((f) => ({ name: f.name, mimeType: f.type, buffer: f.data })));

export async function openedJob(page: Page): Promise<string> {
  // Checked every 100 ms, not on every animation frame: frame-by-frame polling keeps the
  // compositor busy for the whole read, CPU the engine could use.
  await page.waitForFunction(() => location.hash.startsWith('#/job/'), undefined, { timeout: 120_000, polling: 100 });
  await page.getByTestId('result-text').waitFor({ timeout: 120_000 });
  return page.evaluate(() => location.hash.split('/')[2]!);
}

export const apiStatus = (page: Page, path: string, token?: string) =>
  page.evaluate(async ({ path, token }) => (await fetch(path, { headers: token ? { Authorization: `Bearer ${token}` } : {} })).status, { path, token });

/** Interactive elements that a screen reader could not name. */
export const unnamed = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('button, a[href], input:not([hidden]), select, [role=button], [role=tab], [role=combobox]')]
      .filter((el) => el.getClientRects().length > 0)
      .filter((el) => {
        const by = (el.getAttribute('aria-labelledby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join('');
        const labels = [...((el as HTMLInputElement).labels ?? [])].map((l) => l.textContent).join('');
        return !(el.getAttribute('aria-label') || by.trim() || labels.trim() || el.textContent?.trim() || el.getAttribute('title'));
      })
      .map((el) => el.outerHTML.slice(0, 120)),
  );

/** A whole-page screenshot from the top, so the sticky header sits where a person sees it. */
export async function fullShot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: screenshotPath(name), fullPage: true });
}

export const noSideScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

/** Clicks a result's download button as a person does and keeps the file the browser saves. */
export async function downloadByButton(page: Page, format: string): Promise<{ name: string; path: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId(`download-${format}`).click()]);
  const dir = mkdtempSync(join(tmpdir(), 'saved-'));
  const name = download.suggestedFilename();
  const path = join(dir, name);
  await download.saveAs(path);
  return { name, path, bytes: readFileSync(path) };
}

/**
 * Visible elements that stick out of the window sideways, outside any box that scrolls
 * or clips them: what a person on a phone would find cut off.
 */
export const overflowing = (page: Page) =>
  page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const clipped = (el: Element): boolean => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const o = getComputedStyle(p).overflowX;
        if (o === 'auto' || o === 'scroll' || o === 'hidden' || o === 'clip') return true;
      }
      return false;
    };
    return [...document.body.querySelectorAll('*')]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && (r.right > width + 1 || r.left < -1) && !clipped(el) && getComputedStyle(el).position !== 'fixed';
      })
      .filter((el) => !(el as HTMLElement).closest('.skip, .sr-only'))
      .map((el) => `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}.${[...el.classList].join('.')} → ${Math.round(el.getBoundingClientRect().right)}`);
  });
