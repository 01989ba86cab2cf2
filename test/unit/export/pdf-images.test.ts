// Page images of every PNG and JPEG kind go into the PDF and come out of poppler's renderer
// (pdftoppm) the colour they went in, the right way up.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Job } from '../../../src/shared/contract';
import { exporters } from '../../../src/export';
import { job, page } from './support/fixture';
import { encodeJpeg } from './support/jpeg';
import { encodePng, idatData, type PngOptions } from './support/png';
import { blobOf, readPpm, saveBlob, tool } from './support/tools';

type RGB = number[];
const RED = [220, 40, 40];
const GREEN = [40, 180, 60];
const BLUE = [40, 60, 200];
const YELLOW = [230, 200, 40];
const WHITE = [255, 255, 255];
const QUADRANTS = [RED, GREEN, BLUE, YELLOW]; // top left, top right, bottom left, bottom right

const SIZE = 32;
const quadrant = (x: number, y: number, w = SIZE, h = SIZE) => (y < h / 2 ? 0 : 2) + (x < w / 2 ? 0 : 1);

function onePage(width: number, height: number): Job {
  const p = page(0, []);
  return job([{ ...p, width, height, text: '' }]);
}

async function render(image: Buffer, width = SIZE, height = SIZE): Promise<{ rgb(x: number, y: number): number[]; pdf: Buffer; path: string }> {
  const blob = await exporters.pdf.export({ job: onePage(width, height), pageImage: async () => blobOf(image) });
  const path = await saveBlob(blob, 'image.pdf');
  const ppm = readPpm(tool('pdftoppm', ['-r', '72', path]).raw);
  expect([ppm.width, ppm.height]).toEqual([width, height]); // small images are 72 dpi: 1 px = 1 pt
  return { rgb: ppm.rgb, pdf: readFileSync(path), path };
}

/** The colour at each quadrant's centre. */
function centres(rgb: (x: number, y: number) => number[], w = SIZE, h = SIZE): RGB[] {
  return [
    rgb(w / 4, h / 4),
    rgb((3 * w) / 4, h / 4),
    rgb(w / 4, (3 * h) / 4),
    rgb((3 * w) / 4, (3 * h) / 4),
  ];
}

function expectColours(got: RGB[], want: RGB[], tolerance: number): void {
  got.forEach((c, i) => c.forEach((v, k) => expect(Math.abs(v - want[i]![k]!), `quadrant ${i}: got ${c}, want ${want[i]}`).toBeLessThanOrEqual(tolerance)));
}

const grey = (v: number) => [v, v, v];
const blend = (c: RGB, a: number) => c.map((v) => Math.round((v * a + 255 * (255 - a)) / 255));

interface PngCase {
  name: string;
  options: PngOptions;
  sample: (q: number) => number[];
  want: RGB[];
  /** PNG data goes in as is (no decoding) */
  asIs: boolean;
}

const palette = [RED, GREEN, BLUE, YELLOW];
const CASES: PngCase[] = [
  { name: 'RGB 8-bit', options: { colorType: 2 }, sample: (q) => QUADRANTS[q]!, want: QUADRANTS, asIs: true },
  { name: 'RGB 16-bit', options: { colorType: 2, bitDepth: 16 }, sample: (q) => QUADRANTS[q]!.map((v) => v * 257), want: QUADRANTS, asIs: true },
  { name: 'grey 8-bit', options: { colorType: 0 }, sample: (q) => [[30, 90, 160, 230][q]!], want: [30, 90, 160, 230].map(grey), asIs: true },
  { name: 'grey 1-bit', options: { colorType: 0, bitDepth: 1 }, sample: (q) => [q % 3 === 0 ? 0 : 1], want: [0, 255, 255, 0].map(grey), asIs: true },
  { name: 'palette 4-bit', options: { colorType: 3, bitDepth: 4, palette }, sample: (q) => [q], want: QUADRANTS, asIs: true },
  {
    name: 'RGB with a transparent colour key (tRNS)',
    options: { colorType: 2, transparency: [0, 230, 0, 200, 0, 40] },
    sample: (q) => QUADRANTS[q]!,
    want: [RED, GREEN, BLUE, WHITE],
    asIs: true,
  },
  {
    name: 'RGBA 8-bit, half and fully transparent',
    options: { colorType: 6 },
    sample: (q) => [...QUADRANTS[q]!, [128, 255, 255, 0][q]!],
    want: [blend(RED, 128), GREEN, BLUE, WHITE],
    asIs: false,
  },
  { name: 'RGBA 8-bit, opaque', options: { colorType: 6 }, sample: (q) => [...QUADRANTS[q]!, 255], want: QUADRANTS, asIs: false },
  {
    name: 'RGBA 16-bit',
    options: { colorType: 6, bitDepth: 16 },
    sample: (q) => [...QUADRANTS[q]!.map((v) => v * 257), q === 3 ? 0 : 65535],
    want: [RED, GREEN, BLUE, WHITE],
    asIs: false,
  },
  { name: 'grey + alpha', options: { colorType: 4 }, sample: (q) => [[30, 90, 160, 230][q]!, q === 0 ? 0 : 255], want: [WHITE, grey(90), grey(160), grey(230)], asIs: false },
  {
    name: 'palette 2-bit with palette transparency',
    options: { colorType: 3, bitDepth: 2, palette, transparency: [255, 255, 255, 0] },
    sample: (q) => [q],
    want: [RED, GREEN, BLUE, WHITE],
    asIs: false,
  },
  { name: 'RGB interlaced (Adam7)', options: { colorType: 2, interlace: true }, sample: (q) => QUADRANTS[q]!, want: QUADRANTS, asIs: false },
  { name: 'grey 4-bit interlaced', options: { colorType: 0, bitDepth: 4, interlace: true }, sample: (q) => [[1, 5, 9, 15][q]!], want: [17, 85, 153, 255].map(grey), asIs: false },
  {
    name: 'RGBA interlaced',
    options: { colorType: 6, interlace: true },
    sample: (q) => [...QUADRANTS[q]!, q === 1 ? 0 : 255],
    want: [RED, WHITE, BLUE, YELLOW],
    asIs: false,
  },
];

