// Getting a language onto this device: from Cache Storage when it is there, else from the
// app's own server or the language source, with progress, checked to be traineddata, and
// kept in Cache Storage under the app's own URL. Tesseract reads it from there (through the
// service worker), so it only ever sees verified data, online or offline.
import { ENGINE_CACHE } from '../shared/caches';
import { languageLabel } from './names';
import { appBase, appLanguages, languageSource, languageUrl, onAppServer, sourceUrls, type LanguageIndex, type LanguageSource } from './offered';
import { checkTraineddata, PREFIX_BYTES, readPrefix } from './traineddata';

export type LanguageErrorCode = 'language_unavailable' | 'language_fetch_failed' | 'language_not_traineddata' | 'language_not_kept';

export type Obtained = { ok: true; from: 'device' | 'app' | 'source' } | { ok: false; code: LanguageErrorCode; detail: string };

export interface LanguageProgress {
  code: string;
  received: number;
  /** null while the size is unknown */
  total: number | null;
}

/** The part of Cache Storage this needs (a fake one in unit tests). */
export interface LanguageStore {
  match(url: string): Promise<Response | undefined>;
  put(url: string, res: Response): Promise<void>;
  delete(url: string): Promise<boolean>;
  keys(): Promise<readonly string[]>;
}

export interface ObtainDeps {
  fetch: typeof fetch;
  store: () => Promise<LanguageStore>;
  index: LanguageIndex;
  source: LanguageSource | null;
  base: string;
}

export function cacheStore(): Promise<LanguageStore> {
  return caches.open(ENGINE_CACHE).then((c) => ({
    match: (url) => c.match(url),
    put: (url, res) => c.put(url, res),
    delete: (url) => c.delete(url),
    keys: async () => (await c.keys()).map((r) => r.url),
  }));
}

const liveDeps = (): ObtainDeps => ({ fetch: (...a) => fetch(...a), store: cacheStore, index: appLanguages, source: languageSource(), base: appBase() });

/** A failure is remembered this long, so that each page of a job does not ask again. */
const FAILURE_MS = 30_000;
const inFlight = new Map<string, Promise<Obtained>>();
const failures = new Map<string, { at: number; result: Obtained }>();
/** Without Cache Storage: the app's own files already checked in this page, not checked again on every page. */
const checkedUncached = new Set<string>();

/**
 * Makes `code` ready to read: on this device, verified. Never throws: a language that
 * cannot be had comes back as a code and a sentence naming it and what to do.
 * `again`: a person asked (a Download button), so a recent failure is not taken as the answer.
 */
export async function obtainLanguage(
  code: string,
  opts: { onProgress?: (p: LanguageProgress) => void; again?: boolean; deps?: ObtainDeps } = {},
): Promise<Obtained> {
  const deps = opts.deps ?? liveDeps();
  const key = `${code} ${deps.source?.url ?? ''}`;
  const failed = failures.get(key);
  if (failed && !opts.again && Date.now() - failed.at < FAILURE_MS) return failed.result;
  let run = inFlight.get(key);
  if (!run) {
    run = obtain(code, deps, opts.onProgress).finally(() => inFlight.delete(key));
    inFlight.set(key, run);
  }
  const result = await run;
  if (result.ok) failures.delete(key);
  else failures.set(key, { at: Date.now(), result });
  return result;
}

async function obtain(code: string, deps: ObtainDeps, onProgress?: (p: LanguageProgress) => void): Promise<Obtained> {
  const store = await deps.store().catch(() => null);
  const keyUrl = languageUrl(code, deps.base);
  if (store && (await savedIn(store, keyUrl))) return { ok: true, from: 'device' };
  if (!store && checkedUncached.has(keyUrl)) return { ok: true, from: 'app' };
  const label = languageLabel(code);
  const tries: { url: string; from: 'app' | 'source' }[] = [];
  if (onAppServer(code, deps.index)) tries.push({ url: keyUrl, from: 'app' });
  if (deps.source?.codes.has(code)) tries.push(...sourceUrls(deps.source, code).map((url) => ({ url, from: 'source' as const })));
  if (!tries.length) return unavailable(code, deps.source);
  const answers: string[] = [];
  let offline = false;
  let notTraineddata = false;
  for (const t of tries) {
    const got = await download(t.url, code, deps.fetch, onProgress);
    if ('why' in got) {
      answers.push(`${t.url} answered ${got.why}`);
      offline ||= got.offline === true;
      notTraineddata ||= got.notTraineddata === true;
      continue;
    }
    if (!store) {
      // No Cache Storage (the widget in a third-party frame): Tesseract fetches a copy of the
      // app's own file again, as checked here; a source's file it could not reach.
      if (t.from === 'app') {
        checkedUncached.add(keyUrl);
        return { ok: true, from: 'app' };
      }
      return { ok: false, code: 'language_not_kept', detail: `${label} was downloaded, but this browser gives the app no Cache Storage to keep it in; it cannot be read here.` };
    }
    try {
      await store.put(keyUrl, new Response(got.bytes as BlobPart, { headers: { 'Content-Type': 'application/octet-stream', 'Content-Length': String(got.bytes.byteLength) } }));
    } catch (err) {
      return { ok: false, code: 'language_not_kept', detail: `${label} was downloaded, but this browser refused to keep it (${(err as Error).message ?? err}); free some disk space and try again.` };
    }
    return { ok: true, from: t.from };
  }
  const what = deps.source ? `Check the language source in Settings → Languages (now ${deps.source.url}), or ask the administrator.` : 'Ask the administrator of this app.';
  return {
    ok: false,
    code: notTraineddata ? 'language_not_traineddata' : 'language_fetch_failed',
    detail: offline
      ? `${label} is not saved on this device and could not be fetched (${answers.join('; ')}): you may be offline. Download it in Settings → Languages while online to read it offline.`
      : `${label} could not be had: ${answers.join('; ')}. ${what}`,
  };
}

