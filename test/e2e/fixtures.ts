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

/**
 * A born-digital page laid out like an encyclopaedia article: a sidebar title beside the
 * first paragraph, a sans-serif list in the sidebar beside a later one, and a full-width
 * paragraph below. pdftotext reads the sidebar title between the first two paragraphs and
 * the list last.
 */
export function sidebarPdf(): Buffer {
  const doc = new jsPDF({ unit: 'pt', format: 'letter' });
  const body = (lines: string[], y: number) => {
    doc.setFont('times', 'normal');
    doc.setFontSize(12);
    lines.forEach((l, i) => doc.text(l, 36, y + i * 15));
  };
  doc.setFont('times', 'bold');
  doc.setFontSize(24);
  doc.text('Iris (plant)', 36, 90);
  body(['Iris is a flowering plant genus of three hundred', 'accepted species with showy flowers. It is also', 'widely used as a common name for all the species', 'and for some closely related genera as well.'], 130);
  doc.setFont('helvetica', 'bold');
  doc.setFontSize(12);
  doc.text('Sidebar', 440, 142);
  body(['The often segregated genera are included here', 'because the plants share their seed capsules and', 'their leaves, which grow from creeping rhizomes.'], 215);
  body(['Three varieties are used in a well known data set', 'outlined by a statistician in a paper on the use', 'of multiple measurements in taxonomic problems.'], 290);
  doc.setFont('helvetica', 'normal');
  doc.setFontSize(11);
  ['Belamcanda', 'Hermodactylus', 'Iridodictyum', 'Juno', 'Pardanthopsis'].forEach((l, i) => doc.text(l, 440, 300 + i * 15));
  body(['A last paragraph runs the full width of the page below both of the columns above it,', 'so that it is read after the side list and not before it.'], 420);
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

/** A PDF whose first page is born-digital and second page is a scan. */
export function mixedPdf(): Buffer {
  const doc = new jsPDF({ unit: 'px', format: [640, 480], orientation: 'landscape', hotfixes: ['px_scaling'] });
  doc.setFontSize(20);
  doc.text('Born digital first page with a real text layer.', 40, 80);
  doc.addPage([640, 480], 'landscape');
  doc.addImage(new Uint8Array(testocrPng), 'PNG', 0, 0, 640, 480);
  return Buffer.from(doc.output('arraybuffer'));
}

/** A scan that carries an old, wrong, invisible OCR layer over its image. */
export function scanWithOldOcrLayer(): Buffer {
  const doc = new jsPDF({ unit: 'px', format: [640, 480], orientation: 'landscape', hotfixes: ['px_scaling'] });
  doc.addImage(new Uint8Array(testocrPng), 'PNG', 0, 0, 640, 480);
  doc.text('OLD GARBLED OCR LAYER zzqx wrong words here', 40, 80, { renderingMode: 'invisible' });
  return Buffer.from(doc.output('arraybuffer'));
}

/** A born-digital page with a picture and, beside its visible text, a short hidden note. */
export function bornDigitalWithHiddenNote(): Buffer {
  const doc = new jsPDF({ unit: 'px', format: [640, 480], orientation: 'landscape', hotfixes: ['px_scaling'] });
  doc.addImage(new Uint8Array(testocrPng), 'PNG', 400, 300, 200, 150);
  doc.setFontSize(20);
  doc.text('Visible body text of a born-digital report page.', 40, 80);
  doc.text('A second visible line of the same report.', 40, 120);
  doc.text('hidden index note', 40, 160, { renderingMode: 'invisible' });
  return Buffer.from(doc.output('arraybuffer'));
}

export function encryptedPdf(): Buffer {
  const doc = new jsPDF({ encryption: { userPassword: 'secret', ownerPassword: 'owner', userPermissions: ['print'] } });
  doc.text('Secret text', 20, 20);
  return Buffer.from(doc.output('arraybuffer'));
}

/** A PNG whose header claims 12000×9000 pixels (108 MP), with no image data behind it. */
export function hugePngHeader(): Buffer {
  const b = Buffer.from(testocrPng.subarray(0, 33));
  b.writeUInt32BE(12000, 16);
  b.writeUInt32BE(9000, 20);
  return b;
}

/** An uncompressed multi-page RGB TIFF (little-endian), written by hand. */
export function multiPageTiff(pages: { width: number; height: number; rgb: Uint8Array }[]): Buffer {
  const parts: Buffer[] = [];
  let offset = 8;
  const header = Buffer.alloc(8);
  header.write('II', 0, 'latin1');
  header.writeUInt16LE(42, 2);
  parts.push(header);
  const ifdOffsets: number[] = [];
  const layouts = pages.map((p) => {
    const dataAt = offset;
    offset += p.rgb.length;
    const bpsAt = offset;
    offset += 6;
    const ifdAt = offset;
    offset += 2 + 10 * 12 + 4;
    ifdOffsets.push(ifdAt);
    return { p, dataAt, bpsAt, ifdAt };
  });
  header.writeUInt32LE(ifdOffsets[0]!, 4);
  layouts.forEach(({ p, dataAt, bpsAt }, i) => {
    parts.push(Buffer.from(p.rgb));
    const bps = Buffer.alloc(6);
    bps.writeUInt16LE(8, 0); bps.writeUInt16LE(8, 2); bps.writeUInt16LE(8, 4);
    parts.push(bps);
    const entries: [number, number, number, number][] = [
      [256, 4, 1, p.width], [257, 4, 1, p.height], [258, 3, 3, bpsAt], [259, 3, 1, 1], [262, 3, 1, 2],
      [273, 4, 1, dataAt], [277, 3, 1, 3], [278, 4, 1, p.height], [279, 4, 1, p.rgb.length], [284, 3, 1, 1],
    ];
    const ifd = Buffer.alloc(2 + entries.length * 12 + 4);
    ifd.writeUInt16LE(entries.length, 0);
    entries.forEach(([tag, type, count, value], k) => {
      const o = 2 + k * 12;
      ifd.writeUInt16LE(tag, o); ifd.writeUInt16LE(type, o + 2); ifd.writeUInt32LE(count, o + 4);
      if (type === 3 && count === 1) ifd.writeUInt16LE(value, o + 8);
      else ifd.writeUInt32LE(value, o + 8);
    });
    ifd.writeUInt32LE(ifdOffsets[i + 1] ?? 0, 2 + entries.length * 12);
    parts.push(ifd);
  });
  return Buffer.concat(parts);
}

/** A two-page invoice, born-digital: the amounts are on page 2 (the total as given). */
export function invoicePdf(total = '215.00'): Buffer {
  const doc = new jsPDF({ unit: 'pt', format: 'letter' });
  doc.setFontSize(24);
  doc.text('INVOICE', 72, 90);
  doc.setFontSize(12);
  const first = ['Acme Corporation', '12 Harbour Road, Springfield', 'Invoice No: INV-2041', 'Date: 12/03/2026', 'Bill to: Globex Ltd'];
  first.forEach((l, i) => doc.text(l, 72, 130 + i * 20));
  doc.addPage();
  const second = ['Description                Qty        Amount', 'Widgets                     10        150.00', 'Service fee                  1         45.00', 'Subtotal: 195.00', 'Tax (10%): 20.00', `Total: ${total} USD`, 'Payment due within 30 days.'];
  second.forEach((l, i) => doc.text(l, 72, 90 + i * 20));
  return Buffer.from(doc.output('arraybuffer'));
}

/** A born-digital page of hotel rules, for questions put in other words than its own. */
export function houseRulesPdf(): Buffer {
  const doc = new jsPDF({ unit: 'pt', format: 'letter' });
  doc.setFontSize(18);
  doc.text('House rules for guests of the Harbour Hotel', 72, 90);
  doc.setFontSize(12);
  const paragraphs = [
    'Breakfast is served in the garden room from seven to ten every morning.',
    'Smoking is prohibited in all rooms and on the balconies until January 2027, while the building is being renovated.',
    'Pets are welcome in the ground floor rooms for a small cleaning charge.',
    'Guests in Lisbon can book the airport shuttle at the front desk.',
  ];
  let y = 130;
  for (const p of paragraphs) {
    const lines = doc.splitTextToSize(p, 460) as string[];
    doc.text(lines, 72, y);
    y += lines.length * 16 + 14;
  }
  return Buffer.from(doc.output('arraybuffer'));
}