describe('pdf page images', () => {
  for (const c of CASES) {
    it(`PNG ${c.name}: renders its colours`, async () => {
      // Odd sizes would hide Adam7 and sub-byte row mistakes less; 32 + 3 columns is not a multiple of 8.
      const png = encodePng(SIZE, SIZE, (x, y) => c.sample(quadrant(x, y)), c.options);
      const { rgb, pdf } = await render(png);
      expectColours(centres(rgb), c.want, 3);
      expect(pdf.includes(idatData(png)), 'the IDAT data is in the PDF unchanged').toBe(c.asIs);
    });
  }

  it('PNG of an odd width with 1-bit rows that do not fill their last byte', async () => {
    const w = 35;
    const h = 21;
    const png = encodePng(w, h, (x, y) => [(x + y) % 2], { colorType: 0, bitDepth: 1, interlace: true });
    const { path } = await render(png, w, h);
    // The image as stored in the PDF, pixel for pixel.
    tool('pdfimages', [path, path]);
    const img = readPpm(readFileSync(existsSync(`${path}-000.pgm`) ? `${path}-000.pgm` : `${path}-000.ppm`));
    expect([img.width, img.height]).toEqual([w, h]);
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) expect(img.rgb(x, y)[0]).toBe((x + y) % 2 ? 255 : 0);
  });

  it('PNG with an alpha channel gets a soft mask', async () => {
    const png = encodePng(SIZE, SIZE, (x, y) => [...QUADRANTS[quadrant(x, y)]!, 100], { colorType: 6 });
    const { path } = await render(png);
    const rows = tool('pdfimages', ['-list', path]).stdout.trim().split('\n').slice(2);
    expect(rows.map((r) => r.trim().split(/\s+/)[2])).toEqual(['image', 'smask']);
  });

  it('JPEG goes in byte for byte (DCTDecode) and renders its colours', async () => {
    const jpeg = encodeJpeg(SIZE, SIZE, (bx, by) => QUADRANTS[quadrant(bx * 8, by * 8)]!);
    const { rgb, pdf, path } = await render(jpeg);
    expectColours(centres(rgb), QUADRANTS, 6);
    expect(pdf.includes(jpeg)).toBe(true);
    const row = tool('pdfimages', ['-list', path]).stdout.trim().split('\n')[2]!.trim().split(/\s+/);
    expect([row[3], row[4], row[5], row[8]]).toEqual(['32', '32', 'rgb', 'jpeg']);
  });

  it('greyscale JPEG', async () => {
    const jpeg = encodeJpeg(SIZE, SIZE, (bx, by) => [[30, 90, 160, 230][quadrant(bx * 8, by * 8)]!], { grey: true });
    const { rgb } = await render(jpeg);
    expectColours(centres(rgb), [30, 90, 160, 230].map(grey), 3);
  });

  // The engine saw the photo upright (browsers apply EXIF orientation), so the page is
  // upright too; the stored pixels are drawn turned. Stored: 48×32, quadrants as above.
  const turned: [number, number, number, RGB[]][] = [
    [3, 48, 32, [YELLOW, BLUE, GREEN, RED]],
    [6, 32, 48, [BLUE, RED, YELLOW, GREEN]],
    [8, 32, 48, [GREEN, YELLOW, RED, BLUE]],
    [2, 48, 32, [GREEN, RED, YELLOW, BLUE]],
  ];
  for (const [orientation, w, h, want] of turned) {
    it(`JPEG with EXIF orientation ${orientation} is drawn upright`, async () => {
      const jpeg = encodeJpeg(48, 32, (bx, by) => QUADRANTS[quadrant(bx * 8, by * 8, 48, 32)]!, { orientation });
      const { rgb } = await render(jpeg, w, h);
      expectColours(centres(rgb, w, h), want, 6);
    });
  }
});