function unavailable(code: string, source: LanguageSource | null): Obtained {
  const label = languageLabel(code);
  return {
    ok: false,
    code: 'language_unavailable',
    detail: source
      ? `${label} is not available: this app's server does not have it and the language source (${source.url}) does not list it. Pick another language, or ask the administrator to add it.`
      : `${label} is not available on this app's server and no language source is set: set one in Settings → Languages (a folder holding ${code}.traineddata.gz), or ask the administrator to add the language to the app.`,
  };
}

type Download = { bytes: Uint8Array } | { why: string; offline?: boolean; notTraineddata?: boolean };

async function download(url: string, code: string, fetcher: typeof fetch, onProgress?: (p: LanguageProgress) => void): Promise<Download> {
  let res: Response;
  try {
    res = await fetcher(url, { cache: 'no-store' });
  } catch (err) {
    return { why: `nothing (${(err as Error).message ?? err})`, offline: true };
  }
  if (!res.ok || !res.body) return { why: `HTTP ${res.status}` };
  const total = Number(res.headers.get('Content-Length')) || null;
  const chunks: Uint8Array[] = [];
  let received = 0;
  const reader = res.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      received += value.byteLength;
      onProgress?.({ code, received, total: total === null ? null : Math.max(total, received) });
    }
  } catch (err) {
    return { why: `a download cut short (${(err as Error).message ?? err})`, offline: true };
  }
  const bytes = new Uint8Array(received);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  const check = await checkTraineddata(bytes, res.headers.get('Content-Type') ?? '');
  if (!check.ok) return { why: check.why, notTraineddata: true };
  return { bytes };
}

/** Whether the store holds a verified copy at `url`; a copy that is not traineddata is deleted. */
async function savedIn(store: LanguageStore, url: string): Promise<boolean> {
  const res = await store.match(url).catch(() => undefined);
  if (!res?.body) return false;
  const prefix = await readPrefix(res.body, PREFIX_BYTES).catch(() => new Uint8Array());
  if ((await checkTraineddata(prefix, res.headers.get('Content-Type') ?? '')).ok) return true;
  // An older version kept a static host's fallback page under this name: never trust it.
  await store.delete(url).catch(() => false);
  return false;
}

/** Whether `code` is on this device, checked by its bytes (not just its URL). */
export async function isSaved(code: string, deps: Pick<ObtainDeps, 'store' | 'base'> = liveDeps()): Promise<boolean> {
  const store = await deps.store().catch(() => null);
  return !!store && (await savedIn(store, languageUrl(code, deps.base)));
}

/** The codes with a copy on this device (by URL; isSaved() checks the bytes). */
export async function savedCodes(deps: Pick<ObtainDeps, 'store' | 'base'> = liveDeps()): Promise<string[]> {
  const store = await deps.store().catch(() => null);
  if (!store) return [];
  const prefix = new URL('vendor/lang/', deps.base).href;
  return (await store.keys()).filter((u) => u.startsWith(prefix) && u.endsWith('.traineddata.gz')).map((u) => u.slice(prefix.length, -'.traineddata.gz'.length));
}

/** Deletes the device's copy of `code`. */
export async function forgetLanguage(code: string, deps: Pick<ObtainDeps, 'store' | 'base'> = liveDeps()): Promise<void> {
  const store = await deps.store().catch(() => null);
  await store?.delete(languageUrl(code, deps.base));
  for (const key of [...failures.keys()]) if (key.startsWith(`${code} `)) failures.delete(key);
}
