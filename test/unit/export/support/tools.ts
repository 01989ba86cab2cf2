// Running the command-line tools (poppler-utils) that check the exports, and comparing text.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'ocr-export-'));
// Each test file imports this afresh (Vitest isolates files) and cleans up after itself.
afterAll(() => rmSync(dir, { recursive: true, force: true }));

export async function saveBlob(blob: Blob, name: string): Promise<string> {
  const path = join(dir, name);
  writeFileSync(path, Buffer.from(await blob.arrayBuffer()));
  return path;
}

export function tool(cmd: string, args: string[]): { stdout: string; stderr: string; raw: Buffer } {
  const r = spawnSync(cmd, args, { maxBuffer: 1 << 28 });
  if (r.error) throw new Error(`${cmd} is needed for this test (apt-get install poppler-utils): ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr.toString()}`);
  return { stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8'), raw: r.stdout };
}

// Bidi marks and embeddings pdftotext wraps right-to-left runs in.
const BIDI = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function words(text: string): string[] {
  return text.replace(BIDI, ' ').split(/\s+/).filter(Boolean);
}

export function sortedWords(text: string): string {
  return words(text).sort().join(' ');
}

/** Character error rate: edit distance over the reference's length, in code points. */
export function cer(reference: string, hypothesis: string): number {
  const a = [...reference];
  const b = [...hypothesis];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]! / Math.max(1, a.length);
}

/** A binary PPM (P6) or PGM (P5), 8-bit, as pdftoppm and pdfimages write them. */
export function readPpm(buf: Buffer): { width: number; height: number; rgb(x: number, y: number): number[] } {
  const head = buf.toString('latin1', 0, 64).match(/^P([56])\s+(\d+)\s+(\d+)\s+255\s/);
  if (!head) throw new Error('not an 8-bit P5/P6 file');
  const n = head[1] === '6' ? 3 : 1;
  const width = Number(head[2]);
  const height = Number(head[3]);
  const at = head[0].length;
  return { width, height, rgb: (x, y) => [...buf.subarray(at + (y * width + x) * n, at + (y * width + x) * n + n)] };
}

export function save(name: string, data: Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, data);
  return path;
}

/** A Blob of bytes (a copy: Node's Buffer may sit on a shared pool). */
export function blobOf(bytes: Uint8Array, type = ''): Blob {
  return new Blob([new Uint8Array(bytes)], { type });
}
