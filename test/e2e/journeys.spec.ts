// What a person does with the app, journey by journey, through the UI only: the file
// picker, drag and drop, paste, clicks, the browser's downloads opened with the tools a
// person would use. API calls appear only to confirm what the person cannot see.
// Each test saves screenshots to look at.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TOOL_METAS } from '../../src/tools';
import { execFileSync } from 'node:child_process';
import { baseUrl, postFile, screenshotPath, useBrowser, type Session } from './browser';
import { invoicePdf, scannedPdf, testocrPng, textPdf } from './fixtures';
import Papa from 'papaparse';
import { apiStatus, downloadByButton, dropFiles, fullShot, noSideScroll, openedJob, overflowing, pasteFile, pick, png, tablePdf, unnamed } from './ui-page';
import { signVoucher } from './vouchers';
import { altoStrings, checkAlto, checkHocr, hocrWords, parseXml } from '../unit/export/support/layout-xml';

/**
 * The browser of a block of journeys, with the clipboard allowed. `fresh`: a new profile for
 * each journey, for those that start as a first visit or read what the browser holds (the
 * document list, the account, the settings, the caches) in a way no other journey can leave
 * it. The others share one browser within their block, since a fresh profile costs a launch, a
 * service-worker install and a cold engine: each sets the tier and tool it reads with and looks
 * only at its own document, or runs after journeys that leave what it reads as a first visit has it.
 */
function journeyBrowser(fresh: boolean): Session {
  const s = useBrowser({ perTest: fresh });
  (fresh ? beforeEach : beforeAll)(async () => {
    await s.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl() });
  });
  return s;
}

