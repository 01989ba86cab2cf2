// scripts/vendor-languages.mjs on a made-up node_modules: the curated set always, every other
// installed @tesseract.js-data/<code> only with OCR_VENDOR_ALL_LANGUAGES, and an index that
// tells the two apart.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vendorLanguages } from '../../../scripts/vendor-languages.mjs';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function fakeModules(): { dataDir: string; outDir: string; debian: string } {
  const root = mkdtempSync(join(tmpdir(), 'ocrchat-vendor-'));
  dirs.push(root);
  const dataDir = join(root, 'node_modules', '@tesseract.js-data');
  const put = (code: string, variant: string, bytes: number) => {
    mkdirSync(join(dataDir, code, variant), { recursive: true });
    writeFileSync(join(dataDir, code, variant, `${code}.traineddata.gz`), Buffer.alloc(bytes, 1));
  };
  put('eng', '4.0.0_best_int', 30);
  put('eng', '4.0.0', 90);
  put('osd', '4.0.0', 40);
  put('ell', '4.0.0_best_int', 20);
  put('grc', '4.0.0', 25);
  const debian = join(root, 'tessdata');
  mkdirSync(debian);
  writeFileSync(join(debian, 'rus.traineddata'), Buffer.alloc(500, 2));
  return { dataDir, outDir: join(root, 'public', 'vendor', 'lang'), debian };
}

describe('vendorLanguages', () => {
  it('copies the curated set (best_int first, Debian for what npm lacks) and nothing else by default', () => {
    const { dataDir, outDir, debian } = fakeModules();
    const index = vendorLanguages({ outDir, dataDir, shipped: ['eng', 'osd', 'rus'], debianDirs: [debian], log: () => {} });
    expect(index.shipped.map((l) => l.code)).toEqual(['eng', 'osd', 'rus']);
    expect(index.shipped[0]!.bytes).toBe(30);
    expect(index.vendored).toEqual([]);
    expect(readdirSync(outDir).sort()).toEqual(['eng.traineddata.gz', 'index.json', 'osd.traineddata.gz', 'rus.traineddata.gz']);
    expect(JSON.parse(readFileSync(join(outDir, 'index.json'), 'utf8'))).toEqual(index);
  });

  it('with all: every other installed package too, listed apart, and says which known codes are not installed', () => {
    const { dataDir, outDir } = fakeModules();
    const lines: string[] = [];
    const index = vendorLanguages({ outDir, dataDir, shipped: ['eng', 'osd'], all: true, known: ['eng', 'ell', 'grc', 'heb', 'tha'], debianDirs: [], log: (l) => lines.push(l) });
    expect(index.shipped.map((l) => l.code)).toEqual(['eng', 'osd']);
    expect(index.vendored).toEqual([{ code: 'ell', bytes: 20 }, { code: 'grc', bytes: 25 }]);
    expect(JSON.parse(readFileSync(join(outDir, 'index.json'), 'utf8')).vendored).toHaveLength(2);
    expect(lines.join('\n')).toContain('npm i --no-save @tesseract.js-data/heb @tesseract.js-data/tha');
  });

  it('a curated language with no traineddata anywhere is left out of the index and reported', () => {
    const { dataDir, outDir } = fakeModules();
    const lines: string[] = [];
    const index = vendorLanguages({ outDir, dataDir, shipped: ['eng', 'kor'], debianDirs: [], log: (l) => lines.push(l) });
    expect(index.shipped.map((l) => l.code)).toEqual(['eng']);
    expect(lines[0]).toMatch(/no traineddata for kor/);
  });
});
