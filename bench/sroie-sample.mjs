#!/usr/bin/env node
// An evaluation folder of SROIE receipts the rules were not written on: a seeded sample from a
// local copy of the ICDAR 2019 SROIE training set (a git checkout or a bare mirror of
// zzzDavid/ICDAR-2019-SROIE: data/img/NNN.jpg, data/key/NNN.json, data/box/NNN.csv), leaving out
// the receipts of the public evaluation folder. Each receipt gets its key (.key.json) and its
// text (.gt.txt, the box file's line transcriptions in file order), as the public ones have.
//   node bench/sroie-sample.mjs --repo DIR --out DIR [--count 60] [--seed 7] [--skip 0]
//   node bench/run.mjs --eval DIR --kind receipt --no-native --long-pdf 0 --passes 1 --parallel 2
// --skip N passes over the sample's first N receipts: two samples of one seed never overlap
// (--count 40 for a folder to look into, --skip 40 --count 60 for one only measured).
// The SROIE images carry no licence of their own (research use): the folder stays out of the repo.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';

const ROOT = join(dirname(new URL(import.meta.url).pathname), '..');
const { values: args } = parseArgs({
  options: {
    repo: { type: 'string' },
    out: { type: 'string' },
    count: { type: 'string', default: '60' },
    seed: { type: 'string', default: '7' },
    skip: { type: 'string', default: '0' },
    eval: { type: 'string', default: process.env.OCR_EVAL_DIR ?? join(ROOT, '..', 'shared', 'eval', 'public') },
  },
});
if (!args.repo || !args.out) {
  console.error('usage: node bench/sroie-sample.mjs --repo DIR --out DIR [--count N] [--seed S] [--skip N]');
  process.exit(2);
}
const repo = args.repo;
// a work tree reads files; a bare mirror (the fetch tool's) reads them from HEAD
const bare = !existsSync(join(repo, 'data', 'img'));
/** @param {string} path @returns {Buffer} */
const read = (path) => (bare ? execFileSync('git', ['--git-dir', repo, 'show', `HEAD:${path}`], { maxBuffer: 64 << 20 }) : readFileSync(join(repo, path)));
const names = bare
  ? execFileSync('git', ['--git-dir', repo, 'ls-tree', '--name-only', 'HEAD', 'data/img/'], { encoding: 'utf8' }).split('\n').filter(Boolean).map((p) => p.split('/').pop() ?? '')
  : readdirSync(join(repo, 'data', 'img'));
const ids = names.filter((n) => /^\d+\.jpg$/.test(n)).map((n) => n.replace(/\.jpg$/, ''));

/** @type {Array<{ file: string }>} */
const publicManifest = existsSync(join(args.eval, 'manifest.json')) ? JSON.parse(readFileSync(join(args.eval, 'manifest.json'), 'utf8')) : [];
const known = new Set(publicManifest.map((m) => /receipt_sroie_(\d+)/.exec(m.file)?.[1]).filter(Boolean));

let seed = Number(args.seed);
const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
// a seeded shuffle of the receipts not in the public folder
const pool = ids.filter((id) => !known.has(id));
for (let i = pool.length - 1; i > 0; i--) {
  const j = Math.floor(rnd() * (i + 1));
  [pool[i], pool[j]] = [pool[j], pool[i]];
}
const sample = pool.slice(Number(args.skip), Number(args.skip) + Number(args.count)).sort();
mkdirSync(args.out, { recursive: true });
const manifest = [];
for (const id of sample) {
  const base = `receipt_sroie_${id}`;
  const key = JSON.parse(read(`data/key/${id}.json`).toString('utf8'));
  const lines = read(`data/box/${id}.csv`)
    .toString('utf8')
    .split(/\r?\n/)
    .map((l) => l.split(',').slice(8).join(','))
    .filter((t) => t.trim());
  writeFileSync(join(args.out, `${base}.jpg`), read(`data/img/${id}.jpg`));
  writeFileSync(join(args.out, `${base}.key.json`), JSON.stringify(key, null, 4));
  writeFileSync(join(args.out, `${base}.gt.txt`), lines.join('\n') + '\n');
  manifest.push({
    file: `${base}.jpg`,
    gt: `${base}.gt.txt`,
    lang: 'eng',
    kind: 'receipt',
    source_repo: 'zzzDavid/ICDAR-2019-SROIE',
    source_path: `data/img/${id}.jpg + data/box/${id}.csv`,
    gt_note: "line transcriptions from box CSV, file order; SROIE GT is upper-cased, so score case-insensitively",
    case_insensitive: true,
  });
}
writeFileSync(join(args.out, 'manifest.json'), JSON.stringify(manifest, null, 1));
console.log(`bench/sroie-sample.mjs: ${manifest.length} receipts (seed ${args.seed}, after ${args.skip}), ${known.size} public ones left out, in ${args.out}`);
