// The app's place on the OS: its manifest declares a share target (images and PDFs, POST,
// multipart) and file handlers; a share posted as the OS posts it is received by the service
// worker, and the app opens on it and reads it as an upload from the form would.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { useBrowser } from './browser';

const testocr = readFileSync('test/fixtures/testocr.png');

describe('share target and file handlers', () => {
  const s = useBrowser();

  it('declares a share target for images and PDFs, and file handlers for them', async () => {
    const page = await s.open('/');
    const manifest = await page.evaluate(async () => (await fetch(document.querySelector<HTMLLinkElement>('link[rel=manifest]')!.href)).json());
    expect(manifest.share_target).toMatchObject({ action: '/share-target/', method: 'POST', enctype: 'multipart/form-data' });
    const accept: string[] = manifest.share_target.params.files[0].accept;
    expect(accept).toEqual(expect.arrayContaining(['image/*', 'application/pdf']));
    expect(manifest.file_handlers[0].action).toBe('/');
    expect(Object.keys(manifest.file_handlers[0].accept)).toEqual(expect.arrayContaining(['application/pdf', 'image/png', 'image/jpeg', 'image/tiff']));
    await page.close();
  });

  it('a file shared into the app, posted as the OS posts it, becomes a job with the person’s choices', async () => {
    const page = await s.open('/');
    await page.evaluate(() => (window as unknown as { ocrchat: { ready: Promise<void> } }).ocrchat.ready);
    // The person chose Fast and English on the form before.
    await page.evaluate(() => {
      localStorage.setItem('ocrchat.upload.tier', 'cpu');
      localStorage.setItem('ocrchat.upload.language', 'eng');
    });
    await page.waitForFunction(() => !!navigator.serviceWorker.controller);
    // What the OS does: a navigation that POSTs the form to the share target's action.
    await page.evaluate((bytes) => {
      const form = document.createElement('form');
      form.method = 'POST';
      form.enctype = 'multipart/form-data';
      form.action = '/share-target/';
      const input = document.createElement('input');
      input.type = 'file';
      input.name = 'files';
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(bytes)], 'shared scan.png', { type: 'image/png' }));
      input.files = dt.files;
      const title = Object.assign(document.createElement('input'), { name: 'title', value: 'A scan' });
      form.append(input, title);
      document.body.append(form);
      form.submit();
    }, [...testocr]);
    // The app opens on the job (one file: its result).
    await page.waitForURL(/#\/jobs?\//, { timeout: 60_000 });
    await page.getByTestId('result-text').getByText('This is a lot of 12 point text', { exact: false }).waitFor({ timeout: 120_000 });
    expect(new URL(page.url()).search).toBe('');
    const job = await page.evaluate(async () => {
      const w = window as unknown as { ocrchat: { fetch: (p: string) => Promise<Response> } };
      return (await (await w.ocrchat.fetch('/api/v1/ocr/')).json()).jobs[0];
    });
    expect(job).toMatchObject({ file_name: 'shared scan.png', tier: 'cpu', status: 'done' });
    // The kept copy of the shared file is let go once the job has it.
    const left = await page.evaluate(async () => (await (await caches.open('ocrchat-shared-v1')).keys()).length);
    expect(left).toBe(0);
    await page.close();
  });
});
