// Which languages this deployment can provide: those on the app's own server (shipped with
// it, or vendored by the build), and those of a language source (the build's, or a person's
// own in Settings → Languages). The picker offers these and no others.
import { config } from '../shared/config';
import { prefs } from '../shared/settings-store';
import shippedCodes from './shipped-languages.json';
import tesseractLanguages from '../shared/tesseract-languages.json';

export interface IndexedLanguage {
  code: string;
  /** size of its .traineddata.gz; 0 when not known */
  bytes: number;
}

/** vendor/lang/index.json, as scripts/vendor.mjs writes it */
export interface LanguageIndex {
  /** the curated set that comes with the app */
  shipped: IndexedLanguage[];
  /** more languages on the app's server (OCR_VENDOR_ALL_LANGUAGES), fetched when first needed */
  vendored: IndexedLanguage[];
}

declare const __OCR_LANGUAGES__: LanguageIndex | undefined;

/**
 * The index as the build found it (vite.config.ts reads it): known offline and before any
 * fetch, so "Installed with the app" is never empty. Without a build, the curated list.
 */
export const appLanguages: LanguageIndex =
  typeof __OCR_LANGUAGES__ !== 'undefined' && __OCR_LANGUAGES__
    ? { shipped: __OCR_LANGUAGES__.shipped, vendored: __OCR_LANGUAGES__.vendored ?? [] }
    : { shipped: shippedCodes.map((code) => ({ code, bytes: 0 })), vendored: [] };

export const LANGUAGE_SOURCE_KEY = 'ocrchat.languages.source';

export interface LanguageSource {
  /** absolute: a folder ending in '/', or a URL with `{code}` */
  url: string;
  /** a person's own, set in Settings, not the build's */
  custom: boolean;
  /** the codes it is taken to hold */
  codes: ReadonlySet<string>;
}

/** The app's base URL (absolute): where its own files and the language cache's keys live. */
export function appBase(): string {
  return new URL(import.meta.env?.BASE_URL ?? '/', globalThis.location?.href ?? 'http://localhost/').href;
}

/** Where a language's verified copy is kept in Cache Storage, and where Tesseract reads it. */
export const languageUrl = (code: string, base = appBase()): string => new URL(`vendor/lang/${code}.traineddata.gz`, base).href;

const TESSERACT = new Set<string>(tesseractLanguages);

function absolute(url: string, base: string): string {
  const abs = new URL(url.replaceAll('{code}', '__code__'), base).href.replaceAll('__code__', '{code}');
  return abs.includes('{code}') || abs.endsWith('/') ? abs : abs + '/';
}

/** The language source in use: a person's own before the build's; null when there is none. */
export function languageSource(base = appBase()): LanguageSource | null {
  const own = prefs.get(LANGUAGE_SOURCE_KEY)?.trim();
  if (own) return { url: absolute(own, base), custom: true, codes: TESSERACT };
  if (!config.languageSource) return null;
  const codes = config.languageSourceLanguages ? new Set(config.languageSourceLanguages) : TESSERACT;
  return { url: absolute(config.languageSource, base), custom: false, codes };
}

/** Sets a person's own language source; null or '' goes back to the build's. Throws on a malformed URL. */
export function setLanguageSource(url: string | null, base = appBase()): void {
  const v = url?.trim();
  if (v) new URL(v.replaceAll('{code}', 'x'), base);
  prefs.set(LANGUAGE_SOURCE_KEY, v || null);
}

/** The URLs a source may hold a language at, in the order tried. */
export function sourceUrls(source: Pick<LanguageSource, 'url'>, code: string): string[] {
  if (source.url.includes('{code}')) return [source.url.replaceAll('{code}', code)];
  return [`${source.url}${code}.traineddata.gz`, `${source.url}${code}.traineddata`];
}

/** On the app's own server: shipped or vendored. */
export function onAppServer(code: string, index: LanguageIndex = appLanguages): boolean {
  return index.shipped.some((l) => l.code === code) || index.vendored.some((l) => l.code === code);
}

/**
 * The languages a page can be read in here, by code: the app server's, the source's, and
 * `saved` (already on this device). 'osd' is a tool of the engine, not a language to read.
 */
export function offeredLanguages(source = languageSource(), saved: Iterable<string> = [], index: LanguageIndex = appLanguages): string[] {
  const codes = new Set<string>([...index.shipped, ...index.vendored].map((l) => l.code));
  for (const c of source?.codes ?? []) codes.add(c);
  for (const c of saved) codes.add(c);
  codes.delete('osd');
  return [...codes].filter((c) => TESSERACT.has(c));
}
