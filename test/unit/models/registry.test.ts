// The model registry and manager's pure parts: where files come from, what the sizes add
// up to, the host's hash header, SHA-256, and the sentence a job fails with.
import { describe, expect, it } from 'vitest';
import { MODELS, downloadBytes, findModel, hostHash, modelsFor, requireModel, sha256Hex, sourceUrl, storeKey, ModelError } from '../../../src/models';
import { PPOCR_V4 } from '../../../src/models/ppocr';

const base = 'https://app.example/';

describe('model registry', () => {
  it('lists PP-OCRv4 from the app and the optional models from a host, each id once', () => {
    const ids = MODELS.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(findModel('ppocr-v4')?.source).toEqual({ kind: 'app', folder: 'vendor/models/ppocr-v4/' });
    expect(modelsFor('handwriting').map((m) => m.id)).toContain('trocr-small-handwritten');
    expect(modelsFor('math').map((m) => m.id)).toContain('texify');
    expect(findModel('granite-docling-258m')?.requiresWebGPU).toBe(true);
  });

  it('gives every built-in file its size and SHA-256, and no invented hash for host models', () => {
    const pp = findModel('ppocr-v4')!;
    expect(downloadBytes(pp)).toBe(PPOCR_V4.det.bytes + PPOCR_V4.cls.bytes + PPOCR_V4.rec.bytes + PPOCR_V4.recWasm.bytes + PPOCR_V4.dict.bytes);
    for (const f of pp.files) expect(f.sha256).toMatch(/^[0-9a-f]{64}$/);
    for (const m of MODELS.filter((m) => m.source.kind === 'host')) {
      for (const f of m.files) expect(f.sha256).toBeNull();
    }
    expect(downloadBytes(findModel('texify')!)).toBeNull();
    expect(downloadBytes(findModel('trocr-small-handwritten')!)).toBeGreaterThan(60e6);
  });

  it('builds download URLs for the hub and for a self-hosted folder, and one cache key for both', () => {
    const trocr = findModel('trocr-small-handwritten')!;
    const file = trocr.files.find((f) => f.path.endsWith('encoder_model_quantized.onnx'))!;
    const hub = { url: 'https://huggingface.co/', pathTemplate: '{model}/resolve/{revision}/', custom: false };
    const own = { url: 'https://models.example/ocr/', pathTemplate: '{model}/', custom: true };
    expect(sourceUrl(trocr, file, hub, base)).toBe('https://huggingface.co/Xenova/trocr-small-handwritten/resolve/main/onnx/encoder_model_quantized.onnx');
    expect(sourceUrl(trocr, file, own, base)).toBe('https://models.example/ocr/Xenova/trocr-small-handwritten/onnx/encoder_model_quantized.onnx');
    expect(storeKey(trocr, file, base)).toBe('https://app.example/model-files/Xenova/trocr-small-handwritten/main/onnx/encoder_model_quantized.onnx');
    const pp = findModel('ppocr-v4')!;
    expect(sourceUrl(pp, pp.files[0]!, own, base)).toBe('https://app.example/vendor/models/ppocr-v4/ch_PP-OCRv4_det_infer.onnx');
  });

  it('reads a SHA-256 from the host’s (linked) ETag and ignores other ETags', () => {
    const h = 'a'.repeat(64);
    expect(hostHash(new Headers({ 'X-Linked-Etag': `"${h}"` }))).toBe(h);
    expect(hostHash(new Headers({ ETag: `W/"${h.toUpperCase()}"` }))).toBe(h);
    expect(hostHash(new Headers({ ETag: '"5d41402abc4b2a76b9719d911017c592"' }))).toBeUndefined();
  });

  it('hashes with SubtleCrypto', async () => {
    expect(await sha256Hex(new TextEncoder().encode('abc') as Uint8Array<ArrayBuffer>)).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('fails at once, naming what to download, when the handwriting model is absent', async () => {
    const err = await requireModel('handwriting', 'Handwriting to text').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ModelError);
    expect((err as ModelError).code).toBe('model_missing');
    expect((err as ModelError).detail).toMatch(/TrOCR small, handwritten.*Settings → Models/);
  });

  it('a whole-page model that also does math (granite-docling) is not what the math tool asks for', async () => {
    expect(modelsFor('math').map((m) => m.id)).toContain('granite-docling-258m');
    const err = await requireModel('math', 'Math to LaTeX').catch((e: unknown) => e);
    expect((err as ModelError).detail).toMatch(/download “Texify/);
  });
});
