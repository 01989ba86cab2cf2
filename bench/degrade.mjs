#!/usr/bin/env node
// Degraded copies of the evaluation receipts: the same receipts (and keys) as a phone or a
// cheap scanner would give them, for checking that the receipt rules hold beyond the exact
// readings of the public pages. Two copies of each receipt, made by ImageMagick:
//   d1  scaled to 80%, JPEG quality 45 (a small, compressed photo)
//   d2  turned 1.5°, blurred (σ 0.5), scaled to 90%, JPEG quality 75 (a skewed, soft scan)
//   d3  turned 3° the other way, scaled to 85%, JPEG quality 70 (a phone photo at a slant)
//
//   node bench/degrade.mjs --out DIR [--eval DIR]
//
// DIR gets d1/, d2/ and d3/, each an eval folder of its own (manifest.json, the receipts under
// their own names, their .gt.txt and .key.json), and all/ with both, named …d1.jpg / …d2.jpg.
// Then: node bench/run.mjs --eval DIR/all --kind receipt …   (fields, per receipt)
//       node bench/chat.mjs --eval DIR/d1 --set receipts …   (chat; once per copy)
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';

const ROOT = join(dirname(new URL(import.meta.url).pathname), '..');
const { values: args } = parseArgs({
  options: {
    out: { type: 'string' },
    eval: { type: 'string', default: process.env.OCR_EVAL_DIR ?? join(ROOT, '..', 'shared', 'eval', 'public') },
  },
});
if (!args.out) {
  console.error('usage: node bench/degrade.mjs --out DIR [--eval DIR]');
  process.exit(2);
}
try {
  execFileSync('convert', ['-version'], { stdio: 'ignore' });
} catch {
  console.error('bench/degrade.mjs needs ImageMagick\'s convert (Debian: apt-get install imagemagick).');
  process.exit(2);
}

/** @type {Record<string, string[]>} */
const COPIES = {
  d1: ['-resize', '80%', '-quality', '45'],
  d2: ['-background', 'white', '-rotate', '1.5', '-blur', '0x0.5', '-resize', '90%', '-quality', '75'],
  d3: ['-background', 'white', '-rotate', '-3', '-resize', '85%', '-quality', '70'],
};

/** @type {Array<{ file: string, gt: string, kind: string }>} */
const manifest = JSON.parse(readFileSync(join(args.eval, 'manifest.json'), 'utf8'));
const receipts = manifest.filter((m) => m.kind === 'receipt' && existsSync(join(args.eval, m.file.replace(/\.[^.]+$/, '.key.json'))));
const all = [];
for (const [tag, ops] of Object.entries(COPIES)) {
  const dir = join(args.out, tag);
  mkdirSync(join(args.out, 'all'), { recursive: true });
  mkdirSync(dir, { recursive: true });
  for (const m of receipts) {
    const base = m.file.replace(/\.[^.]+$/, '');
    execFileSync('convert', [join(args.eval, m.file), ...ops, join(dir, `${base}.jpg`)]);
    for (const ext of ['.gt.txt', '.key.json']) copyFileSync(join(args.eval, base + ext), join(dir, base + ext));
    copyFileSync(join(dir, `${base}.jpg`), join(args.out, 'all', `${base}${tag}.jpg`));
    for (const ext of ['.gt.txt', '.key.json']) copyFileSync(join(args.eval, base + ext), join(args.out, 'all', `${base}${tag}${ext}`));
    all.push({ ...m, file: `${base}${tag}.jpg`, gt: `${base}${tag}.gt.txt`, degraded: tag });
  }
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(receipts.map((m) => ({ ...m, file: `${m.file.replace(/\.[^.]+$/, '')}.jpg`, degraded: tag })), null, 1));
}
writeFileSync(join(args.out, 'all', 'manifest.json'), JSON.stringify(all, null, 1));
console.log(`bench/degrade.mjs: ${receipts.length} receipts, ${Object.keys(COPIES).length} copies each, in ${args.out}/{${Object.keys(COPIES).join(',')},all}`);
