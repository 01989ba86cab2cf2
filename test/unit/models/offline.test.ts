// What Settings counts as "on this device" for offline use: the runtime builds are listed with
// the sizes and hashes of the files npm ships (an upgrade that changes them fails here, not in
// a person's download), each model names the runtime build that loads it, and the cache names
// the chat models screen looks for are web-llm's own.
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { MODELS, ORT_WASM, ORT_WEBGPU, findModel, runtimesFor, sizeText } from '../../../src/models';
import { WEBLLM_CACHE_PREFIX } from '../../../src/models/chat';

const ortFile = (name: string) => readFileSync(`node_modules/onnxruntime-web/dist/${name}`);

describe('offline: what the Accurate tier loads', () => {
  it('lists both onnxruntime builds with the size and SHA-256 of the files npm ships', () => {
    for (const [entry, name] of [[ORT_WASM, 'ort-wasm-simd-threaded.wasm'], [ORT_WEBGPU, 'ort-wasm-simd-threaded.asyncify.wasm']] as const) {
      const bytes = ortFile(name);
      expect(entry.source.kind).toBe('app');
      expect(entry.files).toHaveLength(1);
      expect(entry.files[0]!.bytes).toBe(bytes.length);
      expect(entry.files[0]!.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
      expect(MODELS).toContain(entry);
    }
    expect(sizeText(ORT_WASM)).toBe('14 MB');
  });

  it('names the runtime build each model needs: PP-OCRv4 the WASM one (and the WebGPU one with an adapter), downloaded models the WebGPU one', () => {
    const pp = findModel('ppocr-v4')!;
    expect(runtimesFor(pp, false)).toEqual([ORT_WASM]);
    expect(runtimesFor(pp, true)).toEqual([ORT_WEBGPU, ORT_WASM]);
    expect(runtimesFor(findModel('trocr-small-handwritten')!, false)).toEqual([ORT_WEBGPU]);
    expect(runtimesFor(ORT_WASM, true)).toEqual([]);
  });

  it('looks for chat models under the Cache Storage names web-llm writes', () => {
    const lib = readFileSync('node_modules/@mlc-ai/web-llm/lib/index.js', 'utf8');
    for (const scope of ['model', 'config', 'wasm']) expect(lib).toContain(`"${WEBLLM_CACHE_PREFIX}${scope}"`);
    expect(lib).toMatch(/cacheBackend: "cache"/);
  });
});
