// Allowances, caps and limits: the one place they live. Each can be set when the
// app is built (VITE_ or OCR_ environment variables, see vite.config.ts `define`).
import type { ModelEntry } from './models';

declare const __OCR_CONFIG__: Partial<OcrConfig> | undefined;

export interface PlanLimits {
  /** pages per file */
  maxPagesPerFile: number;
  /** bytes per file */
  maxFileBytes: number;
  /** queue priority: higher first */
  priority: number;
}

export interface OcrConfig {
  anonDailyPages: number;
  freeMonthlyPages: number;
  creditsPerPage: { cpu: number; vlm: number };
  creditsPerChatMessage: number;
  /** the longest chat message taken, in characters */
  maxChatMessageChars: number;
  plans: { anonymous: PlanLimits; free: PlanLimits; paid: PlanLimits };
  /** files at most this many days old are kept; older uploads are deleted */
  retentionDays: number;
  /** files of this many pages or fewer answer inline */
  inlinePages: number;
  /** a translator download (Chrome's Translator API) that shows no progress this long fails the page, in ms */
  translatorStallMs: number;
  /** how long the Accurate (vlm) tier must be idle after a page before its files are kept for offline use, in ms */
  vlmKeepAfterIdleMs: number;
  /** largest image we decode, in megapixels */
  maxMegapixels: number;
  /** ECDSA P-256 public key (JWK) that signs purchase vouchers */
  voucherPublicKey: JsonWebKey | null;
  /**
   * Where languages that the app's own server lacks are fetched from when first needed: a
   * folder holding `<code>.traineddata.gz` (or `<code>.traineddata`), or a URL with `{code}`
   * in it; '' for none (then only the languages on the app's server are offered). People
   * may set their own in Settings → Languages.
   */
  languageSource: string;
  /** the codes the language source holds; null: all of Tesseract's */
  languageSourceLanguages: string[] | null;
  /**
   * Where the vlm tier's optional models are downloaded from: a model hub, or a folder
   * (relative URLs are on the app's origin). `{model}` and `{revision}` are filled in from
   * the registry; a user's own folder in Settings → Models takes the place of this.
   */
  modelHost: { url: string; pathTemplate: string };
  /** models a deployment adds to the registry (src/models/registry.ts), served by its model host */
  extraModels: ModelEntry[];
  /**
   * Sites whose pages may drive the /embed widget by postMessage and receive its results:
   * origins such as `https://example.com`, `https://*.example.com` (any subdomain) or
   * `http://localhost:*` (any port). The app's own origin is always allowed. Empty: the
   * widget works for the person using it, and tells no other page anything.
   */
  embedAllowedOrigins: string[];
}

const MB = 1024 * 1024;

export const defaults: OcrConfig = {
  anonDailyPages: 50,
  freeMonthlyPages: 500,
  creditsPerPage: { cpu: 1, vlm: 5 },
  creditsPerChatMessage: 1,
  maxChatMessageChars: 4000,
  plans: {
    anonymous: { maxPagesPerFile: 50, maxFileBytes: 50 * MB, priority: 0 },
    free: { maxPagesPerFile: 200, maxFileBytes: 100 * MB, priority: 1 },
    paid: { maxPagesPerFile: 2000, maxFileBytes: 500 * MB, priority: 2 },
  },
  retentionDays: 30,
  inlinePages: 5,
  translatorStallMs: 45_000,
  vlmKeepAfterIdleMs: 5000,
  maxMegapixels: 100,
  voucherPublicKey: null,
  languageSource: '',
  languageSourceLanguages: null,
  modelHost: { url: 'https://huggingface.co/', pathTemplate: '{model}/resolve/{revision}/' },
  extraModels: [],
  embedAllowedOrigins: [],
};

function merge(base: OcrConfig, over: Partial<OcrConfig> | undefined): OcrConfig {
  if (!over) return base;
  return {
    ...base,
    ...over,
    creditsPerPage: { ...base.creditsPerPage, ...over.creditsPerPage },
    modelHost: { ...base.modelHost, ...over.modelHost },
    plans: {
      anonymous: { ...base.plans.anonymous, ...over.plans?.anonymous },
      free: { ...base.plans.free, ...over.plans?.free },
      paid: { ...base.plans.paid, ...over.plans?.paid },
    },
  };
}

export const config: OcrConfig = merge(
  defaults,
  typeof __OCR_CONFIG__ !== 'undefined' ? __OCR_CONFIG__ : undefined,
);
