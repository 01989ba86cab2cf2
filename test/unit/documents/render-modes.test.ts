import { describe, expect, it } from 'vitest';
import { jsPDF } from 'jspdf';
import { zlibSync } from 'fflate';
import { mayDrawInvisibleText } from '../../../src/documents/pdf-render-modes';
import { concat } from '../../../src/export/pdf/bytes';

type Mode = 'fill' | 'invisible' | 'addToPathForClipping' | 'stroke';

function jspdfFile(modes: Mode[], compress: boolean): Uint8Array {
  const doc = new jsPDF({ compress });
  modes.forEach((mode, i) => {
    if (i > 0) doc.addPage();
    doc.text(`Page ${i + 1}: quarterly figures and notes`, 20, 30, { renderingMode: mode });
  });
  return new Uint8Array(doc.output('arraybuffer'));
}

const enc = (s: string) => new Uint8Array([...s].map((c) => c.charCodeAt(0)));

/** A one-page PDF whose page draws a form XObject; `stream` is its data and `dict` its extra keys. */
function handMade(stream: Uint8Array, dict: string, trailerExtra = ''): Uint8Array {
  const parts: Uint8Array[] = [
    enc('%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n'),
    enc('2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n'),
    enc('3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R /Resources << /XObject << /X1 5 0 R >> >> >>\nendobj\n'),
    enc('4 0 obj\n<< /Length 9 >>\nstream\n/X1 Do \n\nendstream\nendobj\n'),
    enc(`5 0 obj\n<< /Type /XObject /Subtype /Form /BBox [0 0 200 200] ${dict} /Length ${stream.length} >>\nstream\n`),
    stream,
    enc(`\nendstream\nendobj\ntrailer\n<< /Root 1 0 R /Size 6 ${trailerExtra} >>\n%%EOF\n`),
  ];
  return concat(parts as Uint8Array<ArrayBuffer>[]);
}

const TEXT = 'BT /F1 12 Tf 20 100 Td (scanned words) Tj ET';

describe('mayDrawInvisibleText: a file that never hides text skips the per-page operator-list check', () => {
  it('a born-digital file drawn in the fill mode, compressed or not, hides nothing', async () => {
    expect(await mayDrawInvisibleText(jspdfFile(['fill', 'fill'], true))).toBe(false);
    expect(await mayDrawInvisibleText(jspdfFile(['fill', 'stroke'], false))).toBe(false);
  });

  it('invisible text (mode 3) is seen through Flate compression and on a later page', async () => {
    expect(await mayDrawInvisibleText(jspdfFile(['fill', 'invisible'], true))).toBe(true);
    expect(await mayDrawInvisibleText(jspdfFile(['invisible'], false))).toBe(true);
  });

  it('clip-only text (mode 7) counts as hidden', async () => {
    expect(await mayDrawInvisibleText(jspdfFile(['addToPathForClipping'], true))).toBe(true);
  });

  it('a hidden layer inside a form XObject is found, however the number is written', async () => {
    expect(await mayDrawInvisibleText(handMade(enc(`${TEXT.replace('BT', 'BT 3 Tr')}`), ''))).toBe(true);
    expect(await mayDrawInvisibleText(handMade(enc(`${TEXT.replace('BT', 'BT 3.0 Tr')}`), ''))).toBe(true);
    expect(await mayDrawInvisibleText(handMade(zlibSync(enc(`q ${TEXT.replace('BT', 'BT 7Tr')} Q`)), '/Filter /FlateDecode'))).toBe(true);
    expect(await mayDrawInvisibleText(handMade(zlibSync(enc(`q ${TEXT.replace('BT', 'BT 0 Tr')} Q`)), '/Filter [/FlateDecode]'))).toBe(false);
  });

  it('doubt answers true: encryption, a filter not read here, a predictor, a damaged stream', async () => {
    const plain = enc(TEXT);
    expect(await mayDrawInvisibleText(handMade(plain, ''))).toBe(false);
    expect(await mayDrawInvisibleText(handMade(plain, '', '/Encrypt 9 0 R'))).toBe(true);
    expect(await mayDrawInvisibleText(handMade(enc('42542054722e3e'), '/Filter /ASCIIHexDecode'))).toBe(true);
    expect(await mayDrawInvisibleText(handMade(zlibSync(plain), '/Filter /FlateDecode /DecodeParms << /Predictor 12 >>'))).toBe(true);
    expect(await mayDrawInvisibleText(handMade(enc('not deflate data at all'), '/Filter /FlateDecode'))).toBe(true);
  });

  it('images and fonts are not read as content', async () => {
    // Bytes that would look like a hiding mode, in streams that cannot draw text.
    const tricky = enc('3 Tr');
    expect(await mayDrawInvisibleText(handMade(tricky, '/Filter /DCTDecode'))).toBe(false);
    expect(await mayDrawInvisibleText(handMade(tricky, '/Length1 4'))).toBe(false);
  });
});
