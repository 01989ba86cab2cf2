// Getting a language onto the device: from the app's server or the language source, checked
// to be traineddata and kept under the app's own URL, with progress; a language that cannot
// be had is a code and a sentence that names it and says what to do. Fetch and Cache Storage
// are stand-ins here; the browser test runs the real ones.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { forgetLanguage, isSaved, obtainLanguage, type LanguageProgress, type LanguageStore, type ObtainDeps } from '../../../src/languages/obtain';
import type { LanguageIndex } from '../../../src/languages/offered';

const engGz = readFileSync('node_modules/@tesseract.js-data/eng/4.0.0_best_int/eng.traineddata.gz');
const BASE = 'https://app.example/';
const INDEX: LanguageIndex = { shipped: [{ code: 'eng', bytes: engGz.length }], vendored: [{ code: 'ukr', bytes: 1 }] };
const INDEX_PAGE = '<!doctype html><html><body>OCR.chat</body></html>';

function memoryStore(): LanguageStore & { map: Map<string, Uint8Array> } {
  const map = new Map<string, Uint8Array>();
  return {
    map,
    match: async (url) => (map.has(url) ? new Response(map.get(url)! as BlobPart) : undefined),
    put: async (url, res) => void map.set(url, new Uint8Array(await res.arrayBuffer())),
    delete: async (url) => map.delete(url),
    keys: async () => [...map.keys()],
  };
}

/** A server: path → bytes (served as a file) or a string (served as a 200 HTML page). */
function server(files: Record<string, Uint8Array | string>) {
  const asked: string[] = [];
  const fetcher = (async (input: RequestInfo | URL) => {
    const url = String(input);
    asked.push(url);
    const body = files[url];
    if (body === undefined) return new Response('not found', { status: 404 });
    if (typeof body === 'string') return new Response(body, { headers: { 'Content-Type': 'text/html' } });
    return new Response(body as BlobPart, { headers: { 'Content-Type': 'application/octet-stream', 'Content-Length': String(body.length) } });
  }) as typeof fetch;
  return { fetcher, asked };
}

function deps(files: Record<string, Uint8Array | string>, source: string | null, store = memoryStore()) {
  const { fetcher, asked } = server(files);
  const d: ObtainDeps = {
    fetch: fetcher,
    store: async () => store,
    index: INDEX,
    source: source ? { url: source, custom: true, codes: new Set(['grc', 'ell', 'lat', 'heb', 'tha']) } : null,
    base: BASE,
  };
  return { d, asked, store };
}

