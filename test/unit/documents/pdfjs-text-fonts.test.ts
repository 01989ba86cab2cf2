import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { jsPDF } from 'jspdf';
import { patchPdfWorker, pdfjsTextFonts } from '../../../scripts/pdfjs-text-fonts.mjs';
import { EVAL_DIR } from '../../shared-dir';

const require = createRequire(import.meta.url);
const pdfjsRoot = dirname(require.resolve('pdfjs-dist/package.json'));
const here = dirname(fileURLToPath(import.meta.url));

/** A PDF with an embedded TrueType font (Liberation Sans, as pdfjs-dist ships it): jsPDF writes it as CIDFontType2. */
function embeddedTrueTypePdf(): Uint8Array {
  const doc = new jsPDF();
  const ttf = readFileSync(join(pdfjsRoot, 'standard_fonts', 'LiberationSans-Regular.ttf'));
  doc.addFileToVFS('LiberationSans.ttf', ttf.toString('base64'));
  doc.addFont('LiberationSans.ttf', 'LiberationSans', 'normal');
  doc.setFont('LiberationSans', 'normal');
  doc.text('Invoice 2026-11: ﬁve items, total € 1 234,50 — “paid”.', 15, 20);
  doc.setFontSize(9);
  doc.text(['Straße, Ærø, Ñandú, Œuvre, Ψ and Ж', 'Second line of small print (12.5 %).'], 15, 32);
  return new Uint8Array(doc.output('arraybuffer'));
}

type Items = Record<string, { items: unknown[][]; styles: Record<string, { fontFamily: string; ascent?: number; descent?: number }> }[]>;

function textItems(worker: string, maxImageSize: number, files: string[]): Items {
  const out = execFileSync(process.execPath, [join(here, 'pdf-text-items.mjs'), worker, String(maxImageSize), ...files], { maxBuffer: 64 << 20 });
  return JSON.parse(out.toString()) as Items;
}

describe('pdf.js worker: text-only openings skip TrueType programs', () => {
  it('applies to the pdfjs-dist installed (the worker the app bundles, and the legacy one), and fails loudly when the line is gone', () => {
    for (const file of ['build/pdf.worker.mjs', 'legacy/build/pdf.worker.mjs']) {
      const code = readFileSync(join(pdfjsRoot, file), 'utf8');
      const patched = patchPdfWorker(code);
      expect(patched).toContain('evaluatorOptions.maxImageSize === 0 && (type === "TrueType" || type === "CIDFontType2") ? undefined');
      expect(patched.length).toBeGreaterThan(code.length);
    }
    expect(() => patchPdfWorker('const data = 1;')).toThrow(/pdfjs-text-fonts/);
    // The plugin touches pdf.js's worker module only.
    const plugin = pdfjsTextFonts();
    expect(plugin.transform('x', '/a/node_modules/pdfjs-dist/build/pdf.mjs')).toBeNull();
    expect(() => plugin.transform('x', '/a/node_modules/pdfjs-dist/build/pdf.worker.mjs')).toThrow(/pdfjs-text-fonts/);
  });

  it('gives the same text items as pdf.js unchanged, and leaves openings that draw pages alone', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pdfjs-fonts-'));
    const original = join(pdfjsRoot, 'legacy/build/pdf.worker.mjs');
    const patched = join(dir, 'pdf.worker.mjs');
    writeFileSync(patched, patchPdfWorker(readFileSync(original, 'utf8')));
    const generated = join(dir, 'embedded.pdf');
    writeFileSync(generated, embeddedTrueTypePdf());
    // The evaluation set's born-digital files: CID TrueType with ToUnicode (Wikipedia), simple
    // TrueType with WinAnsi and no ToUnicode (the complaint); and a scan with an OCR layer.
    const files = [generated, ...['Iris_(plant)_-_Wikipedia_123.pdf', 'complaint_1.pdf', 'trident_v_connecticut_general.pdf'].map((f) => join(EVAL_DIR, 'pdf', f)).filter((f) => existsSync(f))];

    const before = textItems(original, 0, files);
    const after = textItems(patched, 0, files);
    for (const f of files) {
      expect(after[f]!.map((p) => p.items), f).toEqual(before[f]!.map((p) => p.items));
      expect(after[f]!.flatMap((p) => p.items).length, f).toBeGreaterThan(0);
    }
    // The programs were skipped: their ascent and descent (read from the font program) are gone or differ.
    const metrics = (it: Items, f: string) => it[f]!.flatMap((p) => Object.values(p.styles).map((s) => [s.fontFamily, s.ascent, s.descent]));
    expect(metrics(after, generated)).not.toEqual(metrics(before, generated));
    // An opening that keeps its images (one that draws) parses every font as before.
    const drawing = textItems(patched, -1, [generated]);
    expect(drawing).toEqual(textItems(original, -1, [generated]));
  }, 60_000);
});