describe('what a person does', () => {
  // One browser for these six: the first journey is its first visit, as that journey needs; the
  // others each set the tier and tool they read with and look only at their own documents.
  const s = journeyBrowser(false);

  it('uploads by the picker, by dropping and by pasting; picks a tier, a language and a tool', async () => {
    const page = await s.open('/');
    expect(await page.getAttribute('[data-testid="file-input"]', 'multiple')).not.toBeNull();
    await page.getByLabel(/Accurate/).check();
    expect(await page.getByLabel(/Accurate/).isChecked()).toBe(true);
    await page.getByLabel(/Fast/).check();
    expect(await page.locator('#tool option').count()).toBe(TOOL_METAS.length + 1);
    await page.locator('#language').fill('germ');
    const german = page.getByRole('option', { name: 'German (deu)' });
    await german.waitFor();
    await page.screenshot({ path: screenshotPath('ui-first-screen-language-search') });
    await german.click();
    await page.getByRole('button', { name: 'Remove German (deu)' }).waitFor();
    await page.locator('#language').press('Backspace');
    await page.getByText('Detect automatically').first().waitFor();
    await page.locator('#language').blur();
    await page.screenshot({ path: screenshotPath('ui-first-screen') });

    await dropFiles(page, [png('dropped.png')]);
    const dropped = await openedJob(page);
    expect(await page.getByTestId('result-text').textContent()).toMatch(/quick brown/);

    await page.goto(baseUrl() + '/#/');
    await page.getByTestId('dropzone').waitFor();
    await pasteFile(page, png('pasted.png'));
    const pasted = await openedJob(page);
    expect(pasted).not.toBe(dropped);

    await page.goto(baseUrl() + '/#/');
    await pick(page, [png('one.png'), png('two.png')]);
    for (const name of ['one.png', 'two.png']) {
      await page.getByTestId('upload').filter({ hasText: name }).getByTestId('status').filter({ hasText: 'done' }).waitFor({ timeout: 120_000 });
    }
    await page.getByTestId('history-item').filter({ hasText: 'two.png' }).waitFor();
    expect(await page.evaluate(() => location.hash)).toBe('#/');
    await fullShot(page, 'ui-first-screen-after');
  });

  it('watches a 7-page PDF page by page, and cancels it', async () => {
    const page = await s.open('/');
    await page.getByLabel(/Fast/).check();
    await page.locator('#tool').selectOption('');
    await pick(page, [{ name: 'seven.pdf', type: 'application/pdf', data: scannedPdf(7) }]);
    const item = page.getByTestId('upload').filter({ hasText: 'seven.pdf' });
    await item.getByTestId('status').filter({ hasText: /page [2-7] of 7/ }).waitFor({ timeout: 120_000 });
    const uuid = (await item.getAttribute('data-uuid'))!;
    expect(uuid).toMatch(/^[0-9a-f-]{36}$/);
    // The job's own screen shows the same progress and can cancel it too.
    await page.getByTestId('history-item').filter({ hasText: 'seven.pdf' }).getByRole('link').click();
    await page.getByTestId('status').filter({ hasText: /processing · page [2-7] of 7/ }).waitFor({ timeout: 60_000 });
    await page.screenshot({ path: screenshotPath('ui-progress-job') });
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByTestId('job-gone').filter({ hasText: 'Cancelled' }).waitFor();
    await expect.poll(() => apiStatus(page, `/api/v1/ocr/${uuid}/`)).toBe(404);
    await page.getByRole('link', { name: '← All documents' }).click();
    // Polled as text so that a failure says what the list shows instead.
    await expect.poll(() => item.getByTestId('status').textContent(), { timeout: 30_000 }).toMatch(/cancelled/);

    // A short file answers its POST only when done: cancel finds its job and deletes it too.
    // Five pages (the most that still answer inline) so that it is still at work when the
    // button is pressed; the progress line changes under the pointer, so no wait for stillness.
    await pick(page, [{ name: 'three.pdf', type: 'application/pdf', data: scannedPdf(5) }]);
    const short = page.getByTestId('upload').filter({ hasText: 'three.pdf' });
    await short.getByTestId('status').filter({ hasText: /of 5/ }).waitFor({ timeout: 60_000 });
    await short.getByRole('button', { name: 'Cancel three.pdf' }).click({ force: true });
    await page.screenshot({ path: screenshotPath('ui-progress') });
    await short.getByTestId('status').filter({ hasText: 'cancelled' }).waitFor();
    await expect
      .poll(() => page.evaluate(async () => (await (await fetch('/api/v1/ocr/')).json()).jobs.map((j: { file_name: string }) => j.file_name)), { timeout: 15_000 })
      .not.toContain('three.pdf');
  });

  it('looks at a result: boxes by confidence, Words/Lines/Blocks, each tab, copy, paging', async () => {
    const page = await s.open('/');
    await page.getByLabel(/Fast/).check();
    await page.locator('#tool').selectOption('');
    await pick(page, [png()]);
    const uuid = await openedJob(page);
    const img = page.getByTestId('page-image');
    await img.waitFor();
    await page.waitForFunction(() => (document.querySelector('[data-testid="page-image"]') as HTMLImageElement | null)?.naturalWidth === 640);
    const boxes = page.getByTestId('box');
    expect(await boxes.count()).toBeGreaterThan(5);
    expect(await boxes.first().getAttribute('class')).toMatch(/\b(high|mid|low)\b/);
    await page.getByTestId('confidence-toggle').uncheck();
    expect(await page.getByTestId('boxes').getAttribute('class')).toMatch(/mono/);
    await page.getByTestId('confidence-toggle').check();
    await boxes.nth(2).click();
    await expect.poll(() => page.getByTestId('box-detail').textContent()).toMatch(/“.+”\s*\d+% confident/);
    // Keyboard: the boxes are one tab stop; arrows move, Enter shows.
    await boxes.first().focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-i'))).toBe('1');
    await page.keyboard.press('Enter');
    expect(await page.getByTestId('box-detail').textContent()).toMatch(/word 2 of/);
    await page.screenshot({ path: screenshotPath('ui-result') });
    // Words, Lines, Blocks: fewer and wider boxes at each level, each with its text.
    const words = await boxes.count();
    await page.getByRole('radiogroup', { name: 'Boxes around' }).getByText('lines').click();
    await expect.poll(() => boxes.count()).toBeLessThan(words);
    const lines = await boxes.count();
    await boxes.first().click();
    await expect.poll(() => page.getByTestId('box-detail').textContent()).toMatch(/“\S+ \S+.*”/);
    await page.getByRole('radiogroup', { name: 'Boxes around' }).getByText('blocks').click();
    await expect.poll(() => boxes.count()).toBeLessThanOrEqual(lines);
    await page.getByRole('radiogroup', { name: 'Boxes around' }).getByText('words').click();
    await expect.poll(() => boxes.count()).toBe(words);

    // Tabs: arrow keys move between Text, Markdown, Tables and JSON.
    await page.getByRole('tab', { name: 'Text' }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.getByRole('tab', { name: 'Markdown' }).getAttribute('aria-selected')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/Markdown/);
    expect(await page.getByTestId('result-markdown').locator('p, h1, h2, h3, li').count()).toBeGreaterThan(0);
    await page.keyboard.press('ArrowRight');
    await page.getByRole('tabpanel').getByText(/No tables were found|table 1/).first().waitFor();
    await page.keyboard.press('End');
    const json = JSON.parse((await page.getByTestId('result-json').textContent())!);
    expect(json.uuid).toBe(uuid);
    await page.getByTestId('copy-json').click();
    expect(JSON.parse(await page.evaluate(() => navigator.clipboard.readText())).uuid).toBe(uuid);
    await page.screenshot({ path: screenshotPath('ui-result-json') });

    // Several pages: a page picker and Prev / Next, the tabs follow the page.
    await page.goto(baseUrl() + '/#/');
    await pick(page, [{ name: 'seven-text.pdf', type: 'application/pdf', data: textPdf(7) }]);
    await openedJob(page);
    await page.getByTestId('page-select').selectOption({ label: 'Page 3 of 7' });
    await expect.poll(() => page.getByTestId('result-text').textContent()).toMatch(/page 3 of the born-digital/);
    expect(await page.evaluate(() => location.hash)).toMatch(/\/page\/3$/);
    await page.getByRole('button', { name: 'Next page' }).click();
    await expect.poll(() => page.getByTestId('result-text').textContent()).toMatch(/page 4 of the born-digital/);
    await page.getByTestId('scope').selectOption('document');
    expect(await page.getByTestId('result-text').textContent()).toMatch(/page 1 of[\s\S]*page 7 of/);
    await page.screenshot({ path: screenshotPath('ui-result-pages') });
  });

  it('sees tables as tables, and Markdown rendered with raw HTML shown as text', async () => {
    const page = await s.open('/');
    await page.locator('#tool').selectOption('extract-tables');
    await pick(page, [{ name: 'report.pdf', type: 'application/pdf', data: tablePdf() }]);
    await openedJob(page);
    await page.getByRole('tab', { name: /Tables/ }).click();
    const table = page.getByTestId('result-table');
    await table.waitFor();
    expect(await table.locator('th').allTextContents()).toEqual(['Region', 'Q1', 'Q2', 'Q3']);
    expect(await table.locator('tbody tr').first().locator('td').allTextContents()).toEqual(['North', '120', '135', '150']);
    await page.getByTestId('copy-tables').click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/^Region\tQ1\tQ2\tQ3\nNorth\t120/);
    await page.screenshot({ path: screenshotPath('ui-result-tables') });
    await page.getByRole('tab', { name: 'Markdown' }).click();
    const md = page.getByTestId('result-markdown');
    await md.locator('h1, h2').first().waitFor();
    expect(await md.locator('table th').count()).toBe(4);
    expect(await md.locator('b, img').count()).toBe(0);
    expect(await md.textContent()).toContain('<b>raw html</b>');
    await page.screenshot({ path: screenshotPath('ui-result-markdown') });
  });

  it('hands over bad files and reads, beside each, a sentence saying what to do', async () => {
    const page = await s.open('/');
    await pick(page, [
      { name: 'empty.pdf', type: 'application/pdf', data: Buffer.alloc(0) },
      { name: 'notes.png', type: 'image/png', data: Buffer.from('These are my notes, not a picture.\n') },
      { name: 'cut.pdf', type: 'application/pdf', data: tablePdf().subarray(0, 400) },
    ]);
    for (const [name, says] of [['empty.pdf', /empty/i], ['notes.png', /not an? .*(image|PDF)|PNG, JPG/i], ['cut.pdf', /damaged|truncated|could not be (read|opened)/i]] as const) {
      const item = page.getByTestId('upload').filter({ hasText: name });
      const alert = item.getByRole('alert');
      await alert.waitFor({ timeout: 30_000 });
      expect(await alert.textContent(), name).toMatch(says);
      expect(await item.getByTestId('status').textContent(), name).not.toMatch(/processing|uploading/);
    }
    await fullShot(page, 'journey-bad-files');
  });

  it('saves each of the eight downloads and opens them with the tools people use', async () => {
    const page = await s.open('/');
    await page.locator('#tool').selectOption('extract-tables');
    await pick(page, [{ name: 'Quarterly report.pdf', type: 'application/pdf', data: tablePdf() }]);
    const uuid = await openedJob(page);
    const shown = (await page.getByTestId('result-text').textContent())!;
    const words = (t: string) => t.split(/\s+/).filter(Boolean).sort();

    const txt = await downloadByButton(page, 'txt');
    expect(txt.name).toBe('Quarterly report.txt');
    expect(words(txt.bytes.toString('utf8'))).toEqual(words(shown));

    const md = await downloadByButton(page, 'md');
    expect(md.name).toBe('Quarterly report.md');
    expect(md.bytes.toString('utf8')).toMatch(/^\| Region \| Q1 \| Q2 \| Q3 \|\n\|[-| :]+\|\n\| North \| 120 \| 135 \| 150 \|/m);

    const docx = await downloadByButton(page, 'docx');
    expect(docx.name).toBe('Quarterly report.docx');
    const xml = execFileSync('unzip', ['-p', docx.path, 'word/document.xml'], { encoding: 'utf8' });
    expect(xml).toContain('<w:tbl>');
    expect(xml).toMatch(/Quarterly report/);
    expect(xml).toMatch(/North[\s\S]*120[\s\S]*135/);

    const pdf = await downloadByButton(page, 'pdf');
    expect(pdf.name).toBe('Quarterly report.pdf');
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(execFileSync('pdftotext', ['-layout', pdf.path, '-'], { encoding: 'utf8' })).toMatch(/Region\s+Q1\s+Q2\s+Q3/);

    const csv = await downloadByButton(page, 'csv');
    expect(csv.name).toBe('Quarterly report.csv');
    const rows = Papa.parse<string[]>(csv.bytes.toString('utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    const region = rows.findIndex((r) => r.includes('Region'));
    expect(region).toBeGreaterThanOrEqual(0);
    expect(rows[region]!.filter((c) => /^(Region|Q\d)$/.test(c))).toEqual(['Region', 'Q1', 'Q2', 'Q3']);
    expect(rows[region + 1]!.filter(Boolean).slice(-4)).toEqual(['North', '120', '135', '150']);

    const json = await downloadByButton(page, 'json');
    expect(json.name).toBe('Quarterly report.json');
    const job = JSON.parse(json.bytes.toString('utf8'));
    expect(job.uuid).toBe(uuid);
    expect(job.status).toBe('done');
    expect(job.pages[0].tables[0].rows[0]).toEqual(['Region', 'Q1', 'Q2', 'Q3']);

    // hOCR and ALTO: every word of the job (pages → blocks → lines → words, the table's
    // too) with its box, in the saved files, which hold to hOCR 1.2 and ALTO v4's rules.
    type JobLine = { text: string; words: { text: string; bbox: number[] }[] };
    type Found = { text: string; bbox: number[] | null };
    const jobWords: Found[] = job.pages.flatMap((p: { blocks: { text: string; lines?: JobLine[] }[] }) =>
      p.blocks.flatMap((b): Found[] =>
        b.lines?.length
          ? b.lines.flatMap((l): Found[] => (l.words.length ? l.words.map((w) => ({ text: w.text, bbox: w.bbox.map(Math.round) })) : l.text.split(/\s+/).filter(Boolean).map((text) => ({ text, bbox: null }))))
          : b.text.split(/\s+/).filter(Boolean).map((text) => ({ text, bbox: null })),
      ),
    );
    expect(jobWords.length).toBeGreaterThan(10);
    const hocr = await downloadByButton(page, 'hocr');
    expect(hocr.name).toBe('Quarterly report.hocr');
    const hocrDoc = parseXml(hocr.bytes.toString('utf8'), 'application/xhtml+xml');
    expect(checkHocr(hocrDoc)).toEqual([]);
    const inHocr = hocrWords(hocrDoc);
    expect(inHocr.map((w) => w.text)).toEqual(jobWords.map((w) => w.text));
    jobWords.forEach((w, i) => {
      if (w.bbox) expect(inHocr[i]!.bbox, w.text).toEqual(w.bbox);
    });
    for (const w of words(shown)) expect(inHocr.some((h) => h.text === w), w).toBe(true);
    const alto = await downloadByButton(page, 'alto');
    expect(alto.name).toBe('Quarterly report.xml');
    const altoDoc = parseXml(alto.bytes.toString('utf8'));
    expect(checkAlto(altoDoc)).toEqual([]);
    expect(altoStrings(altoDoc).map((s) => ({ text: s.content, bbox: s.box }))).toEqual(inHocr.map((w) => ({ text: w.text, bbox: w.bbox })));
    expect(await page.getByTestId('download-error').count()).toBe(0);
  });
});

describe('what a person does', () => {
  // One browser for these three, in this order: the first finds the document list empty, as on
  // a first visit, and leaves it so, without an account; the second starts without an account
  // and documents; the third downloads a language and sets the retention, which neither did.
  const s = journeyBrowser(false);

  it('finds earlier documents after a reload, opens one, deletes one and then all', async () => {
    const page = await s.open('/');
    for (const name of ['first.png', 'second.png']) expect((await postFile(page, testocrPng, name)).status).toBe(200);
    await page.reload();
    await page.getByTestId('history-item').nth(1).waitFor();
    expect(await page.getByTestId('history-item').first().textContent()).toMatch(/second\.png/);
    await page.screenshot({ path: screenshotPath('ui-history') });
    await page.getByRole('link', { name: /first\.png/ }).click();
    await page.getByTestId('result-text').waitFor();
    expect(await page.getByRole('heading', { level: 2 }).first().textContent()).toBe('first.png');
    await page.getByRole('link', { name: '← All documents' }).click();
    await page.getByRole('button', { name: 'Delete first.png' }).click();
    await expect.poll(() => page.getByTestId('history-item').count()).toBe(1);
    await page.getByTestId('delete-all').click();
    await page.getByRole('button', { name: 'Yes, delete all' }).click();
    await page.getByTestId('history-empty').waitFor();
    expect(await page.evaluate(async () => (await (await fetch('/api/v1/ocr/')).json()).jobs.length)).toBe(0);
  });

  it('creates an account, copies and rotates its token, sees usage, redeems a voucher, downloads with it', async () => {
    const page = await s.open('/#/account');
    await page.getByTestId('plan').filter({ hasText: 'anonymous' }).waitFor();
    await page.getByTestId('create-account').click();
    await page.getByTestId('token').waitFor();
    const token = await page.evaluate(() => localStorage.getItem('ocrchat.token'));
    expect(token).toMatch(/^ocr_/);
    await page.getByTestId('copy-token').click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);
    await page.getByRole('button', { name: 'Show' }).click();
    expect(await page.getByTestId('token').textContent()).toBe(token);
    await page.getByTestId('used').filter({ hasText: '0 / 40' }).waitFor();
    await page.getByTestId('rotate').click();
    await expect.poll(() => page.evaluate(() => localStorage.getItem('ocrchat.token'))).not.toBe(token);
    const rotated = (await page.evaluate(() => localStorage.getItem('ocrchat.token')))!;
    expect(await page.getByTestId('token').textContent()).toBe(rotated);
    expect(await apiStatus(page, '/api/v1/account/', token!)).toBe(401);
    expect(await apiStatus(page, '/api/v1/account/', rotated)).toBe(200);
    await page.getByTestId('voucher').fill(signVoucher({ id: `ui-${Date.now()}`, credits: 250 }));
    await page.getByTestId('redeem').click();
    await page.getByTestId('credits').filter({ hasText: '250' }).waitFor();
    expect(await page.getByTestId('plan').textContent()).toMatch(/Paid/);
    await page.getByRole('button', { name: 'Hide' }).click();
    await fullShot(page, 'ui-account');

    await page.goto(baseUrl() + '/#/');
    await pick(page, [png('mine.png')]);
    const uuid = await openedJob(page);
    const saved = await downloadByButton(page, 'pdf');
    expect(saved.name).toBe('mine.pdf');
    expect(execFileSync('pdftotext', [saved.path, '-'], { encoding: 'utf8' })).toMatch(/quick brown/);
    await page.goto(baseUrl() + '/#/account');
    await page.getByTestId('credits').filter({ hasText: '249' }).waitFor();
    expect(uuid).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('downloads a language in Settings with progress; sets retention; sees storage and privacy', async () => {
    const page = await s.open('/#/settings');
    const deu = page.getByTestId('lang-deu');
    await deu.filter({ hasText: 'German (deu)' }).filter({ hasText: /\d(\.\d)? MB/ }).waitFor();
    // Without a language source only the app's own languages are listed (languages.spec.ts sets one).
    expect(await page.getByTestId('available-languages').count()).toBe(0);
    await page.evaluate(() => {
      const row = document.querySelector('[data-testid="lang-deu"]')!;
      new MutationObserver(() => {
        if (row.querySelector('progress')) (window as unknown as { sawProgress: boolean }).sawProgress = true;
      }).observe(row, { subtree: true, childList: true });
    });
    await page.getByTestId('download-lang-deu').click();
    await deu.getByText('✓ Offline').waitFor({ timeout: 60_000 });
    expect(await page.evaluate(() => (window as unknown as { sawProgress?: boolean }).sawProgress)).toBe(true);
    expect(await page.evaluate(async () => !!(await caches.match(new URL('/vendor/lang/deu.traineddata.gz', location.href).href)))).toBe(true);

    await page.getByTestId('retention').selectOption('7');
    await page.getByTestId('save-retention').click();
    await page.getByText(/Saved: uploads are deleted 7 days/).waitFor();
    expect(await page.evaluate(() => localStorage.getItem('ocrchat.retentionDays'))).toBe('7');
    const stored = await page.evaluate(async () => {
      const req = indexedDB.open('ocrchat');
      const db: IDBDatabase = await new Promise((res) => (req.onsuccess = () => res(req.result)));
      const row = await new Promise<{ value: unknown } | undefined>((res) => {
        const r = db.transaction('settings').objectStore('settings').get('retentionDays');
        r.onsuccess = () => res(r.result);
      });
      db.close();
      return row?.value;
    });
    expect(stored).toBe(7);
    await page.getByTestId('storage-meter').waitFor();
    expect(await page.getByTestId('storage-text').textContent()).toMatch(/used of/);
    expect(await page.getByTestId('privacy').textContent()).toMatch(/nothing is uploaded/);
    await fullShot(page, 'ui-settings');
    await page.reload();
    await expect.poll(() => page.getByTestId('retention').inputValue()).toBe('7');
  });
});

describe('what a person does', () => {
  const s = journeyBrowser(true);

  it('uses the keyboard and both themes; on a 390×844 phone nothing overflows', async () => {
    const page = await s.open('/');
    // Keyboard: Tab reaches the file button and the language search, with a visible focus ring.
    const reached: string[] = [];
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press('Tab');
      reached.push(await page.evaluate(() => document.activeElement?.getAttribute('aria-label') || document.activeElement?.id || document.activeElement?.textContent?.trim() || ''));
      if (reached.at(-1) === 'Choose files…') break;
    }
    expect(reached).toContain('language');
    expect(reached.at(-1)).toBe('Choose files…');
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).not.toBe('none');
    expect(await unnamed(page)).toEqual([]);

    const uuid = (await postFile(page, testocrPng, 'phone.png')).body.uuid as string;
    await page.setViewportSize({ width: 390, height: 844 });
    for (const [name, hash] of [['home', '#/'], ['job', `#/job/${uuid}`], ['account', '#/account'], ['settings', '#/settings']] as const) {
      await page.goto(`${baseUrl()}/${hash}`);
      await page.waitForLoadState('networkidle');
      if (name === 'job') await page.getByTestId('page-image').waitFor();
      if (name === 'settings') await page.getByTestId('lang-eng').waitFor();
      expect(await noSideScroll(page), name).toBeLessThanOrEqual(390);
      expect(await overflowing(page), name).toEqual([]);
      expect(await unnamed(page), name).toEqual([]);
      await fullShot(page, `ui-mobile-${name}`);
    }

    // Themes: the system's choice first, then the toggle.
    await page.goto(`${baseUrl()}/#/job/${uuid}`);
    await page.getByTestId('page-image').waitFor();
    const bg = () => page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--bg').trim());
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await bg()).toBe('#0b1220');
    await page.screenshot({ path: screenshotPath('ui-mobile-dark-system') });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByTestId('theme-toggle').click();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    expect(await bg()).toBe('#f4f6fa');
    await page.screenshot({ path: screenshotPath('ui-light') });
    await page.getByTestId('theme-toggle').click();
    expect(await bg()).toBe('#0b1220');
    await page.screenshot({ path: screenshotPath('ui-dark') });
    await page.reload();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
  });
});

