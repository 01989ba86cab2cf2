// Test documents made by the tests themselves (jsPDF in Node).
import { jsPDF } from 'jspdf';
import { readFileSync } from 'node:fs';

export const testocrPng = readFileSync('test/fixtures/testocr.png');

/** A born-digital PDF: every page has a real text layer. */
export function textPdf(pages: number): Buffer {
  const doc = new jsPDF({ unit: 'pt', format: 'letter' });
  for (let i = 0; i < pages; i++) {
    if (i) doc.addPage();
    doc.setFontSize(22);
    doc.text(`Chapter ${i + 1}`, 72, 90);
    doc.setFontSize(12);
    doc.text(`This is page ${i + 1} of the born-digital test document.`, 72, 130);
    doc.text(`The invoice total on this page is ${(i + 1) * 100}.00 USD.`, 72, 150);
  }
  return Buffer.from(doc.output('arraybuffer'));
}

/** A scanned PDF: every page is only an image of text, so it needs OCR. */
export function scannedPdf(pages: number, png: Buffer = testocrPng): Buffer {
  const doc = new jsPDF({ unit: 'px', format: [640, 480], orientation: 'landscape', hotfixes: ['px_scaling'] });
  for (let i = 0; i < pages; i++) {
    if (i) doc.addPage([640, 480], 'landscape');
    doc.addImage(new Uint8Array(png), 'PNG', 0, 0, 640, 480);
  }
  return Buffer.from(doc.output('arraybuffer'));
}
