// tool=translate in the API: the POST refuses at once (400 translator_missing, no job stored)
// where no translator can run, and a stored translation is given by the job and the downloads
// (?translation=1), through the real exporters. Nothing here translates: the translation
// below is data stored as the engine host stores a page.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { OcrDatabase } from '../../../src/store/db';
import { createApiHandler } from '../../../src/api/handler';
import type { ApiDeps } from '../../../src/api/deps';
import type { ExportFormat, Job, Page } from '../../../src/shared/contract';
import { exporters, downloadName } from '../../../src/export';

const now = Date.UTC(2026, 11, 5, 12);

function deps(db: OcrDatabase, translatorProblem?: ApiDeps['translatorProblem']): ApiDeps {
  return {
    db,
    inspect: async () => ({ type: 'png', pageCount: 1, settle: () => {} }),
    notifyQueue: () => {},
    waitForJob: async () => undefined,
    // the real exporter, run here instead of in a worker
    exportJob: async (job: Job, format: ExportFormat) => ({
      blob: await exporters[format].export({ job, pageImage: async () => null }),
      mime: exporters[format].meta.mime,
      fileName: downloadName(job.file_name, format),
    }),
    pageImage: async () => null,
    answer: () => Promise.reject(new Error('unused')),
    now: () => now,
    ...(translatorProblem ? { translatorProblem } : {}),
  };
}

function upload(fields: Record<string, string>): Request {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], { type: 'image/png' }), 'a.png');
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  return new Request('http://localhost/api/v1/ocr/', { method: 'POST', body: form });
}

describe('POST /api/v1/ocr/ with tool=translate', () => {
  it('answers 400 translator_missing with the sentence of what to enable, and stores no job', async () => {
    const db = new OcrDatabase(`t-${Math.random()}`);
    const asked: string[][] = [];
    const api = createApiHandler(deps(db, async (language, to) => (asked.push([language, to]), 'Enable the Translator API in Chrome 138+.')));
    const res = await api(upload({ tool: 'translate', translate_to: 'fr', language: 'eng' }));
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'translator_missing', detail: 'Enable the Translator API in Chrome 138+.' });
    expect(asked).toEqual([['eng', 'fr']]);
    expect(await db.jobs.count()).toBe(0);
  });

  it('without a way to reach a translator (no translatorProblem in deps) it refuses too, naming Chrome’s Translator API', async () => {
    const db = new OcrDatabase(`t-${Math.random()}`);
    const res = await createApiHandler(deps(db))(upload({ tool: 'translate', translate_to: 'fr' }));
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error).toBe('translator_missing');
    expect(body.detail).toContain('https://developer.chrome.com/docs/ai/translator-api');
    expect(await db.jobs.count()).toBe(0);
  });

  it('queues the job when a translator can run; other tools are not asked', async () => {
    const db = new OcrDatabase(`t-${Math.random()}`);
    let asked = 0;
    const api = createApiHandler(deps(db, async () => (asked++, null)));
    expect((await api(upload({ tool: 'translate', translate_to: 'de' }))).status).toBe(202);
    expect((await api(upload({ translate_to: 'de' }))).status).toBe(202);
    expect(asked).toBe(1);
    expect((await db.jobs.toArray()).map((j) => j.translate_to)).toEqual(['de', 'de']);
  });
});

describe('a translated job and its downloads', () => {
  async function storedJob(db: OcrDatabase, translated: boolean): Promise<string> {
    const page = (index: number, text: string, fr: string): Page => ({
      index, width: 10, height: 10, text, markdown: `# ${text}`, blocks: [{ text, bbox: [0, 0, 5, 5], confidence: 0.9, kind: 'heading', level: 1 }], tables: [], confidence: 0.9, source: 'ocr', language: 'eng',
      ...(translated ? { translation: { text: fr, markdown: `# ${fr}` } } : {}),
    });
    const uuid = crypto.randomUUID();
    await db.jobs.add({ uuid, status: 'done', tier: 'cpu', language: 'eng', tool: 'translate', translate_to: 'fra', file_name: 'letter.png', file_type: 'image/png', page_count: 2, pages_done: 2, created_at: '', owner: 'anonymous', priority: 0, page_cost: 1, created_ms: now });
    await db.pages.bulkAdd([
      { jobUuid: uuid, index: 0, state: 'done', attempts: 1, result: page(0, 'Hello world', 'Bonjour le monde') },
      { jobUuid: uuid, index: 1, state: 'done', attempts: 1, result: page(1, 'The cat', 'Le chat') },
    ]);
    await db.jobTexts.put({ uuid, text: 'Hello world\n\nThe cat', markdown: '# Hello world\n\n---\n\n# The cat' });
    return uuid;
  }

  it('the job carries translation {language, text, markdown} joined from its pages', async () => {
    const db = new OcrDatabase(`t-${Math.random()}`);
    const uuid = await storedJob(db, true);
    const job = await (await createApiHandler(deps(db))(new Request(`http://localhost/api/v1/ocr/${uuid}/`))).json();
    expect(job.translation).toEqual({ language: 'fr', text: 'Bonjour le monde\n\nLe chat', markdown: '# Bonjour le monde\n\n---\n\n# Le chat' });
    expect(job.pages[1].translation).toEqual({ text: 'Le chat', markdown: '# Le chat' });
    expect(job.text).toBe('Hello world\n\nThe cat');
  });

  it('GET download/?format=txt&translation=1 gives the translated text; md and docx too; pdf and csv say which formats', async () => {
    const db = new OcrDatabase(`t-${Math.random()}`);
    const uuid = await storedJob(db, true);
    const api = createApiHandler(deps(db));
    const get = (q: string) => api(new Request(`http://localhost/api/v1/ocr/${uuid}/download/?${q}`));
    const txt = await get('format=txt&translation=1');
    expect(txt.status).toBe(200);
    expect(await txt.text()).toBe('Bonjour le monde\fLe chat');
    expect(txt.headers.get('Content-Disposition')).toContain('letter-fr.txt');
    expect(await (await get('format=txt')).text()).toBe('Hello world\fThe cat');
    expect(await (await get('format=md&translation=1')).text()).toContain('# Bonjour le monde');
    const docx = await get('format=docx&translation=1');
    expect(docx.status).toBe(200);
    const pdf = await get('format=pdf&translation=1');
    expect(pdf.status).toBe(400);
    expect((await pdf.json()).detail).toContain('txt, md, docx, json');
  });

  it('a job without a translation answers 400 no_translation to translation=1', async () => {
    const db = new OcrDatabase(`t-${Math.random()}`);
    const uuid = await storedJob(db, false);
    const res = await createApiHandler(deps(db))(new Request(`http://localhost/api/v1/ocr/${uuid}/download/?format=txt&translation=1`));
    expect(res.status).toBe(400);
    expect((await res.json()).error).toBe('no_translation');
  });
});