describe('what a person does', () => {
  const s = journeyBrowser(true);

  it('creates an account after reading without one, and keeps those documents', async () => {
    const page = await s.open('/');
    await pick(page, [png('before.png')]);
    await openedJob(page);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Account' }).click();
    // First without moving them: the account starts empty, and says how to bring them in.
    const move = page.getByTestId('move-documents');
    await move.filter({ hasText: 'Move my 1 document into the new account' }).waitFor();
    await move.getByRole('checkbox').uncheck();
    await page.getByTestId('create-account').click();
    await page.getByRole('status').filter({ hasText: /1 document read without an account stay/ }).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Documents' }).click();
    await page.getByTestId('history-empty').waitFor();
    // Then moved with one click on the account page.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Account' }).click();
    await page.getByTestId('adopt').filter({ hasText: '1 document read on this browser without an account is not in this account' }).waitFor();
    await page.getByTestId('adopt-button').click();
    await page.getByRole('status').filter({ hasText: '1 document moved into this account.' }).waitFor();
    await page.getByTestId('rotate').click();
    await page.getByRole('status').filter({ hasText: /New token made/ }).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Documents' }).click();
    await page.getByTestId('history-item').filter({ hasText: 'before.png' }).getByRole('link').click();
    expect(await page.getByTestId('result-text').textContent()).toMatch(/quick brown/);

    // Signed out again, a new document; creating a second account moves it by default.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Account' }).click();
    await page.getByRole('button', { name: 'Forget on this browser' }).click();
    await page.getByTestId('create-account').waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Documents' }).click();
    await pick(page, [png('mine-too.png')]);
    await openedJob(page);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Account' }).click();
    await page.getByTestId('move-documents').filter({ hasText: 'Move my 1 document' }).waitFor();
    expect(await page.getByTestId('move-documents').getByRole('checkbox').isChecked()).toBe(true);
    await page.getByTestId('create-account').click();
    await page.getByRole('status').filter({ hasText: /1 document moved into it/ }).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Documents' }).click();
    await page.getByTestId('history-item').filter({ hasText: 'mine-too.png' }).waitFor();
    expect(await page.getByTestId('history-item').count()).toBe(1);
  });

  it('asks the document a question and follows the cited page', async () => {
    const page = await s.open('/#/account');
    await page.getByTestId('create-account').click();
    await page.getByTestId('token').waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Documents' }).click();
    await pick(page, [{ name: 'invoice.pdf', type: 'application/pdf', data: invoicePdf() }]);
    await openedJob(page);
    await page.getByTestId('chat-input').fill('What is the total?');
    await page.getByTestId('chat-input').press('Enter');
    const cite = page.getByTestId('citation').first();
    await cite.waitFor();
    expect(await page.getByTestId('chat-messages').textContent()).toContain('215.00');
    await cite.click();
    await page.waitForFunction(() => location.hash.endsWith('/page/2'));
    await page.locator('rect.cited').first().waitFor();
    await page.screenshot({ path: screenshotPath('journey-chat-citation') });
  });

  it('reloads offline after one visit and reads a new file', async () => {
    const page = await s.open('/');
    await page.evaluate(() => (window as unknown as { ocrchat: { offlineReady?: Promise<void> } }).ocrchat.offlineReady);
    await s.context.setOffline(true);
    // Tesseract's core as its worker loads it: the script and its .wasm, compiled by streaming
    // (kept in the browser's code cache), never the build that carries the WASM as base64.
    const cores: string[] = [];
    page.on('request', (r) => {
      const path = new URL(r.url()).pathname;
      if (path.includes('/tesseract-core')) cores.push(path);
    });
    await page.reload();
    await page.getByTestId('dropzone').waitFor();
    await pick(page, [png('offline.png')]);
    await openedJob(page);
    expect(await page.getByTestId('result-text').textContent()).toMatch(/quick brown dog/);
    expect(cores).toContain('/vendor/tesseract/tesseract-core-relaxedsimd-lstm.wasm');
    expect(cores.filter((c) => c.endsWith('.wasm.js'))).toEqual([]);
    expect(await page.evaluate((u) => fetch(u + '/not-cached-' + Date.now()).then(() => 'reached', () => 'offline'), baseUrl())).toBe('offline');
    await s.context.setOffline(false);
  });
});