describe('obtainLanguage', () => {
  it('a language neither on the server nor at a source fails at once, naming it and what to do', async () => {
    const { d, asked } = deps({}, null);
    const got = await obtainLanguage('grc', { deps: d });
    expect(got).toMatchObject({ ok: false, code: 'language_unavailable' });
    expect(!got.ok && got.detail).toMatch(/^Ancient Greek \(grc\) is not available on this app's server and no language source is set: .*Settings → Languages.*administrator/);
    expect(asked).toEqual([]);
  });

  it('an HTML answer (a static host’s fallback page) is refused and nothing is kept', async () => {
    const src = 'https://langs.example/tessdata/';
    const { d, store } = deps({ [`${src}ell.traineddata.gz`]: INDEX_PAGE, [`${src}ell.traineddata`]: INDEX_PAGE }, src);
    const got = await obtainLanguage('ell', { deps: d, again: true });
    expect(got).toMatchObject({ ok: false, code: 'language_not_traineddata' });
    expect(!got.ok && got.detail).toMatch(/Greek \(ell\) could not be had: .*ell\.traineddata\.gz answered a web page \(HTML\), not traineddata/);
    expect(store.map.size).toBe(0);
  });

  it('from the source: with progress, checked, kept under the app’s URL; then from the device without a fetch', async () => {
    const src = 'https://langs.example/tessdata/';
    const { d, asked, store } = deps({ [`${src}lat.traineddata.gz`]: engGz }, src);
    const progress: LanguageProgress[] = [];
    expect(await obtainLanguage('lat', { deps: d, onProgress: (p) => progress.push(p) })).toEqual({ ok: true, from: 'source' });
    expect(progress.at(-1)).toEqual({ code: 'lat', received: engGz.length, total: engGz.length });
    expect([...store.map.keys()]).toEqual([`${BASE}vendor/lang/lat.traineddata.gz`]);
    expect(await isSaved('lat', d)).toBe(true);
    asked.length = 0;
    expect(await obtainLanguage('lat', { deps: d })).toEqual({ ok: true, from: 'device' });
    expect(asked).toEqual([]);
    await forgetLanguage('lat', d);
    expect(await isSaved('lat', d)).toBe(false);
  });

  it('a folder source is asked for the gzipped file, then the raw one; a {code} URL is filled in', async () => {
    const src = 'https://langs.example/tessdata/';
    const raw = new Uint8Array((await import('node:zlib')).gunzipSync(engGz));
    const { d, asked } = deps({ [`${src}heb.traineddata`]: raw }, src);
    expect(await obtainLanguage('heb', { deps: d })).toEqual({ ok: true, from: 'source' });
    expect(asked).toEqual([`${src}heb.traineddata.gz`, `${src}heb.traineddata`]);
    const cdn = 'https://cdn.example/npm/@tesseract.js-data/{code}/4.0.0_best_int/{code}.traineddata.gz';
    const t = deps({ ['https://cdn.example/npm/@tesseract.js-data/tha/4.0.0_best_int/tha.traineddata.gz']: engGz }, cdn);
    expect(await obtainLanguage('tha', { deps: t.d })).toEqual({ ok: true, from: 'source' });
  });

  it('a vendored language comes from the app’s own server', async () => {
    const { d, asked } = deps({ [`${BASE}vendor/lang/ukr.traineddata.gz`]: engGz }, null);
    expect(await obtainLanguage('ukr', { deps: d })).toEqual({ ok: true, from: 'app' });
    expect(asked).toEqual([`${BASE}vendor/lang/ukr.traineddata.gz`]);
  });

  it('a copy on the device that is not traineddata is not taken as saved, and is deleted', async () => {
    const store = memoryStore();
    store.map.set(`${BASE}vendor/lang/eng.traineddata.gz`, new TextEncoder().encode(INDEX_PAGE));
    const { d } = deps({ [`${BASE}vendor/lang/eng.traineddata.gz`]: engGz }, null, store);
    expect(await isSaved('eng', d)).toBe(false);
    expect(store.map.size).toBe(0);
    expect(await obtainLanguage('eng', { deps: d })).toEqual({ ok: true, from: 'app' });
    expect(await isSaved('eng', d)).toBe(true);
  });

  it('a failure is remembered for a while (each page of a job does not ask again) unless a person asks', async () => {
    const src = 'https://flaky.example/';
    const { d, asked } = deps({}, src);
    expect(await obtainLanguage('grc', { deps: d })).toMatchObject({ ok: false, code: 'language_fetch_failed' });
    const first = asked.length;
    expect(await obtainLanguage('grc', { deps: d })).toMatchObject({ ok: false });
    expect(asked.length).toBe(first);
    await obtainLanguage('grc', { deps: d, again: true });
    expect(asked.length).toBe(2 * first);
  });

  it('without Cache Storage (a third-party frame): the app’s own file is checked once and read from the server; a source’s cannot be', async () => {
    const src = 'https://frame.example/tessdata/';
    const { fetcher, asked } = server({ [`${BASE}vendor/lang/ukr.traineddata.gz`]: engGz, [`${src}ell.traineddata.gz`]: engGz });
    const d: ObtainDeps = { fetch: fetcher, store: () => Promise.reject(new DOMException('blocked', 'SecurityError')), index: INDEX, source: { url: src, custom: true, codes: new Set(['ell']) }, base: BASE };
    expect(await obtainLanguage('ukr', { deps: d })).toEqual({ ok: true, from: 'app' });
    expect(await obtainLanguage('ukr', { deps: d })).toEqual({ ok: true, from: 'app' });
    expect(asked).toEqual([`${BASE}vendor/lang/ukr.traineddata.gz`]);
    expect(await obtainLanguage('ell', { deps: d })).toMatchObject({ ok: false, code: 'language_not_kept' });
  });
});
